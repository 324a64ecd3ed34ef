// Fling (ui/widgets.hpp): when a released drag coasts; touch rows and touch scrolling in
// ImGui frames (ui_driver.hpp); rich text (ui/rich_text.hpp): how overlapping spans style
// the fragments.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/rich_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui_driver.hpp"

using wwe::ui::Fling;

TEST_CASE("fling: a fast drag coasts, a slow one or one held still before the lift stops") {
    Fling fast;
    for (int i = 0; i < 3; ++i) fast.track(ImVec2(50, 0), 1.0f / 60);
    fast.track(ImVec2(0, 0), 1.0f / 60);  // the frame that saw the lift
    fast.release();
    CHECK(fast.coasting);
    CHECK(fast.velocity.x > 1000);

    Fling slow;
    for (int i = 0; i < 3; ++i) slow.track(ImVec2(1, 0), 1.0f / 60);
    slow.release();
    CHECK_FALSE(slow.coasting);

    Fling held;  // moved, then still for a quarter of a second, then lifted
    for (int i = 0; i < 3; ++i) held.track(ImVec2(50, 0), 1.0f / 60);
    for (int i = 0; i < 15; ++i) held.track(ImVec2(0, 0), 1.0f / 60);
    held.release();
    CHECK_FALSE(held.coasting);
}

TEST_CASE("fling: on a busy device (slow frames) a fast swipe still coasts") {
    Fling f;
    for (int i = 0; i < 3; ++i) f.track(ImVec2(50, 0), 0.25f);  // 200 px/s
    f.track(ImVec2(0, 0), 0.4f);  // the lift, seen in a slow frame: not a hold
    f.release();
    CHECK(f.coasting);
    CHECK(f.velocity.x == doctest::Approx(200).epsilon(0.01));
}

TEST_CASE("rich text: overlapping spans combine their styles, the last tagged span's tag wins, as a span-by-span reading says") {
    wwe::test::UiDriver ui;
    std::string text;
    for (int i = 0; i < 120; ++i) text += "word" + std::to_string(i % 7) + " ";
    std::vector<wwe::ui::RichSpan> spans;
    unsigned seed = 12345;
    auto next = [&seed](unsigned n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % n;
    };
    const auto n = static_cast<std::uint32_t>(text.size());
    for (int i = 0; i < 200; ++i) {
        wwe::ui::RichSpan s;
        s.begin = next(n);
        s.end = std::min(n, s.begin + 1 + next(40));
        s.style = 1u << next(4);
        s.tag = next(3) == 0 ? -1 : static_cast<int>(next(50));
        spans.push_back(s);
    }
    wwe::ui::RichTextLayout layout;
    ui.set_draw([&](double) {
        ImGui::Begin("rich");
        wwe::ui::RichLayoutParams params;
        params.wrap_width = 300;
        layout = wwe::ui::layout_rich_text(text, spans, params);
        ImGui::End();
    });
    ui.frame();
    REQUIRE(!layout.fragments.empty());
    std::uint32_t covered = 0;
    for (const wwe::ui::RichFragment& f : layout.fragments) {
        covered += f.end - f.begin;
        // Every byte of a fragment has the fragment's style and tag, read span by span.
        for (std::uint32_t at = f.begin; at < f.end; ++at) {
            wwe::ui::RichStyle style = wwe::ui::RichStyle_None;
            int tag = -1;
            for (const wwe::ui::RichSpan& s : spans) {
                if (s.begin <= at && at < s.end) {
                    style |= s.style;
                    if (s.tag >= 0) tag = s.tag;
                }
            }
            REQUIRE(f.style == style);
            REQUIRE(f.tag == tag);
        }
    }
    CHECK(covered == n);
}

namespace {
using wwe::test::UiDriver;

// A window with a check box, a scrolling list of 200 rows (TouchScroll) and a pop-up menu
// (TouchRows), in the touch style or the mouse's.
struct TouchBench {
    UiDriver ui;
    bool touch_style, finger = true, reduced = false, check = false, menu = false;
    std::string list;  // the list window's name (TouchScroll keeps its state per window)
    float scroll = 0, scroll_max = 0;
    TouchBench(bool touch, std::string name) : touch_style(touch), list(std::move(name)) {
        ui.io();  // its context is the current one
        wwe::ui::apply_theme(wwe::ui::default_theme(), ImGui::GetStyle(), touch_style);
        ui.set_draw([this](double) {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(600, 700));
            ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::Checkbox("Security", &check);
            if (menu) ImGui::OpenPopup("##menu");
            if (ImGui::BeginPopup("##menu")) {
                {
                    const wwe::ui::TouchRows rows;
                    ImGui::MenuItem("Copy");
                    ImGui::MenuItem("Copy with citation");
                }
                ImGui::EndPopup();
            }
            ImGui::BeginChild(list.c_str(), ImVec2(500, 400));
            wwe::ui::TouchScroll(finger, reduced);
            for (int i = 0; i < 200; ++i) ImGui::Selectable(("row " + std::to_string(i)).c_str());
            scroll = ImGui::GetScrollY();
            scroll_max = ImGui::GetScrollMaxY();
            ImGui::EndChild();
            ImGui::End();
        });
        ui.frame(2);
    }
    // A finger from (250, 400) (in the list) up by `dy` per frame for `frames`, then lifted.
    void flick(float dy, int frames) {
        ui.move_mouse(ImVec2(250, 400));
        ui.io().MouseDown[0] = true;
        ui.frame();
        for (int i = 1; i <= frames; ++i) {
            ui.io().MousePos = ImVec2(250, 400 - dy * static_cast<float>(i));
            ui.frame();
        }
        ui.io().MouseDown[0] = false;
        ui.frame();
    }
};
}  // namespace

TEST_CASE("touch rows: on the touch style check boxes and menu items are 44 units tall, a mouse keeps them compact") {
    for (const bool touch : {true, false}) {
        CAPTURE(touch);
        TouchBench b(touch, touch ? "##rows-touch" : "##rows-mouse");
        b.menu = true;
        b.ui.frame(2);
        const float box = b.ui.find("Security").rect.GetHeight();
        const float item = b.ui.find("Copy with citation").rect.GetHeight();
        if (touch) {
            CHECK(box >= 44);
            CHECK(item >= 44);
        } else {
            CHECK(box < 44);
            CHECK(item < 44);
        }
    }
}

TEST_CASE("touch scroll: a finger drags a list and a flick coasts on, slowing, a touch stops it, reduced motion does not coast") {
    TouchBench b(true, "##list-coast");
    b.flick(40, 4);
    const float released = b.scroll;
    CHECK(released > 100);  // the drag moved the list with the finger (a frame behind)
    CHECK(wwe::ui::TouchScrolling());
    b.ui.frame(3);
    const float a = b.scroll;
    b.ui.frame(3);
    const float c = b.scroll;
    CHECK(a > released);
    CHECK(c - a < a - released);  // slowing down
    // A touch catches it.
    b.ui.move_mouse(ImVec2(250, 300));
    b.ui.io().MouseDown[0] = true;
    b.ui.frame();
    CHECK_FALSE(wwe::ui::TouchScrolling());
    const float caught = b.scroll;
    b.ui.frame(10);
    CHECK(b.scroll == doctest::Approx(caught).epsilon(0.001));
    b.ui.io().MouseDown[0] = false;
    b.ui.frame(2);
    b.ui.wait(3);  // whatever is left of it is over
    CHECK_FALSE(wwe::ui::TouchScrolling());

    TouchBench still(true, "##list-reduced");
    still.reduced = true;
    still.flick(40, 4);
    const float at = still.scroll;
    CHECK(at > 100);
    still.ui.frame(10);
    CHECK(still.scroll == doctest::Approx(at).epsilon(0.001));

    TouchBench mouse(true, "##list-mouse");
    mouse.finger = false;  // a mouse drag selects, it does not scroll
    mouse.flick(40, 4);
    mouse.ui.frame(5);
    CHECK(mouse.scroll == 0);
}
