// Win-Win Explorer core: the article with everything derived from it once at load time.
//
// Index
//   - Mention ........... one occurrence of a node (concept/entity) in a passage
//   - Word, JoinedWord .. the words of a passage as term ids with their bytes
//   - InvertedIndex ..... term -> postings (passage, positions), in flat arrays, with
//                         block maxima for top-k ranking
//   - bm25_idf, bm25_term  the Okapi BM25 weights the index and the search share
//   - TermSummary ....... facet and node counts over a frequent term's passages
//   - Corpus ............ article + words + mentions + inverted index, built once
//   - build_corpus ...... derive it all; adds text-dependent warnings
//   - text_warnings ..... the same warnings for an article with errors
//
// Building is linear in the text size (each word's term looked up once) plus, for mentions,
// the occurrences of each name form's first word (found through the index); everything
// views need per frame (mentions per passage, passages per node) is precomputed here.
#pragma once

#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article.hpp"
#include "load.hpp"
#include "text.hpp"

namespace wwe {

struct Mention {
    int node = -1;
    int passage = -1;
    std::uint32_t begin = 0;  // byte offsets into Passage::text
    std::uint32_t end = 0;
};

// A word of a passage: its term (an id of Corpus::terms) and its bytes in the text.
struct Word {
    std::uint32_t term = 0;
    std::uint32_t begin = 0, end = 0;
};

// The joined form of a hyphenated compound ("zero-sum" -> "zerosum"), at the position of
// its first part.
struct JoinedWord {
    std::uint32_t term = 0;
    std::uint32_t begin = 0, end = 0;  // from the first part's first byte to the last's end
    std::uint32_t position = 0;        // the first part's word position
};

// The inverted index in flat arrays: for term t, postings first[t] .. first[t + 1] - 1, each
// a passage (ascending) and its positions positions[pos_first[i]] .. pos_first[i + 1] - 1
// (ascending). A term's document frequency is its number of postings; a posting's term
// frequency its number of positions (joined forms count where they stand).
//
// Block maxima (for top-k ranking without scoring every posting, as in block-max WAND:
// S. Ding, T. Suel, "Faster Top-k Document Retrieval Using Block-Max Indexes", SIGIR 2011;
// the skipping idea goes back to MaxScore: H. Turtle, J. Flood, "Query Evaluation: Strategies
// and Optimizations", Information Processing & Management 31(6), 1995): a term's postings are
// cut into blocks of kScoreBlock (the last one shorter); block j of term t is block
// block_first[t] + j, and block_best[that] is the offset in the block of the posting with
// the highest single-term BM25 score (bm25_term with the term's idf; the first of equals).
// One byte per 64 postings plus 4 bytes per term.
inline constexpr std::uint32_t kScoreBlock = 64;

// Per-term flags (InvertedIndex::flags), for ranking from the postings alone:
//   kTermPlain    no joined form of a compound has the term: its positions are all words
//                 whose term it is (phrases and windows need not read the passage's words);
//   kTermOneForm  plain, and every word of it is written in one form (stop_word_key of
//                 each the same): whether a passage has it "as typed" is the same answer
//                 for every posting (the first one's).
inline constexpr std::uint8_t kTermPlain = 1;
inline constexpr std::uint8_t kTermOneForm = 2;

struct InvertedIndex {
    std::vector<std::uint32_t> first;      // per term, + 1
    std::vector<std::uint32_t> passage;    // per posting
    std::vector<std::uint32_t> pos_first;  // per posting, + 1
    std::vector<std::uint32_t> positions;
    std::vector<std::uint32_t> block_first;  // per term, + 1
    std::vector<std::uint8_t> block_best;    // per block
    std::vector<std::uint8_t> flags;         // per term: kTermPlain, kTermOneForm

    std::uint32_t postings(std::uint32_t term) const { return first[term + 1] - first[term]; }
    std::uint32_t tf(std::uint32_t posting) const { return pos_first[posting + 1] - pos_first[posting]; }
};

// Okapi BM25 (S. Robertson, H. Zaragoza, "The Probabilistic Relevance Framework: BM25 and
// Beyond", Foundations and Trends in IR 3(4), 2009), k1 = 1.2, b = 0.75: the idf of a term
// in `df` of `n_docs` passages, and one term's weight in a passage of `length` words (avgdl:
// the mean length) where it occurs `tf` times. The search scores with these same functions,
// so the block maxima are exact scores, not estimates.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;
inline double bm25_idf(double n_docs, double df) { return std::log((n_docs - df + 0.5) / (df + 0.5) + 1.0); }
inline double bm25_term(double idf, double tf, int length, double avgdl) {
    if (tf <= 0) return 0.0;
    const double norm = kBm25K1 * (1.0 - kBm25B + kBm25B * (avgdl > 0 ? length / avgdl : 1.0));
    return idf * tf * (kBm25K1 + 1.0) / (tf + norm);
}

// What a one-word query needs besides its ranking, precomputed for the frequent terms (at
// least kSummaryPostings postings) so that such a query does not walk all its passages: the
// facet counts over the term's passages (by slot, see Corpus::facet_slot) and the mentions
// of each node in them (node ascending, counts > 0). Memory: per frequent term, one int per
// facet value plus two per node mentioned; there are at most postings / kSummaryPostings.
inline constexpr std::uint32_t kSummaryPostings = 1024;
struct TermSummary {
    std::vector<int> slots;
    std::vector<std::pair<int, int>> nodes;  // (node, mentions)
};

struct Corpus {
    Article article;
    // How the article's text becomes terms: TextRules::for_language(article.meta.language).
    // Queries use the same rules, so they meet the index.
    TextRules rules;

    // Terms, interned: each normalised term once.
    std::vector<std::string> terms;                       // id -> term
    std::unordered_map<std::string, std::uint32_t> term_ids;  // term -> id
    // The id of `term`, or -1 when no passage has it.
    std::int64_t find_term(const std::string& term) const;
    // Accent-less spellings: unaccented_term() of a word of the text -> the id of the text's
    // term for that word, where the two differ (Spanish "cooperacion" -> "cooper", the term of
    // "cooperación"); when several words meet in one spelling, the term with most postings.
    std::unordered_map<std::string, std::uint32_t> unaccented;
    // The term to look up for a word written `surface` whose own term is `term`: `term` when
    // a passage has it; else the text's term of the same word with accents (see unaccented);
    // else the accent-less term when a passage has that; else `term`. So "riviere" finds
    // "rivière" and "cooperacion" finds "cooperación" and "cooperaciones".
    std::string resolve_term(std::string term, std::string_view surface) const;
    // terms_of(text, rules) with each term resolved as resolve_term() says: for query words,
    // phrases and names.
    std::vector<std::string> terms_for(std::string_view text) const;

    std::vector<std::vector<Word>> words;         // per passage: words[p][k] is word position k
    std::vector<std::vector<JoinedWord>> joined;  // per passage: joined compounds, in order
    InvertedIndex index;
    // Summaries of the frequent terms: summary_terms ascending, summaries parallel to it.
    std::vector<std::uint32_t> summary_terms;
    std::vector<TermSummary> summaries;
    // The summary of `term`, or null when it has fewer than kSummaryPostings postings.
    const TermSummary* summary(std::uint32_t term) const;
    std::vector<int> passage_length;  // words per passage (BM25 |d|), joined forms excluded
    double average_length = 0;        // BM25 avgdl

    std::vector<std::vector<Mention>> mentions;  // per passage, by begin; non-overlapping (the
                                                 // longer of two overlapping mentions wins)
    std::vector<std::vector<Mention>> node_mentions;  // per node: its mentions as the reader
                                                      // shows them (see `mentions`), in article order
    std::vector<std::vector<int>> node_passages; // per node: passages mentioning it, ascending
    // Per facet and value: the passages tagged with it, ascending (facet filters).
    std::vector<std::vector<std::vector<int>>> facet_passages;
    // Every passage's facet values in flat arrays (facet counts): value v of facet f is slot
    // facet_slot[f] + v; passage p's slots are tags[tag_first[p]] .. tags[tag_first[p + 1] - 1].
    std::vector<std::uint32_t> facet_slot;  // per facet, + 1
    std::vector<std::uint32_t> tag_first;   // per passage, + 1
    std::vector<std::uint32_t> tags;

    // Alias forms for query rewriting: each searchable name of each node, as normalised
    // terms (Latin script) or folded text (CJK, matched as a substring of the query).
    struct NameForm {
        int node = -1;
        std::vector<std::string> terms;  // empty for CJK forms
        std::string folded;              // case-folded text, for CJK forms
    };
    std::vector<NameForm> name_forms;

    // Stop words (stopwords.hpp keys): the article's own list, else the built-in one for its
    // language. Unquoted searches leave them out; the concordance and term list too.
    std::unordered_set<std::string> stop_words;
    // True when the word as written (any case) is a stop word.
    bool is_stop_word(std::string_view word) const;

    // Number of mentions of `node` in `passage` (see node_mentions).
    int mention_count(int node, int passage) const;
};

// Derives tokens, mentions and the index from `article`. Appends warnings to `diagnostics`:
// a variant alias or matched label never found in the text, a node never mentioned,
// a facet value no passage has.
Corpus build_corpus(Article article, std::vector<Diagnostic>& diagnostics);

// The warnings build_corpus gives for `partial` (LoadResult::partial: an article with
// errors), appended to `diagnostics`, so that an author sees them with the errors rather
// than one round later. Nothing when `partial` is empty.
void text_warnings(const std::optional<Article>& partial, std::vector<Diagnostic>& diagnostics);

}  // namespace wwe
