#include "matrix.hpp"

#include <algorithm>

namespace wwe {

namespace {
bool has_value(const Passage& p, int facet, int value) {
    auto it = p.facets.find(facet);
    return it != p.facets.end() && std::binary_search(it->second.begin(), it->second.end(), value);
}
}  // namespace

FacetMatrix cross_tab(const Article& article, const std::vector<int>& passages, int row_facet, int column_facet) {
    FacetMatrix m;
    const int nf = static_cast<int>(article.facets.size());
    if (row_facet < 0 || row_facet >= nf || column_facet < 0 || column_facet >= nf) return m;
    m.row_facet = row_facet;
    m.column_facet = column_facet;
    const std::size_t rows = article.facets[row_facet].values.size();
    const std::size_t cols = article.facets[column_facet].values.size();
    m.counts.assign(rows, std::vector<int>(cols, 0));
    m.row_totals.assign(rows, 0);
    m.column_totals.assign(cols, 0);
    m.column_none.assign(rows, 0);
    m.row_none.assign(cols, 0);
    m.passages = static_cast<int>(passages.size());
    static const std::vector<int> none;
    for (int p : passages) {
        const Passage& passage = article.passages[p];
        auto r_it = passage.facets.find(row_facet);
        auto c_it = passage.facets.find(column_facet);
        const std::vector<int>& rs = r_it != passage.facets.end() ? r_it->second : none;
        const std::vector<int>& cs = c_it != passage.facets.end() ? c_it->second : none;
        for (int r : rs) ++m.row_totals[r];
        for (int c : cs) ++m.column_totals[c];
        for (int r : rs)
            for (int c : cs) ++m.counts[r][c];
        if (rs.empty()) {
            ++m.row_none_total;
            for (int c : cs) ++m.row_none[c];
        }
        if (cs.empty()) {
            ++m.column_none_total;
            for (int r : rs) ++m.column_none[r];
        }
        if (rs.empty() && cs.empty()) ++m.none_none;
        m.multi_valued |= rs.size() > 1 || cs.size() > 1;
    }
    return m;
}

std::vector<int> cell_passages(const Article& article, const std::vector<int>& passages, int row_facet, int r,
                               int column_facet, int c) {
    std::vector<int> out;
    for (int p : passages)
        if (has_value(article.passages[p], row_facet, r) && has_value(article.passages[p], column_facet, c))
            out.push_back(p);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace wwe
