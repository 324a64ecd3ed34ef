// Problems in plain words with their pointer and line.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/load.hpp"
#include "core/problems.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("plain_place names the format's items by kind and number") {
    CHECK(plain_place("") == "The file");
    CHECK(plain_place("/passages/3/facets/front/0") == "Passage 4, facets, front, item 1");
    CHECK(plain_place("/tours/0/steps/2/state") == "Tour 1, step 3, state");
    CHECK(plain_place("/meta/title") == "The article's details (meta), title");
    CHECK(plain_place("/facets/1/values/0/id") == "Facet 2, value 1, id");
    CHECK(plain_place("/a~1b") == "A/b");
    CHECK(plain_place("#q") == "#q");
}

TEST_CASE("locate_pointer finds the line and column of a value, a missing member gives its parent") {
    const std::string text = "{\n  \"a\": [1,\n    {\"b\": \"x\\\"}\", \"c\": 2}],\n  \"d\": {}\n}";
    CHECK(locate_pointer(text, "/a").line == 2);
    CHECK(locate_pointer(text, "/a/1/c").line == 3);
    CHECK(locate_pointer(text, "/a/1/c").column == 24);
    CHECK(locate_pointer(text, "/d").line == 4);
    CHECK(locate_pointer(text, "/d/missing").line == 4);
    CHECK(locate_pointer(text, "/a/9").line == 2);
    CHECK(locate_pointer("not json", "/x").line == 1);
    CHECK(locate_pointer("", "/x").line == 0);
}

TEST_CASE("explain: the loader's problems with plain words first, then the line in the file") {
    std::string text = test::mini_json();
    const std::size_t at = text.find("\"front\": [\"economic\"]");
    REQUIRE(at != std::string::npos);
    text.replace(at, 21, "\"front\": [\"economc\"]");
    const LoadResult r = load_article(text);
    REQUIRE(!r.ok());
    const std::vector<Problem> problems = explain(r.diagnostics, text);
    REQUIRE(!problems.empty());
    const Problem& p = problems[0];
    CHECK(p.pointer == "/passages/2/facets/front/0");
    CHECK(p.message.rfind("Passage 3 (p3), facets, front, item 1: expected", 0) == 0);  // the passage's own id
    CHECK(p.passage_id == "p3");
    CHECK(problem_place_text(p) == "JSON pointer /passages/2/facets/front/0 (p3) \xC2\xB7 line 19, column " +
                                       std::to_string(p.column));
    CHECK(p.message.find("economc") != std::string::npos);
    CHECK(p.line == 19);
    CHECK(p.line == static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1);
}

TEST_CASE("passage_id_at: the id written in the file for a pointer into a passage") {
    const std::string text = R"({"passages": [{"id": "intro"}, {"text": "x"}, {"id": "p\u0033", "facets": {}}]})";
    CHECK(passage_id_at(text, "/passages/0") == "intro");
    CHECK(passage_id_at(text, "/passages/0/text") == "intro");
    CHECK(passage_id_at(text, "/passages/1/text") == "");  // no id
    CHECK(passage_id_at(text, "/passages/2/facets/front") == "p3");
    CHECK(passage_id_at(text, "/passages/7") == "");
    CHECK(passage_id_at(text, "/concepts/0") == "");
    CHECK(passage_id_at("", "/passages/0") == "");
    CHECK(Diagnostic{Severity::Error, "/passages/2/section", "a section id", "\"s9\""}.to_string("p3") ==
          "error: /passages/2/section (p3): expected a section id, found \"s9\"");
}

TEST_CASE("edit_distance counts insertions, deletions and substitutions in bytes") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("front", "frnt") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("flaw", "lawn") == 2);
    CHECK(edit_distance("é", "e") == 2);  // bytes, not code points
}

TEST_CASE("id_choices lists every id, or the closest of many") {
    CHECK(id_choices({}, "x") == "none");
    CHECK(id_choices({"front", "dimension"}, "frnt") == "front, dimension");
    std::vector<std::string> many;
    for (int k = 1; k <= 20; ++k) many.push_back("value" + std::to_string(k));
    CHECK(id_choices(many, "value17", 3) == "closest: value1, value7, value17, ... of 20");
}

TEST_CASE("plain_problem says what became of a part in words, never the parser's terms first") {
    const Diagnostic escape{Severity::Error, "#q", "valid %XX escapes", "\"q=%ZZ\""};
    CHECK(plain_problem(escape, "the link") == "The search in the link was left out.");
    CHECK(plain_problem({Severity::Error, "#f.front", "a value of the facet", "\"naval\""}, "the link") ==
          "The filter \u201Cfront\u201D in the link was left out.");
    CHECK(plain_problem({Severity::Error, "#mv", "mv=<x>,<y>,<zoom>", "\"1,2\""}, "the link") ==
          "The map's position in the link was left out.");
    CHECK(plain_problem({Severity::Error, "#zz", "one of the parameters ...", "unknown parameter 'zz'"}, "the link") ==
          "A part of the link the explorer does not know (\u201Czz\u201D) was left out.");
    CHECK(plain_problem({Severity::Error, "#", "a link of at most 8192 bytes", "9000 bytes"}, "the link").find("too long") !=
          std::string::npos);
    CHECK(plain_problem({Severity::Error, "#art", "a link made for the article open", "x"}, "the link").find("another article") !=
          std::string::npos);
    CHECK(plain_problem({Severity::Error, "?lock.front", "a facet", "\"x\""}, "the link") ==
          "The page's lock on \u201Cfront\u201D could not be kept.");
    CHECK(plain_problem({Severity::Error, "?theme", "light, dark", "\"x\""}, "the link") ==
          "The page's option \u201Ctheme\u201D was left out.");
    CHECK(plain_problem({Severity::Error, "/query", "a string", "a number"}, "the requested view") == "The search was ignored.");
    CHECK(plain_problem({Severity::Error, "", "valid JSON", "line 1"}, "the requested view") ==
          "The requested view could not be used.");
    CHECK(plain_problem({Severity::Warning, "/last/passage", "a passage", "\"p9\""}, "what this browser kept") ==
          "From your last visit, the reading position could not be shown again.");
    CHECK(plain_problem({Severity::Warning, "/notebook/x/entries/0", "a passage", "\"p9\""}, "what this browser kept")
              .find("notebook") != std::string::npos);
    CHECK(plain_problem({Severity::Warning, "", "at most 50 problems listed", "9951 more not shown"}, "the link") ==
          "9951 more problems are not listed.");
    // Whatever the pointer: a sentence, never the parser's words or the pointer.
    for (const char* p : {"#q", "#f.a", "#sel", "#x%ZZ", "?", "?embed", "/facets/front", "/map/pins/a", "/weird/0", "/last",
                          "/articles/x", ""}) {
        const std::string s = plain_problem({Severity::Error, p, "valid %XX escapes", "\"%ZZ\""}, "the link");
        CAPTURE(p);
        CHECK(s.find("expected") == std::string::npos);
        CHECK(s.find("%XX") == std::string::npos);
        CHECK(s.find("error") == std::string::npos);
        REQUIRE(!s.empty());
        CHECK(s.front() >= 'A');
        CHECK(s.front() <= 'Z');
        CHECK(s.back() == '.');
    }
}
