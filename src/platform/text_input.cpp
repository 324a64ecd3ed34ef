#include "platform/text_input.hpp"

#include <emscripten.h>

#include <string>

#include "imgui.h"

namespace {

bool g_focused = false;
std::string g_pending;  // text entered since the last frame, UTF-8
float g_caret_x = 0, g_caret_y = 0, g_caret_h = 18;  // CSS px: ImGui's text caret

// Creates the hidden field next to the canvas and forwards what is entered into it.
EM_JS(void, js_install_text_input, (), {
    const canvas = Module.canvas;
    if (!canvas || Module.wweTextInput) return;
    const field = document.createElement('input');
    field.type = 'text';
    field.id = 'wwe-text-input';
    field.setAttribute('aria-hidden', 'true');
    field.setAttribute('autocomplete', 'off');
    field.setAttribute('autocapitalize', 'off');
    field.setAttribute('autocorrect', 'off');
    field.spellcheck = false;
    field.tabIndex = -1;
    Object.assign(field.style, {
        position: 'absolute', left: '0px', top: '0px', width: '2px', height: '16px', padding: '0', border: '0',
        margin: '0', opacity: '0', background: 'transparent', color: 'transparent', caretColor: 'transparent',
        outline: 'none', pointerEvents: 'none', zIndex: '0', fontSize: '16px'
    });
    const parent = canvas.parentElement || document.body;
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
    parent.appendChild(field);
    let composing = false;
    const send = (text) => {
        if (!text) return;
        const size = lengthBytesUTF8(text) + 1;
        const ptr = _malloc(size);
        if (!ptr) return;
        stringToUTF8(text, ptr, size);
        _wwe_text_input(ptr);
        _free(ptr);
    };
    field.addEventListener('compositionstart', () => { composing = true; });
    field.addEventListener('compositionend', (e) => {
        composing = false;
        send(e.data || field.value);
        field.value = String();
    });
    field.addEventListener('input', (e) => {
        if (composing || e.isComposing) return;
        if (e.inputType && e.inputType !== 'insertText' && e.inputType !== 'insertReplacementText') {
            field.value = String();
            return;
        }
        send(field.value);
        field.value = String();
    });
    field.addEventListener('paste', (e) => {
        const text = e.clipboardData ? e.clipboardData.getData('text/plain') : String();
        e.preventDefault();
        // One line (no backslash escapes: emscripten 3.1.6 mangles them in EM_JS).
        send(text.split(String.fromCharCode(13, 10)).join(' ').split(String.fromCharCode(10)).join(' '));
    });
    Module.wweTextInput = field;
});

EM_JS(void, js_focus_text_input, (int focus, float x, float y, float h), {
    const field = Module.wweTextInput;
    if (!field) return;
    field.style.left = (Module.canvas.offsetLeft + x) + 'px';
    field.style.top = (Module.canvas.offsetTop + y) + 'px';
    field.style.height = Math.max(8, h) + 'px';
    if (focus && document.activeElement !== field) field.focus({preventScroll: true});
    if (!focus && document.activeElement === field) field.blur();
});

EM_JS(int, js_text_input_has_focus, (), {
    return Module.wweTextInput && document.activeElement === Module.wweTextInput ? 1 : 0;
});

EM_JS(void, js_write_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    // execCommand works where the Clipboard API is refused (frames without clipboard-write).
    const fallback = () => {
        const area = document.createElement('textarea');
        area.value = value;
        area.setAttribute('readonly', String());
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
        area.remove();
        if (Module.canvas) Module.canvas.focus({preventScroll: true});
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch(fallback);
    } else {
        fallback();
    }
});

void set_clipboard(void*, const char* text) { js_write_clipboard(text ? text : ""); }

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
    EM_ASM({ if (Module._wwe_request_frame) Module._wwe_request_frame(); });
}
}

namespace wwe::platform {

void install_text_input() {
    js_install_text_input();
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
        js_focus_text_input(wants_text ? 1 : 0, g_caret_x * scale, g_caret_y * scale, g_caret_h * scale);
    }
    g_focused = wants_text && js_text_input_has_focus();
}

bool text_input_focused() { return g_focused && js_text_input_has_focus(); }

}  // namespace wwe::platform
