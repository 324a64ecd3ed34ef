#include "facets.hpp"

#include <iterator>

#include "corpus.hpp"

#include <algorithm>

#include "text.hpp"

namespace wwe {

bool FacetFilter::empty() const {
    return std::all_of(chosen.begin(), chosen.end(), [](const std::vector<int>& v) { return v.empty(); });
}

FacetFilter resolve(const Article& article, const FacetSelection& selection, std::vector<Diagnostic>* problems) {
    FacetFilter filter;
    filter.chosen.resize(article.facets.size());
    for (const auto& [facet_id, values] : selection) {
        int f = article.find_facet(facet_id);
        if (f < 0) {
            if (problems) {
                std::string names;
                for (const Facet& facet : article.facets) names += (names.empty() ? "" : ", ") + facet.id;
                problems->push_back({Severity::Error, "/facets/" + facet_id, "a facet (" + names + ")",
                                     "\"" + utf8_truncate(facet_id, 60) + "\""});
            }
            continue;
        }
        const Facet& facet = article.facets[f];
        for (const std::string& value : values) {
            int v = facet.find_value(value);
            if (v < 0) {
                if (problems) {
                    std::string names;
                    for (const FacetValue& fv : facet.values) names += (names.empty() ? "" : ", ") + fv.id;
                    problems->push_back({Severity::Error, "/facets/" + facet_id + "/" + value,
                                         "a value of facet '" + facet_id + "' (" + names + ")",
                                         "\"" + utf8_truncate(value, 60) + "\""});
                }
                continue;
            }
            filter.chosen[f].push_back(v);
        }
        std::sort(filter.chosen[f].begin(), filter.chosen[f].end());
    }
    return filter;
}

bool passes(const Passage& passage, const FacetFilter& filter) {
    for (std::size_t f = 0; f < filter.chosen.size(); ++f) {
        const std::vector<int>& want = filter.chosen[f];
        if (want.empty()) continue;
        auto it = passage.facets.find(static_cast<int>(f));
        if (it == passage.facets.end()) return false;
        bool any = std::any_of(want.begin(), want.end(), [&](int v) {
            return std::binary_search(it->second.begin(), it->second.end(), v);
        });
        if (!any) return false;
    }
    return true;
}

std::vector<int> filter_passages(const Article& article, const FacetFilter& filter, const std::vector<int>* candidates) {
    std::vector<int> out;
    auto consider = [&](int p) {
        if (p >= 0 && p < static_cast<int>(article.passages.size()) && passes(article.passages[p], filter))
            out.push_back(p);
    };
    if (candidates) {
        for (int p : *candidates) consider(p);
    } else {
        for (int p = 0; p < static_cast<int>(article.passages.size()); ++p) consider(p);
    }
    return out;
}

std::vector<int> filter_passages(const Corpus& corpus, const FacetFilter& filter) {
    std::vector<int> out;
    bool first = true;
    for (std::size_t f = 0; f < filter.chosen.size(); ++f) {
        if (filter.chosen[f].empty()) continue;
        std::vector<int> any;  // passages with any chosen value of this facet
        for (const int v : filter.chosen[f]) {
            const std::vector<int>& list = corpus.facet_passages[f][static_cast<std::size_t>(v)];
            std::vector<int> merged;
            merged.reserve(any.size() + list.size());
            std::set_union(any.begin(), any.end(), list.begin(), list.end(), std::back_inserter(merged));
            any = std::move(merged);
        }
        if (first) {
            out = std::move(any);
            first = false;
        } else {
            std::vector<int> both;
            std::set_intersection(out.begin(), out.end(), any.begin(), any.end(), std::back_inserter(both));
            out = std::move(both);
        }
    }
    if (first) {  // nothing chosen: every passage
        out.resize(corpus.article.passages.size());
        for (std::size_t p = 0; p < out.size(); ++p) out[p] = static_cast<int>(p);
    }
    return out;
}

std::vector<std::vector<int>> facet_counts(const Article& article, const std::vector<int>& passages) {
    std::vector<std::vector<int>> counts(article.facets.size());
    for (std::size_t f = 0; f < article.facets.size(); ++f) counts[f].assign(article.facets[f].values.size(), 0);
    for (int p : passages)
        for (const auto& [f, values] : article.passages[p].facets)
            for (int v : values) ++counts[f][v];
    return counts;
}

std::vector<std::vector<int>> facet_counts(const Corpus& corpus, const std::vector<int>& passages) {
    const std::vector<std::uint32_t>& slot = corpus.facet_slot;
    std::vector<int> flat(slot.empty() ? 0 : slot.back(), 0);
    for (const int p : passages)
        for (std::uint32_t k = corpus.tag_first[static_cast<std::size_t>(p)]; k < corpus.tag_first[static_cast<std::size_t>(p) + 1]; ++k)
            ++flat[corpus.tags[k]];
    std::vector<std::vector<int>> counts(corpus.article.facets.size());
    for (std::size_t f = 0; f < counts.size(); ++f)
        counts[f].assign(flat.begin() + slot[f], flat.begin() + slot[f + 1]);
    return counts;
}

}  // namespace wwe
