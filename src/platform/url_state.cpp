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

// The current fragment without "#", as a malloc'ed UTF-8 string (the caller frees it).
EM_JS(char*, js_read_fragment, (), {
    const hash = location.hash.slice(1);  // percent-encoded; the core decodes it
    const size = lengthBytesUTF8(hash) + 1;
    const ptr = _malloc(size);
    if (ptr) stringToUTF8(hash, ptr, size);
    return ptr;
});

EM_JS(void, js_write_fragment, (const char* fragment, int push), {
    const url = '#' + UTF8ToString(fragment);
    if (location.hash === url) return;
    try {
        if (push) history.pushState(null, String(), url);
        else history.replaceState(null, String(), url);
    } catch (e) { /* the History API may be refused (sandboxed frames): links still work on load */ }
});

std::string read_fragment() {
    char* raw = js_read_fragment();
    std::string out = raw ? raw : "";
    free(raw);
    return out;
}

void open_location() {
    const std::string fragment = read_fragment();
    if (fragment == g_written) return;  // our own write coming back
    g_app->open_fragment(fragment);
    g_written = g_app->fragment();
    g_written_committed = g_app->committed_fragment();
    EM_ASM({ if (Module._wwe_request_frame) Module._wwe_request_frame(); });
}

}  // namespace

extern "C" {
// The URL's fragment changed (back/forward, an edited address): open it.
EMSCRIPTEN_KEEPALIVE void wwe_url_changed() {
    if (g_app && g_app->loaded()) open_location();
}
}

namespace wwe::platform {

void install_url_state(ui::App& app) {
    const bool first = g_app == nullptr;
    g_app = &app;
    g_written.clear();
    if (first) js_listen_url();
    const bool linked = !read_fragment().empty();
    if (linked) open_location();
    g_written = app.fragment();
    g_written_committed = app.committed_fragment();
    if (linked) js_write_fragment(g_written.c_str(), 0);  // drop what could not be used
}

void update_url_state(ui::App& app) {
    if (g_app != &app || !app.loaded()) return;
    const std::string committed = app.committed_fragment();
    const std::string current = app.fragment();
    if (committed == g_written_committed && current == g_written) return;
    const bool push = committed != g_written_committed;
    g_written = current;
    g_written_committed = committed;
    js_write_fragment(current.c_str(), push ? 1 : 0);
}

}  // namespace wwe::platform
