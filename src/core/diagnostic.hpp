// Win-Win Explorer core: one problem found at a boundary (a file, a view state, a request).
//
// Index
//   - Severity ......... an error makes the input unusable; a warning is printed and ignored
//   - Diagnostic ....... where (JSON pointer), what was expected, what was found
//   - bound_problems ... a list of problems cut to a readable length (replies, notices)
//   - id_choices ....... the ids a reference could have named, for "expected" texts
//   - edit_distance .... Levenshtein distance of two byte strings ("did you mean" lists)
//
// Kept apart from load.hpp so that the lowest layers (json_reader.hpp) can report problems
// without depending on the article model.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wwe {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string pointer;   // RFC 6901 JSON pointer into the input ("" is the whole document)
    std::string expected;  // what the format wants there
    std::string found;     // what the input has there (a short, escaped excerpt)

    // "error: /passages/3/facets/front/0: expected ..., found ..."; with `passage_id` (the
    // passage's own id, problems.hpp passage_id_at) next to the pointer:
    // "error: /passages/3/facets/front/0 (p4): expected ..."
    std::string to_string(const std::string& passage_id = {}) const;
};

// At most this many problems go back to a caller or into a notice (a state with 10,000 bad
// values gets a readable reply, not a 10,000-item one).
inline constexpr std::size_t kMaxReportedProblems = 50;

// Keeps the first `max - 1` problems of a longer list and ends it with one that counts the
// rest: "warning: (document): expected at most 50 problems listed, found 9951 more not
// shown". A list of at most `max` is left as it is.
void bound_problems(std::vector<Diagnostic>& problems, std::size_t max = kMaxReportedProblems);

// The ids an unknown reference `given` could have meant, for a message's "expected" part:
// all of them ("intro, body, end") when there are at most `max_listed`, else the
// `max_listed` closest to `given` by edit distance (Levenshtein, bytes; ties in list
// order), "closest: s10, s11, ... of 40". "none" when `ids` is empty.
std::string id_choices(const std::vector<std::string>& ids, const std::string& given, std::size_t max_listed = 8);

// Levenshtein distance of `a` and `b` in bytes (insertions, deletions, substitutions, each
// 1), in O(|a| x |b|) time and O(|b|) memory: callers cut long strings first.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace wwe
