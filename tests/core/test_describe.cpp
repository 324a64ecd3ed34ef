// The views' hints in the words of the input device (describe.hpp): a finger taps and
// pinches and has no Esc key or wheel; a mouse clicks and wheels.
#include <doctest/doctest.h>

#include <string>

#include "core/describe.hpp"

using namespace wwe;

namespace {
bool has(const std::string& text, const char* word) {
    return text.find(word) != std::string::npos;
}
void check_touch_words(const std::string& text) {
    CAPTURE(text);
    CHECK_FALSE(has(text, "lick"));  // Click, click
    CHECK_FALSE(has(text, "wheel"));
    CHECK_FALSE(has(text, "Esc"));
    CHECK_FALSE(has(text, "Ctrl"));
    CHECK((has(text, "Tap") || has(text, "tap")));
}
void check_mouse_words(const std::string& text) {
    CAPTURE(text);
    CHECK_FALSE(has(text, "Tap"));
    CHECK_FALSE(has(text, "tap"));
    CHECK_FALSE(has(text, "pinch"));
    CHECK((has(text, "Click") || has(text, "click")));
}
}  // namespace

TEST_CASE("hints fit the input device: tap and pinch for a finger, click and wheel for a mouse") {
    for (const bool selected : {false, true}) {
        check_touch_words(map_hint(true, selected));
        check_mouse_words(map_hint(false, selected));
    }
    CHECK(has(map_hint(true, false), "pinch to zoom"));
    CHECK(has(map_hint(false, false), "wheel to zoom"));
    check_touch_words(timeline_hint(5, true));
    check_mouse_words(timeline_hint(5, false));
    CHECK(timeline_hint(5, true).rfind("5 events \xC2\xB7 pinch to zoom", 0) == 0);
    CHECK(timeline_hint(1, false).rfind("1 event \xC2\xB7 wheel to zoom", 0) == 0);
    check_touch_words(matrix_hint(15, true, true));
    check_mouse_words(matrix_hint(15, false, false));
    CHECK(has(matrix_hint(15, true, true), "(15)"));
    CHECK(has(matrix_hint(15, true, true), "counts in each of its cells"));
    CHECK_FALSE(has(matrix_hint(15, false, true), "counts in each"));
    check_touch_words(matrix_cell_hint(true));
    check_mouse_words(matrix_cell_hint(false));
    for (const bool filtered : {false, true}) {
        check_touch_words(open_passage_hint(true, filtered));
        check_mouse_words(open_passage_hint(false, filtered));
    }
    CHECK(has(open_passage_hint(false, true), "Ctrl+Z"));
}
