#include "platform/text_input.hpp"

#include <emscripten.h>

#include <string>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID
#include "platform/js_bridge.hpp"

namespace {

bool g_wanted = false;   // ImGui wanted text input after the last frame
bool g_focused = false;  // and the field held the focus
std::string g_pending;  // text entered since the last frame, UTF-8
float g_caret_x = 0, g_caret_y = 0, g_caret_h = 18;  // CSS px: ImGui's text caret

void set_clipboard(void*, const char* text) { wwe_js_write_clipboard(text ? text : ""); }

// Pasting comes from the browser's paste event into the field, never from here.
const char* get_clipboard(void*) { return ""; }

// ImGui 1.86 reports the caret of the active text widget here (CSS px), when it moves.
void set_ime_position(int x, int y) {
    g_caret_x = static_cast<float>(x);
    g_caret_y = static_cast<float>(y);
}

}  // namespace

extern "C" {
// Text entered through the hidden field (UTF-8), for ImGui's active text widget.
EMSCRIPTEN_KEEPALIVE void wwe_text_input(const char* utf8) {
    if (utf8) g_pending += utf8;
    wwe_request_frame();
}
}

namespace wwe::platform {

void install_text_input() {
    wwe_js_install_text_input();
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = nullptr;
    io.ImeSetInputScreenPosFn = set_ime_position;
}

void flush_text_input() {
    ImGuiIO& io = ImGui::GetIO();
    // ImGui drops characters while Ctrl is held; a paste arrives during Ctrl+V.
    if (g_pending.empty() || io.KeyCtrl || io.KeySuper) return;
    io.AddInputCharactersUTF8(g_pending.c_str());
    g_pending.clear();
}

void update_text_input(bool wants_text, float scale) {
    const float x = g_caret_x * scale, y = g_caret_y * scale, h = g_caret_h * scale;
    if (wants_text && !g_wanted) {
        // A text box just became active: the user's own click (or key) did it, so the
        // field may take the focus, this once.
        wwe_js_place_text_input(1, x, y, h);
    } else if (wants_text) {
        if (g_focused && !wwe_js_text_input_focused()) {
            // The page took the focus (the user clicked or tabbed elsewhere): let go of the
            // box instead of taking the focus back.
            ImGui::ClearActiveID();
        } else {
            wwe_js_place_text_input(-1, x, y, h);  // follow the caret (the IME's window)
        }
    } else if (g_wanted) {
        wwe_js_place_text_input(0, x, y, h);
    }
    g_wanted = wants_text;
    g_focused = wants_text && wwe_js_text_input_focused();
}

bool text_input_focused() { return g_focused && wwe_js_text_input_focused(); }

}  // namespace wwe::platform
