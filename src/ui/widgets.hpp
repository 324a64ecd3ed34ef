// Win-Win Explorer UI: small widgets in ImGui's style (bool on interaction, flags = 0).
//
// Index
//   - Chip ............. a small rounded label (a passage's themes); clickable
//   - FlowRow .......... places items left to right, wrapping at a width (chips)
//   - TextMuted ........ wrapped text in the theme's muted colour
//   - CloseButton ...... a square "x" button of the current line height
//   - CountBadge ....... a right-aligned count on the current line
//   - InputTextString .. ImGui's text box with a hint over a std::string (grows as typed)
//   - FilterBox ........ the same at a given width (table filters)
//   - Fling ............ inertia after a drag (touch scrolling and panning)
#pragma once

#include <string>

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

void TextMuted(const Theme& theme, const char* fmt, ...) IM_FMTARGS(2);
void TextWrappedColored(ImU32 color, const char* text, const char* text_end = nullptr);

// True when the style is the touch one (a kiosk): compact controls keep their full size.
inline bool TouchStyle() { return ImGui::GetStyle().TouchExtraPadding.x > 0; }

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

}  // namespace wwe::ui
