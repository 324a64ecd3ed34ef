// Win-Win Explorer core: the view state, one serialisable value.
//
// Index
//   - View, Selection ... which view is shown, what is selected
//   - ViewState ......... everything the UI renders from (besides the corpus)
//   - to_json / from_json
//
// The UI renders from a ViewState and emits a new one on interaction; deep links, history,
// embedding and tours all carry this value. JSON shape:
//   {"view": "reader", "facets": {facet: [values]}, "query": "…",
//    "selection": {"kind": "concept"|"entity"|"passage"|"event", "id": "…"} | null,
//    "passage": id of the passage the reader is scrolled to, or null}
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus.hpp"
#include "facets.hpp"

namespace wwe {

enum class View { Reader };  // more views join in later releases
const char* to_string(View view);

struct Selection {
    enum class Kind { None, Node, Passage, Event } kind = Kind::None;
    std::string id;  // node, passage or event id
    bool operator==(const Selection&) const = default;
};

struct ViewState {
    View view = View::Reader;
    FacetSelection facets;  // nothing chosen: the whole article
    std::string query;      // search text, "" for none
    Selection selection;    // nothing selected
    std::string passage;    // reader position (passage id), "" for the top
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
