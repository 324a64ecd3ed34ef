// Win-Win Explorer UI: the keyboard help — every shortcut in one window (? or the Keyboard
// shortcuts button; Esc closes it).
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

namespace {
// Every key the explorer binds (library_mirror.js mirrorKey/canvasKey, web_main.cpp on_key).
const char* const kRows[][2] = {
        {"Tab, Shift+Tab", "Move through the explorer: search, toolbar, filters, the view, details; on out of it"},
        {"Left, Right", "Within the toolbar, the view tabs, a facet's values, a passage's mentions and themes"},
        {"Up, Down", "Within a facet's values, a list, a menu; in a table, the row above or below"},
        {"Up, Down in a passage", "The passage before or after (the text scrolls there)"},
        {"Home, End in a group", "The first or last item of the group, menu or table"},
        {"Enter, Space", "Activate: tick a value, open a view or a menu, select a concept, go to a passage"},
        {"Esc", "Close a menu or dialog; leave a tour; clear the selection; then clear the search"},
        {"/ or Ctrl+F", "Search the article"},
        {"Enter in the search box", "Search now (and keep the search in the history)"},
        {"1 to 9", "Reader, Map, Matrix, Timeline, Entities, Glossary, Contrasts, Contexts, Terms"},
        {"Alt+Left, Alt+Right", "Back and forward through what you looked at"},
        {"Ctrl+Z", "Undo the last change of the filters"},
        {"Up, Down, PageUp, PageDown, Home, End", "In the text (outside a group): scroll it"},
        {"Ctrl+C", "Copy the selected words of the text (the button by the selection adds a citation)"},
        {"Shift+F10, Menu key", "On a passage or a Contexts row: its actions (copy, cite, link, add to notebook)"},
        {"?", "This help"},
};
const char* const kNote =
    "Single-key shortcuts act only while the explorer has the focus; ?keys=off in the address switches them off.";
// How mentions and hits are marked, in words that do not depend on seeing the colours.
const char* const kMarks =
    "In the text, an entity is underlined with a solid line, a concept with a dotted line, and a search hit is "
    "boxed. On the map, concepts are circles and entities squares.";
// The sample drawn above kMarks: the same marks as in the reader.
constexpr std::string_view kSample = "entity \xC2\xB7 concept \xC2\xB7 search hit";
}  // namespace

void draw_help(ViewContext& ctx, HelpState& help) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, io.DisplaySize.x - 24.0f), 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.surface);
    if (ImGui::Begin("Keyboard shortcuts", &help.open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::BeginTable("##help", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const auto& row : kRows) {
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
        TextMuted(ctx.theme, "%s", kNote);
        ImGui::Spacing();
        const std::vector<RichSpan> spans = {{0, 6, RichStyle_Entity, -1},
                                             {10, 17, RichStyle_Concept, -1},
                                             {21, static_cast<std::uint32_t>(kSample.size()), RichStyle_Hit, -1}};
        RichLayoutParams params;
        const RichTextLayout sample = layout_rich_text(kSample, spans, params);
        RichText("##marks", kSample, sample, rich_colors(ctx.theme), nullptr);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(kMarks);
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("Close")) help.open = false;
        ctx.places.place_item("help-dialog/close");
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        ctx.places.place("help-dialog", pos, ImVec2(pos.x + size.x, pos.y + size.y));
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

void help_semantics(SemanticTree& tree, int root) {
    auto add = [&](int parent, std::string id, SemanticRole role, std::string name) {
        SemanticNode n;
        n.id = std::move(id);
        n.role = role;
        n.name = std::move(name);
        n.parent = parent;
        tree.nodes.push_back(std::move(n));
        return static_cast<int>(tree.nodes.size()) - 1;
    };
    const int dialog = add(root, "help-dialog", SemanticRole::Dialog, "Keyboard shortcuts");
    const int table = add(dialog, "help-dialog/keys", SemanticRole::Table, "Keyboard shortcuts");
    int i = 0;
    for (const auto& row : kRows) {
        const std::string rid = "help-dialog/key/" + std::to_string(i++);
        const int r = add(table, rid, SemanticRole::Row, "");
        add(r, rid + "/keys", SemanticRole::RowHeader, row[0]);
        add(add(r, rid + "/does", SemanticRole::Cell, ""), rid + "/does/text", SemanticRole::Text, row[1]);
    }
    add(dialog, "help-dialog/note", SemanticRole::Paragraph, kNote);
    add(dialog, "help-dialog/marks", SemanticRole::Paragraph, kMarks);
    const int close = add(dialog, "help-dialog/close", SemanticRole::Button, "Close the keyboard shortcuts");
    tree.nodes[static_cast<std::size_t>(close)].command = SemanticCommand::ShowHelp;
    tree.nodes[static_cast<std::size_t>(close)].flags |= Semantic_Focusable;
}

}  // namespace wwe::ui
