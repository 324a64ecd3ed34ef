// Win-Win Explorer platform: the view state in the page's URL (deep links), and the page
// told of each change (shell.js forwards it to a host page).
//
// Index
//   - install_url_state ... once the article is loaded: embed options from location.search,
//                           the link in location.hash, the page's address for links
//   - update_url_state .... after each frame: write the state into the URL, tell the page
//
// The fragment format is core/deep_link.hpp's, the query's core/embed.hpp's. A committed
// step of the app's history (a filter, a view, a selection) becomes a browser history entry
// (pushState), so the browser's back and forward walk the exploration; smaller changes
// (scrolling, panning) replace the current entry. In a frame (an embed) every change
// replaces the entry: the host page's back button stays the host's. Editing the URL or
// going back/forward (hashchange, popstate) opens that link; unknown or stale parts are
// reported in the app's notice. Pages where the History API is refused (some sandboxes)
// keep working without it. After a change, Module.wweOnStateChange(committed) is called
// (committed: a history step, not only scrolling or panning).
#pragma once

namespace wwe::ui {
class App;
}

namespace wwe::platform {

void install_url_state(ui::App& app);
void update_url_state(ui::App& app);

// The app's clock (seconds): the page's monotonic time plus what a test advanced it by
// (web_main.cpp; explorer.advanceClock).
double clock_now();

}  // namespace wwe::platform
