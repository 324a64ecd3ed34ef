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

TEST_CASE("locate_pointer finds the line and column of a value; a missing member gives its parent") {
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
    CHECK(p.message.rfind("Passage 3, facets, front, item 1: expected", 0) == 0);
    CHECK(p.message.find("economc") != std::string::npos);
    CHECK(p.line == 19);
    CHECK(p.line == static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1);
}
