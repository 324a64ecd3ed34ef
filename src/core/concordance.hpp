// Win-Win Explorer core: the concordance (keyword in context, KWIC) and the term list — the
// Contexts and Terms views, as in Voyant Tools.
//
// Index
//   - ConcordanceRow ..... one occurrence of the searched words: left context, keyword, right
//   - concordance ........ every occurrence in the given passages, sorted as asked
//   - TermRow ............ a word (all its forms) or a name, with its count per section
//   - term_list .......... the words and names of the given passages, most frequent first
//
// The occurrences are exactly what the reader marks for the search text (hit_spans: words,
// phrases, names, the exact phrase of unquoted text), so the concordance, the reader and the
// search agree. Contexts are cut at word boundaries to about `context_chars` characters
// (code points) on each side, line breaks read as spaces. Sorting by the left context means
// by the words before the keyword, nearest first (the KWIC convention: "…of win-win
// | cooperation" sorts under "win"); by the right context, the words after it.
//
// The term list counts words by their normalised term (text.hpp: case, inflections and
// hyphens folded), shown in their most frequent written form; names count their mentions
// (corpus.hpp). Stop words (stopwords.hpp) are left out unless asked for. Both are linked
// to the facets like the other views: callers pass the passages the filters leave.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "search.hpp"

namespace wwe {

struct ConcordanceRow {
    int passage = -1;           // passage index
    Span keyword;               // its bytes in the passage text
    std::string left;           // context before the keyword (ends next to it)
    std::string keyword_text;   // the keyword as written
    std::string right;          // context after it
    bool cut_left = false, cut_right = false;  // the context goes on ("…")
};

enum class ConcordanceSort { Article, Left, Right };
const char* to_string(ConcordanceSort sort);  // "article", "left", "right"

struct ConcordanceOptions {
    std::size_t context_chars = 50;  // code points of context on each side (about)
    ConcordanceSort sort = ConcordanceSort::Article;
    std::size_t max_rows = 10000;    // at most this many rows (the first in article order)
};

// Every occurrence of `query`'s matches in `passages` (ascending passage indices), sorted as
// `options` asks (ties in article order). An empty query has no rows.
std::vector<ConcordanceRow> concordance(const Corpus& corpus, const SearchQuery& query,
                                        const std::vector<int>& passages, const ConcordanceOptions& options = {});

struct TermRow {
    std::string text;               // the word's most frequent written form (folded), or the name's label
    std::string query;              // what searching it types: the word, or the name (quoted when several words)
    int node = -1;                  // a name: its node; -1 for a word
    bool stop = false;              // a stop word
    int count = 0;                  // occurrences (a name: mentions) in the passages given
    std::vector<int> per_section;   // the same per section: [0] the lead (no section), [s + 1] section s
};

struct TermListOptions {
    bool stop_words = false;  // include stop words
    bool words = true;        // words
    bool names = true;        // concepts and entities
    std::size_t max_rows = 500;
};

// The words and names of `passages` (ascending passage indices), most frequent first, ties
// alphabetical. Digits-only words are left out.
std::vector<TermRow> term_list(const Corpus& corpus, const std::vector<int>& passages,
                               const TermListOptions& options = {});

// What an empty Contexts view offers to search, at most `n`: the article's own suggested
// searches (`topics`, in their order), else its most frequent names and content words
// (term_list over every passage, stop words off) — never words of another article.
std::vector<std::string> suggested_searches(const Corpus& corpus, std::size_t n);

}  // namespace wwe
