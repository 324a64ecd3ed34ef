// Win-Win Explorer core: embed options — how a host page frames the explorer.
//
// Index
//   - EmbedOptions ........ chrome, offered views, locked facets, theme, scale, origins
//   - SystemPreferences ... the reader's system settings (the page's media queries)
//   - ThemeKind, choose_theme  the colours to use: the option and the system settings
//   - embed_from_query .... "?embed=a&views=map&lock.dimension=security" -> options
//   - to_query ............ options -> the same text (defaults left out)
//   - constrain ........... makes a ViewState obey the options (locked facets, views)
//   - iframe_snippet ...... the <iframe> element a host page pastes
//
// The options come from the URL's query string (docs/embedding.md); the view state stays
// in the fragment (deep_link.hpp), so a deep link and its embed options combine:
//   explorer/index.html?embed=econ&views=map,reader&lock.front=economic#v=map&sel=entity:belt-and-road
// Parameters, each optional:
//   embed[=<id>]            embed mode; <id> ([a-z0-9_-], at most 40) names the embed in
//                           the messages it posts to the host page
//   chrome=full|compact|none  full: search, tabs and facet panel; compact: the facet panel
//                           folds behind a "Filters" button; none: only the view
//   views=<v1>,<v2>         the views offered, in tab order (default: all)
//   lock.<facet>=<v1>,<v2>  these values of the facet are always chosen, no other value of
//                           it can be (e.g. lock.dimension=security)
//   theme=light|dark|auto|contrast  auto follows the reader's system setting
//                           (prefers-color-scheme), contrast is the high-contrast theme;
//                           prefers-contrast: more and forced-colors: active give the
//                           high-contrast theme whatever this says
//   scale=<x>               size of text and controls, 0.5..3 (default 1; a kiosk 1.3)
//   origins=<o1>,<o2>       host origins ("https://school.example") whose messages are
//                           obeyed and to which messages are posted (default: the parent
//                           window, whatever its origin); given but with no valid
//                           origin, no host at all (it never fails open)
//   kiosk                   kiosk behaviour (docs/kiosk.md): large touch targets, topic
//                           chips instead of typing, no export or share, and after `idle`
//                           seconds without a touch the home view and the attract tour
//   idle=<s>                kiosk: seconds without input before the attract loop, 5..3600
//                           (default 90)
//   tour=<id>               kiosk: the attract tour (default: the article's first tour)
//   tour_speed=<x>          tours play x times faster, 0.1..100 (default 1)
//   data=<url>              the page's: the file web/shell.js opens instead of the
//                           shipped article (a text or Markdown file: over it, once it is
//                           loaded; the deep link waits for it: data_opens_over)
// Unknown parameters and invalid values are reported (pointer "?name") and skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "view_state.hpp"

namespace wwe {

struct EmbedOptions {
    enum class Chrome { Full, Compact, None };
    enum class Theme { Light, Dark, Auto, Contrast };

    bool embed = false;                // "embed" was given
    std::string id;                    // its value ("" when none)
    Chrome chrome = Chrome::Full;
    std::vector<View> views;           // offered views in tab order; empty: all
    FacetSelection locked;             // facet -> values always chosen
    Theme theme = Theme::Light;
    float scale = 1;                   // 0.5..3
    std::vector<std::string> origins;  // "scheme://host[:port]", lower case
    bool origins_restricted = false;   // origins= was given: only `origins` (none valid: no host)
    bool kiosk = false;
    double idle_seconds = 90;          // kiosk: before the attract loop
    std::string tour;                  // kiosk: attract tour id ("" = the first)
    double tour_speed = 1;
    std::string data;                  // ?data=, as given ("" = none); never written by to_query

    bool operator==(const EmbedOptions&) const = default;
};

inline constexpr float kMinEmbedScale = 0.5f, kMaxEmbedScale = 3.0f;
inline constexpr float kKioskScale = 1.3f;  // a kiosk's text size when ?scale= is not given

const char* to_string(EmbedOptions::Chrome chrome);
const char* to_string(EmbedOptions::Theme theme);

// The reader's system settings, as the page's media queries say (all false: a system that
// says nothing). The platform reads them at start and whenever one changes.
struct SystemPreferences {
    bool dark = false;            // prefers-color-scheme: dark
    bool reduced_motion = false;  // prefers-reduced-motion: reduce
    bool more_contrast = false;   // prefers-contrast: more
    bool forced_colors = false;   // forced-colors: active (e.g. a Windows contrast theme)
    bool coarse_pointer = false;  // pointer: coarse (a phone, a tablet: the primary pointer is a finger)

    bool operator==(const SystemPreferences&) const = default;
};

// The colours the explorer draws with.
enum class ThemeKind { Light, Dark, Contrast };
const char* to_string(ThemeKind kind);

// The theme for option `theme` under `prefs`: high contrast when the option or the system
// asks for it (a reader's need wins over the page's choice of light or dark), else dark
// for "dark" and for "auto" on a dark system, else light.
ThemeKind choose_theme(EmbedOptions::Theme theme, const SystemPreferences& prefs);

// Reads a URL query string (a leading "?" is ignored). Facet ids and values are checked
// against the corpus. Every problem is reported and that part skipped.
EmbedOptions embed_from_query(std::string_view query, const Corpus& corpus, std::vector<Diagnostic>& problems);

// The query string (without "?") that reads back as `options`; "" when all are defaults.
std::string to_query(const EmbedOptions& options);

// True when ?data= names a plain text or Markdown file (its path, before any "?" or "#",
// ends in .txt, .md or .markdown, any case): web/shell.js opens it over the shipped article
// once that is loaded, so the deep link of the page's fragment is for it and waits for it
// (Controller::open_location). A JSON article in ?data= is loaded as the article itself.
// The same rule as shell.js's dataRequest.text.
bool data_opens_over(const EmbedOptions& options);

// True when `view` is offered (views empty, or listed).
bool view_offered(const EmbedOptions& options, View view);

// Makes `state` obey `options`: each locked facet has exactly its locked values, the view
// is an offered one (else the first offered). When `problems` is not null, each change of
// something the state asked for is reported (pointer: the state member, e.g.
// "/facets/dimension"; a locked facet the state leaves out is added without a report).
void constrain(ViewState& state, const EmbedOptions& options, std::vector<Diagnostic>* problems);

// <iframe src="url" width=".." height=".." title=".." ...></iframe>, one attribute group
// per line, the attributes escaped for HTML. `strict_sandbox`: sandbox="allow-scripts allow-popups allow-downloads"
// (the page gets an opaque origin: its server must allow cross-origin reads, see
// docs/embedding.md); otherwise allow-same-origin is added. Sizes in CSS px.
std::string iframe_snippet(const std::string& url, int width, int height, const std::string& title,
                           bool strict_sandbox);

}  // namespace wwe
