// The UI test driver over a scene of ImGui's own widgets (no app): what the test-engine
// hooks record, and what clicks, typing, keys and the wheel do.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui_driver.hpp"

using wwe::test::DriverParams;
using wwe::test::Find;
using wwe::test::Item;
using wwe::test::UiDriver;

namespace {

// One window of plain widgets; the driver draws it every frame.
struct Scene {
    int presses = 0;
    bool first = false, second = true;
    char name[64] = "";
    int hidden_presses = 0;
    bool escape = false, ctrl_a = false;
    bool details_open = false;
    float list_scroll = 0;

    void draw() {
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(400, 500));
        ImGui::Begin("Scene", nullptr, ImGuiWindowFlags_NoSavedSettings);
        if (ImGui::Button("Press me")) ++presses;
        ImGui::Checkbox("Tick##first", &first);
        ImGui::PushID("second");
        ImGui::Checkbox("Tick", &second);
        ImGui::PopID();
        ImGui::InputText("##name", name, sizeof name);
        details_open = ImGui::TreeNode("Details");
        if (details_open) {
            ImGui::Text("Inside");
            ImGui::TreePop();
        }
        if (ImGui::InvisibleButton("Hidden##custom", ImVec2(60, 20))) ++hidden_presses;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) escape = true;
        if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_A), false)) ctrl_a = true;
        ImGui::BeginChild("list", ImVec2(0, 150), true);
        for (int i = 0; i < 40; ++i) ImGui::Selectable(("Row " + std::to_string(i)).c_str());
        list_scroll = ImGui::GetScrollY();
        ImGui::EndChild();
        ImGui::End();
    }
};

struct SceneUnderTest {
    Scene scene;
    UiDriver ui;
    SceneUnderTest() {
        ui.set_draw([this](double) { scene.draw(); });
        ui.frame(2);  // the first frame lays the window out, the second draws it settled
    }
};

}  // namespace

TEST_CASE("driver: each item of a frame is recorded with its labels, window, rect and flags") {
    SceneUnderTest t;
    const Item button = t.ui.find("Press me");
    CHECK(button.full_label == "Press me");
    CHECK(button.window == "Scene");
    CHECK(button.visible());
    CHECK(button.rect.GetWidth() > 0);
    CHECK(button.rect.Min.x >= 10);
    CHECK_FALSE(button.checkable());

    SUBCASE("a label used twice needs a window or an occurrence") {
        CHECK(t.ui.try_find("Tick") == nullptr);  // ambiguous
        CHECK(t.ui.find("Tick", Find::match(0)).id == t.ui.find("Tick##first").id);
        const Item second = t.ui.find("Tick", Find::match(1));
        CHECK(second.checkable());
        CHECK(second.checked());
        CHECK_FALSE(t.ui.find("Tick##first").checked());
        CHECK(t.ui.try_find("Tick", Find::match(2)) == nullptr);
    }
    SUBCASE("hidden labels, tree nodes, invisible buttons, title bars, child windows") {
        const Item field = t.ui.find("##name");
        CHECK(field.label.empty());
        CHECK(field.reported);
        const Item details = t.ui.find("Details");
        CHECK(details.openable());
        CHECK_FALSE(details.opened());
        const Item hidden = t.ui.find("Hidden##custom");  // by the string its id was made of
        CHECK_FALSE(hidden.reported);
        CHECK(hidden.label.empty());
        ImGuiWindow* scene = ImGui::FindWindowByName("Scene");  // in t.ui's context, current after a frame
        REQUIRE(scene != nullptr);
        CHECK(t.ui.find("Scene").id == scene->MoveId);  // the title bar
        CHECK(t.ui.find("Row 0", Find::in("Scene/list")).visible());
        CHECK_FALSE(t.ui.find("Row 39").visible());  // submitted, but scrolled out of view
    }
    SUBCASE("ImGui's debug tools get the labels") {
        CHECK(std::string(ImGuiTestEngine_FindItemDebugLabel(t.ui.context(), button.id)) == "Press me");
        CHECK(ImGuiTestEngine_FindItemDebugLabel(t.ui.context(), 12345) == nullptr);
    }
}

TEST_CASE("driver: near matches name what the frame has instead") {
    SceneUnderTest t;
    CHECK(t.ui.near_matches("Pres me").find("\"Press me\"") != std::string::npos);   // a typo
    CHECK(t.ui.near_matches("press ME").find("\"Press me\"") != std::string::npos);  // case
    CHECK(t.ui.near_matches("Pres").find("\"Press me\"") != std::string::npos);      // part
    CHECK(t.ui.near_matches("Tick", Find::in("Elsewhere")).find("in Scene") != std::string::npos);
    CHECK(t.ui.near_matches("zzzzzzzzzz").find("Nothing resembles it") != std::string::npos);
    CHECK(t.ui.dump().find("\"Press me\"") != std::string::npos);
}

TEST_CASE("driver: clicks press buttons, tick boxes, open tree nodes and focus fields") {
    SceneUnderTest t;
    t.ui.click("Press me");
    CHECK(t.scene.presses == 1);
    t.ui.click("Press me");
    CHECK(t.scene.presses == 2);

    t.ui.click("Tick##first");
    CHECK(t.scene.first);
    CHECK(t.ui.find("Tick##first").checked());
    CHECK(t.scene.second);  // the other "Tick" is left alone

    t.ui.click("Details");
    CHECK(t.scene.details_open);
    CHECK(t.ui.find("Details").opened());

    t.ui.click("Hidden##custom");
    CHECK(t.scene.hidden_presses == 1);

    t.ui.hover("Press me");
    CHECK(t.ui.find("Press me").hovered_rect());
    CHECK_FALSE(t.ui.find("Tick##first").hovered_rect());
}

TEST_CASE("driver: text goes to the focused field, and keys reach ImGui through io.KeyMap") {
    SceneUnderTest t;
    CHECK_FALSE(t.ui.io().WantTextInput);
    t.ui.click("##name");
    CHECK(t.ui.io().WantTextInput);
    t.ui.type("Wén ");
    t.ui.type("hui");
    CHECK(std::string(t.scene.name) == "Wén hui");
    t.ui.key(ImGuiKey_Backspace);
    CHECK(std::string(t.scene.name) == "Wén hu");

    CHECK_FALSE(t.scene.ctrl_a);
    t.ui.key(ImGuiKey_A, ImGuiKeyModFlags_Ctrl);
    CHECK(t.scene.ctrl_a);
    CHECK_FALSE(t.ui.io().KeyCtrl);  // released after the press

    t.ui.key(ImGuiKey_Escape);
    CHECK(t.scene.escape);
}

TEST_CASE("driver: the wheel scrolls what is under the pointer") {
    SceneUnderTest t;
    t.ui.hover("Row 2");
    t.ui.wheel(-3);
    CHECK(t.scene.list_scroll > 0);
    CHECK_FALSE(t.ui.find("Row 0").visible());
    t.ui.wheel(10);
    CHECK(t.scene.list_scroll == 0);
}

TEST_CASE("driver: a click on a clipped item scrolls it into view first") {
    SceneUnderTest t;
    REQUIRE_FALSE(t.ui.find("Row 39").visible());
    const Item row = t.ui.scroll_into_view("Row 39");
    CHECK(row.visible());
    CHECK(t.scene.list_scroll > 0);
    CHECK_FALSE(t.ui.find("Row 0").visible());
    t.ui.click("Row 1");  // and back
    CHECK(t.ui.find("Row 1").visible());
    CHECK(t.ui.find("Row 1").hovered_rect());
}

TEST_CASE("driver: a fake clock, one step per frame") {
    DriverParams params;
    params.delta_time = 0.25f;
    params.start_time = 10;
    UiDriver ui(params);
    std::vector<double> times;
    ui.set_draw([&](double time) { times.push_back(time); });
    ui.frame(3);
    CHECK(times == std::vector<double>{10.0, 10.25, 10.5});
    CHECK(ui.io().DeltaTime == doctest::Approx(0.25));
    ui.wait(1.0);
    CHECK(times.size() == 7);
    CHECK(ui.time() == doctest::Approx(11.75));
    CHECK(ui.frame_count() == 7);
}

TEST_CASE("driver: two drivers keep their items apart") {
    SceneUnderTest a;
    UiDriver b;
    b.set_draw([](double) {
        ImGui::Begin("Other");
        ImGui::Button("Only here");
        ImGui::End();
    });
    b.frame();
    a.ui.frame();
    CHECK(b.try_find("Only here") != nullptr);
    CHECK(b.try_find("Press me") == nullptr);
    CHECK(a.ui.try_find("Only here") == nullptr);
    CHECK(a.ui.try_find("Press me") != nullptr);
}
