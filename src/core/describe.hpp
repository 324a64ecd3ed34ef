// Win-Win Explorer core: the view state in words — for the views' labels, announcements to
// screen readers, exports and notices alike, so they all say the same thing.
//
// Index
//   - view_label ............ "Reader", "Map", ...
//   - quoted_query .......... the search text in typographic quotes
//   - filters_description ... "Front: Security, Economic; search: “x”"
//   - result_summary ........ "4 of 15 passages match “x” and the filters"
//   - search_result_summary . "“x”: 4 of 15 passages match" (a search just made, said once)
//   - selection_description . "Belt and Road Initiative (entity), mentioned in 5 passages"
//   - passages_markdown_text, entities_csv_text ... the exports of what is shown
//   - map_hint, timeline_hint, matrix_hint, open_passage_hint ... the views' hints, in the
//                             words of the input device (tap and pinch for a finger)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "view_state.hpp"

namespace wwe {

// Labels of the views, in View order ("Reader", "Map", ...).
const char* view_label(View view);

// The search text in typographic quotes, or as it is when it is one "quoted phrase".
std::string quoted_query(const std::string& query);

// The current filters in words, facet by facet in the state's order: "Front: Security,
// Economic; search: “x”" ("" for none).
std::string filters_description(const Corpus& corpus, const ViewState& state);

// A name for a saved view of `state`: the view and its filters, at most 60 bytes
// ("Map: Front: Security, search “win-win”").
std::string suggested_bookmark_name(const Corpus& corpus, const ViewState& state);

// How much of the article the result shows: "All 15 passages" or "4 of 15 passages match
// “x” and the filters". `shown`: passages in the result.
std::string result_summary(const Corpus& corpus, const ViewState& state, int shown);

// The same, led by the search text, for saying what a new search found with its text named
// once: "“x”: 4 of 15 passages match", "“x” and the filters: 1 of 15 passages matches".
// `state.query` is not empty.
std::string search_result_summary(const Corpus& corpus, const ViewState& state, int shown);

// The selection in words ("" for none): a node with its kind and passages, a passage with
// its number, an event with its date, an edge with both ends and its evidence.
std::string selection_description(const Corpus& corpus, const Selection& selection);

// The start of `text` in whole words, at most `max_bytes` of it, with one ellipsis when cut
// (never in a word, never after a space or a dangling comma, never a second ellipsis when the
// cut text already ends with one). The whole text when it fits.
std::string word_excerpt(std::string_view text, std::size_t max_bytes);

// What opening passage `p` (index) brings, in words, for announcements: "Passage 12, in
// “Section heading”: The start of its text…".
std::string passage_opened_text(const Corpus& corpus, int p);

// Markdown of `shown` (passages, article order) with the filters as description.
std::string passages_markdown_text(const Corpus& corpus, const ViewState& state, const std::vector<int>& shown);
// CSV of the entities (all of them, article order).
std::string entities_csv_text(const Corpus& corpus);

// The views' hint lines and tooltips, in the words of the input device: `touch` (a finger:
// Controller::touch_targets(), a coarse pointer or a kiosk) says "tap", "pinch" and no
// keys; else "click", "wheel" and the Esc key.
// The map's, with or without a selection.
const char* map_hint(bool touch, bool selected);
// The timeline's: "5 events · wheel to zoom, drag to pan, click an event to read its passage".
std::string timeline_hint(int events, bool touch);
// The matrix's: what its cells count (the `passages` of the current result) and how to read
// them; `multi_valued`: a passage with several values counts in each of its cells.
std::string matrix_hint(int passages, bool multi_valued, bool touch);
// A matrix cell's tooltip's last words: "click to read" / "tap to read".
const char* matrix_cell_hint(bool touch);
// The last line of a timeline event's tooltip; `filtered`: the filters hide its passage.
const char* open_passage_hint(bool touch, bool filtered);

// The English name of a BCP 47 language tag ("zh-Hans" -> "Simplified Chinese"): the names
// the platform supplied (the browser's Intl.DisplayNames, set_language_names), else a small
// table of common languages by primary subtag (natively: the CLI, the tests), else the tag.
std::string language_name(const std::string& tag);
// Supplies names for tags (process-wide; the web platform, after loading an article).
void set_language_names(std::vector<std::pair<std::string, std::string>> names);
// Every language tag of the article's translations, each once, in first-use order.
std::vector<std::string> translation_languages(const Article& article);
// True when `tag` names another language than `base` (their primary subtags differ,
// case-insensitively); false when either is empty.
bool other_language(const std::string& tag, const std::string& base);

}  // namespace wwe
