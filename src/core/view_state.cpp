#include "view_state.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "text.hpp"

namespace wwe {

using nlohmann::json;

namespace {
constexpr std::uint32_t kMaxSeed = 2147483647u;

const char* selection_kind_name(const Corpus& c, const Selection& s) {
    switch (s.kind) {
        case Selection::Kind::Node: {
            const int n = c.article.find_node(s.id);
            return n >= 0 ? to_string(c.article.nodes[static_cast<std::size_t>(n)].kind) : "concept";
        }
        case Selection::Kind::Passage: return "passage";
        case Selection::Kind::Event: return "event";
        case Selection::Kind::Relation: return "relation";
        case Selection::Kind::Pair: return "cooccurrence";
        case Selection::Kind::None: break;
    }
    return "";
}

struct Reader {
    const Article& a;
    std::vector<Diagnostic>& problems;

    void problem(const std::string& p, std::string expected, std::string found) {
        problems.push_back({Severity::Error, p, std::move(expected), std::move(found)});
    }
    static std::string found(const json& v) {
        return utf8_truncate(v.dump(-1, ' ', false, json::error_handler_t::replace), 80);
    }
    static bool finite_number(const json& v) { return v.is_number() && std::isfinite(v.get<double>()); }

    // An integer in [lo, hi] at `p`; false (reported) otherwise.
    bool integer(const json& v, const std::string& p, long long lo, long long hi, long long& out) {
        bool ok = false;
        if (v.is_number_unsigned()) {
            const unsigned long long u = v.get<unsigned long long>();
            ok = u <= static_cast<unsigned long long>(hi) && static_cast<long long>(u) >= lo;
        } else if (v.is_number_integer()) {
            const long long i = v.get<long long>();
            ok = i >= lo && i <= hi;
        }
        if (!ok) {
            problem(p, "an integer from " + std::to_string(lo) + " to " + std::to_string(hi), found(v));
            return false;
        }
        out = v.get<long long>();
        return true;
    }

    void pins(const json& v, std::map<std::string, MapPin>& out) {
        if (!v.is_object()) {
            problem("/map/pins", "an object from node id to [x, y]", found(v));
            return;
        }
        std::map<std::string, MapPin> pins;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string p = pointer_append("/map/pins", it.key());
            if (a.find_node(it.key()) < 0) {
                problem(p, "the id of a concept or entity", "\"" + utf8_truncate(it.key(), 60) + "\"");
                continue;
            }
            const json& xy = *it;
            if (!xy.is_array() || xy.size() != 2 || !finite_number(xy[0]) || !finite_number(xy[1]) ||
                std::abs(xy[0].get<double>()) > kMaxMapCoordinate || std::abs(xy[1].get<double>()) > kMaxMapCoordinate) {
                problem(p, "[x, y], two numbers of at most 1e6 (layout units)", found(xy));
                continue;
            }
            pins[it.key()] = {static_cast<float>(xy[0].get<double>()), static_cast<float>(xy[1].get<double>())};
        }
        out = std::move(pins);
    }

    void map(const json& v, MapState& map, int version) {
        if (!v.is_object()) {
            problem("/map", "an object {edges, min_weight, depth, color, seed, pins, x, y, zoom}", found(v));
            return;
        }
        bool old_viewport = false;
        for (auto m = v.begin(); m != v.end(); ++m) {
            const std::string& k = m.key();
            const std::string mp = pointer_append("/map", k);
            const json& val = *m;
            long long n = 0;
            if (k == "edges") {
                if (val == "relations") map.edges = MapEdges::Relations;
                else if (val == "cooccurrence") map.edges = MapEdges::Cooccurrence;
                else if (val == "both") map.edges = MapEdges::Both;
                else problem(mp, "\"relations\", \"cooccurrence\" or \"both\"", found(val));
            } else if (k == "min_weight") {
                if (integer(val, mp, 1, 99, n)) map.min_weight = static_cast<int>(n);
            } else if (k == "depth") {
                if (integer(val, mp, 1, 2, n)) map.depth = static_cast<int>(n);
            } else if (k == "seed") {
                if (integer(val, mp, 1, kMaxSeed, n)) map.seed = static_cast<std::uint32_t>(n);
            } else if (k == "color") {
                if (!val.is_string() || (!val.get_ref<const std::string&>().empty() && a.find_facet(val.get<std::string>()) < 0))
                    problem(mp, "a facet of this article, or \"\" for the node types", found(val));
                else map.color = val.get<std::string>();
            } else if (k == "pins") {
                pins(val, map.pins);
            } else if (k == "x" || k == "y" || k == "zoom") {
                if (version < 2) {
                    // Absolute layout units of a layout that ran in another tab: meaningless here.
                    const bool fitted = val.is_number() && val.get<double>() == 0;
                    if (!fitted) old_viewport = true;
                    continue;
                }
                if (k == "zoom") {
                    const double z = val.is_number() ? val.get<double>() : -1;
                    if (!(z == 0 || (z >= kMinMapZoom && z <= kMaxMapZoom)))
                        problem(mp, "0 (fit) or a zoom from 0.05 to 40 (times the fitted view)", found(val));
                    else map.zoom = static_cast<float>(z);
                } else if (!finite_number(val) || std::abs(val.get<double>()) > kMaxMapCoordinate) {
                    problem(mp, "a number of at most 1e6 (layout units)", found(val));
                } else {
                    (k == "x" ? map.x : map.y) = static_cast<float>(val.get<double>());
                }
            } else {
                problem(mp, "one of edges, min_weight, depth, color, seed, pins, x, y, zoom",
                        "unknown member '" + utf8_truncate(k, 40) + "'");
            }
        }
        if (old_viewport) {
            problem("/map/zoom", "a map position saved by this version",
                    "one from an older version (not kept: the map fits itself)");
            map.x = map.y = map.zoom = 0;
        }
    }

    void matrix(const json& v, MatrixState& matrix) {
        if (!v.is_object()) {
            problem("/matrix", "an object {rows, columns}", found(v));
            return;
        }
        for (auto m = v.begin(); m != v.end(); ++m) {
            const std::string mp = pointer_append("/matrix", m.key());
            if (m.key() != "rows" && m.key() != "columns") {
                problem(mp, "rows or columns", "unknown member '" + utf8_truncate(m.key(), 40) + "'");
            } else if (!m->is_string() || (!m->get_ref<const std::string&>().empty() && a.find_facet(m->get<std::string>()) < 0)) {
                problem(mp, "a facet of this article (or \"\")", found(*m));
            } else {
                (m.key() == "rows" ? matrix.rows : matrix.columns) = m->get<std::string>();
            }
        }
    }

    void timeline(const json& v, TimelineState& t) {
        if (v.is_null()) {
            t = {};
            return;
        }
        const char* expected = "null (fit) or {begin, end}: years from -10000 to 10000, begin before end";
        if (!v.is_object() || v.size() != 2 || !v.contains("begin") || !v.contains("end") ||
            !finite_number(v["begin"]) || !finite_number(v["end"])) {
            problem("/timeline", expected, found(v));
            return;
        }
        const double b = v["begin"].get<double>(), e = v["end"].get<double>();
        if (b == 0 && e == 0) {
            t = {};
            return;
        }
        if (b < kMinTimelineYear || e > kMaxTimelineYear || e - b < kMinTimelineSpan) {
            problem("/timeline", expected, found(v));
            return;
        }
        t = {b, e};
    }

    void facets(const json& v, FacetSelection& out) {
        if (v.is_null()) {
            out.clear();
            return;
        }
        if (!v.is_object()) {
            problem("/facets", "an object from facet id to value ids", found(v));
            return;
        }
        FacetSelection chosen;
        bool any_valid = false;
        for (auto f = v.begin(); f != v.end(); ++f) {
            const int fi = a.find_facet(f.key());
            const std::string fp = pointer_append("/facets", f.key());
            if (fi < 0) {
                std::vector<std::string> ids;
                for (const Facet& facet : a.facets) ids.push_back(facet.id);
                problem(fp, "a facet of this article (" + id_choices(ids, f.key()) + ")",
                        "\"" + utf8_truncate(f.key(), 60) + "\"");
                continue;
            }
            const json values = f->is_array() ? *f : json::array({*f});
            std::set<std::string> known;
            for (std::size_t k = 0; k < values.size(); ++k) {
                const json& val = values[k];
                if (!val.is_string() || a.facets[static_cast<std::size_t>(fi)].find_value(val.get<std::string>()) < 0) {
                    std::vector<std::string> ids;
                    for (const FacetValue& fv : a.facets[static_cast<std::size_t>(fi)].values) ids.push_back(fv.id);
                    problem(pointer_append(fp, k),
                            "a value of facet '" + f.key() + "' (" + id_choices(ids, val.is_string() ? val.get<std::string>() : "") + ")",
                            found(val));
                    continue;
                }
                known.insert(val.get<std::string>());
            }
            if (known.empty() && !values.empty()) {  // nothing usable here: the facet stays as it was
                if (const auto kept = out.find(f.key()); kept != out.end()) chosen[f.key()] = kept->second;
                continue;
            }
            any_valid = true;
            if (!known.empty()) chosen[f.key()] = std::move(known);
        }
        if (!any_valid && !v.empty()) return;  // every part was refused: the selection stays
        out = std::move(chosen);
    }

    void selection(const json& v, Selection& out) {
        if (v.is_null()) {
            out = {};
            return;
        }
        if (!v.is_object() || !v.contains("kind") || !v.contains("id") || !v["id"].is_string()) {
            problem("/selection", "null or {\"kind\", \"id\"}", found(v));
            return;
        }
        const std::string id = v["id"].get<std::string>();
        const json& kind = v["kind"];
        Selection sel;
        if (kind == "concept" || kind == "entity") {
            const int n = a.find_node(id);
            if (n < 0 || to_string(a.nodes[static_cast<std::size_t>(n)].kind) != kind.get<std::string>()) {
                std::vector<std::string> ids;  // the nodes of that kind, the nearest named
                for (const Node& node : a.nodes)
                    if (to_string(node.kind) == kind.get<std::string>()) ids.push_back(node.id);
                problem("/selection/id",
                        std::string(kind == "entity" ? "the id of an " : "the id of a ") + kind.get<std::string>() + " (" +
                            id_choices(ids, id) + ")",
                        found(v["id"]));
                return;
            }
            sel = {Selection::Kind::Node, id};
        } else if (kind == "passage") {
            if (a.find_passage(id) < 0) {
                std::vector<std::string> ids;
                for (const Passage& p : a.passages) ids.push_back(p.id);
                problem("/selection/id", "the id of a passage (" + id_choices(ids, id) + ")", found(v["id"]));
                return;
            }
            sel = {Selection::Kind::Passage, id};
        } else if (kind == "event") {
            bool known = false;
            for (const Event& e : a.events) known = known || e.id == id;
            if (!known) {
                std::vector<std::string> ids;
                for (const Event& e : a.events) ids.push_back(e.id);
                problem("/selection/id", "the id of an event (" + id_choices(ids, id) + ")", found(v["id"]));
                return;
            }
            sel = {Selection::Kind::Event, id};
        } else if (kind == "relation") {
            bool known = false;
            for (const Relation& r : a.relations) known = known || r.id == id;
            if (!known) {
                std::vector<std::string> ids;
                for (const Relation& r : a.relations) ids.push_back(r.id);
                problem("/selection/id", "the id of a relation (" + id_choices(ids, id) + ")", found(v["id"]));
                return;
            }
            sel = {Selection::Kind::Relation, id};
        } else if (kind == "cooccurrence") {
            int x = -1, y = -1;
            if (!pair_nodes(a, id, x, y)) {
                problem("/selection/id", "two node ids \"<a>,<b>\"", found(v["id"]));
                return;
            }
            sel = {Selection::Kind::Pair, pair_id(a, x, y)};
        } else {
            problem("/selection/kind",
                    "\"concept\", \"entity\", \"passage\", \"event\", \"relation\" or \"cooccurrence\"", found(kind));
            return;
        }
        out = std::move(sel);
    }
};

}  // namespace

const char* to_string(View view) {
    switch (view) {
        case View::Reader: return "reader";
        case View::Map: return "map";
        case View::Matrix: return "matrix";
        case View::Timeline: return "timeline";
        case View::Entities: return "entities";
        case View::Glossary: return "glossary";
        case View::Contrasts: return "contrasts";
        case View::Contexts: return "contexts";
        case View::Terms: return "terms";
    }
    return "reader";
}

bool view_from_string(const std::string& name, View& view) {
    for (int v = 0; v < kViewCount; ++v)
        if (name == to_string(static_cast<View>(v))) {
            view = static_cast<View>(v);
            return true;
        }
    return false;
}

const char* to_string(MapEdges edges) {
    switch (edges) {
        case MapEdges::Relations: return "relations";
        case MapEdges::Cooccurrence: return "cooccurrence";
        case MapEdges::Both: return "both";
    }
    return "relations";
}

MapPin rounded_pin(float x, float y) { return {std::round(x * 100.0f) / 100.0f, std::round(y * 100.0f) / 100.0f}; }

std::string pair_id(const Article& article, int a, int b) {
    if (a > b) std::swap(a, b);
    return article.nodes[static_cast<std::size_t>(a)].id + "," + article.nodes[static_cast<std::size_t>(b)].id;
}

bool pair_nodes(const Article& article, const std::string& id, int& a, int& b) {
    const std::size_t comma = id.find(',');
    if (comma == std::string::npos) return false;
    a = article.find_node(id.substr(0, comma));
    b = article.find_node(id.substr(comma + 1));
    if (a < 0 || b < 0 || a == b) return false;
    if (a > b) std::swap(a, b);
    return true;
}

json to_json(const ViewState& s, const Corpus& corpus) {
    json facets = json::object();
    for (const auto& [facet, values] : s.facets)
        if (!values.empty()) facets[facet] = json(std::vector<std::string>(values.begin(), values.end()));
    json selection = nullptr;
    if (s.selection.kind != Selection::Kind::None)
        selection = {{"kind", selection_kind_name(corpus, s.selection)}, {"id", s.selection.id}};
    json pins = json::object();
    for (const auto& [node, pin] : s.map.pins) pins[node] = {pin.x, pin.y};
    json timeline = nullptr;
    if (!s.timeline.fitted()) timeline = {{"begin", s.timeline.begin}, {"end", s.timeline.end}};
    return {{"version", kViewStateVersion},
            {"article", corpus.article.id},
            {"view", to_string(s.view)},
            {"facets", std::move(facets)},
            {"query", s.query},
            {"selection", std::move(selection)},
            {"passage", s.passage.empty() ? json(nullptr) : json(s.passage)},
            {"map",
             {{"edges", to_string(s.map.edges)},
              {"min_weight", s.map.min_weight},
              {"depth", s.map.depth},
              {"color", s.map.color},
              {"seed", s.map.seed},
              {"pins", std::move(pins)},
              {"x", s.map.x},
              {"y", s.map.y},
              {"zoom", s.map.zoom}}},
            {"matrix", {{"rows", s.matrix.rows}, {"columns", s.matrix.columns}}},
            {"timeline", std::move(timeline)}};
}

std::string clean_query(std::string_view text, bool* cut, bool* replaced) {
    std::size_t keep = std::min(text.size(), kMaxQueryBytes);  // at a character boundary, no "…"
    while (keep < text.size() && keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
    std::string out(text.substr(0, keep));
    if (cut) *cut = out.size() < text.size();
    bool any = false;
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            c = ' ';
            any = true;
        }
    if (replaced) *replaced = any;
    return out;
}

ViewState view_state_from_json(const json& j, const Corpus& corpus, const ViewState& base,
                               std::vector<Diagnostic>& problems) {
    ViewState s = base;
    Reader r{corpus.article, problems};
    if (!j.is_object()) {
        r.problem("", "an object", Reader::found(j));
        return s;
    }
    int version = kViewStateVersion;
    if (const auto it = j.find("version"); it != j.end()) {
        long long v = 0;
        const bool past = (it->is_number_unsigned() || it->is_number_integer() || it->is_number_float()) &&
                          std::isfinite(it->get<double>()) && it->get<double>() == std::floor(it->get<double>()) &&
                          it->get<double>() > kViewStateVersion;
        if (past) r.problem("/version", "a version from 1 to " + std::to_string(kViewStateVersion), "unsupported version " + Reader::found(*it));
        else if (r.integer(*it, "/version", 1, kViewStateVersion, v)) version = static_cast<int>(v);
    }
    // A state made for another article applies none of its facets or ids here.
    if (const auto it = j.find("article"); it != j.end()) {
        if (!it->is_string() || it->get_ref<const std::string&>() != corpus.article.id) {
            r.problem("/article", "the id of the article open (\"" + corpus.article.id + "\"); nothing of this state was applied",
                      Reader::found(*it));
            return s;
        }
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const json& v = *it;
        if (key == "version" || key == "article") {
            continue;
        } else if (key == "view") {
            View view;
            if (v.is_string() && view_from_string(v.get<std::string>(), view)) s.view = view;
            else r.problem("/view", "a view (reader, map, matrix, timeline, entities, glossary, contrasts)", Reader::found(v));
        } else if (key == "map") {
            r.map(v, s.map, version);
        } else if (key == "matrix") {
            r.matrix(v, s.matrix);
        } else if (key == "timeline") {
            r.timeline(v, s.timeline);
        } else if (key == "facets") {
            r.facets(v, s.facets);
        } else if (key == "query") {
            if (v.is_null()) s.query.clear();
            else if (!v.is_string()) r.problem("/query", "a string", Reader::found(v));
            else {
                const std::string& text = v.get_ref<const std::string&>();
                bool cut = false, replaced = false;
                s.query = clean_query(text, &cut, &replaced);
                if (cut)
                    r.problem("/query", "at most " + std::to_string(kMaxQueryBytes) + " bytes (the first " +
                                            std::to_string(s.query.size()) + " are used)",
                              std::to_string(text.size()) + " bytes");
                if (replaced) r.problem("/query", "text without control characters (they became spaces)", Reader::found(v));
            }
        } else if (key == "selection") {
            r.selection(v, s.selection);
        } else if (key == "passage") {
            if (v.is_null()) s.passage.clear();
            else if (!v.is_string() || corpus.article.find_passage(v.get<std::string>()) < 0)
                r.problem("/passage", "null or the id of a passage", Reader::found(v));
            else s.passage = v.get<std::string>();
        } else {
            r.problem(pointer_append("", key), "one of version, article, view, facets, query, selection, passage, map, matrix, timeline",
                      "unknown member '" + utf8_truncate(key, 60) + "'");
        }
    }
    return s;
}

}  // namespace wwe
