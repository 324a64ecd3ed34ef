// Regression tests of issue 14 (a security tester's pass; fuzzing in tests/fuzz): deep
// nesting, checked conversions, partial states, bounded replies, spreadsheet-safe CSV,
// control characters, links over 8 KiB, absurd versions, the repeated-label corpus.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "core/deep_link.hpp"
#include "core/embed.hpp"
#include "core/export.hpp"
#include "core/host_protocol.hpp"
#include "core/json_reader.hpp"
#include "core/query.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

namespace {

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

bool mentions(const std::vector<Diagnostic>& problems, const std::string& text) {
    for (const Diagnostic& d : problems)
        if (d.to_string().find(text) != std::string::npos) return true;
    return false;
}

std::unique_ptr<Controller> opened() {
    auto c = std::make_unique<Controller>();
    REQUIRE(c->load(test::mini_json()).ok);
    c->open_location("", "", {}, 0);
    return c;
}

}  // namespace

TEST_CASE("hostile: deep nesting is refused before anything recursive, in every place that reads JSON") {
    SUBCASE("an article whose tour step state is 100,000 levels deep") {
        json j = json::parse(test::mini_json());
        std::string text = j.dump();
        const std::size_t at = text.find("\"state\":{");
        REQUIRE(at != std::string::npos);
        text.insert(at + 9, "\"x-deep\":" + nested(100000) + ",");
        LoadResult r = load_article(text);
        REQUIRE_FALSE(r.ok());
        CHECK(mentions(r.diagnostics, "JSON nested at most 64 levels deep"));
    }
    SUBCASE("setState, a host message and a query request nested 8,000 levels") {
        auto c = opened();
        c->apply(intent::ToggleFacetValue{"front", "security"}, Origin::User, 1);
        Update u = c->apply(intent::ApplyState{"{\"facets\":" + nested(8000) + "}"}, Origin::Page, 2);
        CHECK(mentions(u.problems, "JSON nested at most 16 levels deep"));
        CHECK(c->state().facets == FacetSelection{{"front", {"security"}}});  // nothing lost
        HostReply reply = handle_host_message(
            *c, "{\"version\":1,\"type\":\"setState\",\"state\":" + nested(8000) + "}",
            [&](const Intent& i) { return c->apply(i, Origin::Host, 3); });
        CHECK(reply.message["type"] == "error");
        std::vector<std::string> problems;
        (void)c->query_json(nested(8000), problems);
        CHECK(problems.size() == 1);
    }
}

TEST_CASE("hostile: the fragment decoder converts only numbers in range (d=7e52, w=1e30)") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    ViewState s = from_fragment("d=7e52&w=1e30&s=-1e300&ver=99999999999999999999", c, problems);
    CHECK(s.map.depth == MapState{}.depth);
    CHECK(s.map.min_weight == MapState{}.min_weight);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].to_string() == "error: #d: expected a whole number, found \"7e52\"");
    CHECK(problems[3].to_string() == "error: #ver: expected a version number (1 or 2), found unsupported version 99999999999999999999");
    for (const Diagnostic& d : problems) CHECK(d.to_string().find("-9223372036854775808") == std::string::npos);
}

TEST_CASE("hostile: a link over 8 KiB is read part by part: the parameters in its first 8 KiB apply") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    const std::string link = "v=map&q=security&p=" + std::string(9000, 'x') + "&d=2";
    ViewState s = from_fragment(link, c, problems);
    CHECK(s.view == View::Map);
    CHECK(s.query == "security");
    CHECK(s.map.depth == MapState{}.depth);  // after the cut
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() ==
          "error: #: expected a link of at most 8192 bytes (the parameters in its first 16 bytes are used), found 9023 bytes");
    std::vector<Diagnostic> big;
    (void)from_fragment(std::string(10 << 20, 'a'), c, big);  // 10 MB: cut, never read
    CHECK(big.size() == 1);
}

TEST_CASE("hostile: one bad facet id or value never wipes the filter selection") {
    Corpus c = test::mini_corpus();
    ViewState base;
    base.facets = {{"front", {"security"}}, {"dimension", {"partnership"}}};
    std::vector<Diagnostic> problems;
    SUBCASE("an unknown facet alone: the selection stays") {
        ViewState s = view_state_from_json(json::parse(R"({"facets": {"colour": ["red"]}})"), c, base, problems);
        CHECK(s.facets == base.facets);
        CHECK(problems.size() == 1);
    }
    SUBCASE("a known facet with only unknown values keeps its values; valid parts apply") {
        ViewState s = view_state_from_json(
            json::parse(R"({"facets": {"front": ["naval"], "dimension": ["security"]}})"), c, base, problems);
        CHECK(s.facets == FacetSelection{{"front", {"security"}}, {"dimension", {"security"}}});
        CHECK(problems.size() == 1);
    }
    SUBCASE("through setState and a host message") {
        auto ctl = opened();
        ctl->apply(intent::SetFacets{FacetSelection{{"front", {"security"}}}}, Origin::User, 1);
        Update u = ctl->apply(intent::ApplyState{R"({"facets": {"front": [7]}})"}, Origin::Page, 2);
        CHECK(ctl->state().facets == FacetSelection{{"front", {"security"}}});
        CHECK(u.problems.size() == 1);
        handle_host_message(*ctl, R"({"version":1,"type":"setState","state":{"facets":{"nope":["x"]}}})",
                            [&](const Intent& i) { return ctl->apply(i, Origin::Host, 3); });
        CHECK(ctl->state().facets == FacetSelection{{"front", {"security"}}});
    }
}

TEST_CASE("hostile: replies are bounded (problem lists, query text, request ids)") {
    auto c = opened();
    std::string values;
    for (int i = 0; i < 5000; ++i) values += std::string(i ? "," : "") + "\"v" + std::to_string(i) + "\"";
    Update u = c->apply(intent::ApplyState{"{\"facets\": {\"front\": [" + values + "]}}"}, Origin::Page, 1);
    REQUIRE(u.problems.size() == kMaxReportedProblems);
    CHECK(u.problems.back().to_string() == "warning: (document): expected at most 50 problems listed, found 4951 more not shown");
    CHECK(c->notice().problems.size() == kMaxReportedProblems);
    SUBCASE("a host reply") {
        HostReply r = handle_host_message(
            *c, "{\"version\":1,\"type\":\"setState\",\"requestId\":\"" + std::string(300, 'r') + "\",\"state\":{}}",
            [&](const Intent& i) { return c->apply(i, Origin::Host, 2); });
        CHECK(r.message["type"] == "error");
        CHECK(r.message["requestId"].is_null());  // an over-long id is not echoed
        r = handle_host_message(*c, "{\"version\":1,\"type\":\"query\",\"request\":{\"facets\":{\"front\":[" + values + "]}}}",
                                [&](const Intent& i) { return c->apply(i, Origin::Host, 2); });
        CHECK(r.message["problems"].size() == kMaxReportedProblems);
    }
    SUBCASE("query text over 1000 bytes is cut, with a notice") {
        std::vector<Diagnostic> problems;
        QueryRequest q = query_request_from_json(json{{"text", std::string(5000, 'a')}}, problems);
        CHECK(q.text.size() == 1000);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].to_string() == "warning: /text: expected at most 1000 bytes (the first 1000 are used), found 5000 bytes");
        Update v = c->apply(intent::ApplyState{json{{"query", std::string(1500, 'b')}}.dump()}, Origin::Page, 3);
        CHECK(c->state().query == std::string(1000, 'b'));
        CHECK(v.problems.size() == 1);
    }
}

TEST_CASE("hostile: control characters in q become spaces, with a notice, wherever q comes from") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    ViewState s = from_fragment("q=win%00win%09x%7F", c, problems);
    CHECK(s.query == "win win x ");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "#q");
    std::vector<Diagnostic> p2;
    ViewState t = view_state_from_json(json{{"query", std::string("a\nb", 3)}}, c, {}, p2);
    CHECK(t.query == "a b");
    CHECK(p2.size() == 1);
    std::vector<Diagnostic> p3;
    CHECK(query_request_from_json(json{{"text", "x\ry"}}, p3).text == "x y");
    CHECK(p3.size() == 1);
}

TEST_CASE("hostile: the embed scale is written back as given, hex floats, inf and nan are refused") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    EmbedOptions o = embed_from_query("embed&scale=1.225", c, problems);
    CHECK(problems.empty());
    CHECK(to_query(o).find("scale=1.225") != std::string::npos);
    for (const char* bad : {"scale=0x1p0", "scale=inf", "scale=nan", "scale=1e999", "scale=0X1.8P0"}) {
        std::vector<Diagnostic> p;
        EmbedOptions e = embed_from_query(bad, c, p);
        CHECK(p.size() == 1);
        CHECK(e.scale == 1.0f);
    }
}

TEST_CASE("hostile: CSV fields a spreadsheet would run as formulas are written as text") {
    json j = json::parse(test::mini_json());
    j["entities"][0]["description"] = "=HYPERLINK(\"http://evil.example\",\"click\")";
    j["entities"][1]["description"] = "+1 and -2 and @SUM(A1)";
    LoadResult r = load_article(j.dump());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);
    const std::string csv = entities_csv(c, {c.article.find_node("bri"), c.article.find_node("aiib")});
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"\r\n") != std::string::npos);
    CHECK(csv.find(",\"'+1 and -2 and @SUM(A1)\"\r\n") != std::string::npos);
}

TEST_CASE("hostile: absurd article versions are 'unsupported', not 'not an integer'") {
    json j = json::parse(test::mini_json());
    j["version"] = json::parse("99999999999999999999");
    LoadResult r = load_article(j.dump());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].to_string() ==
          "error: /version: expected format version 1 (this program reads only it), found unsupported version 1e+20");
    std::vector<Diagnostic> problems;
    (void)view_state_from_json(json::parse(R"({"version": 99999999999999999999})"), test::mini_corpus(), {}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].found == "unsupported version 1e+20");
}

TEST_CASE("hostile: a label word repeated 16,000 times in a passage indexes (mentions disjoint, every place found)") {
    json j = json::parse(test::mini_json());
    std::string text;
    for (int i = 0; i < 16000; ++i) text += "partnership ";  // 192,000 bytes: under the passage limit
    j["passages"][0]["text"] = text;
    LoadResult r = load_article(j.dump());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);  // was quadratic: minutes; now well under a second
    const auto& m = c.mentions[0];
    CHECK(m.size() == 16000);
    bool disjoint = true;
    for (std::size_t i = 1; i < m.size(); ++i) disjoint = disjoint && m[i - 1].end <= m[i].begin;
    CHECK(disjoint);
}

TEST_CASE("hostile (fuzz_load finding): a tour step without its state is reported, never read") {
    // Found by fuzz_load (tests/fuzz/regressions/load/): the missing member was read with
    // a const operator[], a heap-use-after-free under ASan.
    json j = json::parse(test::mini_json());
    j["tours"][0]["steps"][1].erase("state");
    LoadResult r = load_article(j.dump());
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].to_string() == "error: /tours/0/steps/1/state: expected member 'state', found nothing");
}
