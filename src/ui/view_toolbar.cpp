// Win-Win Explorer UI: the toolbar under the search box — back/forward through the
// exploration history, one tab per view (keys 1-7), saved views, the export menu, and the
// current filter as removable chips (facet values and the search text) with "Clear all".
#include <algorithm>
#include <optional>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/describe.hpp"
#include "core/script.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the menu window's rectangle
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
    const TouchRows rows;  // finger-sized on touch screens
    const bool map_drawn = ctx.state.view == View::Map;  // the map is drawn under the menu
    if (ImGui::MenuItem("Concept map as PNG image", nullptr, false, map_drawn)) {
        ctx.shell.map_png = true;
    }
    ctx.places.place_item("export/png");
    if (!map_drawn && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Open the map first (2)");
    if (ImGui::MenuItem("Concept map as SVG (vector)")) {
        ctx.shell.map_svg = true;
    }
    ctx.places.place_item("export/svg");
    char label[64];
    std::snprintf(label, sizeof label, "Passages shown (%d) as Markdown", static_cast<int>(ctx.derived.shown.size()));
    if (ImGui::MenuItem(label)) {
        request_download(ctx, {"passages.md", "text/markdown",
                               passages_markdown_text(ctx.corpus, ctx.state, ctx.derived.shown)});
    }
    ctx.places.place_item("export/markdown");
    if (ImGui::MenuItem("Entities table as CSV")) {
        request_download(ctx, {"entities.csv", "text/csv", entities_csv_text(ctx.corpus)});
    }
    ctx.places.place_item("export/csv");
    ImGui::Separator();
    if (ImGui::MenuItem("Save as article (JSON)")) {
        request_download(ctx, {ctx.corpus.article.id + ".json", "application/json", ctx.core.article_json()});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The article as a file to edit and to open again later");
    ctx.places.place_item("export/article");
}

// Saved views (core/persist.hpp): a name and Save, the list (open, delete), where they are
// kept, and "Forget everything stored". Used by the popup and the compact "More" menu.
void saved_items(ViewContext& ctx, bool menu) {
    const TouchRows rows;
    static char name[128] = "";  // the name being typed (one popup is open at a time)
    const Controller& core = ctx.core;
    const std::string suggested = suggested_bookmark_name(ctx.corpus, ctx.state);
    if (menu) {
        if (ImGui::MenuItem(("Save as \"" + suggested + "\"").c_str())) ctx.emit(intent::SaveBookmark{suggested});
    } else {
        if (ImGui::IsWindowAppearing()) {
            std::snprintf(name, sizeof name, "%s", suggested.c_str());
            if (!ctx.layout.saved_focus) ImGui::SetKeyboardFocusHere();  // (the page's focus stays in the mirror)
        }
        ImGui::SetNextItemWidth(260);
        const bool enter = ImGui::InputTextWithHint("##saved-name", "a name for this view", name, sizeof name,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        ctx.places.place_item("saved/name");
        ImGui::SameLine();
        if ((ImGui::Button("Save##saved") || enter) && name[0] != '\0') {
            ctx.emit(intent::SaveBookmark{name});
            name[0] = '\0';
        }
        ctx.places.place_item("saved/save");
    }
    const std::vector<Bookmark>& marks = core.bookmarks();
    if (!marks.empty()) ImGui::Separator();
    for (std::size_t i = 0; i < marks.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (menu) {
            if (ImGui::MenuItem(ImLabel(marks[i].name).c_str())) ctx.emit(intent::OpenBookmark{static_cast<int>(i)});
        } else {
            if (ImGui::Button("Delete")) ctx.emit(intent::DeleteBookmark{static_cast<int>(i)});
            ctx.places.place_item("saved/" + std::to_string(i) + "/delete");
            ImGui::SameLine();
            if (ImGui::Selectable(ImLabel(marks[i].name).c_str(), false, ImGuiSelectableFlags_DontClosePopups))
                ctx.emit(intent::OpenBookmark{static_cast<int>(i)});
            ctx.places.place_item("saved/" + std::to_string(i) + "/open");
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted(core.storage_available() ? "Kept in this browser, on this device."
                                                    : "This browser keeps nothing here: kept until the tab closes.");
    ImGui::PopStyleColor();
    if (menu ? ImGui::MenuItem("Forget everything stored") : ImGui::Button("Forget everything stored"))
        ctx.emit(intent::ForgetStored{});
    ctx.places.place_item("saved/forget");
}

void saved_menu(ViewContext& ctx) {
    static bool by_focus = false;  // opened for the mirror's focus (closed when it leaves)
    if (ImGui::Button("Saved")) {
        ImGui::OpenPopup("##saved");
        by_focus = false;
    }
    ctx.places.place_item("saved");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save this view under a name, or open one saved before");
    const ImVec2 under(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 2);
    if (ctx.layout.saved_focus && !ImGui::IsPopupOpen("##saved")) {
        ImGui::OpenPopup("##saved");
        ImGui::SetNextWindowPos(under);  // under the button, not at the mouse
        by_focus = true;
    }
    if (!ImGui::BeginPopup("##saved")) {
        by_focus = false;
        return;
    }
    saved_items(ctx, false);
    if (by_focus && !ctx.layout.saved_focus) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The Export menu's pop-up, opened by a click (`clicked`) or by the mirror's Export, under
// `anchor` (the bottom right of the button it belongs to: Export, or the narrow toolbar's
// More), right-aligned (not at the mouse: the keyboard opens it too).
void export_popup(ViewContext& ctx, bool clicked, ImVec2 anchor) {
    const bool asked = ctx.layout.menu_request == Layout::Menu::OpenExport;  // the mirror's Export
    if (clicked || (asked && !ImGui::IsPopupOpen("##export"))) ImGui::OpenPopup("##export");
    ImGui::SetNextWindowPos(ImVec2(anchor.x, anchor.y + 2), ImGuiCond_Appearing, ImVec2(1, 0));
    if (!ImGui::BeginPopup("##export")) return;
    ctx.shell.export_open = true;
    export_items(ctx);
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    ctx.places.place("export-menu", w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
    if (ctx.layout.menu_request == Layout::Menu::Close || ctx.layout.menu_request == Layout::Menu::OpenTours)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void export_menu(ViewContext& ctx) {
    const bool clicked = ImGui::Button("Export");
    ctx.places.place_item("export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the map, the passages shown or the entities");
    export_popup(ctx, clicked, ImGui::GetItemRectMax());
}

// Narrow screens (small embeds, phones): the views in a drop-down and Tour, Share and
// Export in one "More" menu, so the toolbar keeps to one line and the view keeps its room.
void compact_toolbar(ViewContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetNextItemWidth(std::min(160.0f, ImGui::GetContentRegionAvail().x * 0.45f));
    if (ImGui::BeginCombo("##view", view_label(ctx.state.view))) {
        {
            const TouchRows rows;
            for (int v = 0; v < kViewCount; ++v) {
                const View view = static_cast<View>(v);
                if (!view_offered(ctx.embed, view)) continue;
                if (ImGui::Selectable(view_label(view), ctx.state.view == view)) ctx.emit(intent::ShowView{view});
            }
        }
        ImGui::EndCombo();
    }
    // The mirror's tab list and its tabs over the drop-down that holds them (it shows the
    // selected one).
    ctx.places.place_item("tabs");
    for (int v = 0; v < kViewCount; ++v)
        if (view_offered(ctx.embed, static_cast<View>(v))) ctx.places.place_item(std::string("tab/") + to_string(static_cast<View>(v)));
    const bool tours = !ctx.core.tours().empty();
    if (!tours && ctx.embed.kiosk) {
        ImGui::NewLine();
        return;
    }
    ImGui::SameLine();
    const float more_w = ImGui::CalcTextSize("More").x + 2 * style.FramePadding.x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - more_w);
    if (ImGui::Button("More")) ImGui::OpenPopup("##more");
    // The mirror keeps the toolbar's own buttons (Tour, Open, Share, Export, full screen):
    // here they are in the More menu, so their focus rings are over it, and the mirror's
    // Tour and Export open their menus under it, as the wide toolbar's buttons do.
    for (const char* id : {"tours", "notebook-button", "open", "share", "export", "fullscreen"}) ctx.places.place_item(id);
    // Saved views too (its sub-menu's items replace these while it is open).
    if (!ctx.embed.kiosk) {
        for (const char* id : {"saved", "saved/save", "saved/forget"}) ctx.places.place_item(id);
        for (std::size_t i = 0; i < ctx.core.bookmarks().size(); ++i) {
            ctx.places.place_item("saved/" + std::to_string(i) + "/open");
            ctx.places.place_item("saved/" + std::to_string(i) + "/delete");
        }
    }
    const ImVec2 anchor = ImGui::GetItemRectMax();
    if (tours) tours_popup(ctx, false, anchor);
    if (!ctx.embed.kiosk) export_popup(ctx, false, anchor);
    if (!ImGui::BeginPopup("##more")) return;
    std::optional<TouchRows> rows;
    rows.emplace();
    if (tours && ImGui::BeginMenu("Tour")) {
        const TouchRows tour_rows;
        for (std::size_t i = 0; i < ctx.core.tours().size(); ++i) {
            if (ImGui::MenuItem(ImLabel(visual_line(ctx.core.tours()[i].label)).c_str())) ctx.emit(intent::StartTour{static_cast<int>(i)});
        }
        ImGui::EndMenu();
    }
    if (!ctx.embed.kiosk) {
        if (ctx.layout.fullscreen_available &&
            ImGui::MenuItem(ctx.layout.fullscreen ? "Exit full screen" : "Full screen"))
            ctx.shell.fullscreen = true;
        if (ImGui::MenuItem("Notebook...")) ctx.shell.open_notebook = true;
        if (ImGui::MenuItem("Open a file...")) ctx.shell.open_file = true;
        if (ImGui::MenuItem("Share this view...")) ctx.shell.open_share = true;
        if (ImGui::BeginMenu("Saved views")) {
            saved_items(ctx, true);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Export")) {
            export_items(ctx);
            ImGui::EndMenu();
        }
    }
    rows.reset();
    ImGui::EndPopup();
}

// The current filters as chips on one row whose room is always kept (reserved while there
// are no filters), so ticking a facet value never moves what is under the pointer. Chips
// that do not fit go into a "+n more" chip with a menu of them.
void filter_chips(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    ImGui::PushFont(ctx.fonts.small);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float row_h = ChipHeight();
    struct Item {
        std::string label;  // with its "##" id
        std::string semantic;
        const char* tooltip;
        std::function<void()> act;  // nullptr: locked
    };
    std::vector<Item> items;
    bool removable = !ctx.state.query.empty();
    for (const auto& [facet_id, values] : ctx.state.facets) {
        const int f = article.find_facet(facet_id);
        if (f < 0) continue;
        const Facet& facet = article.facets[static_cast<std::size_t>(f)];
        for (const std::string& v : values) {
            const int vi = facet.find_value(v);
            const bool locked = facet_value_locked(ctx.embed, facet_id, v);
            Item it;
            it.label = ImLabel(facet.label + ": " + (vi >= 0 ? facet.values[static_cast<std::size_t>(vi)].label : v)) +
                       (locked ? "" : "  \xC3\x97") + "##chip/" + facet_id + "/" + v;
            it.semantic = "chip/" + facet_id + "/" + v + "/remove";
            it.tooltip = locked ? "Set by the page this explorer is embedded in" : "Remove this filter";
            const std::string fid = facet_id, value = v;
            if (!locked) it.act = [&ctx, fid, value] { ctx.emit(intent::ToggleFacetValue{fid, value}); };
            items.push_back(std::move(it));
            removable = removable || !locked;
        }
    }
    if (!ctx.state.query.empty()) {
        items.push_back({ImLabel("Search: " + quoted_query(ctx.state.query)) + "  \xC3\x97##chip-query", "chip/query/remove",
                         "Remove the search", [&ctx] { ctx.emit(intent::SetQuery{std::string(), false}); }});
    }
    const char* clear = "Clear all##chips";
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float clear_w = removable ? ChipWidth(clear) + gap : 0.0f;
    // How many fit on the row, with room for "+n more" when not all do.
    std::size_t fit = 0;
    {
        float x = 0;
        for (; fit < items.size(); ++fit) {
            const float w = ChipWidth(items[fit].label.c_str()) + gap;
            const std::size_t rest = items.size() - fit - 1;
            const float more_w = rest > 0 ? ChipWidth("+99 more") + gap : 0.0f;
            if (x + w + more_w + clear_w > avail && fit > 0) break;
            x += w;
        }
    }
    bool any = false;
    auto next = [&] {
        if (any) ImGui::SameLine(0, gap);
        any = true;
    };
    for (std::size_t i = 0; i < fit; ++i) {
        next();
        if (Chip(items[i].label.c_str(), ctx.theme, ChipFlags_Active) && items[i].act) items[i].act();
        ctx.places.place_item(items[i].semantic);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", items[i].tooltip);
    }
    if (fit < items.size()) {
        next();
        const std::string more = "+" + std::to_string(items.size() - fit) + " more##chips-more";
        if (Chip(more.c_str(), ctx.theme)) ImGui::OpenPopup("##chips-more-menu");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The other filters");
        if (ImGui::BeginPopup("##chips-more-menu")) {
            {
                const TouchRows rows;
                for (std::size_t i = fit; i < items.size(); ++i) {
                    const std::string& l = items[i].label;
                    const std::string shown = l.substr(0, l.find("##")) + "##more" + std::to_string(i);
                    if (ImGui::MenuItem(shown.c_str(), nullptr, false, items[i].act != nullptr)) items[i].act();
                    ctx.places.place_item(items[i].semantic);
                }
            }
            ImGui::EndPopup();
        }
    }
    if (removable) {
        next();
        if (Chip(clear, ctx.theme)) ctx.emit(intent::ClearFilters{});
        ctx.places.place_item("chip/clear/all");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove every filter and the search (Ctrl+Z undoes)");
    }
    // The row's room, whether or not anything is in it.
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(1, row_h));
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
        reserve("Saved");
        reserve("Notebook");
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
        saved_menu(ctx);
        ImGui::SameLine();
        // A fixed label (the count is in the window's title): the buttons never shift.
        if (ImGui::Button("Notebook")) ctx.shell.open_notebook = true;
        ctx.places.place_item("notebook-button");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The passages you collected (%d), with your notes; export them cited",
                              static_cast<int>(ctx.notebook.entries.size()));
        ImGui::SameLine();
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
