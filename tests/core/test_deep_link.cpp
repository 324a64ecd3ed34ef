#include <doctest/doctest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "core/deep_link.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("percent encoding") {
    CHECK(percent_encode("belt and road") == "belt%20and%20road");
    CHECK(percent_encode("\xe4\xb8\x80&=#%") == "%E4%B8%80%26%3D%23%25");
    std::string out;
    CHECK(percent_decode("a%20b%e4%B8%80", out));
    CHECK(out == "a b\xe4\xb8\x80");
    CHECK_FALSE(percent_decode("bad%2", out));
    CHECK_FALSE(percent_decode("bad%zz", out));
    CHECK_FALSE(percent_decode("%", out));
}

TEST_CASE("a deep link restores the state") {
    Corpus c = test::mini_corpus();
    ViewState s;
    s.facets = {{"front", {"security", "economic"}}, {"section", {"s1"}}};
    s.query = "win-win \"common security\" & 一带一路";
    s.selection = {Selection::Kind::Node, "bri"};
    s.passage = "p2";
    std::string f = to_fragment(s, c);
    CHECK(f.rfind("v=reader&f.front=economic,security&f.section=s1&q=", 0) == 0);
    CHECK(f.find("&sel=entity:bri&p=p2") != std::string::npos);
    std::vector<Diagnostic> problems;
    CHECK(from_fragment("#" + f, c, problems) == s);
    CHECK(problems.empty());
    CHECK(to_fragment(ViewState{}, c) == "v=reader");
}

TEST_CASE("random states round-trip (property)") {
    Corpus c = test::mini_corpus();
    const Article& a = c.article;
    std::mt19937 rng(2026);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const std::vector<std::string> words{"win", "security", "\"zero-sum game\"", "AIIB", "一带一路", "&", "=", "%", "#",
                                         "+", "\xc3\xa9t\xc3\xa9", " "};
    for (int round = 0; round < 500; ++round) {
        ViewState s;
        for (const Facet& f : a.facets)
            for (const FacetValue& v : f.values)
                if (pick(3) == 0) s.facets[f.id].insert(v.id);
        for (int k = pick(4); k > 0; --k) s.query += words[pick(static_cast<int>(words.size()))];
        switch (pick(4)) {
            case 1: s.selection = {Selection::Kind::Node, a.nodes[pick(static_cast<int>(a.nodes.size()))].id}; break;
            case 2: s.selection = {Selection::Kind::Passage, a.passages[pick(4)].id}; break;
            case 3: s.selection = {Selection::Kind::Event, "e1"}; break;
            default: break;
        }
        if (pick(2)) s.passage = a.passages[pick(4)].id;
        s.view = static_cast<View>(pick(kViewCount));
        s.map.edges = static_cast<MapEdges>(pick(3));
        s.map.min_weight = 1 + pick(99);
        s.map.depth = 1 + pick(2);
        if (pick(2)) {
            s.map.x = static_cast<float>(pick(200000) - 100000) / 7.0f;
            s.map.y = static_cast<float>(pick(2000)) * 0.013f;
            s.map.zoom = 0.02f + static_cast<float>(pick(5000)) / 101.0f;
        }
        if (pick(2)) s.matrix.rows = a.facets[pick(static_cast<int>(a.facets.size()))].id;
        if (pick(2)) s.matrix.columns = a.facets[pick(static_cast<int>(a.facets.size()))].id;
        std::vector<Diagnostic> problems;
        ViewState back = from_fragment(to_fragment(s, c), c, problems);
        INFO(to_fragment(s, c));
        CHECK(problems.empty());
        CHECK(back == s);
    }
}

TEST_CASE("garbage and stale links: reported, skipped, the rest applies") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    ViewState s = from_fragment("#v=globe&f.front=security,naval&f.colour=red&q=ok%zz&sel=concept&p=p9&zzz=1&q=kept&&=",
                                c, problems);
    CHECK(s.facets == FacetSelection{{"front", {"security"}}});
    CHECK(s.query == "kept");
    CHECK(s.passage.empty());
    CHECK(problems.size() >= 6);
    for (const Diagnostic& d : problems) CHECK(d.pointer.rfind("#", 0) == 0);
    std::vector<Diagnostic> p2;
    CHECK(from_fragment(std::string(10000, 'x'), c, p2) == ViewState{});
    CHECK(p2.size() == 1);
    std::vector<Diagnostic> p3;
    from_fragment("q=%FF%FE", c, p3);
    REQUIRE(p3.size() == 1);
    CHECK(p3[0].expected == "UTF-8 text");
    std::vector<Diagnostic> p4;
    CHECK(from_fragment("", c, p4) == ViewState{});
    CHECK(p4.empty());
}

TEST_CASE("views, map and matrix in the state, the JSON and the link") {
    Corpus c = test::mini_corpus();
    ViewState s;
    s.view = View::Map;
    s.map = {MapEdges::Both, 3, 2, 12.5f, -0.1f, 1.75f};
    s.matrix = {"front", "section"};
    std::vector<Diagnostic> problems;
    CHECK(view_state_from_json(to_json(s, c), c, ViewState{}, problems) == s);
    CHECK(problems.empty());
    std::string f = to_fragment(s, c);
    CHECK(f == "v=map&e=both&w=3&d=2&mv=12.5,-0.1,1.75&mr=front&mc=section");
    CHECK(from_fragment(f, c, problems) == s);
    CHECK(problems.empty());
    SUBCASE("every view by name") {
        for (int v = 0; v < kViewCount; ++v) {
            View back;
            REQUIRE(view_from_string(to_string(static_cast<View>(v)), back));
            CHECK(back == static_cast<View>(v));
        }
    }
    SUBCASE("out-of-range options are refused, one by one") {
        std::vector<Diagnostic> p;
        ViewState bad = from_fragment("v=map&e=all&w=0&d=3&mv=1,2&mr=colour&mc=front", c, p);
        CHECK(bad.view == View::Map);
        CHECK(bad.map == MapState{});
        CHECK(bad.matrix.columns == "front");
        CHECK(p.size() == 5);
        std::vector<Diagnostic> p2;
        view_state_from_json(nlohmann::json::parse(R"({"map": {"zoom": 500, "x": "left", "depth": 1.5, "speed": 1}})"), c,
                             ViewState{}, p2);
        CHECK(p2.size() == 4);
    }
}
