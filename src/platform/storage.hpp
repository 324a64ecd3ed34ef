// Win-Win Explorer platform: what the explorer keeps between visits, in the page origin's
// localStorage (the document's format: core/persist.hpp; what it means: the controller).
//
// Index
//   - install_storage ... once the link is opened: read what is stored, hand it to the app
//   - update_storage .... after each frame: write the stored document when it changed
//
// Storage that fails (a sandboxed frame without allow-same-origin, blocked cookies, a full
// quota, a private window) is no error: the app keeps its saved views in memory for the
// visit and says so in the Saved views menu.
#pragma once

namespace wwe::ui {
class App;
}

namespace wwe::platform {

void install_storage(ui::App& app);
// Returns false when storage refused the write (or is not available): kept in memory.
bool update_storage(ui::App& app);

}  // namespace wwe::platform
