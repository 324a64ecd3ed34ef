// Win-Win Explorer UI: the theme (colours and metrics), applied to ImGui's style.
//
// Index
//   - Theme ............ every colour the views use, by role (ImU32, 0xAABBGGRR)
//   - default_theme .... the light "paper" theme of the first release
//   - dark_theme ....... the same roles for dark surroundings (embeds, ?theme=dark)
//   - apply_theme ...... ImGuiStyle from a Theme (sizes in CSS pixels)
//   - ThemeColorInfo ... names of the roles, for the gallery
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"

namespace wwe::ui {

struct Theme {
    ImU32 background;      // page behind everything
    ImU32 panel;           // side panels (facets, details)
    ImU32 text;            // body text
    ImU32 text_muted;      // numbers, counts, secondary lines
    ImU32 accent;          // links, checked boxes, focus
    ImU32 border;          // separators and frames
    ImU32 concept_bg;      // mention of a concept (subtle)
    ImU32 concept_line;    // its underline
    ImU32 entity_bg;       // mention of an entity (subtle)
    ImU32 entity_line;     // its underline
    ImU32 hit_bg;          // search hit (strong)
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
    ImU32 heat_high;
    ImU32 heat_text;       // matrix: count on a dark (high) cell
    ImU32 row_alt;         // tables: alternate rows
    ImU32 header;          // tables, collapsing headers
    ImU32 scrollbar;       // scrollbar grab (hover and active are derived)
    float panel_rounding = 6.0f;  // CSS px
    float chip_rounding = 9.0f;   // CSS px
};

Theme default_theme();
Theme dark_theme();

// Sets ImGui's colours and metrics from `theme` (sizes in CSS px; ImGui works in CSS px).
// `touch`: roomier metrics for fingers (a kiosk; with its 1.3 scale every control is at
// least 44 CSS px high).
void apply_theme(const Theme& theme, ImGuiStyle& style, bool touch = false);

struct ThemeColorInfo {
    const char* name;
    ImU32 Theme::*member;
};
// Every colour role of Theme, in declaration order.
const std::vector<ThemeColorInfo>& theme_color_roles();

}  // namespace wwe::ui
