#include <doctest/doctest.h>

#include "core/facets.hpp"
#include "core/matrix.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("facet matrix counts passages in both values; a cell equals the facet query") {
    Corpus c = test::mini_corpus();
    const Article& a = c.article;
    const int dim = a.find_facet("dimension"), front = a.find_facet("front");
    std::vector<int> all{0, 1, 2, 3};
    FacetMatrix m = cross_tab(a, all, dim, front);
    REQUIRE(m.counts.size() == 3);
    // rows partnership, security, development; columns economic, security
    CHECK(m.counts[0] == std::vector<int>{1, 1});  // p4
    CHECK(m.counts[1] == std::vector<int>{0, 1});  // p2
    CHECK(m.counts[2] == std::vector<int>{2, 1});  // p3, p4 | p4
    CHECK(m.row_totals == std::vector<int>{2, 1, 2});
    CHECK(m.column_totals == std::vector<int>{2, 2});
    for (int r = 0; r < 3; ++r)
        for (int col = 0; col < 2; ++col) {
            FacetSelection sel{{"dimension", {a.facets[dim].values[r].id}}, {"front", {a.facets[front].values[col].id}}};
            CHECK(cell_passages(a, all, dim, r, front, col) == filter_passages(a, resolve(a, sel)));
        }
    CHECK(cross_tab(a, all, 99, front).counts.empty());
    CHECK(cross_tab(a, {}, dim, front).counts[2] == std::vector<int>{0, 0});
}
