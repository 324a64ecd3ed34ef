#include "view_state.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace wwe {

using nlohmann::json;

namespace {
constexpr std::size_t kMaxQueryBytes = 1000;

const char* selection_kind_name(const Corpus& c, const Selection& s) {
    switch (s.kind) {
        case Selection::Kind::Node: {
            int n = c.article.find_node(s.id);
            return n >= 0 ? to_string(c.article.nodes[n].kind) : "concept";
        }
        case Selection::Kind::Passage: return "passage";
        case Selection::Kind::Event: return "event";
        case Selection::Kind::None: break;
    }
    return "";
}
// Reads the "map" member into `map`, member by member.
template <class Problem, class Found>
void read_map(const json& v, MapState& map, Problem&& problem, Found&& found) {
    if (!v.is_object()) {
        problem("/map", "an object {edges, min_weight, depth, x, y, zoom}", found(v));
        return;
    }
    for (auto m = v.begin(); m != v.end(); ++m) {
        const std::string& k = m.key();
        const std::string mp = "/map/" + k;
        const json& val = *m;
        if (k == "edges") {
            if (val == "relations") map.edges = MapEdges::Relations;
            else if (val == "cooccurrence") map.edges = MapEdges::Cooccurrence;
            else if (val == "both") map.edges = MapEdges::Both;
            else problem(mp, "\"relations\", \"cooccurrence\" or \"both\"", found(val));
        } else if (k == "min_weight" || k == "depth") {
            const int lo = 1, hi = k == "depth" ? 2 : 99;
            if (!val.is_number_integer() || val.get<long long>() < lo || val.get<long long>() > hi)
                problem(mp, "an integer from " + std::to_string(lo) + " to " + std::to_string(hi), found(val));
            else (k == "depth" ? map.depth : map.min_weight) = static_cast<int>(val.get<long long>());
        } else if (k == "x" || k == "y") {
            if (!val.is_number() || !std::isfinite(val.get<double>()) || std::abs(val.get<double>()) > 1e7)
                problem(mp, "a finite number (layout units)", found(val));
            else (k == "x" ? map.x : map.y) = static_cast<float>(val.get<double>());
        } else if (k == "zoom") {
            double z = val.is_number() ? val.get<double>() : -1;
            if (!(z == 0 || (z >= 0.02 && z <= 50)))
                problem(mp, "0 (fit) or a zoom from 0.02 to 50", found(val));
            else map.zoom = static_cast<float>(z);
        } else {
            problem(mp, "one of edges, min_weight, depth, x, y, zoom", "unknown member '" + utf8_truncate(k, 40) + "'");
        }
    }
}

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

json to_json(const ViewState& s, const Corpus& corpus) {
    json facets = json::object();
    for (const auto& [facet, values] : s.facets)
        if (!values.empty()) facets[facet] = json(std::vector<std::string>(values.begin(), values.end()));
    json selection = nullptr;
    if (s.selection.kind != Selection::Kind::None)
        selection = {{"kind", selection_kind_name(corpus, s.selection)}, {"id", s.selection.id}};
    return {{"view", to_string(s.view)},
            {"facets", std::move(facets)},
            {"query", s.query},
            {"selection", std::move(selection)},
            {"passage", s.passage.empty() ? json(nullptr) : json(s.passage)},
            {"map", {{"edges", to_string(s.map.edges)}, {"min_weight", s.map.min_weight}, {"depth", s.map.depth},
                     {"x", s.map.x}, {"y", s.map.y}, {"zoom", s.map.zoom}}},
            {"matrix", {{"rows", s.matrix.rows}, {"columns", s.matrix.columns}}}};
}

ViewState view_state_from_json(const json& j, const Corpus& corpus, const ViewState& base,
                               std::vector<Diagnostic>& problems) {
    const Article& a = corpus.article;
    ViewState s = base;
    auto problem = [&](const std::string& p, std::string expected, std::string found) {
        problems.push_back({Severity::Error, p, std::move(expected), std::move(found)});
    };
    auto found = [](const json& v) { return utf8_truncate(v.dump(-1, ' ', false, json::error_handler_t::replace), 80); };
    if (!j.is_object()) {
        problem("", "an object", found(j));
        return s;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const json& v = *it;
        if (key == "view") {
            View view;
            if (v.is_string() && view_from_string(v.get<std::string>(), view)) s.view = view;
            else problem("/view", "a view (reader, map, matrix, timeline, entities, glossary, contrasts)", found(v));
        } else if (key == "map") {
            read_map(v, s.map, problem, found);
        } else if (key == "matrix") {
            if (!v.is_object()) {
                problem("/matrix", "an object {rows, columns}", found(v));
                continue;
            }
            for (auto m = v.begin(); m != v.end(); ++m) {
                const std::string mp = "/matrix/" + m.key();
                if (m.key() != "rows" && m.key() != "columns") {
                    problem(mp, "rows or columns", "unknown member '" + utf8_truncate(m.key(), 40) + "'");
                } else if (!m->is_string() || (!m->get<std::string>().empty() && a.find_facet(m->get<std::string>()) < 0)) {
                    problem(mp, "a facet of this article (or \"\")", found(*m));
                } else {
                    (m.key() == "rows" ? s.matrix.rows : s.matrix.columns) = m->get<std::string>();
                }
            }
        } else if (key == "facets") {
            if (v.is_null()) {
                s.facets.clear();
                continue;
            }
            if (!v.is_object()) {
                problem("/facets", "an object from facet id to value ids", found(v));
                continue;
            }
            FacetSelection chosen;
            for (auto f = v.begin(); f != v.end(); ++f) {
                int fi = a.find_facet(f.key());
                const std::string fp = "/facets/" + f.key();
                if (fi < 0) {
                    problem(fp, "a facet of this article", "\"" + utf8_truncate(f.key(), 60) + "\"");
                    continue;
                }
                json values = f->is_array() ? *f : json::array({*f});
                for (std::size_t k = 0; k < values.size(); ++k) {
                    const json& val = values[k];
                    if (!val.is_string() || a.facets[fi].find_value(val.get<std::string>()) < 0) {
                        problem(fp + "/" + std::to_string(k), "a value of facet '" + f.key() + "'", found(val));
                        continue;
                    }
                    chosen[f.key()].insert(val.get<std::string>());
                }
            }
            s.facets = std::move(chosen);
        } else if (key == "query") {
            if (v.is_null()) s.query.clear();
            else if (!v.is_string()) problem("/query", "a string", found(v));
            else if (v.get_ref<const std::string&>().size() > kMaxQueryBytes)
                problem("/query", "at most 1000 bytes", std::to_string(v.get_ref<const std::string&>().size()) + " bytes");
            else s.query = v.get<std::string>();
        } else if (key == "selection") {
            if (v.is_null()) {
                s.selection = {};
                continue;
            }
            if (!v.is_object() || !v.contains("kind") || !v.contains("id") || !v["id"].is_string()) {
                problem("/selection", "null or {\"kind\", \"id\"}", found(v));
                continue;
            }
            const std::string id = v["id"].get<std::string>();
            const json& kind = v["kind"];
            Selection sel;
            if (kind == "concept" || kind == "entity") {
                int n = a.find_node(id);
                if (n < 0 || to_string(a.nodes[n].kind) != kind.get<std::string>()) {
                    problem("/selection/id", "the id of a " + kind.get<std::string>(), found(v["id"]));
                    continue;
                }
                sel = {Selection::Kind::Node, id};
            } else if (kind == "passage") {
                if (a.find_passage(id) < 0) {
                    problem("/selection/id", "the id of a passage", found(v["id"]));
                    continue;
                }
                sel = {Selection::Kind::Passage, id};
            } else if (kind == "event") {
                bool known = false;
                for (const Event& e : a.events) known = known || e.id == id;
                if (!known) {
                    problem("/selection/id", "the id of an event", found(v["id"]));
                    continue;
                }
                sel = {Selection::Kind::Event, id};
            } else {
                problem("/selection/kind", "\"concept\", \"entity\", \"passage\" or \"event\"", found(kind));
                continue;
            }
            s.selection = std::move(sel);
        } else if (key == "passage") {
            if (v.is_null()) s.passage.clear();
            else if (!v.is_string() || a.find_passage(v.get<std::string>()) < 0)
                problem("/passage", "null or the id of a passage", found(v));
            else s.passage = v.get<std::string>();
        } else {
            problem("/" + key, "one of view, facets, query, selection, passage, map, matrix",
                    "unknown member '" + utf8_truncate(key, 60) + "'");
        }
    }
    return s;
}

}  // namespace wwe
