// TextBidi (ui/rich_text.hpp): titles, headings and descriptions outside the reader's
// passages go through the reader's own layout when they hold right-to-left text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/rich_text.hpp"
#include "ui_driver.hpp"

using wwe::test::UiDriver;

namespace {

// Where the frame drew ink: the bounding box of every vertex of its draw lists (the window
// has no background, so only the text's glyph quads are drawn).
struct Ink {
    float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
};

Ink ink_of(UiDriver& ui) {
    ImGui::SetCurrentContext(ui.context());
    Ink ink;
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data != nullptr);
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            ink.x0 = std::min(ink.x0, v.pos.x);
            ink.x1 = std::max(ink.x1, v.pos.x);
            ink.y0 = std::min(ink.y0, v.pos.y);
            ink.y1 = std::max(ink.y1, v.pos.y);
        }
    return ink;
}

struct Scene {
    UiDriver ui;
    std::string text;
    static constexpr float kLeft = 20, kWrap = 300;
    Scene() {
        ui.set_draw([this](double) {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(500, 400));
            ImGui::Begin("scene", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings);
            ImGui::SetCursorPos(ImVec2(kLeft, 10));
            ImGui::PushTextWrapPos(kLeft + kWrap);
            wwe::ui::TextBidi(text);
            ImGui::PopTextWrapPos();
            ImGui::End();
        });
    }
    Ink draw(std::string t) {
        text = std::move(t);
        ui.frame(2);
        return ink_of(ui);
    }
};

}  // namespace

TEST_CASE("TextBidi: a right-to-left title stands at the right of its wrap width, Latin at the left") {
    Scene s;
    const Ink latin = s.draw("Security and cooperation");
    CHECK(std::abs(latin.x0 - Scene::kLeft) < 3);  // a glyph's ink starts a pixel or so into its advance
    CHECK(latin.x1 < Scene::kLeft + Scene::kWrap * 0.8f);

    // الأمن والتعاون (security and cooperation): one short line, aligned right.
    const Ink arabic = s.draw("\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86 \xd9\x88\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86");
    CHECK(std::abs(arabic.x1 - (Scene::kLeft + Scene::kWrap)) < 4);
    CHECK(arabic.x0 > Scene::kLeft + Scene::kWrap * 0.4f);
    CHECK(arabic.y1 - arabic.y0 < ImGui::GetFontSize() * 1.5f);  // one line

    // A long one wraps into several lines inside the width, each ending at the right edge.
    std::string long_text;
    for (int k = 0; k < 12; ++k) long_text += "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86 ";
    const Ink wrapped = s.draw(long_text);
    CHECK(wrapped.y1 - wrapped.y0 > ImGui::GetFontSize() * 2.5f);
    CHECK(wrapped.x0 >= Scene::kLeft - 1);
    CHECK(wrapped.x1 <= Scene::kLeft + Scene::kWrap + 1);

    // An English title with an Arabic word in it stays a left-to-right line.
    const Ink mixed = s.draw("The word \xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86 means security");
    CHECK(std::abs(mixed.x0 - Scene::kLeft) < 3);
}
