// Win-Win Explorer core: the view state, one serialisable value.
//
// Index
//   - View, Selection ... which view is shown, what is selected
//   - MapState .......... concept map options and viewport
//   - MatrixState ....... which facets the matrix crosses
//   - ViewState ......... everything the UI renders from (besides the corpus)
//   - to_json / from_json
//
// The UI renders from a ViewState and emits a new one on interaction; deep links, history,
// embedding and tours all carry this value. JSON shape (every member optional on input):
//   {"view": "reader"|"map"|"matrix"|"timeline"|"entities"|"glossary"|"contrasts",
//    "facets": {facet: [values]}, "query": "…",
//    "selection": {"kind": "concept"|"entity"|"passage"|"event", "id": "…"} | null,
//    "passage": id of the passage the reader is scrolled to, or null,
//    "map": {"edges": "relations"|"cooccurrence"|"both", "min_weight": 1..99,
//            "depth": 1|2, "x": number, "y": number, "zoom": number},
//    "matrix": {"rows": facet id | "", "columns": facet id | ""}}
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus.hpp"
#include "facets.hpp"

namespace wwe {

enum class View { Reader, Map, Matrix, Timeline, Entities, Glossary, Contrasts };
inline constexpr int kViewCount = 7;
const char* to_string(View view);
// The view named `name`; false when there is none.
bool view_from_string(const std::string& name, View& view);

struct Selection {
    enum class Kind { None, Node, Passage, Event } kind = Kind::None;
    std::string id;  // node, passage or event id
    bool operator==(const Selection&) const = default;
};

enum class MapEdges { Relations, Cooccurrence, Both };
const char* to_string(MapEdges edges);

struct MapState {
    MapEdges edges = MapEdges::Relations;  // curated relations, co-occurrences, or both
    int min_weight = 2;  // co-occurrence edges need at least this many shared passages (1..99)
    int depth = 1;       // hops around the selected node kept bright (1 or 2)
    float x = 0, y = 0;  // viewport centre, layout units
    float zoom = 0;      // screen px per layout unit (0.02..50); 0 = fit the map to the view
    bool operator==(const MapState&) const = default;
};

struct MatrixState {
    std::string rows;     // facet id; "" = the first facet of the article
    std::string columns;  // facet id; "" = the second facet (or the first)
    bool operator==(const MatrixState&) const = default;
};

struct ViewState {
    View view = View::Reader;
    FacetSelection facets;  // nothing chosen: the whole article
    std::string query;      // search text, "" for none
    Selection selection;    // nothing selected
    std::string passage;    // reader position (passage id), "" for the top
    MapState map;
    MatrixState matrix;
    bool operator==(const ViewState&) const = default;
};

nlohmann::json to_json(const ViewState& state, const Corpus& corpus);

// Reads a state; every unknown or invalid part (unknown view, facet, value, node, passage,
// wrong type, over-long string) is reported in `problems` with its JSON pointer and left
// at its default, so a stale deep link still opens. Members absent from `j` keep the value
// they have in `base` (a partial update, as setState() does).
ViewState view_state_from_json(const nlohmann::json& j, const Corpus& corpus,
                               const ViewState& base, std::vector<Diagnostic>& problems);

}  // namespace wwe
