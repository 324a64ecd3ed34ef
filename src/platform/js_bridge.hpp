// Win-Win Explorer platform: the JS functions the C++ calls, defined in
// src/platform/library_wwe.js (whose header lists the whole C++ <-> JS protocol: these,
// the wwe_* exports JS calls, and the hooks the page sets on Module).
//
// Index
//   - URL ............... read and write the location, listen for changes (url_state.cpp)
//   - Browser storage ... localStorage, every access guarded (storage.cpp)
//   - Text entry ........ the hidden text field, the clipboard (text_input.cpp)
//   - Viewport .......... the canvas's CSS size and pixel ratio, watched (web_main.cpp)
//   - Downloads ......... text as a Blob, a canvas rectangle as PNG (web_main.cpp)
//   - Page .............. cursor, embed preview, notifications, errors, heap (web_main.cpp)
//   - Exports called here too
//
// Strings passed in are UTF-8 and only read during the call. Flags are ints, 0 or 1.
// "CSS px" are the page's pixels; "backing px" the canvas's (CSS px x devicePixelRatio).
// None of these throws.
#pragma once

extern "C" {

//------------------------------------------------------------------------------------------
// URL
//------------------------------------------------------------------------------------------

// The parts of the location wwe_js_read_location reads.
enum WweLocationPart { WWE_LOCATION_FRAGMENT = 0, WWE_LOCATION_QUERY = 1, WWE_LOCATION_ADDRESS = 2 };

// Calls wwe_url_changed() on every popstate and hashchange from now on (call once).
void wwe_js_listen_url() noexcept;
// A part of location: the fragment without "#", the query without "?" (both still
// percent-encoded), or the address without query and fragment. Malloc'ed UTF-8, the caller
// frees it; null when out of memory.
char* wwe_js_read_location(int part) noexcept;
// Sets the URL's fragment to "#" + fragment, as a new history entry (push 1) or in place of
// the current one (push 0); nothing when it already is; ignored where History is refused.
void wwe_js_write_fragment(const char* fragment, int push) noexcept;
// The bits of the reader's system settings (WWE_PREFERS_*), from the page's media queries.
enum WwePreference {
    WWE_PREFERS_DARK = 1,            // prefers-color-scheme: dark
    WWE_PREFERS_REDUCED_MOTION = 2,  // prefers-reduced-motion: reduce
    WWE_PREFERS_MORE_CONTRAST = 4,   // prefers-contrast: more
    WWE_PREFERS_FORCED_COLORS = 8,   // forced-colors: active
    WWE_PREFERS_COARSE_POINTER = 16, // pointer: coarse (the primary pointer is a finger)
};
int wwe_js_preferences() noexcept;
// Calls wwe_preferences_changed(bits) whenever one of those media queries changes (once).
void wwe_js_listen_preferences() noexcept;
// 1 when the page is inside a frame (an embed), also when the parent cannot be compared.
int wwe_js_framed() noexcept;
// Tells the page the view state changed (Module.wweOnStateChange); committed 1: a history
// step, 0: only scrolling or panning.
void wwe_js_state_changed(int committed) noexcept;

//------------------------------------------------------------------------------------------
// Browser storage (storage.cpp)
//------------------------------------------------------------------------------------------

// 1 when localStorage can be read and written; 0 in a sandboxed frame, with storage
// blocked or full.
int wwe_js_storage_available() noexcept;
// The text stored under `key`, malloc'ed (the caller frees it); null when there is none or
// storage fails.
char* wwe_js_storage_read(const char* key) noexcept;
// Stores `text` under `key`: 1 when done, 0 when storage refused it.
int wwe_js_storage_write(const char* key, const char* text) noexcept;
// Removes what is stored under `key` (nothing when storage fails).
void wwe_js_storage_remove(const char* key) noexcept;

//------------------------------------------------------------------------------------------
// Text entry and the clipboard
//------------------------------------------------------------------------------------------

// Creates the hidden <input id="wwe-text-input"> beside Module.canvas (once); what it
// receives (typing, IME compositions, one-line pastes) goes to wwe_text_input().
void wwe_js_install_text_input() noexcept;
// Moves the field to ImGui's caret (x, y: CSS px from the canvas's top left; h: caret
// height, CSS px) and focuses it (focus 1: only when the user just activated a text box),
// lets it go (focus 0) or only moves it (focus -1). The field's blur asks for a frame
// (wwe_request_frame), in which update_text_input lets ImGui's box go.
void wwe_js_place_text_input(int focus, float x, float y, float h) noexcept;
// 1 while the field has the focus.
int wwe_js_text_input_focused() noexcept;
// Writes text to the system clipboard (Clipboard API, else the copy command); asynchronous.
void wwe_js_write_clipboard(const char* text) noexcept;

//------------------------------------------------------------------------------------------
// Viewport
//------------------------------------------------------------------------------------------

// Calls wwe_set_viewport(CSS width, CSS height, devicePixelRatio) of Module.canvas now and
// whenever one of them changes (ResizeObserver, window resize, resolution media query);
// not while the canvas is hidden. Call once.
void wwe_js_watch_viewport() noexcept;

//------------------------------------------------------------------------------------------
// Downloads
//------------------------------------------------------------------------------------------

// Saves a text file as a download (a Blob of type "<mime>;charset=utf-8").
void wwe_js_save_text(const char* filename, const char* mime, const char* text) noexcept;
// Draws the SVG document `svg` (its width and height in CSS px) on a 2D canvas at `scale`
// device px per CSS px and saves it as a PNG download, once the browser has decoded it
// (asynchronous; an SVG it cannot draw is reported through wwe_js_report_error).
void wwe_js_save_svg_as_png(const char* filename, const char* svg, double scale) noexcept;

//------------------------------------------------------------------------------------------
// Page
//------------------------------------------------------------------------------------------

// Sets the canvas's CSS cursor ("default", "text", "pointer", "move", "ns-resize", ...).
void wwe_js_set_cursor(const char* css_cursor) noexcept;
// Calls wwe_fullscreen_changed(available, on) now and on each fullscreenchange: whether
// the document may go full screen (document.fullscreenEnabled; an iframe needs
// allow="fullscreen") and whether it is. Call once.
void wwe_js_watch_fullscreen() noexcept;
// Enters full screen (the whole document) or leaves it; the browser allows it only within
// a user's gesture (a click or key a moment ago). A refusal is reported on the console.
void wwe_js_toggle_fullscreen() noexcept;
// Shows the page's file picker for an article or a text (Module.wweOpenFilePicker); the
// file chosen comes back through _wwe_open. Within the user's gesture, as full screen.
void wwe_js_open_file_picker() noexcept;
// Asks the page to show an embed preview of url in a width x height (CSS px) frame
// (Module.wwePreview).
void wwe_js_show_preview(const char* url, int width, int height) noexcept;
// Tells the page that main() is done: the page may set the viewport and load the article
// (Module.wweOnPlatformReady).
void wwe_js_platform_ready() noexcept;
// Tells the page the first frame with the article was drawn (Module.wweOnFirstFrame).
void wwe_js_first_frame() noexcept;
// Tells the page a frame was drawn, `frames` being the count so far (Module.wweOnFrame).
void wwe_js_frame_drawn(double frames) noexcept;
// Tells the page the app stopped drawing: nothing animates, nothing is due, no input
// (Module.wweOnIdle); once per idle stretch, `frames` drawn so far.
void wwe_js_idle(double frames) noexcept;
// The animation-frame loop stopped: wake it (_wwe_request_frame) after `ms` milliseconds,
// replacing any earlier wake-up; ms < 0: no wake-up (only input restarts it).
void wwe_js_wake_after(double ms) noexcept;
// Tells the page the program cannot run, with a sentence for the error screen
// (Module.wweOnFatal).
void wwe_js_fatal(const char* message) noexcept;
// No WebGL 2 context could be created: the app runs without drawing, and the page shows
// the mirror as an ordinary HTML page with a note saying why (Module.wweOnNoWebGL).
void wwe_js_no_webgl() noexcept;
// Writes "Win-Win Explorer: <message>" to the console as an error.
void wwe_js_report_error(const char* message) noexcept;
// The WebAssembly memory's current size, bytes.
double wwe_js_heap_size() noexcept;

//------------------------------------------------------------------------------------------
// Fonts (web_main.cpp): faces fetched when the article needs them, glyphs from the browser
//------------------------------------------------------------------------------------------

// Fetches fonts/<file> beside explorer.js; calls wwe_font_arrived(file, bytes, size) when
// done (bytes malloc'ed for the program to keep or free; null and 0 when it failed).
void wwe_js_fetch_font(const char* file) noexcept;
// Draws `n` code points (`cps`) at `size` px (bold 1/0) with the browser's sans-serif fonts
// into n cells of cell_w x cell_h alpha bytes (`alpha`), the baseline `ascent` px below
// each cell's top and the pen at round(0.25 size); their advances into `advance` (-1: the
// browser has no glyph for it).
void wwe_js_rasterise_glyphs(const unsigned* cps, int n, double size, double ascent, int bold, int cell_w,
                             int cell_h, unsigned char* alpha, float* advance) noexcept;
void wwe_font_arrived(const char* file, unsigned char* bytes, int size);
// The English names of the BCP 47 tags of a JSON array ("zh-Hans" -> "Simplified
// Chinese"), as a JSON object tag -> name, from Intl.DisplayNames (tags it does not know
// are left out). Malloc'ed UTF-8, the caller frees it; null without Intl.DisplayNames.
char* wwe_js_language_names(const char* tags_json) noexcept;

//------------------------------------------------------------------------------------------
// The semantic layer (src/platform/library_mirror.js)
//------------------------------------------------------------------------------------------

// Creates the mirror (an accessible DOM copy of the interface over the canvas), its live
// regions and its keyboard handling, before GLFW installs its own key listeners (call once,
// first thing in main). Returns 1 when the page shows the mirror's search field over the
// canvas's search box (the app then draws only its frame). The mirror calls back
// wwe_semantic_action/focus/key/input and wwe_pointer (its text layer takes the mouse).
int wwe_js_mirror_install() noexcept;
// Applies a JSON array of ops to the mirror (App::take_semantics documents them).
void wwe_js_mirror_apply(const char* ops_json) noexcept;

//------------------------------------------------------------------------------------------
// Exports called here too (defined in web_main.cpp; the page calls them as well)
//------------------------------------------------------------------------------------------

// Asks the runner for a frame: input arrived or the app's state changed.
void wwe_request_frame();

}  // extern "C"
