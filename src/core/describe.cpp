#include "describe.hpp"

#include <algorithm>

#include "export.hpp"
#include "date.hpp"
#include "text.hpp"

namespace wwe {

namespace {
std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

const char* view_label(View view) {
    static const char* const labels[kViewCount] = {"Reader",   "Map",       "Matrix",   "Timeline", "Entities",
                                                   "Glossary", "Contrasts", "Contexts", "Terms"};
    const int i = static_cast<int>(view);
    return i >= 0 && i < kViewCount ? labels[i] : "";
}

std::string quoted_query(const std::string& q) {
    const bool phrase = q.size() >= 2 && q.front() == '"' && q.back() == '"' && q.find('"', 1) == q.size() - 1;
    return phrase ? q : "\xE2\x80\x9C" + q + "\xE2\x80\x9D";
}

std::string filters_description(const Corpus& corpus, const ViewState& state) {
    const Article& article = corpus.article;
    std::string out;
    for (const auto& [facet_id, values] : state.facets) {
        const int f = article.find_facet(facet_id);
        if (f < 0 || values.empty()) continue;
        const Facet& facet = article.facets[static_cast<std::size_t>(f)];
        if (!out.empty()) out += "; ";
        out += facet.label + ": ";
        bool first = true;
        for (const std::string& v : values) {
            const int vi = facet.find_value(v);
            if (!first) out += ", ";
            out += vi >= 0 ? facet.values[static_cast<std::size_t>(vi)].label : v;
            first = false;
        }
    }
    if (!state.query.empty()) {
        if (!out.empty()) out += "; ";
        out += "search: " + quoted_query(state.query);
    }
    return out;
}

std::string suggested_bookmark_name(const Corpus& corpus, const ViewState& state) {
    const std::string filters = filters_description(corpus, state);
    std::string name = std::string(view_label(state.view)) + (filters.empty() ? "" : ": " + filters);
    if (name.size() > 60) name = utf8_truncate(name, 57);  // + "…"
    return name;
}

namespace {

bool any_facet_chosen(const ViewState& state) {
    for (const auto& [facet, values] : state.facets)
        if (!values.empty()) return true;
    return false;
}

// "4 of 15 passages match", "1 of 15 passages matches".
std::string match_count(const Corpus& corpus, int shown) {
    const int total = static_cast<int>(corpus.article.passages.size());
    return std::to_string(shown) + " of " + plural(total, "passage", "passages") + (shown == 1 ? " matches" : " match");
}

}  // namespace

std::string result_summary(const Corpus& corpus, const ViewState& state, int shown) {
    const bool chosen = any_facet_chosen(state);
    if (state.query.empty() && !chosen)
        return "All " + plural(static_cast<int>(corpus.article.passages.size()), "passage", "passages");
    std::string line = match_count(corpus, shown);
    if (!state.query.empty()) line += " " + quoted_query(state.query);
    if (chosen) line += state.query.empty() ? " the filters" : " and the filters";
    return line;
}

std::string search_result_summary(const Corpus& corpus, const ViewState& state, int shown) {
    return quoted_query(state.query) + (any_facet_chosen(state) ? " and the filters: " : ": ") +
           match_count(corpus, shown);
}

std::string selection_description(const Corpus& corpus, const Selection& s) {
    const Article& a = corpus.article;
    switch (s.kind) {
    case Selection::Kind::None: return "";
    case Selection::Kind::Node: {
        const int n = a.find_node(s.id);
        if (n < 0) return "";
        const Node& node = a.nodes[static_cast<std::size_t>(n)];
        const int passages = static_cast<int>(corpus.node_passages[static_cast<std::size_t>(n)].size());
        return node.label + " (" + to_string(node.kind) + "), " +
               (passages ? "mentioned in " + plural(passages, "passage", "passages") : "not mentioned by name");
    }
    case Selection::Kind::Passage: {
        const int p = a.find_passage(s.id);
        return p < 0 ? "" : "passage " + std::to_string(p + 1);
    }
    case Selection::Kind::Event:
        for (const Event& e : a.events)
            if (e.id == s.id) return e.label + " (" + format_date_text(e.date) + ")";
        return "";
    case Selection::Kind::Relation:
        for (const Relation& r : a.relations) {
            if (r.id != s.id) continue;
            return a.nodes[static_cast<std::size_t>(r.source)].label + " \xE2\x80\x94 " +
                   a.relation_types[static_cast<std::size_t>(r.type)].label + " \xE2\x80\x94 " +
                   a.nodes[static_cast<std::size_t>(r.target)].label + ", evidence in " +
                   plural(static_cast<int>(r.evidence.size()), "passage", "passages");
        }
        return "";
    case Selection::Kind::Pair: {
        int x = -1, y = -1;
        if (!pair_nodes(a, s.id, x, y)) return "";
        int shared = 0;
        const auto& px = corpus.node_passages[static_cast<std::size_t>(x)];
        const auto& py = corpus.node_passages[static_cast<std::size_t>(y)];
        for (const int p : px)
            for (const int q : py) shared += p == q;
        return a.nodes[static_cast<std::size_t>(x)].label + " and " + a.nodes[static_cast<std::size_t>(y)].label +
               ", mentioned together in " + plural(shared, "passage", "passages");
    }
    }
    return "";
}

std::string passages_markdown_text(const Corpus& corpus, const ViewState& state, const std::vector<int>& shown) {
    const std::string filters = filters_description(corpus, state);
    const std::string description = filters.empty() ? "All passages." : "Passages shown for " + filters + ".";
    return passages_markdown(corpus, shown, description);
}

std::string entities_csv_text(const Corpus& corpus) {
    std::vector<int> nodes;
    for (std::size_t n = 0; n < corpus.article.nodes.size(); ++n)
        if (corpus.article.nodes[n].kind == NodeKind::Entity) nodes.push_back(static_cast<int>(n));
    return entities_csv(corpus, nodes);
}

std::string word_excerpt(std::string_view text, std::size_t max_bytes) {
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    if (text.size() <= max_bytes) return std::string(text);
    std::string cut = utf8_truncate(text, max_bytes);  // ends in its own ellipsis: not ours
    if (cut.size() >= kEllipsis.size()) cut.resize(cut.size() - kEllipsis.size());
    // Inside a word: back to the space before it (unless the one word is longer than all).
    const bool in_word = cut.size() < text.size() && text[cut.size()] != ' ' && text[cut.size()] != '\n';
    if (in_word) {
        const std::size_t space = cut.find_last_of(" \n");
        if (space != std::string::npos && space > 0) cut.resize(space);
    }
    // No trailing spaces, dangling punctuation or an ellipsis of the text's own.
    for (bool trimmed = true; trimmed && !cut.empty();) {
        trimmed = false;
        while (!cut.empty() && std::string_view(" \n,;:-(\"'").find(cut.back()) != std::string_view::npos) {
            cut.pop_back();
            trimmed = true;
        }
        if (cut.size() >= kEllipsis.size() && std::string_view(cut).substr(cut.size() - kEllipsis.size()) == kEllipsis) {
            cut.resize(cut.size() - kEllipsis.size());
            trimmed = true;
        }
        while (!cut.empty() && cut.back() == '.') {
            cut.pop_back();
            trimmed = true;
        }
        // An em or en dash at the end.
        for (std::string_view dash : {std::string_view("\xE2\x80\x94"), std::string_view("\xE2\x80\x93")}) {
            if (cut.size() >= dash.size() && std::string_view(cut).substr(cut.size() - dash.size()) == dash) {
                cut.resize(cut.size() - dash.size());
                trimmed = true;
            }
        }
    }
    return cut + std::string(kEllipsis);
}

std::string passage_opened_text(const Corpus& corpus, int p) {
    const Article& a = corpus.article;
    if (p < 0 || p >= static_cast<int>(a.passages.size())) return "";
    const Passage& passage = a.passages[static_cast<std::size_t>(p)];
    std::string out = "Passage " + std::to_string(p + 1);
    if (passage.section >= 0 && passage.section < static_cast<int>(a.sections.size()))
        out += ", in \xE2\x80\x9C" + a.sections[static_cast<std::size_t>(passage.section)].heading + "\xE2\x80\x9D";
    return out + ": " + word_excerpt(passage.text, 80);
}

namespace {

std::vector<std::pair<std::string, std::string>>& supplied_language_names() {
    static std::vector<std::pair<std::string, std::string>> names;
    return names;
}

std::string lower_primary(const std::string& tag) {
    std::string out;
    for (char ch : tag) {
        if (ch == '-' || ch == '_') break;
        out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    return out;
}

}  // namespace

void set_language_names(std::vector<std::pair<std::string, std::string>> names) {
    supplied_language_names() = std::move(names);
}

std::string language_name(const std::string& tag) {
    for (const auto& [t, name] : supplied_language_names())
        if (t == tag && !name.empty()) return name;
    static const std::pair<const char*, const char*> kNames[] = {
        {"ar", "Arabic"},    {"de", "German"},  {"el", "Greek"},    {"en", "English"},   {"es", "Spanish"},
        {"fa", "Persian"},   {"fr", "French"},  {"he", "Hebrew"},   {"hi", "Hindi"},     {"it", "Italian"},
        {"ja", "Japanese"},  {"ko", "Korean"},  {"nl", "Dutch"},    {"pl", "Polish"},    {"pt", "Portuguese"},
        {"ru", "Russian"},   {"sv", "Swedish"}, {"th", "Thai"},     {"tr", "Turkish"},   {"uk", "Ukrainian"},
        {"ur", "Urdu"},      {"vi", "Vietnamese"}, {"zh", "Chinese"},
    };
    const std::string primary = lower_primary(tag);
    for (const auto& [code, name] : kNames)
        if (primary == code) return name;
    return tag;
}

std::vector<std::string> translation_languages(const Article& article) {
    std::vector<std::string> out;
    for (const Node& n : article.nodes)
        for (const Alias& al : n.aliases)
            if (al.kind == AliasKind::Translation && !al.lang.empty() &&
                std::find(out.begin(), out.end(), al.lang) == out.end())
                out.push_back(al.lang);
    return out;
}

bool other_language(const std::string& tag, const std::string& base) {
    if (tag.empty() || base.empty()) return false;
    return lower_primary(tag) != lower_primary(base);
}

const char* map_hint(bool touch, bool selected) {
    if (selected)
        return touch ? "Tap the background to clear the selection"
                     : "Click the background to clear the selection \xC2\xB7 Esc";
    return touch ? "Tap a node or an edge \xC2\xB7 drag to pan \xC2\xB7 pinch to zoom"
                 : "Click a node or an edge \xC2\xB7 drag to pan or pin \xC2\xB7 wheel to zoom";
}

std::string timeline_hint(int events, bool touch) {
    return std::to_string(events) + (events == 1 ? " event" : " events") +
           (touch ? " \xC2\xB7 pinch to zoom, drag to pan, tap an event to read its passage"
                  : " \xC2\xB7 wheel to zoom, drag to pan, click an event to read its passage");
}

std::string matrix_hint(int passages, bool multi_valued, bool touch) {
    return "Passages of the current result (" + std::to_string(passages) + ") having both values. " +
           (touch ? "Tap" : "Click") + " a cell to read them." +
           (multi_valued ? " A passage with several values counts in each of its cells." : "");
}

const char* matrix_cell_hint(bool touch) {
    return touch ? "tap to read" : "click to read";
}

const char* open_passage_hint(bool touch, bool filtered) {
    if (filtered)
        return touch ? "Tap to clear the filters and read the passage"
                     : "Click to clear the filters and read the passage (Ctrl+Z restores them)";
    return touch ? "Tap to read the passage" : "Click to read the passage";
}

}  // namespace wwe
