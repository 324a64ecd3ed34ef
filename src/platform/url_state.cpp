#include "platform/url_state.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "platform/js_bridge.hpp"
#include "platform/storage.hpp"
#include "ui/app.hpp"

namespace {

wwe::ui::App* g_app = nullptr;
std::string g_written;            // the fragment last written to (or read from) the URL
std::string g_written_committed;  // the committed fragment at that time
bool g_framed = false;            // a frame or a kiosk: no history entries of our own
bool g_link_waits = false;        // the URL's link waits for the text of ?data= (Controller::link_waits)

std::string read_location(WweLocationPart part) {
    char* raw = wwe_js_read_location(part);
    std::string out = raw ? raw : "";
    free(raw);
    return out;
}

void follow_location() {
    const std::string fragment = read_location(WWE_LOCATION_FRAGMENT);
    if (fragment == g_written) return;  // our own write coming back
    g_app->open_fragment(fragment, wwe::platform::clock_now());
    g_written = g_app->fragment();
    g_written_committed = g_app->committed_fragment();
    wwe_request_frame();
    wwe_js_state_changed(1);
}

wwe::SystemPreferences preferences(int bits) {
    wwe::SystemPreferences p;
    p.dark = (bits & WWE_PREFERS_DARK) != 0;
    p.reduced_motion = (bits & WWE_PREFERS_REDUCED_MOTION) != 0;
    p.more_contrast = (bits & WWE_PREFERS_MORE_CONTRAST) != 0;
    p.forced_colors = (bits & WWE_PREFERS_FORCED_COLORS) != 0;
    p.coarse_pointer = (bits & WWE_PREFERS_COARSE_POINTER) != 0;
    return p;
}

}  // namespace

extern "C" {
// The URL's fragment changed (back/forward, an edited address): open it.
EMSCRIPTEN_KEEPALIVE void wwe_url_changed() {
    if (g_app && g_app->loaded()) follow_location();
}
// A system setting changed (colour scheme, contrast, motion): the app follows it live.
EMSCRIPTEN_KEEPALIVE void wwe_preferences_changed(int bits) {
    if (!g_app || !g_app->loaded()) return;
    g_app->set_preferences(preferences(bits));
    wwe_request_frame();
}
}

namespace wwe::platform {

void install_url_state(ui::App& app) {
    const bool first = g_app == nullptr;
    g_app = &app;
    g_written.clear();
    g_framed = wwe_js_framed() != 0;
    if (first) {
        wwe_js_listen_url();
        wwe_js_listen_preferences();
    }
    app.set_page_url(read_location(WWE_LOCATION_ADDRESS));
    const std::string fragment = read_location(WWE_LOCATION_FRAGMENT);
    app.open_location(read_location(WWE_LOCATION_QUERY), fragment, preferences(wwe_js_preferences()), clock_now());
    // The last view of an earlier visit (none over a link or in a kiosk): it replaces the
    // entry the page was opened with, as the link does.
    const std::string opened = app.fragment();
    install_storage(app);
    const bool restored = app.fragment() != opened;
    if (app.embed().kiosk) g_framed = true;  // a kiosk has no back button to feed either
    g_written = app.fragment();
    g_written_committed = app.committed_fragment();
    // A link that waits for the text of ?data= stays in the address until that text is open
    // (then the view it gives replaces it: update_url_state).
    g_link_waits = app.controller().link_waits();
    if (g_link_waits) return;
    if (!fragment.empty() || restored) wwe_js_write_fragment(g_written.c_str(), 0);  // drop what could not be used
}

void update_url_state(ui::App& app) {
    if (g_app != &app || !app.loaded()) return;
    const std::string committed = app.committed_fragment();
    const std::string current = app.fragment();
    if (committed == g_written_committed && current == g_written) return;
    if (app.controller().link_waits()) return;  // the address keeps the link until its text is open
    bool step = committed != g_written_committed;
    if (g_link_waits) {  // the text of ?data= is open with the link: its view replaces the link's entry
        g_link_waits = false;
        step = false;
    }
    g_written = current;
    g_written_committed = committed;
    wwe_js_write_fragment(current.c_str(), step && !g_framed ? 1 : 0);
    wwe_js_state_changed(step ? 1 : 0);
}

}  // namespace wwe::platform
