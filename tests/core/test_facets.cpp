#include <doctest/doctest.h>

#include "core/facets.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("facet filtering: AND across facets, OR within one") {
    Corpus c = test::mini_corpus();
    const Article& a = c.article;
    auto run = [&](const FacetSelection& s) { return filter_passages(a, resolve(a, s)); };

    CHECK(run({}) == std::vector<int>{0, 1, 2, 3});
    CHECK(run({{"front", {"security"}}}) == std::vector<int>{1, 3});
    CHECK(run({{"front", {"security", "economic"}}}) == std::vector<int>{1, 2, 3});
    CHECK(run({{"front", {"security"}}, {"dimension", {"partnership"}}}) == std::vector<int>{3});
    CHECK(run({{"section", {"s1"}}}) == std::vector<int>{1, 2});
    CHECK(run({{"front", {}}}) == std::vector<int>{0, 1, 2, 3});

    SUBCASE("unknown facets and values are reported and ignored") {
        std::vector<Diagnostic> problems;
        FacetFilter f = resolve(a, {{"front", {"militray", "economic"}}, {"colour", {"red"}}}, &problems);
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].pointer == "/facets/colour");
        CHECK(problems[1].pointer == "/facets/front/militray");
        CHECK(problems[1].expected.find("economic, security") != std::string::npos);
        CHECK(filter_passages(a, f) == std::vector<int>{2, 3});
    }
}

TEST_CASE("facet counts over a result") {
    Corpus c = test::mini_corpus();
    const Article& a = c.article;
    int dim = a.find_facet("dimension"), front = a.find_facet("front"), section = a.find_facet("section");
    auto counts = facet_counts(a, {0, 1, 2, 3});
    CHECK(counts[dim] == std::vector<int>{2, 1, 2});
    CHECK(counts[front] == std::vector<int>{2, 2});
    CHECK(counts[section] == std::vector<int>{2, 1});  // the lead has no section
    auto some = facet_counts(a, {3});
    CHECK(some[dim] == std::vector<int>{1, 0, 1});
    CHECK(facet_counts(a, {})[front] == std::vector<int>{0, 0});
}
