#include <doctest/doctest.h>

#include <algorithm>

#include "core/search.hpp"
#include "fixture.hpp"

using namespace wwe;

namespace {
std::vector<int> passages_of(const std::vector<SearchHit>& hits) {
    std::vector<int> out;
    for (const SearchHit& h : hits) out.push_back(h.passage);
    return out;
}
std::vector<int> find(const Corpus& c, const std::string& text) {
    return passages_of(search(c, parse_query(c, text)));
}
}  // namespace

TEST_CASE("search semantics") {
    Corpus c = test::mini_corpus();

    SUBCASE("case-insensitive and stemmed") {
        CHECK(find(c, "PARTNERSHIP") == find(c, "partnerships"));
        std::vector<int> p = find(c, "partnership");
        std::sort(p.begin(), p.end());
        CHECK(p == std::vector<int>{0, 3});
    }
    SUBCASE("hyphen-insensitive") {
        CHECK(find(c, "win-win") == std::vector<int>{0});
        CHECK(find(c, "win win") == std::vector<int>{0});
        CHECK(find(c, "winwin") == std::vector<int>{0});
        CHECK(find(c, "interconnected") == std::vector<int>{3});
        CHECK(find(c, "inter-connected") == std::vector<int>{3});
    }
    SUBCASE("all clauses must match") {
        CHECK(find(c, "security development") == std::vector<int>{3});
        CHECK(find(c, "security nonexistentword").empty());
    }
    SUBCASE("quoted phrases need consecutive words") {
        CHECK(find(c, "\"common security\"") == std::vector<int>{1});
        CHECK(find(c, "\"security common\"").empty());
        CHECK(find(c, "\u201czero-sum game\u201d") == std::vector<int>{0});
        CHECK(find(c, "\"unclosed phrase").empty());
    }
    SUBCASE("aliases find their node: abbreviation and Chinese term") {
        CHECK(find(c, "AIIB") == std::vector<int>{2});
        CHECK(find(c, "aiib") == std::vector<int>{2});
        CHECK(find(c, "\xe4\xb8\x80\xe5\xb8\xa6\xe4\xb8\x80\xe8\xb7\xaf") == std::vector<int>{2});  // 一带一路
        CHECK(find(c, "\xe5\x90\x88\xe4\xbd\x9c\xe5\x85\xb1\xe8\xb5\xa2") == std::vector<int>{0});  // 合作共赢
        CHECK(find(c, "BRI") == std::vector<int>{2});
        SearchQuery q = parse_query(c, "AIIB development");
        REQUIRE(q.clauses.size() == 2);
        CHECK(q.clauses[0].kind == SearchClause::Kind::Node);
        CHECK(q.clauses[0].nodes == std::vector<int>{c.article.find_node("aiib")});
    }
    SUBCASE("part of a Chinese term finds the nodes whose names contain it") {
        CHECK(find(c, "\xe4\xb8\x80\xe8\xb7\xaf") == std::vector<int>{2});  // 一路 (in 一带一路)
        CHECK(find(c, "\xe5\x85\xb1\xe8\xb5\xa2 development").empty());  // 共赢: p1, AND development
        CHECK(find(c, "\xe5\x85\xb1\xe8\xb5\xa2") == std::vector<int>{0});
    }
    SUBCASE("an unknown Chinese term matches nothing rather than everything") {
        CHECK(find(c, "\xe4\xb8\x9d\xe8\xb7\xaf").empty());  // 丝路
    }
    SUBCASE("empty query: all candidates, article order") {
        CHECK(find(c, "") == std::vector<int>{0, 1, 2, 3});
        CHECK(find(c, "  \"\" ") == std::vector<int>{0, 1, 2, 3});
        std::vector<int> some{1, 3};
        CHECK(passages_of(search(c, parse_query(c, ""), &some)) == some);
    }
}

TEST_CASE("BM25 ranking") {
    Corpus c = test::mini_corpus();
    // "security" occurs 3 times in p2 (short) and once in p4: p2 ranks first.
    std::vector<SearchHit> hits = search(c, parse_query(c, "security"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].passage == 1);
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score > 0);
    SUBCASE("rarer terms weigh more") {
        double rare = search(c, parse_query(c, "trade"))[0].score;
        double common = search(c, parse_query(c, "development"))[0].score;
        CHECK(rare > common);
    }
    SUBCASE("candidates restrict without changing idf") {
        std::vector<int> only{3};
        std::vector<SearchHit> restricted = search(c, parse_query(c, "security"), &only);
        REQUIRE(restricted.size() == 1);
        CHECK(restricted[0].score == doctest::Approx(hits[1].score));
    }
}

TEST_CASE("hit spans and snippets") {
    Corpus c = test::mini_corpus();
    std::vector<SearchHit> hits = search(c, parse_query(c, "zero-sum"));
    REQUIRE(hits.size() == 1);
    const std::string& text = c.article.passages[0].text;
    REQUIRE_FALSE(hits[0].hits.empty());
    CHECK(text.substr(hits[0].hits[0].begin, hits[0].hits[0].end - hits[0].hits[0].begin) == "zero-sum");
    CHECK(make_snippet(text, hits[0].hits) ==
          "Win-win cooperation replaces the <mark>zero-sum</mark> game. Partnerships grow.");

    SUBCASE("text is HTML-escaped, markers are not") {
        std::vector<SearchHit> h = search(c, parse_query(c, "trade"));
        std::string s = make_snippet(c.article.passages[2].text, h[0].hits);
        CHECK(s.find("&amp; <mark>trade</mark> &lt;fast&gt;") != std::string::npos);
    }
    SUBCASE("a long text is cut at word boundaries around the first hit") {
        std::string long_text;
        for (int i = 0; i < 60; ++i) long_text += "filler" + std::to_string(i) + " ";
        std::size_t at = long_text.size();
        long_text += "target";
        for (int i = 0; i < 60; ++i) long_text += " more" + std::to_string(i);
        std::vector<Span> spans{{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 6)}};
        std::string s = make_snippet(long_text, spans);
        CHECK(s.rfind("\u2026", 0) == 0);
        CHECK(s.find("<mark>target</mark>") != std::string::npos);
        CHECK(s.size() < 240 + 40);
        CHECK(s.find(" filler") != std::string::npos);
        CHECK(s.compare(s.size() - 3, 3, "\u2026") == 0);
    }
    SUBCASE("node clause hits cover the mentions") {
        std::vector<SearchHit> h = search(c, parse_query(c, "AIIB"));
        REQUIRE(h.size() == 1);
        const std::string& t = c.article.passages[2].text;
        CHECK(t.substr(h[0].hits[0].begin, h[0].hits[0].end - h[0].hits[0].begin) ==
              "Asian Infrastructure Investment Bank");
    }
}
