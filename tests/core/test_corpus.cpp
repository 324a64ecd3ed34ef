#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "fixture.hpp"

using namespace wwe;

namespace {
std::string span_text(const Corpus& c, const Mention& m) {
    return c.article.passages[m.passage].text.substr(m.begin, m.end - m.begin);
}
}  // namespace

TEST_CASE("mentions are found by label and aliases, on normalised words") {
    std::vector<Diagnostic> warnings;
    Corpus c = test::mini_corpus(&warnings);
    const Article& a = c.article;
    int win = a.find_node("win-win"), aiib = a.find_node("aiib"), partnership = a.find_node("partnership");
    int security = a.find_node("common-security");

    CHECK(c.node_passages[win] == std::vector<int>{0});
    REQUIRE(c.node_mentions[win].size() == 1);
    CHECK(span_text(c, c.node_mentions[win][0]) == "Win-win cooperation");

    SUBCASE("inflected forms match: Partnerships / partnership") {
        CHECK(c.node_passages[partnership] == std::vector<int>{0, 3});
        CHECK(span_text(c, c.node_mentions[partnership][0]) == "Partnerships");
    }
    SUBCASE("overlapping occurrences of one node are displayed as one mention") {
        // "common security" (label) contains "security" (a variant of the same node):
        // one span, and every occurrence still counts.
        const auto& shown = c.mentions[1];
        REQUIRE(shown.size() == 3);
        CHECK(span_text(c, shown[0]) == "Security");
        CHECK(span_text(c, shown[1]) == "common security");
        for (std::size_t i = 1; i < shown.size(); ++i) CHECK(shown[i - 1].end <= shown[i].begin);
        CHECK(c.mention_count(security, 1) == 3);  // Security, common security, security
    }
    SUBCASE("of two overlapping mentions of different nodes, the longer is displayed") {
        // p1: "zero-sum game" (zero-sum) and "Win-win cooperation" do not overlap; the
        // fixture's p4 has "partnership network" where only "partnership" is a node.
        for (const auto& shown : c.mentions)
            for (std::size_t i = 1; i < shown.size(); ++i) CHECK(shown[i - 1].end <= shown[i].begin);
    }
    SUBCASE("abbreviations need not occur; labels do") {
        CHECK(c.node_passages[aiib] == std::vector<int>{2});
        CHECK(warnings.empty());
    }
    SUBCASE("the index holds stems with positions, joined compounds included") {
        const std::int64_t joined = c.find_term("interconnect");
        REQUIRE(joined >= 0);
        const auto j = static_cast<std::uint32_t>(joined);
        CHECK(c.index.passage[c.index.first[j]] == 3);
        const std::int64_t secur = c.find_term("secur");
        REQUIRE(secur >= 0);
        CHECK(c.index.postings(static_cast<std::uint32_t>(secur)) == 2);
        CHECK(c.find_term("nowhere") == -1);
        CHECK(c.passage_length[0] == 10);  // win, win, cooperation, ..., grow
        // Every posting's positions are the words (or joined forms) with that term there.
        for (std::uint32_t t = 0; t < c.terms.size(); ++t)
            for (std::uint32_t i = c.index.first[t]; i < c.index.first[t + 1]; ++i) {
                const auto p = c.index.passage[i];
                for (std::uint32_t k = c.index.pos_first[i]; k < c.index.pos_first[i + 1]; ++k) {
                    const std::uint32_t pos = c.index.positions[k];
                    bool found = pos < c.words[p].size() && c.words[p][pos].term == t;
                    for (const JoinedWord& jw : c.joined[p]) found = found || (jw.term == t && jw.position == pos);
                    CHECK(found);
                    if (k > c.index.pos_first[i]) CHECK(c.index.positions[k - 1] <= pos);
                }
            }
    }
}

TEST_CASE("warnings for text that does not match") {
    nlohmann::json j = nlohmann::json::parse(test::mini_json());
    j["concepts"][1]["aliases"] = {{{"text", "zero sum gaming theory"}, {"kind", "variant"}}};
    j["concepts"][3]["label"] = "alliance";
    j["facets"][0]["values"].push_back({{"id", "ecology"}, {"label", "Ecology"}, {"description", "Nature."}});
    LoadResult r = load_article(j.dump());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    build_corpus(std::move(*r.article), w);
    auto has = [&](const std::string& pointer) {
        return std::any_of(w.begin(), w.end(), [&](const Diagnostic& d) {
            return d.pointer == pointer && d.severity == Severity::Warning;
        });
    };
    CHECK(has("/concepts/1/aliases/0"));
    CHECK(has("/concepts/3/label"));
    CHECK(has("/concepts/3"));  // mentioned nowhere
    CHECK(has("/facets/0/values/3"));
    CHECK(w.size() == 4);
}
