// Win-Win Explorer UI: what the views share (internal to src/ui).
//
// Index
//   - Derived ........... the query result for the current facets + search text
//   - UiState ........... transient UI state that is not part of the ViewState
//   - ViewContext ....... the explicit inputs of a view, and where it writes intents
//   - Views ............. one function per view (view_*.cpp); the centre shows the view
//                         ViewState::view names, the facet panel and search stay around it
//   - Concept map ....... what exports and the JS API need from the map view
//   - Intents ........... state changes several views emit
//   - Helpers ........... formatting, colours
//
// A view reads `ctx.state` (this frame's ViewState) and writes the state it wants into
// `ctx.next`; App applies `next` after the frame. UI-only matters (scroll requests, the
// search buffer, notices) live in UiState.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "core/embed.hpp"
#include "core/query.hpp"
#include "core/tour.hpp"
#include "core/view_state.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/rich_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

//------------------------------------------------------------------------------------------
// Derived data and UI-only state
//------------------------------------------------------------------------------------------

struct Derived {
    QueryResult result;       // core run_query over the state's facets + query
    std::vector<int> shown;   // passages of the result, in article order
    std::vector<int> rank;    // per passage: index into result.paragraphs, -1 if not shown
    std::vector<char> node_in;  // per node: mentioned in a passage of the result
    bool filtered = false;      // facets or search text narrow the article
    std::uint64_t version = 0;  // changes on every recomputation (layout cache key)

    // True when views should dim `node` (a filter is active and excludes it).
    bool node_dimmed(int node) const { return filtered && !node_in[static_cast<std::size_t>(node)]; }
    bool passage_in(int passage) const { return rank[static_cast<std::size_t>(passage)] >= 0; }
};

inline constexpr float kMinTextZoom = 0.7f, kMaxTextZoom = 2.0f;  // UiState::text_zoom

// The concept map's graph, layout and last drawing (view_map.cpp).
struct MapCache;

// Edge of the concept map chosen for its evidence (not part of the ViewState).
struct EdgePick {
    int relation = -1;     // Article::relations index, or -1 for a co-occurrence edge
    int a = -1, b = -1;    // node indices (source, target)
    bool empty() const { return a < 0; }
};

// The "Share" dialog: the link to this view and the embed-code builder.
struct ShareDialog {
    bool open = false;           // open the dialog this frame
    bool initialized = false;    // the options below were set from the page's own (once)
    std::string embed_id;        // embed=<id> ("" for a bare "embed")
    unsigned views = 0x7F;       // bit per View offered (all by default)
    int chrome = 0;              // EmbedOptions::Chrome
    bool lock_filters = false;   // lock the facet values chosen now
    int theme = 0;               // EmbedOptions::Theme
    float scale = 1;
    int width = 800, height = 500;  // CSS px
    bool strict_sandbox = false;
    std::string link;            // built each frame the dialog is open
    std::string snippet;
    double copied_at = -10;      // seconds: "Copied" shows for a while
    const char* copied_what = "";
};

// A preview of an embed the page should show over the app (shell.js draws an <iframe>).
struct PreviewRequest {
    std::string url;
    int width = 0, height = 0;   // CSS px
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
    bool show_filters = false;   // folded filters: the filter panel is shown
    bool show_details = false;   // small screens: the details panel instead of the view
    bool narrow = false;         // set by the layout each frame: the filters are folded
    bool small = false;          // set by the layout each frame: one panel at a time
    RichTextCache reader_cache;
    RichTextCache gallery_cache;

    int hovered_passage = -1;       // passage under the pointer (reader, details) last frame
    int hovered_passage_next = -1;  // being set this frame
    EdgePick edge;                  // map edge whose evidence the details panel lists
    std::shared_ptr<MapCache> map;  // created by the map view on first use
    bool map_color_by_dimension = false;
    bool show_legend = true;
    std::string entity_filter;      // entities table text filter
    std::string glossary_filter;    // glossary text filter
    double timeline_begin = 0, timeline_end = 0;  // visible years; equal: fit
    std::vector<Download> downloads;  // requested this frame
    float pinch_scale = 1;            // this frame's pinch (FrameInput), 1: none
    ImVec2 pinch_center{0, 0};        // CSS px
    double pinch_until = -1;          // seconds: presses released before this are no clicks
    std::string page_url;             // the page's address without query and fragment
    ShareDialog share;
    std::vector<PreviewRequest> previews;  // requested this frame
    Fling reader_fling;               // the reader coasting after a touch drag
    float text_zoom = 1;              // pinch in the reader: the reader's text x this

    // Guided tours (core/tour.hpp): the views ask, the app plays.
    std::vector<ResolvedTour> tours;
    TourPlayer tour;
    bool tour_autoplay = false;       // steps advance by themselves (the kiosk's attract loop)
    enum class TourCommand { None, Start, Next, Previous, Stop } tour_command = TourCommand::None;
    int tour_to_start = -1;           // with TourCommand::Start
};

struct ViewContext {
    const Corpus& corpus;
    const ViewState& state;  // what this frame shows
    ViewState& next;         // the state after this frame: views write their intents here
    const Derived& derived;
    UiState& ui;
    const Theme& theme;
    const Fonts& fonts;
    const EmbedOptions& embed;  // how the page frames the explorer (defaults: not at all)
    double time;             // seconds
};

//------------------------------------------------------------------------------------------
// Views
//------------------------------------------------------------------------------------------

// Search box (a kiosk: the article's topics as chips instead of typing), result line,
// filter toggle.
void draw_search_bar(ViewContext& ctx);
void draw_notice(ViewContext& ctx);      // dismissible notice (nothing when none)
void draw_facets(ViewContext& ctx);      // facet panel: values with counts, toggles
void draw_reader(ViewContext& ctx);      // article header and the numbered passages
void draw_details(ViewContext& ctx);     // the selected concept/entity
void draw_gallery(ViewContext& ctx);     // hidden debug window: widgets and theme colours
// Back/forward (sets history_step to -1 / +1 when clicked), view tabs, export menu, and
// the current filter as removable chips.
void draw_toolbar(ViewContext& ctx, bool can_back, bool can_forward, int& history_step);
void draw_map(ViewContext& ctx);         // concept map (view_map.cpp)
void draw_matrix(ViewContext& ctx);      // facet x facet matrix
void draw_timeline(ViewContext& ctx);    // events on a time axis
void draw_entities(ViewContext& ctx);    // sortable entities table
void draw_glossary(ViewContext& ctx);    // concepts with descriptions and Chinese terms
void draw_contrasts(ViewContext& ctx);   // "A instead of B" relations side by side
void draw_share(ViewContext& ctx);       // the Share dialog (link and embed code), when open
void draw_tours_menu(ViewContext& ctx);  // "Tours" button and its list (nothing without tours)
// The playing tour's caption with Back / Next / Close (manual tours) or "touch to explore"
// (the attract loop), across the bottom of the screen; nothing when no tour plays.
void draw_tour_caption(ViewContext& ctx);

//------------------------------------------------------------------------------------------
// Concept map outside its view (exports, the window.explorer API)
//------------------------------------------------------------------------------------------

// True while the map's layout is still moving (the app keeps drawing frames).
bool map_animating(const UiState& ui);
// SVG (core map_svg) of the map as the last frame drew it: same viewport, dimming and
// labels; a map never drawn is laid out to convergence and fitted into 1000 x 700 px.
std::string map_svg_text(const Corpus& corpus, const ViewState& state, const Derived& derived, UiState& ui,
                         const Theme& theme, const Fonts& fonts);
// JSON array [{id, label, x, y, r, visible, dimmed, labelled}] of the nodes as last drawn
// (CSS px of the canvas: the UI's coordinates times `scale`, the embed's text size).
std::string map_nodes_json(const UiState& ui, const Corpus& corpus, float scale);
// The screen rectangle the map was last drawn in (CSS px); w = 0 before the first drawing.
void map_rect(const UiState& ui, float& x, float& y, float& w, float& h);

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
// Clears the search text and every facet filter the embed does not lock.
void clear_filters(ViewContext& ctx);
// Reports `passage` as hovered this frame (the map highlights its nodes).
void hover_passage(ViewContext& ctx, int passage);
// A table row for node `n` (entities, glossary): starts the row, its first cell holds a
// row-wide selectable with `label` (click: select the node, again: unselect); the row's
// text is muted when the filters exclude the node. Returns where the row starts (screen)
// and whether it is muted; end the row with end_node_row(muted).
struct NodeRow {
    ImVec2 top;
    bool muted = false;
};
NodeRow begin_node_row(ViewContext& ctx, int n, int selected, const char* label, ImGuiSelectableFlags flags = 0);
void end_node_row(const NodeRow& row);
// Asks the platform to save a file (a download in the browser).
void request_download(ViewContext& ctx, Download download);

//------------------------------------------------------------------------------------------
// Helpers
//------------------------------------------------------------------------------------------

// "2016-06-20" -> "20 June 2016"; "2016-06" -> "June 2016"; anything else unchanged.
std::string format_date(std::string_view iso);
RichTextColors rich_colors(const Theme& theme);
// The node selected in `state`, or -1.
int selected_node(const Corpus& corpus, const ViewState& state);
// True when relations of this type are oppositions ("A instead of B").
bool is_contrast(const RelationType& type);
// The facet index the matrix uses for rows / columns (state ids, "" = defaults), or -1.
int matrix_row_facet(const Article& article, const MatrixState& matrix);
int matrix_column_facet(const Article& article, const MatrixState& matrix);
// Colours of the categorical palette (0xAABBGGRR), cycling.
ImU32 palette_color(int index, int alpha = 255);
// Markdown of the passages shown, with the filters as description.
std::string passages_markdown_text(const Corpus& corpus, const ViewState& state, const Derived& derived);
// CSV of the entities (all of them, article order).
std::string entities_csv_text(const Corpus& corpus);
// The search text in typographic quotes, or as it is when it is one "quoted phrase".
std::string quoted_query(const std::string& query);
// "front: security, economic; search: “x”" — the current filters in words ("" for none).
std::string filters_description(const Corpus& corpus, const ViewState& state);

// True when the embed locks this value of this facet (it cannot be unticked).
bool facet_value_locked(const EmbedOptions& embed, const std::string& facet, const std::string& value);
// Labels of the views, in View order ("Reader", "Map", ...).
const char* view_label(View view);

// True when `filter` is empty or occurs (case-folded) in one of `fields`.
bool matches_filter(const std::string& filter, std::initializer_list<const std::string*> fields);

// A short plain-text excerpt of `text` around byte offset `at` (max ~`max_bytes`).
std::string excerpt(std::string_view text, std::size_t at, std::size_t max_bytes);

}  // namespace wwe::ui
