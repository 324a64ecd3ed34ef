#include "embed.hpp"

#include "json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "deep_link.hpp"
#include "text.hpp"

namespace wwe {

namespace {

constexpr std::size_t kMaxQueryStringBytes = 4096;
constexpr std::size_t kMaxIdBytes = 40;

bool is_id(const std::string& s) {
    if (s.empty() || s.size() > kMaxIdBytes) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// "https://host[:port]" with a lower-case host of letters, digits, '-' and '.', no path.
bool is_origin(const std::string& s) {
    std::string rest;
    if (s.rfind("https://", 0) == 0) rest = s.substr(8);
    else if (s.rfind("http://", 0) == 0) rest = s.substr(7);
    else return false;
    const std::size_t colon = rest.find(':');
    const std::string host = rest.substr(0, colon);
    if (host.empty() || host.size() > 253) return false;
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
    if (colon == std::string::npos) return true;
    const std::string port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    if (!std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return std::atoi(port.c_str()) <= 65535;
}

std::string quoted(const std::string& s) { return "\"" + utf8_truncate(s, 60) + "\""; }

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ",") + percent_encode(s);
    return out;
}

// Shortest decimal text that reads back as `v`.
std::string number_text(double v) {
    char buf[32];
    for (int digits = 6; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

// Shortest decimal text that reads back as the same float scale: a scale is written back as
// it was given ("1.225" stays 1.225, not 1.23).
std::string scale_text(float scale) {
    char buf[32];
    for (int digits = 1; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(scale));
        if (std::strtof(buf, nullptr) == scale) break;
    }
    return buf;
}

// A plain decimal number ("1.25", "2", ".5", "1e0"): no hex floats, inf or nan, which
// strtod would also take.
bool decimal_text(const std::string& s) {
    return !s.empty() && s.size() <= 16 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
    });
}

}  // namespace

const char* to_string(EmbedOptions::Chrome chrome) {
    switch (chrome) {
    case EmbedOptions::Chrome::Full: return "full";
    case EmbedOptions::Chrome::Compact: return "compact";
    case EmbedOptions::Chrome::None: return "none";
    }
    return "full";
}

const char* to_string(EmbedOptions::Theme theme) {
    switch (theme) {
    case EmbedOptions::Theme::Light: return "light";
    case EmbedOptions::Theme::Dark: return "dark";
    case EmbedOptions::Theme::Auto: return "auto";
    case EmbedOptions::Theme::Contrast: return "contrast";
    }
    return "light";
}

const char* to_string(ThemeKind kind) {
    switch (kind) {
    case ThemeKind::Light: return "light";
    case ThemeKind::Dark: return "dark";
    case ThemeKind::Contrast: return "contrast";
    }
    return "light";
}

ThemeKind choose_theme(EmbedOptions::Theme theme, const SystemPreferences& prefs) {
    if (theme == EmbedOptions::Theme::Contrast || prefs.more_contrast || prefs.forced_colors) return ThemeKind::Contrast;
    if (theme == EmbedOptions::Theme::Dark || (theme == EmbedOptions::Theme::Auto && prefs.dark)) return ThemeKind::Dark;
    return ThemeKind::Light;
}

EmbedOptions embed_from_query(std::string_view query, const Corpus& corpus, std::vector<Diagnostic>& problems) {
    EmbedOptions o;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    if (query.size() > kMaxQueryStringBytes) {
        problems.push_back({Severity::Error, "?", "a query string of at most 4096 bytes", std::to_string(query.size()) + " bytes"});
        return o;
    }
    const Article& article = corpus.article;
    bool scale_given = false;
    for (const UrlParameter& p : parse_url_parameters(query, "?", problems)) {
        auto bad = [&](const std::string& expected) { problems.push_back({Severity::Error, p.where, expected, quoted(p.value)}); };
        if (p.key == "embed") {
            if (!p.value.empty() && !is_id(p.value)) {
                bad("an embed id of 1 to 40 characters a-z 0-9 - _");
                continue;
            }
            o.embed = true;
            o.id = p.value;
        } else if (p.key == "chrome") {
            if (p.value == "full") o.chrome = EmbedOptions::Chrome::Full;
            else if (p.value == "compact") o.chrome = EmbedOptions::Chrome::Compact;
            else if (p.value == "none") o.chrome = EmbedOptions::Chrome::None;
            else bad("full, compact or none");
        } else if (p.key == "views") {
            std::vector<View> views;
            for (const std::string& name : split_list(p.value)) {
                View v;
                if (!view_from_string(name, v)) {
                    problems.push_back({Severity::Error, p.where,
                                        "views among reader, map, matrix, timeline, entities, glossary, contrasts",
                                        "unknown view " + quoted(name)});
                } else if (std::find(views.begin(), views.end(), v) == views.end()) {
                    views.push_back(v);
                }
            }
            if (!views.empty()) o.views = std::move(views);
        } else if (p.key.rfind("lock.", 0) == 0) {
            const std::string facet = p.key.substr(5);
            const int fi = article.find_facet(facet);
            if (fi < 0) {
                problems.push_back({Severity::Error, p.where, "a facet of the article", "unknown facet " + quoted(facet)});
                continue;
            }
            std::set<std::string> values;
            for (const std::string& value : split_list(p.value)) {
                if (article.facets[static_cast<std::size_t>(fi)].find_value(value) < 0) {
                    problems.push_back({Severity::Error, p.where, "a value of facet " + quoted(facet), "unknown value " + quoted(value)});
                } else {
                    values.insert(value);
                }
            }
            if (!values.empty()) o.locked[facet] = std::move(values);
        } else if (p.key == "data") {
            // The file the page opens in place of the shipped article (web/shell.js).
            o.data = p.value;
        } else if (p.key == "theme") {
            if (p.value == "light") o.theme = EmbedOptions::Theme::Light;
            else if (p.value == "dark") o.theme = EmbedOptions::Theme::Dark;
            else if (p.value == "auto") o.theme = EmbedOptions::Theme::Auto;
            else if (p.value == "contrast") o.theme = EmbedOptions::Theme::Contrast;
            else bad("light, dark, auto or contrast");
        } else if (p.key == "scale") {
            char* end = nullptr;
            const double v = !decimal_text(p.value) ? NAN : std::strtod(p.value.c_str(), &end);
            if (std::isfinite(v) && end == p.value.c_str() + p.value.size() && v >= kMinEmbedScale && v <= kMaxEmbedScale) {
                o.scale = static_cast<float>(v);
                scale_given = true;
            } else {
                bad("a number from 0.5 to 3");
            }
        } else if (p.key == "origins") {
            o.origins_restricted = true;  // a bad value narrows the hosts to none, never widens them
            for (const std::string& origin : split_list(p.value)) {
                if (!is_origin(origin)) {
                    problems.push_back({Severity::Error, p.where, "origins like https://school.example or http://localhost:8000",
                                        quoted(origin)});
                } else if (std::find(o.origins.begin(), o.origins.end(), origin) == o.origins.end()) {
                    o.origins.push_back(origin);
                }
            }
        } else if (p.key == "kiosk") {
            if (p.has_value && !p.value.empty()) bad("no value (just \"kiosk\")");
            else o.kiosk = true;
        } else if (p.key == "idle" || p.key == "tour_speed") {
            const bool idle = p.key == "idle";
            char* end = nullptr;
            const double v = p.value.empty() || p.value.size() > 16 ? NAN : std::strtod(p.value.c_str(), &end);
            const double lo = idle ? 5 : 0.1, hi = idle ? 3600 : 100;
            if (!std::isfinite(v) || end != p.value.c_str() + p.value.size() || v < lo || v > hi) {
                bad(idle ? "seconds from 5 to 3600" : "a factor from 0.1 to 100");
            } else {
                (idle ? o.idle_seconds : o.tour_speed) = v;
            }
        } else if (p.key == "tour") {
            bool found = false;
            for (const Tour& t : article.tours) found = found || t.id == p.value;
            if (found) o.tour = p.value;
            else problems.push_back({Severity::Error, p.where, "the id of one of the article's tours", quoted(p.value)});
        } else if (p.key == "plain") {  // the page's own: the plain page (web/shell.js)
            if (p.has_value && !p.value.empty()) bad("no value (just \"plain\")");
        } else if (p.key == "keys") {  // the page's own: single-key shortcuts (library_mirror.js)
            if (p.value != "off" && p.value != "on") bad("off or on");
        } else {
            problems.push_back({Severity::Error, p.where,
                                "one of the parameters embed, chrome, views, lock.<facet>, data, theme, scale, origins, kiosk, "
                                "idle, tour, tour_speed, plain, keys",
                                "unknown parameter " + quoted(p.key)});
        }
    }
    if (o.kiosk && !scale_given) o.scale = kKioskScale;
    return o;
}

std::string to_query(const EmbedOptions& o) {
    std::vector<std::string> parts;
    if (o.embed) parts.push_back(o.id.empty() ? "embed" : "embed=" + o.id);
    if (o.chrome != EmbedOptions::Chrome::Full) parts.push_back(std::string("chrome=") + to_string(o.chrome));
    if (!o.views.empty()) {
        std::string views = "views=";
        for (std::size_t i = 0; i < o.views.size(); ++i) views += (i ? "," : "") + std::string(to_string(o.views[i]));
        parts.push_back(views);
    }
    for (const auto& [facet, values] : o.locked) {
        if (values.empty()) continue;
        parts.push_back("lock." + percent_encode(facet) + "=" + join({values.begin(), values.end()}));
    }
    if (o.theme != EmbedOptions::Theme::Light) parts.push_back(std::string("theme=") + to_string(o.theme));
    if (o.scale != (o.kiosk ? kKioskScale : 1.0f)) parts.push_back("scale=" + scale_text(o.scale));
    if (o.origins_restricted || !o.origins.empty()) parts.push_back("origins=" + join(o.origins));
    if (o.kiosk) parts.push_back("kiosk");
    if (o.idle_seconds != 90) parts.push_back("idle=" + number_text(o.idle_seconds));
    if (!o.tour.empty()) parts.push_back("tour=" + percent_encode(o.tour));
    if (o.tour_speed != 1) parts.push_back("tour_speed=" + number_text(o.tour_speed));
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "&") + p;
    return out;
}

bool data_opens_over(const EmbedOptions& options) {
    std::string path = options.data.substr(0, options.data.find_first_of("?#"));
    for (char& c : path) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto ends = [&](std::string_view tail) {
        return path.size() >= tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0;
    };
    return ends(".txt") || ends(".md") || ends(".markdown");
}

bool view_offered(const EmbedOptions& options, View view) {
    return options.views.empty() || std::find(options.views.begin(), options.views.end(), view) != options.views.end();
}

void constrain(ViewState& state, const EmbedOptions& options, std::vector<Diagnostic>* problems) {
    for (const auto& [facet, values] : options.locked) {
        auto it = state.facets.find(facet);
        const bool same = it != state.facets.end() && it->second == values;
        if (same) continue;
        if (problems && it != state.facets.end() && !it->second.empty()) {
            std::string locked;
            for (const std::string& v : values) locked += (locked.empty() ? "" : ", ") + v;
            problems->push_back({Severity::Error, pointer_append("/facets", facet), "the values this embed locks (" + locked + ")",
                                 "a change of a locked facet"});
        }
        state.facets[facet] = values;
    }
    if (!view_offered(options, state.view)) {
        if (problems) {
            problems->push_back({Severity::Error, "/view", "a view this embed offers",
                                 std::string("view \"") + to_string(state.view) + "\""});
        }
        state.view = options.views.front();
    }
}

std::string iframe_snippet(const std::string& url, int width, int height, const std::string& title,
                           bool strict_sandbox) {
    const char* sandbox = strict_sandbox ? "allow-scripts allow-popups allow-downloads"
                                         : "allow-scripts allow-same-origin allow-popups allow-downloads";
    return "<iframe src=\"" + xml_escape(url) + "\"\n        width=\"" + std::to_string(std::max(1, width)) +
           "\" height=\"" + std::to_string(std::max(1, height)) + "\"\n        title=\"" + xml_escape(title) +
           "\"\n        sandbox=\"" + sandbox +
           "\"\n        allow=\"clipboard-write; fullscreen\" loading=\"lazy\"\n"
           "        style=\"border: 1px solid #d9d4c7; border-radius: 6px\"></iframe>";
}

}  // namespace wwe
