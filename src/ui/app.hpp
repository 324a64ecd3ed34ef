// Win-Win Explorer UI: the app — loaded article, view state, and one frame of the views.
//
// Index
//   - FrameInput ........ shortcut keys seen since the last frame
//   - LoadReport ........ what loading a JSON text gave (errors make it unusable)
//   - App ............... owns the corpus and the ViewState; the platform layer calls:
//       load()              parse + validate + build the corpus
//       frame()             draw one frame (between ImGui::NewFrame and ImGui::Render)
//       wants_frames()      something animates: keep drawing even without input
//       state_json() / set_state_json() / query_json()   the window.explorer API
//       font_text()         every string of the article (the glyphs to rasterise)
//       take_downloads()    files the user asked to save this frame (the platform saves them)
//       take_previews()     embed previews the Share dialog asked the page to show
//       open_location()     the page's URL at start: embed options (query) + deep link
//       export_*()          the same exports as strings (window.explorer, tests)
//
// The ViewState (core/view_state.hpp) is the single source of truth for what is shown; the
// views read it and write the next state; App applies it between frames and recomputes the
// derived query result only when the facets or the search text changed.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "core/embed.hpp"
#include "core/view_state.hpp"

namespace wwe::ui {

struct Fonts;
struct AppImpl;

// Shortcut keys the platform layer recognised since the last frame.
struct FrameInput {
    bool find_key = false;     // Ctrl+F / Cmd+F: focus the search box
    bool slash_key = false;    // '/': focus the search box unless typing
    bool gallery_key = false;  // F2: toggle the hidden gallery window
    int view_key = 0;          // '1'..'7' without modifiers: that view (ignored while typing)
    bool back_key = false;     // Alt+Left: back in the exploration history
    bool forward_key = false;  // Alt+Right: forward
    bool undo_key = false;     // Ctrl+Z / Cmd+Z: undo the last filter change (not while typing)
    float pinch_scale = 1;     // two-finger pinch since the last frame: distance ratio (1: none)
    float pinch_x = 0, pinch_y = 0;  // its centre, CSS px
    bool pinching = false;     // a pinch is going on (a released finger is not a click)
    bool user_input = false;   // the user touched, clicked, scrolled or typed since the last frame
};

// A file the user asked to save (a download in the browser).
struct Download {
    std::string filename;  // suggested name, e.g. "concept-map.svg"
    std::string mime;      // e.g. "image/svg+xml"
    std::string text;      // contents (empty for a PNG: the platform reads the framebuffer)
    bool png = false;      // a PNG of the rectangle below, read from the canvas after the frame
    float x = 0, y = 0, w = 0, h = 0;  // CSS px, for a PNG
};

struct LoadReport {
    bool ok = false;
    std::vector<std::string> errors;    // Diagnostic::to_string() of each error
    std::vector<std::string> warnings;  // same for warnings (the article is still used)
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

    // The fonts the views draw with (the platform builds the atlas, see fonts.hpp).
    Fonts& fonts();
    // Call after the atlas was rebuilt: cached text layouts are measured again.
    void fonts_changed();
    // Every string of the loaded article, concatenated: the glyphs the atlas needs.
    std::string font_text() const;

    // Draws one frame of the whole UI into the current ImGui frame. `time` in seconds.
    void frame(double time, const FrameInput& input = {});
    // True while something animates (a flash fading, a scroll settling).
    bool wants_frames() const;
    // When (seconds, the clock frame() gets) something is due without input: the next step
    // of a playing tour, a kiosk's idle timeout. Infinity when nothing is.
    double next_wakeup() const;
    // CSS px per ImGui unit: the embed's scale (text and controls).
    float ui_scale() const;
    // The reader's text size relative to the default: the embed's scale times the reader's
    // own pinch zoom.
    float reader_text_scale() const;
    // Back to the home view (the embed's start, no selection, no tour), as after a kiosk's
    // idle timeout. `reason`, when not empty, is shown in the notice.
    void go_home(const std::string& reason = "");
    // The theme's background colour (0xAABBGGRR), for clearing the framebuffer.
    unsigned background_color() const;

    // The ViewState as JSON (core to_json).
    std::string state_json() const;
    // Partial update from JSON (core view_state_from_json); returns the problems (also shown
    // in a dismissible notice, except in an embed: there the host page has them). Invalid
    // JSON is one problem. A view the embed does not offer leaves the view as it is.
    std::vector<std::string> set_state_json(std::string_view json_text);
    // The current state as a deep link (core/deep_link.hpp), and the same for the last state
    // recorded in the history (changes only on committed steps); "" before loading.
    std::string fragment() const;
    std::string committed_fragment() const;
    // Opens a deep link (a URL fragment, "#" optional) as a history step; returns the
    // problems, also shown in the dismissible notice, and ignores those parts. Parameters
    // the link leaves out start as the embed options say (first offered view, locked
    // facets); what the embed does not allow is reported and replaced.
    std::vector<std::string> open_fragment(std::string_view fragment);
    // At start-up: reads the embed options from the URL's query string (core/embed.hpp;
    // "?" optional), then opens `fragment`; the history starts there. `prefers_dark`: the
    // reader's system asks for dark colours (for theme=auto). Returns every problem of
    // both, also shown in the notice.
    std::vector<std::string> open_location(std::string_view query, std::string_view fragment, bool prefers_dark);
    // The embed options in effect (defaults before open_location).
    const EmbedOptions& embed() const;
    // The dismissible notice as shown: {"title": "...", "problems": [..]} (both empty when
    // there is none or it was dismissed).
    std::string notice_json() const;
    // Selects the concept or entity `node_id` (the host page's "highlight"); returns the
    // problems (unknown id), also shown in the notice.
    std::vector<std::string> highlight(std::string_view node_id);
    // The page's address without query and fragment: links and embed code start with it.
    void set_page_url(std::string url);
    // The JSON of core to_json(corpus, run_query(...)) for a request {"text", "facets"}.
    // Request problems (wrong types) are returned in `problems`.
    std::string query_json(std::string_view request_json, std::vector<std::string>& problems) const;

    // Files requested since the last call (export menu); the caller saves them.
    std::vector<Download> take_downloads();
    // Previews of embed code requested since the last call: {url, width, height} (CSS px).
    struct Preview {
        std::string url;
        int width = 0, height = 0;
    };
    std::vector<Preview> take_previews();
    // Exports as strings: the concept map as SVG, the passages shown as Markdown with a
    // citation each, the entities as CSV. "" before loading.
    std::string export_svg();
    std::string export_markdown() const;
    std::string export_csv() const;
    // The map's nodes as last drawn: [{"id", "label", "x", "y", "r", "visible", "dimmed",
    // "labelled"}], centre and radius in CSS px of the canvas (the embed's scale applied;
    // "[]" before the map was drawn).
    std::string map_nodes_json() const;

private:
    std::unique_ptr<AppImpl> impl_;
};

}  // namespace wwe::ui
