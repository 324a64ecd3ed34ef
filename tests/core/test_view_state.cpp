#include <doctest/doctest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "core/view_state.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

TEST_CASE("view state round-trips through JSON") {
    Corpus c = test::mini_corpus();
    ViewState s;
    s.facets = {{"front", {"security", "economic"}}, {"section", {"s2"}}};
    s.query = "win-win \u201cphrase\u201d \xe4\xb8\x80";
    s.selection = {Selection::Kind::Node, "bri"};
    s.passage = "p3";
    json j = to_json(s, c);
    CHECK(j["selection"]["kind"] == "entity");
    CHECK(j["view"] == "reader");
    std::vector<Diagnostic> problems;
    ViewState back = view_state_from_json(j, c, ViewState{}, problems);
    CHECK(problems.empty());
    CHECK(back == s);
    CHECK(to_json(back, c) == j);
    SUBCASE("the default state") {
        json d = to_json(ViewState{}, c);
        CHECK(d["selection"].is_null());
        CHECK(d["passage"].is_null());
        CHECK(d["facets"].empty());
    }
}

TEST_CASE("bad or stale state is reported part by part and the rest applies") {
    Corpus c = test::mini_corpus();
    ViewState base;
    base.query = "kept";
    std::vector<Diagnostic> problems;
    json bad = json::parse(R"({
        "view": "globe",
        "facets": {"front": ["security", "naval"], "colour": ["red"]},
        "selection": {"kind": "concept", "id": "bri"},
        "passage": 7,
        "extra": true
    })");
    ViewState s = view_state_from_json(bad, c, base, problems);
    CHECK(s.query == "kept");  // absent members keep the base value
    CHECK(s.view == View::Reader);
    CHECK(s.facets == FacetSelection{{"front", {"security"}}});
    CHECK(s.selection.kind == Selection::Kind::None);  // bri is an entity, not a concept
    CHECK(s.passage.empty());
    REQUIRE(problems.size() == 6);
    CHECK(problems[0].pointer == "/extra");  // members in key order
    SUBCASE("null clears, garbage is refused whole") {
        std::vector<Diagnostic> p;
        ViewState cleared = view_state_from_json(json::parse(R"({"query": null, "facets": null})"), c, s, p);
        CHECK(cleared.query.empty());
        CHECK(cleared.facets.empty());
        CHECK(p.empty());
        view_state_from_json(json("garbage"), c, s, p);
        CHECK(p.size() == 1);
        view_state_from_json(json::parse(R"({"query": 5})"), c, s, p);
        CHECK(p.size() == 2);
    }
}

TEST_CASE("random states round-trip through JSON, every member (property)") {
    Corpus c = test::mini_corpus();
    std::mt19937 rng(1216);
    for (int round = 0; round < 500; ++round) {
        const ViewState s = test::random_state(c, rng);
        const json j = to_json(s, c);
        CHECK(j["version"] == kViewStateVersion);
        std::vector<Diagnostic> problems;
        const ViewState back = view_state_from_json(j, c, ViewState{}, problems);
        INFO(j.dump());
        CHECK(problems.empty());
        CHECK(back == s);
        // And through the text a script would send (floats printed and read back).
        std::vector<Diagnostic> again;
        CHECK(view_state_from_json(json::parse(j.dump()), c, ViewState{}, again) == s);
        CHECK(again.empty());
    }
}
