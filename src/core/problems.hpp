// Win-Win Explorer core: problems as a reader sees them — plain words first, then where.
//
// Index
//   - Problem ........... one problem of a file: its message in plain words, the JSON
//                         pointer, the line and column in the file (when known)
//   - plain_place ....... a JSON pointer in words: "/passages/3/facets/front/0" ->
//                         "Passage 4, facets, front, item 1"
//   - locate_pointer .... where a JSON pointer's value starts in a JSON text (line, column)
//   - passage_id_at ..... the own id of the passage a pointer is in ("/passages/3" -> "p4")
//   - explain ........... Diagnostics -> Problems for a file's text
//   - problem_place_text  where a problem is, after its words: "JSON pointer ... · line 3, column 5"
//   - plain_problem ..... a problem of a link, a requested view or the browser's kept data
//                         as one sentence for a reader: what part, what became of it
//   - applied_parts ..... the sentence before those: what of a requested view was applied
//
// Diagnostics (diagnostic.hpp) say where by JSON pointer, which suits `explorer validate`
// and editors; the problems panel leads with words a teacher reads, and gives the pointer
// and the line next to them so that an editor can jump there.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.hpp"

namespace wwe {

struct Problem {
    Severity severity = Severity::Error;
    std::string message;  // "Passage 4, facets, front, item 1: expected ..., found ..."
    std::string pointer;  // RFC 6901 ("" = the whole file; "#q", "?lock.x" for links)
    int line = 0;         // 1-based line of the pointer's value in the file; 0 = unknown
    int column = 0;       // 1-based column (bytes); 0 = unknown
    std::string passage_id;  // the id of the passage the pointer is in ("/passages/3" -> "p4"), "" if none

    bool operator==(const Problem&) const = default;
};

struct TextPosition {
    int line = 0, column = 0;  // 1-based; 0 when the pointer's value was not found
};

// The pointer's place in words (English). Array items of the format's lists are named by
// their kind and number from 1 ("Passage 4", "Tour 1, step 3"); other members by their
// name; "" is "The file". Pointers that are not JSON pointers (link parameters) are given
// as they are.
std::string plain_place(std::string_view pointer);

// Where the value `pointer` names starts in `json_text` (a text read_json accepted; any
// text is safe: a malformed one gives the place reached). A pointer to a member that is
// missing gives its parent's place. Linear in the text's size, no recursion.
TextPosition locate_pointer(std::string_view json_text, std::string_view pointer);

// The id written in the file for the passage a pointer names or is inside of
// ("/passages/3/facets/front" -> the string member "id" of /passages/3), "" when the
// pointer is not into a passage or the passage has no id of the format's shape (lower-case
// letters, digits, '_', '-', at most 128 bytes). JSON pointers count from
// 0 and the plain words from 1; the passage's own id is what an author searches for.
std::string passage_id_at(std::string_view json_text, std::string_view pointer);

// The problems of a file with text `json_text` ("" when it was not JSON: no lines, except
// that problems of the JSON syntax already name theirs). A problem in a passage has the
// passage's own id next to its place ("Passage 4 (p4), section: ..."). Lines are located for at most the
// first `max_located` problems (each is a scan of the text).
std::vector<Problem> explain(const std::vector<Diagnostic>& diagnostics, std::string_view json_text,
                             std::size_t max_located = 200);

// Where a problem is, for the line under its words (the panel, the accessible mirror):
// "JSON pointer /passages/3/section (p4) · line 12, column 5"; "" when nothing is known.
std::string problem_place_text(const Problem& problem);

// A problem of a link ("#q"), the page's embed options ("?lock.front"), a requested view
// ("/query") or what the browser kept ("/last/passage", "/notebook/..."), as one plain
// sentence that names the part in words and says what became of it, without the parser's
// terms: "The search in the link was left out." The technical text (Diagnostic::to_string:
// the pointer, expected, found) goes behind a notice's "Details". `whole` names the input
// for a problem of all of it (pointer ""): "the link", "the requested view", "what this
// browser kept". bound_problems' last line ("at most 50 problems listed") becomes
// "9951 more problems are not listed."
std::string plain_problem(const Diagnostic& problem, std::string_view whole);

// What of a requested view (a partial state: its `members`, the top-level names, and for
// "facets" its facet ids) was applied despite `problems`, as one sentence that goes before
// the sentences of what was ignored: "Applied: the view and the filter “front”." or
// "Nothing of the requested view was applied." A member with problems below it only
// ("/facets/front/1") counts as applied in part; "version" and "article" are not named.
std::string applied_parts(const std::vector<std::pair<std::string, std::vector<std::string>>>& members,
                          const std::vector<Diagnostic>& problems);

}  // namespace wwe
