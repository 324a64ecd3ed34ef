// Win-Win Explorer platform: the web runner (Emscripten 3.1.6, its GLFW port, WebGL2).
//
// Index
//   - Runner ............ the one instance: window, app, input, viewport, loop flags
//   - Viewport .......... canvas backing store = CSS size x devicePixelRatio (wwe_set_viewport,
//                         watched by wwe_js_watch_viewport)
//   - Fonts ............. atlas rasterised at the pixel ratio, rebuilt when it changes
//   - Input ............. keys via GLFW (releases deferred a frame); mouse, wheel and touch
//                         via html5 callbacks in CSS px (PointerQueue)
//   - Context loss ...... pause on loss; recreate ImGui's GL objects and fonts on restore
//   - Frame loop ........ draw only after input or while animating (+ a few frames); when
//                         nothing moves the animation-frame loop itself stops (and while
//                         the page is hidden): input, resizes, the page's calls and the
//                         controller's next timer (a timeout) start it again
//   - Downloads ......... files the app asks to save: text as a Blob, PNG read from the
//                         canvas two frames later (after the export menu has closed)
//   - JS API ............ the wwe_* exports web/shell.js calls (wwe_load, wwe_get_state, ...)
//   - The JS it calls ... platform/js_bridge.hpp, defined in platform/library_wwe.js, whose
//                         header lists the whole C++ <-> JS protocol
//   - Scale ............. the embed's text size: ImGui works in CSS px / scale, fonts are
//                         rasterised at devicePixelRatio x scale
//   - Without WebGL 2 ... no GL context: the core and the views still run their frames
//                         (nothing is rendered) so the semantic tree reaches the mirror,
//                         which the page then shows as an ordinary HTML page (wwe_js_no_webgl)
//
// Emscripten 3.1.6's GLFW ignores devicePixelRatio, never sees resizes and mishandles
// touch (docs: /work/shared/PLATFORM-NOTES.md), so this file owns the canvas size and the
// pointer, and uses GLFW only for the GL context and the keyboard. ImGui works in CSS
// pixels; DisplayFramebufferScale = backing pixels / CSS pixels.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <malloc.h>

#define GLFW_INCLUDE_ES3
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"  // ErrorCheckEndFrameRecover
#include "imgui_impl_opengl3.h"
#include "core/describe.hpp"
#include "platform/js_bridge.hpp"
#include "platform/pointer.hpp"
#include "platform/text_input.hpp"
#include "platform/storage.hpp"
#include "platform/url_state.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr int kTrailFrames = 4;          // frames drawn after the last input (ImGui settles)
constexpr float kWheelStepPx = 85.0f;    // CSS px one ImGui wheel unit scrolls (5 lines)

struct KeyEvent {
    int key, scancode, mods;
};

struct Runner {
    GLFWwindow* window = nullptr;
    wwe::ui::App app;
    wwe::platform::PointerQueue pointer;
    int touch_id = -1;                 // the finger we follow, -1 when none, -2 after a pinch
    int pinch_a = -1, pinch_b = -1;    // the two fingers of a pinch, -1 when none
    float pinch_dist = 0;              // their distance at the last event, CSS px
    float css_w = 1, css_h = 1;        // canvas CSS size
    float dpr = 1;                     // devicePixelRatio
    float scale = 1;                   // the embed's text size: ImGui px = CSS px / scale
    float font_ratio = 0;              // pixel ratio of the atlas (0: not built)
    bool device_ready = false;         // ImGui's GL objects exist
    bool context_lost = false;
    int frames_to_draw = 0;            // trailing frames still to draw
    bool input = false;                // input arrived since the last frame
    float wheel_x = 0, wheel_y = 0;    // ImGui wheel units since the last frame
    wwe::ui::FrameInput keys;          // shortcuts since the last frame
    std::vector<int> fresh_keys;       // pressed since the last frame
    std::vector<KeyEvent> deferred;    // their releases, applied after the next frame
    bool first_frame_done = false;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
    std::string returned;              // strings returned to JS live here until the next call
    double clock_offset = 0;           // seconds a test moved the clock ahead (advanceClock)
    long long frames = 0;              // frames drawn since the article was loaded
    bool idle = false;                 // nothing to draw: the page has been told (wweOnIdle)
    bool paused = false;               // the animation-frame loop is stopped (idle or hidden)
    bool hidden = false;               // the page is hidden
    bool dom_search = false;           // the mirror's search field edits the query (library_mirror.js)
    bool mouse_down = false;           // the mouse's primary button is down (as far as we know)
    bool no_gl = false;                // no WebGL 2 context: frames run, nothing is rendered
    std::uint64_t article_serial = 0;  // the article the atlas was built for
    double last_frame = 0;             // the clock at the last frame (ImGui's DeltaTime, no GL)
    // Fonts fetched when the article needs them (fonts::kFetched): their bytes by file name
    // (empty: the fetch failed, the browser's fonts draw those characters), and those asked
    // for and not yet here (no idle signal while any is on its way).
    std::map<std::string, std::vector<unsigned char>> font_files;
    std::set<std::string> fonts_pending;
};

// The display size the views lay out for without WebGL 2 (nothing is drawn: it only decides
// the layout the semantic tree describes, the desktop one).
constexpr float kNoGlWidth = 1280.0f, kNoGlHeight = 800.0f;

Runner* g = nullptr;

double now_seconds() { return emscripten_get_now() / 1000.0 + (g ? g->clock_offset : 0.0); }

// Input arrived or the app changed: the next animation frame draws (and the page's
// explorer.idle() waits for it); a stopped loop starts again (unless the page is hidden).
void mark_input() {
    g->input = true;
    g->idle = false;
    if (g->paused && !g->hidden) {
        g->paused = false;
        emscripten_resume_main_loop();
    }
}

// Nothing to draw: stop the animation-frame loop (an idle page costs no frames at all) until
// mark_input, or until the controller's next timer (a tour step, the kiosk's idle timeout,
// the typed search settling), which a timeout wakes.
void stop_loop(double now) {
    if (g->paused) return;
    g->paused = true;
    emscripten_pause_main_loop();
    const double at = g->app.loaded() ? g->app.next_wakeup() : HUGE_VAL;
    wwe_js_wake_after(std::isfinite(at) ? std::max(0.0, (at - now) * 1000.0) + 1.0 : -1.0);
}

//------------------------------------------------------------------------------------------
// Viewport and fonts
//------------------------------------------------------------------------------------------

void apply_viewport(float css_w, float css_h, float dpr) {
    g->css_w = std::max(1.0f, css_w);
    g->css_h = std::max(1.0f, css_h);
    g->dpr = dpr > 0 ? dpr : 1.0f;
    const int w = std::max(1, static_cast<int>(std::lround(g->css_w * g->dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(g->css_h * g->dpr)));
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    // Not glfwSetWindowSize: in this port it requests fullscreen when the size equals the
    // screen's. The canvas size is the framebuffer size; ImGui's sizes are set per frame.
    if (cur_w != w || cur_h != h) emscripten_set_canvas_element_size(kCanvas, w, h);
    mark_input();
}

// The browser's own fonts through a canvas (wwe_js_rasterise_glyphs), each glyph trimmed to
// its ink. Code points a font still on its way will draw are left out (width 0).
std::vector<wwe::ui::GlyphBitmap> rasterise_glyphs(const std::vector<char32_t>& cps, float size, float ascent, bool bold) {
    std::vector<wwe::ui::GlyphBitmap> out(cps.size());
    std::vector<unsigned> asked;
    std::vector<std::size_t> where;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        bool pending = false;
        for (std::size_t f = 0; f < wwe::fonts::kFetchedCount; ++f)
            pending = pending || (g->fonts_pending.count(wwe::fonts::kFetched[f].file) && wwe::fonts::kFetched[f].covers(cps[i]));
        if (pending) continue;
        asked.push_back(static_cast<unsigned>(cps[i]));
        where.push_back(i);
    }
    if (asked.empty()) return out;
    // Room around the pen and the line for ink beyond them (CJK rises above Noto's ascent):
    // without it a glyph's top would land in the cell above.
    const int pen = static_cast<int>(std::lround(0.25 * size));
    const int top = static_cast<int>(std::ceil(size * 0.4f));
    const int cell_w = static_cast<int>(std::ceil(size * 1.6f)) + pen;
    const int cell_h = static_cast<int>(std::ceil(size * 1.5f)) + top;
    std::vector<unsigned char> alpha(asked.size() * static_cast<std::size_t>(cell_w * cell_h));
    std::vector<float> advance(asked.size());
    wwe_js_rasterise_glyphs(asked.data(), static_cast<int>(asked.size()), size, ascent + top, bold ? 1 : 0, cell_w, cell_h,
                            alpha.data(), advance.data());
    for (std::size_t k = 0; k < asked.size(); ++k) {
        if (advance[k] < 0) continue;  // the browser has no glyph either
        const unsigned char* cell = alpha.data() + k * static_cast<std::size_t>(cell_w * cell_h);
        int x0 = cell_w, y0 = cell_h, x1 = -1, y1 = -1;
        for (int y = 0; y < cell_h; ++y)
            for (int x = 0; x < cell_w; ++x)
                if (cell[y * cell_w + x]) {
                    x0 = std::min(x0, x); y0 = std::min(y0, y);
                    x1 = std::max(x1, x); y1 = std::max(y1, y);
                }
        wwe::ui::GlyphBitmap& b = out[where[k]];
        b.advance = advance[k];
        if (x1 < 0) {  // no ink (a space): one transparent texel
            x0 = y0 = x1 = y1 = 0;
        }
        b.width = x1 - x0 + 1;
        b.height = y1 - y0 + 1;
        b.offset_x = static_cast<float>(x0 - pen);
        b.offset_y = static_cast<float>(y0 - top);
        b.alpha.resize(static_cast<std::size_t>(b.width * b.height));
        for (int y = 0; y < b.height; ++y)
            for (int x = 0; x < b.width; ++x)
                b.alpha[static_cast<std::size_t>(y * b.width + x)] = x1 == 0 && y1 == 0 && x0 == 0 ? 0 : cell[(y0 + y) * cell_w + x0 + x];
    }
    return out;
}

void rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    const std::string text = g->app.font_text();
    // Fetch the faces the article needs that are not here yet (once each).
    for (const std::string& file : wwe::ui::fetched_fonts_for(text)) {
        if (g->font_files.count(file) || g->fonts_pending.count(file)) continue;
        g->fonts_pending.insert(file);
        wwe_js_fetch_font(file.c_str());
    }
    std::vector<wwe::ui::LoadedFace> faces;
    for (const auto& [file, bytes] : g->font_files)
        if (!bytes.empty()) faces.push_back({file, {bytes.data(), bytes.size()}});
    wwe::ui::FontParams params;
    params.reader_zoom = g->app.reader_font_zoom();  // pinched text crisp, not stretched
    const wwe::ui::FontBuild built = wwe::ui::build_fonts(*io.Fonts, g->app.fonts(), g->dpr * g->scale, text, params, faces,
                                                          g->no_gl ? wwe::ui::GlyphRasteriser{} : wwe::ui::GlyphRasteriser(rasterise_glyphs));
    const float used = built.ratio;
    io.FontGlobalScale = 1.0f / used;
    g->app.fonts_changed();
    // What nothing draws is named in the app, once every font asked for is here.
    if (g->fonts_pending.empty()) g->app.set_missing_glyphs(built.missing);
    if (g->no_gl) {
        // No texture to upload; ImGui only needs the atlas built (its glyph metrics).
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    } else if (g->device_ready) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    g->font_ratio = g->dpr * g->scale;
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
    }
}

//------------------------------------------------------------------------------------------
// Input
//------------------------------------------------------------------------------------------

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    mark_input();
    g->keys.user_input = true;
    if (action == GLFW_RELEASE) {
        // A press and its release between two frames: ImGui must see the press first.
        if (std::find(g->fresh_keys.begin(), g->fresh_keys.end(), key) != g->fresh_keys.end()) {
            g->deferred.push_back({key, scancode, mods});
            return;
        }
    } else {
        if (action == GLFW_PRESS) g->fresh_keys.push_back(key);
        const bool command = (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0;
        if (key == GLFW_KEY_F && command) g->keys.find_key = true;
        if (key == GLFW_KEY_SLASH && !command && !(mods & GLFW_MOD_ALT)) g->keys.slash_key = true;
        if (key == GLFW_KEY_F2) g->keys.gallery_key = true;
        const bool alt = (mods & GLFW_MOD_ALT) != 0;
        const bool shift = (mods & GLFW_MOD_SHIFT) != 0;
        if (action == GLFW_PRESS && !command && !alt && !shift && key >= GLFW_KEY_1 && key <= GLFW_KEY_9) {
            g->keys.view_key = key - GLFW_KEY_0;
        }
        if (alt && !command && key == GLFW_KEY_LEFT) g->keys.back_key = true;
        if (alt && !command && key == GLFW_KEY_RIGHT) g->keys.forward_key = true;
        if (command && !alt && !shift && key == GLFW_KEY_Z) g->keys.undo_key = true;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void on_char(GLFWwindow* window, unsigned int c) {
    mark_input();
    g->keys.user_input = true;
    // While the hidden text field has the focus, text arrives through it (IME, paste).
    if (wwe::platform::text_input_focused()) return;
    ImGui_ImplGlfw_CharCallback(window, c);
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    using T = wwe::platform::PointerEvent::Type;
    mark_input();
    if (type != EMSCRIPTEN_EVENT_MOUSELEAVE) g->keys.user_input = true;
    const float x = static_cast<float>(e->targetX);
    const float y = static_cast<float>(e->targetY);
    switch (type) {
    case EMSCRIPTEN_EVENT_MOUSEMOVE:
        // A frame never hears of a release outside it (cross-origin iframes): a move without
        // the button ends the drag.
        if (g->mouse_down && (e->buttons & 1) == 0) {
            g->mouse_down = false;
            g->pointer.push({T::Up, 0, 0, false});
        }
        g->pointer.push({T::Move, x, y, false});
        return EM_FALSE;
    case EMSCRIPTEN_EVENT_MOUSEDOWN:
        if (e->button != 0) return EM_FALSE;
        g->mouse_down = true;
        g->pointer.push({T::Down, x, y, false});
        return EM_TRUE;  // no text selection or focus change on the page
    case EMSCRIPTEN_EVENT_MOUSEUP:  // registered on the window: a release outside counts
        if (e->button == 0) {
            g->mouse_down = false;
            g->pointer.push({T::Up, 0, 0, false});
        }
        return EM_FALSE;
    case EMSCRIPTEN_EVENT_MOUSELEAVE: g->pointer.push({T::Leave, 0, 0, false}); return EM_FALSE;
    default: return EM_FALSE;
    }
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    mark_input();
    g->keys.user_input = true;
    g->pointer.push({wwe::platform::PointerEvent::Type::Move, static_cast<float>(e->mouse.targetX),
                     static_cast<float>(e->mouse.targetY), false});
    double px = 1.0;  // CSS px per delta unit
    if (e->deltaMode == DOM_DELTA_LINE) px = 20.0;
    if (e->deltaMode == DOM_DELTA_PAGE) px = g->css_h * 0.9;
    g->wheel_x -= static_cast<float>(e->deltaX * px / kWheelStepPx);
    g->wheel_y -= static_cast<float>(e->deltaY * px / kWheelStepPx);
    return EM_TRUE;  // the page itself does not scroll
}

// Position of touch `id` in the event (all current touches are listed), false if absent.
bool touch_position(const EmscriptenTouchEvent* e, int id, float& x, float& y) {
    for (int i = 0; i < e->numTouches; ++i) {
        if (e->touches[i].identifier == id) {
            x = static_cast<float>(e->touches[i].targetX);
            y = static_cast<float>(e->touches[i].targetY);
            return true;
        }
    }
    return false;
}

// Two fingers pinch: the first finger's press is released (as a drag, not a click, see
// FrameInput::pinching) and the distance ratio goes to the app as a zoom factor.
bool on_pinch(int type, const EmscriptenTouchEvent* e) {
    using T = wwe::platform::PointerEvent::Type;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g->touch_id >= 0 && g->pinch_a < 0) {
        for (int i = 0; i < e->numTouches; ++i) {
            const EmscriptenTouchPoint& t = e->touches[i];
            if (!t.isChanged || t.identifier == g->touch_id) continue;
            float ax, ay;
            if (!touch_position(e, g->touch_id, ax, ay)) return false;
            const float bx = static_cast<float>(t.targetX), by = static_cast<float>(t.targetY);
            g->pinch_a = g->touch_id;
            g->pinch_b = t.identifier;
            g->pinch_dist = std::hypot(bx - ax, by - ay);
            g->keys.pinching = true;
            // Release the first finger's press away from everything (ImGui: an invalid
            // position), so the button or chip it landed on is not clicked by a pinch.
            g->pointer.push({T::Move, -1e30f, -1e30f, true});
            g->pointer.push({T::Up, ax, ay, true});
            g->pointer.push({T::Leave, 0, 0, true});
            g->touch_id = -2;
            return true;
        }
        return false;
    }
    if (g->pinch_a < 0) return false;
    float ax, ay, bx, by;
    const bool both = touch_position(e, g->pinch_a, ax, ay) && touch_position(e, g->pinch_b, bx, by);
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && both) {
        const float d = std::hypot(bx - ax, by - ay);
        if (g->pinch_dist > 0 && d > 0) g->keys.pinch_scale *= d / g->pinch_dist;
        g->pinch_dist = d;
        g->keys.pinch_x = (ax + bx) * 0.5f;
        g->keys.pinch_y = (ay + by) * 0.5f;
        g->keys.pinching = true;
    } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        for (int i = 0; i < e->numTouches; ++i) {
            const EmscriptenTouchPoint& t = e->touches[i];
            if (t.isChanged && (t.identifier == g->pinch_a || t.identifier == g->pinch_b)) g->pinch_a = g->pinch_b = -1;
        }
    }
    return true;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    using T = wwe::platform::PointerEvent::Type;
    mark_input();
    g->keys.user_input = true;
    if (on_pinch(type, e)) return EM_TRUE;
    int remaining = 0;  // fingers still down after this event
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        const bool ending = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
        if (!(ending && t.isChanged)) ++remaining;
        if (!t.isChanged) continue;
        const float x = static_cast<float>(t.targetX);
        const float y = static_cast<float>(t.targetY);
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
            if (g->touch_id == -1) {
                g->touch_id = t.identifier;
                g->pointer.push({T::Down, x, y, true});
            }
        } else if (t.identifier == g->touch_id) {
            g->pointer.push({T::Move, x, y, true});
            if (ending) {
                g->pointer.push({T::Up, x, y, true});
                g->pointer.push({T::Leave, 0, 0, true});  // park the pointer: no stuck hover
                g->touch_id = -1;
            }
        }
    }
    if (g->touch_id == -2 && remaining == 0) g->touch_id = -1;  // after a pinch: all lifted
    return EM_TRUE;  // no compatibility mouse events, no browser gestures
}

//------------------------------------------------------------------------------------------
// Page visibility and WebGL context loss
//------------------------------------------------------------------------------------------

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    if (e->hidden) {
        g->hidden = true;
        if (!g->paused) emscripten_pause_main_loop();
        g->paused = true;
    } else {
        g->hidden = false;
        mark_input();
    }
    return EM_FALSE;
}

EM_BOOL on_context_lost(int, const void*, void*) {
    g->context_lost = true;  // the next frame stops the loop
    return EM_TRUE;  // preventDefault: the browser may restore the context
}

EM_BOOL on_context_restored(int, const void*, void*) {
    // Every GL object died with the old context. Restart ImGui's renderer backend (a bare
    // DestroyDeviceObjects would keep its cached buffer sizes, and 1.86 then only calls
    // glBufferSubData on the new, empty buffers); its next NewFrame re-creates the shaders,
    // buffers and the font texture from the atlas, which keeps its pixels.
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g->device_ready = false;
    g->context_lost = false;
    mark_input();
    return EM_TRUE;
}

//------------------------------------------------------------------------------------------
// Frame loop
//------------------------------------------------------------------------------------------

// Where an earlier version kept the notebook: one key per article (its title). It moves
// into the stored document (persist.hpp) once, then the key goes.
std::string legacy_notebook_key(const wwe::ui::App& app) {
    return "wwe-notebook:" + app.controller().corpus().article.meta.title;
}

std::string take_js_string(char* p) {
    std::string out = p ? p : "";
    std::free(p);
    return out;
}

// Once an article is loaded and storage read: a notebook under the old key moves into the
// stored document, which is written before the old key is removed (nothing lost if the
// page closes between).
void migrate_notebook(Runner& r) {
    if (!r.app.controller().storage_available()) return;
    const std::string key = legacy_notebook_key(r.app);
    char* raw = wwe_js_storage_read(key.c_str());
    if (!raw) return;
    const std::string legacy = take_js_string(raw);
    for (const std::string& p : r.app.restore_notebook(legacy, ""))
        wwe_js_report_error(("the notebook kept under " + key + ": " + p).c_str());
    r.app.take_notebook_save();
    if (wwe::platform::update_storage(r.app)) wwe_js_storage_remove(key.c_str());
}

// After each frame: the notebook, when it changed, into the stored document and storage.
void save_notebook(Runner& r) {
    if (r.app.take_notebook_save().empty()) return;
    if (!wwe::platform::update_storage(r.app) && r.app.controller().storage_available())
        r.app.restore_notebook("", "The notebook could not be saved in this browser: it lasts until the page is closed. "
                                   "Export it to keep it.");
}

// Saves the files the app asked for this frame; PNGs wait until the menu has gone.
void save_downloads(Runner& r) {
    for (wwe::ui::Download& d : r.app.take_downloads()) {
        if (d.png) wwe_js_save_svg_as_png(d.filename.c_str(), d.text.c_str(), d.scale);
        else wwe_js_save_text(d.filename.c_str(), d.mime.c_str(), d.text.c_str());
    }
}

// ImGui checks that every Push has its Pop only with assertions, which release builds leave
// out; an unbalanced push in a view would grow a stack every frame (a kiosk runs for days).
// Report it once, and unwind so that the next frame starts clean.
void check_stacks() {
    ImGuiContext& c = *ImGui::GetCurrentContext();
    const int colors = c.ColorStack.Size, vars = c.StyleVarStack.Size, fonts = c.FontStack.Size;
    if (colors == 0 && vars == 0 && fonts == 0) return;
    static bool reported = false;
    if (!reported) {
        reported = true;
        const std::string message = "a view left " + std::to_string(colors) + " colour, " + std::to_string(vars) +
                                    " style and " + std::to_string(fonts) + " font pushes unpopped (a bug; unwound)";
        wwe_js_report_error(message.c_str());
    }
    ImGui::PopStyleColor(colors);
    ImGui::PopStyleVar(vars);
    for (int i = 0; i < fonts; ++i) ImGui::PopFont();
}

void frame() {
    Runner& r = *g;
    const double now = now_seconds();
    if (!r.app.loaded() || r.context_lost) {  // wwe_load, a restored context: mark_input
        r.input = false;
        stop_loop(now);
        return;
    }
    const bool due = now >= r.app.next_wakeup();  // a tour step, a kiosk's idle timeout
    const bool input = r.input || r.pointer.pending() || due;
    if (!input && r.frames_to_draw <= 0 && !r.app.wants_frames()) {  // idle: nothing to draw
        if (!r.idle && r.first_frame_done && r.fonts_pending.empty()) {
            r.idle = true;
            wwe_js_idle(static_cast<double>(r.frames));
        }
        if (r.first_frame_done) stop_loop(now);
        return;
    }
    r.idle = false;
    r.frames_to_draw = input ? kTrailFrames : r.frames_to_draw - 1;
    r.input = false;

    r.scale = r.app.ui_scale();
    if (r.app.controller().article_serial() != r.article_serial) {  // another article: its glyphs
        r.article_serial = r.app.controller().article_serial();
        r.font_ratio = 0;
    }
    if (r.font_ratio != r.dpr * r.scale || r.app.fonts().reader_zoom != r.app.reader_font_zoom()) rebuild_fonts();
    int fb_w = 1, fb_h = 1;
    ImGuiIO& io = ImGui::GetIO();
    if (r.no_gl) {
        io.DisplaySize = ImVec2(kNoGlWidth / r.scale, kNoGlHeight / r.scale);
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.DeltaTime = static_cast<float>(std::max(1e-4, now - r.last_frame));
    } else {
        emscripten_get_canvas_element_size(kCanvas, &fb_w, &fb_h);
        ImGui_ImplOpenGL3_NewFrame();
        r.device_ready = true;
        ImGui_ImplGlfw_NewFrame();
        // ImGui's units are CSS px divided by the embed's scale (scale 2: everything twice as big).
        io.DisplaySize = ImVec2(r.css_w / r.scale, r.css_h / r.scale);
        io.DisplayFramebufferScale = ImVec2(fb_w / io.DisplaySize.x, fb_h / io.DisplaySize.y);
    }
    r.last_frame = now;
    const wwe::platform::PointerState p = r.pointer.step();
    io.MousePos = ImVec2(p.x / r.scale, p.y / r.scale);
    for (bool& down : io.MouseDown) down = false;
    io.MouseDown[0] = p.down;
    r.keys.touch = p.touch;
    io.MouseWheel += r.wheel_y;
    io.MouseWheelH += r.wheel_x;
    r.wheel_x = r.wheel_y = 0;

    wwe::platform::flush_text_input();
    ImGui::NewFrame();
    r.keys.pinch_x /= r.scale;
    r.keys.pinch_y /= r.scale;
    try {
        r.app.frame(now, r.keys);
    } catch (const std::exception& e) {
        // An unexpected failure must not leave a frozen screen (a kiosk runs unattended):
        // close what the frame left open and start again from the home view.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        r.app.go_home(std::string("an internal error: ") + e.what(), now);
        wwe_js_report_error((std::string(e.what()) + "; back to the home view").c_str());
    }
    r.keys = {};
    check_stacks();
    ImGui::Render();

    if (!r.no_gl) {
        glViewport(0, 0, fb_w, fb_h);
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(r.app.background_color());
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        wwe::platform::update_text_input(io.WantTextInput, r.scale);
    }
    wwe::platform::update_url_state(r.app);
    wwe::platform::update_storage(r.app);

    // Releases of keys pressed since the last frame reach ImGui now, for the next frame.
    r.fresh_keys.clear();
    if (!r.deferred.empty()) {
        for (const KeyEvent& k : r.deferred) ImGui_ImplGlfw_KeyCallback(r.window, k.key, k.scancode, GLFW_RELEASE, k.mods);
        r.deferred.clear();
        r.input = true;
    }

    const std::string semantics = r.app.take_semantics();  // nothing when nothing changed
    if (!semantics.empty()) wwe_js_mirror_apply(semantics.c_str());

    save_downloads(r);
    save_notebook(r);
    if (r.app.take_fullscreen_request()) wwe_js_toggle_fullscreen();
    if (r.app.take_open_request()) wwe_js_open_file_picker();
    for (const wwe::ui::App::Preview& preview : r.app.take_previews()) {
        wwe_js_show_preview(preview.url.c_str(), preview.width, preview.height);
    }

    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != r.cursor && !r.no_gl) {
        r.cursor = cursor;
        wwe_js_set_cursor(css_cursor(cursor));
    }
    ++r.frames;
    if (!r.first_frame_done) {
        r.first_frame_done = true;
        wwe_js_first_frame();
    }
    wwe_js_frame_drawn(static_cast<double>(r.frames));
}

const char* give(std::string s) {
    g->returned = std::move(s);
    return g->returned.c_str();
}

}  // namespace

//------------------------------------------------------------------------------------------
// JS API (called by web/shell.js; strings are UTF-8, returned ones valid until the next call;
// the protocol as a whole: src/platform/library_wwe.js)
//------------------------------------------------------------------------------------------

namespace wwe::platform {
double clock_now() { return now_seconds(); }
}  // namespace wwe::platform

namespace {
// wwe_load and wwe_load_bytes: the article, then the link and what storage kept.
const char* load_article_text(std::string_view text) {
    const wwe::LoadReport report = g->app.load(text);
    nlohmann::json out = {{"ok", report.ok}, {"errors", report.errors}, {"warnings", report.warnings}};
    if (report.ok) {
        g->font_ratio = 0;  // the atlas needs the article's glyphs
        // The languages' names in the browser's words (Intl.DisplayNames), for the views.
        {
            const wwe::Article& article = g->app.controller().corpus().article;
            nlohmann::json tags = wwe::translation_languages(article);
            if (!article.meta.language.empty()) tags.push_back(article.meta.language);
            std::vector<std::pair<std::string, std::string>> names;
            if (char* got = wwe_js_language_names(tags.dump().c_str())) {
                const nlohmann::json j = nlohmann::json::parse(got, nullptr, false);
                std::free(got);
                if (j.is_object())
                    for (auto it = j.begin(); it != j.end(); ++it)
                        if (it.value().is_string()) names.emplace_back(it.key(), it.value().get<std::string>());
            }
            wwe::set_language_names(std::move(names));
        }
        mark_input();
        wwe::platform::install_url_state(g->app);  // the link, then what storage kept (storage.hpp)
        g->app.set_dom_search(g->dom_search);
        migrate_notebook(*g);
    }
    return give(out.dump());
}
}  // namespace

extern "C" {

// Loads the article JSON; returns {"ok": bool, "errors": [..], "warnings": [..]}.
EMSCRIPTEN_KEEPALIVE const char* wwe_load(const char* json_text) {
    return load_article_text(json_text ? json_text : "");
}

// The same for the file's bytes as fetched (`size` bytes at `bytes`, NUL bytes included):
// the core checks them as the CLI does (invalid UTF-8 is refused with its position, where
// a decoded text would have replaced it unseen).
EMSCRIPTEN_KEEPALIVE const char* wwe_load_bytes(const char* bytes, int size) {
    return load_article_text(bytes && size > 0 ? std::string_view(bytes, static_cast<std::size_t>(size)) : "");
}

// Opens another file at run time (core intent::OpenArticle): `text` its contents, `name` its
// file name (the kind: .json, .txt, .md), `date` its date ("YYYY-MM-DD" or ""); `user` 1
// when the reader chose it (picker, drop), 0 for the page's script, 2 for the host page.
// Returns App::article_json(): {"opened", "summary", "problems": [...], "article": {...}}.
EMSCRIPTEN_KEEPALIVE const char* wwe_open(const char* text, const char* name, const char* date, int user) {
    const wwe::Origin origin = user == 1 ? wwe::Origin::User : user == 2 ? wwe::Origin::Host : wwe::Origin::Page;
    // The view changed since the last frame (a setState, a click) is written to the address
    // first: Back from the new article returns to it, not to the view of the frame before.
    wwe::platform::update_url_state(g->app);
    g->app.open_article(text ? text : "", name ? name : "", date ? date : "", origin, now_seconds());
    mark_input();
    return give(g->app.article_json());
}

// The same for a file's bytes as read (`size` bytes at `bytes`): the core checks them as
// `explorer validate` does (invalid UTF-8, a BOM, NUL bytes), so a file gives the same
// problems in the browser and in the CLI.
EMSCRIPTEN_KEEPALIVE const char* wwe_open_bytes(const char* bytes, int size, const char* name, const char* date, int user) {
    const wwe::Origin origin = user == 1 ? wwe::Origin::User : user == 2 ? wwe::Origin::Host : wwe::Origin::Page;
    const std::string_view text = bytes && size > 0 ? std::string_view(bytes, static_cast<std::size_t>(size)) : "";
    wwe::platform::update_url_state(g->app);  // as in wwe_open
    g->app.open_article(text, name ? name : "", date ? date : "", origin, now_seconds());
    mark_input();
    return give(g->app.article_json());
}

// The article and the last open (App::article_json).
EMSCRIPTEN_KEEPALIVE const char* wwe_article() { return give(g->app.article_json()); }

// The ViewState as JSON ("null" before loading).
EMSCRIPTEN_KEEPALIVE const char* wwe_get_state() { return give(g->app.state_json()); }

// Partial state update from window.explorer.setState; returns the problems as a JSON array
// of strings.
EMSCRIPTEN_KEEPALIVE const char* wwe_set_state(const char* json_text) {
    const std::vector<std::string> problems =
        g->app.set_state_json(json_text ? json_text : "", wwe::Origin::Page, now_seconds());
    mark_input();
    return give(nlohmann::json(problems).dump());
}

// One message of the host page (JSON text; core/host_protocol.hpp); returns the reply to
// post: {"type": "result" | "error", ...}.
EMSCRIPTEN_KEEPALIVE const char* wwe_host_message(const char* json_text) {
    std::string reply = g->app.host_message(json_text ? json_text : "", now_seconds());
    mark_input();
    return give(std::move(reply));
}

// Runs a query; returns {"problems": [..], "result": <core to_json of the result>}.
EMSCRIPTEN_KEEPALIVE const char* wwe_query(const char* json_text) {
    std::vector<std::string> problems;
    const std::string result = g->app.query_json(json_text ? json_text : "{}", problems);
    return give("{\"problems\":" + nlohmann::json(problems).dump() + ",\"result\":" + result + "}");
}

// Exports as text: "svg" (the concept map), "markdown" (the passages shown, cited), "csv"
// (the entities), "map-nodes" (JSON: the map's nodes as last drawn, CSS px of the canvas).
// Unknown names give "".
EMSCRIPTEN_KEEPALIVE const char* wwe_export(const char* what) {
    const std::string name = what ? what : "";
    if (name == "svg") return give(g->app.export_svg());
    if (name == "markdown") return give(g->app.export_markdown());
    if (name == "csv") return give(g->app.export_csv());
    if (name == "map-nodes") return give(g->app.map_nodes_json());
    if (name == "notebook") return give(g->app.notebook_json());
    if (name == "notebook-markdown") return give(g->app.export_notebook("markdown"));
    if (name == "notebook-html") return give(g->app.export_notebook("html"));
    if (name == "notebook-csl-json") return give(g->app.export_notebook("csl-json"));
    return give("");
}

// The page may go full screen (`available`) and is (`on`): from wwe_js_watch_fullscreen.
EMSCRIPTEN_KEEPALIVE void wwe_fullscreen_changed(int available, int on) {
    g->app.set_fullscreen(available != 0, on != 0);
    mark_input();
}

// Adds the passage `passage_id` to the notebook with `note`; the problems as a JSON array.
EMSCRIPTEN_KEEPALIVE const char* wwe_notebook_add(const char* passage_id, const char* note) {
    const std::vector<std::string> problems = g->app.add_to_notebook(passage_id ? passage_id : "", note ? note : "");
    mark_input();
    return give(nlohmann::json(problems).dump());
}

// The citation of the passage at `index` (0-based), as the exports write it ("Wang Yi,
// “Title”, Study Times, 20 June 2016, ¶3"); "" for an index out of range.
EMSCRIPTEN_KEEPALIVE const char* wwe_citation(int index) { return give(g->app.citation(index)); }

// Selects the concept or entity with this id; returns the problems as a JSON array.
EMSCRIPTEN_KEEPALIVE const char* wwe_highlight(const char* node_id) {
    const std::vector<std::string> problems = g->app.highlight(node_id ? node_id : "", wwe::Origin::Page, now_seconds());
    mark_input();
    return give(nlohmann::json(problems).dump());
}

// The notice the app shows: {"title", "plain", "problems"} (empty when none).
EMSCRIPTEN_KEEPALIVE const char* wwe_notice() { return give(g->app.notice_json()); }

// The current view as a deep link (core/deep_link.hpp, without "#"; "" before loading).
EMSCRIPTEN_KEEPALIVE const char* wwe_fragment() { return give(g->app.fragment()); }

// The embed options in effect: {"embed", "id", "chrome", "views", "locked", "theme",
// "scale", "origins", "origins_restricted"} (core/embed.hpp; "views" empty: all).
EMSCRIPTEN_KEEPALIVE const char* wwe_embed() {
    const wwe::EmbedOptions& o = g->app.embed();
    nlohmann::json views = nlohmann::json::array();
    for (const wwe::View v : o.views) views.push_back(wwe::to_string(v));
    nlohmann::json locked = nlohmann::json::object();
    for (const auto& [facet, values] : o.locked) locked[facet] = values;
    const nlohmann::json out = {{"embed", o.embed}, {"id", o.id}, {"chrome", wwe::to_string(o.chrome)},
                                {"views", views}, {"locked", locked}, {"theme", wwe::to_string(o.theme)},
                                {"scale", o.scale}, {"origins", o.origins},
                                {"origins_restricted", o.origins_restricted}};
    return give(out.dump());
}

// How the app is drawn now: {"theme": "light" | "dark" | "contrast", "reducedMotion",
// "background": "#rrggbb"} (the embed's theme= under the system settings).
EMSCRIPTEN_KEEPALIVE const char* wwe_display() {
    const wwe::Controller& core = g->app.controller();
    const unsigned bg = g->app.background_color();
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF);
    const nlohmann::json out = {{"theme", wwe::to_string(core.theme())},
                                {"reducedMotion", core.reduced_motion()},
                                {"background", hex}};
    return give(out.dump());
}

// The canvas's CSS size and the device pixel ratio (from wwe_js_watch_viewport).
EMSCRIPTEN_KEEPALIVE void wwe_set_viewport(double css_w, double css_h, double dpr) {
    apply_viewport(static_cast<float>(css_w), static_cast<float>(css_h), static_cast<float>(dpr));
}

// Memory in use (for the soak test and docs/benchmarks.md): {"heap": WebAssembly memory
// size, "used": bytes malloc has handed out and not taken back}.
EMSCRIPTEN_KEEPALIVE const char* wwe_memory() {
    const struct mallinfo info = mallinfo();
    const nlohmann::json out = {{"heap", wwe_js_heap_size()}, {"used", info.uordblks}};
    return give(out.dump());
}

// The reader's text size now, relative to the default (the embed's scale times the
// reader's pinch zoom).
EMSCRIPTEN_KEEPALIVE double wwe_text_scale() { return g->app.reader_text_scale(); }

// Back to the home view (the page saw an unexpected error; a kiosk must not freeze).
EMSCRIPTEN_KEEPALIVE void wwe_home(const char* reason) {
    g->app.go_home(reason ? reason : "", now_seconds());
    mark_input();
}

// Asks for a frame (e.g. after the page changed something the app draws).
EMSCRIPTEN_KEEPALIVE void wwe_request_frame() { mark_input(); }

// Moves the app's clock `seconds` ahead (tests: idle timeouts, tour stops, settling, easing
// without waiting for them) and asks for a frame at the new time.
EMSCRIPTEN_KEEPALIVE void wwe_advance_clock(double seconds) {
    if (seconds > 0 && seconds < 1e7) g->clock_offset += seconds;
    wwe_request_frame();
}

// 1 while the app draws nothing (no input, nothing animating, nothing due).
EMSCRIPTEN_KEEPALIVE int wwe_is_idle() { return g->idle ? 1 : 0; }

// A font asked for with wwe_js_fetch_font arrived (bytes: malloc'ed, kept here) or failed
// (null): the atlas is built again with it, or with the browser's glyphs instead.
EMSCRIPTEN_KEEPALIVE void wwe_font_arrived(const char* file, unsigned char* bytes, int size) {
    const std::string name = file ? file : "";
    std::vector<unsigned char>& kept = g->font_files[name];
    if (bytes && size > 0) kept.assign(bytes, bytes + size);
    std::free(bytes);
    g->fonts_pending.erase(name);
    g->font_ratio = 0;
    mark_input();
}

// The mirror (library_mirror.js): an element was activated, got the focus, a key the page
// does not handle itself was pressed in it, the search field changed. Strings are UTF-8.
EMSCRIPTEN_KEEPALIVE void wwe_semantic_action(const char* id) {
    g->app.semantic_action(id ? id : "", now_seconds());
    mark_input();
}
EMSCRIPTEN_KEEPALIVE void wwe_semantic_focus(const char* id) {
    g->app.semantic_focus(id ? id : "");
    mark_input();
}
EMSCRIPTEN_KEEPALIVE void wwe_semantic_key(const char* key) {
    g->app.semantic_key(key ? key : "", now_seconds());
    mark_input();
}
EMSCRIPTEN_KEEPALIVE void wwe_semantic_value(const char* id, const char* text, int caret) {
    g->app.semantic_value(id ? id : "", text ? text : "", caret);
    mark_input();
}
EMSCRIPTEN_KEEPALIVE void wwe_semantic_input(const char* text, int typing) {
    g->app.semantic_input(text ? text : "", typing != 0, now_seconds());
    mark_input();
}

// The mouse (or a finger) over the mirror's text layer, which takes it from the canvas so
// the reader's text can be selected: type 0 move, 1 press, 2 release, 3 leave, 4 wheel
// (dx, dy: CSS px scrolled); x, y in CSS px of the canvas; touch 1 for a finger.
EMSCRIPTEN_KEEPALIVE void wwe_pointer(int type, double x, double y, double dx, double dy, int touch) {
    using T = wwe::platform::PointerEvent::Type;
    mark_input();
    g->keys.user_input = true;
    const float fx = static_cast<float>(x), fy = static_cast<float>(y);
    const bool finger = touch != 0;
    switch (type) {
    case 0: g->pointer.push({T::Move, fx, fy, finger}); break;
    case 1:
        g->mouse_down = !finger;
        g->pointer.push({T::Down, fx, fy, finger});
        break;
    case 2:
        g->mouse_down = false;
        g->pointer.push({T::Up, fx, fy, finger});
        break;
    case 3: g->pointer.push({T::Leave, 0, 0, finger}); break;
    case 4:
        g->pointer.push({T::Move, fx, fy, false});
        g->wheel_x -= static_cast<float>(dx / kWheelStepPx);
        g->wheel_y -= static_cast<float>(dy / kWheelStepPx);
        break;
    default: break;
    }
}

// What changed since the last call, in words, oldest first: a JSON array of strings.
EMSCRIPTEN_KEEPALIVE const char* wwe_announcements() { return give(nlohmann::json(g->app.take_announcements()).dump()); }

}  // extern "C"

namespace {

// No WebGL 2 (switched off, a blocklisted driver, a very old browser): no GLFW (its key
// listeners would take Tab and Backspace from the page), an ImGui context without renderer
// for the views' frames, and the page shows the mirror as its content. The keyboard, the
// mouse and the search field reach the app through the mirror (wwe_semantic_*).
void start_without_gl() {
    glfwTerminate();
    g->no_gl = true;
    g->dpr = 1;
    g->css_w = kNoGlWidth;
    g->css_h = kNoGlHeight;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    g->last_frame = now_seconds();
    wwe_js_no_webgl();
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
    emscripten_set_main_loop(frame, 0, EM_FALSE);
    wwe_js_platform_ready();
}

}  // namespace

int main() {
    g = new Runner();
    // The mirror's key handling goes first: GLFW's listeners (installed by glfwInit) must not
    // see what the mirror handles (Tab leaves the explorer; keys in the page stay there).
    g->dom_search = wwe_js_mirror_install() != 0;
    if (!glfwInit()) {
        wwe_js_fatal("GLFW could not be initialised");
        return 1;
    }
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    g->dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g->window = glfwCreateWindow(std::max(1, static_cast<int>(css_w * g->dpr)),
                                 std::max(1, static_cast<int>(css_h * g->dpr)), "Win-Win Explorer", nullptr,
                                 nullptr);
    if (!g->window) {
        start_without_gl();
        return 0;
    }
    glfwMakeContextCurrent(g->window);
    apply_viewport(static_cast<float>(css_w), static_cast<float>(css_h), g->dpr);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                 // no settings file in the browser
    io.ConfigInputTextCursorBlink = false;    // no animation while idle
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // we set the CSS cursor
    ImGui_ImplGlfw_InitForOpenGL(g->window, /*install_callbacks=*/false);
    glfwSetKeyCallback(g->window, on_key);
    glfwSetCharCallback(g->window, on_char);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    wwe::platform::install_text_input();

    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
    emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(kCanvas, nullptr, EM_FALSE, on_context_restored);

    emscripten_set_main_loop(frame, 0, EM_FALSE);
    wwe_js_watch_viewport();
    wwe_js_watch_fullscreen();
    wwe_js_platform_ready();
    return 0;
}
