#include <doctest/doctest.h>

#include "core/facets.hpp"
#include "core/matrix.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("facet matrix counts passages in both values, a cell equals the facet query") {
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

TEST_CASE("facet matrix: passages with no value of a facet are counted apart, so totals add up") {
    Corpus c = test::mini_corpus();
    const Article& a = c.article;
    const int dim = a.find_facet("dimension"), front = a.find_facet("front");
    // p1 has a dimension and no front; p4 has two values of each.
    FacetMatrix all = cross_tab(a, {0, 1, 2, 3}, dim, front);
    CHECK(all.column_none == std::vector<int>{1, 0, 0});
    CHECK(all.row_none == std::vector<int>{0, 0});
    CHECK(all.column_none_total == 1);
    CHECK(all.row_none_total == 0);
    CHECK(all.none_none == 0);
    CHECK(all.passages == 4);
    CHECK(all.multi_valued);
    // Without p4 every passage has at most one value of each facet: each row's cells and
    // its "no value" cell add up to its total, each column's likewise, and the totals to
    // the passages.
    FacetMatrix single = cross_tab(a, {0, 1, 2}, dim, front);
    CHECK_FALSE(single.multi_valued);
    int rows_sum = single.row_none_total;
    for (std::size_t r = 0; r < single.counts.size(); ++r) {
        int sum = single.column_none[r];
        for (int n : single.counts[r]) sum += n;
        CHECK(sum == single.row_totals[r]);
        rows_sum += single.row_totals[r];
    }
    CHECK(rows_sum == single.passages);
    int cols_sum = single.column_none_total;
    for (std::size_t col = 0; col < single.column_totals.size(); ++col) {
        int sum = single.row_none[col];
        for (const auto& row : single.counts) sum += row[col];
        CHECK(sum == single.column_totals[col]);
        cols_sum += single.column_totals[col];
    }
    CHECK(cols_sum == single.passages);
    // Swapped axes: the passage without a front is now in the "no value" row.
    FacetMatrix swapped = cross_tab(a, {0, 1, 2}, front, dim);
    CHECK(swapped.row_none == std::vector<int>{1, 0, 0});
    CHECK(swapped.row_none_total == 1);
}
