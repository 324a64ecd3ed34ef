// Shared helpers of the unit tests: the fixture article, loaded and indexed.
#pragma once

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/corpus.hpp"
#include "core/load.hpp"
#include "core/view_state.hpp"

namespace wwe::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string mini_json() {
    return read_file(std::string(WWE_TEST_DATA) + "/mini.json");
}

// The fixture (tests/data/mini.json) as a corpus; warnings go to `warnings` if given.
inline Corpus mini_corpus(std::vector<Diagnostic>* warnings = nullptr) {
    LoadResult r = load_article(mini_json());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);
    if (warnings) *warnings = w;
    return c;
}

// A data article (tests/data/`file`) with `texts` added as passages at its end, in its last
// section, indexed; `language` replaces meta.language when given. Fails the test when the
// result does not load.
inline Corpus with_passages(const std::string& file, const std::vector<std::string>& texts,
                            const std::string& language = "") {
    nlohmann::json a = nlohmann::json::parse(read_file(std::string(WWE_TEST_DATA) + "/" + file));
    if (!language.empty()) a["meta"]["language"] = language;
    int k = 0;
    for (const std::string& t : texts) {
        nlohmann::json p = a["passages"].back();  // in the last section: sections stay in order
        p["id"] = "added" + std::to_string(++k);
        p["text"] = t;
        for (const char* drop : {"annotations", "spans", "marks"}) p.erase(drop);
        a["passages"].push_back(p);
    }
    LoadResult r = load_article(a.dump());
    for (const Diagnostic& d : r.diagnostics) INFO(d.to_string());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    return build_corpus(std::move(*r.article), w);
}

// A random view state over `c` using every member (ids from the article, odd numbers,
// text that needs escaping): the input of the round-trip property tests.
inline ViewState random_state(const Corpus& c, std::mt19937& rng) {
    const Article& a = c.article;
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    static const std::vector<std::string> words{
        "win", "security", "\"zero-sum game\"", "AIIB", "\u4e00\u5e26\u4e00\u8def", "&", "=", "%",
        "#",   "+",        "\xc3\xa9t\xc3\xa9", " "};
    ViewState s;
    for (const Facet& f : a.facets)
        for (const FacetValue& v : f.values)
            if (pick(3) == 0) s.facets[f.id].insert(v.id);
    for (int k = pick(4); k > 0; --k) s.query += words[pick(static_cast<int>(words.size()))];
    const int nodes = static_cast<int>(a.nodes.size());
    switch (pick(6)) {
        case 1:
            s.selection = {Selection::Kind::Node, a.nodes[pick(nodes)].id};
            break;
        case 2:
            s.selection = {Selection::Kind::Passage, a.passages[pick(4)].id};
            break;
        case 3:
            s.selection = {Selection::Kind::Event, "e1"};
            break;
        case 4:
            s.selection = {Selection::Kind::Relation, "r1"};
            break;
        case 5: {
            const int x = pick(nodes), y = (x + 1 + pick(nodes - 1)) % nodes;
            s.selection = {Selection::Kind::Pair, pair_id(a, x, y)};
            break;
        }
        default:
            break;
    }
    if (pick(2)) s.passage = a.passages[pick(4)].id;
    s.view = static_cast<View>(pick(kViewCount));
    s.map.edges = static_cast<MapEdges>(pick(3));
    s.map.min_weight = 1 + pick(99);
    s.map.depth = 1 + pick(2);
    if (pick(2)) {
        s.map.x = static_cast<float>(pick(200000) - 100000) / 7.0f;
        s.map.y = static_cast<float>(pick(2000)) * 0.013f;
        s.map.zoom = 0.05f + static_cast<float>(pick(3900)) / 101.0f;
    }
    if (pick(2)) s.map.color = a.facets[pick(static_cast<int>(a.facets.size()))].id;
    if (pick(3) == 0) s.map.seed = 1 + static_cast<std::uint32_t>(pick(2147483646));
    for (int k = pick(3); k > 0; --k)
        s.map.pins[a.nodes[pick(nodes)].id] = {static_cast<float>(pick(20000) - 10000) / 3.0f,
                                               static_cast<float>(pick(2000)) * -0.37f};
    if (pick(3) == 0) {
        const double begin = 1900 + pick(2000) / 13.0;
        s.timeline = {begin, begin + 0.05 + pick(5000) / 17.0};
    }
    if (pick(2)) s.matrix.rows = a.facets[pick(static_cast<int>(a.facets.size()))].id;
    if (pick(2)) s.matrix.columns = a.facets[pick(static_cast<int>(a.facets.size()))].id;
    return s;
}

}  // namespace wwe::test
