// Win-Win Explorer core: full-text search over passages.
//
// Index
//   - SearchQuery ....... a parsed query: words, quoted phrases, recognised node names
//   - parse_query ....... text -> SearchQuery
//   - SearchHit ......... one passage: score, hit spans, snippet
//   - search ............ ranked passages matching every clause
//   - match ............. the same in article order, as passage and score arrays
//   - make_snippet ...... a window of text around the hits, hits marked
//
// Semantics: every clause must match (AND). A clause is a word, a "quoted phrase" (words at
// consecutive positions), or a node name: when the query contains a label or alias of a
// concept/entity (any script, e.g. "AIIB" or "一带一路"), that part matches the passages
// where the node is mentioned as well as its literal words. A run of two or more CJK
// characters that is only part of such a name ("命运共同体") matches every node whose name
// contains it. Matching is case-, hyphen- and inflection-insensitive (see text.hpp).
//
// Stop words (stopwords.hpp; the article's language or its own list): in unquoted text they
// are left out of matching and highlighting ("trend of the times" needs "trend" and "times"),
// unless the text has nothing else; inside quotes and names they count.
//
// Ranking, in tiers (SearchMatch): first the passages holding the unquoted text as an exact
// phrase (stop words included, "trend of the times"), then those where every clause occurs
// near the others (within kNearWindow words), then the rest; within a tier, passages with
// more words in exactly the typed form ("times", not only "time") come first, then by Okapi
// BM25 with k1 = 1.2, b = 0.75 (S. Robertson, H. Zaragoza, "The Probabilistic Relevance
// Framework: BM25 and Beyond", Foundations and Trends in IR 3(4), 2009), summed over
// clauses; a phrase counts as one term with its occurrence count; a node clause uses the
// node's mention count in the passage and the number of passages mentioning it.
//
// Queries are cut to kMaxSearchBytes (SearchQuery::truncated says so).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"

namespace wwe {

inline constexpr std::size_t kMaxSearchBytes = 300;  // longer search text is cut (a notice says so)
inline constexpr std::uint32_t kNearWindow = 8;      // words: clauses "near" each other span at most
                                                     // this many more words than there are clauses

struct SearchClause {
    enum class Kind { Word, Phrase, Node } kind = Kind::Word;
    std::vector<std::string> terms;  // normalised terms (Word: one; Phrase: several)
    std::vector<int> nodes;          // Node clauses: any of these nodes (usually one)
    std::string text;                // as typed, for messages
    std::string form;                // Word clauses: the typed word, folded (exact-form ranking)
};

struct SearchQuery {
    std::vector<SearchClause> clauses;
    // The unquoted text's words in order, stop words included (normalised terms), when it
    // has two or more: passages holding them as a phrase rank first.
    std::vector<std::string> sequence;
    std::vector<std::string> ignored;  // stop words left out, as typed (each once)
    bool truncated = false;            // the text was longer than kMaxSearchBytes
    bool empty() const { return clauses.empty(); }
};

// What the search did with the text, in plain words for the result line ("" = nothing to
// say): the stop words left out, the text cut.
std::string search_note(const SearchQuery& query);

// How a passage matches a query (the ranking's tiers, best last).
enum class SearchMatch : std::uint8_t { Words, Near, Phrase };
const char* to_string(SearchMatch match);  // "words", "near", "phrase"

// How a passage matches, as the reader's "Best matches" mark it and as explorer.query()
// and `explorer query --json` report it ("match"), one list for both (README, "Search"):
//   to_string  label              the passage has
//   "phrase"   "exact phrase"     the words as typed, in that order (unquoted text of two or
//                                 more words; or the one "quoted phrase" searched)
//   "near"     "words together"   every word, close to each other
//   "words"    "all words"        every word (or name, phrase) of a search of several
//   "name"     "the name"         the concept or entity searched (its label, an alias, a
//                                 translation), a search of one name
//   "typed"    "as typed"         the one word searched, in the form typed ("times")
//   "variant"  "a variant"        the one word only in another form ("time", "timely": a
//                                 plural, a verb ending, the same stem)
enum class MatchTier : std::uint8_t { Phrase, Near, AllWords, Name, AsTyped, Variant };
// The tier of a passage whose ranking tier is `match` with `exact` word clauses met in the
// typed form (SearchHit, QueryParagraph).
MatchTier match_tier(const SearchQuery& query, SearchMatch match, int exact);
const char* to_string(MatchTier tier);        // "phrase", "near", "words", "name", "typed", "variant"
const char* match_tier_label(MatchTier tier);  // "exact phrase", "words together", ...
const char* match_tier_hint(MatchTier tier);   // a tooltip: "Has the words as you typed them, in that order"

// Parses free text. Unbalanced quotes close at the end; empty phrases are dropped.
SearchQuery parse_query(const Corpus& corpus, std::string_view text);

struct Span {
    std::uint32_t begin = 0;  // byte offsets
    std::uint32_t end = 0;
};

struct SearchHit {
    int passage = -1;
    double score = 0;
    std::vector<Span> hits;  // in the passage text, ascending, non-overlapping
    SearchMatch match = SearchMatch::Words;
    int exact = 0;           // word clauses met in exactly the typed form
};

// A passage's place in the ranking: tier first, then exact forms (higher is better; compare
// scores within equal ranks).
int search_rank(SearchMatch match, int exact);
// The tier of `passage` for `query` and the number of its word clauses met in the typed
// form (cheap: only that passage's words are read).
SearchMatch classify(const Corpus& corpus, const SearchQuery& query, int passage, int* exact = nullptr);

enum class SearchOrder { Ranked, Article };

// Passages matching every clause of `query`, among `candidates` (ascending; all when null),
// best first (ties in article order) or in article order. An empty query matches every
// candidate with score 0. With `spans`, each hit's spans are filled (hit_spans); without,
// a caller asks for those of the hits it shows.
//
// Cost: the clauses' postings in the inverted index (a word: its postings; a phrase: the
// positions of its first word, checked against the words that follow; a name: its
// mentions), intersected from the shortest list (galloping through the others); passages
// no clause matches are never touched, and neither are the texts.
std::vector<SearchHit> search(const Corpus& corpus, const SearchQuery& query,
                              const std::vector<int>* candidates = nullptr, SearchOrder order = SearchOrder::Ranked,
                              bool spans = true);

// The passages `search` finds, in article order, with their scores, as two parallel arrays
// (cleared first): what run_query ranks the top of, without a SearchHit per match.
// With `ranks`, each passage's search_rank too (classify; costs a pass over its words).
void match(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates,
           std::vector<int>& passages, std::vector<double>& scores, std::vector<int>* ranks = nullptr);

// `match` (without scores) and its best `k` passages (by search_rank, then score, ties in
// article order) in one pass: `passages` gets every match in article order; `top`, `scores`
// and `ranks` the best k, best first — the same as ranking match's output. A match is
// classified (its rank) only while it could still place: once k passages of the highest
// rank the query can reach are kept, one scoring no higher than the k-th is passed over
// (MaxScore's pruning, Turtle & Flood 1995, applied to the tiers). The tiers come from the
// postings: with the index's term flags (corpus.hpp) no passage's words are read for a
// query of words each written in one form.
void match_top(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates, std::size_t k,
               std::vector<int>& passages, std::vector<int>& top, std::vector<double>& scores, std::vector<int>& ranks);

// The best `k` passages for a query of a single word clause (no phrase to rank first), best
// first, as three parallel arrays (cleared first): passages, scores and search_rank — the
// same passages, order, scores and ranks as the top k of `match` would give, without
// scoring every passage that has the word. False (arrays empty) when the query is not of
// that shape or its word is in no passage.
//
// Cost: by block maxima (corpus.hpp, InvertedIndex; block-max WAND for one term, Ding &
// Suel 2011): once k passages with the typed form are kept, a block of 64 postings whose
// best score is no higher than the k-th is skipped after one score; otherwise its postings
// are scored, and those that could place are checked for the typed form (their positions'
// words). Proportional to the blocks and the postings that could place; it degrades to
// every posting only when fewer than k passages have the word in the typed form.
bool top_word(const Corpus& corpus, const SearchQuery& query, std::size_t k, std::vector<int>& passages,
              std::vector<double>& scores, std::vector<int>& ranks);

// The spans of every clause's matches in `passage` (ascending, merged): what the reader
// marks; the unquoted text's exact phrase is one span (its stop words marked with it).
std::vector<Span> hit_spans(const Corpus& corpus, const SearchQuery& query, int passage);

struct SnippetOptions {
    std::size_t max_bytes = 240;  // window size (bytes of text, markers not counted)
    const char* open = "<mark>";  // inserted before each hit
    const char* close = "</mark>";
    bool escape_html = true;      // escape & < > in the text (not in the markers)
};

// A window of `text` around the first hits, cut at word boundaries, "…" where cut.
// Without hits, the opening of the text.
std::string make_snippet(std::string_view text, const std::vector<Span>& hits,
                         const SnippetOptions& options = {});

}  // namespace wwe
