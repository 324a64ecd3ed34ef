// Win-Win Explorer core: plain text and Markdown in, an annotated article out; key terms.
//
// Index
//   - FileKind, file_kind ... what a file is: an article (JSON), plain text, Markdown (by
//                             its name's extension, else by its first character)
//   - ImportOptions ......... the file's name and date
//   - import_text ........... text -> an article document (format version 1, JSON) that
//                             load_article reads like any other
//   - KeyTerm, key_terms .... frequent content words and two-word collocations of a corpus,
//                             stop words removed, not yet concepts: what a reader may accept
//   - add_concept ........... adds a key term to an article document as a concept
//
// How a text becomes an article:
//   - blocks are separated by blank lines; each block is a passage (its lines joined by a
//     space: a paragraph wrapped at the page's width is one passage); "\r\n" is "\n"; a
//     leading byte-order mark is dropped;
//   - Markdown: ATX headings ("# Title", "## Part") and Setext ones ("Title" over "===")
//     become sections; emphasis marks, inline code ticks, link targets and images are
//     dropped, keeping their text; list items keep a bullet; block quotes lose their ">";
//     code fences keep their content; thematic breaks ("---") are dropped;
//   - plain text: a block that is one short line (at most 80 bytes, 12 words) not ending
//     in sentence punctuation is a heading;
//   - the first heading, when it comes before any passage, is the title (else the file's
//     name is); later headings are sections ("s1", "s2", ...), passages "p1", "p2", ...;
//   - the concepts are the text's first key terms (at most `concepts`), so the
//     co-occurrence map, search and concordance work at once; more are offered by
//     key_terms() for the reader to accept;
//   - what the text cannot say (author, outlet, exact date) is given as "not given" and
//     reported as warnings, so the reader knows to fill them in the saved article.
// Errors (not UTF-8, empty, too large: kArticleJsonLimits) leave `article` null.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus.hpp"
#include "diagnostic.hpp"

namespace wwe {

enum class FileKind { Article, Text, Markdown };
const char* to_string(FileKind kind);  // "article", "text", "markdown"

// ".json" -> Article, ".md"/".markdown" -> Markdown, ".txt" and anything else: Article when
// the text's first non-space character is '{', else Text.
FileKind file_kind(std::string_view name, std::string_view text);

struct ImportOptions {
    std::string name;   // the file's name ("speech.txt"): the source, and the title if no heading
    std::string date;   // ISO 8601 date of the file ("2026-12-02"); "" = unknown (a warning)
    int concepts = 12;  // key terms made concepts at once
};

struct ImportResult {
    nlohmann::json article;             // the article document; null on error
    std::vector<Diagnostic> problems;   // errors (pointer "") and warnings (pointer "/meta/...")
    bool ok() const { return !article.is_null(); }
};

ImportResult import_text(std::string_view text, FileKind kind, const ImportOptions& options);

// A frequent content word or collocation of the article, not yet a node.
struct KeyTerm {
    std::string label;    // as the text writes it most often ("cooperation", "climate change")
    int count = 0;        // occurrences
    int passages = 0;     // passages with it
};

// At most `max` key terms, best first: words of at least 3 letters that are not stop words
// (English function words) or numbers, and pairs of adjacent such words with nothing but
// spaces or a hyphen between them; each in at least 2 passages (1 for a one-passage text);
// ranked by occurrences x log(1 + passages), a pair's occurrences counted twice (a
// collocation says more than its words). Terms whose stems are a node's name are left out.
std::vector<KeyTerm> key_terms(const Corpus& corpus, std::size_t max = 30);

// Adds `term` to `article` (a document of the format) as a concept of node type "term"
// (added when missing) with an id made from its label (unique among the nodes). False,
// with a problem, when the document has no concept list or the label is empty.
bool add_concept(nlohmann::json& article, const KeyTerm& term, std::vector<Diagnostic>& problems);

}  // namespace wwe
