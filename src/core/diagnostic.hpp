// Win-Win Explorer core: one problem found at a boundary (a file, a view state, a request).
//
// Index
//   - Severity ......... an error makes the input unusable; a warning is printed and ignored
//   - Diagnostic ....... where (JSON pointer), what was expected, what was found
//
// Kept apart from load.hpp so that the lowest layers (json_reader.hpp) can report problems
// without depending on the article model.
#pragma once

#include <string>

namespace wwe {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string pointer;   // RFC 6901 JSON pointer into the input ("" is the whole document)
    std::string expected;  // what the format wants there
    std::string found;     // what the input has there (a short, escaped excerpt)

    // "error: /passages/3/facets/front/0: expected ..., found ..."
    std::string to_string() const;
};

}  // namespace wwe
