// Win-Win Explorer core: one query over the article (facets + text), as the CLI's
// `query --json` and the web API's `explorer.query()` return it.
//
// Index
//   - QueryRequest ...... text + facet selection
//   - QueryResult ....... passages, counts, matched concepts/entities, problems
//   - run_query ......... execute
//   - to_json ........... the documented JSON shape (README, docs/architecture.md)
//
// JSON shape (a request with a "limit" also gets "total", the number of passages matching):
//   {"paragraphs": [{"index": 1-based position, "id", "score", "snippet",
//                    "match": "phrase"|"near"|"words"|"name"|"typed"|"variant" (with
//                    text only; MatchTier, search.hpp)}],
//    "ignored": [stop words left out of the text, as typed] (when some were),
//    "truncated": true (when the text was cut to kMaxSearchBytes),
//    "counts": {facet id: {value id: n}},
//    "concepts": [{"id", "label"}], "entities": [{"id", "label", "type"}]}
// With text, paragraphs are ranked (best first: the tiers of search.hpp, then BM25);
// without, in article order with score 0.
// Concepts/entities: those named by the query text plus those mentioned in the result,
// most mentioned first.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus.hpp"
#include "facets.hpp"
#include "search.hpp"

namespace wwe {

struct QueryRequest {
    std::string text;
    FacetSelection facets;
    std::size_t limit = SIZE_MAX;  // ranked paragraphs returned (with hits and snippets)
    bool details = true;           // paragraphs and matched nodes; false: passages and counts only
    bool passages = true;          // every matching passage in QueryResult::passages; false: only
                                   // their number (total), which a query of one word gets without
                                   // touching its passages
};

struct QueryParagraph {
    int passage = -1;
    double score = 0;
    SearchMatch match = SearchMatch::Words;  // exact phrase, words near each other, or words
    int exact = 0;                           // word clauses met in the typed form
    MatchTier tier = MatchTier::AllWords;    // how it matches, as the UI marks it (JSON "match")
    std::vector<Span> hits;
    std::string snippet;  // hits marked with <mark>…</mark>, text HTML-escaped
};

struct QueryResult {
    std::vector<QueryParagraph> paragraphs;  // best first, at most the request's limit
    std::vector<int> passages;             // every matching passage, in article order (when the
                                           // request asks for them)
    std::size_t total = 0;                 // the number of matching passages
    std::vector<std::vector<int>> counts;  // [facet][value] over the result
    std::vector<int> nodes;                // concepts and entities, as described above
    std::vector<Diagnostic> problems;      // unknown facet ids/values (ignored)
    SearchQuery query;                     // the parsed text (hit_spans of a passage)
    bool limited = false;                  // the request set a limit (JSON: "total" is written)
};

// Cost: a query of one word with no facet filter reads only its word's index (top_word; its
// counts precomputed for frequent words, see TermSummary), plus its matching passages when
// `passages` is asked for; other queries intersect their clauses' postings (match), count
// facets and nodes over the matches and rank the top `limit` by a heap. Snippets and hit
// spans are made for the ranked paragraphs only.
QueryResult run_query(const Corpus& corpus, const QueryRequest& request);

// Members in the documented order (an ordered_json; dump() it or convert to json).
nlohmann::ordered_json to_json(const Corpus& corpus, const QueryResult& result);

// Reads {"text": string, "facets": {facet: [values] | value}, "limit": 0..10000} into a
// request; wrong types are reported in `problems` (and the member ignored).
QueryRequest query_request_from_json(const nlohmann::json& j, std::vector<Diagnostic>& problems);

}  // namespace wwe
