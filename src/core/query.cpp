#include "query.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "json_reader.hpp"

namespace wwe {

using nlohmann::json;

QueryResult run_query(const Corpus& corpus, const QueryRequest& request) {
    const Article& a = corpus.article;
    QueryResult result;
    FacetFilter filter = resolve(a, request.facets, &result.problems);
    std::vector<int> passages = filter_passages(a, filter);
    SearchQuery query = parse_query(corpus, request.text);
    std::vector<SearchHit> hits = search(corpus, query, &passages);

    std::vector<int> in_result;
    for (SearchHit& hit : hits) {
        QueryParagraph para;
        para.passage = hit.passage;
        para.score = hit.score;
        para.snippet = make_snippet(a.passages[hit.passage].text, hit.hits);
        para.hits = std::move(hit.hits);
        in_result.push_back(para.passage);
        result.paragraphs.push_back(std::move(para));
    }
    std::sort(in_result.begin(), in_result.end());
    result.counts = facet_counts(a, in_result);

    // Nodes named by the query first (in query order), then those mentioned in the result,
    // most mentions first, ties in file order.
    for (const SearchClause& clause : query.clauses)
        for (int node : clause.nodes)
            if (std::find(result.nodes.begin(), result.nodes.end(), node) == result.nodes.end())
                result.nodes.push_back(node);
    std::vector<std::pair<int, int>> mentioned;  // (count, node)
    for (std::size_t n = 0; n < a.nodes.size(); ++n) {
        int count = 0;
        for (const Mention& m : corpus.node_mentions[n])
            if (std::binary_search(in_result.begin(), in_result.end(), m.passage)) ++count;
        if (count > 0) mentioned.emplace_back(count, static_cast<int>(n));
    }
    std::stable_sort(mentioned.begin(), mentioned.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto [count, n] : mentioned)
        if (std::find(result.nodes.begin(), result.nodes.end(), n) == result.nodes.end()) result.nodes.push_back(n);
    return result;
}

nlohmann::ordered_json to_json(const Corpus& corpus, const QueryResult& result) {
    using ojson = nlohmann::ordered_json;
    const Article& a = corpus.article;
    ojson paragraphs = ojson::array();
    for (const QueryParagraph& p : result.paragraphs) {
        // Scores rounded to 4 decimals, so outputs compare equal across platforms.
        double score = std::round(p.score * 10000.0) / 10000.0;
        paragraphs.push_back({{"index", p.passage + 1},
                              {"id", a.passages[p.passage].id},
                              {"score", score},
                              {"snippet", p.snippet}});
    }
    ojson counts = ojson::object();
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        ojson values = ojson::object();
        for (std::size_t v = 0; v < a.facets[f].values.size(); ++v)
            values[a.facets[f].values[v].id] = result.counts.empty() ? 0 : result.counts[f][v];
        counts[a.facets[f].id] = std::move(values);
    }
    ojson concepts = ojson::array(), entities = ojson::array();
    for (int n : result.nodes) {
        const Node& node = a.nodes[n];
        if (node.kind == NodeKind::Concept) {
            concepts.push_back({{"id", node.id}, {"label", node.label}});
        } else {
            entities.push_back({{"id", node.id}, {"label", node.label},
                                {"type", node.type >= 0 ? a.node_types[node.type].id : ""}});
        }
    }
    return ojson{{"paragraphs", std::move(paragraphs)},
            {"counts", std::move(counts)},
            {"concepts", std::move(concepts)},
            {"entities", std::move(entities)}};
}

QueryRequest query_request_from_json(const json& j, std::vector<Diagnostic>& problems) {
    QueryRequest r;
    if (!j.is_object()) {
        problems.push_back({Severity::Error, "", "an object {text, facets}", j.type_name()});
        return r;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "text") {
            if (it->is_string()) r.text = utf8_truncate(it->get<std::string>(), 1000);
            else if (!it->is_null()) problems.push_back({Severity::Error, "/text", "a string", it->type_name()});
        } else if (it.key() == "facets") {
            if (it->is_null()) continue;
            if (!it->is_object()) {
                problems.push_back({Severity::Error, "/facets", "an object from facet id to value ids", it->type_name()});
                continue;
            }
            for (auto f = it->begin(); f != it->end(); ++f) {
                const std::string p = pointer_append("/facets", f.key());
                auto add = [&](const json& v, const std::string& vp) {
                    if (v.is_string()) r.facets[f.key()].insert(v.get<std::string>());
                    else problems.push_back({Severity::Error, vp, "a facet value id (string)", v.type_name()});
                };
                if (f->is_array()) {
                    for (std::size_t k = 0; k < f->size(); ++k) add((*f)[k], pointer_append(p, k));
                } else {
                    add(*f, p);
                }
            }
        } else {
            problems.push_back({Severity::Error, pointer_append("", it.key()), "\"text\" or \"facets\"",
                                "unknown member '" + utf8_truncate(it.key(), 60) + "'"});
        }
    }
    return r;
}

}  // namespace wwe
