// Win-Win Explorer UI: the theme (see theme.hpp).
#include "ui/theme.hpp"

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

Theme default_theme() {
    Theme t;
    t.background = rgb(0xFAF8F3);
    t.panel = rgb(0xF1EEE6);
    t.text = rgb(0x22252A);
    t.text_muted = rgb(0x6A6E75);
    t.accent = rgb(0x1F6F9F);
    t.border = rgb(0xD9D4C7);
    t.concept_bg = rgb(0xDCEAF7);
    t.concept_line = rgb(0x4F86B5);
    t.entity_bg = rgb(0xE2F0DA);
    t.entity_line = rgb(0x5E9A4E);
    t.hit_bg = rgb(0xFFD24A);
    t.selected_bg = rgb(0xB9D3F0);
    t.hover_bg = rgb(0xC8DDF2);
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
    t.shared_edge = rgb(0xC89B5A);
    t.no_value = rgb(0xA8A8A8);
    t.heat_low = rgb(0xE3EEF7);
    t.heat_high = rgb(0x1F5F8F);
    t.heat_text = rgb(0xFFFFFF);
    t.row_alt = rgb(0xF3F0E8);
    t.header = rgb(0xE4DFD2);
    t.scrollbar = rgb(0xC9C3B4);
    return t;
}

Theme dark_theme() {
    Theme t;
    t.background = rgb(0x1B1D21);
    t.panel = rgb(0x24272C);
    t.text = rgb(0xE6E3DC);
    t.text_muted = rgb(0xA3A7AE);
    t.accent = rgb(0x6CB4E4);
    t.border = rgb(0x3E434A);
    t.concept_bg = rgb(0x1F3A52);
    t.concept_line = rgb(0x6FA3D0);
    t.entity_bg = rgb(0x233D27);
    t.entity_line = rgb(0x7DBA6C);
    t.hit_bg = rgb(0x8A6D00);
    t.selected_bg = rgb(0x2F5A86);
    t.hover_bg = rgb(0x2B4A69);
    t.chip_bg = rgb(0x33373D);
    t.chip_bg_active = rgb(0x2F5374);
    t.chip_text = rgb(0xD6D3CC);
    t.flash = rgb(0x5C5020);
    t.notice_bg = rgb(0x4A3F1E);
    t.error = rgb(0xFF8A80);
    t.surface = rgb(0x15171A);
    t.surface_hover = rgb(0x1E2227);
    t.grid = rgb(0x2A2E33);
    t.relation_edge = rgb(0x9AA0A8);
    t.shared_edge = rgb(0xD9AE6E);
    t.no_value = rgb(0x6E7277);
    t.heat_low = rgb(0x1E3347);
    t.heat_high = rgb(0x7FC1EE);
    t.heat_text = rgb(0x0E1114);
    t.row_alt = rgb(0x202328);
    t.header = rgb(0x30343A);
    t.scrollbar = rgb(0x4A4F56);
    return t;
}

void apply_theme(const Theme& t, ImGuiStyle& style, bool touch) {
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
        style.FramePadding = ImVec2(14, 10);
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
    c[ImGuiCol_Border] = vec(t.border);
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
        {"accent", &Theme::accent},           {"border", &Theme::border},
        {"concept_bg", &Theme::concept_bg},   {"concept_line", &Theme::concept_line},
        {"entity_bg", &Theme::entity_bg},     {"entity_line", &Theme::entity_line},
        {"hit_bg", &Theme::hit_bg},           {"selected_bg", &Theme::selected_bg},
        {"hover_bg", &Theme::hover_bg},       {"chip_bg", &Theme::chip_bg},
        {"chip_bg_active", &Theme::chip_bg_active}, {"chip_text", &Theme::chip_text},
        {"flash", &Theme::flash},             {"notice_bg", &Theme::notice_bg},
        {"error", &Theme::error},             {"surface", &Theme::surface},
        {"surface_hover", &Theme::surface_hover}, {"grid", &Theme::grid},
        {"relation_edge", &Theme::relation_edge}, {"shared_edge", &Theme::shared_edge},
        {"no_value", &Theme::no_value},       {"heat_low", &Theme::heat_low},
        {"heat_high", &Theme::heat_high},     {"heat_text", &Theme::heat_text},
        {"row_alt", &Theme::row_alt},         {"header", &Theme::header},
        {"scrollbar", &Theme::scrollbar},
    };
    return roles;
}

}  // namespace wwe::ui
