// Fling (ui/widgets.hpp): when a released drag coasts.
#include <doctest/doctest.h>

#include "ui/widgets.hpp"

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
