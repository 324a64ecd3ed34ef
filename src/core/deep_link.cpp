#include "deep_link.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace wwe {

using nlohmann::json;

namespace {
constexpr std::size_t kMaxFragmentBytes = 8192;

// Shortest text that reads back as the same float.
std::string number(float v) {
    char buf[32];
    for (int digits = 6; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(v));
        if (std::strtof(buf, nullptr) == v) break;
    }
    return buf;
}
std::string number(double v) {
    char buf[40];
    for (int digits = 6; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

// Reads a whole decimal number ("-12.5", "3e2"); false for anything else (hex, inf, nan).
bool parse_number(const std::string& text, double& out) {
    if (text.empty() || text.size() > 32) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(out);
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::string percent_encode(std::string_view text) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

bool percent_decode(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return false;  // needs two hex digits
        int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

std::vector<UrlParameter> parse_url_parameters(std::string_view text, const std::string& prefix,
                                               std::vector<Diagnostic>& problems) {
    std::vector<UrlParameter> out;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t amp = text.find('&', at);
        const std::string_view part = text.substr(at, amp == std::string_view::npos ? std::string_view::npos : amp - at);
        at = amp == std::string_view::npos ? text.size() + 1 : amp + 1;
        if (part.empty()) continue;
        const std::size_t eq = part.find('=');
        UrlParameter param;
        param.where = prefix + utf8_truncate(std::string(part.substr(0, eq)), 40);
        if (!percent_decode(part.substr(0, eq), param.key) ||
            !percent_decode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), param.value)) {
            problems.push_back({Severity::Error, param.where, "valid %XX escapes", "\"" + utf8_truncate(std::string(part), 60) + "\""});
            continue;
        }
        if (utf8_invalid_at(param.key) != std::string::npos || utf8_invalid_at(param.value) != std::string::npos) {
            problems.push_back({Severity::Error, param.where, "UTF-8 text", "invalid bytes"});
            continue;
        }
        param.has_value = eq != std::string_view::npos;
        out.push_back(std::move(param));
    }
    return out;
}

std::vector<std::string> split_list(const std::string& value) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= value.size()) {
        const std::size_t comma = value.find(',', from);
        std::string item = value.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        if (!item.empty()) out.push_back(std::move(item));
        from = comma == std::string::npos ? value.size() + 1 : comma + 1;
    }
    return out;
}

std::string to_fragment(const ViewState& s, const Corpus& corpus) {
    std::string out = "ver=" + std::to_string(kViewStateVersion) + "&v=" + to_string(s.view);
    for (const auto& [facet, values] : s.facets) {
        if (values.empty()) continue;
        out += "&f." + percent_encode(facet) + "=";
        bool first = true;
        for (const std::string& v : values) {
            out += (first ? "" : ",") + percent_encode(v);
            first = false;
        }
    }
    if (!s.query.empty()) out += "&q=" + percent_encode(s.query);
    if (s.selection.kind != Selection::Kind::None) {
        const json j = to_json(s, corpus);
        out += "&sel=" + j["selection"]["kind"].get<std::string>() + ":" + percent_encode(s.selection.id);
    }
    if (!s.passage.empty()) out += "&p=" + percent_encode(s.passage);
    const MapState defaults;
    if (s.map.edges != defaults.edges) out += std::string("&e=") + to_string(s.map.edges);
    if (s.map.min_weight != defaults.min_weight) out += "&w=" + std::to_string(s.map.min_weight);
    if (s.map.depth != defaults.depth) out += "&d=" + std::to_string(s.map.depth);
    if (!s.map.color.empty()) out += "&c=" + percent_encode(s.map.color);
    if (s.map.seed != defaults.seed) out += "&s=" + std::to_string(s.map.seed);
    if (!s.map.pins.empty()) {
        out += "&pin=";
        bool first = true;
        for (const auto& [node, pin] : s.map.pins) {
            out += (first ? "" : ",") + percent_encode(node) + ":" + number(pin.x) + ":" + number(pin.y);
            first = false;
        }
    }
    if (s.map.x != 0 || s.map.y != 0 || s.map.zoom != 0)
        out += "&mv=" + number(s.map.x) + "," + number(s.map.y) + "," + number(s.map.zoom);
    if (!s.matrix.rows.empty()) out += "&mr=" + percent_encode(s.matrix.rows);
    if (!s.matrix.columns.empty()) out += "&mc=" + percent_encode(s.matrix.columns);
    if (!s.timeline.fitted()) out += "&t=" + number(s.timeline.begin) + "," + number(s.timeline.end);
    if (!corpus.article.id.empty()) out += "&art=" + percent_encode(corpus.article.id);
    return out;
}

std::string link_article_id(std::string_view fragment) {
    std::vector<Diagnostic> ignored;  // from_fragment reports them when the link is opened
    for (const UrlParameter& param : parse_url_parameters(fragment.substr(0, kMaxFragmentBytes), "#", ignored))
        if (param.key == "art") return param.value;
    return "";
}

ViewState from_fragment(std::string_view fragment, const Corpus& corpus, std::vector<Diagnostic>& problems,
                        const ViewState& defaults) {
    const ViewState& base = defaults;
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    if (fragment.size() > kMaxFragmentBytes) {
        // Part by part, as everywhere in a link: the whole parameters within the first 8192
        // bytes apply, the rest is reported (and never read: a 10 MB link costs nothing).
        const std::size_t cut = fragment.substr(0, kMaxFragmentBytes + 1).rfind('&');
        const std::size_t kept = cut == std::string_view::npos ? 0 : cut;
        problems.push_back({Severity::Error, "#",
                            "a link of at most 8192 bytes (the parameters in its first " + std::to_string(kept) +
                                " bytes are used)",
                            std::to_string(fragment.size()) + " bytes"});
        fragment = fragment.substr(0, kept);
    }
    auto bad = [&](const std::string& where, const char* expected, const std::string& value) {
        problems.push_back({Severity::Error, where, expected, "\"" + utf8_truncate(value, 60) + "\""});
    };
    // A link without "ver" is from version 1 (before the parameter existed).
    json state = {{"version", 1}};
    const std::vector<UrlParameter> params = parse_url_parameters(fragment, "#", problems);
    // A link made for another article applies none of its facets or ids here.
    for (const UrlParameter& param : params) {
        if (param.key == "art" && param.value != corpus.article.id) {
            problems.push_back({Severity::Error, "#art", "a link made for the article open (\"" + corpus.article.id +
                                "\"); its default view is shown instead",
                                "a link for another article, \"" + utf8_truncate(param.value, 60) + "\""});
            return base;
        }
    }
    for (const UrlParameter& param : params) {
        const std::string& key = param.key;
        const std::string& value = param.value;
        const std::string& where = param.where;
        double n = 0;
        if (key == "art") {
            continue;  // checked above
        } else if (key == "ver") {
            if (parse_number(value, n) && n == std::floor(n) && n >= 1 && n <= 1e6) state["version"] = static_cast<int>(n);
            else if (parse_number(value, n) && n == std::floor(n) && n > 1e6)  // checked before any conversion
                problems.push_back({Severity::Error, where, "a version number (1 or 2)",
                                    "unsupported version " + utf8_truncate(value, 40)});
            else bad(where, "a version number (1 or 2)", value);
        } else if (key == "v") {
            state["view"] = value;
        } else if (key.rfind("f.", 0) == 0) {
            if (!state.contains("facets")) state["facets"] = json::object();
            state["facets"][key.substr(2)] = split_list(value);
        } else if (key == "q") {
            state["query"] = value;
        } else if (key == "sel") {
            const std::size_t colon = value.find(':');
            if (colon == std::string::npos) {
                bad(where, "sel=<kind>:<id>", value);
                continue;
            }
            state["selection"] = {{"kind", value.substr(0, colon)}, {"id", value.substr(colon + 1)}};
        } else if (key == "p") {
            state["passage"] = value;
        } else if (key == "e") {
            state["map"]["edges"] = value;
        } else if (key == "w" || key == "d" || key == "s") {
            // Range-checked before any conversion: "7e52" is a number, not an int.
            if (parse_number(value, n) && n == std::floor(n) && std::fabs(n) <= 4294967295.0)
                state["map"][key == "w" ? "min_weight" : key == "d" ? "depth" : "seed"] = static_cast<long long>(n);
            else bad(where, "a whole number", value);
        } else if (key == "c") {
            state["map"]["color"] = value;
        } else if (key == "pin") {
            json pins = json::object();
            bool ok = true;
            for (const std::string& item : split_list(value)) {
                const std::size_t a = item.find(':'), b = a == std::string::npos ? a : item.find(':', a + 1);
                double x = 0, y = 0;
                if (b == std::string::npos || !parse_number(item.substr(a + 1, b - a - 1), x) ||
                    !parse_number(item.substr(b + 1), y)) {
                    ok = false;
                    break;
                }
                pins[item.substr(0, a)] = {x, y};
            }
            if (ok) state["map"]["pins"] = std::move(pins);
            else bad(where, "pin=<node>:<x>:<y>,...", value);
        } else if (key == "mv") {
            double xyz[3];
            std::size_t from = 0;
            int k = 0;
            bool ok = true;
            for (; k < 3 && ok; ++k) {
                const std::size_t comma = value.find(',', from);
                ok = parse_number(value.substr(from, comma == std::string::npos ? std::string::npos : comma - from), xyz[k]) &&
                     (k == 2 ? comma == std::string::npos : comma != std::string::npos);
                from = comma + 1;
            }
            if (ok) state["map"].update(json{{"x", xyz[0]}, {"y", xyz[1]}, {"zoom", xyz[2]}});
            else bad(where, "mv=<x>,<y>,<zoom>", value);
        } else if (key == "mr" || key == "mc") {
            state["matrix"][key == "mr" ? "rows" : "columns"] = value;
        } else if (key == "t") {
            const std::size_t comma = value.find(',');
            double b = 0, e = 0;
            if (comma != std::string::npos && parse_number(value.substr(0, comma), b) && parse_number(value.substr(comma + 1), e))
                state["timeline"] = {{"begin", b}, {"end", e}};
            else bad(where, "t=<first year>,<last year>", value);
        } else {
            problems.push_back({Severity::Error, where,
                                "one of the parameters ver, v, f.<facet>, q, sel, p, e, w, d, c, s, pin, mv, mr, mc, t, art",
                                "unknown parameter '" + utf8_truncate(key, 40) + "'"});
        }
    }
    std::vector<Diagnostic> state_problems;
    ViewState s = view_state_from_json(state, corpus, base, state_problems);
    for (Diagnostic& d : state_problems) {
        // Name the URL parameter rather than the JSON member.
        const std::string& p = d.pointer;
        auto starts = [&](const char* prefix) { return p.rfind(prefix, 0) == 0; };
        if (starts("/facets/")) d.pointer = "#f." + p.substr(8, p.find('/', 8) - 8);
        else if (starts("/selection")) d.pointer = "#sel";
        else if (p == "/passage") d.pointer = "#p";
        else if (p == "/query") d.pointer = "#q";
        else if (p == "/view") d.pointer = "#v";
        else if (p == "/version") d.pointer = "#ver";
        else if (p == "/map/edges") d.pointer = "#e";
        else if (p == "/map/min_weight") d.pointer = "#w";
        else if (p == "/map/depth") d.pointer = "#d";
        else if (p == "/map/color") d.pointer = "#c";
        else if (p == "/map/seed") d.pointer = "#s";
        else if (starts("/map/pins")) d.pointer = "#pin";
        else if (starts("/map")) d.pointer = "#mv";
        else if (p == "/matrix/rows") d.pointer = "#mr";
        else if (p == "/matrix/columns") d.pointer = "#mc";
        else if (starts("/timeline")) d.pointer = "#t";
        problems.push_back(std::move(d));
    }
    return s;
}

}  // namespace wwe
