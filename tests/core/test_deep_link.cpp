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
    CHECK(f.rfind("ver=2&v=reader&f.front=economic,security&f.section=s1&q=", 0) == 0);
    CHECK(f.find("&sel=entity:bri&p=p2") != std::string::npos);
    std::vector<Diagnostic> problems;
    CHECK(from_fragment("#" + f, c, problems) == s);
    CHECK(problems.empty());
    CHECK(to_fragment(ViewState{}, c) == "ver=2&v=reader&art=a-small-test-article");
}

TEST_CASE("random states round-trip through links (property)") {
    Corpus c = test::mini_corpus();
    std::mt19937 rng(2026);
    for (int round = 0; round < 500; ++round) {
        const ViewState s = test::random_state(c, rng);
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

TEST_CASE("a link naming an unknown facet or value says which the article has") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    from_fragment("f.colour=red&f.front=naval", c, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].pointer == "#f.colour");
    CHECK(problems[0].expected == "a facet of this article (dimension, front, section)");
    CHECK(problems[1].pointer == "#f.front");
    CHECK(problems[1].expected.find("a value of facet 'front' (") == 0);
    CHECK(problems[1].expected.find("security") != std::string::npos);
}

TEST_CASE("views, map and matrix in the state, the JSON and the link") {
    Corpus c = test::mini_corpus();
    ViewState s;
    s.view = View::Map;
    s.map.edges = MapEdges::Both;
    s.map.min_weight = 3;
    s.map.depth = 2;
    s.map.color = "front";
    s.map.seed = 7;
    s.map.pins = {{"bri", {10.5f, -3}}, {"win-win", {0, 0.25f}}};
    s.map.x = 12.5f;
    s.map.y = -0.1f;
    s.map.zoom = 1.75f;
    s.matrix = {"front", "section"};
    s.timeline = {2012.5, 2017};
    s.selection = {Selection::Kind::Relation, "r1"};
    std::vector<Diagnostic> problems;
    CHECK(view_state_from_json(to_json(s, c), c, ViewState{}, problems) == s);
    CHECK(problems.empty());
    std::string f = to_fragment(s, c);
    CHECK(f == "ver=2&v=map&sel=relation:r1&e=both&w=3&d=2&c=front&s=7&pin=bri:10.5:-3,win-win:0:0.25&mv=12.5,-0.1,1.75"
               "&mr=front&mc=section&t=2012.5,2017&art=a-small-test-article");
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
        ViewState bad = from_fragment("ver=2&v=map&e=all&w=0&d=3&mv=1,2&mr=colour&mc=front&c=colour&s=0&pin=bri:1&t=3,1", c, p);
        CHECK(bad.view == View::Map);
        CHECK(bad.map == MapState{});
        CHECK(bad.matrix.columns == "front");
        CHECK(bad.timeline.fitted());
        CHECK(p.size() == 9);
        std::vector<Diagnostic> p2;
        view_state_from_json(nlohmann::json::parse(R"({"map": {"zoom": 500, "x": "left", "depth": 1.5, "speed": 1,
            "pins": {"bri": [1], "nobody": [1, 2], "aiib": [3, 4]}}})"), c, ViewState{}, p2);
        CHECK(p2.size() == 6);
    }
    SUBCASE("numbers are range-checked before they are converted (no undefined behaviour)") {
        std::vector<Diagnostic> p;
        ViewState big = from_fragment("ver=2&d=7e52&w=1e30&s=-1e300&mv=1e39,0,1&t=-1e308,1e308", c, p);
        CHECK(big.map.depth == 1);
        CHECK(big.map.min_weight == 2);
        CHECK(big.map.seed == 1);
        CHECK(big.map.x == 0);  // the other two numbers of mv are in range and kept
        CHECK(big.timeline.fitted());
        CHECK(p.size() == 5);
        std::vector<Diagnostic> hex;
        from_fragment("ver=2&w=0x10&mv=0x1p3,0,1", c, hex);
        CHECK(hex.size() == 2);
    }
}

TEST_CASE("older links open: version 1 migrates, what cannot be kept is reported") {
    Corpus c = test::mini_corpus();
    SUBCASE("a version 1 link without a map position migrates silently") {
        std::vector<Diagnostic> p;
        const ViewState s = from_fragment("v=map&f.front=security&sel=entity:bri&e=both&d=2", c, p);
        CHECK(p.empty());
        CHECK(s.view == View::Map);
        CHECK(s.map.edges == MapEdges::Both);
        CHECK(s.map.depth == 2);
        CHECK(s.selection == Selection{Selection::Kind::Node, "bri"});
    }
    SUBCASE("its absolute map position is dropped and reported; the rest applies") {
        std::vector<Diagnostic> p;
        const ViewState s = from_fragment("v=map&mv=120.5,-30,2.5&q=kept", c, p);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "#mv");
        CHECK(p[0].found.find("older") != std::string::npos);
        CHECK(s.map.zoom == 0);
        CHECK(s.query == "kept");
    }
    SUBCASE("the same in JSON: version 1 drops the viewport, no version means the current one") {
        std::vector<Diagnostic> p;
        const nlohmann::json old = nlohmann::json::parse(R"({"version": 1, "map": {"x": 5, "y": 6, "zoom": 2, "depth": 2}})");
        const ViewState s = view_state_from_json(old, c, ViewState{}, p);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "/map/zoom");
        CHECK(s.map.depth == 2);
        CHECK(s.map.zoom == 0);
        std::vector<Diagnostic> none;
        const ViewState cur = view_state_from_json(nlohmann::json::parse(R"({"map": {"x": 5, "y": 6, "zoom": 2}})"), c,
                                                   ViewState{}, none);
        CHECK(none.empty());
        CHECK(cur.map.zoom == 2);
    }
    SUBCASE("a newer version than this build knows is reported") {
        std::vector<Diagnostic> p;
        from_fragment("ver=3&v=map", c, p);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "#ver");
        std::vector<Diagnostic> huge;
        from_fragment("ver=99999999999999999999&v=map", c, huge);
        CHECK(huge.size() == 1);
    }
}

TEST_CASE("an unknown node id in a link or a state names the nearest ids, as other unknown ids do") {
    const Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    const ViewState s = from_fragment("sel=concept:partnershp", c, problems);
    CHECK(s.selection.kind == Selection::Kind::None);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "#sel");
    CHECK(problems[0].expected.find("partnership") != std::string::npos);
    CHECK(problems[0].expected.find("bri") == std::string::npos);  // an entity is no concept
    problems.clear();
    view_state_from_json(nlohmann::json::parse(R"({"selection": {"kind": "entity", "id": "aib"}})"), c, ViewState{}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/selection/id");
    CHECK(problems[0].expected.find("aiib") != std::string::npos);
    problems.clear();
    from_fragment("sel=passage:p99", c, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].expected.find("p1") != std::string::npos);
}
