// Win-Win Explorer core: the view state, one serialisable, versioned value.
//
// Index
//   - View, Selection ... which view is shown, what is selected (a node, a passage, an
//                         event, or an edge of the map)
//   - MapState .......... concept map: edges, colours, layout seed, pinned nodes, viewport
//   - MatrixState ....... which facets the matrix crosses
//   - TimelineState ..... the visible stretch of the time axis
//   - ViewState ......... everything a link shows (besides the corpus)
//   - to_json / view_state_from_json
//
// The UI renders from a ViewState; deep links, history, embedding, tours and the page API
// all carry this value, so a link or an export reproduces the screen. JSON shape (every
// member optional on input; output always has all of them):
//   {"version": 2,
//    "view": "reader"|"map"|"matrix"|"timeline"|"entities"|"glossary"|"contrasts"|"contexts"|"terms",
//    "facets": {facet: [values]}, "query": "…",
//    "selection": {"kind": "concept"|"entity"|"passage"|"event"|"relation"|"cooccurrence",
//                  "id": "…"} | null,       (cooccurrence: "<node id>,<node id>")
//    "passage": id of the passage the reader is scrolled to, or null,
//    "map": {"edges": "relations"|"cooccurrence"|"both", "min_weight": 1..99,
//            "depth": 1|2, "color": facet id | "", "seed": 1..2147483647,
//            "pins": {node id: [x, y]}, "x": number, "y": number, "zoom": number},
//    "matrix": {"rows": facet id | "", "columns": facet id | ""},
//    "timeline": {"begin": year, "end": year}}
//
// Versions: 2 is current. A state without "version" is read as the current version (a
// script's partial update); version 1 (before 2026-12) had the map viewport in absolute
// layout units, which depended on how the layout had run in that tab: it is dropped and
// reported, the map then fits itself.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus.hpp"
#include "facets.hpp"

namespace wwe {

inline constexpr int kViewStateVersion = 2;

enum class View { Reader, Map, Matrix, Timeline, Entities, Glossary, Contrasts, Contexts, Terms };
inline constexpr int kViewCount = 9;
const char* to_string(View view);
// The view named `name`; false when there is none.
bool view_from_string(const std::string& name, View& view);

struct Selection {
    enum class Kind {
        None,
        Node,      // a concept or an entity (id: node id)
        Passage,   // id: passage id
        Event,     // id: event id
        Relation,  // an edge of the map: a curated relation (id: relation id)
        Pair,      // an edge of the map: two nodes sharing passages (id: "<a>,<b>", node
                   // ids, the one first in the article first)
    } kind = Kind::None;
    std::string id;
    bool operator==(const Selection&) const = default;
    bool empty() const { return kind == Kind::None; }
    bool is_edge() const { return kind == Kind::Relation || kind == Kind::Pair; }
};

// The id of a Pair selection for nodes `a` and `b` (indices; either order).
std::string pair_id(const Article& article, int a, int b);
// The nodes (indices, ascending) of a Pair id; false when it names no two distinct nodes.
bool pair_nodes(const Article& article, const std::string& id, int& a, int& b);

enum class MapEdges { Relations, Cooccurrence, Both };
const char* to_string(MapEdges edges);

struct MapPin {
    float x = 0, y = 0;  // layout units
    bool operator==(const MapPin&) const = default;
};
// A pin at (x, y) as the state keeps it: rounded to 0.01 layout units (short links, and the
// state holds exactly what the screen shows).
MapPin rounded_pin(float x, float y);

inline constexpr float kMinMapZoom = 0.05f, kMaxMapZoom = 40.0f;  // relative to the fit
inline constexpr float kMaxMapCoordinate = 1e6f;                   // |x|, |y|, layout units

struct MapState {
    MapEdges edges = MapEdges::Relations;  // curated relations, co-occurrences, or both
    int min_weight = 2;  // co-occurrence edges need at least this many shared passages (1..99)
    int depth = 1;       // hops around the selected node kept bright (1 or 2)
    std::string color;   // facet whose values colour the nodes; "" = the node types
    std::uint32_t seed = 1;  // the layout's starting places (1..2^31-1); "Re-layout" takes the next
    std::map<std::string, MapPin> pins;  // node id -> where it was pinned
    // Viewport, relative to the fitted view of the layout without pins (map_layout.hpp),
    // so that it means the same whatever the window size and however the layout ran:
    float x = 0, y = 0;  // centre, offset from the fitted centre (layout units)
    float zoom = 0;      // magnification over the fitted view (kMinMapZoom..kMaxMapZoom);
                         // 0 = fit by itself (the selection's neighbourhood, else all)
    bool operator==(const MapState&) const = default;
};

struct MatrixState {
    std::string rows;     // facet id; "" = the first facet of the article
    std::string columns;  // facet id; "" = the second facet (or the first)
    bool operator==(const MatrixState&) const = default;
};

inline constexpr double kMinTimelineYear = -10000, kMaxTimelineYear = 10000;
inline constexpr double kMinTimelineSpan = 0.05;  // years (about 18 days)

struct TimelineState {
    double begin = 0, end = 0;  // the visible years (2016.5 = mid-2016); equal = fit all events
    bool fitted() const { return !(end > begin); }
    bool operator==(const TimelineState&) const = default;
};

struct ViewState {
    View view = View::Reader;
    FacetSelection facets;  // nothing chosen: the whole article
    std::string query;      // search text, "" for none
    Selection selection;    // nothing selected
    std::string passage;    // reader position (passage id), "" for the top
    MapState map;
    MatrixState matrix;
    TimelineState timeline;
    bool operator==(const ViewState&) const = default;
};

nlohmann::json to_json(const ViewState& state, const Corpus& corpus);

// The search text's limits and normal form, wherever it comes from (typed, a link,
// setState, a host message, a query request): at most kMaxQueryBytes bytes of UTF-8 (longer
// text is cut at a character boundary), and no control characters (U+0000-U+001F, U+007F:
// a pasted tab or newline, a NUL), which become spaces, so the box and the state always
// hold the same text. Returns the text; `changed` (if given) says whether anything was cut
// or replaced, for the caller's notice.
inline constexpr std::size_t kMaxQueryBytes = 1000;
std::string clean_query(std::string_view text, bool* cut = nullptr, bool* replaced = nullptr);

// Reads a state; every unknown or invalid part (unknown view, facet, value, node, passage,
// wrong type, over-long string, a part an older version had that cannot be carried over)
// is reported in `problems` with its JSON pointer and left as in `base`, so a stale deep
// link still opens. Members absent from `j` keep the value they have in `base` (a partial
// update, as setState() does).
//   "facets" replaces the filter selection with its valid parts: an unknown facet is
//   ignored, a facet with some unknown values takes its known ones, a facet with only
//   unknown values keeps its values from `base`; a member with no valid part at all leaves
//   the selection as in `base` (one bad id never wipes the reader's filters).
//   "query": clean_query() of the text; a cut or a replaced control character is reported
//   (the text as kept still applies).
ViewState view_state_from_json(const nlohmann::json& j, const Corpus& corpus,
                               const ViewState& base, std::vector<Diagnostic>& problems);

}  // namespace wwe
