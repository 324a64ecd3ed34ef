// Win-Win Explorer core: facet-by-facet matrix (cross-tabulation).
//
// Index
//   - FacetMatrix ..... counts[row value][column value] = passages having both values
//   - cross_tab ....... build it over a set of passages
//   - cell_passages ... the passages of one cell (what clicking a cell filters to)
#pragma once

#include <vector>

#include "article.hpp"

namespace wwe {

struct FacetMatrix {
    int row_facet = -1;     // Article::facets index
    int column_facet = -1;  // Article::facets index
    std::vector<std::vector<int>> counts;  // [row value][column value]
    std::vector<int> row_totals;           // passages with each row value (any column)
    std::vector<int> column_totals;        // passages with each column value (any row)
};

// Cross-tabulates `passages` (indices) by two facets. Invalid facet indices give an empty
// matrix (no rows).
FacetMatrix cross_tab(const Article& article, const std::vector<int>& passages, int row_facet, int column_facet);

// Passages among `passages` tagged with row value `r` of `row_facet` and column value `c`
// of `column_facet`, ascending.
std::vector<int> cell_passages(const Article& article, const std::vector<int>& passages, int row_facet, int r,
                               int column_facet, int c);

}  // namespace wwe
