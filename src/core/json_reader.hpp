// Win-Win Explorer core: the one reader for JSON text entering the core, and JSON pointers.
//
// Index
//   - JsonLimits ........... how large and how deeply nested a text may be
//   - presets .............. kArticleJsonLimits, kViewStateJsonLimits, kHostMessageJsonLimits
//   - JsonRead, read_json .. size, UTF-8, depth, syntax: the value or one located problem
//   - duplicate_keys ....... member names used twice in one object (the parser keeps the last)
//   - pointer_append ....... RFC 6901 pointers: the one place that escapes reference tokens
//
// Every JSON text that crosses a boundary (an article file, a tour step's state, a view state
// or query request from the page, a host-page message) goes through read_json. It runs the
// cheap, flat checks first and parses only a text that passed them, so a hostile text (huge,
// not UTF-8, nested 100,000 levels deep) is refused before anything recursive (nlohmann's
// dump(), copies, comparisons) ever sees it. A value read here is at most `max_depth` deep,
// which is what makes those recursive operations safe on it afterwards.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"

namespace wwe {

//------------------------------------------------------------------------------------------
// Limits
//------------------------------------------------------------------------------------------

// Depth counts the arrays and objects open at once: `7` and `"a"` are 0 deep, `[]` and `{}`
// are 1, `{"a": [1]}` is 2. The default is the strictest preset (view states).
struct JsonLimits {
    std::size_t max_bytes = 64u << 10;  // bytes of UTF-8 text, inclusive (64 KiB)
    int max_depth = 16;                 // levels of nesting, inclusive (see above)
};

// Article files (docs/data-format.md). Size: the shipped article is ~130 KB. Depth: the format's deepest path
// is /tours/i/steps/j/state/facets/f/k, 8 levels; a step's state is a view state (up to
// kViewStateJsonLimits.max_depth = 16) below 5 levels of article, so at most 21. 64 leaves
// room for x-* extension members and is a tiny stack for the recursive operations above.
// The size: 24 MiB, about 30,000 passages of ~80 words — what the browser's 32-bit
// WebAssembly heap holds (a 30,000-passage, 24 MiB article peaks at 1.75 GB of its
// 2 GB while loading; docs/benchmarks.md). WWE_ARTICLE_MAX_BYTES overrides it for the
// benchmark's own builds only (bench/run.sh, whose 100k-passage corpus is ~60 MB).
#ifndef WWE_ARTICLE_MAX_BYTES
#define WWE_ARTICLE_MAX_BYTES (24u << 20)
#endif
inline constexpr JsonLimits kArticleJsonLimits{WWE_ARTICLE_MAX_BYTES, 64};

// View states (setState, tour steps) and query requests ({text, facets}). Both are at most
// 3 deep ({"facets": {"front": ["economic"]}}); their strings are capped (a query at 1,000
// bytes, ids at 128), so a state naming every facet value of the shipped article is under
// 2 KiB. 64 KiB and 16 levels leave room for a much larger article and for unknown members,
// which are reported rather than refused.
inline constexpr JsonLimits kViewStateJsonLimits{64u << 10, 16};

// Host-page messages ({protocol, version, type, requestId, state | request}): an envelope,
// one level, around one view state or query request. Four times a view state's size; the
// same depth, which already has 12 levels to spare.
inline constexpr JsonLimits kHostMessageJsonLimits{256u << 10, 16};
// A host page's load message (its file as a string member): 8 MiB.
inline constexpr JsonLimits kHostLoadJsonLimits{8u << 20, 16};

//------------------------------------------------------------------------------------------
// Reading
//------------------------------------------------------------------------------------------

struct JsonRead {
    nlohmann::json value;              // the document when ok; null otherwise
    bool ok = false;                   // the text passed every check and parsed
    std::vector<Diagnostic> problems;  // when !ok: one error at pointer "" (the whole text)
};

// Reads `text` within `limits`. Checks, in this order, and stops at the first failure:
//   size .... expected "a JSON text of at most N bytes", found "M bytes";
//   UTF-8 ... expected "UTF-8 text", found "a text in UTF-16 (little-endian): save the file as
//             UTF-8" (text.hpp utf16_or_32_name), or "an invalid byte sequence at byte B (line L,
//             column C)" (B 0-based; L and C 1-based, C counted in code points);
//   depth ... a flat scan that skips strings and their escapes: expected "JSON nested at
//             most N levels deep", found "level N+1 at line L, column C";
//   syntax .. nlohmann's parser (RFC 8259, no comments, nothing after the value): expected
//             "valid JSON", found "a syntax error at line L, column C: <what went wrong>".
// Never throws (an allocation failure is also a problem) and never recurses on the input.
JsonRead read_json(std::string_view text, const JsonLimits& limits);

// The member names used twice in one object of `text`, a JSON text read_json accepted (the
// parser keeps the last value of such a name and drops the others without a word): one
// error per repeated use, at the pointer of the member, expected "each member name once in
// an object", found "\"id\" again at line L, column C (first at line L', column C'; ...)".
// Names compare by their value ("a" and "\u0061" are the same name). At most `max_reported`
// are listed, then one error at "" counts the rest. A flat scan: no recursion, linear time.
std::vector<Diagnostic> duplicate_keys(std::string_view text, std::size_t max_reported = kMaxReportedProblems);

//------------------------------------------------------------------------------------------
// JSON pointers (RFC 6901)
//------------------------------------------------------------------------------------------

// `base` + "/" + `key`, the key escaped as a reference token ("~" -> "~0", "/" -> "~1"):
// pointer_append("/facets", "a/b~c") == "/facets/a~1b~0c". `base` is a pointer, "" for the
// whole document.
std::string pointer_append(std::string_view base, std::string_view key);

// `base` + "/" + the array index in decimal: pointer_append("/passages", 3) == "/passages/3".
std::string pointer_append(std::string_view base, std::size_t index);

}  // namespace wwe
