// Win-Win Explorer UI: the search bar (search box, result line, filter toggle) and the
// dismissible notice under it.
#include <string>

#include "core/script.hpp"
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

static void draw_search_box(ViewContext& ctx, SearchBoxState& search);
static void draw_topic_chips(ViewContext& ctx);
static void draw_result_line(ViewContext& ctx);

void draw_search_bar(ViewContext& ctx, SearchBoxState& search) {
    const Layout& layout = ctx.layout;
    const int chosen = chosen_value_count(ctx.state);
    if (layout.narrow) {
        // Folded panels: "Filters (n)" and, on small screens with a selection, "Details";
        // while one of them shows, a button back to the view.
        const bool has_details = selected_node(ctx.corpus, ctx.state) >= 0 || ctx.state.selection.is_edge();
        const bool showing = layout.show_filters || (layout.small && layout.show_details && has_details);
        char label[64];
        if (showing) {
            std::snprintf(label, sizeof label, "Back to %s", view_label(ctx.state.view));
            if (ImGui::Button(label)) ctx.shell.panel = ShellRequests::Panel::View;
            ctx.places.place_item("show-filters");
        } else {
            std::snprintf(label, sizeof label, chosen ? "Filters (%d)" : "Filters", chosen);
            if (ImGui::Button(label)) ctx.shell.panel = ShellRequests::Panel::Filters;
            ctx.places.place_item("show-filters");
            if (layout.small && has_details) {
                ImGui::SameLine();
                if (ImGui::Button("Details")) ctx.shell.panel = ShellRequests::Panel::Details;
            }
        }
        ImGui::SameLine();
    }

    if (ctx.embed.kiosk) {
        draw_topic_chips(ctx);
    } else {
        draw_search_box(ctx, search);
    }
    draw_result_line(ctx);
}

static void draw_search_box(ViewContext& ctx, SearchBoxState& search) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // The box shows the state's search text whenever someone other than the typist changed
    // it (a link, the page, undo, a chip), even while it has the focus.
    const bool follow = search.query_serial != ctx.core.query_serial() ||
                        (!search.active && search.buffer != ctx.state.query);
    search.query_serial = ctx.core.query_serial();
    const bool has_query = !search.buffer.empty() || (follow && !ctx.state.query.empty());
    const float clear_w = has_query ? ImGui::GetFrameHeight() + style.ItemSpacing.x : 0.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - clear_w);
    if (search.focus) {
        ImGui::SetKeyboardFocusHere();
        search.focus = false;
    }
    // Keys only where there is a keyboard to press them (a finger gets the plain hint).
    const char* hint = ctx.layout.narrow || ctx.input.touch ? "Search the article" : "Search the article   ( / or Ctrl+F )";
    if (search.dom) {
        // The page's text field sits over this frame (the mirror's search box): it edits the
        // query itself, with the browser's text handling, input methods and caret.
        const ImVec2 size(ImGui::CalcItemWidth(), ImGui::GetFrameHeight());
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(size);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ctx.theme.surface, ImGui::GetStyle().FrameRounding);
        dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ctx.theme.outline, ImGui::GetStyle().FrameRounding);
        ctx.places.place("search/box", pos, ImVec2(pos.x + size.x, pos.y + size.y));
        search.buffer = ctx.state.query;
    } else {
        if (InputTextString("##search", hint, search.buffer, follow ? &ctx.state.query : nullptr))
            ctx.emit(intent::SetQuery{search.buffer, true});
        const bool was_active = search.active;
        search.active = ImGui::IsItemActive();
        if (was_active && !search.active) ctx.emit(intent::SettleQuery{});  // left the box: a history step now
        ctx.places.place_item("search/box");
    }
    if (has_query) {
        ImGui::SameLine();
        if (CloseButton("##clear-search", ctx.theme)) {
            search.buffer.clear();
            ctx.emit(intent::SetQuery{std::string(), false});
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
        const std::string label = ImLabel(topics[i].label) + "##topic" + std::to_string(i);
        row.next(ChipWidth(label.c_str()));
        if (Chip(label.c_str(), ctx.theme, on ? ChipFlags_Active : ChipFlags_None))
            ctx.emit(intent::SetQuery{on ? std::string() : topics[i].query, false});
    }
}

// Result line: how much of the article is shown.
static void draw_result_line(ViewContext& ctx) {
    ImGui::PushFont(ctx.fonts.small);
    // visual_line: a right-to-left query inside the sentence is drawn in order and shaped.
    const std::string line = visual_line(result_summary(ctx.corpus, ctx.state, static_cast<int>(ctx.derived.shown.size())));
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ctx.places.place_item("search/result");
    ImGui::PopFont();
}

void draw_notice(ViewContext& ctx, NoticeState& ui) {
    const Notice& notice = ctx.core.notice();
    if (notice.empty()) return;
    if (!(ui.shown == notice)) {  // another notice: its details start folded
        ui.shown = notice;
        ui.details = false;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float text_w = width - 2 * style.WindowPadding.x - ImGui::GetFrameHeight() - style.ItemSpacing.x;
    const std::size_t max_lines = 6;
    // Plain words first (the core's Notice::plain); the technical lines behind "Details".
    const bool has_detail = !notice.problems.empty();
    // The title's line holds the close button (a frame: taller for fingers).
    float height = ImGui::GetFrameHeight() + style.ItemSpacing.y;
    ImGui::PushFont(ctx.fonts.small);
    for (std::size_t i = 0; i < notice.plain.size() && i < max_lines; ++i)
        height += ImGui::CalcTextSize(notice.plain[i].c_str(), nullptr, false, text_w).y + style.ItemSpacing.y;
    if (has_detail) height += ImGui::GetFrameHeight() + style.ItemSpacing.y;
    if (has_detail && ui.details)
        for (std::size_t i = 0; i < notice.problems.size() && i < max_lines; ++i)
            height += ImGui::CalcTextSize(notice.problems[i].c_str(), nullptr, false, text_w).y + style.ItemSpacing.y;
    ImGui::PopFont();
    height += 2 * style.WindowPadding.y;

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.theme.notice_bg);
    ImGui::BeginChild("##notice", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(notice.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
    if (CloseButton("##dismiss-notice", ctx.theme)) ctx.emit(intent::DismissNotice{});
    ctx.places.place_item("notice/dismiss");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    for (std::size_t i = 0; i < notice.plain.size() && i < max_lines; ++i) {
        ImGui::TextUnformatted(notice.plain[i].c_str());
        ctx.places.place_item("notice/problem/" + std::to_string(i) + "/text");
    }
    if (has_detail) {
        if (ImGui::Button(ui.details ? "Hide details##notice-details" : "Details##notice-details")) ui.details = !ui.details;
        ctx.places.place_item("notice/details");
    }
    if (has_detail && ui.details) {
        for (std::size_t i = 0; i < notice.problems.size() && i < max_lines; ++i) {
            ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
            ImGui::TextUnformatted(notice.problems[i].c_str());
            ImGui::PopStyleColor();
            ctx.places.place_item("notice/detail/" + std::to_string(i) + "/text");
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndChild();
    ctx.places.place_item("notice");
}

}  // namespace wwe::ui
