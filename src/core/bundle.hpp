// Win-Win Explorer core: a standalone explorer page for one article (`explorer bundle`).
//
// Index
//   - kArticleSlotBegin, kArticleSlotEnd ... the markers around the article in the page
//   - bundle_page ............................ the template with another article in its slot
//   - bundle_template_places ................. where `explorer bundle` looks for the template
//   - bundle_template_missing ................ the message when it is in none of them
//
// The web build ships the standalone page (dist/explorer-standalone.html: program, glue,
// style and the shipped article in one file that works from file:// offline). Its article
// sits between two comments, each exactly once, outside every other comment:
//   <!-- wwe:article-begin --><script type="application/json" id="wwe-article">...</script><!-- wwe:article-end -->
// The slot is found by these markers, never by the first id="wwe-article" (the page's own
// comments mention that id). The page's Content-Security-Policy hashes only its scripts
// that run, so another article keeps the page valid.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wwe {

inline constexpr const char* kArticleSlotBegin = "<!-- wwe:article-begin -->";
inline constexpr const char* kArticleSlotEnd = "<!-- wwe:article-end -->";

// `template_html` with its article replaced by `article_json` (made safe inside <script>:
// every '<' becomes \u003c, which JSON reads back as the same character). nullopt, with
// `error` saying why, when the markers are missing, repeated or out of order.
std::optional<std::string> bundle_page(std::string_view template_html, std::string_view article_json, std::string& error);

inline constexpr const char* kBundleTemplateName = "explorer-standalone.html";

// Where `explorer bundle` looks for its template when --template is not given, in order,
// never relative to the working directory: beside the program (`program_dir`, the directory
// of the running executable), in a dist/ beside it, in the install path
// <program_dir>/../share/win-win-explorer/, then `build_dist` (the dist/ of the source tree
// the program was built from; "" for none). Empty `program_dir`: only `build_dist`.
std::vector<std::string> bundle_template_places(std::string_view program_dir, std::string_view build_dist);

// The error when none of `places` can be read: it names each place looked in, and the ways
// out (build the web app, or --template).
std::string bundle_template_missing(const std::vector<std::string>& places);

}  // namespace wwe
