#include "query.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "text.hpp"
#include "view_state.hpp"

namespace wwe {

using nlohmann::json;

namespace {

std::vector<std::vector<int>> counts_of_slots(const Corpus& corpus, const std::vector<int>& flat) {
    std::vector<std::vector<int>> counts(corpus.article.facets.size());
    for (std::size_t f = 0; f < counts.size(); ++f)
        counts[f].assign(flat.begin() + corpus.facet_slot[f], flat.begin() + corpus.facet_slot[f + 1]);
    return counts;
}

// Nodes named by the query first (in query order), then those mentioned in the result, most
// mentions first, ties in file order (`count`: per node, its mentions in the result).
void order_nodes(const SearchQuery& query, const std::vector<int>& count, std::vector<int>& nodes) {
    for (const SearchClause& clause : query.clauses)
        for (int node : clause.nodes)
            if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(node);
    std::vector<std::pair<int, int>> mentioned;  // (count, node)
    for (std::size_t n = 0; n < count.size(); ++n)
        if (count[n] > 0) mentioned.emplace_back(count[n], static_cast<int>(n));
    std::stable_sort(mentioned.begin(), mentioned.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto [c, n] : mentioned)
        if (std::find(nodes.begin(), nodes.end(), n) == nodes.end()) nodes.push_back(n);
}

void add_paragraphs(const Corpus& corpus, QueryResult& result, const std::vector<int>& passages,
                    const std::vector<double>& scores, const std::vector<int>& ranks) {
    result.paragraphs.reserve(passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
        QueryParagraph para;
        para.passage = passages[i];
        para.score = scores[i];
        para.match = static_cast<SearchMatch>(ranks[i] / 64);
        para.exact = ranks[i] % 64;
        para.tier = match_tier(result.query, para.match, para.exact);
        para.hits = hit_spans(corpus, result.query, para.passage);
        para.snippet = make_snippet(corpus.article.passages[static_cast<std::size_t>(para.passage)].text, para.hits);
        result.paragraphs.push_back(std::move(para));
    }
}

// A query of one word and no facet filter, from the index alone: the count is the word's
// postings, the facet and node counts its summary (or a walk over its postings, fewer than
// kSummaryPostings), the top `limit` by block maxima (top_word). False when the query is
// not of that shape.
bool one_word(const Corpus& corpus, const QueryRequest& request, QueryResult& result) {
    std::vector<int> top, ranks;
    std::vector<double> scores;
    const std::size_t shown = request.details ? request.limit : 0;
    if (!top_word(corpus, result.query, shown, top, scores, ranks)) return false;
    const auto term = static_cast<std::uint32_t>(corpus.find_term(result.query.clauses.front().terms.front()));
    const InvertedIndex& ix = corpus.index;
    const std::uint32_t* list = ix.passage.data() + ix.first[term];
    result.total = ix.postings(term);
    if (request.passages) result.passages.assign(list, list + result.total);
    const TermSummary* summary = corpus.summary(term);
    std::vector<int> count(request.details ? corpus.article.nodes.size() : 0, 0);
    if (summary) {
        result.counts = counts_of_slots(corpus, summary->slots);
        if (request.details)
            for (const auto& [node, n] : summary->nodes) count[static_cast<std::size_t>(node)] = n;
    } else {
        std::vector<int> flat(corpus.facet_slot.back(), 0);
        for (std::size_t i = 0; i < result.total; ++i) {
            const std::uint32_t p = list[i];
            for (std::uint32_t k = corpus.tag_first[p]; k < corpus.tag_first[p + 1]; ++k) ++flat[corpus.tags[k]];
            if (request.details)
                for (const Mention& m : corpus.mentions[p]) ++count[static_cast<std::size_t>(m.node)];
        }
        result.counts = counts_of_slots(corpus, flat);
    }
    if (!request.details) return true;
    add_paragraphs(corpus, result, top, scores, ranks);
    order_nodes(result.query, count, result.nodes);
    return true;
}

}  // namespace

QueryResult run_query(const Corpus& corpus, const QueryRequest& request) {
    const Article& a = corpus.article;
    QueryResult result;
    result.limited = request.limit != SIZE_MAX;
    const FacetFilter filter = resolve(a, request.facets, &result.problems);
    result.query = parse_query(corpus, request.text);
    if (filter.empty() && one_word(corpus, request, result)) return result;
    std::vector<int> allowed;
    if (!filter.empty()) allowed = filter_passages(corpus, filter);
    // Every match in article order, and the best `limit` of them ranked, with snippets.
    std::vector<int> matched, top, ranks;
    std::vector<double> scores;
    if (request.details) {
        match_top(corpus, result.query, filter.empty() ? nullptr : &allowed, request.limit, matched, top, scores, ranks);
    } else {
        match(corpus, result.query, filter.empty() ? nullptr : &allowed, matched, scores);
    }
    result.total = matched.size();
    result.counts = facet_counts(corpus, matched);
    if (request.details) {
        add_paragraphs(corpus, result, top, scores, ranks);

        // Mentions counted over the result: a small one through its passages' mentions; a
        // large one through every node's mentions (contiguous) against a membership array,
        // which reads memory in order.
        std::vector<int> count(a.nodes.size(), 0);
        if (matched.size() * 8 < a.passages.size()) {
            for (const int p : matched)
                for (const Mention& m : corpus.mentions[static_cast<std::size_t>(p)]) ++count[static_cast<std::size_t>(m.node)];
        } else {
            std::vector<char> in(a.passages.size(), 0);
            for (const int p : matched) in[static_cast<std::size_t>(p)] = 1;
            for (std::size_t n = 0; n < a.nodes.size(); ++n)
                for (const Mention& m : corpus.node_mentions[n]) count[n] += in[static_cast<std::size_t>(m.passage)];
        }
        order_nodes(result.query, count, result.nodes);
    }
    if (request.passages) result.passages = std::move(matched);
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
        if (!result.query.empty()) paragraphs.back()["match"] = to_string(p.tier);
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
    if (result.limited) out["total"] = result.total;
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
