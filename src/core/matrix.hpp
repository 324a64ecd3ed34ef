// Win-Win Explorer core: facet-by-facet matrix (cross-tabulation).
//
// Index
//   - FacetMatrix ..... counts[row value][column value] = passages having both values, and
//                       the passages with no value of a facet, so that totals add up
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
    // Passages with no value of one facet (an article need not tag every passage with every
    // facet): without them a row's cells would not add up to its total.
    std::vector<int> column_none;  // [row value]: passages with that row value and no column value
    std::vector<int> row_none;     // [column value]: passages with that column value and no row value
    int none_none = 0;             // passages with neither a row nor a column value
    int row_none_total = 0;        // passages with no row value
    int column_none_total = 0;     // passages with no column value
    int passages = 0;              // passages cross-tabulated
    // Whether some passage has several values of the row or the column facet: it then
    // counts once in each of its cells, and cells add up to more than the total.
    bool multi_valued = false;
};

// Cross-tabulates `passages` (indices) by two facets. Invalid facet indices give an empty
// matrix (no rows).
FacetMatrix cross_tab(const Article& article, const std::vector<int>& passages, int row_facet, int column_facet);

// Passages among `passages` tagged with row value `r` of `row_facet` and column value `c`
// of `column_facet`, ascending.
std::vector<int> cell_passages(const Article& article, const std::vector<int>& passages, int row_facet, int r,
                               int column_facet, int c);

}  // namespace wwe
