// Win-Win Explorer core: exports — cited Markdown, CSV, SVG.
//
// Index
//   - work_citation ...... "Wang Yi, “Title”, Study Times, 20 June 2016" (the article)
//   - citation ........... "Wang Yi, “Title”, Study Times, 20 June 2016, ¶11"
//   - passages_markdown .. the passages shown, each quoted with its citation
//   - entities_csv ....... the entities table (RFC 4180)
//   - SvgMap, map_svg .... a concept map drawing as SVG 1.1 (vector; labels as <text>)
//
// Pure functions of their inputs: the UI decides what is shown and how it looks; these
// only write it out, escaping text for the format.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"

namespace wwe {

// Citation of the article: author, title in quotes, outlet, date; the parts an article
// leaves empty (a text opened at run time has no outlet) are left out, commas with them.
std::string work_citation(const Meta& meta);

// Citation of one passage: the article's, then the passage number.
std::string citation(const Corpus& corpus, int passage);

// `text` with the characters Markdown reads as markup (\\ * _ ` [ ] < > # |) escaped.
std::string markdown_escape(const std::string& text);

// Markdown: a title line, `description` (what the reader was looking at, e.g. the filters;
// may be empty), then each passage as a block quote followed by its citation, in the
// order given. Markdown-significant characters of the text are escaped.
std::string passages_markdown(const Corpus& corpus, const std::vector<int>& passages, const std::string& description);

// CSV with a header row: id,label,type,mentions,passages,description — one row per node in
// `nodes` (passages as space-separated article numbers). Fields quoted per RFC 4180; a
// field starting with = + - @, a tab or a carriage return is written as text for
// spreadsheets: quoted, with a leading apostrophe ("'=HYPERLINK(...)"), never as a formula.
std::string entities_csv(const Corpus& corpus, const std::vector<int>& nodes);

// A drawing of the concept map, in SVG user units (= CSS px at zoom 1): the map's area
// (width x height; edges, nodes and labels are clipped to it) with the caption band under
// it. The UI places the labels inside the area less `inset` px along its edges.
struct SvgMap {
    struct Node {
        float x = 0, y = 0;      // centre
        float radius = 6;
        unsigned fill = 0x4477AA;  // 0xRRGGBB
        bool square = false;     // shape: circle (false) or square (true), unless `shape` says more
        float opacity = 1;       // 0..1 (dimmed nodes < 1)
        std::string label;       // "" for none; drawn to the right of the node unless placed:
        NodeShape shape = NodeShape::Circle;  // used when not a circle (square is Square too)
        bool label_placed = false;        // the label's box is at (label_x, label_y), its top left,
        float label_x = 0, label_y = 0;   // as the screen placed it (label_size px high)
        float label_size = 12;
        float label_width = 0;  // px as the UI measured it; > 0: drawn with textLength, so a
                                // viewer's other font keeps the label in the box placed
    };
    struct Edge {
        int source = -1, target = -1;  // indices into `nodes`
        float width = 1;
        unsigned color = 0x999999;
        float opacity = 1;
        bool directed = true;  // arrowhead at the target
        std::string label;     // drawn at the midpoint; "" for none
    };
    float width = 800, height = 600;  // the map's area (the document is taller by caption_height())
    float inset = 12;                 // px kept free of labels along the area's edges
    unsigned background = 0xFFFFFF;
    std::string title;                // <title> of the document
    // A caption band under the map (the document is then taller by caption_height()):
    // `caption` in bold, `credit` (where the map comes from; paragraphs apart at '\n') under
    // it, each wrapped at spaces (and a long address after its '/') into lines that fit the
    // width, at most kMaxCaptionLines a paragraph, the last cut with an ellipsis; "" leaves
    // one out.
    std::string caption;
    std::string credit;
    unsigned text_color = 0x222222;   // the caption's colour, on `background`
    unsigned muted_color = 0x555555;  // the credit's
    // The width of `text` at `px` px (bold or not) in the font the drawing is meant for; the
    // caption's lines are measured with it and drawn with textLength (a viewer's other font
    // then keeps them inside). Empty: an estimate, 0.6 em a character, no textLength.
    std::function<float(std::string_view text, float px, bool bold)> measure;
    static constexpr int kMaxCaptionLines = 3;
    float caption_height() const;     // CSS px; 0 without caption and credit
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

std::string map_svg(const SvgMap& map);

// The lines of the caption band as map_svg draws them: the caption's (bold, 15 px), then
// the credit's (11 px), each with its measured width (px).
struct CaptionLine {
    std::string text;
    float width = 0;
    bool bold = false;
};
std::vector<CaptionLine> caption_lines(const SvgMap& map);

}  // namespace wwe
