// Win-Win Explorer UI: the matrix — one facet against another (two combos; by default the
// first two facets of the article). Each cell counts the passages of the current result
// having both values, shaded by the count; rows and columns have totals; empty rows and
// columns stay visible. Clicking a cell filters to that pair of values and opens the reader.
#include <algorithm>
#include <string>

#include "core/matrix.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

bool facet_combo(const char* id, const Article& article, int current, std::string& out_id) {
    bool changed = false;
    const char* preview = current >= 0 ? article.facets[static_cast<std::size_t>(current)].label.c_str() : "";
    ImGui::SetNextItemWidth(170);
    if (ImGui::BeginCombo(id, preview)) {
        for (std::size_t f = 0; f < article.facets.size(); ++f) {
            if (ImGui::Selectable(article.facets[f].label.c_str(), static_cast<int>(f) == current)) {
                out_id = article.facets[f].id;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void draw_matrix(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    const int rf = matrix_row_facet(article, ctx.state.matrix);
    const int cf = matrix_column_facet(article, ctx.state.matrix);

    ImGui::Dummy(ImVec2(0, 2));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Rows");
    ImGui::SameLine();
    std::string id;
    if (facet_combo("##rows", article, rf, id)) ctx.emit(intent::SetMatrixAxes{id, ctx.state.matrix.columns});
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted("Columns");
    ImGui::SameLine();
    if (facet_combo("##columns", article, cf, id)) ctx.emit(intent::SetMatrixAxes{ctx.state.matrix.rows, id});
    ImGui::SameLine(0, 16);
    if (ImGui::Button("Swap") && rf >= 0 && cf >= 0) {
        ctx.emit(intent::SetMatrixAxes{article.facets[static_cast<std::size_t>(cf)].id,
                                       article.facets[static_cast<std::size_t>(rf)].id});
    }
    if (rf < 0 || cf < 0) return;
    const Facet& rows = article.facets[static_cast<std::size_t>(rf)];
    const Facet& cols = article.facets[static_cast<std::size_t>(cf)];
    TextMuted(theme, "Passages of the current result (%d) having both values. Click a cell to read them.",
              static_cast<int>(ctx.derived.shown.size()));
    ImGui::Dummy(ImVec2(0, 4));

    const FacetMatrix matrix = cross_tab(article, ctx.derived.shown, rf, cf);
    int max_count = 1;
    for (const auto& row : matrix.counts) {
        for (const int c : row) max_count = std::max(max_count, c);
    }
    const int ncols = static_cast<int>(cols.values.size());
    const float cell_w = 92.0f, cell_h = 40.0f;
    // The table's natural size (columns + cell padding + borders; header of two lines);
    // scrollbars only when the view is smaller than that.
    const ImVec2 pad = ImGui::GetStyle().CellPadding;
    const float needed_w = 190.0f + cell_w * static_cast<float>(ncols) + 64.0f +
                           static_cast<float>(ncols + 2) * (2 * pad.x + 1) + 2;
    bool wrapped_header = ImGui::CalcTextSize((rows.label + " \\ " + cols.label).c_str()).x > 186.0f;
    for (const FacetValue& v : cols.values) wrapped_header |= ImGui::CalcTextSize(v.label.c_str()).x > cell_w - 6;
    const float line = ImGui::GetTextLineHeight();
    const float needed_h = cell_h * static_cast<float>(rows.values.size()) + (wrapped_header ? 3 : 2) * line +
                           4 * pad.y + 6;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (needed_w > avail.x) flags |= ImGuiTableFlags_ScrollX;
    if (needed_h > avail.y - 4) flags |= ImGuiTableFlags_ScrollY;
    const float scrollbar = ImGui::GetStyle().ScrollbarSize;
    const ImVec2 outer(std::min(avail.x, needed_w + ((flags & ImGuiTableFlags_ScrollY) ? scrollbar : 0.0f)),
                       std::min(avail.y - 4, needed_h + ((flags & ImGuiTableFlags_ScrollX) ? scrollbar : 0.0f)));
    if (!ImGui::BeginTable("##matrix", ncols + 2, flags, outer)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn((rows.label + " \\ " + cols.label).c_str(), ImGuiTableColumnFlags_WidthFixed, 190.0f);
    for (const FacetValue& v : cols.values)
        ImGui::TableSetupColumn(v.label.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
    ImGui::TableSetupColumn("Total", ImGuiTableColumnFlags_WidthFixed, 64.0f);
    // Header: wrapped labels (facet values can be long).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ncols + 2; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (c == 0 ? 186.0f : c <= ncols ? cell_w - 6 : 60.0f));
        ImGui::TextUnformatted(ImGui::TableGetColumnName(c));
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (c >= 1 && c <= ncols && ImGui::IsItemHovered() &&
            !cols.values[static_cast<std::size_t>(c - 1)].description.empty()) {
            ImGui::SetTooltip("%s", cols.values[static_cast<std::size_t>(c - 1)].description.c_str());
        }
    }
    for (std::size_t r = 0; r < rows.values.size(); ++r) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, cell_h);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 186.0f);
        ImGui::TextUnformatted(rows.values[r].label.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered() && !rows.values[r].description.empty())
            ImGui::SetTooltip("%s", rows.values[r].description.c_str());
        for (int c = 0; c < ncols; ++c) {
            ImGui::TableSetColumnIndex(c + 1);
            const int count = matrix.counts[r][static_cast<std::size_t>(c)];
            const float t = static_cast<float>(count) / static_cast<float>(max_count);
            const ImU32 bg = count == 0 ? theme.background : heat_color(theme, t);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
            ImGui::PushID(static_cast<int>(r) * 1000 + c);
            char label[16];
            std::snprintf(label, sizeof label, "%d", count);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##cell", ImVec2(cell_w - 8, cell_h - 8)) && count > 0) {
                FacetSelection facets = ctx.state.facets;
                facets[rows.id] = {rows.values[r].id};
                facets[cols.id].insert(cols.values[static_cast<std::size_t>(c)].id);
                if (rf != cf) facets[cols.id] = {cols.values[static_cast<std::size_t>(c)].id};
                ctx.emit(intent::SetFacets{facets, true});
            }
            const bool hot = ImGui::IsItemHovered();
            const ImVec2 ts = ImGui::CalcTextSize(label);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (hot && count > 0) {
                dl->AddRect(ImVec2(pos.x - 3, pos.y - 3), ImVec2(pos.x + cell_w - 5, pos.y + cell_h - 5), theme.accent,
                            3.0f, 0, 2.0f);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::SetTooltip("%s: %s\n%s: %s\n%d passage%s \xE2\x80\x94 click to read", rows.label.c_str(),
                                  rows.values[r].label.c_str(), cols.label.c_str(),
                                  cols.values[static_cast<std::size_t>(c)].label.c_str(), count, count == 1 ? "" : "s");
            }
            dl->AddText(ImVec2(pos.x + (cell_w - 8 - ts.x) * 0.5f, pos.y + (cell_h - 8 - ts.y) * 0.5f),
                        count == 0 ? theme.text_muted : theme.text, label);
            ImGui::PopID();
        }
        ImGui::TableSetColumnIndex(ncols + 1);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::Text("%d", matrix.row_totals[r]);
        ImGui::PopFont();
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Total");
    for (int c = 0; c < ncols; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        ImGui::Text("%d", matrix.column_totals[static_cast<std::size_t>(c)]);
    }
    ImGui::TableSetColumnIndex(ncols + 1);
    ImGui::Text("%d", static_cast<int>(ctx.derived.shown.size()));
    ImGui::PopFont();
    ImGui::EndTable();
}

}  // namespace wwe::ui
