#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/notebook.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("notebook: add, notes, JSON round trip") {
    const Corpus c = test::mini_corpus();
    Notebook nb;
    CHECK(nb.add({"p2", "", "security", "search"}));
    CHECK(nb.add({"p4", "compare with p2", "security", "contexts", 3, 19}));
    CHECK_FALSE(nb.add({"p2", "again", "", "reader"}));  // the same passage part once
    CHECK(nb.set_note(0, "my note"));
    CHECK_FALSE(nb.set_note(5, "x"));
    const nlohmann::json j = to_json(nb, c);
    CHECK(j["format"] == "win-win-explorer/notebook");
    CHECK(j["version"] == 1);
    std::vector<Diagnostic> problems;
    const Notebook back = notebook_from_json(nlohmann::json::parse(j.dump()), c, problems);
    CHECK(problems.empty());
    CHECK(back == nb);
    CHECK(entry_text(c, back.entries[1]) == c.article.passages[3].text.substr(3, 16));
    CHECK(nb.remove(0));
    CHECK(nb.entries.size() == 1);
}

TEST_CASE("notebook: bad entries are reported and skipped, the rest kept") {
    const Corpus c = test::mini_corpus();
    const auto j = nlohmann::json::parse(R"({"format": "win-win-explorer/notebook", "version": 1,
        "entries": [{"passage": "p1", "note": "kept"}, {"passage": "nope"}, {"passage": "p2", "quote": [5, 2]},
                    {"passage": "p3", "note": 7}, "x"]})");
    std::vector<Diagnostic> problems;
    const Notebook nb = notebook_from_json(j, c, problems);
    REQUIRE(nb.entries.size() == 2);
    CHECK(nb.entries[0].note == "kept");
    CHECK(nb.entries[1].end == 0);  // the bad quote dropped, the passage kept
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].pointer == "/entries/1/passage");
    CHECK(problems[1].pointer == "/entries/2/quote");
    CHECK(problems[2].pointer == "/entries/3/note");
    CHECK(problems[3].pointer == "/entries/4");
    SUBCASE("a future version is not guessed at") {
        std::vector<Diagnostic> p2;
        CHECK(notebook_from_json(nlohmann::json::parse(R"({"format": "win-win-explorer/notebook", "version": 2, "entries": []})"), c, p2)
                  .entries.empty());
        REQUIRE(p2.size() == 1);
        CHECK(p2[0].pointer == "/version");
    }
}

TEST_CASE("notebook exports: cited Markdown, HTML, CSL-JSON") {
    const Corpus c = test::mini_corpus();
    Notebook nb;
    nb.add({"p2", "Security for *all*", "security", "search"});
    nb.add({"p3", "", "", "reader"});
    const std::string md = notebook_markdown(c, nb, "https://example.org/explorer/");
    CHECK(md.find("# Notebook: A Small Test Article") == 0);
    CHECK(md.find("> Security is common security") != std::string::npos);
    CHECK(md.find("\xE2\x80\x94 A. Writer, \xE2\x80\x9c" "A Small Test Article\xE2\x80\x9d, Test Times, May 2020, \xC2\xB6" "2") != std::string::npos);
    CHECK(md.find("([link](<https://example.org/explorer/#") != std::string::npos);
    CHECK(md.find("**Note:** Security for \\*all\\*") != std::string::npos);
    CHECK(md.find("Found with the search *security* in a search.") != std::string::npos);

    const std::string html = notebook_html(c, nb, "");
    CHECK(html.find("<!DOCTYPE html>") == 0);
    CHECK(html.find("&lt;fast&gt;") != std::string::npos);  // passage 3's text, escaped
    CHECK(html.find("<a href") == std::string::npos);        // no link base: no links

    const auto csl = nlohmann::json::parse(notebook_csl_json(c, nb, "https://example.org/"));
    REQUIRE(csl.is_array());
    REQUIRE(csl.size() == 2);
    for (const auto& item : csl) {
        CHECK(item["id"].is_string());  // required by the CSL-JSON schema
        CHECK(item["type"] == "article-newspaper");
        CHECK(item["title"] == "A Small Test Article");
        CHECK(item["author"][0]["literal"] == "A. Writer");
        CHECK(item["container-title"] == "Test Times");
        CHECK(item["issued"]["date-parts"] == nlohmann::json::array({nlohmann::json::array({2020, 5})}));
        CHECK(item["URL"].get<std::string>().rfind("https://example.org/#", 0) == 0);
    }
    CHECK(csl[0]["id"] != csl[1]["id"]);
    CHECK(csl[0]["locator"] == "2");
    CHECK(csl[0]["note"].get<std::string>().find("Note: Security for *all*") != std::string::npos);
}
