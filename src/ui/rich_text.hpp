// Win-Win Explorer UI: word-wrapped text with styled, clickable spans.
//
// Dear ImGui has no rich text; the reader needs passages with mentions and search hits
// highlighted, clickable mentions, and wrapping at word boundaries.
//
// Index
//   - RichStyle, RichSpan ...... a styled byte range (concept/entity mention, hit, ...)
//   - RichTextLayout ........... the text broken into lines: positioned fragments
//   - layout_rich_text ......... lay out at one width (UTF-8 aware, breaks between words,
//                                after hyphens and dashes, around CJK ideographs)
//   - RichTextColors ........... the colours a drawing uses
//   - RichText ................. draw a layout at the cursor as one ImGui item; hover/click
//   - RichTextCache ............ layouts per key, recomputed when width/font/spans change
//   - TextBidi ................. plain text (titles, headings, descriptions) laid out as the
//                                reader's passages are: right-to-left lines shaped, in visual
//                                order and aligned right
//
// All positions and sizes are CSS pixels (ImGui's units in this app).
#pragma once

#include <cfloat>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "imgui.h"

namespace wwe::ui {

//------------------------------------------------------------------------------------------
// Spans and layout
//------------------------------------------------------------------------------------------

enum RichStyle_ : unsigned {
    RichStyle_None = 0,
    RichStyle_Concept = 1u << 0,   // mention of a concept: subtle background, dotted underline
    RichStyle_Entity = 1u << 1,    // mention of an entity: another subtle background, solid underline
    RichStyle_Hit = 1u << 2,       // search hit: strong background in a box
    RichStyle_Selected = 1u << 3,  // mention of the selected concept/entity
};
using RichStyle = unsigned;  // RichStyle_ flags

struct RichSpan {
    std::uint32_t begin = 0;  // byte offsets into the text
    std::uint32_t end = 0;
    RichStyle style = RichStyle_None;
    int tag = -1;  // caller's id of a clickable span (e.g. a node index); -1: not clickable
};

struct RichFragment {
    std::uint32_t begin = 0;  // bytes drawn as one piece (one line, one style)
    std::uint32_t end = 0;
    float x = 0, y = 0;       // top-left, relative to the layout's origin
    float width = 0;          // advance, trailing spaces included
    float ink_width = 0;      // advance without trailing spaces (what backgrounds cover)
    RichStyle style = RichStyle_None;
    int tag = -1;
    // What is drawn when not the bytes themselves: right-to-left text reversed and Arabic
    // shaped (core/script.hpp); empty for left-to-right text.
    std::string visual;
};

struct RichLayoutParams {
    ImFont* font = nullptr;        // nullptr: the current font
    float font_size = 0;           // CSS px; 0: the current font size
    float wrap_width = FLT_MAX;    // CSS px
    float line_spacing = 1.45f;    // line height / font size
};

struct RichTextLayout {
    std::vector<RichFragment> fragments;  // in text order
    ImVec2 size{0, 0};                    // widest line x lines
    ImFont* font = nullptr;
    float font_size = 0;
    float line_height = 0;
    int lines = 0;
};

// Lays `text` out with `spans` (any order; may overlap: the styles combine, the tag of a
// span with tag >= 0 wins). Lines break at spaces, after hyphens/dashes/slashes followed by
// a letter, around CJK ideographs, and at '\n'; a word wider than the line breaks between
// characters. Must be called inside an ImGui frame (uses the font's metrics).
// Right-to-left text (Arabic, Hebrew): lines are broken in logical order, then each line's
// fragments are cut at direction changes and placed in visual order (core visual_runs),
// RTL ones drawn reversed and shaped (`RichFragment::visual`); a paragraph whose first
// strong character is RTL is aligned right (within wrap_width).
RichTextLayout layout_rich_text(std::string_view text, const std::vector<RichSpan>& spans,
                                const RichLayoutParams& params);

//------------------------------------------------------------------------------------------
// Drawing
//------------------------------------------------------------------------------------------

// Mentions and hits differ by more than colour (for readers who do not see the colours):
// an entity is underlined with a solid line, a concept with a dotted one, a search hit is
// boxed (a 1.5 px frame).
struct RichTextColors {
    ImU32 text = IM_COL32(0, 0, 0, 255);
    ImU32 concept_bg = 0, concept_line = 0;
    ImU32 entity_bg = 0, entity_line = 0;
    ImU32 hit_bg = 0, hit_line = 0;
    ImU32 selected_bg = 0;
    ImU32 hover_bg = 0;
};

// Draws `layout` (of `text`) at the cursor as one item of layout.size. Returns true when a
// span with a tag was clicked (press and release on it, without dragging); its tag goes to
// `*clicked_tag`. `*hovered_tag` (optional) receives the tag under the mouse or -1.
bool RichText(const char* str_id, std::string_view text, const RichTextLayout& layout,
              const RichTextColors& colors, int* clicked_tag, int* hovered_tag = nullptr);

// Plain text where ImGui::TextUnformatted would draw it: at the cursor, in the current font
// and text colour, wrapped at the position PushTextWrapPos gave (none: one line per '\n').
// Text with right-to-left characters (core has_rtl) is laid out by layout_rich_text, the
// reader's own layout: lines broken in logical order, each in visual order and shaped, and
// a paragraph whose first strong character is RTL aligned right within the wrap width.
// Other text goes to TextUnformatted itself. One item, no input.
void TextBidi(std::string_view text);

// What TextBidi draws, for widgets that place text themselves (a selectable's label): the
// layout of plain `text` in the current font with ImGui's line height, and its drawing at
// `origin` (screen position) in one colour.
RichTextLayout layout_plain_text(std::string_view text, float wrap_width);
void draw_text_layout(ImDrawList* dl, ImVec2 origin, std::string_view text, const RichTextLayout& layout, ImU32 color);

//------------------------------------------------------------------------------------------
// Cache
//------------------------------------------------------------------------------------------

class RichTextCache {
public:
    // The layout for `key`, recomputed when the wrap width, font, size or `spans_key` (a
    // value the caller changes whenever `spans` change) differ from the cached one.
    const RichTextLayout& get(int key, std::string_view text, const std::vector<RichSpan>& spans,
                              std::uint64_t spans_key, const RichLayoutParams& params);
    void clear() { entries_.clear(); }
    std::size_t size() const { return entries_.size(); }  // layouts held
    int layouts_computed() const { return computed_; }  // for the gallery's statistics

private:
    struct Entry {
        RichTextLayout layout;
        float wrap_width = -1;
        std::uint64_t spans_key = 0;
    };
    std::unordered_map<int, Entry> entries_;
    int computed_ = 0;
};

}  // namespace wwe::ui
