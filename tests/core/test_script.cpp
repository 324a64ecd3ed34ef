#include <doctest/doctest.h>

#include "core/script.hpp"
#include "core/text.hpp"

using namespace wwe;

namespace {
std::u32string cps(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out.push_back(utf8_next(s, i));
    return out;
}
}  // namespace

TEST_CASE("bidi classes and paragraph direction") {
    CHECK(bidi_class(U'a') == BidiClass::L);
    CHECK(bidi_class(U'\u05d0') == BidiClass::R);  // א
    CHECK(bidi_class(U'\u0627') == BidiClass::R);  // ا
    CHECK(bidi_class(U'7') == BidiClass::Number);
    CHECK(bidi_class(U'\u0663') == BidiClass::Number);
    CHECK(bidi_class(U' ') == BidiClass::Neutral);
    CHECK(bidi_class(U'\u4e00') == BidiClass::L);
    CHECK(paragraph_is_rtl("\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86 and"));
    CHECK_FALSE(paragraph_is_rtl("2016: the \xd8\xa7"));
    CHECK(has_rtl("x \xd7\xa9"));
    CHECK_FALSE(has_rtl("Qu\xc3\xa9" "bec \xe4\xb8\x80"));
}

TEST_CASE("Arabic letters take their contextual forms") {
    // سلام (peace): seen initial, lam-alef final ligature, meem final... سـ + ﻼ + ﻡ
    const std::u32string s = cps(shape_arabic("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"));
    REQUIRE(s.size() == 3);
    CHECK(s[0] == 0xFEB3);  // seen, initial
    CHECK(s[1] == 0xFEFC);  // lam-alef, final
    CHECK(s[2] == 0xFEE1);  // meem, isolated (alef does not join forward)
    // بيت (house): beh initial, yeh medial, teh final.
    const std::u32string b = cps(shape_arabic("\xd8\xa8\xd9\x8a\xd8\xaa"));
    REQUIRE(b.size() == 3);
    CHECK(b[0] == 0xFE91);
    CHECK(b[1] == 0xFEF4);
    CHECK(b[2] == 0xFE96);
    // A mark between letters is transparent: بَيت joins as بيت.
    const std::u32string m = cps(shape_arabic("\xd8\xa8\xd9\x8e\xd9\x8a\xd8\xaa"));
    REQUIRE(m.size() == 4);
    CHECK(m[0] == 0xFE91);
    CHECK(m[1] == 0x064E);
    CHECK(m[2] == 0xFEF4);
    // Latin is untouched.
    CHECK(shape_arabic("abc") == "abc");
}

TEST_CASE("RTL runs are reversed, LTR runs and numbers keep their order") {
    SUBCASE("Hebrew alone: reversed") {
        // שלום -> drawn ם ו ל ש
        CHECK(visual_line("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d") == "\xd7\x9d\xd7\x95\xd7\x9c\xd7\xa9");
    }
    SUBCASE("an LTR paragraph with a Hebrew word") {
        // "a אב b" -> "a בא b"
        CHECK(visual_line("a \xd7\x90\xd7\x91 b") == "a \xd7\x91\xd7\x90 b");
    }
    SUBCASE("an RTL paragraph with a Latin word and a number") {
        // "אב UN 2016 גד" -> drawn "דג UN 2016 בא": a number after Latin is Latin (W7), so
        // "UN 2016" is one left-to-right run.
        const std::string line = "\xd7\x90\xd7\x91 UN 2016 \xd7\x92\xd7\x93";
        CHECK(visual_line(line) == "\xd7\x93\xd7\x92 UN 2016 \xd7\x91\xd7\x90");
        // ... and after Hebrew it keeps its digits' order inside the RTL text.
        CHECK(visual_line("\xd7\x90 2016 \xd7\x91") == "\xd7\x91 2016 \xd7\x90");
        const auto runs = visual_runs(line, true);
        REQUIRE(runs.size() >= 3);
        CHECK(runs.front().rtl);
        // The space between the Latin run and גד takes the paragraph's direction.
        CHECK(line.substr(runs.front().begin, runs.front().end - runs.front().begin) == " \xd7\x92\xd7\x93");
        std::size_t covered = 0;
        for (const auto& r : runs) covered += r.end - r.begin;
        CHECK(covered == line.size());
    }
    SUBCASE("brackets mirror inside RTL runs") {
        // "א(ב)" drawn "(ב)א" with the brackets mirrored back to reading shape.
        CHECK(visual_line("\xd7\x90(\xd7\x91)") == "(\xd7\x91)\xd7\x90");
    }
    SUBCASE("marks stay after their base") {
        // بَ alone (beh + fatha) in an RTL run: the cluster is kept in order.
        const std::u32string v = cps(visual_line("\xd8\xa8\xd9\x8e \xd8\xaa"));
        REQUIRE(v.size() == 4);
        CHECK(v[0] == 0xFE95);  // teh isolated, drawn first (leftmost)
        CHECK(v[2] == 0xFE8F);  // beh isolated
        CHECK(v[3] == 0x064E);  // its fatha right after it
    }
}
