// Win-Win Explorer UI: the matrix — one facet against another (two combos; by default the
// first two facets of the article). Each cell counts the passages of the current result
// having both values, shaded by the count; rows and columns have totals, and passages with
// no value of a facet have their own row or column ("No Front") so that the totals add up;
// empty rows and columns stay visible; the cells share the view's width. Clicking a cell filters to that pair of values and opens the reader.
#include <algorithm>
#include <string>

#include "core/describe.hpp"
#include "core/matrix.hpp"
#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

// A facet chosen in a combo; the mirror's radio group `semantic` and each of its radios
// ("<semantic>/<facet id>") sit over the combo (it shows the checked one).
bool facet_combo(ViewContext& ctx, const char* id, const char* semantic, const Article& article, int current,
                 std::string& out_id) {
    bool changed = false;
    const std::string preview_text = current >= 0 ? ImLabel(visual_line(article.facets[static_cast<std::size_t>(current)].label)) : "";
    const char* preview = preview_text.c_str();
    ImGui::SetNextItemWidth(170);
    if (ImGui::BeginCombo(id, preview)) {
        {
            const TouchRows rows;  // finger-sized on touch screens
            for (std::size_t f = 0; f < article.facets.size(); ++f) {
                if (ImGui::Selectable(ImLabel(visual_line(article.facets[f].label)).c_str(), static_cast<int>(f) == current)) {
                    out_id = article.facets[f].id;
                    changed = true;
                }
            }
        }
        ImGui::EndCombo();
    }
    ctx.places.place_item(semantic);
    for (const Facet& f : article.facets) ctx.places.place_item(std::string(semantic) + "/" + f.id);
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
    if (facet_combo(ctx, "##rows", "matrix/rows", article, rf, id)) ctx.emit(intent::SetMatrixAxes{id, ctx.state.matrix.columns});
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted("Columns");
    ImGui::SameLine();
    if (facet_combo(ctx, "##columns", "matrix/columns", article, cf, id)) ctx.emit(intent::SetMatrixAxes{ctx.state.matrix.rows, id});
    ImGui::SameLine(0, 16);
    if (ImGui::Button("Swap") && rf >= 0 && cf >= 0) {
        ctx.emit(intent::SetMatrixAxes{article.facets[static_cast<std::size_t>(cf)].id,
                                       article.facets[static_cast<std::size_t>(rf)].id});
    }
    if (rf < 0 || cf < 0) return;
    const Facet& rows = article.facets[static_cast<std::size_t>(rf)];
    const Facet& cols = article.facets[static_cast<std::size_t>(cf)];
    const FacetMatrix matrix = cross_tab(article, ctx.derived.shown, rf, cf);
    const bool row_none = matrix.row_none_total > 0;     // a "No <row facet>" row
    const bool col_none = matrix.column_none_total > 0;  // a "No <column facet>" column
    const bool touch = TouchStyle();  // the hints in the words of the input device (describe.hpp)
    TextMuted(theme, "%s", matrix_hint(static_cast<int>(ctx.derived.shown.size()), matrix.multi_valued, touch).c_str());
    ImGui::Dummy(ImVec2(0, 4));

    int max_count = 1;
    for (const auto& row : matrix.counts) {
        for (const int c : row) max_count = std::max(max_count, c);
    }
    const int ncols = static_cast<int>(cols.values.size());
    const int data_cols = ncols + (col_none ? 1 : 0);
    const int nrows = static_cast<int>(rows.values.size()) + (row_none ? 1 : 0);
    const float head_w = 190.0f, total_w = 72.0f, cell_h = 40.0f;
    const ImVec2 pad = ImGui::GetStyle().CellPadding;
    const float scrollbar = ImGui::GetStyle().ScrollbarSize;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float borders = static_cast<float>(data_cols + 2) * (2 * pad.x + 1) + 2;
    // Cells share the width there is (between a readable minimum and a maximum past which
    // the eye loses the row).
    const float cell_w = std::clamp((avail.x - head_w - total_w - borders - scrollbar) / static_cast<float>(data_cols),
                                    92.0f, 150.0f);
    // The table's natural size (columns + cell padding + borders; header of two lines);
    // scrollbars only when the view is smaller than that.
    const float needed_w = head_w + cell_w * static_cast<float>(data_cols) + total_w + borders;
    const std::string row_none_label = "No " + rows.label;
    const std::string col_none_label = "No " + cols.label;
    bool wrapped_header = ImGui::CalcTextSize((rows.label + " \\ " + cols.label).c_str()).x > head_w - 4;
    for (const FacetValue& v : cols.values) wrapped_header |= ImGui::CalcTextSize(v.label.c_str()).x > cell_w - 6;
    wrapped_header |= col_none && ImGui::CalcTextSize(col_none_label.c_str()).x > cell_w - 6;
    const float line = ImGui::GetTextLineHeight();
    const float needed_h = cell_h * static_cast<float>(nrows) + (wrapped_header ? 3 : 2) * line + 4 * pad.y + 6;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (needed_w > avail.x) flags |= ImGuiTableFlags_ScrollX;
    if (needed_h > avail.y - 4) flags |= ImGuiTableFlags_ScrollY;
    const ImVec2 outer(std::min(avail.x, needed_w + ((flags & ImGuiTableFlags_ScrollY) ? scrollbar : 0.0f)),
                       std::min(avail.y - 4, needed_h + ((flags & ImGuiTableFlags_ScrollX) ? scrollbar : 0.0f)));
    if (!ImGui::BeginTable("##matrix", data_cols + 2, flags, outer)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(ImLabel(visual_line(rows.label) + " \\ " + visual_line(cols.label)).c_str(), ImGuiTableColumnFlags_WidthFixed, head_w);
    for (const FacetValue& v : cols.values)
        ImGui::TableSetupColumn(ImLabel(visual_line(v.label)).c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
    if (col_none) ImGui::TableSetupColumn(ImLabel(col_none_label).c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
    ImGui::TableSetupColumn("Total", ImGuiTableColumnFlags_WidthFixed, total_w);

    // Every number is centred in its column (cells, "no value" counts and totals alike), so
    // that a column reads as one.
    auto number = [&](int n, float width, ImU32 color) {
        char text[16];
        std::snprintf(text, sizeof text, "%d", n);
        const ImVec2 ts = ImGui::CalcTextSize(text);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + (width - ts.x) * 0.5f, pos.y + (cell_h - 8 - ts.y) * 0.5f),
                                            color, text);
        ImGui::Dummy(ImVec2(width, cell_h - 8));
    };
    auto none_tooltip = [&](const std::string& what) {
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\nCounted so that the totals add up; not a filter.", what.c_str());
    };

    // Header: wrapped labels (facet values can be long).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < data_cols + 2; ++c) {
        ImGui::TableSetColumnIndex(c);
        const bool is_none = col_none && c == ncols + 1;
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (c == 0 ? head_w - 4 : c <= data_cols ? cell_w - 6 : total_w - 4));
        if (is_none) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.text_muted));
        ImGui::TextUnformatted(ImGui::TableGetColumnName(c));
        if (is_none) ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (c >= 1 && c <= ncols && ImGui::IsItemHovered() &&
            !cols.values[static_cast<std::size_t>(c - 1)].description.empty()) {
            ImGui::SetTooltip("%s", cols.values[static_cast<std::size_t>(c - 1)].description.c_str());
        }
        if (is_none) none_tooltip("Passages with no " + cols.label + " value.");
    }
    for (std::size_t r = 0; r < rows.values.size(); ++r) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, cell_h);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + head_w - 4);
        TextBidi(rows.values[r].label);
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
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##cell", ImVec2(cell_w - 8, cell_h - 8)) && count > 0) {
                FacetSelection facets = ctx.state.facets;
                facets[rows.id] = {rows.values[r].id};
                facets[cols.id].insert(cols.values[static_cast<std::size_t>(c)].id);
                if (rf != cf) facets[cols.id] = {cols.values[static_cast<std::size_t>(c)].id};
                ctx.emit(intent::SetFacets{facets, true});
            }
            const bool hot = ImGui::IsItemHovered();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (hot && count > 0) {
                dl->AddRect(ImVec2(pos.x - 3, pos.y - 3), ImVec2(pos.x + cell_w - 5, pos.y + cell_h - 5), theme.accent,
                            3.0f, 0, 2.0f);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::SetTooltip("%s: %s\n%s: %s\n%d passage%s \xE2\x80\x94 %s", rows.label.c_str(),
                                  rows.values[r].label.c_str(), cols.label.c_str(),
                                  cols.values[static_cast<std::size_t>(c)].label.c_str(), count, count == 1 ? "" : "s",
                                  matrix_cell_hint(touch));
            }
            ImGui::SetCursorScreenPos(pos);
            number(count, cell_w - 8, count == 0 ? theme.text_muted : theme.text);
            ImGui::PopID();
        }
        if (col_none) {
            ImGui::TableSetColumnIndex(ncols + 1);
            number(matrix.column_none[r], cell_w - 8, theme.text_muted);
            none_tooltip(rows.label + ": " + rows.values[r].label + ", no " + cols.label + " value.");
        }
        ImGui::TableSetColumnIndex(data_cols + 1);
        ImGui::PushFont(ctx.fonts.bold);
        number(matrix.row_totals[r], total_w - 8, theme.text);
        ImGui::PopFont();
    }
    if (row_none) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, cell_h);
        ImGui::TableSetColumnIndex(0);
        TextMuted(theme, "%s", row_none_label.c_str());
        none_tooltip("Passages with no " + rows.label + " value.");
        for (int c = 0; c < ncols; ++c) {
            ImGui::TableSetColumnIndex(c + 1);
            number(matrix.row_none[static_cast<std::size_t>(c)], cell_w - 8, theme.text_muted);
            none_tooltip(cols.label + ": " + cols.values[static_cast<std::size_t>(c)].label + ", no " + rows.label +
                         " value.");
        }
        if (col_none) {
            ImGui::TableSetColumnIndex(ncols + 1);
            number(matrix.none_none, cell_w - 8, theme.text_muted);
            none_tooltip("Passages with neither a " + rows.label + " nor a " + cols.label + " value.");
        }
        ImGui::TableSetColumnIndex(data_cols + 1);
        ImGui::PushFont(ctx.fonts.bold);
        number(matrix.row_none_total, total_w - 8, theme.text);
        ImGui::PopFont();
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_None, cell_h);
    ImGui::TableSetColumnIndex(0);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Total");
    for (int c = 0; c < ncols; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        number(matrix.column_totals[static_cast<std::size_t>(c)], cell_w - 8, theme.text);
    }
    if (col_none) {
        ImGui::TableSetColumnIndex(ncols + 1);
        number(matrix.column_none_total, cell_w - 8, theme.text);
    }
    ImGui::TableSetColumnIndex(data_cols + 1);
    number(matrix.passages, total_w - 8, theme.text);
    ImGui::PopFont();
    ImGui::EndTable();
}

}  // namespace wwe::ui
