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
