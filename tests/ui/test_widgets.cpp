// Fling (ui/widgets.hpp): when a released drag coasts; rich text (ui/rich_text.hpp): how
// overlapping spans style the fragments.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/rich_text.hpp"
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
