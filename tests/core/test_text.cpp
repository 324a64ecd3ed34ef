#include <doctest/doctest.h>

#include <algorithm>

#include "core/text.hpp"

using namespace wwe;

TEST_CASE("Snowball's Porter stemmer follows Porter (1980)") {
    const Stemmer porter("porter");
    REQUIRE(porter.valid());
    CHECK(porter.stem("caresses") == "caress");
    CHECK(porter.stem("ponies") == "poni");
    CHECK(porter.stem("cats") == "cat");
    CHECK(porter.stem("feed") == "feed");
    CHECK(porter.stem("agreed") == "agre");
    CHECK(porter.stem("plastered") == "plaster");
    CHECK(porter.stem("motoring") == "motor");
    CHECK(porter.stem("sing") == "sing");
    CHECK(porter.stem("hopping") == "hop");
    CHECK(porter.stem("falling") == "fall");
    CHECK(porter.stem("filing") == "file");
    CHECK(porter.stem("happy") == "happi");
    CHECK(porter.stem("relational") == "relat");
    CHECK(porter.stem("conditional") == "condit");
    CHECK(porter.stem("triplicate") == "triplic");
    CHECK(porter.stem("hopefulness") == "hope");
    CHECK(porter.stem("adjustment") == "adjust");
    CHECK(porter.stem("adoption") == "adopt");
}

TEST_CASE("TextRules pick the article's language's stemmer") {
    CHECK(TextRules::for_language("en").stemmer.algorithm() == "english");
    CHECK(TextRules::for_language("en-GB").stemmer.algorithm() == "english");
    CHECK(TextRules::for_language("FR-ca").stemmer.algorithm() == "french");
    CHECK(TextRules::for_language("ru").stemmer.algorithm() == "russian");
    CHECK(TextRules::for_language("ar").stemmer.algorithm() == "arabic");
    CHECK(TextRules::for_language("nb").stemmer.algorithm() == "norwegian");
    CHECK_FALSE(TextRules::for_language("zh-Hans").stems());
    CHECK_FALSE(TextRules::for_language("").stems());
    CHECK_FALSE(TextRules::for_language("x-unknown").stems());
    CHECK(TextRules::for_language("fr").split_elisions);
    CHECK_FALSE(TextRules::for_language("en").split_elisions);
    const auto names = Stemmer::algorithms();
    CHECK(names.size() >= 29);
    CHECK(std::find(names.begin(), names.end(), "russian") != names.end());
    SUBCASE("no stemmer: words are folded, not stemmed") {
        const TextRules none = TextRules::for_language("x-unknown");
        CHECK(terms_of("Partnerships GROW", none) == std::vector<std::string>{"partnerships", "grow"});
    }
    SUBCASE("English is Snowball's english (Porter2)") {
        CHECK(terms_of("Partnerships generously") == std::vector<std::string>{"partnership", "generous"});
        CHECK(terms_of("cooperating") == terms_of("cooperate"));
        CHECK(terms_of("civilizations") == terms_of("civilization"));
    }
}

TEST_CASE("Russian words are stemmed in Russian") {
    const TextRules ru = TextRules::for_language("ru");
    // Inflections of one word meet: безопасность (security) in three cases.
    const auto a = terms_of("\xd0\x91\xd0\xb5\xd0\xb7\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd1\x8c", ru);
    const auto b = terms_of("\xd0\xb1\xd0\xb5\xd0\xb7\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8", ru);
    const auto c = terms_of("\xd0\x91\xd0\x95\xd0\x97\xd0\x9e\xd0\x9f\xd0\x90\xd0\xa1\xd0\x9d\xd0\x9e\xd0\xa1\xd0\xa2\xd0\xac\xd0\xae", ru);
    REQUIRE(a.size() == 1);
    CHECK(a == b);
    CHECK(a == c);
    // новый / новая / новое (new, three genders) share a stem; сотрудничество (cooperation)
    // and сотрудничества too.
    CHECK(terms_of("\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9", ru) == terms_of("\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x8f", ru));
    CHECK(terms_of("\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9", ru) == terms_of("\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xb5", ru));
    CHECK(terms_of("\xd1\x81\xd0\xbe\xd1\x82\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd0\xbe", ru) ==
          terms_of("\xd1\x81\xd0\xbe\xd1\x82\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd0\xb0", ru));
    // English rules would not have stemmed it at all.
    CHECK(terms_of("\xd0\xb1\xd0\xb5\xd0\xb7\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8") != b);
}

TEST_CASE("accents fold after stemming, in any language") {
    SUBCASE("Quebec finds Qu\xc3\xa9" "bec, etats-unis finds \xc3\x89tats-Unis") {
        CHECK(terms_of("Qu\xc3\xa9" "bec") == terms_of("Quebec"));
        const TextRules fr = TextRules::for_language("fr");
        CHECK(terms_of("\xc3\x89tats-Unis", fr) == terms_of("etats-unis", fr));
        CHECK(terms_of("\xc3\x89TATS", fr) == terms_of("\xc3\xa9tat", fr));
        // Decomposed input (e + combining acute) is the same word.
        CHECK(terms_of("Que\xcc\x81" "bec") == terms_of("Quebec"));
    }
    SUBCASE("the stemmer reads the accents: Spanish -aci\xc3\xb3n, Portuguese -\xc3\xa7\xc3\xa3o, an accent-less spelling has its own term") {
        const TextRules es = TextRules::for_language("es");
        CHECK(terms_of("cooperaci\xc3\xb3n", es) == terms_of("cooperaciones", es));
        CHECK(terms_of("Cooperaci\xc3\xb3n", es) == terms_of("COOPERACIONES", es));
        const TextRules pt = TextRules::for_language("pt");
        CHECK(terms_of("coopera\xc3\xa7\xc3\xa3o", pt) == terms_of("coopera\xc3\xa7\xc3\xb5" "es", pt));
        // Typed without accents, the word is what the text's word is without them (a corpus
        // maps it back: Corpus::unaccented).
        const TextRules fr = TextRules::for_language("fr");
        CHECK(unaccented_term("rivi\xc3\xa8re", fr) == unaccented_term("riviere", fr));
        CHECK(unaccented_term("Riviere", fr) == normalise_word("riviere", fr));
        CHECK(unaccented_term("cooperaci\xc3\xb3n", es) == normalise_word("cooperacion", es));
        CHECK(terms_of("Qu\xc3\xa9" "bec", fr) == terms_of("Quebec", fr));
    }
    SUBCASE("Greek tonos and Cyrillic \xd1\x91 fold") {
        CHECK(terms_of("\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1", TextRules::for_language("x")) ==
              terms_of("\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1", TextRules::for_language("x")));  // Αθήνα / αθηνα
        CHECK(terms_of("\xd0\xb5\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0", TextRules::for_language("x")) ==
              terms_of("\xd0\xb5\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0", TextRules::for_language("x")));  // ёлка with е
    }
    SUBCASE("vowel signs of Devanagari stay: they are letters there") {
        const TextRules none = TextRules::for_language("x");
        // किताब (book) and कतब differ only by vowel signs.
        CHECK(terms_of("\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xbe\xe0\xa4\xac", none) !=
              terms_of("\xe0\xa4\x95\xe0\xa4\xa4\xe0\xa4\xac", none));
        CHECK(terms_of("\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xbe\xe0\xa4\xac", none).size() == 1);
    }
    SUBCASE("fold_for_sorting strips accents; fold_text keeps them") {
        CHECK(fold_for_sorting("\xc3\x89toile") == "etoile");
        CHECK(fold_text("\xc3\x89toile") == "\xc3\xa9toile");
        CHECK(fold_text("\xef\xac\x81n") == "fin");  // the ligature ﬁ
    }
}

TEST_CASE("French elisions split words") {
    const TextRules fr = TextRules::for_language("fr");
    const auto terms = terms_of("l\xe2\x80\x99\xc3\x89tat et d'autres pays", fr);
    REQUIRE(terms.size() == 6);
    CHECK(terms[0] == "l");
    CHECK(terms[1] == terms_of("\xc3\xa9tats", fr)[0]);
    CHECK(terms[3] == "d");
    // Plural and feminine forms meet (French Snowball).
    CHECK(terms_of("coop\xc3\xa9rations", fr) == terms_of("coop\xc3\xa9ration", fr));
    CHECK(terms_of("internationales", fr) == terms_of("international", fr));
}

TEST_CASE("Arabic is tokenised, folded and stemmed") {
    const TextRules ar = TextRules::for_language("ar");
    // "الأمن والتعاون" (security and cooperation): two words.
    const std::string text = "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86 \xd9\x88\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86";
    const auto tokens = tokenize(text, ar);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == 10);
    CHECK_FALSE(tokens[0].term.empty());
    // The definite article and the conjunction go: أمن (security) and الأمن meet, تعاون too.
    CHECK(terms_of("\xd8\xa3\xd9\x85\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    CHECK(terms_of("\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar) == std::vector<std::string>{tokens[1].term});
    // With or without the article and the particles joined to it, one term: تعاون,
    // والتعاون; والأمن and فالأمن are الأمن.
    CHECK(terms_of("\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar) == terms_of("\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar));
    CHECK(terms_of("\xd9\x88\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar) == terms_of("\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar));
    CHECK(terms_of("\xd9\x88\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    CHECK(terms_of("\xd9\x81\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    // Short vowels (harakat) and the tatweel do not matter: الأَمْن, الأمـــن.
    CHECK(terms_of("\xd8\xa7\xd9\x84\xd8\xa3\xd9\x8e\xd9\x85\xd9\x92\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    CHECK(terms_of("\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x80\xd9\x80\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    // Presentation forms (as copied from some PDFs) are the same letters: ﻷﻣﻦ.
    CHECK_FALSE(terms_of("\xef\xbb\xb7\xef\xbb\xa3\xef\xbb\xa6", ar).empty());
    // Arabic punctuation separates words: the Arabic comma.
    CHECK(terms_of("\xd8\xa3\xd9\x85\xd9\x86\xd8\x8c\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar).size() == 2);
}

TEST_CASE("Thai without spaces is one word per run (a documented limit)") {
    // ความร่วมมือ (cooperation), with a space then ดี: two runs, two words.
    const auto terms = terms_of("\xe0\xb8\x84\xe0\xb8\xa7\xe0\xb8\xb2\xe0\xb8\xa1\xe0\xb8\xa3\xe0\xb9\x88\xe0\xb8\xa7\xe0\xb8\xa1\xe0\xb8\xa1\xe0\xb8\xb7\xe0\xb8\xad \xe0\xb8\x94\xe0\xb8\xb5",
                                TextRules::for_language("th"));
    CHECK(terms.size() == 2);
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

TEST_CASE("utf8_truncate and utf8_truncate_front cut between characters, never inside one") {
    // "é" as e + a combining acute accent: one character of two code points.
    CHECK(utf8_truncate("cafe\u0301s", 5) == "caf\u2026");
    CHECK(utf8_truncate("cafe\u0301s", 6) == "cafe\u0301\u2026");
    CHECK(utf8_truncate("\U0001F469\u200D\U0001F4BB!", 8) == "\u2026");  // a ZWJ emoji sequence is one character
    CHECK(utf8_truncate_front("abcdef", 3) == "\u2026def");
    CHECK(utf8_truncate_front("abcdef", 6) == "abcdef");
    CHECK(utf8_truncate_front("x\xe4\xb8\x80\xe4\xb8\x80", 5) == "\u2026\xe4\xb8\x80");
    CHECK(utf8_truncate_front("e\u0301e\u0301", 2) == "\u2026");  // the accent stays with its letter
    CHECK(utf8_truncate_front("e\u0301e\u0301", 3) == "\u2026e\u0301");
    for (std::size_t n = 0; n < 12; ++n) {
        CHECK(utf8_invalid_at(utf8_truncate("a\u00e9\u4e00\U0001F600b", n)) == std::string::npos);
        CHECK(utf8_invalid_at(utf8_truncate_front("a\u00e9\u4e00\U0001F600b", n)) == std::string::npos);
    }
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

TEST_CASE("fold_case covers every script's capitals") {
    CHECK(fold_case(U'A') == U'a');
    CHECK(fold_case(U'\u00c9') == U'\u00e9');
    CHECK(fold_case(U'\u0100') == U'\u0101');
    CHECK(fold_case(U'\u0139') == U'\u013a');
    CHECK(fold_case(U'\u0394') == U'\u03b4');
    CHECK(fold_case(U'\u0416') == U'\u0436');
    CHECK(fold_case(U'\u4e00') == U'\u4e00');
    CHECK(fold_case(U'\u0531') == U'\u0561');  // Armenian
    CHECK(fold_case(U'\u10a0') == U'\u2d00');  // Georgian
    CHECK(fold_case(U'\u1e9e') == U'\u00df');  // capital sharp s
    CHECK(fold_text("\xef\xbc\xa1IIB") == "aiib");  // fullwidth A
}
