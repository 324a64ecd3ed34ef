// Languages in the views: names of translation languages (core/describe.hpp), and the lang
// of text in other languages in the semantic tree (what the mirror marks with lang=).
#include <doctest/doctest.h>

#include "core/controller.hpp"
#include "core/describe.hpp"
#include "core/semantics.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("language names: supplied by the platform, else the table, else the tag") {
    set_language_names({});
    CHECK(language_name("zh-Hans") == "Chinese");
    CHECK(language_name("fr-CA") == "French");
    CHECK(language_name("AR") == "Arabic");
    CHECK(language_name("x-klingon") == "x-klingon");
    set_language_names({{"zh-Hans", "Simplified Chinese"}});
    CHECK(language_name("zh-Hans") == "Simplified Chinese");
    CHECK(language_name("zh-Hant") == "Chinese");
    set_language_names({});
    CHECK(other_language("zh-Hans", "en"));
    CHECK_FALSE(other_language("en-GB", "en"));
    CHECK_FALSE(other_language("", "en"));
}

TEST_CASE("translations keep their language in the semantic tree") {
    Controller c;
    REQUIRE(c.load(test::read_file(std::string(WWE_TEST_DATA) + "/french.json")).ok);
    c.open_location("", "", {}, 0);
    CHECK(translation_languages(c.corpus().article) == std::vector<std::string>{"en", "ru", "ar", "zh-Hans"});
    // Passages are French (the mirror's page is English): their paragraphs say lang="fr".
    SemanticTree t = build_semantics(c, {});
    const int para = t.find("passage/p1/text");
    REQUIRE(para >= 0);
    CHECK(t.nodes[static_cast<std::size_t>(para)].lang == "fr");
    // The selected concept's translations, each named by its language and marked with it.
    c.apply(intent::Select{Selection{Selection::Kind::Node, "security"}}, Origin::User, 1);
    t = build_semantics(c, {});
    const int ru = t.find("details/alias/1/text");
    REQUIRE(ru >= 0);
    CHECK(t.nodes[static_cast<std::size_t>(ru)].lang == "ru");
    CHECK(t.nodes[static_cast<std::size_t>(ru)].name.find("(Russian)") != std::string::npos);
    // ... and in the glossary's translations cell.
    c.apply(intent::ShowView{View::Glossary}, Origin::User, 2);
    t = build_semantics(c, {});
    bool found = false;
    for (const SemanticNode& n : t.nodes)
        if (n.lang == "ar" && n.name.find("(Arabic)") != std::string::npos) found = true;
    CHECK(found);
}
