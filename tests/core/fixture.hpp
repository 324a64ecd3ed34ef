// Shared helpers of the unit tests: the fixture article, loaded and indexed.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/corpus.hpp"
#include "core/load.hpp"

namespace wwe::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string mini_json() { return read_file(std::string(WWE_TEST_DATA) + "/mini.json"); }

// The fixture (tests/data/mini.json) as a corpus; warnings go to `warnings` if given.
inline Corpus mini_corpus(std::vector<Diagnostic>* warnings = nullptr) {
    LoadResult r = load_article(mini_json());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);
    if (warnings) *warnings = w;
    return c;
}

}  // namespace wwe::test
