// Win-Win Explorer UI: the glossary — every concept, alphabetically: label, Chinese term
// (the first translation alias in zh*), other names, description; filtered by a text box
// (label, aliases, Chinese term, description). Clicking an entry selects the concept.
#include <algorithm>
#include <string>

#include "core/text.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

void draw_glossary(ViewContext& ctx, TableFilterState& filter) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    ImGui::Dummy(ImVec2(0, 2));
    if (!ctx.embed.kiosk)  // a kiosk has no keyboard
        FilterBox("##glossary-filter", "Filter concepts (also Chinese terms)", filter.text, 320);

    std::vector<int> rows;
    for (std::size_t n = 0; n < article.nodes.size(); ++n) {
        const Node& node = article.nodes[n];
        if (node.kind != NodeKind::Concept) continue;
        bool ok = matches_filter(filter.text, {&node.label, &node.description});
        for (const Alias& a : node.aliases) ok = ok || matches_filter(filter.text, {&a.text});
        if (ok) rows.push_back(static_cast<int>(n));
    }
    std::sort(rows.begin(), rows.end(), [&](int a, int b) {
        return fold_text(article.nodes[static_cast<std::size_t>(a)].label) <
               fold_text(article.nodes[static_cast<std::size_t>(b)].label);
    });
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::AlignTextToFramePadding();
    TextMuted(theme, "%d concept%s", static_cast<int>(rows.size()), rows.size() == 1 ? "" : "s");
    ImGui::PopFont();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##glossary", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 4))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Concept", ImGuiTableColumnFlags_None, 1.3f);
    ImGui::TableSetupColumn("Chinese", ImGuiTableColumnFlags_None, 0.7f);
    ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_None, 3.0f);
    ImGui::TableHeadersRow();
    const int selected = selected_node(ctx.corpus, ctx.state);
    for (const int n : rows) {
        const Node& node = article.nodes[static_cast<std::size_t>(n)];
        const NodeRow row = begin_node_row(ctx, n, selected, "##row", ImGuiSelectableFlags_AllowItemOverlap);
        ImGui::SetCursorScreenPos(row.top);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(node.label.c_str());
        ImGui::PopFont();
        std::string others;
        for (const Alias& a : node.aliases) {
            if (a.kind == AliasKind::Translation) continue;
            if (!others.empty()) others += ", ";
            others += a.text;
        }
        if (!others.empty()) {
            ImGui::PushFont(ctx.fonts.small);
            TextWrappedColored(theme.text_muted, ("also: " + others).c_str());
            ImGui::PopFont();
        }
        ImGui::PopTextWrapPos();
        ImGui::TableSetColumnIndex(1);
        if (const Alias* zh = node.translation("zh")) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(zh->text.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::TableSetColumnIndex(2);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(node.description.c_str());
        ImGui::PopTextWrapPos();
        end_node_row(row);
    }
    ImGui::EndTable();
}

}  // namespace wwe::ui
