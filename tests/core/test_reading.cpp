// Search that reads like a reader (stop words, exact phrases first, exact forms) and
// mentions that match a name's own word forms: golden tests on the shipped article.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/inflect.hpp"
#include "core/query.hpp"
#include "core/search.hpp"
#include "fixture.hpp"

using namespace wwe;

namespace {
const Corpus& shipped() {
    static const Corpus c = [] {
        LoadResult r = load_article_file(std::string(WWE_SOURCE_DIR) + "/assets/article.json");
        REQUIRE(r.ok());
        std::vector<Diagnostic> w;
        return build_corpus(std::move(*r.article), w);
    }();
    return c;
}
std::string marked(const Corpus& c, const SearchQuery& q, int p) {
    std::string out;
    const std::string& text = c.article.passages[static_cast<std::size_t>(p)].text;
    for (const Span& s : hit_spans(c, q, p)) out += "[" + text.substr(s.begin, s.end - s.begin) + "]";
    return out;
}
bool mentions(const Corpus& c, const std::string& node, int passage_number) {
    const int n = c.article.find_node(node);
    REQUIRE(n >= 0);
    const auto& ps = c.node_passages[static_cast<std::size_t>(n)];
    return std::find(ps.begin(), ps.end(), passage_number - 1) != ps.end();
}
}  // namespace

namespace {
using test::with_passages;
bool mentioned_in_last(const Corpus& c, const std::string& node, std::size_t from_end) {
    return mentions(c, node, static_cast<int>(c.article.passages.size() - from_end + 1));  // numbers from 1
}
}  // namespace

TEST_CASE("inflection keys in other languages: Russian, French, German and Italian forms meet, derivations do not, Arabic particles go") {
    const TextRules ru = TextRules::for_language("ru");
    CHECK(inflection_key("сотрудничестве", ru) == inflection_key("сотрудничество", ru));
    CHECK(inflection_key("Сотрудничеством", ru) == inflection_key("сотрудничество", ru));
    CHECK(inflection_key("безопасности", ru) == inflection_key("безопасность", ru));
    CHECK(inflection_key("радость", ru) != inflection_key("рад", ru));
    const TextRules fr = TextRules::for_language("fr");
    CHECK(inflection_key("coopérations", fr) == inflection_key("coopération", fr));
    CHECK(inflection_key("Coopération", fr) == inflection_key("coopération", fr));
    CHECK(inflection_key("coopération", fr) != inflection_key("coopérer", fr));
    CHECK(inflection_key("gouvernements", fr) == inflection_key("gouvernement", fr));
    CHECK(inflection_key("gouvernement", fr) != inflection_key("gouverner", fr));
    CHECK(inflection_key("sécurités", fr) == inflection_key("sécurité", fr));
    CHECK(inflection_key("coopérer", fr) == inflection_key("coopère", fr));
    const TextRules es = TextRules::for_language("es");
    CHECK(inflection_key("cooperaciones", es) == inflection_key("cooperaci\xc3\xb3n", es));
    CHECK(inflection_key("cooperaci\xc3\xb3n", es) != inflection_key("cooperar", es));
    const TextRules pt = TextRules::for_language("pt");
    CHECK(inflection_key("coopera\xc3\xa7\xc3\xb5" "es", pt) == inflection_key("coopera\xc3\xa7\xc3\xa3o", pt));
    const TextRules de = TextRules::for_language("de");
    CHECK(inflection_key("Sicherheit", de) != inflection_key("sicher", de));
    CHECK(inflection_key("Zusammenarbeiten", de) == inflection_key("Zusammenarbeit", de));
    const TextRules it = TextRules::for_language("it");
    CHECK(inflection_key("cooperazioni", it) == inflection_key("cooperazione", it));
    CHECK(inflection_key("cooperazione", it) != inflection_key("cooperare", it));
    const TextRules ar = TextRules::for_language("ar");
    for (const char* form : {"والتعاون", "بالتعاون", "للتعاون", "فالتعاون", "كالتعاون", "تعاون"})
        CHECK_MESSAGE(inflection_key(form, ar) == inflection_key("التعاون", ar), form);
    CHECK(inflection_key("والأمن", ar) == inflection_key("الأمن", ar));
}

TEST_CASE("mentions in Russian and Arabic articles: the name's inflected and prefixed forms") {
    const Corpus ru = with_passages("russian.json", {"Мы говорим о сотрудничестве соседей.",
                                                      "Сотрудничеством живут города."});
    CHECK(mentioned_in_last(ru, "cooperation", 2));
    CHECK(mentioned_in_last(ru, "cooperation", 1));
    const Corpus ar = with_passages("arabic.json", {"نؤمن بالتعاون بين الشعوب.", "نريد السلام والتعاون."});
    CHECK(mentioned_in_last(ar, "cooperation", 2));
    CHECK(mentioned_in_last(ar, "cooperation", 1));
}

TEST_CASE("inflection keys join inflections, never derivations") {
    CHECK(inflection_key("partnerships") == inflection_key("partnership"));
    CHECK(inflection_key("China's") == inflection_key("China"));
    CHECK(inflection_key("countries") == inflection_key("country"));
    CHECK(inflection_key("cooperating") == inflection_key("cooperate"));
    CHECK(inflection_key("cooperated") == inflection_key("cooperates"));
    CHECK(inflection_key("processes") == inflection_key("process"));
    CHECK(inflection_key("planned") == inflection_key("plan"));
    CHECK(inflection_key("connected") != inflection_key("connectivity"));
    CHECK(inflection_key("separate") != inflection_key("separation"));
    CHECK(inflection_key("Naturalization") != inflection_key("Nature"));
    CHECK(inflection_key("Asian") != inflection_key("Asia"));
    CHECK(inflection_key("timely") != inflection_key("times"));
}

TEST_CASE("golden: 'trend of the times' puts the passages with the phrase first, marked exact") {
    const Corpus& c = shipped();
    QueryRequest r;
    r.text = "trend of the times";
    const QueryResult res = run_query(c, r);
    CHECK(res.query.ignored == std::vector<std::string>{"of", "the"});
    REQUIRE(res.paragraphs.size() >= 3);
    std::vector<int> first;
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(res.paragraphs[i].match == SearchMatch::Phrase);
        first.push_back(res.paragraphs[i].passage + 1);
    }
    std::sort(first.begin(), first.end());
    CHECK(first == std::vector<int>{3, 5, 13});
    for (std::size_t i = 3; i < res.paragraphs.size(); ++i) CHECK(res.paragraphs[i].match != SearchMatch::Phrase);
    // The phrase is one mark; "of" and "the" elsewhere are not marked.
    const std::string m5 = marked(c, res.query, 4);
    CHECK(m5 == "[trend of the times]");
    for (const QueryParagraph& p : res.paragraphs) {
        const std::string m = marked(c, res.query, p.passage);
        CHECK(m.find("[of]") == std::string::npos);
        CHECK(m.find("[the]") == std::string::npos);
    }
    CHECK(search_note(res.query).find("\xE2\x80\x9cof\xE2\x80\x9d") != std::string::npos);
}

TEST_CASE("golden: exact word forms rank above stemmed variants, stop words alone still search") {
    const Corpus& c = shipped();
    QueryRequest r;
    r.text = "times";
    const QueryResult res = run_query(c, r);
    REQUIRE(!res.paragraphs.empty());
    // Passages with "times" as written come before those with only "time"/"timely".
    bool variants = false;
    for (const QueryParagraph& p : res.paragraphs) {
        if (p.exact == 0) variants = true;
        else CHECK_FALSE(variants);
    }
    CHECK(res.paragraphs.front().exact == 1);
    r.text = "the";
    CHECK(!run_query(c, r).passages.empty());  // nothing else to search for: kept
    r.text = "\"of the\"";
    CHECK(!run_query(c, r).passages.empty());  // quoted: searched
}

TEST_CASE("unquoted words near each other rank before scattered ones") {
    const Corpus& c = shipped();
    QueryRequest r;
    r.text = "win-win cooperation security";
    const QueryResult res = run_query(c, r);
    REQUIRE(res.paragraphs.size() >= 2);
    int last = 2;
    for (const QueryParagraph& p : res.paragraphs) {
        CHECK(static_cast<int>(p.match) <= last);
        last = static_cast<int>(p.match);
    }
}

TEST_CASE("query length is capped") {
    const Corpus& c = shipped();
    const std::string long_text(5000, 'a');
    const SearchQuery q = parse_query(c, long_text);
    CHECK(q.truncated);
    CHECK(search_note(q).find("300") != std::string::npos);
}

TEST_CASE("golden: mentions are the name's own word forms, whole compounds") {
    const Corpus& c = shipped();
    // Passage 8 has "inter-connected": no mention of connectivity.
    int p = -1;
    for (std::size_t i = 0; i < c.article.passages.size(); ++i)
        if (c.article.passages[i].text.find("inter-connected") != std::string::npos) p = static_cast<int>(i);
    REQUIRE(p >= 0);
    CHECK_FALSE(mentions(c, "connectivity", p + 1));
    // "counter-terrorism cooperation": the mention of terrorism covers "counter-terrorism".
    const int terrorism = c.article.find_node("terrorism");
    bool whole = false;
    for (const Mention& m : c.node_mentions[static_cast<std::size_t>(terrorism)]) {
        const std::string text = c.article.passages[static_cast<std::size_t>(m.passage)].text.substr(m.begin, m.end - m.begin);
        CHECK(text.find("terrorism") != std::string::npos);
        CHECK(text.front() != '-');
        if (text == "counter-terrorism") whole = true;
    }
    CHECK(whole);
}

TEST_CASE("stop words: built in per language, replaced by the article's own list") {
    const Corpus& c = shipped();
    CHECK(c.is_stop_word("The"));
    CHECK(c.is_stop_word("of"));
    CHECK_FALSE(c.is_stop_word("cooperation"));
    std::string json = test::mini_json();
    json.insert(json.rfind('}'), R"(, "stop_words": ["grow", "Security"])");
    LoadResult r = load_article(json);
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    const Corpus own = build_corpus(std::move(*r.article), w);
    CHECK(own.is_stop_word("security"));
    CHECK(own.is_stop_word("GROW"));
    CHECK_FALSE(own.is_stop_word("the"));
    const SearchQuery q = parse_query(own, "zero-sum grow");
    CHECK(q.ignored == std::vector<std::string>{"grow"});
    CHECK(q.clauses.size() == 1);
}

TEST_CASE("golden: the API reports the tier the reader marks — as typed, a variant, the name, the quoted phrase") {
    const Corpus& c = shipped();
    QueryRequest r;
    r.text = "times";
    QueryResult res = run_query(c, r);
    nlohmann::ordered_json j = to_json(c, res);
    REQUIRE(j["paragraphs"].size() == res.paragraphs.size());
    bool typed = false, variant = false;
    for (std::size_t i = 0; i < res.paragraphs.size(); ++i) {
        const QueryParagraph& p = res.paragraphs[i];
        // "times" as written, or only "time"/"timely": the JSON says which, as the chip does.
        const MatchTier want = p.exact > 0 ? MatchTier::AsTyped : MatchTier::Variant;
        CHECK(p.tier == want);
        CHECK(j["paragraphs"][i]["match"] == to_string(want));
        typed = typed || want == MatchTier::AsTyped;
        variant = variant || want == MatchTier::Variant;
    }
    CHECK(typed);
    CHECK(variant);
    CHECK(std::string(match_tier_label(MatchTier::Variant)) == "a variant");
    CHECK(std::string(match_tier_label(MatchTier::AsTyped)) == "as typed");
    // Several words: the phrase, the words together, all of them.
    r.text = "trend of the times";
    res = run_query(c, r);
    REQUIRE(!res.paragraphs.empty());
    CHECK(res.paragraphs.front().tier == MatchTier::Phrase);
    for (const QueryParagraph& p : res.paragraphs) {
        CHECK(p.tier != MatchTier::AsTyped);
        CHECK(p.tier != MatchTier::Variant);
    }
    // One quoted phrase is an exact phrase; one name (an alias) is the name.
    r.text = "\"common interests\"";
    res = run_query(c, r);
    REQUIRE(!res.paragraphs.empty());
    CHECK(to_json(c, res)["paragraphs"][0]["match"] == "phrase");
    r.text = "AIIB";
    res = run_query(c, r);
    REQUIRE(!res.paragraphs.empty());
    CHECK(res.query.clauses.front().kind == SearchClause::Kind::Node);
    CHECK(to_json(c, res)["paragraphs"][0]["match"] == "name");
}
