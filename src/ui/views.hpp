// Win-Win Explorer UI: what the views share (internal to src/ui).
//
// Index
//   - Layout ............ the shell's panel arrangement this frame (read by views)
//   - Brush ............. linked-view hover: the passage under the pointer (map rings)
//   - ShellRequests ..... what views ask of the shell: panels, dialogs, downloads, previews
//   - ViewContext ....... a view's inputs (the controller's state, theme, fonts, clock) and
//                         where it emits intents
//   - View states ....... each view's own transient state (scroll, caches, drags, fields)
//   - Views ............. one function per view (view_*.cpp), given its own state only
//   - Concept map ....... what exports and the page API need from the map view
//   - Shared helpers .... intents several views emit, formatting, colours
//
// A view reads the controller's state (ctx.state, ctx.derived — the same for the whole
// frame) and emits intents (ctx.emit); the shell applies them after the frame, in order,
// through core Controller::apply. A view never writes another view's state: each draw
// function gets its own state object, and asks the shell for anything beyond it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/concordance.hpp"
#include "core/controller.hpp"
#include "core/describe.hpp"
#include "core/notebook.hpp"
#include "core/semantics.hpp"
#include "imgui_internal.h"  // ImRect
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/rich_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

//------------------------------------------------------------------------------------------
// What the shell gives every view
//------------------------------------------------------------------------------------------

// The panels' arrangement this frame (decided by the shell from the width and the embed).
struct Layout {
    bool small = false;         // one panel at a time (under 760 CSS px)
    bool narrow = false;        // the filter panel is folded behind a button
    bool show_filters = false;  // folded filters: the filter panel is shown
    bool show_details = false;  // small screens: the details panel instead of the view
    bool fullscreen_available = false;  // the page may go full screen (App::set_fullscreen)
    bool fullscreen = false;            // and is
    // The toolbar's menus as the mirror asks this frame (the keyboard opens and closes them).
    enum class Menu { Keep, OpenExport, OpenTours, Close };
    Menu menu_request = Menu::Keep;
    // A passage's "…" menu as the mirror asks this frame: open the menu of the element
    // `passage_menu_open` names ("passage/p3/actions", "contexts/row/2/actions"); choose its
    // item `passage_menu_choose` ("copy", "cite", "link", "collect"); close it.
    std::string passage_menu_open;
    std::string passage_menu_choose;
    bool passage_menu_close = false;
    // The page's focus is on a saved-views item ("saved/..."): the Saved pop-up shows, so
    // that the item is drawn (and its focus ring over it), and it closes when the focus leaves.
    bool saved_focus = false;
    // The centre's width (CSS px) as it is with the details panel beside it, 0 = its own:
    // the reader lays its text out for it, so opening the details never re-wraps the text.
    float steady_width = 0;
};

// Linked views: the passage under the pointer last frame (the map rings its nodes), and
// the one being reported this frame.
struct Brush {
    int passage = -1;
    int next_passage = -1;
};

// A preview of an embed the page should show over the app (the platform draws an <iframe>).
struct PreviewRequest {
    std::string url;
    int width = 0, height = 0;  // CSS px
};

// Where this frame drew what the semantic tree names (core/semantics.hpp): the page's
// mirror of the tree is laid over it, so focus rings, touch exploration and text selection
// line up with the canvas. Screen rectangles, ImGui units.
struct SemanticPlaces {
    struct Text {                         // a passage's text as the reader laid it out
        std::vector<RichFragment> fragments;  // those inside the reader's clip
        ImVec2 origin{0, 0};              // where the layout's (0, 0) is on the screen
        float line_height = 0, font_size = 0;
    };
    std::unordered_map<std::string, ImRect> rects;  // element id -> where it was drawn
    std::unordered_map<int, Text> passages;         // passage index -> its text as drawn
    // The element the page's focus is on while it is not (wholly) in view: the window that
    // draws it scrolls it into view (place_item), as a browser scrolls a focused element.
    std::string reveal;
    bool revealed = false;
    std::string focused;    // the element the page's focus is on ("" none): drawn when it would
                            // otherwise show only under the pointer (a passage's "…")  // the element was drawn this frame (scrolled to when needed)

    void place(const std::string& id, ImVec2 min, ImVec2 max) { rects[id] = ImRect(min, max); }
    // The last ImGui item, clipped to the window's visible part (nothing when clipped away).
    // `width` > 0: only its first `width` px (a field's frame without the label after it).
    void place_item(const std::string& id, float width = 0);
};

// What views ask of the shell this frame.
struct ShellRequests {
    enum class Panel { Keep, View, Filters, Details };
    Panel panel = Panel::Keep;  // show this panel (folded layouts)
    bool open_share = false;    // open the Share dialog
    bool fullscreen = false;    // enter or leave full screen
    bool map_png = false;       // save the map as drawn, as a PNG (read from the canvas)
    bool map_svg = false;       // save the map as drawn, as SVG
    bool export_open = false;   // the Export menu is open this frame
    bool tours_open = false;    // the Tour menu is open this frame
    bool open_file = false;     // let the reader pick a file to open (the platform's picker)
    std::vector<Download> downloads;
    std::vector<PreviewRequest> previews;
    std::vector<NotebookEntry> notebook_add;  // passages to collect into the notebook
    bool open_notebook = false;               // show the notebook
    std::string copied;                       // what a copy button copied (a short confirmation)
    std::string passage_menu;                 // the mirror id of the "…" whose menu is open this
                                              // frame ("passage/p3/actions"); "" none
    int passage_menu_passage = -1;            // its passage (index)
};

struct ViewContext {
    const Controller& core;
    const Corpus& corpus;        // core.corpus()
    const ViewState& state;      // core.state(): what this frame shows
    const Derived& derived;      // core.derived()
    const EmbedOptions& embed;   // core.embed(): how the page frames the explorer
    const Theme& theme;
    const Fonts& fonts;
    const Layout& layout;
    const FrameInput& input;     // this frame's pinch (ImGui units) and shortcut keys
    double time;                 // seconds, the controller's clock
    double pinch_until;          // presses released before this time are not clicks (a pinch)
    Brush& brush;
    ShellRequests& shell;
    std::vector<Intent>& intents;
    SemanticPlaces& places;
    const std::string& page_url;  // the explorer's address without fragment (links to passages)
    const Notebook& notebook;     // the passages collected (the shell keeps them)

    void emit(Intent intent) const { intents.push_back(std::move(intent)); }
};

//------------------------------------------------------------------------------------------
// Views, each with its own state
//------------------------------------------------------------------------------------------

// Search box (a kiosk: the article's topics as chips), result line, folded-panel buttons.
struct SearchBoxState {
    std::string buffer;             // the text box
    std::uint64_t query_serial = 0; // Controller::query_serial() the buffer last followed
    bool active = false;            // the box had the keyboard focus last frame
    bool focus = false;             // take the focus this frame (/ or Ctrl+F)
    bool dom = false;               // the page shows a real text field over the box: draw its frame only
};
void draw_search_bar(ViewContext& ctx, SearchBoxState& search);
// The controller's dismissible notice (nothing when none): its title and plain words, then
// a "Details" button that shows its technical lines (folded again for each new notice).
struct NoticeState {
    bool details = false;  // the technical lines are shown
    Notice shown;          // the notice `details` is about
};
void draw_notice(ViewContext& ctx, NoticeState& notice);
void draw_facets(ViewContext& ctx);  // facet panel: values with counts, toggles

// The problems panel (view_problems.cpp): every problem of the last file that could not be
// opened, plain words first, then its JSON pointer and line; shown until closed (per open
// attempt). The warnings of a file that was opened are in the notice.
struct ProblemsState {
    std::uint64_t dismissed = 0;  // the OpenReport::serial the reader closed
};
bool problems_showing(const Controller& core, const ProblemsState& problems);
void draw_problems(ViewContext& ctx, ProblemsState& problems);
// An imported text's suggested key terms as chips; a click accepts one (intent::AcceptTerm).
void draw_key_terms(ViewContext& ctx);

inline constexpr float kMinTextZoom = 0.7f, kMaxTextZoom = 2.0f;  // ReaderState::text_zoom

// The reader's rows (one per passage shown, with its section heading when it opens one):
// their heights, measured when drawn and estimated until then, so that only the rows on
// screen are laid out and drawn, at any article length.
struct ReaderRows {
    // What the heights depend on (a change forgets them).
    float measure = -1, text_w = -1, font_size = -1, item_spacing = -1;
    ImFont* font = nullptr;
    float advance_per_byte = 0;         // estimates: the body font's mean advance per byte
    std::vector<float> body;            // per passage: text, tags and gap; < 0: not measured
    std::vector<float> heading;         // per section: its heading block; < 0: not measured
    std::uint64_t version = ~std::uint64_t{0};  // Derived::version the rows follow
    std::vector<int> passages;          // per row: the passage (Derived::shown)
    std::vector<char> opens;            // per row: it starts with its section's heading
    std::vector<float> top;             // per row, + the total: where it starts below body_y
    float body_y = -1;                  // local y where the rows start (after the header)
    int anchor = -1;                    // passage whose row is at the top of the view (-1: none)
    float anchor_offset = 0;            // the view's top minus that row's top
};

struct ReaderState {
    RichTextCache cache;
    ReaderRows rows;
    std::uint64_t reveal_serial = 0;  // Controller::reveal() last acted on
    int scroll_to = -1;               // passage to bring to the top; kScrollTop; -1 none
    int scroll_settle = 0;            // frames still to draw after a scroll of ours
    float last_scroll_y = 0;          // the scroll this view left (a change: the user's)
    float last_width = -1;
    int flash_passage = -1;           // passage highlighted after a jump
    double flash_start = 0;           // seconds
    bool drag_scroll = false;         // a press in the text drags it (touch scrolling)
    Fling fling;                      // coasting after a touch drag
    float text_zoom = 1;              // pinch: the reader's text size x this
    enum class Key { None, LineDown, LineUp, PageDown, PageUp, Home, End } key = Key::None;  // keyboard scrolling
    int rows_drawn = 0;               // rows drawn by the last frame (tests, the gallery)
    // The search's best passages (ranked: exact phrase, near, words), shown above the text.
    std::uint64_t best_version = ~std::uint64_t{0};
    std::vector<QueryParagraph> best;
    static constexpr int kScrollTop = -2;
};
void draw_reader(ViewContext& ctx, ReaderState& reader);  // the article's header and passages
bool reader_animating(const ReaderState& reader);

void draw_details(ViewContext& ctx);  // the selected concept/entity, or an edge's evidence

// Back/forward, view tabs, Tour/Share/Export, and the current filter as removable chips.
void draw_toolbar(ViewContext& ctx);

struct MapCache;  // view_map.cpp: the layout, the drawing, the drag
struct MapViewState {
    std::shared_ptr<MapCache> cache;  // created on first use
    bool show_legend = true;
};
void draw_map(ViewContext& ctx, MapViewState& map);
void draw_matrix(ViewContext& ctx);  // facet x facet matrix
void draw_timeline(ViewContext& ctx);  // events on a time axis (the range is in the state)

struct TableFilterState {
    std::string text;  // the table's filter box
};
void draw_entities(ViewContext& ctx, TableFilterState& filter);  // sortable entities table
void draw_glossary(ViewContext& ctx, TableFilterState& filter);  // concepts, descriptions, terms
void draw_contrasts(ViewContext& ctx);  // "A instead of B" relations side by side

// Contexts (KWIC concordance of the search text) and Terms (words and names by frequency).
struct ContextsState {
    ConcordanceSort sort = ConcordanceSort::Article;
    std::uint64_t version = ~std::uint64_t{0};  // Derived::version the rows are of
    ConcordanceSort rows_sort = ConcordanceSort::Article;
    std::vector<ConcordanceRow> rows;
};
void draw_contexts(ViewContext& ctx, ContextsState& contexts);
struct TermsState {
    bool stop_words = false;  // show stop words too
    bool names = true;        // show concept and entity names
    std::string filter;
    std::uint64_t version = ~std::uint64_t{0};
    bool rows_stop = false, rows_names = true;
    std::vector<TermRow> rows;
};
void draw_terms(ViewContext& ctx, TermsState& terms);

// The notebook: passages collected with the reader's notes, kept in the browser.
struct NotebookState {
    bool open = false;        // the notebook window shows
    bool focus = false;       // bring it to the front this frame
    std::string storage_problem;  // why it is kept in memory only ("" = saved in the browser)
};
// Draws the notebook window; edits come back through `notebook` (the shell saves it).
void draw_notebook(ViewContext& ctx, NotebookState& state, Notebook& notebook);
// The actions on a passage (copy, copy with citation, copy link, add to the notebook), as
// menu items of the current pop-up. `from`: "reader", "search", "map", "contexts".
void passage_menu_items(const ViewContext& ctx, int passage, const char* from, std::uint32_t begin = 0, std::uint32_t end = 0);
// A small "…" button opening that menu; returns true when it was hovered. `mirror_id`: the
// mirror's element for it (placed over it; Layout::passage_menu_open opens its menu).
// `width`: CSS px (0: square, a frame's height); its height is a frame's.
bool passage_menu_button(const ViewContext& ctx, int passage, const char* from, const char* id,
                         const std::string& mirror_id, float width = 0);

// The Share dialog: the link to this view and the embed-code builder.
struct ShareState {
    bool open = false;           // open the dialog this frame
    bool initialized = false;    // the options below were set from the page's own (once)
    std::string embed_id;        // embed=<id> ("" for a bare "embed")
    unsigned views = 0x7F;       // bit per View offered (all by default)
    std::vector<View> view_order;  // every view, in the shared embed's tab order
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
    std::string page_url;        // the page's address without query and fragment
    bool showing = false;        // the dialog is open (set by draw_share each frame)
    bool close = false;          // close it this frame (the mirror's Close)
    std::string preview_url;     // what Preview shows (set by draw_share)
    bool can_lock = false;       // filters are chosen: "Lock the chosen filters" can be ticked
    // A field being typed in the mirror (the page's <input> over the drawn field, which it
    // leaves transparent): the drawn field shows `text` with a caret at byte `caret`, so
    // what is typed shows where it is drawn. caret -1: not being typed in the mirror.
    struct Typing {
        std::string text;
        int caret = -1;
    };
    Typing width_typing, height_typing, id_typing;
};
inline constexpr int kShareMinWidth = 200, kShareMinHeight = 150, kShareMaxSize = 4000;  // CSS px of the frame

// The keyboard help (? or the Keyboard shortcuts button): every shortcut in one place.
struct HelpState {
    bool open = false;
};
void draw_help(ViewContext& ctx, HelpState& help);
// The open keyboard help as semantic elements under `root`: a dialog with the shortcuts as a
// table and a Close button.
void help_semantics(SemanticTree& tree, int root);
void draw_share(ViewContext& ctx, ShareState& share);
// The open Share dialog as semantic elements under `root` (index in `tree`): the link and
// the embed code with their copy buttons, the preview, and closing.
void share_semantics(SemanticTree& tree, int root, const ShareState& share);
// The mirror changed the option `id` ("share-dialog/view/map", "share-dialog/width" ...) as
// its canvas control would: a toggle, a choice, or `value` typed (clamped, filtered). `caret`
// >= 0: the user is still typing in the field (the caret at that UTF-16 index of `value`):
// the size applies at once, clamped, as the canvas's field does, while the drawn field
// shows the text as typed (ShareState::Typing); -1: done (Enter, or the field left). Returns
// what to announce ("" for nothing).
std::string share_option(ShareState& share, std::string_view id, std::string_view value, int caret = -1);

void draw_tours_menu(ViewContext& ctx);    // "Tour" button and its list (nothing without tours)
// The Tour menu's pop-up alone, opened by a click (`clicked`) or the mirror's Tour, under
// `anchor` (the bottom right of its button: Tour, or the narrow toolbar's More).
void tours_popup(ViewContext& ctx, bool clicked, ImVec2 anchor);
// The playing tour's caption with Back / Next / Close (manual tours) or "touch to explore"
// (the attract loop), across the bottom of the screen; nothing when no tour plays.
void draw_tour_caption(ViewContext& ctx);

struct GalleryState {
    bool open = false;  // the hidden debug window (F2)
    RichTextCache cache;
};
void draw_gallery(ViewContext& ctx, GalleryState& gallery, const ReaderState& reader);

//------------------------------------------------------------------------------------------
// Concept map outside its view (exports, the window.explorer API)
//------------------------------------------------------------------------------------------

// True while the map moves (layout running, a transition, a drag, coasting).
bool map_animating(const MapViewState& map);
// SVG (core map_svg) of the map as the last frame drew it: same viewport, dimming and
// labels; a map never drawn is laid out to the end and fitted into 1000 x 700 px.
std::string map_svg_text(const ViewContext& ctx, MapViewState& map);
// JSON array [{id, label, x, y, r, visible, dimmed, labelled, label_text, label_box}] of the nodes as last drawn
// (CSS px of the canvas: the UI's coordinates times `scale`, the embed's text size).
std::string map_nodes_json(const MapViewState& map, const Corpus& corpus, float scale);
// The screen rectangle the map was last drawn in (ImGui units); w = 0 before the first drawing.
void map_rect(const MapViewState& map, float& x, float& y, float& w, float& h);

//------------------------------------------------------------------------------------------
// Shared helpers
//------------------------------------------------------------------------------------------

// Selects node `node` (index), or clears the selection with -1.
void select_node(const ViewContext& ctx, int node);
// The reader shows `passage` (index) and flashes it; filters hiding it are cleared first.
void open_passage(const ViewContext& ctx, int passage);
// Reports `passage` as hovered this frame (the map rings its nodes).
void hover_passage(const ViewContext& ctx, int passage);
// A table row for node `n` (entities, glossary): starts the row, its first cell holds a
// row-wide selectable with `label` (click: select the node, again: unselect); the row's
// text is muted when the filters exclude the node. End the row with end_node_row(muted).
struct NodeRow {
    ImVec2 top;
    bool muted = false;
};
NodeRow begin_node_row(const ViewContext& ctx, int n, int selected, const char* label, ImGuiSelectableFlags flags = 0);
void end_node_row(const NodeRow& row);
// Asks the platform to save a file (a download in the browser).
void request_download(const ViewContext& ctx, Download download);

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

// True when the embed locks this value of this facet (it cannot be unticked).
bool facet_value_locked(const EmbedOptions& embed, const std::string& facet, const std::string& value);

// True when `filter` is empty or occurs (case-folded) in one of `fields`.
bool matches_filter(const std::string& filter, std::initializer_list<const std::string*> fields);

// A short plain-text excerpt of `text` around byte offset `at` (max ~`max_bytes`).
std::string excerpt(std::string_view text, std::size_t at, std::size_t max_bytes);

}  // namespace wwe::ui
