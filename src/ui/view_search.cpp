// Win-Win Explorer UI: the search bar (search box, result line, filter toggle) and the
// dismissible notice under it.
#include <string>

#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

int chosen_value_count(const ViewState& state) {
    int n = 0;
    for (const auto& [facet, values] : state.facets) n += static_cast<int>(values.size());
    return n;
}

}  // namespace

static void draw_search_box(ViewContext& ctx);
static void draw_topic_chips(ViewContext& ctx);
static void draw_result_line(ViewContext& ctx, int chosen);

void draw_search_bar(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    if (!ui.search_active && ui.search_buffer != ctx.state.query) ui.search_buffer = ctx.state.query;

    const int chosen = chosen_value_count(ctx.state);
    if (ui.narrow) {
        // Folded panels: "Filters (n)" and, on small screens with a selection, "Details";
        // while one of them shows, a button back to the view.
        const bool has_details = selected_node(ctx.corpus, ctx.state) >= 0 || !ui.edge.empty();
        const bool showing = ui.show_filters || (ui.small && ui.show_details && has_details);
        char label[64];
        if (showing) {
            std::snprintf(label, sizeof label, "Back to %s", view_label(ctx.state.view));
            if (ImGui::Button(label)) ui.show_filters = ui.show_details = false;
        } else {
            std::snprintf(label, sizeof label, chosen ? "Filters (%d)" : "Filters", chosen);
            if (ImGui::Button(label)) ui.show_filters = true;
            if (ui.small && has_details) {
                ImGui::SameLine();
                if (ImGui::Button("Details")) ui.show_details = true;
            }
        }
        ImGui::SameLine();
    }

    if (ctx.embed.kiosk) {
        draw_topic_chips(ctx);
    } else {
        draw_search_box(ctx);
    }
    draw_result_line(ctx, chosen);
}

static void draw_search_box(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool has_query = !ui.search_buffer.empty();
    const float clear_w = has_query ? ImGui::GetFrameHeight() + style.ItemSpacing.x : 0.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - clear_w);
    if (ui.focus_search) {
        ImGui::SetKeyboardFocusHere();
        ui.focus_search = false;
    }
    const char* hint = ui.narrow ? "Search the article" : "Search the article   ( / or Ctrl+F )";
    if (InputTextString("##search", hint, ui.search_buffer)) ctx.next.query = ui.search_buffer;
    ui.search_active = ImGui::IsItemActive();
    if (has_query) {
        ImGui::SameLine();
        if (CloseButton("##clear-search", ctx.theme)) {
            ui.search_buffer.clear();
            ctx.next.query.clear();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear the search (Esc)");
    }

}

// A kiosk has no keyboard: the article's suggested searches, one tap each (again: off).
static void draw_topic_chips(ViewContext& ctx) {
    const auto& topics = ctx.corpus.article.topics;
    if (topics.empty()) {
        TextMuted(ctx.theme, "Touch a passage's words, the map or the filters to explore.");
        return;
    }
    FlowRow row;
    row.begin(ImGui::GetContentRegionAvail().x);
    for (std::size_t i = 0; i < topics.size(); ++i) {
        const bool on = ctx.state.query == topics[i].query;
        const std::string label = topics[i].label + "##topic" + std::to_string(i);
        row.next(ChipWidth(label.c_str()));
        if (Chip(label.c_str(), ctx.theme, on ? ChipFlags_Active : ChipFlags_None)) {
            ctx.next.query = on ? std::string() : topics[i].query;
            ctx.ui.search_buffer = ctx.next.query;
        }
    }
}

// Result line: how much of the article is shown.
static void draw_result_line(ViewContext& ctx, int chosen) {
    ImGui::PushFont(ctx.fonts.small);
    const int total = static_cast<int>(ctx.corpus.article.passages.size());
    const int shown = static_cast<int>(ctx.derived.shown.size());
    std::string line;
    if (ctx.state.query.empty() && chosen == 0) {
        line = "All " + std::to_string(total) + " passages";
    } else {
        line = std::to_string(shown) + " of " + std::to_string(total) + " passages" +
               (shown == 1 ? " matches" : " match");
        if (!ctx.state.query.empty()) line += " " + quoted_query(ctx.state.query);
        if (chosen) line += ctx.state.query.empty() ? " the filters" : " and the filters";
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void draw_notice(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    if (ui.notice.empty()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float text_w = width - 2 * style.WindowPadding.x - ImGui::GetFrameHeight() - style.ItemSpacing.x;
    ImGui::PushFont(ctx.fonts.small);
    float height = ImGui::GetTextLineHeightWithSpacing();
    const std::size_t max_lines = 6;
    for (std::size_t i = 0; i < ui.notice.size() && i < max_lines; ++i) {
        height += ImGui::CalcTextSize(ui.notice[i].c_str(), nullptr, false, text_w).y + style.ItemSpacing.y;
    }
    ImGui::PopFont();
    height += 2 * style.WindowPadding.y;

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.theme.notice_bg);
    ImGui::BeginChild("##notice", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(ui.notice_title.c_str());
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
    const bool dismiss = CloseButton("##dismiss-notice", ctx.theme);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    for (std::size_t i = 0; i < ui.notice.size() && i < max_lines; ++i) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.error);
        ImGui::TextUnformatted(ui.notice[i].c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndChild();
    if (dismiss) {
        ui.notice.clear();
        ui.notice_title.clear();
    }
}

}  // namespace wwe::ui
