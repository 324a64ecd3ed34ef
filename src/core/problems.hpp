// Win-Win Explorer core: problems as a reader sees them — plain words first, then where.
//
// Index
//   - Problem ........... one problem of a file: its message in plain words, the JSON
//                         pointer, the line and column in the file (when known)
//   - plain_place ....... a JSON pointer in words: "/passages/3/facets/front/0" ->
//                         "Passage 4, facets, front, item 1"
//   - locate_pointer .... where a JSON pointer's value starts in a JSON text (line, column)
//   - explain ........... Diagnostics -> Problems for a file's text
//
// Diagnostics (diagnostic.hpp) say where by JSON pointer, which suits `explorer validate`
// and editors; the problems panel leads with words a teacher reads, and gives the pointer
// and the line next to them so that an editor can jump there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace wwe {

struct Problem {
    Severity severity = Severity::Error;
    std::string message;  // "Passage 4, facets, front, item 1: expected ..., found ..."
    std::string pointer;  // RFC 6901 ("" = the whole file; "#q", "?lock.x" for links)
    int line = 0;         // 1-based line of the pointer's value in the file; 0 = unknown
    int column = 0;       // 1-based column (bytes); 0 = unknown

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

// The problems of a file with text `json_text` ("" when it was not JSON: no lines, except
// that problems of the JSON syntax already name theirs). Lines are located for at most the
// first `max_located` problems (each is a scan of the text).
std::vector<Problem> explain(const std::vector<Diagnostic>& diagnostics, std::string_view json_text,
                             std::size_t max_located = 200);

}  // namespace wwe
