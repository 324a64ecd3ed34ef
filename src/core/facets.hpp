// Win-Win Explorer core: faceted filtering.
//
// Index
//   - FacetSelection ..... chosen values per facet, by id (the serialisable form)
//   - FacetFilter ........ the same resolved to indices
//   - resolve ............ ids -> indices, reporting unknown ids
//   - passes / filter .... AND across facets, OR within one facet
//   - facet_counts ....... passages per facet value over a result
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "article.hpp"
#include "load.hpp"

namespace wwe {

struct Corpus;

// facet id -> chosen value ids. An empty set means the facet is not constrained.
using FacetSelection = std::map<std::string, std::set<std::string>>;

// Resolved selection: per facet index (Article::facets), the chosen value indices.
struct FacetFilter {
    std::vector<std::vector<int>> chosen;  // size == facets.size()
    bool empty() const;
};

// Resolves ids to indices. Unknown facets or values are reported as errors in `problems`
// (pointer "/facets/<facet>" or "/facets/<facet>/<value>") and left out of the filter.
FacetFilter resolve(const Article& article, const FacetSelection& selection,
                    std::vector<Diagnostic>* problems = nullptr);

// True when the passage has, for every constrained facet, at least one chosen value.
bool passes(const Passage& passage, const FacetFilter& filter);

// Passages (indices, ascending) that pass the filter, among `candidates` (all when null).
std::vector<int> filter_passages(const Article& article, const FacetFilter& filter,
                                 const std::vector<int>* candidates = nullptr);

// The same from the corpus's value lists (Corpus::facet_passages): the union of a facet's
// chosen values, intersected across facets; never looks at passages the lists leave out.
std::vector<int> filter_passages(const Corpus& corpus, const FacetFilter& filter);

// counts[f][v] = number of `passages` tagged with value v of facet f.
std::vector<std::vector<int>> facet_counts(const Article& article,
                                           const std::vector<int>& passages);

// The same from the corpus's flat tag arrays (Corpus::tags): one increment per tag.
std::vector<std::vector<int>> facet_counts(const Corpus& corpus, const std::vector<int>& passages);

}  // namespace wwe
