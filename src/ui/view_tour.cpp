// Win-Win Explorer UI: guided tours — the "Tour" button with the article's tours, and the
// caption bar of the playing tour (Back / Next / Close, or "touch to explore" while a kiosk
// plays its attract loop). The app plays the steps (app.cpp); views only ask.
#include <algorithm>
#include <optional>
#include <string>

#include "core/script.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the menu window's rectangle
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

void draw_tours_menu(ViewContext& ctx) {
    if (ctx.core.tours().empty()) return;
    const bool clicked = ImGui::Button("Tour");
    ctx.places.place_item("tours");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A guided tour of the article, one view at a time");
    tours_popup(ctx, clicked, ImGui::GetItemRectMax());
}

void tours_popup(ViewContext& ctx, bool clicked, ImVec2 anchor) {
    const std::vector<ResolvedTour>& tours = ctx.core.tours();
    if (tours.empty()) return;
    const bool asked = ctx.layout.menu_request == Layout::Menu::OpenTours;  // the mirror's Tour
    if (clicked || (asked && !ImGui::IsPopupOpen("##tours"))) ImGui::OpenPopup("##tours");
    // Under the button, right-aligned (not at the mouse: the keyboard opens it too).
    ImGui::SetNextWindowPos(ImVec2(anchor.x, anchor.y + 2), ImGuiCond_Appearing, ImVec2(1, 0));
    if (!ImGui::BeginPopup("##tours")) return;
    ctx.shell.tours_open = true;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    std::optional<TouchRows> rows;
    rows.emplace();
    for (std::size_t i = 0; i < tours.size(); ++i) {
        const ResolvedTour& tour = tours[i];
        ImGui::PushID(static_cast<int>(i));
        char label[64];
        std::snprintf(label, sizeof label, "%zu stops", tour.steps.size());
        if (ImGui::Selectable(ImLabel(visual_line(tour.label)).c_str(), false, ImGuiSelectableFlags_None))
            ctx.emit(intent::StartTour{static_cast<int>(i)});
        ctx.places.place_item("tour/" + tour.id);
        ImGui::PushFont(ctx.fonts.small);
        if (!tour.description.empty()) TextWrappedColored(ctx.theme.text_muted, tour.description.c_str());
        TextMuted(ctx.theme, "%s", label);
        ImGui::PopFont();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    ctx.places.place("tours-menu", w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
    if (ctx.layout.menu_request == Layout::Menu::Close || ctx.layout.menu_request == Layout::Menu::OpenExport)
        ImGui::CloseCurrentPopup();
    rows.reset();
    ImGui::EndPopup();
}

void draw_tour_caption(ViewContext& ctx) {
    const TourPlayer& player = ctx.core.tour();
    const std::vector<ResolvedTour>& tours = ctx.core.tours();
    if (!player.playing() || player.tour() >= static_cast<int>(tours.size())) return;
    const ResolvedTour& tour = tours[static_cast<std::size_t>(player.tour())];
    const int count = static_cast<int>(tour.steps.size());
    const int step = std::clamp(player.step(), 0, count - 1);
    const bool autoplay = ctx.core.tour_autoplay();
    const ImGuiIO& io = ImGui::GetIO();
    const float width = std::min(io.DisplaySize.x - 16.0f, 820.0f);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 8.0f), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, ctx.theme.accent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##tour-caption", nullptr, flags)) {
        ImGui::PushFont(ctx.fonts.small);
        TextMuted(ctx.theme, "%s \xC2\xB7 stop %d of %d", tour.label.c_str(), step + 1, count);
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tour.steps[static_cast<std::size_t>(step)].caption.c_str());
        ImGui::PopTextWrapPos();
        if (autoplay && ctx.embed.kiosk) {
            ImGui::PushFont(ctx.fonts.small);
            ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.accent);
            ImGui::TextUnformatted("Touch the screen to explore on your own");
            ImGui::PopStyleColor();
            ImGui::PopFont();
        } else if (autoplay) {
            ImGui::PushFont(ctx.fonts.small);
            TextMuted(ctx.theme, "Click anywhere to explore on your own");
            ImGui::PopFont();
        } else {
            ImGui::BeginDisabled(step == 0);
            if (ImGui::Button("Back")) ctx.emit(intent::PreviousStop{});
            ctx.places.place_item("tour/back");
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (ImGui::Button(step + 1 < count ? "Next" : "Finish")) ctx.emit(intent::NextStop{});
            ctx.places.place_item("tour/next");
            ImGui::SameLine();
            if (ImGui::Button("Close tour")) ctx.emit(intent::StopTour{});
            ctx.places.place_item("tour/close");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Leave the tour and explore from here (Esc)");
        }
    }
    ctx.places.place("tour", ImGui::GetWindowPos(),
                     ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), ImGui::GetWindowPos().y + ImGui::GetWindowHeight()));
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace wwe::ui
