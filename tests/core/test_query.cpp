#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/query.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

TEST_CASE("run_query combines facets and text") {
    Corpus c = test::mini_corpus();
    QueryRequest r;
    r.text = "security";
    r.facets = {{"dimension", {"development"}}};
    QueryResult result = run_query(c, r);
    REQUIRE(result.paragraphs.size() == 1);
    CHECK(result.paragraphs[0].passage == 3);
    CHECK(result.problems.empty());
    json j = to_json(c, result);
    CHECK(j["paragraphs"][0]["index"] == 4);
    CHECK(j["paragraphs"][0]["id"] == "p4");
    CHECK(j["paragraphs"][0]["snippet"].get<std::string>().find("<mark>security</mark>") != std::string::npos);
    CHECK(j["counts"]["front"]["security"] == 1);
    CHECK(j["counts"]["dimension"]["security"] == 0);
    CHECK(j["counts"]["section"]["s2"] == 1);

    SUBCASE("the node named by the text comes first, then nodes mentioned in the result") {
        CHECK(j["concepts"][0]["id"] == "common-security");
        bool partnership = false;
        for (const json& n : j["concepts"]) partnership = partnership || n["id"] == "partnership";
        CHECK(partnership);
        CHECK(j["entities"].empty());
    }
}

TEST_CASE("without text: article order, score 0, empty results are results") {
    Corpus c = test::mini_corpus();
    json j = to_json(c, run_query(c, {"", {{"front", {"economic"}}}}));
    REQUIRE(j["paragraphs"].size() == 2);
    CHECK(j["paragraphs"][0]["index"] == 3);
    CHECK(j["paragraphs"][1]["index"] == 4);
    CHECK(j["paragraphs"][0]["score"] == 0);
    CHECK(j["entities"].size() == 2);
    CHECK(j["entities"][0]["type"] == "initiative");
    json none = to_json(c, run_query(c, {"nothingmatches", {}}));
    CHECK(none["paragraphs"].empty());
    CHECK(none["counts"]["front"]["economic"] == 0);
}

TEST_CASE("query requests from JSON") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    QueryRequest r = query_request_from_json(
        json::parse(R"({"text": "AIIB", "facets": {"front": "economic", "dimension": ["development", 3]}, "x": 1})"),
        problems);
    CHECK(r.text == "AIIB");
    CHECK(r.facets["front"] == std::set<std::string>{"economic"});
    CHECK(r.facets["dimension"] == std::set<std::string>{"development"});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].pointer == "/facets/dimension/1");
    CHECK(problems[1].pointer == "/x");
    std::vector<Diagnostic> p2;
    query_request_from_json(json::array(), p2);
    CHECK(p2.size() == 1);
    // Keys are escaped in pointers (RFC 6901), so a pointer names what it reports.
    std::vector<Diagnostic> p3;
    query_request_from_json(json::parse(R"({"facets": {"a/b~c": [1]}, "x/y": 2})"), p3);
    REQUIRE(p3.size() == 2);
    CHECK(p3[0].pointer == "/facets/a~1b~0c/0");
    CHECK(p3[1].pointer == "/x~1y");
}
