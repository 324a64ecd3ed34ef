// Win-Win Explorer core: the concept map's label placement — which nodes are labelled,
// where each label goes and how much of it shows — a pure function of the drawing, so the
// screen, `explorer.mapNodes()`, the SVG and PNG exports and native tests share one answer.
//
// Index
//   - LabelRect ........ a box in screen px (x0, y0 top left; x1, y1 bottom right)
//   - LabelNode ........ one node as drawn: centre, radius, label text, importance
//   - LabelParams ...... the canvas, the boxes kept free (legend, hint line), the line height
//   - PlacedLabel ...... where a node's label went (or that it has none) and its text
//   - label_must ....... which nodes are always labelled (the hubs, the selection)
//   - place_labels ..... the placement
//   - shorten_label .... a label's start that fits a width, with an ellipsis
//   - label_chars, label_start ... counting and cutting whole UTF-8 characters
//
// Priority: the selection, the hovered node, the ends of a selected edge, the selection's
// neighbourhood, bright (not faded) nodes; among equals mentions, then links (degree). The
// `always` most important visible nodes and the `always_by_mentions` most mentioned bright
// ones (with those mentioned as often as the last of them: a tie is not cut by links) are
// *must* labels: they are placed first, in priority order, and are never dropped —
// where the full label does not fit beside the node (a crowded phone map, the canvas's
// edge) it may cover lesser nodes, is moved further out, or is shortened with an ellipsis,
// and as a last resort stands inside the canvas even over another label. Every other label
// shows whole, only where it covers no label, no reserved box and no bright node (a bright
// label may cover faded nodes), so labels are dropped only from the least important nodes.
// Units: screen px (ImGui units = CSS px). Text is measured by the caller's font.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wwe {

struct LabelRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const LabelRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const LabelRect& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
    bool empty() const { return !(x1 > x0 && y1 > y0); }
};

struct LabelNode {
    float x = 0, y = 0, r = 0;  // centre and radius, px
    std::string text;           // the label as drawn (visual order: core/script.hpp visual_line)
    int mentions = 0;           // how often the article mentions it
    int degree = 0;             // its links on the map
    bool visible = true;        // inside the canvas; an invisible node gets no label
    bool faded = false;         // dimmed: filtered out, or outside the selection's neighbourhood
    bool in_focus = false;      // in the selection's bright neighbourhood
    bool source = false;        // selected itself, or an end of the selected edge
    bool hovered = false;
    bool selected = false;
};

struct LabelParams {
    LabelRect canvas;                 // labels stay inside it
    std::vector<LabelRect> reserved;  // no label covers these (the legend, the hint line)
    float height = 16;                // a label's box height, px
    float pad = 2;                    // px kept around a label's text on either side
    int always = 12;                  // the most important visible nodes always labelled
    int always_by_mentions = 10;      // and the most mentioned bright ones (and their ties,
                                      // at most twice as many, when mentioned twice or more)
    std::size_t min_chars = 6;        // a shortened label keeps at least this many characters
};

struct PlacedLabel {
    bool shown = false;
    bool must = false;      // an always-labelled node (see above)
    bool shortened = false; // `text` is the label's start and an ellipsis
    float x = 0, y = 0;     // the text's top left, px
    float width = 0;        // the text's width, px
    float height = 0;       // its box's height, px (LabelParams::height)
    float pad = 0;          // px on either side of the text (LabelParams::pad)
    std::string text;       // what is drawn: the label, or its start and "…"
    // The box it takes: x - pad .. x + width + pad, y .. y + height.
    LabelRect box() const { return {x - pad, y, x + width + pad, y + height}; }
};

// The width of a text drawn in the labels' font, px.
using MeasureText = std::function<float(std::string_view)>;

// Which of `nodes` are must labels (see above), per node.
std::vector<char> label_must(const std::vector<LabelNode>& nodes, const LabelParams& params);

// Places the labels of `nodes`; one PlacedLabel per node, in the same order.
std::vector<PlacedLabel> place_labels(const std::vector<LabelNode>& nodes, const LabelParams& params,
                                      const MeasureText& measure);

// The longest start of `text` (whole UTF-8 characters, cut after a word where one ends past
// half the width) that with a trailing "…" measures at most `max_width`; at least
// `min_chars` characters, more than fit when need be. `text` itself when it fits.
std::string shorten_label(std::string_view text, float max_width, std::size_t min_chars, const MeasureText& measure);

// The number of UTF-8 characters (code points) of `text`.
std::size_t label_chars(std::string_view text);
// The first `chars` characters of `text` (all of it when it has fewer).
std::string label_start(std::string_view text, std::size_t chars);

}  // namespace wwe
