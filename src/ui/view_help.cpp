// Win-Win Explorer UI: the keyboard help — every shortcut in one window (? or the Keyboard
// shortcuts button; Esc closes it).
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

void draw_help(ViewContext& ctx, HelpState& help) {
    static const char* const rows[][2] = {
        {"Tab, Shift+Tab", "Move through the explorer: search, toolbar, filters, the view, details; on out of it"},
        {"Arrow keys", "Within a group: the view tabs, a facet's values, a table's rows; in the text: scroll"},
        {"Enter, Space", "Activate: tick a value, open a view, select a concept, go to a passage"},
        {"Esc", "Close a dialog; leave a tour; clear the selection; then clear the search"},
        {"/ or Ctrl+F", "Search the article"},
        {"1 to 7", "Reader, Map, Matrix, Timeline, Entities, Glossary, Contrasts"},
        {"Alt+Left, Alt+Right", "Back and forward through what you looked at"},
        {"Ctrl+Z", "Undo the last change of the filters"},
        {"PageUp, PageDown, Home, End", "Scroll the text"},
        {"?", "This help"},
    };
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, io.DisplaySize.x - 24.0f), 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.surface);
    if (ImGui::Begin("Keyboard shortcuts", &help.open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::BeginTable("##help", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const auto& row : rows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::TextUnformatted(row[0]);
                ImGui::PopFont();
                ImGui::TableSetColumnIndex(1);
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(row[1]);
                ImGui::PopTextWrapPos();
            }
            ImGui::EndTable();
        }
        TextMuted(ctx.theme, "Single-key shortcuts act only while the explorer has the focus.");
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace wwe::ui
