// Regression tests of issue 14 (a security tester's pass; fuzzing in tests/fuzz): deep
// nesting, checked conversions, partial states, bounded replies, spreadsheet-safe CSV,
// control characters, links over 8 KiB, absurd versions, the repeated-label corpus.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "core/deep_link.hpp"
#include "core/embed.hpp"
#include "core/export.hpp"
#include "core/host_protocol.hpp"
#include "core/import_text.hpp"
#include "core/json_reader.hpp"
#include "core/query.hpp"
#include "core/text.hpp"
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

// ---- The tester's second pass: control characters, duplicate names, UTF-16, cascades, CSV

TEST_CASE("hostile: control characters are escaped for terminals (C0, DEL, C1), other text kept") {
    CHECK(escape_controls("red \x1b[31m alarm \x07 end") == "red \\u001b[31m alarm \\u0007 end");
    CHECK(escape_controls("csi \xC2\x9B" "2J del \x7F") == "csi \\u009b2J del \\u007f");
    CHECK(escape_controls("line\nbreak\ttab") == "line\\u000abreak\\u0009tab");
    CHECK(escape_controls("line\nbreak\ttab", "\n") == "line\nbreak\\u0009tab");
    CHECK(escape_controls("caf\xC3\xA9 \xC2\xA0 \xE5\x90\x88") == "caf\xC3\xA9 \xC2\xA0 \xE5\x90\x88");  // é, NBSP, 合
    CHECK(escape_controls(std::string("nul \0 x", 7)) == "nul \\u0000 x");
    // The escapes are JSON: a dumped text escaped this way is the same value.
    const json j = {{"t", "a\xC2\x85" "b\x7F"}};
    CHECK(json::parse(escape_controls(j.dump(2), "\n")) == j);
}

TEST_CASE("hostile: control characters in an article's strings and member names are warnings with their pointer") {
    json j = json::parse(test::mini_json());
    j["meta"]["title"] = "Title \x1b[2J cleared";
    j["passages"][1]["text"] = j["passages"][1]["text"].get<std::string>() + " \x07\x07";
    j["concepts"][1]["description"] = "C1 \xC2\x9B here";
    j["meta"]["x-\x1b"] = "a name";
    j["passages"][2]["text"] = j["passages"][2]["text"].get<std::string>() + "\ttab and\nline";  // whitespace: fine
    LoadResult r = load_article(j.dump());
    REQUIRE(r.ok());  // warnings only
    std::vector<std::string> lines;
    for (const Diagnostic& d : r.diagnostics) lines.push_back(d.to_string());
    REQUIRE(lines.size() == 4);
    const std::string want = ": expected text without control characters (U+0000-U+001F but tab and line breaks, U+007F-U+009F), found ";
    CHECK(std::find(lines.begin(), lines.end(), "warning: /meta/title" + want + "U+001B at character 7") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "warning: /meta/x-\x1b" + want + "U+001B at character 3 of the member name") !=
          lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "warning: /passages/1/text" + want + "U+0007 at character 77 (and 1 more)") !=
          lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "warning: /concepts/1/description" + want + "U+009B at character 4") !=
          lines.end());
}

TEST_CASE("hostile: a member name used twice in one object is an error at its pointer and line") {
    auto dups = [](const std::string& text) {
        REQUIRE(read_json(text, kArticleJsonLimits).ok);
        std::vector<std::string> out;
        for (const Diagnostic& d : duplicate_keys(text)) out.push_back(d.to_string());
        return out;
    };
    CHECK(dups(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]})").empty());  // other objects: fine
    REQUIRE(dups("{\"x\": [{\"id\": 1},\n {\"id\": 2, \"id\": 3}]}").size() == 1);
    CHECK(dups("{\"x\": [{\"id\": 1},\n {\"id\": 2, \"id\": 3}]}")[0] ==
          "error: /x/1/id: expected each member name once in an object, found \"id\" again at line 2, column 12 "
          "(first at line 2, column 3; the last one would be read, the others lost)");
    CHECK(dups(R"({"a": 1, "\u0061": 2})").size() == 1);            // the same name, escaped
    CHECK(dups(R"({"a~/b": 1, "a~/b": 2})")[0].rfind("error: /a~0~1b:", 0) == 0);
    CHECK(dups(R"({"s": "{\"k\": 1, \"k\": 2}"})").empty());        // inside a string: no object
    std::string many = "{";
    for (int i = 0; i < 60; ++i) many += "\"k\": 1, ";
    many += "\"k\": 1}";
    const auto bounded = dups(many);
    REQUIRE(bounded.size() == kMaxReportedProblems + 1);
    CHECK(bounded.back() == "error: (document): expected each member name once in an object, found 10 more member names "
                            "used twice, not listed");

    json j = json::parse(test::mini_json());
    std::string text = j.dump(1);
    const std::string key = "\"text\": ";
    const std::size_t at = text.find(key + "\"Win-win cooperation replaces");
    REQUIRE(at != std::string::npos);
    text.insert(at, key + "\"a first text\",\n");
    LoadResult r = load_article(text);
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pointer == "/passages/0/text");
}

TEST_CASE("hostile: UTF-16 and UTF-32 files are named as such, with or without a byte order mark") {
    auto as = [](const std::string& ascii, int width, bool big, bool bom) {
        std::string out;
        auto unit = [&](char32_t c) {
            for (int k = 0; k < width; ++k) {
                const int shift = 8 * (big ? width - 1 - k : k);
                out += static_cast<char>((c >> shift) & 0xFF);
            }
        };
        if (bom) unit(0xFEFF);
        for (char c : ascii) unit(static_cast<unsigned char>(c));
        return out;
    };
    auto found = [](const std::string& text) {
        JsonRead r = read_json(text, kArticleJsonLimits);
        REQUIRE_FALSE(r.ok);
        return r.problems.at(0).found;
    };
    const std::string doc = R"({"format": "win-win-explorer/article"})";
    CHECK(found(as(doc, 2, false, true)) == "a text in UTF-16 (little-endian, with a byte order mark): save the file as UTF-8");
    CHECK(found(as(doc, 2, false, false)) == "a text in UTF-16 (little-endian): save the file as UTF-8");
    CHECK(found(as(doc, 2, true, true)) == "a text in UTF-16 (big-endian, with a byte order mark): save the file as UTF-8");
    CHECK(found(as(doc, 2, true, false)) == "a text in UTF-16 (big-endian): save the file as UTF-8");
    CHECK(found(as(doc, 4, false, true)) == "a text in UTF-32 (little-endian, with a byte order mark): save the file as UTF-8");
    CHECK(found(as(doc, 4, false, false)) == "a text in UTF-32 (little-endian): save the file as UTF-8");
    CHECK(found(as(doc, 4, true, true)) == "a text in UTF-32 (big-endian, with a byte order mark): save the file as UTF-8");
    CHECK(found(as(doc, 4, true, false)) == "a text in UTF-32 (big-endian): save the file as UTF-8");
    CHECK(read_json("\xEF\xBB\xBF" + doc, kArticleJsonLimits).problems.empty());  // UTF-8's own mark: not these
    CHECK(utf16_or_32_name("7") == "");
    // A text file to import, too.
    const ImportResult imported = import_text(as("A title\n\nA paragraph.", 2, false, true), FileKind::Text, {});
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.problems.at(0).found == "a text in UTF-16 (little-endian, with a byte order mark)");
}

TEST_CASE("hostile: one refused id is reported once, with the references that name it counted there") {
    json j = json::parse(test::mini_json());
    j["concepts"][0]["id"] = "Win Win";  // not an id (upper case, a space)
    j["relations"][0]["source"] = "Win Win";
    j["events"][0]["nodes"] = {"Win Win", "partnership"};
    j["facets"][0]["values"][0]["id"] = "Partner Ship";
    for (json& p : j["passages"])
        if (p.contains("facets") && p["facets"].contains("dimension"))
            for (json& v : p["facets"]["dimension"])
                if (v == "partnership") v = "Partner Ship";
    j["concepts"][0]["facets"]["dimension"] = {"Partner Ship"};
    j["passages"][3]["id"] = "P4";
    j["events"][0]["passage"] = "P4";
    LoadResult r = load_article(j.dump());
    REQUIRE_FALSE(r.ok());
    std::vector<std::string> lines;
    for (const Diagnostic& d : r.diagnostics) lines.push_back(d.to_string());
    const std::string id = ": expected an id (lower-case letters, digits, '_' or '-', at most 128 bytes), found ";
    CHECK(lines == std::vector<std::string>{
                       "error: /facets/0/values/0/id" + id +
                           "\"Partner Ship\" (and 3 references to it, not reported again: /concepts/0/facets/dimension/0, "
                           "/passages/0/facets/dimension/0, /passages/3/facets/dimension/0)",
                       "error: /concepts/0/id" + id +
                           "\"Win Win\" (and 2 references to it, not reported again: /relations/0/source, "
                           "/events/0/nodes/0)",
                       "error: /passages/3/id" + id +
                           "\"P4\" (and 1 reference to it, not reported again: /events/0/passage)"});
    // A reference to an id never declared is still reported where it is.
    j["relations"][0]["target"] = "nowhere";
    r = load_article(j.dump());
    CHECK(r.diagnostics.size() == 4);
    CHECK(r.diagnostics.back().to_string() == "error: /relations/0/target: expected the id of a concept or entity, found \"nowhere\"");
}

namespace {

// The cells of an RFC 4180 text (quoted fields, "" for a quote, CRLF rows).
std::vector<std::vector<std::string>> csv_cells(const std::string& csv) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') cell += csv[++i];
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("hostile: no CSV cell of the entities export starts like a formula, in any column") {
    const std::vector<std::string> formulas = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
                                               "-1+1", "@SUM(A1:A9)", "\tleading tab", "\rcarriage return"};
    json j = json::parse(test::mini_json());
    for (std::size_t i = 0; i < formulas.size(); ++i) {
        json e = j["entities"][0];
        e["id"] = "e" + std::to_string(i);
        e["label"] = formulas[i];  // the label column ...
        e["match"] = false;
        e["description"] = formulas[formulas.size() - 1 - i];  // ... and the description column
        e.erase("aliases");
        j["entities"].push_back(e);
    }
    LoadResult r = load_article(j.dump());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);
    std::vector<int> nodes;
    for (std::size_t n = 0; n < c.article.nodes.size(); ++n) nodes.push_back(static_cast<int>(n));
    const auto rows = csv_cells(entities_csv(c, nodes));
    REQUIRE(rows.size() == nodes.size() + 1);
    std::size_t neutralised = 0;
    for (const auto& row : rows) {
        REQUIRE(row.size() == 6);
        for (const std::string& cell : row) {
            INFO(cell);
            CHECK((cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos));
            if (cell.size() > 1 && cell[0] == '\'' && std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos)
                ++neutralised;
        }
    }
    CHECK(neutralised == 2 * formulas.size());
    // What the reader sees is the text itself after the apostrophe.
    CHECK(rows[rows.size() - formulas.size()][1] == "'" + formulas[0]);
}
