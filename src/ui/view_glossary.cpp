// Win-Win Explorer UI: the glossary — every concept, alphabetically (accents folded):
// label, its translations (the column named by their language when there is one, else each
// term with its language's name), other names, description; filtered by a text box
// (label, aliases, translations, description). Clicking an entry selects the concept.
#include <algorithm>
#include <string>

#include "core/describe.hpp"
#include "core/script.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

void draw_glossary(ViewContext& ctx, TableFilterState& filter) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    // The translations' languages: one names the column, several are named per term.
    const std::vector<std::string> languages = translation_languages(article);
    const std::string column = languages.size() == 1 ? language_name(languages[0]) : std::string("Translations");
    ImGui::Dummy(ImVec2(0, 2));
    if (!ctx.embed.kiosk)  // a kiosk has no keyboard
        FilterBox("##glossary-filter", languages.empty() ? "Filter concepts" : "Filter concepts (also translations)",
                  filter.text, 320);

    std::vector<int> rows;
    for (std::size_t n = 0; n < article.nodes.size(); ++n) {
        const Node& node = article.nodes[n];
        if (node.kind != NodeKind::Concept) continue;
        bool ok = matches_filter(filter.text, {&node.label, &node.description});
        for (const Alias& a : node.aliases) ok = ok || matches_filter(filter.text, {&a.text});
        if (ok) rows.push_back(static_cast<int>(n));
    }
    std::sort(rows.begin(), rows.end(), [&](int a, int b) {
        return fold_for_sorting(article.nodes[static_cast<std::size_t>(a)].label) <
               fold_for_sorting(article.nodes[static_cast<std::size_t>(b)].label);
    });
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::AlignTextToFramePadding();
    TextMuted(theme, "%d concept%s", static_cast<int>(rows.size()), rows.size() == 1 ? "" : "s");
    ImGui::PopFont();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##glossary", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 4))) return;
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Concept", ImGuiTableColumnFlags_None, 1.3f);
    ImGui::TableSetupColumn(ImLabel(column).c_str(), ImGuiTableColumnFlags_None, 0.7f);
    ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_None, 3.0f);
    ImGui::TableHeadersRow();
    const int selected = selected_node(ctx.corpus, ctx.state);
    for (const int n : rows) {
        const Node& node = article.nodes[static_cast<std::size_t>(n)];
        const NodeRow row = begin_node_row(ctx, n, selected, "##row", ImGuiSelectableFlags_AllowItemOverlap);
        ImGui::SetCursorScreenPos(row.top);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(visual_line(node.label).c_str());
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
        ImGui::PushTextWrapPos(0.0f);
        for (const Alias& a : node.aliases) {
            if (a.kind != AliasKind::Translation) continue;
            ImGui::TextUnformatted(visual_line(a.text).c_str());
            if (languages.size() > 1) {
                ImGui::SameLine();
                ImGui::PushFont(ctx.fonts.small);
                TextMuted(theme, "%s", language_name(a.lang).c_str());
                ImGui::PopFont();
            }
        }
        ImGui::PopTextWrapPos();
        ImGui::TableSetColumnIndex(2);
        ImGui::PushTextWrapPos(0.0f);
        TextBidi(node.description);
        ImGui::PopTextWrapPos();
        end_node_row(row);
    }
    ImGui::EndTable();
}

}  // namespace wwe::ui
