// Win-Win Explorer UI: the toolbar under the search box — back/forward through the
// exploration history, one tab per view (keys 1-7), the export menu, and the current filter
// as removable chips (facet values and the search text) with "Clear all".
#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

constexpr float kNarrowToolbar = 760.0f;  // CSS px: narrower, the compact toolbar

// A flat tab: text with an accent underline when active; true when clicked.
bool view_tab(const char* label, bool active, const Theme& theme) {
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 pad(10, std::max(5.0f, ImGui::GetStyle().FramePadding.y));  // taller for touch
    const ImVec2 size(text.x + 2 * pad.x, text.y + 2 * pad.y);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || active) {
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), active ? theme.chip_bg_active : theme.hover_bg,
                          4.0f);
    }
    if (active)
        dl->AddRectFilled(ImVec2(pos.x, pos.y + size.y - 3), ImVec2(pos.x + size.x, pos.y + size.y), theme.accent);
    const char* end = label;
    while (*end && !(end[0] == '#' && end[1] == '#')) ++end;
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), active ? theme.text : theme.text_muted, label, end);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

// "<" or ">" drawn as a chevron in a frame-height button (the fonts have no arrows).
bool arrow_button(const char* id, bool left, bool enabled, const Theme& theme) {
    const float h = ImGui::GetFrameHeight();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(h, h)) && enabled;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (enabled && ImGui::IsItemHovered()) {
        dl->AddRectFilled(pos, ImVec2(pos.x + h, pos.y + h), theme.hover_bg, 4.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const ImU32 col = enabled ? theme.text : theme.border;
    const float cx = pos.x + h * 0.5f, cy = pos.y + h * 0.5f, d = h * 0.18f;
    const float dir = left ? 1.0f : -1.0f;
    dl->AddLine(ImVec2(cx + dir * d, cy - 2 * d), ImVec2(cx - dir * d, cy), col, 2.0f);
    dl->AddLine(ImVec2(cx - dir * d, cy), ImVec2(cx + dir * d, cy + 2 * d), col, 2.0f);
    return clicked;
}

// The export menu's items (in the Export pop-up, or the narrow toolbar's "More" menu).
void export_items(ViewContext& ctx) {
    const bool map_drawn = ctx.state.view == View::Map;  // the map is drawn under the menu
    if (ImGui::MenuItem("Concept map as PNG image", nullptr, false, map_drawn)) {
        ctx.shell.map_png = true;
    }
    if (!map_drawn && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Open the map first (2)");
    if (ImGui::MenuItem("Concept map as SVG (vector)")) {
        ctx.shell.map_svg = true;
    }
    char label[64];
    std::snprintf(label, sizeof label, "Passages shown (%d) as Markdown", static_cast<int>(ctx.derived.shown.size()));
    if (ImGui::MenuItem(label)) {
        request_download(ctx, {"passages.md", "text/markdown",
                               passages_markdown_text(ctx.corpus, ctx.state, ctx.derived.shown)});
    }
    if (ImGui::MenuItem("Entities table as CSV")) {
        request_download(ctx, {"entities.csv", "text/csv", entities_csv_text(ctx.corpus)});
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save as article (JSON)")) {
        request_download(ctx, {ctx.corpus.article.id + ".json", "application/json", ctx.core.article_json()});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The article as a file to edit and to open again later");
}

void export_menu(ViewContext& ctx) {
    if (ImGui::Button("Export")) ImGui::OpenPopup("##export");
    ctx.places.place_item("export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the map, the passages shown or the entities");
    if (!ImGui::BeginPopup("##export")) return;
    export_items(ctx);
    ImGui::EndPopup();
}

// Narrow screens (small embeds, phones): the views in a drop-down and Tour, Share and
// Export in one "More" menu, so the toolbar keeps to one line and the view keeps its room.
void compact_toolbar(ViewContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetNextItemWidth(std::min(160.0f, ImGui::GetContentRegionAvail().x * 0.45f));
    if (ImGui::BeginCombo("##view", view_label(ctx.state.view))) {
        for (int v = 0; v < kViewCount; ++v) {
            const View view = static_cast<View>(v);
            if (!view_offered(ctx.embed, view)) continue;
            if (ImGui::Selectable(view_label(view), ctx.state.view == view)) ctx.emit(intent::ShowView{view});
        }
        ImGui::EndCombo();
    }
    const bool tours = !ctx.core.tours().empty();
    if (!tours && ctx.embed.kiosk) {
        ImGui::NewLine();
        return;
    }
    ImGui::SameLine();
    const float more_w = ImGui::CalcTextSize("More").x + 2 * style.FramePadding.x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - more_w);
    if (ImGui::Button("More")) ImGui::OpenPopup("##more");
    if (!ImGui::BeginPopup("##more")) return;
    if (tours && ImGui::BeginMenu("Tour")) {
        for (std::size_t i = 0; i < ctx.core.tours().size(); ++i) {
            if (ImGui::MenuItem(ctx.core.tours()[i].label.c_str())) ctx.emit(intent::StartTour{static_cast<int>(i)});
        }
        ImGui::EndMenu();
    }
    if (!ctx.embed.kiosk) {
        if (ctx.layout.fullscreen_available &&
            ImGui::MenuItem(ctx.layout.fullscreen ? "Exit full screen" : "Full screen"))
            ctx.shell.fullscreen = true;
        if (ImGui::MenuItem("Open a file...")) ctx.shell.open_file = true;
        if (ImGui::MenuItem("Share this view...")) ctx.shell.open_share = true;
        if (ImGui::BeginMenu("Export")) {
            export_items(ctx);
            ImGui::EndMenu();
        }
    }
    ImGui::EndPopup();
}

void filter_chips(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    if (ctx.state.facets.empty() && ctx.state.query.empty()) {
        // A kiosk keeps the row's room: the screen must not move under a finger that just
        // ticked a filter.
        if (ctx.embed.kiosk) {
            ImGui::PushFont(ctx.fonts.small);
            ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight() + 2 * (2 + 2 * ImGui::GetStyle().TouchExtraPadding.y)));
            ImGui::PopFont();
        }
        return;
    }
    ImGui::PushFont(ctx.fonts.small);
    FlowRow row;
    row.begin(ImGui::GetContentRegionAvail().x);
    bool removable = !ctx.state.query.empty();
    for (const auto& [facet_id, values] : ctx.state.facets) {
        const int f = article.find_facet(facet_id);
        if (f < 0) continue;
        const Facet& facet = article.facets[static_cast<std::size_t>(f)];
        for (const std::string& v : values) {
            const int vi = facet.find_value(v);
            const bool locked = facet_value_locked(ctx.embed, facet_id, v);
            const std::string label = facet.label + ": " +
                                      (vi >= 0 ? facet.values[static_cast<std::size_t>(vi)].label : v) +
                                      (locked ? "" : "  \xC3\x97") + "##chip/" + facet_id + "/" + v;
            row.next(ChipWidth(label.c_str()));
            if (Chip(label.c_str(), ctx.theme, ChipFlags_Active) && !locked)
                ctx.emit(intent::ToggleFacetValue{facet_id, v});
            ctx.places.place_item("chip/" + facet_id + "/" + v + "/remove");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(locked ? "Set by the page this explorer is embedded in" : "Remove this filter");
            removable = removable || !locked;
        }
    }
    if (!ctx.state.query.empty()) {
        const std::string label = "Search: " + quoted_query(ctx.state.query) + "  \xC3\x97##chip-query";
        row.next(ChipWidth(label.c_str()));
        if (Chip(label.c_str(), ctx.theme, ChipFlags_Active)) ctx.emit(intent::SetQuery{std::string(), false});
        ctx.places.place_item("chip/query/remove");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove the search");
    }
    const char* clear = "Clear all##chips";
    if (removable) {
        row.next(ChipWidth(clear));
        if (Chip(clear, ctx.theme)) ctx.emit(intent::ClearFilters{});
        ctx.places.place_item("chip/clear/all");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove every filter and the search (Ctrl+Z undoes)");
    }
    ImGui::PopFont();
}

}  // namespace

void draw_toolbar(ViewContext& ctx) {
    const Theme& theme = ctx.theme;
    if (arrow_button("##back", true, ctx.core.can_back(), theme)) ctx.emit(intent::Back{});
    ctx.places.place_item("back");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back (Alt+Left)");
    ImGui::SameLine(0, 2);
    if (arrow_button("##forward", false, ctx.core.can_forward(), theme)) ctx.emit(intent::Forward{});
    ctx.places.place_item("forward");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forward (Alt+Right)");
    ImGui::SameLine(0, 12);
    if (ImGui::GetWindowContentRegionMax().x < kNarrowToolbar) {
        compact_toolbar(ctx);
        filter_chips(ctx);
        ImGui::Dummy(ImVec2(0, 0));
        return;
    }

    // Right: Tour (when the article has tours), Share and Export (not on a kiosk: nothing
    // to take away, no one to send it to).
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool kiosk = ctx.embed.kiosk;
    const bool tours = !ctx.core.tours().empty();
    float buttons_w = 0;
    auto reserve = [&](const char* label) {
        buttons_w += ImGui::CalcTextSize(label).x + 2 * style.FramePadding.x + (buttons_w > 0 ? style.ItemSpacing.x : 0);
    };
    if (tours) reserve("Tour");
    const bool fullscreen = ctx.layout.fullscreen_available && !kiosk;
    const char* fullscreen_label = ctx.layout.fullscreen ? "Exit full screen" : "Full screen";
    if (!kiosk) {
        reserve("Open...");
        reserve("Share");
        reserve("Export");
    }
    if (fullscreen) reserve(fullscreen_label);
    const float right = ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    for (int v = 0; v < kViewCount; ++v) {
        const View view = static_cast<View>(v);
        if (!view_offered(ctx.embed, view)) continue;
        char label[48];
        std::snprintf(label, sizeof label, "%s##tab%d", view_label(view), v);
        const float w = ImGui::CalcTextSize(view_label(view)).x + 20;
        // Wrap the tabs on narrow screens rather than running under the buttons.
        if (!first && ImGui::GetCursorPosX() + w > right - buttons_w - 8) ImGui::NewLine();
        first = false;
        if (view_tab(label, ctx.state.view == view, theme)) ctx.emit(intent::ShowView{view});
        ctx.places.place_item(std::string("tab/") + to_string(view));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s view (%d)", view_label(view), v + 1);
        ImGui::SameLine(0, 2);
    }
    ImGui::SetCursorPosX(right - buttons_w);
    if (tours) {
        draw_tours_menu(ctx);
        ImGui::SameLine();
    }
    if (!kiosk) {
        if (ImGui::Button("Open...")) ctx.shell.open_file = true;
        ctx.places.place_item("open");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open another article, or a text (.txt, .md) to explore; or drop a file here");
        ImGui::SameLine();
        if (ImGui::Button("Share")) ctx.shell.open_share = true;
        ctx.places.place_item("share");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link to this view, or the code to embed it in a course page");
        ImGui::SameLine();
        export_menu(ctx);
        if (fullscreen) ImGui::SameLine();
    }
    if (fullscreen) {
        if (ImGui::Button(fullscreen_label)) ctx.shell.fullscreen = true;
        ctx.places.place_item("fullscreen");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(ctx.layout.fullscreen ? "Back to the page (Esc)" : "Use the whole screen");
    }
    if (kiosk) ImGui::NewLine();
    filter_chips(ctx);
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace wwe::ui
