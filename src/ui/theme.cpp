// Win-Win Explorer UI: the theme (see theme.hpp).
#include "ui/theme.hpp"

namespace wwe::ui {
namespace {

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
    return t;
}

void apply_theme(const Theme& t, ImGuiStyle& style) {
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

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(t.text);
    c[ImGuiCol_TextDisabled] = vec(t.text_muted);
    c[ImGuiCol_WindowBg] = vec(t.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = vec(rgb(0xFFFFFF));
    c[ImGuiCol_Border] = vec(t.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = vec(rgb(0xFFFFFF));
    c[ImGuiCol_FrameBgHovered] = vec(rgb(0xF4F8FB));
    c[ImGuiCol_FrameBgActive] = vec(rgb(0xFFFFFF));
    c[ImGuiCol_TitleBg] = vec(t.panel);
    c[ImGuiCol_TitleBgActive] = vec(t.chip_bg);
    c[ImGuiCol_TitleBgCollapsed] = vec(t.panel);
    c[ImGuiCol_MenuBarBg] = vec(t.panel);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = vec(rgb(0xC9C3B4));
    c[ImGuiCol_ScrollbarGrabHovered] = vec(rgb(0xB0A994));
    c[ImGuiCol_ScrollbarGrabActive] = vec(rgb(0x968E78));
    c[ImGuiCol_CheckMark] = vec(t.accent);
    c[ImGuiCol_SliderGrab] = vec(t.accent);
    c[ImGuiCol_SliderGrabActive] = vec(t.accent);
    c[ImGuiCol_Button] = vec(t.chip_bg);
    c[ImGuiCol_ButtonHovered] = vec(t.chip_bg_active);
    c[ImGuiCol_ButtonActive] = vec(t.selected_bg);
    c[ImGuiCol_Header] = vec(rgb(0xE4DFD2));
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
    c[ImGuiCol_TableBorderLight] = vec(rgb(0xE6E1D5));
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = vec(rgb(0xF3F0E8));
    c[ImGuiCol_TextSelectedBg] = vec(rgb(0xB9D3F0, 200));
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
        {"error", &Theme::error},
    };
    return roles;
}

}  // namespace wwe::ui
