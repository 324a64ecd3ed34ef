#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/corpus.hpp"
#include "core/load.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

namespace {

// Loads the fixture after `edit` changed it.
template <class Edit>
LoadResult load_edited(Edit edit) {
    json j = json::parse(test::mini_json());
    edit(j);
    return load_article(j.dump());
}

bool has(const LoadResult& r, const std::string& pointer, const std::string& expected_part = "") {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.pointer == pointer && d.expected.find(expected_part) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("the fixture and the shipped article load without errors") {
    LoadResult r = load_article(test::mini_json());
    REQUIRE(r.ok());
    CHECK(r.error_count() == 0);
    const Article& a = *r.article;
    CHECK(a.passages.size() == 4);
    CHECK(a.passages[0].section == -1);
    CHECK(a.passages[3].section == 1);
    SUBCASE("the section facet is built from the sections") {
        int f = a.find_facet("section");
        REQUIRE(f >= 0);
        CHECK(a.facets[f].built_in);
        CHECK(a.facets[f].values.size() == 2);
        CHECK(a.passages[1].facets.at(f) == std::vector<int>{0});
        CHECK(a.passages[0].facets.count(f) == 0);
    }
    SUBCASE("nodes: concepts then entities, types and aliases resolved") {
        CHECK(a.nodes.size() == 6);
        CHECK(a.nodes[4].kind == NodeKind::Entity);
        CHECK(a.node_types[a.nodes[4].type].id == "initiative");
        REQUIRE(a.nodes[4].translation("zh") != nullptr);
        CHECK(a.nodes[4].translation("zh")->text == "\xe4\xb8\x80\xe5\xb8\xa6\xe4\xb8\x80\xe8\xb7\xaf");
    }
    SUBCASE("contrast relation types") {
        REQUIRE(a.relation_types.size() == 1);
        CHECK(a.relation_types[0].contrast);
        CHECK(has(load_edited([](json& j) { j["relation_types"][0]["contrast"] = "yes"; }), "/relation_types/0/contrast",
                  "a boolean"));
    }
    SUBCASE("the shipped article") {
        LoadResult shipped = load_article_file(std::string(WWE_SOURCE_DIR) + "/assets/article.json");
        for (const Diagnostic& d : shipped.diagnostics) INFO(d.to_string());
        REQUIRE(shipped.ok());
        CHECK(shipped.article->passages.size() == 15);
        CHECK(shipped.article->sections.size() == 3);
        for (const char* facet : {"dimension", "principle", "front", "section"})
            CHECK(shipped.article->find_facet(facet) >= 0);
    }
}

TEST_CASE("syntax and encoding errors are located") {
    SUBCASE("JSON syntax") {
        LoadResult r = load_article("{\n  \"format\": ,\n}");
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].expected == "valid JSON");
        CHECK(r.diagnostics[0].found.rfind("a syntax error at line 2, column 13: unexpected ','", 0) == 0);
    }
    SUBCASE("invalid UTF-8") {
        LoadResult r = load_article("{\"format\": \"\xff\"}");
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics[0].expected == "UTF-8 text");
        CHECK(r.diagnostics[0].found.find("byte 12") != std::string::npos);
    }
    SUBCASE("too large, too deep: refused before parsing") {
        LoadResult big = load_article(std::string((24u << 20) + 1, ' '));
        REQUIRE(big.diagnostics.size() == 1);
        CHECK(big.diagnostics[0].expected == "a JSON text of at most 25165824 bytes");
        LoadResult deep = load_article(std::string(100000, '[') + std::string(100000, ']'));
        REQUIRE(deep.diagnostics.size() == 1);
        CHECK(deep.diagnostics[0].found == "level 65 at line 1, column 65");
    }
    SUBCASE("not an object, empty input") {
        CHECK(has(load_article("[]"), "", "an object"));
        CHECK_FALSE(load_article("").ok());
    }
}

TEST_CASE("every problem is reported at once, with pointer, expected and found") {
    LoadResult r = load_edited([](json& j) {
        j["version"] = 2;
        j["passages"][1]["facets"]["front"][0] = "militray";
        j["passages"][2]["id"] = "p1";
        j["relations"][0]["target"] = "nowhere";
        j["events"][0]["date"] = "March 2013";
        j["concepts"][0]["type"] = "initiative";  // an entity type on a concept
        j["entities"][0]["aliases"][1].erase("lang");
        j["meta"]["titel"] = "typo";
        j["facets"][0]["values"][1]["label"] = 7;
    });
    CHECK_FALSE(r.ok());
    CHECK(has(r, "/version", "format version 1"));
    CHECK(has(r, "/passages/1/facets/front/0", "a value of facet 'front' (economic, security)"));
    CHECK(has(r, "/passages/2/id", "unique passage"));
    CHECK(has(r, "/relations/0/target", "concept or entity"));
    CHECK(has(r, "/events/0/date", "YYYY"));
    CHECK(has(r, "/concepts/0/type", "kind concept"));
    CHECK(has(r, "/entities/0/aliases/1/lang", "language tag"));
    CHECK(has(r, "/meta/titel", "one of the members"));
    CHECK(has(r, "/facets/0/values/1/label", "a string"));
    CHECK(r.error_count() >= 9);
    for (const Diagnostic& d : r.diagnostics) CHECK_FALSE(d.found.empty());
}

TEST_CASE("structural rules") {
    CHECK(has(load_edited([](json& j) { j.erase("passages"); }), "/passages", "member 'passages'"));
    CHECK(has(load_edited([](json& j) { j["passages"] = json::object(); }), "/passages", "an array"));
    CHECK(has(load_edited([](json& j) { j["passages"][3]["section"] = "s1x"; }), "/passages/3/section"));
    CHECK(has(load_edited([](json& j) { j["passages"][3]["section"] = nullptr; }), "/passages/3/section",
              "null only before"));
    CHECK(has(load_edited([](json& j) { j["passages"][0]["facets"]["section"] = json::array({"s1"}); }),
              "/passages/0/facets/section", "a declared facet"));
    CHECK(has(load_edited([](json& j) { j["facets"][0]["id"] = "section"; }), "/facets/0/id", "other than 'section'"));
    CHECK(has(load_edited([](json& j) { j["relations"][0]["evidence"] = json::array(); }), "/relations/0/evidence",
              "at least one passage"));
    CHECK(has(load_edited([](json& j) { j["events"][0]["end"] = "2001"; }), "/events/0/end", "not before"));
    CHECK(has(load_edited([](json& j) { j["concepts"][1]["id"] = "bri"; }), "/entities/0/id", "unique"));
    CHECK(has(load_edited([](json& j) { j["concepts"][1]["id"] = "Bad Id"; }), "/concepts/1/id", "an id"));
    CHECK(has(load_edited([](json& j) { j["passages"][0]["text"] = std::string(300000, 'a'); }), "/passages/0/text",
              "at most"));
    SUBCASE("x-* members are extensions, allowed anywhere") {
        LoadResult r = load_edited([](json& j) {
            j["x-editor"] = "notes";
            j["passages"][0]["x-comment"] = 1;
        });
        CHECK(r.ok());
    }
}

TEST_CASE("a tour step state nested 100,000 levels deep is one clear error, not a crash") {
    std::string text = test::mini_json();
    const std::string state = "\"state\": {\"view\": \"reader\"}";
    REQUIRE(text.find(state) != std::string::npos);
    text.replace(
        text.find(state), state.size(),
        "\"state\": {\"view\": \"reader\", \"x-deep\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    LoadResult r = load_article(text);
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "");
    CHECK(r.diagnostics[0].expected == "JSON nested at most 64 levels deep");
    CHECK(r.diagnostics[0].found.rfind("level 65 at line ", 0) == 0);
}

TEST_CASE("dates are calendar dates, and an event ends no earlier than it starts") {
    SUBCASE("days that do not exist are errors with the pointer and the text") {
        LoadResult r = load_edited([](json& j) {
            j["events"][0]["date"] = "2013-02-30";
            j["meta"]["published"] = "2019-02-29";
            j["meta"]["posted"] = 2020;
        });
        CHECK_FALSE(r.ok());
        const std::string expected = "a calendar date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"";
        for (const char* pointer : {"/events/0/date", "/meta/published", "/meta/posted"})
            CHECK(has(r, pointer, expected));
        // The message says why, in plain words: the month's length, the leap year.
        CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                          [](const Diagnostic& d) { return d.found == "\"2013-02-30\": February 2013 has 28 days"; }));
        CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
            return d.found == "\"2019-02-29\": February 2019 has 28 days (2019 is no leap year)";
        }));
        CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.found == "2020"; }));
        CHECK(load_edited([](json& j) { j["events"][0]["date"] = "2016-02-29"; }).ok());
    }
    SUBCASE("ends are compared as dates (their first days), not as strings") {
        auto with = [](const char* date, const char* end) {
            return load_edited([&](json& j) {
                j["events"][0]["date"] = date;
                j["events"][0]["end"] = end;
            });
        };
        CHECK(with("2013-01", "2013").ok());  // "2013" < "2013-01" as strings
        CHECK(with("2013-03", "2013-03").ok());
        CHECK(with("2013-03-22", "2013-04").ok());
        CHECK(has(with("2013-03", "2013"), "/events/0/end", "not before 2013-03"));
        CHECK(has(with("2013-03", "2013-02-28"), "/events/0/end", "not before"));
        CHECK(has(with("2013-03-22", "2013-03"), "/events/0/end", "not before"));
    }
}

TEST_CASE("a file that cannot be read is one error") {
    LoadResult r = load_article_file("/nonexistent/article.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].expected == "a readable file");
}

TEST_CASE("an unknown section is reported with the sections there are") {
    LoadResult r = load_edited([](json& j) { j["passages"][1]["section"] = "s9"; });
    CHECK(has(r, "/passages/1/section", "a section id (s1, s2) or null"));
    SUBCASE("many sections: the closest ones") {
        LoadResult many = load_edited([](json& j) {
            for (int k = 3; k <= 30; ++k)
                j["sections"].push_back({{"id", "s" + std::to_string(k)}, {"number", k}, {"heading", "H"}, {"label", "L"}});
            j["passages"][1]["section"] = "s29x";
        });
        CHECK(has(many, "/passages/1/section", "a section id (closest: s2, s9, s19, s20, s21, s22, s23, s29, ... of 30) or null"));
    }
}

TEST_CASE("an article with errors still gets the warnings of its text, with the right pointers") {
    LoadResult r = load_edited([](json& j) {
        j["passages"][1]["section"] = "s9";                     // an error
        j["concepts"][1]["label"] = "a label found nowhere";    // and a warning
    });
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.partial.has_value());
    std::vector<Diagnostic> d = r.diagnostics;
    text_warnings(r.partial, d);
    CHECK(std::any_of(d.begin(), d.end(), [](const Diagnostic& x) {
        return x.severity == Severity::Warning && x.pointer == "/concepts/1/label";
    }));
    SUBCASE("not when an item could not be read (the pointers would be wrong)") {
        LoadResult skipped = load_edited([](json& j) { j["concepts"][0] = 5; });
        CHECK_FALSE(skipped.partial.has_value());
    }
    SUBCASE("not when the JSON is unreadable") { CHECK_FALSE(load_article("{").partial.has_value()); }
}
