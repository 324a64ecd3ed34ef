// Win-Win Explorer UI: the theme (see theme.hpp).
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace wwe::ui {
namespace {

// `c` moved towards white (amount > 0) or black (< 0), amount in -1..1.
ImU32 shade(ImU32 c, float amount) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    const float target = amount > 0 ? 1.0f : 0.0f;
    const float k = amount > 0 ? amount : -amount;
    v.x += (target - v.x) * k;
    v.y += (target - v.y) * k;
    v.z += (target - v.z) * k;
    return ImGui::ColorConvertFloat4ToU32(v);
}

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

ImVec4 vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

// Paper: dark ink on warm white. The palette is Paul Tol's qualitative scheme, darkened
// where needed to stand out from white (3:1).
Theme default_theme() {
    Theme t;
    t.background = rgb(0xFAF8F3);
    t.panel = rgb(0xF1EEE6);
    t.text = rgb(0x22252A);
    t.text_muted = rgb(0x595D64);
    t.text_dimmed = rgb(0x666A71);
    t.accent = rgb(0x1F6F9F);
    t.outline = rgb(0x8A8578);
    t.border = rgb(0xD9D4C7);
    t.concept_bg = rgb(0xDCEAF7);
    t.concept_line = rgb(0x2F6A9E);
    t.entity_bg = rgb(0xE2F0DA);
    t.entity_line = rgb(0x3F7A31);
    t.hit_bg = rgb(0xFFD24A);
    t.hit_line = rgb(0x8A5A00);
    t.selected_bg = rgb(0xC4DBF2);
    t.hover_bg = rgb(0xCFE2F4);
    t.chip_bg = rgb(0xE7E2D6);
    t.chip_bg_active = rgb(0xC7DCEC);
    t.chip_text = rgb(0x3D4148);
    t.flash = rgb(0xFFE98A);
    t.notice_bg = rgb(0xFFF1CC);
    t.error = rgb(0xB3261E);
    t.surface = rgb(0xFFFFFF);
    t.surface_hover = rgb(0xF4F8FB);
    t.grid = rgb(0xEEEBE3);
    t.relation_edge = rgb(0x6B7078);
    t.shared_edge = rgb(0xA8742A);
    t.no_value = rgb(0x8C8C8C);
    t.heat_low = rgb(0xE3EEF7);
    t.heat_high = rgb(0x72A0C8);
    t.range = rgb(0x2A8C7E);
    t.row_alt = rgb(0xF3F0E8);
    t.header = rgb(0xE4DFD2);
    t.scrollbar = rgb(0x807B70);
    t.palette = {rgb(0x3A6EA5), rgb(0xCC3D4C), rgb(0x228833), rgb(0x8F7400), rgb(0x1A86AD), rgb(0xAA3377),
                 rgb(0xC0531B), rgb(0x2A8577), rgb(0x882255), rgb(0x6B7A12), rgb(0x4B3AA0), rgb(0x767676)};
    return t;
}

// Dark surroundings: light ink on charcoal; the palette's bright colours.
Theme dark_theme() {
    Theme t;
    t.background = rgb(0x1B1D21);
    t.panel = rgb(0x24272C);
    t.text = rgb(0xE6E3DC);
    t.text_muted = rgb(0xB8BCC3);
    t.text_dimmed = rgb(0x9EA2A9);
    t.accent = rgb(0x6CB4E4);
    t.outline = rgb(0x7A8089);
    t.border = rgb(0x3E434A);
    t.concept_bg = rgb(0x1F3A52);
    t.concept_line = rgb(0x7FB2DE);
    t.entity_bg = rgb(0x233D27);
    t.entity_line = rgb(0x86C474);
    t.hit_bg = rgb(0x5A4700);
    t.hit_line = rgb(0xF2C230);
    t.selected_bg = rgb(0x264C72);
    t.hover_bg = rgb(0x24405C);
    t.chip_bg = rgb(0x33373D);
    t.chip_bg_active = rgb(0x28486A);
    t.chip_text = rgb(0xD6D3CC);
    t.flash = rgb(0x4A4118);
    t.notice_bg = rgb(0x3E3518);
    t.error = rgb(0xFF8A80);
    t.surface = rgb(0x15171A);
    t.surface_hover = rgb(0x1E2227);
    t.grid = rgb(0x2A2E33);
    t.relation_edge = rgb(0x9AA0A8);
    t.shared_edge = rgb(0xD9AE6E);
    t.no_value = rgb(0x7C8086);
    t.heat_low = rgb(0x1E3347);
    t.heat_high = rgb(0x2C5F8C);
    t.range = rgb(0x4FC2AD);
    t.row_alt = rgb(0x202328);
    t.header = rgb(0x30343A);
    t.scrollbar = rgb(0x6A7079);
    t.palette = {rgb(0x6C9FE0), rgb(0xEE6677), rgb(0x4CB35B), rgb(0xCCBB44), rgb(0x66CCEE), rgb(0xD46AAE),
                 rgb(0xEE8866), rgb(0x44AA99), rgb(0xC8789E), rgb(0xA8A83A), rgb(0x9A8CE8), rgb(0xBBBBBB)};
    return t;
}

// High contrast: white on black (text at least 7:1), saturated light colours for the
// categories, strong outlines; like the contrast themes of operating systems.
Theme high_contrast_theme() {
    Theme t;
    t.background = rgb(0x000000);
    t.panel = rgb(0x0F0F0F);
    t.text = rgb(0xFFFFFF);
    t.text_muted = rgb(0xDADADA);
    t.text_dimmed = rgb(0xC4C4C4);
    t.accent = rgb(0x3FD8FF);
    t.outline = rgb(0xD0D0D0);
    t.border = rgb(0x8A8A8A);
    t.concept_bg = rgb(0x00263D);
    t.concept_line = rgb(0x5CC8FF);
    t.entity_bg = rgb(0x0B2E00);
    t.entity_line = rgb(0x7CFF6B);
    t.hit_bg = rgb(0x453500);
    t.hit_line = rgb(0xFFE100);
    t.selected_bg = rgb(0x003A70);
    t.hover_bg = rgb(0x1F3550);
    t.chip_bg = rgb(0x1E1E1E);
    t.chip_bg_active = rgb(0x003A70);
    t.chip_text = rgb(0xFFFFFF);
    t.flash = rgb(0x403800);
    t.notice_bg = rgb(0x241D00);
    t.error = rgb(0xFF9494);
    t.surface = rgb(0x000000);
    t.surface_hover = rgb(0x161616);
    t.grid = rgb(0x3A3A3A);
    t.relation_edge = rgb(0xE6E6E6);
    t.shared_edge = rgb(0xFFB52E);
    t.no_value = rgb(0xA6A6A6);
    t.heat_low = rgb(0x0A2540);
    t.heat_high = rgb(0x1B4F82);
    t.range = rgb(0x3CE6C8);
    t.row_alt = rgb(0x141414);
    t.header = rgb(0x262626);
    t.scrollbar = rgb(0xB0B0B0);
    t.palette = {rgb(0x5CA8FF), rgb(0xFF6F80), rgb(0x4CD964), rgb(0xFFD23F), rgb(0x5CE1FF), rgb(0xFF7AD0),
                 rgb(0xFF9A5C), rgb(0x3FE0C0), rgb(0xE08AFF), rgb(0xD4E05C), rgb(0xA99CFF), rgb(0xD0D0D0)};
    return t;
}

Theme theme_for(ThemeKind kind) {
    switch (kind) {
        case ThemeKind::Dark:
            return dark_theme();
        case ThemeKind::Contrast:
            return high_contrast_theme();
        case ThemeKind::Light:
            break;
    }
    return default_theme();
}

ImU32 palette_color(const Theme& theme, int index, int alpha) {
    const std::size_t n = theme.palette.size();
    const ImU32 c = theme.palette[static_cast<std::size_t>(index < 0 ? 0 : index) % n];
    return (c & 0x00FFFFFFu) | (static_cast<ImU32>(alpha & 0xFF) << IM_COL32_A_SHIFT);
}

ImU32 heat_color(const Theme& theme, float t) {
    const ImVec4 a = vec(theme.heat_low), b = vec(theme.heat_high);
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f));
}

void apply_theme(const Theme& t, ImGuiStyle& style, bool touch, float touch_target) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 12;
    style.GrabMinSize = 24;
    style.WindowRounding = 0;
    style.ChildRounding = t.panel_rounding;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;
    if (touch) {
        // Frames a finger's height in any font from 13 px (the small one is 14); table rows
        // in the body font (17 px).
        style.FramePadding = ImVec2(14, std::max(10.0f, std::ceil((touch_target - 13.0f) * 0.5f)));
        style.CellPadding = ImVec2(style.CellPadding.x, std::max(style.CellPadding.y, std::ceil((touch_target - 17.0f) * 0.5f)));
        style.ItemSpacing = ImVec2(12, 10);
        style.ItemInnerSpacing = ImVec2(10, 6);
        style.ScrollbarSize = 26;
        style.GrabMinSize = 40;
        style.TouchExtraPadding = ImVec2(4, 4);
    }

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(t.text);
    c[ImGuiCol_TextDisabled] = vec(t.text_muted);
    c[ImGuiCol_WindowBg] = vec(t.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = vec(t.surface);
    c[ImGuiCol_Border] = vec(t.outline);  // text fields, check boxes, pop-ups
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = vec(t.surface);
    c[ImGuiCol_FrameBgHovered] = vec(t.surface_hover);
    c[ImGuiCol_FrameBgActive] = vec(t.surface);
    c[ImGuiCol_TitleBg] = vec(t.panel);
    c[ImGuiCol_TitleBgActive] = vec(t.chip_bg);
    c[ImGuiCol_TitleBgCollapsed] = vec(t.panel);
    c[ImGuiCol_MenuBarBg] = vec(t.panel);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = vec(t.scrollbar);
    c[ImGuiCol_ScrollbarGrabHovered] = vec(shade(t.scrollbar, vec(t.background).x > 0.5f ? -0.15f : 0.15f));
    c[ImGuiCol_ScrollbarGrabActive] = vec(shade(t.scrollbar, vec(t.background).x > 0.5f ? -0.3f : 0.3f));
    c[ImGuiCol_CheckMark] = vec(t.accent);
    c[ImGuiCol_SliderGrab] = vec(t.accent);
    c[ImGuiCol_SliderGrabActive] = vec(t.accent);
    c[ImGuiCol_Button] = vec(t.chip_bg);
    c[ImGuiCol_ButtonHovered] = vec(t.chip_bg_active);
    c[ImGuiCol_ButtonActive] = vec(t.selected_bg);
    c[ImGuiCol_Header] = vec(t.header);
    c[ImGuiCol_HeaderHovered] = vec(t.hover_bg);
    c[ImGuiCol_HeaderActive] = vec(t.selected_bg);
    c[ImGuiCol_Separator] = vec(t.border);
    c[ImGuiCol_SeparatorHovered] = vec(t.accent);
    c[ImGuiCol_SeparatorActive] = vec(t.accent);
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = vec(t.accent);
    c[ImGuiCol_ResizeGripActive] = vec(t.accent);
    c[ImGuiCol_Tab] = vec(t.chip_bg);
    c[ImGuiCol_TabHovered] = vec(t.hover_bg);
    c[ImGuiCol_TabActive] = vec(t.selected_bg);
    c[ImGuiCol_TabUnfocused] = vec(t.chip_bg);
    c[ImGuiCol_TabUnfocusedActive] = vec(t.selected_bg);
    c[ImGuiCol_TableHeaderBg] = vec(t.chip_bg);
    c[ImGuiCol_TableBorderStrong] = vec(t.border);
    c[ImGuiCol_TableBorderLight] = vec(t.grid);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = vec(t.row_alt);
    c[ImGuiCol_TextSelectedBg] = vec((t.selected_bg & 0x00FFFFFFu) | (200u << 24));
    c[ImGuiCol_NavHighlight] = vec(t.accent);
    c[ImGuiCol_ModalWindowDimBg] = vec(rgb(0x000000, 60));
}

const std::vector<ThemeColorInfo>& theme_color_roles() {
    static const std::vector<ThemeColorInfo> roles = {
        {"background", &Theme::background},   {"panel", &Theme::panel},
        {"text", &Theme::text},               {"text_muted", &Theme::text_muted},
        {"text_dimmed", &Theme::text_dimmed}, {"accent", &Theme::accent},
        {"outline", &Theme::outline},         {"border", &Theme::border},
        {"concept_bg", &Theme::concept_bg},   {"concept_line", &Theme::concept_line},
        {"entity_bg", &Theme::entity_bg},     {"entity_line", &Theme::entity_line},
        {"hit_bg", &Theme::hit_bg},           {"hit_line", &Theme::hit_line},
        {"selected_bg", &Theme::selected_bg},
        {"hover_bg", &Theme::hover_bg},       {"chip_bg", &Theme::chip_bg},
        {"chip_bg_active", &Theme::chip_bg_active}, {"chip_text", &Theme::chip_text},
        {"flash", &Theme::flash},             {"notice_bg", &Theme::notice_bg},
        {"error", &Theme::error},             {"surface", &Theme::surface},
        {"surface_hover", &Theme::surface_hover}, {"grid", &Theme::grid},
        {"relation_edge", &Theme::relation_edge}, {"shared_edge", &Theme::shared_edge},
        {"no_value", &Theme::no_value},       {"heat_low", &Theme::heat_low},
        {"heat_high", &Theme::heat_high},     {"range", &Theme::range},
        {"row_alt", &Theme::row_alt},         {"header", &Theme::header},
        {"scrollbar", &Theme::scrollbar},
    };
    return roles;
}

ImU32 compose_over(ImU32 fg, ImU32 bg) {
    const ImVec4 f = vec(fg), b = vec(bg);
    const float a = f.w;
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(f.x * a + b.x * (1 - a), f.y * a + b.y * (1 - a), f.z * a + b.z * (1 - a), 1.0f));
}

std::vector<ContrastPair> theme_contrast_pairs(const Theme& t, double text_minimum) {
    std::vector<ContrastPair> p;
    auto text = [&](const char* what, ImU32 fg, ImU32 bg) { p.push_back({what, fg, bg, text_minimum}); };
    auto graphic = [&](const char* what, ImU32 fg, ImU32 bg) { p.push_back({what, fg, bg, kGraphicContrast}); };
    // Grounds text is drawn on: the page, panels, plots and fields, table rows and headers,
    // chips, buttons and tabs in each state, notices.
    const std::pair<const char*, ImU32> grounds[] = {
        {"background", t.background},   {"panel", t.panel},         {"surface", t.surface},
        {"surface_hover", t.surface_hover}, {"row_alt", t.row_alt}, {"header", t.header},
        {"chip_bg", t.chip_bg},         {"chip_bg_active", t.chip_bg_active}, {"hover_bg", t.hover_bg},
        {"selected_bg", t.selected_bg}, {"notice_bg", t.notice_bg},
    };
    for (const auto& [name, bg] : grounds) {
        (void)name;
        text("text", t.text, bg);
        text("text_muted (counts, secondary lines)", t.text_muted, bg);
    }
    // Reader: mentions, hits, the passage just jumped to.
    text("text on a concept mention", t.text, t.concept_bg);
    text("text on an entity mention", t.text, t.entity_bg);
    text("text on a search hit", t.text, t.hit_bg);
    text("text on a flashed passage", t.text, t.flash);
    // Map and timeline labels of dimmed (still clickable) things; links; problems; chips.
    for (const ImU32 bg : {t.background, t.panel, t.surface}) {
        text("text_dimmed (dimmed map and timeline labels)", t.text_dimmed, bg);
        text("accent (links, tour)", t.accent, bg);
        text("error", t.error, bg);
    }
    text("error on a notice", t.error, t.notice_bg);
    text("timeline: label of an event involving the selection", t.text, t.hit_bg);
    for (const ImU32 bg : {t.chip_bg, t.chip_bg_active, t.hover_bg}) text("chip_text", t.chip_text, bg);
    text("map: relation label", t.chip_text, t.chip_bg);
    // Matrix: counts on cells of every shade.
    for (int i = 0; i <= 20; ++i) text("matrix count on its cell", t.text, heat_color(t, static_cast<float>(i) / 20.0f));

    // Outlines of controls and the focus ring, on every ground a control sits on.
    for (const ImU32 bg : {t.background, t.panel, t.surface, t.surface_hover}) {
        graphic("outline of text fields and check boxes", t.outline, bg);
        graphic("edge of the map's and the timeline's surface", t.outline, bg);
        graphic("accent (focus ring, check marks, the active tab)", t.accent, bg);
    }
    for (const ImU32 bg : {t.background, t.panel, t.surface}) graphic("scrollbar", t.scrollbar, bg);
    // Reader: the underline of a mention on every ground it gets; the box of a hit.
    for (const ImU32 bg : {t.concept_bg, t.hover_bg, t.selected_bg, t.background}) {
        graphic("concept underline", t.concept_line, bg);
        graphic("entity underline", t.entity_line, bg);
    }
    graphic("concept underline", t.concept_line, t.entity_bg);
    graphic("entity underline", t.entity_line, t.entity_bg);
    for (const ImU32 bg : {t.hit_bg, t.background, t.selected_bg}) graphic("search hit box", t.hit_line, bg);
    // Map and timeline on their plot surface.
    for (std::size_t i = 0; i < t.palette.size(); ++i) graphic("node fill (palette)", t.palette[i], t.surface);
    graphic("node fill without a value", t.no_value, t.surface);
    graphic("outline of a dimmed node", t.outline, t.surface);
    graphic("ring of the selected node", t.text, t.surface);
    graphic("ring of the hovered node", t.accent, t.surface);
    graphic("ring of a hovered passage's node", t.hit_line, t.surface);
    graphic("relation edge", compose_over((t.relation_edge & 0x00FFFFFFu) | (static_cast<ImU32>(kRelationEdgeAlpha * 255.0f) << IM_COL32_A_SHIFT), t.surface), t.surface);
    graphic("shared-passages edge", t.shared_edge, t.surface);
    graphic("timeline: a period", t.range, t.surface);
    graphic("timeline: a date", t.accent, t.surface);
    return p;
}

}  // namespace wwe::ui
