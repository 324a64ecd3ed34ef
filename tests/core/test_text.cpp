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
    const auto a = terms_of("ÐÐµÐ·Ð¾Ð¿Ð°ÑÐ½Ð¾ÑÑÑ", ru);
    const auto b = terms_of("Ð±ÐµÐ·Ð¾Ð¿Ð°ÑÐ½Ð¾ÑÑÐ¸", ru);
    const auto c = terms_of("ÐÐÐÐÐÐÐ¡ÐÐÐ¡Ð¢Ð¬Ð®", ru);
    REQUIRE(a.size() == 1);
    CHECK(a == b);
    CHECK(a == c);
    // новый / новая / новое (new, three genders) share a stem; сотрудничество (cooperation)
    // and сотрудничества too.
    CHECK(terms_of("Ð½Ð¾Ð²ÑÐ¹", ru) == terms_of("Ð½Ð¾Ð²Ð°Ñ", ru));
    CHECK(terms_of("Ð½Ð¾Ð²ÑÐ¹", ru) == terms_of("ÐÐ¾Ð²Ð¾Ðµ", ru));
    CHECK(terms_of("ÑÐ¾ÑÑÑÐ´Ð½Ð¸ÑÐµÑÑÐ²Ð¾", ru) ==
          terms_of("ÑÐ¾ÑÑÑÐ´Ð½Ð¸ÑÐµÑÑÐ²Ð°", ru));
    // English rules would not have stemmed it at all.
    CHECK(terms_of("Ð±ÐµÐ·Ð¾Ð¿Ð°ÑÐ½Ð¾ÑÑÐ¸") != b);
}

TEST_CASE("accents fold after stemming, in any language") {
    SUBCASE("Quebec finds QuÃ©" "bec, etats-unis finds Ãtats-Unis") {
        CHECK(terms_of("QuÃ©" "bec") == terms_of("Quebec"));
        const TextRules fr = TextRules::for_language("fr");
        CHECK(terms_of("Ãtats-Unis", fr) == terms_of("etats-unis", fr));
        CHECK(terms_of("ÃTATS", fr) == terms_of("Ã©tat", fr));
        // Decomposed input (e + combining acute) is the same word.
        CHECK(terms_of("QueÌ" "bec") == terms_of("Quebec"));
    }
    SUBCASE("Greek tonos and Cyrillic Ñ fold") {
        CHECK(terms_of("ÎÎ¸Î®Î½Î±", TextRules::for_language("x")) ==
              terms_of("Î±Î¸Î·Î½Î±", TextRules::for_language("x")));  // Αθήνα / αθηνα
        CHECK(terms_of("ÐµÑÐ»ÐºÐ°", TextRules::for_language("x")) ==
              terms_of("ÐµÐµÐ»ÐºÐ°", TextRules::for_language("x")));  // ёлка with е
    }
    SUBCASE("vowel signs of Devanagari stay: they are letters there") {
        const TextRules none = TextRules::for_language("x");
        // किताब (book) and कतब differ only by vowel signs.
        CHECK(terms_of("à¤à¤¿à¤¤à¤¾à¤¬", none) !=
              terms_of("à¤à¤¤à¤¬", none));
        CHECK(terms_of("à¤à¤¿à¤¤à¤¾à¤¬", none).size() == 1);
    }
    SUBCASE("fold_for_sorting strips accents; fold_text keeps them") {
        CHECK(fold_for_sorting("Ãtoile") == "etoile");
        CHECK(fold_text("Ãtoile") == "Ã©toile");
        CHECK(fold_text("ï¬n") == "fin");  // the ligature ﬁ
    }
}

TEST_CASE("French elisions split words") {
    const TextRules fr = TextRules::for_language("fr");
    const auto terms = terms_of("lâÃtat et d'autres pays", fr);
    REQUIRE(terms.size() == 6);
    CHECK(terms[0] == "l");
    CHECK(terms[1] == terms_of("Ã©tats", fr)[0]);
    CHECK(terms[3] == "d");
    // Plural and feminine forms meet (French Snowball).
    CHECK(terms_of("coopÃ©rations", fr) == terms_of("coopÃ©ration", fr));
    CHECK(terms_of("internationales", fr) == terms_of("international", fr));
}

TEST_CASE("Arabic is tokenised, folded and stemmed") {
    const TextRules ar = TextRules::for_language("ar");
    // "الأمن والتعاون" (security and cooperation): two words.
    const std::string text = "Ø§ÙØ£ÙÙ ÙØ§ÙØªØ¹Ø§ÙÙ";
    const auto tokens = tokenize(text, ar);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == 10);
    CHECK_FALSE(tokens[0].term.empty());
    // The definite article and the conjunction go: أمن (security) and الأمن meet, تعاون too.
    CHECK(terms_of("Ø£ÙÙ", ar) == std::vector<std::string>{tokens[0].term});
    CHECK(terms_of("ØªØ¹Ø§ÙÙ", ar) == std::vector<std::string>{tokens[1].term});
    // With or without the article and the particles joined to it, one term: تعاون,
    // والتعاون; والأمن and فالأمن are الأمن.
    CHECK(terms_of("\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar) == terms_of("\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar));
    CHECK(terms_of("\xd9\x88\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar) == terms_of("\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86", ar));
    CHECK(terms_of("\xd9\x88\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    CHECK(terms_of("\xd9\x81\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86", ar) == std::vector<std::string>{tokens[0].term});
    // Short vowels (harakat) and the tatweel do not matter: الأَمْن, الأمـــن.
    CHECK(terms_of("Ø§ÙØ£ÙÙÙÙ", ar) == std::vector<std::string>{tokens[0].term});
    CHECK(terms_of("Ø§ÙØ£ÙÙÙÙ", ar) == std::vector<std::string>{tokens[0].term});
    // Presentation forms (as copied from some PDFs) are the same letters: ﻷﻣﻦ.
    CHECK_FALSE(terms_of("ï»·ï»£ï»¦", ar).empty());
    // Arabic punctuation separates words: the Arabic comma.
    CHECK(terms_of("Ø£ÙÙØØªØ¹Ø§ÙÙ", ar).size() == 2);
}

TEST_CASE("Thai without spaces is one word per run (a documented limit)") {
    // ความร่วมมือ (cooperation), with a space then ดี: two runs, two words.
    const auto terms = terms_of("à¸à¸§à¸²à¸¡à¸£à¹à¸§à¸¡à¸¡à¸·à¸­ à¸à¸µ",
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
