// Win-Win Explorer UI: the entities table — name, type, mentions, passages; sortable by any
// column (click a header), filtered by a text box; rows the current filters exclude are
// muted. Clicking a row selects the entity (the details panel opens).
#include <algorithm>
#include <string>

#include "core/text.hpp"
#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {
constexpr std::size_t kListedPassages = 24;  // passages listed in a row, then "and N more"
}  // namespace

void draw_entities(ViewContext& ctx, TableFilterState& filter) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    ImGui::Dummy(ImVec2(0, 2));
    if (!ctx.embed.kiosk) {  // a kiosk has no keyboard
        FilterBox("##entity-filter", "Filter entities by name or type", filter.text, 320);
        ImGui::SameLine();
    }
    ImGui::PushFont(ctx.fonts.small);
    ImGui::AlignTextToFramePadding();
    TextMuted(theme, "%s", ctx.embed.kiosk ? "Tap a row for details; muted rows are not mentioned in the passages shown."
                                     : "Click a row for details; muted rows are not mentioned in the passages shown.");
    ImGui::PopFont();

    std::vector<int> rows;
    for (std::size_t n = 0; n < article.nodes.size(); ++n) {
        const Node& node = article.nodes[n];
        if (node.kind != NodeKind::Entity) continue;
        const std::string& type =
            node.type >= 0 ? article.node_types[static_cast<std::size_t>(node.type)].label : node.id;
        bool ok = matches_filter(filter.text, {&node.label, &type});
        for (const Alias& a : node.aliases) ok = ok || matches_filter(filter.text, {&a.text});
        if (ok) rows.push_back(static_cast<int>(n));
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##entities", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 4))) return;
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort, 3.0f, 0);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_None, 1.4f, 1);
    ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_PreferSortDescending, 0.8f, 2);
    ImGui::TableSetupColumn("Passages", ImGuiTableColumnFlags_NoSort, 1.6f, 3);
    ImGui::TableHeadersRow();

    int sort_column = 0;
    bool descending = false;
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        sort_column = static_cast<int>(specs->Specs[0].ColumnUserID);
        descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    auto type_label = [&](int n) -> const std::string& {
        return article.node_types[static_cast<std::size_t>(article.nodes[static_cast<std::size_t>(n)].type)].label;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        int c = 0;
        switch (sort_column) {
            case 1:
                c = type_label(a).compare(type_label(b));
                break;
            case 2:
                c = static_cast<int>(ctx.corpus.node_mentions[static_cast<std::size_t>(a)].size()) -
                    static_cast<int>(ctx.corpus.node_mentions[static_cast<std::size_t>(b)].size());
                break;
            default:
                break;
        }
        if (c == 0)
            c = fold_text(article.nodes[static_cast<std::size_t>(a)].label)
                    .compare(fold_text(article.nodes[static_cast<std::size_t>(b)].label));
        return descending ? c > 0 : c < 0;
    });

    const int selected = selected_node(ctx.corpus, ctx.state);
    for (const int n : rows) {
        const Node& node = article.nodes[static_cast<std::size_t>(n)];
        const NodeRow row = begin_node_row(ctx, n, selected, ImLabel(visual_line(node.label)).c_str());
        ImGui::TableSetColumnIndex(1);
        TextBidi(type_label(n));
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%d", static_cast<int>(ctx.corpus.node_mentions[static_cast<std::size_t>(n)].size()));
        ImGui::TableSetColumnIndex(3);
        // The first passages (a long article's entity may be in thousands: the row stays short).
        std::string passages;
        const auto& in = ctx.corpus.node_passages[static_cast<std::size_t>(n)];
        const std::size_t listed = std::min<std::size_t>(in.size(), kListedPassages);
        for (std::size_t k = 0; k < listed; ++k) {
            if (!passages.empty()) passages += ", ";
            passages += "\xC2\xB6" + std::to_string(in[k] + 1);
        }
        if (listed < in.size()) passages += " and " + std::to_string(in.size() - listed) + " more";
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(passages.empty() ? "\xE2\x80\x94" : passages.c_str());
        ImGui::PopTextWrapPos();
        end_node_row(row);
    }
    ImGui::EndTable();
}

}  // namespace wwe::ui
