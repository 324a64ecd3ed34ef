// Win-Win Explorer core: loading and validating an annotated article.
//
// Index
//   - Diagnostic ........ one problem (diagnostic.hpp): JSON pointer, expected, found
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
#include "diagnostic.hpp"

namespace wwe {

struct LoadResult {
    std::optional<Article> article;  // set when there is no error (warnings allowed)
    std::vector<Diagnostic> diagnostics;
    // An article with errors as far as it was read, for the warnings of its text next to
    // its errors (text_warnings in corpus.hpp); only its passages, sections, facets and
    // nodes, and only when every item of those lists could be read (so that the warnings'
    // pointers are right). Never to be shown or indexed for use.
    std::optional<Article> partial;

    bool ok() const { return article.has_value(); }
    int error_count() const;
    int warning_count() const;
};

// Parses and validates `json_text` (UTF-8). Never throws. The text is read by read_json
// within kArticleJsonLimits (json_reader.hpp: 24 MiB, 64 levels), so a text too large, not
// UTF-8, too deeply nested or not JSON is one error at pointer "" with its line and column.
// Then wrong types, unknown members, dates that are not calendar dates (date.hpp), duplicate
// ids and dangling references are errors, each with its pointer. Warnings (aliases never found in the text, unused
// facet values, unmentioned nodes) are reported by build_corpus(), which does the text
// matching.
LoadResult load_article(std::string_view json_text);

// Reads a file and calls load_article; an unreadable file is one error at pointer "".
LoadResult load_article_file(const std::string& path);

}  // namespace wwe
