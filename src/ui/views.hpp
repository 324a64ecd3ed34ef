// Win-Win Explorer UI: what the views share (internal to src/ui).
//
// Index
//   - Derived ........... the query result for the current facets + search text
//   - UiState ........... transient UI state that is not part of the ViewState
//   - ViewContext ....... the explicit inputs of a view, and where it writes intents
//   - Views ............. one function per view (view_*.cpp)
//   - Intents ........... state changes several views emit
//   - Helpers ........... formatting, colours
//
// A view reads `ctx.state` (this frame's ViewState) and writes the state it wants into
// `ctx.next`; App applies `next` after the frame. UI-only matters (scroll requests, the
// search buffer, notices) live in UiState.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "core/query.hpp"
#include "core/view_state.hpp"
#include "ui/fonts.hpp"
#include "ui/rich_text.hpp"
#include "ui/theme.hpp"

namespace wwe::ui {

//------------------------------------------------------------------------------------------
// Derived data and UI-only state
//------------------------------------------------------------------------------------------

struct Derived {
    QueryResult result;       // core run_query over the state's facets + query
    std::vector<int> shown;   // passages of the result, in article order
    std::vector<int> rank;    // per passage: index into result.paragraphs, -1 if not shown
    std::uint64_t version = 0;  // changes on every recomputation (layout cache key)
};

struct UiState {
    std::string search_buffer;   // the search box; follows ViewState::query
    bool focus_search = false;   // focus the search box this frame
    bool search_active = false;  // the search box had keyboard focus last frame
    bool drag_scroll = false;    // a press in the reader is dragging its text (touch scroll)
    int scroll_request = -1;     // passage to bring to the top of the reader
    int scroll_settle = 0;       // frames during which the reader scroll is ours, not the user's
    float last_scroll_y = 0;
    float last_reader_width = -1;
    int flash_passage = -1;      // passage highlighted after a jump
    double flash_start = 0;      // seconds
    std::string notice_title;    // dismissible notice (e.g. setState problems)
    std::vector<std::string> notice;
    bool show_gallery = false;   // the hidden debug gallery (F2)
    bool show_filters = false;   // narrow layout: filter panel instead of the reader
    bool narrow = false;         // set by the layout each frame
    RichTextCache reader_cache;
    RichTextCache gallery_cache;
};

struct ViewContext {
    const Corpus& corpus;
    const ViewState& state;  // what this frame shows
    ViewState& next;         // the state after this frame: views write their intents here
    const Derived& derived;
    UiState& ui;
    const Theme& theme;
    const Fonts& fonts;
    double time;             // seconds
};

//------------------------------------------------------------------------------------------
// Views
//------------------------------------------------------------------------------------------

void draw_search_bar(ViewContext& ctx);  // search box, result line, filter toggle
void draw_notice(ViewContext& ctx);      // dismissible notice (nothing when none)
void draw_facets(ViewContext& ctx);      // facet panel: values with counts, toggles
void draw_reader(ViewContext& ctx);      // article header and the numbered passages
void draw_details(ViewContext& ctx);     // the selected concept/entity
void draw_gallery(ViewContext& ctx);     // hidden debug window: widgets and theme colours

//------------------------------------------------------------------------------------------
// Intents
//------------------------------------------------------------------------------------------

// Adds or removes one facet value in next.facets.
void toggle_facet_value(ViewState& next, const std::string& facet, const std::string& value);
// Selects a concept/entity (by node index), or clears the selection with -1.
void select_node(ViewContext& ctx, int node);
// Scrolls the reader to `passage` and flashes it; clears the filters and search first when
// the passage is not in the current result.
void jump_to_passage(ViewContext& ctx, int passage);
// Clears the search text and every facet filter.
void clear_filters(ViewContext& ctx);

//------------------------------------------------------------------------------------------
// Helpers
//------------------------------------------------------------------------------------------

// "2016-06-20" -> "20 June 2016"; "2016-06" -> "June 2016"; anything else unchanged.
std::string format_date(std::string_view iso);
RichTextColors rich_colors(const Theme& theme);
// The node selected in `state`, or -1.
int selected_node(const Corpus& corpus, const ViewState& state);
// A short plain-text excerpt of `text` around byte offset `at` (max ~`max_bytes`).
std::string excerpt(std::string_view text, std::size_t at, std::size_t max_bytes);

}  // namespace wwe::ui
