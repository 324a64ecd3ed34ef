// Win-Win Explorer core: loading and validating an annotated article.
//
// Index
//   - Diagnostic ........ one problem: where (JSON pointer), what was expected, what was found
//   - LoadResult ........ the article (when usable) and every problem found
//   - load_article ...... parse + validate a JSON text (docs/data-format.md, version 1)
//
// Errors are values: nothing here throws to the caller. All problems are collected in one
// pass, so an author sees every mistake at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"

namespace wwe {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string pointer;   // RFC 6901 JSON pointer into the file ("" is the whole document)
    std::string expected;  // what the format wants there
    std::string found;     // what the file has there (a short, escaped excerpt)

    // "error: /passages/3/facets/front/0: expected ..., found ..."
    std::string to_string() const;
};

struct LoadResult {
    std::optional<Article> article;  // set when there is no error (warnings allowed)
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return article.has_value(); }
    int error_count() const;
    int warning_count() const;
};

// Parses and validates `json_text` (UTF-8). `source_name` only labels messages.
// Never throws; invalid UTF-8, syntax errors, wrong types, unknown members, duplicate ids
// and dangling references are errors. Warnings (aliases never found in the text, unused
// facet values, unmentioned nodes) are reported by build_corpus(), which does the text
// matching.
LoadResult load_article(std::string_view json_text);

// Reads a file and calls load_article; an unreadable file is one error at pointer "".
LoadResult load_article_file(const std::string& path);

}  // namespace wwe
