#include "platform/storage.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/persist.hpp"
#include "platform/js_bridge.hpp"
#include "platform/url_state.hpp"
#include "ui/app.hpp"

namespace {
wwe::ui::App* g_app = nullptr;
std::uint64_t g_written = 0;  // the controller's stored_serial() last written
bool g_available = false;
}  // namespace

namespace wwe::platform {

void install_storage(ui::App& app) {
    const bool again = g_app == &app;  // another article loaded at run time
    g_app = &app;
    // Without storage, what this visit saved lives only in the controller: keep it.
    std::string stored = again && !g_available ? app.controller().stored_json() : std::string();
    g_available = wwe_js_storage_available() != 0;
    if (g_available) {
        char* raw = wwe_js_storage_read(kStorageKey);
        if (raw) stored = raw;
        free(raw);
    }
    app.restore_stored(stored, g_available, clock_now());
    g_written = app.controller().stored_serial();
}

bool update_storage(ui::App& app) {
    if (g_app != &app || !app.loaded() || !g_available) return false;
    const std::uint64_t serial = app.controller().stored_serial();
    if (serial == g_written) return true;
    g_written = serial;
    if (!wwe_js_storage_write(kStorageKey, app.controller().stored_json().c_str())) {
        g_available = false;  // full or blocked since: the rest of the visit stays in memory
        return false;
    }
    return true;
}

}  // namespace wwe::platform
