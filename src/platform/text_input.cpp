#include "platform/text_input.hpp"

#include <emscripten.h>

#include <string>

#include "imgui.h"
#include "platform/js_bridge.hpp"

namespace {

bool g_focused = false;
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
    if (wants_text != g_focused || wants_text) {
        wwe_js_place_text_input(wants_text ? 1 : 0, g_caret_x * scale, g_caret_y * scale, g_caret_h * scale);
    }
    g_focused = wants_text && wwe_js_text_input_focused();
}

bool text_input_focused() { return g_focused && wwe_js_text_input_focused(); }

}  // namespace wwe::platform
