// Win-Win Explorer UI: the facet panel — every facet (the built-in section facet too),
// each value with its count over the current result; AND across facets, OR within one.
#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

void draw_facets(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    const auto& counts = ctx.derived.result.counts;
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list

    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Filters");
    ImGui::PopFont();
    if (!ctx.state.facets.empty()) {
        ImGui::SameLine();
        const char* label = "Clear all";
        const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - w);
        if (ImGui::SmallButton(label)) ctx.emit(intent::ClearFacets{});
        ctx.places.place_item("filters/clear");
    }
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Passages with any ticked value of a group, and of every group.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float count_column = 28.0f;  // CSS px kept free for the counts
    // Compact rows: smaller boxes than ImGui's default frame padding gives.
    const bool touch = TouchStyle();  // a kiosk keeps finger-sized rows
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, touch ? ImGui::GetStyle().FramePadding : ImVec2(3, 3));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 5));
    for (std::size_t f = 0; f < article.facets.size(); ++f) {
        const Facet& facet = article.facets[f];
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(visual_line(facet.label).c_str());
        ImGui::PopFont();
        if (ImGui::IsItemHovered() && !facet.description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
            ImGui::TextUnformatted(facet.description.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        const bool facet_locked = ctx.embed.locked.count(facet.id) > 0;
        if (facet_locked) {
            ImGui::SameLine();
            ImGui::PushFont(ctx.fonts.small);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.text_muted), "set by this page");
            ImGui::PopFont();
        }
        const auto chosen_it = ctx.state.facets.find(facet.id);
        ImGui::PushID(static_cast<int>(f));
        for (std::size_t v = 0; v < facet.values.size(); ++v) {
            const FacetValue& value = facet.values[v];
            const bool on = chosen_it != ctx.state.facets.end() && chosen_it->second.count(value.id) > 0;
            const int count = f < counts.size() && v < counts[f].size() ? counts[f][v] : 0;
            ImGui::PushID(static_cast<int>(v));
            if (count == 0 && !on) ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
            bool checked = on;
            // Long labels are cut before the count column (the tooltip has them whole).
            const ImVec2 row_min = ImGui::GetCursorScreenPos();
            ImGui::PushClipRect(ImVec2(row_min.x - 2, row_min.y - 2),
                                ImVec2(right - count_column, row_min.y + ImGui::GetFrameHeight() + 2), true);
            if (facet_locked) ImGui::BeginDisabled();
            if (ImGui::Checkbox(ImLabel(visual_line(value.label)).c_str(), &checked)) ctx.emit(intent::ToggleFacetValue{facet.id, value.id});
            ctx.places.place_item("facet/" + facet.id + "/" + value.id);
            if (facet_locked) ImGui::EndDisabled();
            ImGui::PopClipRect();
            if (count == 0 && !on) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::TextUnformatted(value.label.c_str());
                ImGui::PopFont();
                if (!value.description.empty()) ImGui::TextUnformatted(value.description.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PushFont(ctx.fonts.small);
            CountBadge(count, right, theme);
            ImGui::PopFont();
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::PopStyleVar(2);
}

}  // namespace wwe::ui
