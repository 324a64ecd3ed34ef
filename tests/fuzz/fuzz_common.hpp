// Shared helpers of the libFuzzer targets (tests/fuzz/fuzz_*.cpp): the fixture article,
// loaded and indexed once per process, and a fresh controller on it.
//
// Every target is a function of its input alone (no state carried between inputs), so a
// crash found by a long run reproduces from its file: `build/fuzz/fuzz_X crash-...`.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "core/controller.hpp"
#include "core/corpus.hpp"
#include "core/load.hpp"

namespace wwe::fuzz {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// tests/data/mini.json (its path is compiled in: WWE_FUZZ_ARTICLE).
inline const std::string& fixture_json() {
    static const std::string text = read_file(WWE_FUZZ_ARTICLE);
    return text;
}

// The fixture as a corpus, built once; aborts when the fixture does not load (a broken
// build, not a finding).
inline const Corpus& fixture_corpus() {
    static const Corpus corpus = [] {
        LoadResult r = load_article(fixture_json());
        if (!r.ok()) std::abort();
        std::vector<Diagnostic> warnings;
        return build_corpus(std::move(*r.article), warnings);
    }();
    return corpus;
}

// A controller with the fixture loaded, at its default view.
inline std::unique_ptr<Controller> fixture_controller() {
    auto c = std::make_unique<Controller>();
    if (!c->load(fixture_json()).ok) std::abort();
    return c;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace wwe::fuzz
