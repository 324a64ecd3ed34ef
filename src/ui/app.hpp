// Win-Win Explorer UI: the app shell — the core controller, the views' own state, and one
// frame of the views.
//
// Index
//   - FrameInput ........ shortcut keys and gestures seen since the last frame
//   - Download .......... a file the user asked to save
//   - FrameReport ....... what a frame did: the intents the views emitted, what changed
//   - App ............... the platform layer calls:
//       load()              parse + validate + build the corpus (core Controller::load)
//       frame()             draw one frame (between ImGui::NewFrame and ImGui::Render)
//       wants_frames()      something animates: keep drawing even without input
//       next_wakeup()       when the controller next has something to do without input
//       state_json() / set_state_json() / highlight() / query_json()   the page API and
//                           the host page's requests (as intents of those origins)
//       open_location() / open_fragment() / fragment()   deep links
//       take_downloads() / take_previews() / take_announcements()   frame outputs
//       export_*()          the same exports as strings (window.explorer, tests)
//
// Every decision is the controller's (core/controller.hpp): the views emit intents, the
// shell applies them after the frame, and the page API turns calls into intents too. The
// shell itself only arranges the panels and keeps each view's transient state.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/controller.hpp"

namespace wwe::ui {

struct Fonts;
struct AppImpl;

// Shortcut keys and gestures the platform layer recognised since the last frame.
struct FrameInput {
    bool find_key = false;     // Ctrl+F / Cmd+F: focus the search box
    bool slash_key = false;    // '/': focus the search box unless typing
    bool gallery_key = false;  // F2: toggle the hidden gallery window
    int view_key = 0;          // '1'..'9' without modifiers: that view (ignored while typing)
    bool back_key = false;     // Alt+Left: back in the exploration history
    bool forward_key = false;  // Alt+Right: forward
    bool undo_key = false;     // Ctrl+Z / Cmd+Z: undo the last filter change (not while typing)
    float pinch_scale = 1;     // two-finger pinch since the last frame: distance ratio (1: none)
    float pinch_x = 0, pinch_y = 0;  // its centre, ImGui units
    bool pinching = false;     // a pinch is going on (a released finger is not a click)
    bool touch = false;        // the pointer is a finger: dragging the reader's text scrolls it
                               // (a mouse drag selects the text in the page's text layer)
    bool user_input = false;   // the user touched, clicked, scrolled or typed since the last frame
};

// A file the user asked to save (a download in the browser).
struct Download {
    std::string filename;  // suggested name, e.g. "concept-map.svg"
    std::string mime;      // e.g. "image/svg+xml"
    std::string text;      // contents; for a PNG, the SVG drawing the platform rasterises
    bool png = false;      // `text` is SVG to save as a PNG, `scale` device px per CSS px (crisp,
    float scale = 2;       // with the SVG's caption and without the UI around the map)
};

// What one frame did.
struct FrameReport {
    std::vector<Intent> intents;  // emitted by the views and the shortcut keys, in order
    Update update;                // what they, the clock and the input changed
};

class App {
public:
    App();
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Parses, validates and indexes `json_text`; on success the app shows it from the next
    // frame on (state reset to the default). Never throws.
    LoadReport load(std::string_view json_text);
    bool loaded() const;
    // Opens another file at run time (intent::OpenArticle of `origin`): an article (.json) or a
    // text (.txt, .md) by its `name`; `date` the file's ("YYYY-MM-DD", "" unknown). The article
    // shown stays when the file is unusable; the Update's problems say why.
    Update open_article(std::string_view text, std::string_view name, std::string_view date, Origin origin, double now);
    // True once after the reader asked to pick a file (Open..., the problems panel); the
    // platform shows its file picker (within the user's gesture).
    bool take_open_request();
    // The article and the last open: {"name", "kind", "opened", "summary", "problems":
    // [{"severity", "message", "pointer", "line", "column"}], "article": {"id", "title",
    // "language", "passages", "facets": [{"id", "label", "values": [{"id", "label"}]}]}}.
    std::string article_json() const;
    const Controller& controller() const;

    // The fonts the views draw with (the platform builds the atlas, see fonts.hpp).
    Fonts& fonts();
    // Call after the atlas was rebuilt: cached text layouts are measured again.
    void fonts_changed();
    // The characters of the article no font could draw (after the atlas was built): named
    // in a notice under the toolbar while there are some (never a silent "?").
    void set_missing_glyphs(std::vector<char32_t> missing);
    const std::vector<char32_t>& missing_glyphs() const;
    // Every string of the loaded article, concatenated: the glyphs the atlas needs.
    std::string font_text() const;

    // Draws one frame of the whole UI into the current ImGui frame at `now` (seconds, the
    // controller's clock) and applies what the views asked for.
    FrameReport frame(double now, const FrameInput& input = {});
    // True while something animates (a flash fading, a scroll settling, the map moving).
    bool wants_frames() const;
    // When (seconds) something is due without input: a tour's next stop, a kiosk's idle
    // timeout, typed search text settling. Infinity when nothing is.
    double next_wakeup() const;
    // CSS px per ImGui unit: the embed's scale (text and controls).
    float ui_scale() const;
    // The reader's text size relative to the default: the embed's scale times the reader's
    // own pinch zoom.
    float reader_text_scale() const;
    // The zoom the reader's fonts should be rasterised at (FontParams::reader_zoom): the
    // pinch zoom once the pinch has ended (in steps of 5 %), else the fonts' own; the
    // platform rebuilds the atlas when it differs from Fonts::reader_zoom.
    float reader_font_zoom() const;
    // Back to the home view (the embed's start, no selection, no tour), as after a kiosk's
    // idle timeout. `reason`, when not empty, is shown in the notice.
    void go_home(const std::string& reason, double now);
    // The theme's background colour (0xAABBGGRR), for clearing the framebuffer.
    unsigned background_color() const;

    // The ViewState as JSON (core to_json).
    std::string state_json() const;
    // Partial update from JSON, for `origin` Page (window.explorer) or Host (a message of
    // the host page); returns the problems. Invalid JSON is one problem.
    std::vector<std::string> set_state_json(std::string_view json_text, Origin origin, double now);
    // Selects the concept or entity `node_id` (the host page's "highlight"); returns the
    // problems (unknown id).
    std::vector<std::string> highlight(std::string_view node_id, Origin origin, double now);
    // One message of the host page (JSON text, core/host_protocol.hpp), applied as intents
    // of origin Host; returns the reply to post ({"type": "result" | "error", ...}, JSON).
    std::string host_message(std::string_view json_text, double now);
    // The current state as a deep link (core/deep_link.hpp), and the same for the last state
    // recorded in the history (changes only on committed steps); "" before loading.
    std::string fragment() const;
    std::string committed_fragment() const;
    // Opens a deep link (a URL fragment, "#" optional) as a history step; returns the
    // problems, also shown in the notice.
    std::vector<std::string> open_fragment(std::string_view fragment, double now);
    // At start-up: the embed options from the URL's query string, then `fragment`; the
    // history starts there; `prefers`: the reader's system settings (the page's media
    // queries). Returns every problem of both, also shown in the notice.
    std::vector<std::string> open_location(std::string_view query, std::string_view fragment,
                                           const SystemPreferences& prefers, double now);
    // A system setting changed (colour scheme, contrast, forced colours, reduced motion):
    // the theme follows from the next frame on (theme=auto, high contrast); the views read
    // Controller::reduced_motion().
    void set_preferences(const SystemPreferences& prefers);
    // At start, after open_location: what browser storage holds ("" for nothing) and
    // whether it works (Controller::restore_stored: the last view, saved views). Returns the
    // problems, also shown in the notice.
    std::vector<std::string> restore_stored(std::string_view stored, bool available, double now);
    // The embed options in effect (defaults before open_location).
    const EmbedOptions& embed() const;
    // The dismissible notice as shown: {"title": "...", "problems": [..]} (both empty when
    // there is none or it was dismissed).
    std::string notice_json() const;
    // The page's address without query and fragment: links and embed code start with it.
    void set_page_url(std::string url);
    // The JSON of core to_json(corpus, run_query(...)) for a request {"text", "facets"}.
    std::string query_json(std::string_view request_json, std::vector<std::string>& problems) const;

    // Whether the page may go full screen (document.fullscreenEnabled: an iframe needs
    // allow="fullscreen") and whether it is; the toolbar offers the button only where it
    // works. The page calls it at start and on each fullscreenchange.
    void set_fullscreen(bool available, bool on);
    // True once after the user asked to enter or leave full screen (the toolbar's button,
    // the mirror's); the caller asks the browser (it must, within the user's gesture).
    bool take_fullscreen_request();
    // Files requested since the last call (export menu); the caller saves them.
    std::vector<Download> take_downloads();
    // Previews of embed code requested since the last call: {url, width, height} (CSS px).
    struct Preview {
        std::string url;
        int width = 0, height = 0;
    };
    std::vector<Preview> take_previews();
    // What changed since the last call, in words (the controller's announcements), oldest
    // first: the text a screen reader's live region speaks.
    std::vector<std::string> take_announcements();

    // The semantic layer (core/semantics.hpp): the operations that bring the page's mirror of
    // the interface up to date since the last call, as a JSON array ("" when there is none):
    // the tree's patches, then where elements were drawn, then what to announce:
    //   {"op": "place", "id", "x", "y", "w", "h"}   CSS px, relative to the nearest placed
    //                                             ancestor (the canvas for the top ones)
    //   {"op": "place", "id", ..., "pieces": [{"text", "x", "y", "w", "h", "size", "gap"?}]}
    //   (a piece's text runs to the next piece: "gap" is the bytes at its end drawn by
    //   none, the space a line wraps at)
    //                                             a text run as laid out, line by line
    //                                             (relative to the element's own place)
    //   {"op": "unplace", "id"}                   no longer drawn (hidden, still readable)
    //   {"op": "announce", "text", "assertive"}   for the live region
    //   {"op": "focus", "id"}                     move the page's focus there (after the
    //                                             user's own action in the mirror)
    //   {"op": "style", "dark", "theme", "text", "muted", "background", "surface", "accent"}
    //                                             the theme ("light", "dark", "contrast")
    //                                             and its colours ("#rrggbb"), for the
    //                                             mirror's search field and focus ring
    //   {"op": "reset"}                           start the mirror over (ops nobody took)
    std::string take_semantics();
    // The mirror's element `id` was activated (a click, Enter, Space, a screen reader's
    // action): what the canvas control would do. Unknown ids do nothing.
    void semantic_action(std::string_view id, double now);
    // The page's focus is now on the mirror's element `id` ("" = outside the mirror): what
    // it names is brought into view.
    void semantic_focus(std::string_view id);
    // A key pressed in the mirror that the page does not handle itself: "escape", "search",
    // "help", "back", "forward", "undo", "view-1".."view-7", "page-down", "page-up",
    // "home", "end", "down", "up", "close-menus" (the focus left an open menu). Unknown
    // names do nothing.
    void semantic_key(std::string_view key, double now);
    // The mirror's text field, spin button or slider `id` (not the search box) holds `text`
    // now: what typing into the canvas's field would do (the Share dialog's options).
    // caret >= 0: still being typed, the caret at that index (the drawn field shows the
    // text as typed, with the caret); -1: done (Enter, the field left).
    void semantic_value(std::string_view id, std::string_view text, int caret = -1);
    // The mirror's search box holds `text` now (typing: the user is still at it).
    void semantic_input(std::string_view text, bool typing, double now);
    // The page shows the search box as a real text field over the canvas (the mirror's):
    // the canvas then draws only its frame.
    void set_dom_search(bool dom);
    // Exports as strings: the concept map as SVG, the passages shown as Markdown with a
    // citation each, the entities as CSV. "" before loading.
    std::string export_svg();
    std::string export_markdown() const;
    std::string export_csv() const;

    // The notebook (core notebook.hpp). It is kept in the stored document's notebook slot
    // (Controller::article_notebook): restore_stored() reads it, take_notebook_save() puts
    // it back after each frame (its JSON, "" = unchanged; the platform then writes the
    // stored document). restore_notebook() adds a notebook from elsewhere (one kept under
    // the old key "wwe-notebook:<title>", moved once) and sets `storage_problem` (why it
    // cannot be kept, "" when it can: the notebook window shows it). Problems of the text
    // come back in words.
    std::string notebook_json() const;
    std::string take_notebook_save();
    std::vector<std::string> restore_notebook(std::string_view json_text, std::string storage_problem);
    // "markdown", "html" or "csl-json" ("" for others).
    std::string export_notebook(std::string_view format) const;
    // Adds a passage (the page API); the problems, none when added.
    std::vector<std::string> add_to_notebook(std::string_view passage_id, std::string_view note);
    // The citation of the passage at `index` (0-based) as the exports write it
    // (core/export.hpp citation()); "" before loading or for an index out of range.
    std::string citation(int index) const;
    // The map's nodes as last drawn: [{"id", "label", "x", "y", "r", "visible", "dimmed",
    // "labelled", "label_text", "label_box": {"x", "y", "w", "h"}}], centre, radius and label
    // box in CSS px of the canvas (the embed's scale applied; "[]" before the map was
    // drawn); "label_text" (as drawn, maybe shortened) and "label_box" are null without a label.
    std::string map_nodes_json() const;

private:
    std::unique_ptr<AppImpl> impl_;
};

}  // namespace wwe::ui
