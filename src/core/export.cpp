#include "export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "date.hpp"
#include "script.hpp"

namespace wwe {

namespace {


// One RFC 4180 field, safe to open in a spreadsheet: a field a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return; OWASP's "CSV injection") gets
// a leading apostrophe, which spreadsheets show as text and do not evaluate.
std::string csv_field(const std::string& text) {
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    const std::string s = formula ? "'" + text : text;
    if (!formula && s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string num(float v) {
    if (!std::isfinite(v)) v = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string colour(unsigned rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFF);
    return buf;
}

}  // namespace

std::string work_citation(const Meta& m) {
    std::string out;
    auto part = [&](const std::string& text) {
        if (text.empty()) return;
        if (!out.empty()) out += ", ";
        out += text;
    };
    part(m.author.name);
    part(m.title.empty() ? std::string() : "\u201c" + m.title + "\u201d");
    part(m.outlet);
    part(m.published.empty() ? std::string() : format_date_text(m.published));
    return out;
}

std::string citation(const Corpus& corpus, int passage) {
    std::string out = work_citation(corpus.article.meta);
    out += (out.empty() ? "\u00b6" : ", \u00b6") + std::to_string(passage + 1);
    return out;
}

std::string passages_markdown(const Corpus& corpus, const std::vector<int>& passages, const std::string& description) {
    const Article& a = corpus.article;
    std::string out = "# " + markdown_escape(a.meta.title) + "\n\n";
    out += markdown_escape(a.meta.author.name) + (a.meta.author.role.empty() ? "" : ", " + markdown_escape(a.meta.author.role));
    out += ". *" + markdown_escape(a.meta.outlet) + "*" +
           (a.meta.published.empty() ? "" : ", " + format_date_text(a.meta.published)) + ".\n\n";
    if (!description.empty()) out += markdown_escape(description) + "\n\n";
    out += std::to_string(passages.size()) + (passages.size() == 1 ? " passage" : " passages") + ".\n";
    for (int p : passages) {
        if (p < 0 || p >= static_cast<int>(a.passages.size())) continue;
        out += "\n> " + markdown_escape(a.passages[p].text) + "\n\n";
        out += "\u2014 " + markdown_escape(citation(corpus, p)) + "\n";
    }
    return out;
}

std::string entities_csv(const Corpus& corpus, const std::vector<int>& nodes) {
    const Article& a = corpus.article;
    std::string out = "id,label,type,mentions,passages,description\r\n";
    for (int n : nodes) {
        if (n < 0 || n >= static_cast<int>(a.nodes.size())) continue;
        const Node& node = a.nodes[n];
        std::string passages;
        for (int p : corpus.node_passages[n]) passages += (passages.empty() ? "" : " ") + std::to_string(p + 1);
        out += csv_field(node.id) + "," + csv_field(node.label) + "," +
               csv_field(node.type >= 0 ? a.node_types[node.type].id : "") + "," +
               std::to_string(corpus.node_mentions[n].size()) + "," + csv_field(passages) + "," +
               csv_field(node.description) + "\r\n";
    }
    return out;
}

namespace {

constexpr float kCaptionPx = 15, kCreditPx = 11;
constexpr float kCaptionMargin = 12;  // px left and right of the caption's lines

float text_width(const SvgMap& map, std::string_view text, float px, bool bold) {
    if (map.measure) return map.measure(text, px, bold);
    float chars = 0;  // an estimate: SVG has no text measuring
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) chars += 1;
    return chars * px * 0.6f;
}

// Byte offsets where `text`'s UTF-8 characters start, and text.size().
std::vector<std::size_t> char_starts(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
    out.push_back(text.size());
    return out;
}

// The longest start of `text` (whole characters) measuring at most `width` with `tail`.
std::size_t fitting_bytes(const SvgMap& map, std::string_view text, float width, float px, bool bold,
                          std::string_view tail) {
    const std::vector<std::size_t> starts = char_starts(text);
    std::size_t lo = 0, hi = starts.size() - 1;
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (text_width(map, std::string(text.substr(0, starts[mid])) + std::string(tail), px, bold) <= width) lo = mid;
        else hi = mid - 1;
    }
    return starts[lo];
}

// One paragraph wrapped into lines of at most `width` px: at spaces, a word too long for a
// line after its last '/' that fits (an address), else cut; at most kMaxCaptionLines lines,
// the last one ending in an ellipsis when text is left over.
void wrap_paragraph(const SvgMap& map, std::string_view text, float width, float px, bool bold,
                    std::vector<CaptionLine>& out) {
    const std::string_view ellipsis = "\u2026";
    int lines = 0;
    while (!text.empty()) {
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        if (text.empty()) break;
        std::string_view line;
        const bool last = lines + 1 == SvgMap::kMaxCaptionLines;
        if (text_width(map, text, px, bold) <= width) {
            line = text;
        } else {
            const std::size_t fit = fitting_bytes(map, text, width, px, bold, "");
            // Break after the last space, or else the last '/', that fits.
            std::size_t cut = text.substr(0, fit + 1).rfind(' ');
            if (cut == std::string_view::npos || cut == 0) {
                const std::size_t slash = text.substr(0, fit).rfind('/');
                cut = slash != std::string_view::npos && slash > 0 ? slash + 1 : fit;
            }
            if (cut == 0) cut = char_starts(text)[1];  // one character at the least
            line = text.substr(0, cut);
        }
        if (last && line.size() < text.size()) {  // the last line: cut with an ellipsis
            std::string cut(text.substr(0, fitting_bytes(map, text, width, px, bold, ellipsis)));
            while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',')) cut.pop_back();
            cut += ellipsis;
            out.push_back({cut, text_width(map, cut, px, bold), bold});
            return;
        }
        std::string t(line);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        out.push_back({t, text_width(map, t, px, bold), bold});
        text.remove_prefix(line.size());
        ++lines;
    }
}

}  // namespace

std::vector<CaptionLine> caption_lines(const SvgMap& map) {
    std::vector<CaptionLine> out;
    const float width = std::max(40.0f, map.width - 2 * kCaptionMargin);
    if (!map.caption.empty()) wrap_paragraph(map, map.caption, width, kCaptionPx, true, out);
    std::size_t at = 0;
    while (at < map.credit.size()) {
        std::size_t end = map.credit.find('\n', at);
        if (end == std::string::npos) end = map.credit.size();
        wrap_paragraph(map, std::string_view(map.credit).substr(at, end - at), width, kCreditPx, false, out);
        at = end + 1;
    }
    return out;
}

namespace {
// SVG viewers order and shape text themselves (the Unicode bidi algorithm, the font's
// shaping), from the text in logical order; what they need is the paragraph's direction,
// which the canvas takes from the first strong character (core/script.hpp): a text that
// starts right to left is direction="rtl". `anchor`: "start" keeps x the text's left edge
// (text-anchor end for RTL), "middle" its centre, "right" makes x its right edge for RTL.
std::string direction_attributes(const std::string& text, const char* anchor) {
    if (!paragraph_is_rtl(text)) return "";
    const std::string_view a(anchor);
    if (a == "middle") return " direction=\"rtl\"";
    if (a == "right") return " direction=\"rtl\" text-anchor=\"start\"";
    return " direction=\"rtl\" text-anchor=\"end\"";
}
}  // namespace

float SvgMap::caption_height() const {
    const std::vector<CaptionLine> lines = caption_lines(*this);
    if (lines.empty()) return 0.0f;
    float h = 14.0f + 12.0f;  // the rule's gap above, the margin below
    for (const CaptionLine& l : lines) h += l.bold ? 21.0f : 15.0f;
    return h;
}

std::string map_svg(const SvgMap& map) {
    const float band = map.caption_height();
    const float height = map.height + band;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(map.width) + "\" height=\"" +
           num(height) + "\" viewBox=\"0 0 " + num(map.width) + " " + num(height) + "\">\n";
    out += "<title>" + xml_escape(map.title) + "</title>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"" + colour(map.background) + "\"/>\n";
    out += "<g font-family=\"Noto Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n";
    auto valid = [&](int i) { return i >= 0 && i < static_cast<int>(map.nodes.size()); };
    // The map's area: what lies outside it (a node half out of view) never reaches the band.
    out += "<defs><clipPath id=\"map-area\"><rect width=\"" + num(map.width) + "\" height=\"" + num(map.height) +
           "\"/></clipPath></defs>\n<g class=\"map\" clip-path=\"url(#map-area)\">\n";
    out += "<g class=\"edges\" fill=\"none\">\n";
    for (const SvgMap::Edge& e : map.edges) {
        if (!valid(e.source) || !valid(e.target)) continue;
        const SvgMap::Node& s = map.nodes[e.source];
        const SvgMap::Node& t = map.nodes[e.target];
        // Stop the line at the target's rim so the arrowhead stays visible.
        float dx = t.x - s.x, dy = t.y - s.y;
        float len = std::sqrt(dx * dx + dy * dy);
        float tx = t.x, ty = t.y;
        if (len > t.radius + 1) {
            tx = t.x - dx / len * t.radius;
            ty = t.y - dy / len * t.radius;
        }
        out += "<line x1=\"" + num(s.x) + "\" y1=\"" + num(s.y) + "\" x2=\"" + num(tx) + "\" y2=\"" + num(ty) +
               "\" stroke=\"" + colour(e.color) + "\" stroke-width=\"" + num(e.width) + "\"";
        if (e.opacity < 1) out += " stroke-opacity=\"" + num(e.opacity) + "\"";
        out += "/>\n";
        if (e.directed && len > t.radius + 1) {
            // An arrowhead at the target's rim, in the edge's colour (plain SVG 1.1).
            const float ux = dx / len, uy = dy / len;
            const float head = 4.0f + 2.0f * e.width, half = head * 0.45f;
            const float bx = tx - ux * head, by = ty - uy * head;
            out += "<path class=\"arrow\" d=\"M" + num(tx) + "," + num(ty) + " L" + num(bx - uy * half) + "," +
                   num(by + ux * half) + " L" + num(bx + uy * half) + "," + num(by - ux * half) + " z\" fill=\"" +
                   colour(e.color) + "\"" + (e.opacity < 1 ? " fill-opacity=\"" + num(e.opacity) + "\"" : std::string()) +
                   "/>\n";
        }
        if (!e.label.empty())
            out += "<text x=\"" + num((s.x + t.x) / 2) + "\" y=\"" + num((s.y + t.y) / 2) +
                   "\" font-size=\"10\" text-anchor=\"middle\"" + direction_attributes(e.label, "middle") +
                   " fill=\"" + colour(map.muted_color) + "\"" +
                   (e.opacity < 1 ? " fill-opacity=\"" + num(e.opacity) + "\"" : std::string()) + ">" +
                   xml_escape(e.label) + "</text>\n";
    }
    out += "</g>\n<g class=\"nodes\">\n";
    for (const SvgMap::Node& n : map.nodes) {
        std::string opacity = n.opacity < 1 ? " fill-opacity=\"" + num(n.opacity) + "\"" : "";
        const NodeShape shape = n.square ? NodeShape::Square : n.shape;
        if (shape == NodeShape::Square) {
            out += "<rect x=\"" + num(n.x - n.radius) + "\" y=\"" + num(n.y - n.radius) + "\" width=\"" +
                   num(2 * n.radius) + "\" height=\"" + num(2 * n.radius) + "\" fill=\"" + colour(n.fill) + "\"" +
                   opacity + "/>\n";
        } else if (shape != NodeShape::Circle) {
            const int sides = shape == NodeShape::Diamond ? 4 : shape == NodeShape::Triangle ? 3 : 6;
            const float r = n.radius * (sides == 3 ? 1.2f : 1.1f);
            std::string points;
            for (int k = 0; k < sides; ++k) {
                const float a = -1.5707963f + 6.2831853f * static_cast<float>(k) / static_cast<float>(sides);
                points += (k ? " " : "") + num(n.x + r * std::cos(a)) + "," +
                          num(n.y + r * std::sin(a) + (sides == 3 ? r * 0.15f : 0.0f));
            }
            out += "<polygon points=\"" + points + "\" fill=\"" + colour(n.fill) + "\"" + opacity + "/>\n";
        } else
            out += "<circle cx=\"" + num(n.x) + "\" cy=\"" + num(n.y) + "\" r=\"" + num(n.radius) + "\" fill=\"" +
                   colour(n.fill) + "\"" + opacity + "/>\n";
    }
    out += "</g>\n<g class=\"labels\" fill=\"" + colour(map.text_color) + "\">\n";
    for (const SvgMap::Node& n : map.nodes) {
        if (n.label.empty()) continue;
        const float lx = n.label_placed ? n.label_x : n.x + n.radius + 3;
        const float ly = n.label_placed ? n.label_y + n.label_size * 0.8f : n.y + 4;
        out += "<text x=\"" + num(lx) + "\" y=\"" + num(ly) + "\"" + direction_attributes(n.label, "start") +
               (n.label_size != 12 ? " font-size=\"" + num(n.label_size) + "\"" : std::string()) +
               (n.label_width > 0 ? " textLength=\"" + num(n.label_width) + "\" lengthAdjust=\"spacingAndGlyphs\""
                                  : std::string()) +
               (n.opacity < 1 ? " fill-opacity=\"" + num(n.opacity) + "\"" : std::string()) + ">" + xml_escape(n.label) +
               "</text>\n";
    }
    out += "</g>\n</g>\n";
    if (band > 0) {  // the caption band: a rule, the caption, the credit
        float y = map.height + 12;
        out += "<g class=\"caption\">\n<line x1=\"12\" y1=\"" + num(map.height + 0.5f) + "\" x2=\"" +
               num(map.width - 12) + "\" y2=\"" + num(map.height + 0.5f) + "\" stroke=\"" + colour(map.muted_color) +
               "\" stroke-opacity=\"0.4\"/>\n";
        for (const CaptionLine& line : caption_lines(map)) {
            y += line.bold ? 16 : 15;
            // A right-to-left line stands at the right edge.
            const bool rtl = paragraph_is_rtl(line.text);
            out += "<text x=\"" + num(rtl ? map.width - kCaptionMargin : kCaptionMargin) + "\" y=\"" + num(y) + "\"" +
                   direction_attributes(line.text, "right") + " font-size=\"" + num(line.bold ? kCaptionPx : kCreditPx) +
                   "\"" + (line.bold ? " font-weight=\"bold\"" : "") +
                   (map.measure ? " textLength=\"" + num(line.width) + "\" lengthAdjust=\"spacingAndGlyphs\"" : std::string()) +
                   " fill=\"" + colour(line.bold ? map.text_color : map.muted_color) + "\">" + xml_escape(line.text) +
                   "</text>\n";
            if (line.bold) y += 5;
        }
        out += "</g>\n";
    }
    out += "</g>\n</svg>\n";
    return out;
}

std::string markdown_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' ||
            c == '|')
            out += '\\';
        out += c;
    }
    return out;
}

}  // namespace wwe
