#include "query.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "text.hpp"
#include "view_state.hpp"

namespace wwe {

using nlohmann::json;

QueryResult run_query(const Corpus& corpus, const QueryRequest& request) {
    const Article& a = corpus.article;
    QueryResult result;
    result.limited = request.limit != SIZE_MAX;
    const FacetFilter filter = resolve(a, request.facets, &result.problems);
    std::vector<int> allowed;
    if (!filter.empty()) allowed = filter_passages(corpus, filter);
    result.query = parse_query(corpus, request.text);
    // Every match in article order, then the best `limit` of them ranked, with snippets.
    std::vector<double> scores;
    std::vector<int> ranks;
    match(corpus, result.query, filter.empty() ? nullptr : &allowed, result.passages, scores,
          request.details ? &ranks : nullptr);
    result.counts = facet_counts(corpus, result.passages);
    if (!request.details) return result;

    // The best `limit` (rank, then score descending, ties in article order) through a heap
    // of that size whose top is the worst kept: one comparison for most matches.
    const auto better = [&](std::size_t x, std::size_t y) {
        if (ranks[x] != ranks[y]) return ranks[x] > ranks[y];
        return scores[x] != scores[y] ? scores[x] > scores[y] : x < y;
    };
    const std::size_t shown = std::min(request.limit, result.passages.size());
    std::vector<std::size_t> top;
    top.reserve(shown);
    for (std::size_t i = 0; i < result.passages.size() && shown > 0; ++i) {
        if (top.size() < shown) {
            top.push_back(i);
            std::push_heap(top.begin(), top.end(), better);
        } else if (better(i, top.front())) {
            std::pop_heap(top.begin(), top.end(), better);
            top.back() = i;
            std::push_heap(top.begin(), top.end(), better);
        }
    }
    std::sort_heap(top.begin(), top.end(), better);
    result.paragraphs.reserve(shown);
    for (const std::size_t i : top) {
        QueryParagraph para;
        para.passage = result.passages[i];
        para.score = scores[i];
        para.match = static_cast<SearchMatch>(ranks[i] / 64);
        para.exact = ranks[i] % 64;
        para.hits = hit_spans(corpus, result.query, para.passage);
        para.snippet = make_snippet(a.passages[static_cast<std::size_t>(para.passage)].text, para.hits);
        result.paragraphs.push_back(std::move(para));
    }

    // Nodes named by the query first (in query order), then those mentioned in the result,
    // most mentions first, ties in file order (counted over the result's own mentions).
    for (const SearchClause& clause : result.query.clauses)
        for (int node : clause.nodes)
            if (std::find(result.nodes.begin(), result.nodes.end(), node) == result.nodes.end())
                result.nodes.push_back(node);
    // A small result: its passages' mentions; a large one: every node's mentions (contiguous)
    // against a membership array, which reads memory in order.
    std::vector<int> count(a.nodes.size(), 0);
    if (result.passages.size() * 8 < a.passages.size()) {
        for (const int p : result.passages)
            for (const Mention& m : corpus.mentions[static_cast<std::size_t>(p)]) ++count[static_cast<std::size_t>(m.node)];
    } else {
        std::vector<char> in(a.passages.size(), 0);
        for (const int p : result.passages) in[static_cast<std::size_t>(p)] = 1;
        for (std::size_t n = 0; n < a.nodes.size(); ++n)
            for (const Mention& m : corpus.node_mentions[n]) count[n] += in[static_cast<std::size_t>(m.passage)];
    }
    std::vector<std::pair<int, int>> mentioned;  // (count, node)
    for (std::size_t n = 0; n < a.nodes.size(); ++n)
        if (count[n] > 0) mentioned.emplace_back(count[n], static_cast<int>(n));
    std::stable_sort(mentioned.begin(), mentioned.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto [c, n] : mentioned)
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
        if (!result.query.empty()) paragraphs.back()["match"] = to_string(p.match);
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
    ojson out = {{"paragraphs", std::move(paragraphs)}};
    if (result.limited) out["total"] = result.passages.size();
    if (!result.query.ignored.empty()) out["ignored"] = result.query.ignored;
    if (result.query.truncated) out["truncated"] = true;
    out["counts"] = std::move(counts);
    out["concepts"] = std::move(concepts);
    out["entities"] = std::move(entities);
    return out;
}

QueryRequest query_request_from_json(const json& j, std::vector<Diagnostic>& problems) {
    QueryRequest r;
    if (!j.is_object()) {
        problems.push_back({Severity::Error, "", "an object {text, facets}", j.type_name()});
        return r;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "text") {
            if (it->is_string()) {
                const std::string& text = it->get_ref<const std::string&>();
                bool cut = false, replaced = false;
                r.text = clean_query(text, &cut, &replaced);
                if (cut)
                    problems.push_back({Severity::Warning, "/text",
                                        "at most " + std::to_string(kMaxQueryBytes) + " bytes (the first " +
                                            std::to_string(r.text.size()) + " are used)",
                                        std::to_string(text.size()) + " bytes"});
                if (replaced)
                    problems.push_back({Severity::Warning, "/text", "text without control characters (they became spaces)",
                                        utf8_truncate(it->dump(-1, ' ', false, json::error_handler_t::replace), 40)});
            } else if (!it->is_null()) problems.push_back({Severity::Error, "/text", "a string", it->type_name()});
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
        } else if (it.key() == "limit") {
            if ((it->is_number_integer() || it->is_number_unsigned()) && it->get<long long>() >= 0 && it->get<long long>() <= 10000)
                r.limit = static_cast<std::size_t>(it->get<long long>());
            else
                problems.push_back({Severity::Error, "/limit", "an integer from 0 to 10000",
                                    utf8_truncate(it->dump(-1, ' ', false, json::error_handler_t::replace), 40)});
        } else {
            problems.push_back({Severity::Error, pointer_append("", it.key()), "\"text\", \"facets\" or \"limit\"",
                                "unknown member '" + utf8_truncate(it.key(), 60) + "'"});
        }
    }
    return r;
}

}  // namespace wwe
