#include <doctest/doctest.h>
#include <algorithm>

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

//------------------------------------------------------------------------------------------
// The bidi algorithm (UAX #9): cases written in the style of BidiCharacterTest.txt — a text,
// the paragraph direction asked for, the resolved level of each code point ("x" for those
// X9 removes) and the visual order (logical indices drawn from left to right, removed ones
// left out).
//------------------------------------------------------------------------------------------

namespace {

struct BidiCase {
    std::string levels;  // one per code point, "x" for removed ones
    std::string order;   // visual order of the code points kept
};

BidiCase bidi_case(std::string_view text, BidiDirection direction) {
    const BidiLevels bl = bidi_resolve(text, direction);
    std::vector<std::uint32_t> starts;
    for (std::size_t i = 0; i < text.size();) {
        starts.push_back(static_cast<std::uint32_t>(i));
        utf8_next(text, i);
    }
    auto index_of = [&](std::uint32_t byte) {
        return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), byte) - starts.begin()) - 1;
    };
    auto removed = [&](std::uint32_t byte) {
        const auto t = static_cast<BidiType>(bl.types[byte]);
        return t == BidiType::RLE || t == BidiType::LRE || t == BidiType::RLO || t == BidiType::LRO ||
               t == BidiType::PDF || t == BidiType::BN;
    };
    BidiCase out;
    // Levels after L1, as BidiCharacterTest gives them: read them off the runs of the line.
    std::vector<int> level(starts.size(), -1);
    std::vector<int> order;
    for (const BidiRun& r : visual_runs(bl, 0, static_cast<std::uint32_t>(text.size()))) {
        std::vector<int> in;
        for (std::uint32_t b : starts)
            if (b >= r.begin && b < r.end) in.push_back(index_of(b));
        for (int k : in) level[static_cast<std::size_t>(k)] = r.level;
        if (r.rtl) std::reverse(in.begin(), in.end());
        for (int k : in)
            if (!removed(starts[static_cast<std::size_t>(k)])) order.push_back(k);
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
        if (!out.levels.empty()) out.levels += ' ';
        out.levels += removed(starts[k]) ? std::string("x") : std::to_string(level[k]);
    }
    for (int k : order) out.order += (out.order.empty() ? "" : " ") + std::to_string(k);
    return out;
}

constexpr auto kAuto = BidiDirection::Auto;
constexpr auto kLtr = BidiDirection::LeftToRight;
constexpr auto kRtl = BidiDirection::RightToLeft;

// Hebrew and Arabic letters (R, AL), Arabic-Indic digits (AN), controls.
#define ALEF_HE "\xd7\x90"
#define BET_HE "\xd7\x91"
#define GIMEL_HE "\xd7\x92"
#define ALEF_AR "\xd8\xa7"
#define BEH_AR "\xd8\xa8"
#define JEEM_AR "\xd8\xac"
#define AR_ONE "\xd9\xa1"
#define AR_TWO "\xd9\xa2"
#define C_RLE "\xe2\x80\xab"
#define C_RLO "\xe2\x80\xae"
#define C_PDF "\xe2\x80\xac"
#define C_LRI "\xe2\x81\xa6"
#define C_RLI "\xe2\x81\xa7"
#define C_FSI "\xe2\x81\xa8"
#define C_PDI "\xe2\x81\xa9"

}  // namespace

TEST_CASE("bidi types come from the character database") {
    CHECK(bidi_type(U'a') == BidiType::L);
    CHECK(bidi_type(U'\u05d0') == BidiType::R);
    CHECK(bidi_type(U'\u0627') == BidiType::AL);
    CHECK(bidi_type(U'7') == BidiType::EN);
    CHECK(bidi_type(U'\u0661') == BidiType::AN);
    CHECK(bidi_type(U'+') == BidiType::ES);
    CHECK(bidi_type(U'%') == BidiType::ET);
    CHECK(bidi_type(U',') == BidiType::CS);
    CHECK(bidi_type(U'\u064e') == BidiType::NSM);
    CHECK(bidi_type(U' ') == BidiType::WS);
    CHECK(bidi_type(U'\t') == BidiType::S);
    CHECK(bidi_type(U'\n') == BidiType::B);
    CHECK(bidi_type(U'(') == BidiType::ON);
    CHECK(bidi_type(U'\u2067') == BidiType::RLI);
    CHECK(bidi_type(U'\u200d') == BidiType::BN);
}

TEST_CASE("bidi: paragraph level from the first strong character (P2/P3)") {
    CHECK(paragraph_is_rtl(ALEF_HE " abc"));
    CHECK_FALSE(paragraph_is_rtl("12 abc " ALEF_HE));
    CHECK_FALSE(paragraph_is_rtl("12 ,"));  // no strong character: left to right
    // Characters inside an isolate are skipped: the paragraph is right to left.
    CHECK(paragraph_is_rtl(C_LRI "abc" C_PDI " " ALEF_HE));
    CHECK(bidi_case(C_LRI "ab" C_PDI " " ALEF_HE, kAuto).levels == "1 2 2 1 1 1");
    // An explicit embedding is not skipped (only isolates are).
    CHECK_FALSE(paragraph_is_rtl(C_RLE "abc" C_PDF " " ALEF_HE));
}

TEST_CASE("bidi: numbers (W1-W7) and implicit levels (I1/I2)") {
    SUBCASE("an Arabic phrase with a number in an RTL paragraph") {
        // ا 12 ب: the number keeps its order inside the right-to-left text.
        const BidiCase c = bidi_case(ALEF_AR " 12 " BEH_AR, kAuto);
        CHECK(c.levels == "1 1 2 2 1 1");
        CHECK(c.order == "5 4 2 3 1 0");
    }
    SUBCASE("W2/W5: after Arabic letters a number is Arabic and a percent sign is no terminator") {
        const BidiCase ar = bidi_case(ALEF_AR " 12%", kAuto);
        CHECK(ar.levels == "1 1 2 2 1");
        CHECK(ar.order == "4 2 3 1 0");  // "%12 ا"
        // After Hebrew (R, not AL) the number is European and % sticks to it.
        const BidiCase he = bidi_case(ALEF_HE " 12%", kAuto);
        CHECK(he.levels == "1 1 2 2 2");
        CHECK(he.order == "2 3 4 1 0");  // "12% א"
    }
    SUBCASE("W4: one separator between two numbers joins them") {
        CHECK(bidi_case(ALEF_HE " 1+2", kAuto).order == "2 3 4 1 0");
        CHECK(bidi_case(ALEF_HE " 1,2", kAuto).order == "2 3 4 1 0");
        // Two separators do not: each digit is its own number.
        CHECK(bidi_case(ALEF_HE " 1,,2", kAuto).order == "5 4 3 2 1 0");
        // Arabic-Indic digits with a comma: one Arabic number.
        CHECK(bidi_case(ALEF_AR " " AR_ONE "," AR_TWO, kAuto).order == "2 3 4 1 0");
    }
    SUBCASE("W7: a number after Latin text is Latin") {
        const BidiCase c = bidi_case(ALEF_HE BET_HE " abc 12", kAuto);
        CHECK(c.levels == "1 1 1 2 2 2 2 2 2");
        CHECK(c.order == "3 4 5 6 7 8 2 1 0");  // "abc 12 בא"
    }
    SUBCASE("an English sentence with an Arabic phrase and a number in it") {
        // "He said ب 3 ج." : 3 after Arabic is an Arabic number; the phrase is one RTL run.
        const BidiCase c = bidi_case("He said " BEH_AR " 3 " JEEM_AR ".", kAuto);
        CHECK(c.levels == "0 0 0 0 0 0 0 0 1 1 2 1 1 0");
        CHECK(c.order == "0 1 2 3 4 5 6 7 12 11 10 9 8 13");
    }
    SUBCASE("W1: a mark takes its base's direction") {
        const BidiCase c = bidi_case("a " BEH_AR "\xd9\x8e" "b", kLtr);
        CHECK(c.levels == "0 0 1 1 0");
    }
}

TEST_CASE("bidi: neutrals (N0 brackets, N1, N2)") {
    SUBCASE("N1: a space between two RTL words is RTL; N2: between directions, the paragraph's") {
        CHECK(bidi_case("a " ALEF_HE " " BET_HE " b", kLtr).levels == "0 0 1 1 1 0 0");
        CHECK(bidi_case("a " ALEF_HE " " BET_HE " b", kLtr).order == "0 1 4 3 2 5 6");
    }
    SUBCASE("N0: brackets with Latin inside after Latin, in an RTL paragraph, are Latin") {
        // a(b)ג: without N0 the ')' would be RTL (between b and ג) and split the pair.
        const BidiCase c = bidi_case("a(b)" GIMEL_HE, kRtl);
        CHECK(c.levels == "2 2 2 2 1");
        CHECK(c.order == "4 0 1 2 3");
    }
    SUBCASE("N0: brackets around Hebrew in an LTR paragraph follow their content's context") {
        // "a (א) b": the inside is R, the context before is L = the embedding: brackets L.
        CHECK(bidi_case("a (" ALEF_HE ") b", kLtr).levels == "0 0 0 1 0 0 0");
        // "א (ב) c" in LTR: inside R, context before R (opposite): the brackets are R too.
        CHECK(bidi_case(ALEF_HE " (" BET_HE ") c", kLtr).levels == "1 1 1 1 1 0 0");
    }
    SUBCASE("L4: brackets drawn in an RTL run are mirrored") {
        CHECK(visual_line(ALEF_HE "(" BET_HE ")") == "(" BET_HE ")" ALEF_HE);
        CHECK(visual_line(ALEF_HE " \xc2\xab" BET_HE "\xc2\xbb") == "\xc2\xab" BET_HE "\xc2\xbb " ALEF_HE);
    }
}

TEST_CASE("bidi: explicit embeddings, overrides and isolates (X1-X10)") {
    SUBCASE("an RTL override reverses Latin letters") {
        const BidiCase c = bidi_case("ab" C_RLO "cd" C_PDF "ef", kLtr);
        CHECK(c.levels == "0 0 x 1 1 x 0 0");
        CHECK(c.order == "0 1 4 3 6 7");
    }
    SUBCASE("an RTL embedding raises Latin inside it to level 2") {
        CHECK(bidi_case("a" C_RLE "b" C_PDF "c", kLtr).levels == "0 x 2 x 0");
    }
    SUBCASE("an isolate is one neutral to the text around it") {
        // א C_RLI b C_PDI ג in LTR: the isolate does not join ב and ג across it.
        const BidiCase c = bidi_case("x " C_RLI "b" C_PDI " " ALEF_HE, kLtr);
        CHECK(c.levels == "0 0 0 2 0 0 1");
        // C_FSI takes the direction of its first strong character.
        CHECK(bidi_case("x " C_FSI ALEF_HE "b" C_PDI, kLtr).levels == "0 0 0 1 2 0");
    }
    SUBCASE("an unmatched C_PDF or C_PDI changes nothing") {
        CHECK(bidi_case("a" C_PDF "b" C_PDI "c", kLtr).levels == "0 x 0 0 0");
    }
    SUBCASE("more than 125 embeddings overflow without harm") {
        std::string text;
        for (int k = 0; k < 130; ++k) text += C_RLE;
        text += "a";
        const BidiLevels bl = bidi_resolve(text, kLtr);
        CHECK(bl.levels.back() == 126);  // level 125 (odd) + L: 126
    }
}

TEST_CASE("bidi: L1 puts trailing white space and separators at the paragraph level") {
    // C_RLE אב space C_PDF: the space (and the C_PDF) at the line's end go back to level 0.
    const BidiCase c = bidi_case(C_RLE ALEF_HE BET_HE " " C_PDF, kLtr);
    CHECK(c.levels == "x 1 1 0 x");
    CHECK(c.order == "2 1 3");
    // A tab (S) is at the paragraph level, whatever surrounds it.
    CHECK(bidi_case(ALEF_HE "\t" BET_HE, kLtr).levels == "1 0 1");
}

TEST_CASE("bidi: each paragraph (P1) has its own direction") {
    const BidiCase c = bidi_case("ab\n" ALEF_HE BET_HE, kAuto);
    CHECK(c.levels == "0 0 0 1 1");
}
