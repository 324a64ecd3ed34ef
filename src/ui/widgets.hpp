// Win-Win Explorer UI: small widgets in ImGui's style (bool on interaction, flags = 0).
//
// Index
//   - Chip ............. a small rounded label (a passage's themes); clickable
//   - FlowRow .......... places items left to right, wrapping at a width (chips)
//   - ImLabel .......... data text (a label from the article) made safe as an ImGui label
//   - TextMuted ........ wrapped text in the theme's muted colour
//   - CloseButton ...... a square "x" button of the current line height
//   - CountBadge ....... a right-aligned count on the current line
//   - InputTextString .. ImGui's text box with a hint over a std::string (grows as typed)
//   - FilterBox ........ the same at a given width (table filters)
//   - Fling ............ inertia after a drag (touch scrolling and panning)
//   - TouchScroll ...... a finger drags a list and flicks it (Fling)
#pragma once

#include <string>
#include <string_view>

#include "imgui.h"
#include "ui/theme.hpp"

namespace wwe::ui {

enum ChipFlags_ {
    ChipFlags_None = 0,
    ChipFlags_Active = 1 << 0,  // drawn as selected (its value is in the filter)
};
using ChipFlags = int;

// Width a Chip with this label takes (CSS px), in the current font.
float ChipWidth(const char* label);
// Height every Chip takes (CSS px), in the current font.
float ChipHeight();
// A chip at the cursor; returns true when clicked.
bool Chip(const char* label, const Theme& theme, ChipFlags flags = ChipFlags_None);

// Flow layout: call next(width) before each item; it starts a new line when the item
// would pass `max_x` (screen x), else keeps the item on the current line.
struct FlowRow {
    float start_x = 0;  // screen x of the row's left edge
    float max_x = 0;    // screen x of its right edge
    bool first = true;
    void begin(float width);      // from the cursor, `width` CSS px wide
    void next(float item_width);  // before each item
};

// Data text (a facet value's, a node's or a tour's label, a title, a saved view's name) as
// the visible part of an ImGui label. ImGui hides what follows "##" in a label (its id
// separator), so "a##b" would show as "a": each '#' followed by another gets U+2060 WORD
// JOINER after it, which build_fonts gives every face as a glyph that draws nothing and
// takes no width. Append the widget's own "##id" to the result as usual.
inline constexpr const char* kLabelJoiner = "\xE2\x81\xA0";  // U+2060 in UTF-8
std::string ImLabel(std::string_view text);
// The text a label made by ImLabel shows (the joiners removed): what a reader sees.
std::string ShownLabel(std::string_view label);

void TextMuted(const Theme& theme, const char* fmt, ...) IM_FMTARGS(2);
void TextWrappedColored(ImU32 color, const char* text, const char* text_end = nullptr);

// True when the style is the touch one (a kiosk): compact controls keep their full size.
inline bool TouchStyle() { return ImGui::GetStyle().TouchExtraPadding.x > 0; }

// Inside a menu or a drop-down list (after its Begin*): on the touch style, each row that
// follows (MenuItem, Selectable: the font's line plus the item spacing) is at least
// `kTouchRowHeight` ImGui units tall, until the scope ends (before the matching End*).
// Nothing with a mouse.
inline constexpr float kTouchRowHeight = 48.0f;  // 44 and room for the menu's edge (its padding clips a little)
class TouchRows {
public:
    TouchRows();
    ~TouchRows();
    TouchRows(const TouchRows&) = delete;
    TouchRows& operator=(const TouchRows&) = delete;

private:
    bool pushed_ = false;
};

// A borderless square "x" button; returns true when clicked.
bool CloseButton(const char* str_id, const Theme& theme);

// Draws `count` right-aligned at `right_x` (screen x) on the last item's line, muted.
void CountBadge(int count, float right_x, const Theme& theme);

// ImGui::InputTextWithHint editing `text` (grows as the user types); true when edited.
// `replace`, when given, becomes the text even while the box is being edited (someone else
// changed what the box shows).
bool InputTextString(const char* str_id, const char* hint, std::string& text, const std::string* replace = nullptr);

// The same, `width` CSS px wide.
bool FilterBox(const char* str_id, const char* hint, std::string& text, float width);

// Inertia for drags: while dragging, track() the pointer's movement; after the release,
// step() gives the distance to keep moving each frame, slowing down exponentially (the
// usual "momentum scrolling" of touch screens: velocity halves in about 0.2 s). The
// release speed is the movement of the last 0.1 s, whatever the frame rate.
struct Fling {
    ImVec2 velocity{0, 0};  // CSS px per second
    bool coasting = false;  // moving on by itself after a release
    struct Sample {
        float t;      // seconds on the drag's own clock
        ImVec2 delta;
    };
    Sample samples[8] = {};  // the last frames of the drag (a ring)
    int count = 0;           // samples recorded in this drag
    float clock = 0;

    // Each frame of a drag: the pointer moved `delta` CSS px in `dt` seconds.
    void track(ImVec2 delta, float dt);
    // The finger was lifted: coast if it was moving fast enough.
    void release();
    // Stops at once (a new press, a jump elsewhere).
    void stop();
    // While coasting: the movement for this frame (CSS px); zero when it has stopped.
    ImVec2 step(float dt);
};

// Touch scrolling for a list (the current window: call it after the window's Begin, or
// after BeginTable of a scrolling table): with `touch` (the pointer is a finger) a drag
// that starts in the window scrolls it (the row pressed is not clicked once it moves), and
// a flick coasts on and slows down after the finger lifts (Fling), as native lists do; the
// next touch stops it; no coasting with `reduced_motion`. The state is kept per window id.
void TouchScroll(bool touch, bool reduced_motion);
// True while a list coasts (the app draws the next frame; a drag is input, drawn anyway).
// A list not drawn for two frames stops coasting.
bool TouchScrolling();

}  // namespace wwe::ui
