// Win-Win Explorer platform: the view state in the page's URL (deep links).
//
// Index
//   - install_url_state ... once the article is loaded: open the link in location.hash
//   - update_url_state .... after each frame: write the state into the URL
//
// The fragment format is core/deep_link.hpp's. A committed step of the app's history
// (a filter, a view, a selection) becomes a browser history entry (pushState), so the
// browser's back and forward walk the exploration; smaller changes (scrolling, panning)
// replace the current entry. Editing the URL or going back/forward (hashchange, popstate)
// opens that link; unknown or stale parts are reported in the app's notice. Pages where
// the History API is refused (some sandboxes) keep working without it.
#pragma once

namespace wwe::ui {
class App;
}

namespace wwe::platform {

void install_url_state(ui::App& app);
void update_url_state(ui::App& app);

}  // namespace wwe::platform
