// The standalone page with another article: the slot is found by its markers only.
#include <doctest/doctest.h>

#include "core/bundle.hpp"

using namespace wwe;

TEST_CASE("bundle_page replaces the article between the markers, not the first id=\"wwe-article\"") {
    const std::string page =
        "<!-- an inline <script type=\"application/json\" id=\"wwe-article\"> takes precedence -->\n"
        "<canvas></canvas><!-- wwe:article-begin --><script type=\"application/json\" id=\"wwe-article\">{\"old\": 1}"
        "</script><!-- wwe:article-end --><script>run()</script>";
    std::string error;
    const auto out = bundle_page(page, R"({"text": "a </script> b"})", error);
    REQUIRE(out);
    CHECK(out->find("{\"old\": 1}") == std::string::npos);
    CHECK(out->find(R"({"text": "a \u003c/script> b"})") != std::string::npos);
    CHECK(out->rfind("<!-- an inline <script type=\"application/json\" id=\"wwe-article\"> takes precedence -->", 0) == 0);
    CHECK(out->find("<script>run()</script>") != std::string::npos);
    // Markers missing, repeated or reversed: an error, no page.
    CHECK(!bundle_page("<script id=\"wwe-article\"></script>", "{}", error));
    CHECK(error.find("exactly once") != std::string::npos);
    CHECK(!bundle_page(std::string(kArticleSlotEnd) + kArticleSlotBegin, "{}", error));
    CHECK(!bundle_page(page + kArticleSlotBegin, "{}", error));
}

TEST_CASE("explorer bundle looks for its template beside the program and its install path, never the working directory") {
    const std::vector<std::string> places = bundle_template_places("/opt/wwe/bin/", "/src/wwe/dist");
    REQUIRE(places.size() == 4);
    CHECK(places[0] == "/opt/wwe/bin/explorer-standalone.html");
    CHECK(places[1] == "/opt/wwe/bin/dist/explorer-standalone.html");
    CHECK(places[2] == "/opt/wwe/bin/../share/win-win-explorer/explorer-standalone.html");
    CHECK(places[3] == "/src/wwe/dist/explorer-standalone.html");
    for (const std::string& p : places) CHECK(p.front() == '/');
    CHECK(bundle_template_places("", "").empty());
    const std::string message = bundle_template_missing(places);
    for (const std::string& p : places) CHECK(message.find(p) != std::string::npos);
    CHECK(message.find("--template") != std::string::npos);
}
