// Win-Win Explorer UI: contrasts — the oppositions the article draws ("A instead of B":
// relations whose type is a contrast), side by side: what the article proposes | what it
// sets against it, each with its evidence passages (click: read the passage).
#include <string>

#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

// The relation's evidence passages (in the right column), each a link to the reader.
void draw_evidence(const ViewContext& ctx, const Relation& rel) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    for (const int p : rel.evidence) {
        const Passage& passage = article.passages[static_cast<std::size_t>(p)];
        std::size_t at = 0;
        for (const Mention& m : ctx.corpus.mentions[static_cast<std::size_t>(p)]) {
            if (m.node == rel.target) {
                at = m.begin;
                break;
            }
        }
        const std::string text = "\xC2\xB6" + std::to_string(p + 1) + "  " + excerpt(passage.text, at, 110);
        ImGui::PushID(p);
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width);
        if (ImGui::InvisibleButton("##evidence", ImVec2(width, size.y))) open_passage(ctx, p);
        const bool hot = ImGui::IsItemHovered();
        if (hot) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("Read passage %d", p + 1);
            hover_passage(ctx, p);
        }
        ImGui::GetWindowDrawList()->AddText(
            ImGui::GetFont(), ImGui::GetFontSize(), pos,
            hot ? theme.accent : (ctx.derived.passage_in(p) ? theme.text : theme.text_muted), text.c_str(), nullptr,
            width);
        ImGui::PopID();
    }
}

}  // namespace

void draw_contrasts(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    std::vector<int> rows;
    for (std::size_t r = 0; r < article.relations.size(); ++r) {
        const Relation& rel = article.relations[r];
        if (is_contrast(article.relation_types[static_cast<std::size_t>(rel.type)]))
            rows.push_back(static_cast<int>(r));
    }
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::PushFont(ctx.fonts.small);
    TextMuted(theme, "%d oppositions the article draws. Muted rows have no evidence among the passages shown.",
              static_cast<int>(rows.size()));
    ImGui::PopFont();
    if (rows.empty()) return;

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("##contrasts", 2, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 4))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("What the article proposes");
    ImGui::TableSetupColumn("What it sets against it");
    ImGui::TableHeadersRow();
    const int selected = selected_node(ctx.corpus, ctx.state);
    for (const int r : rows) {
        const Relation& rel = article.relations[static_cast<std::size_t>(r)];
        bool in = false;
        for (const int p : rel.evidence) in = in || ctx.derived.passage_in(p);
        ImGui::TableNextRow();
        ImGui::PushID(r);
        if (!in) ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
        const int sides[2] = {rel.source, rel.target};
        for (int side = 0; side < 2; ++side) {
            ImGui::TableSetColumnIndex(side);
            const int n = sides[side];
            const Node& node = article.nodes[static_cast<std::size_t>(n)];
            ImGui::PushID(side);
            ImGui::PushFont(ctx.fonts.bold);
            if (ImGui::Selectable(ImLabel(visual_line(node.label)).c_str(), n == selected)) select_node(ctx, n == selected ? -1 : n);
            ImGui::PopFont();
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                TextBidi(node.description);
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PopID();
            ImGui::PushFont(ctx.fonts.small);
            if (side == 0) {
                // The annotation's gloss under what the article proposes, the evidence opposite.
                if (!rel.note.empty()) TextWrappedColored(theme.text_muted, rel.note.c_str());
            } else {
                draw_evidence(ctx, rel);
            }
            ImGui::PopFont();
        }
        if (!in) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace wwe::ui
