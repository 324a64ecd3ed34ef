#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/json_reader.hpp"
#include "core/text.hpp"

using namespace wwe;
using nlohmann::json;

namespace {

// The one problem of a refused text ("" when the text was read).
std::string problem(const JsonRead& r) {
    if (r.ok) return "";
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "");
    CHECK(r.problems[0].severity == Severity::Error);
    CHECK(r.value.is_null());
    return r.problems[0].expected + " | " + r.problems[0].found;
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string nested_objects(std::size_t depth) {
    std::string out;
    out.reserve(depth * 6 + 1);
    for (std::size_t i = 0; i < depth; ++i) out += "{\"a\":";
    out += "1";
    out.append(depth, '}');
    return out;
}

}  // namespace

TEST_CASE("read_json returns the value of a text within its limits") {
    JsonRead r = read_json("{\"view\": \"map\", \"facets\": {\"front\": [\"economic\"]}}", kViewStateJsonLimits);
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.value["facets"]["front"][0] == "economic");
    CHECK(read_json("7", JsonLimits{}).value == 7);
}

TEST_CASE("the size limit is checked first, in bytes") {
    const JsonLimits limits{10, 16};
    CHECK(read_json("[1,2,3,40]", limits).ok);  // exactly 10 bytes
    const JsonRead r = read_json("[1,2,3,400]", limits);
    CHECK(problem(r) == "a JSON text of at most 10 bytes | 11 bytes");
    SUBCASE("before UTF-8 and syntax") {
        CHECK(problem(read_json("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", limits)).find("at most 10 bytes") !=
              std::string::npos);
    }
    SUBCASE("24 MiB texts: the largest article passes, one byte more does not") {
        std::string text(kArticleJsonLimits.max_bytes, 'a');
        text.front() = text.back() = '"';
        CHECK(read_json(text, kArticleJsonLimits).ok);
        text.insert(1, "a");
        CHECK(problem(read_json(text, kArticleJsonLimits)) == "a JSON text of at most 25165824 bytes | 25165825 bytes");
    }
}

TEST_CASE("invalid UTF-8 is located by byte, line and column") {
    CHECK(problem(read_json("{\n \"a\": \"\xff\"}", JsonLimits{})) ==
          "UTF-8 text | an invalid byte sequence at byte 9 (line 2, column 8)");
    // Columns count code points: "é" is two bytes, one column.
    CHECK(problem(read_json("\"\xc3\xa9\xc3\"", JsonLimits{})) ==
          "UTF-8 text | an invalid byte sequence at byte 3 (line 1, column 3)");
    // An overlong encoding of "/" is not UTF-8 either.
    CHECK(problem(read_json("[\"\xc0\xaf\"]", JsonLimits{})).rfind("UTF-8 text", 0) == 0);
}

TEST_CASE("the depth limit: exactly at the limit passes, one level more fails") {
    const JsonLimits limits{1000, 3};
    CHECK(read_json("[[[]]]", limits).ok);
    CHECK(problem(read_json("[[[[]]]]", limits)) == "JSON nested at most 3 levels deep | level 4 at line 1, column 4");
    CHECK(read_json("{\"a\": {\"b\": [1]}}", limits).ok);
    CHECK(problem(read_json("{\"a\": {\"b\": [{}]}}", limits)).find("level 4 at line 1, column 14") !=
          std::string::npos);
    CHECK(read_json("[[1], [2], [[3]], {\"x\": [4]}]", limits).ok);  // depth is nesting, not a count
    SUBCASE("scalars are 0 deep") {
        CHECK(read_json("\"x\"", JsonLimits{1000, 0}).ok);
        CHECK_FALSE(read_json("[]", JsonLimits{1000, 0}).ok);
    }
    SUBCASE("brackets in strings do not count; escapes are skipped") {
        CHECK(read_json("[\"[[[[{{{{\", \"\\\"[[[[\"]", JsonLimits{1000, 1}).ok);
        // "\\" ends the string: the brackets after it are real.
        const std::string text = "[\"\\\\\", [[]]]";
        CHECK(read_json(text, JsonLimits{1000, 3}).ok);
        CHECK(problem(read_json(text, JsonLimits{1000, 2})).find("level 3 at line 1, column 9") != std::string::npos);
    }
    SUBCASE("the presets: a tour step's view state fits in an article") {
        // /tours/i/steps/j/state: the state object is the 6th level, so 5 above its own.
        CHECK(kArticleJsonLimits.max_depth >= 5 + kViewStateJsonLimits.max_depth);
        CHECK(kArticleJsonLimits.max_bytes >= kHostMessageJsonLimits.max_bytes);
        CHECK(kHostMessageJsonLimits.max_bytes >= kViewStateJsonLimits.max_bytes);
    }
}

TEST_CASE("100,000 levels of nesting are refused without recursion") {
    CHECK(problem(read_json(nested_arrays(100000), kArticleJsonLimits)) ==
          "JSON nested at most 64 levels deep | level 65 at line 1, column 65");
    CHECK(problem(read_json(nested_objects(100000), kArticleJsonLimits)) ==
          "JSON nested at most 64 levels deep | level 65 at line 1, column 321");
    // Unbalanced, and as large as an article may be: still one flat scan.
    CHECK(problem(read_json(std::string(kArticleJsonLimits.max_bytes, '['), kArticleJsonLimits)).find("level 65") !=
          std::string::npos);
    // Within a limit that allows it, the parser itself does not recurse either.
    CHECK(read_json(nested_arrays(100000), JsonLimits{1u << 20, 100000}).ok);  // and destroying it neither
}

TEST_CASE("a syntax error leads with plain words, then line and column") {
    const JsonRead r = read_json("{\n  \"a\": 1,\n  \"b\": ]\n}", JsonLimits{});
    const std::string p = problem(r);
    CHECK(r.problems[0].expected == "valid JSON");
    CHECK(r.problems[0].found.rfind("a syntax error at line 3, column 8: unexpected ']'", 0) == 0);
    CHECK(p.find("json.exception") == std::string::npos);
    CHECK(problem(read_json("", JsonLimits{})).find("line 1, column 1: unexpected end of input") != std::string::npos);
    CHECK(problem(read_json("{} {}", JsonLimits{})).find("line 1, column 4") != std::string::npos);  // one value only
    CHECK(problem(read_json("[1, /* no */ 2]", JsonLimits{})).find("valid JSON") != std::string::npos);  // no comments
    // Columns count code points, as for UTF-8 errors.
    CHECK(problem(read_json("[\"\xe4\xb8\x80\", x]", JsonLimits{})).find("line 1, column 7") != std::string::npos);
}

TEST_CASE("the last read quote of a syntax error is whole characters, its long tokens cut with an ellipsis") {
    // nlohmann stops on the first byte of the euro sign: the quote shows the whole sign.
    std::string p = problem(read_json("[tru\xe2\x82\xac]", JsonLimits{}));
    CHECK(p.find("last read: '[tru\xe2\x82\xac'") != std::string::npos);
    CHECK(utf8_invalid_at(p) == std::string::npos);
    p = problem(read_json("[1, \xf0\x9f\x98\x80]", JsonLimits{}));  // an emoji where a value is due
    CHECK(p.find("last read: '1, \xf0\x9f\x98\x80'") != std::string::npos);
    // A long string with a raw control character: the quote keeps its end, where the error is.
    const std::string words = "\u00e9t\u00e9 " + std::string(300, 'x') + " fin\u00e9";
    p = problem(read_json("[\"" + words + "\x01\"]", JsonLimits{}));
    CHECK(utf8_invalid_at(p) == std::string::npos);
    const std::size_t at = p.find("last read: '\u2026");
    REQUIRE(at != std::string::npos);
    CHECK(p.find("xxx fin\u00e9<U+0001>'") != std::string::npos);
    CHECK(p.size() < 400);
}

TEST_CASE("the slips authors make most are named: a missing comma, a trailing comma") {
    // The comma is due after line 2's value, not on line 3 where the parser stops.
    const std::string missing = problem(read_json("{\n  \"a\": 1\n  \"b\": 2\n}", JsonLimits{}));
    CHECK(missing.find("a comma is missing after line 2, column 8") != std::string::npos);
    CHECK(missing.find("unexpected string literal") != std::string::npos);
    CHECK(missing.find("line 3") != std::string::npos);
    const std::string strings = problem(read_json("[\"a \\\" b\"\n \"c\"]", JsonLimits{}));
    CHECK(strings.find("a comma is missing after line 1, column 9") != std::string::npos);
    CHECK(problem(read_json("[1 2]", JsonLimits{})).find("a comma is missing after line 1, column 2") != std::string::npos);
    CHECK(problem(read_json("{\"a\": true\n\n\"b\": 1}", JsonLimits{})).find("after line 1, column 10") !=
          std::string::npos);
    const std::string trailing = problem(read_json("[1, 2,\n]", JsonLimits{}));
    CHECK(trailing.find("unexpected ']': a value was due here (a comma before it with nothing after?)") !=
          std::string::npos);
    CHECK(trailing.find("or a literal") == std::string::npos);
    // Other errors keep the parser's own words.
    CHECK(problem(read_json("{\"a\" 1}", JsonLimits{})).find("comma") == std::string::npos);
}

TEST_CASE("JSON pointers escape their reference tokens (RFC 6901)") {
    CHECK(pointer_append("", "a/b~c") == "/a~1b~0c");
    CHECK(pointer_append("/facets", "~1") == "/facets/~01");
    CHECK(pointer_append("/facets", "") == "/facets/");
    CHECK(pointer_append("", "front") == "/front");
    CHECK(pointer_append("/passages", std::size_t{3}) == "/passages/3");
    CHECK(pointer_append(pointer_append("/tours", std::size_t{0}), "steps") == "/tours/0/steps");
    // The pointer finds what it names.
    const json doc = {{"a/b~c", {10, 20}}};
    CHECK(doc.at(json::json_pointer(pointer_append(pointer_append("", "a/b~c"), std::size_t{1}))) == 20);
}
