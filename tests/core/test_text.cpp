#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace wwe;

TEST_CASE("porter_stem follows Porter (1980)") {
    // Examples given in the paper, step by step.
    CHECK(porter_stem("caresses") == "caress");
    CHECK(porter_stem("ponies") == "poni");
    CHECK(porter_stem("cats") == "cat");
    CHECK(porter_stem("feed") == "feed");
    CHECK(porter_stem("agreed") == "agre");
    CHECK(porter_stem("plastered") == "plaster");
    CHECK(porter_stem("motoring") == "motor");
    CHECK(porter_stem("sing") == "sing");
    CHECK(porter_stem("hopping") == "hop");
    CHECK(porter_stem("falling") == "fall");
    CHECK(porter_stem("filing") == "file");
    CHECK(porter_stem("happy") == "happi");
    CHECK(porter_stem("relational") == "relat");
    CHECK(porter_stem("conditional") == "condit");
    CHECK(porter_stem("digitizer") == "digit");
    CHECK(porter_stem("triplicate") == "triplic");
    CHECK(porter_stem("hopefulness") == "hope");
    CHECK(porter_stem("revival") == "reviv");
    CHECK(porter_stem("adjustment") == "adjust");
    CHECK(porter_stem("adoption") == "adopt");
    CHECK(porter_stem("probate") == "probat");
    CHECK(porter_stem("controll") == "control");
    SUBCASE("inflections of one word meet") {
        CHECK(porter_stem("partnerships") == porter_stem("partnership"));
        CHECK(porter_stem("civilizations") == porter_stem("civilization"));
        CHECK(porter_stem("cooperating") == porter_stem("cooperate"));
    }
    SUBCASE("short and non-ASCII words are left alone") {
        CHECK(porter_stem("is") == "is");
        CHECK(porter_stem("2030") == "2030");
        CHECK(porter_stem("caf\xc3\xa9s") == "caf\xc3\xa9s");
    }
}

TEST_CASE("utf8 validity and decoding") {
    CHECK(utf8_invalid_at("plain") == std::string_view::npos);
    CHECK(utf8_invalid_at("\xe4\xb8\x80 ok") == std::string_view::npos);
    CHECK(utf8_invalid_at("ab\xff") == 2);
    CHECK(utf8_invalid_at("\xc0\xaf") == 0);          // overlong
    CHECK(utf8_invalid_at("\xed\xa0\x80") == 0);      // surrogate
    CHECK(utf8_invalid_at("x\xe4\xb8") == 1);         // truncated
    std::size_t i = 0;
    CHECK(utf8_next("\xe4\xb8\x80", i) == U'\u4e00');
    CHECK(i == 3);
    i = 0;
    CHECK(utf8_next("\xff", i) == 0xFFFD);
    CHECK(utf8_truncate("abcdef", 3) == "abc\u2026");
    CHECK(utf8_truncate("\xe4\xb8\x80\xe4\xb8\x80", 4) == "\xe4\xb8\x80\u2026");  // no split code point
}

TEST_CASE("tokenize normalises case, hyphens, possessives and CJK") {
    SUBCASE("case and stemming") {
        auto terms = terms_of("Partnerships GROW");
        REQUIRE(terms.size() == 2);
        CHECK(terms[0] == "partnership");
        CHECK(terms[1] == "grow");
    }
    SUBCASE("a hyphenated compound yields its parts and its joined form") {
        auto tokens = tokenize("win-win cooperation");
        REQUIRE(tokens.size() == 4);
        CHECK(tokens[0].term == "win");
        CHECK(tokens[1].term == "win");
        CHECK(tokens[2].joined);
        CHECK(tokens[2].term == "winwin");
        CHECK(tokens[2].position == 0);
        CHECK(tokens[2].begin == 0);
        CHECK(tokens[2].end == 7);
        CHECK(tokens[3].position == 2);
        CHECK(terms_of("win win cooperation") == terms_of("win-win cooperation"));
    }
    SUBCASE("a dash between spaces is no compound") {
        for (const Token& t : tokenize("peace - stability")) CHECK_FALSE(t.joined);
    }
    SUBCASE("possessive 's is part of the word's span, not its term") {
        auto tokens = tokenize("China's role, others' share");
        REQUIRE(tokens.size() == 4);
        CHECK(tokens[0].term == "china");
        CHECK(tokens[0].end == 7);
        CHECK(tokens[2].term == "other");
    }
    SUBCASE("each ideograph is a word") {
        auto tokens = tokenize("\xe4\xb8\x80\xe5\xb8\xa6 Belt");  // 一带 Belt
        REQUIRE(tokens.size() == 3);
        CHECK(tokens[0].term == "\xe4\xb8\x80");
        CHECK(tokens[1].begin == 3);
        CHECK(tokens[2].term == "belt");
    }
    SUBCASE("offsets point into the text") {
        std::string text = "The \xe2\x80\x9cthree principles\xe2\x80\x9d";
        for (const Token& t : tokenize(text)) CHECK(t.end <= text.size());
        auto tokens = tokenize(text);
        CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "three");
    }
    SUBCASE("invalid UTF-8 does not break the tokenizer") {
        auto tokens = tokenize("ok \xff\xfe bad");
        REQUIRE(tokens.size() == 2);
        CHECK(tokens[1].term == "bad");
    }
}

TEST_CASE("fold_case covers Latin, Greek and Cyrillic capitals") {
    CHECK(fold_case(U'A') == U'a');
    CHECK(fold_case(U'\u00c9') == U'\u00e9');
    CHECK(fold_case(U'\u0100') == U'\u0101');
    CHECK(fold_case(U'\u0139') == U'\u013a');
    CHECK(fold_case(U'\u0394') == U'\u03b4');
    CHECK(fold_case(U'\u0416') == U'\u0436');
    CHECK(fold_case(U'\u4e00') == U'\u4e00');
    CHECK(fold_text("\xef\xbc\xa1IIB") == "aiib");  // fullwidth A
}
