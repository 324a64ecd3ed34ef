// Win-Win Explorer UI: the theme (colours and metrics), applied to ImGui's style.
//
// Index
//   - Theme ............ every colour the views use, by role (ImU32, 0xAABBGGRR)
//   - default_theme .... the light "paper" theme of the first release
//   - dark_theme ....... the same roles for dark surroundings (embeds, ?theme=dark)
//   - high_contrast_theme  white on black, for prefers-contrast / forced-colors
//   - theme_for ........ the theme of a core ThemeKind
//   - palette_color, heat_color  the categorical palette and the matrix's ramp
//   - apply_theme ...... ImGuiStyle from a Theme (sizes in CSS pixels)
//   - ThemeColorInfo ... names of the roles, for the gallery
//   - ContrastPair ..... which colour is drawn on which, and the ratio it must reach
//
// Every colour a view draws comes from here (no literals in the views), so the contrast
// pairs below describe what is really drawn; tests/ui/test_theme.cpp checks them with the
// WCAG 2.1 formula for every theme.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/embed.hpp"
#include "imgui.h"

namespace wwe::ui {

struct Theme {
    ImU32 background;      // page behind everything
    ImU32 panel;           // side panels (facets, details)
    ImU32 text;            // body text
    ImU32 text_muted;      // numbers, counts, secondary lines
    ImU32 text_dimmed;     // labels of things the filters dim but that stay clickable
    ImU32 accent;          // links, checked boxes, focus
    ImU32 outline;         // outlines of controls (text fields, check boxes), dimmed nodes
    ImU32 border;          // separators (decoration only)
    ImU32 concept_bg;      // mention of a concept (subtle)
    ImU32 concept_line;    // its underline (dotted)
    ImU32 entity_bg;       // mention of an entity (subtle)
    ImU32 entity_line;     // its underline (solid)
    ImU32 hit_bg;          // search hit (strong)
    ImU32 hit_line;        // the box around a search hit
    ImU32 selected_bg;     // mentions of the selected concept/entity
    ImU32 hover_bg;        // a hovered clickable span
    ImU32 chip_bg;         // theme chips under passages
    ImU32 chip_bg_active;  // a chip whose value is in the filter
    ImU32 chip_text;
    ImU32 flash;           // a passage just jumped to (fades out)
    ImU32 notice_bg;       // dismissible notices
    ImU32 error;           // problem text
    ImU32 surface;         // plots (map, timeline), text fields, pop-ups
    ImU32 surface_hover;   // a hovered text field
    ImU32 grid;            // timeline grid lines
    ImU32 relation_edge;   // map: curated relation (drawn with its own alpha)
    ImU32 shared_edge;     // map: shared passages
    ImU32 no_value;        // map: node without a value of the colouring facet
    ImU32 heat_low;        // matrix: fewest passages (more: towards heat_high)
    ImU32 heat_high;       // (every cell keeps `text` readable)
    ImU32 range;           // timeline: an event that spans a period (a point: accent)
    ImU32 row_alt;         // tables: alternate rows
    ImU32 header;          // tables, collapsing headers
    ImU32 scrollbar;       // scrollbar grab (hover and active are derived)
    std::array<ImU32, 12> palette;  // categories (map node types, facet values), in order
    float panel_rounding = 6.0f;  // CSS px
    float chip_rounding = 9.0f;   // CSS px
};

inline constexpr float kRelationEdgeAlpha = 200.0f / 255.0f;  // map: curated relations over the plot

Theme default_theme();
Theme dark_theme();
Theme high_contrast_theme();
Theme theme_for(ThemeKind kind);

// Colour `index` of the theme's categorical palette (cycling), with `alpha` (0..255).
ImU32 palette_color(const Theme& theme, int index, int alpha = 255);
// The matrix's cell colour for `t` in 0..1 (fewest .. most passages).
ImU32 heat_color(const Theme& theme, float t);

// Sets ImGui's colours and metrics from `theme` (sizes in CSS px; ImGui works in CSS px).
// `touch`: roomier metrics for fingers (a kiosk, a phone): frames (check boxes, buttons,
// drop-downs) and table rows at least `touch_target` ImGui units high in any font from 13
// px; CSS px = ImGui units x the embed's scale, so a kiosk's 1.3 needs fewer.
// Menus and drop-down lists get theirs from TouchRows (widgets.hpp).
void apply_theme(const Theme& theme, ImGuiStyle& style, bool touch = false, float touch_target = 44.0f);

struct ThemeColorInfo {
    const char* name;
    ImU32 Theme::*member;
};
// Every colour role of Theme, in declaration order.
const std::vector<ThemeColorInfo>& theme_color_roles();

// One colour drawn on another, with the contrast ratio it needs (WCAG 2.1: 4.5 for text,
// 3 for the outlines of controls and for graphics one must see, such as node fills).
struct ContrastPair {
    const char* what;  // where it is drawn, for messages
    ImU32 foreground;  // opaque
    ImU32 background;  // opaque
    double minimum;    // ratio
};
inline constexpr double kTextContrast = 4.5, kLargeTextContrast = 3.0, kGraphicContrast = 3.0;
inline constexpr double kHighContrastText = 7.0;  // the high-contrast theme's text (WCAG AAA)
// Every pair of colours of `theme` the views draw one over the other, with `text_minimum`
// for text (4.5, or 7 for the high-contrast theme) and 3 for graphics.
std::vector<ContrastPair> theme_contrast_pairs(const Theme& theme, double text_minimum = kTextContrast);
// `fg` with its alpha composed over the opaque `bg` (what the screen shows).
ImU32 compose_over(ImU32 fg, ImU32 bg);

}  // namespace wwe::ui
