#include "platform/url_state.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "ui/app.hpp"

namespace {

wwe::ui::App* g_app = nullptr;
std::string g_written;            // the fragment last written to (or read from) the URL
std::string g_written_committed;  // the committed fragment at that time

// Listens to URL changes made by the user or the browser (not by us).
EM_JS(void, js_listen_url, (), {
    const changed = () => { if (Module._wwe_url_changed) Module._wwe_url_changed(); };
    window.addEventListener('popstate', changed);
    window.addEventListener('hashchange', changed);
});

// A part of the page's location as a malloc'ed UTF-8 string (the caller frees it):
// 0 the fragment without "#", 1 the query without "?" (both percent-encoded; the core
// decodes them), 2 the address without query and fragment.
EM_JS(char*, js_read_location, (int part), {
    let text = location.hash.slice(1);
    if (part === 1) text = location.search.slice(1);
    if (part === 2) text = location.href.split('#')[0].split('?')[0];
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    if (ptr) stringToUTF8(text, ptr, size);
    return ptr;
});

// 1 when the reader's system asks for dark colours.
EM_JS(int, js_prefers_dark, (), {
    try { return window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; } catch (e) { return 0; }
});

// 1 when the page is inside a frame (an embed).
EM_JS(int, js_framed, (), {
    try { return window.parent !== window ? 1 : 0; } catch (e) { return 1; }
});

EM_JS(void, js_state_changed, (int committed), {
    if (Module.wweOnStateChange) Module.wweOnStateChange(committed !== 0);
});

EM_JS(void, js_write_fragment, (const char* fragment, int push), {
    const url = '#' + UTF8ToString(fragment);
    if (location.hash === url) return;
    try {
        if (push) history.pushState(null, String(), url);
        else history.replaceState(null, String(), url);
    } catch (e) { /* the History API may be refused (sandboxed frames): links still work on load */ }
});

bool g_framed = false;

std::string read_location(int part) {
    char* raw = js_read_location(part);
    std::string out = raw ? raw : "";
    free(raw);
    return out;
}

void follow_location() {
    const std::string fragment = read_location(0);
    if (fragment == g_written) return;  // our own write coming back
    g_app->open_fragment(fragment);
    g_written = g_app->fragment();
    g_written_committed = g_app->committed_fragment();
    EM_ASM({ if (Module._wwe_request_frame) Module._wwe_request_frame(); });
    js_state_changed(1);
}

}  // namespace

extern "C" {
// The URL's fragment changed (back/forward, an edited address): open it.
EMSCRIPTEN_KEEPALIVE void wwe_url_changed() {
    if (g_app && g_app->loaded()) follow_location();
}
}

namespace wwe::platform {

void install_url_state(ui::App& app) {
    const bool first = g_app == nullptr;
    g_app = &app;
    g_written.clear();
    g_framed = js_framed() != 0;
    if (first) js_listen_url();
    app.set_page_url(read_location(2));
    const std::string fragment = read_location(0);
    app.open_location(read_location(1), fragment, js_prefers_dark() != 0);
    if (app.embed().kiosk) g_framed = true;  // a kiosk has no back button to feed either
    g_written = app.fragment();
    g_written_committed = app.committed_fragment();
    if (!fragment.empty()) js_write_fragment(g_written.c_str(), 0);  // drop what could not be used
}

void update_url_state(ui::App& app) {
    if (g_app != &app || !app.loaded()) return;
    const std::string committed = app.committed_fragment();
    const std::string current = app.fragment();
    if (committed == g_written_committed && current == g_written) return;
    const bool step = committed != g_written_committed;
    g_written = current;
    g_written_committed = committed;
    js_write_fragment(current.c_str(), step && !g_framed ? 1 : 0);
    js_state_changed(step ? 1 : 0);
}

}  // namespace wwe::platform
