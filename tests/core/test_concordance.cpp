#include <doctest/doctest.h>

#include <algorithm>

#include <cctype>
#include <fstream>
#include <iterator>
#include <string>

#include "core/concordance.hpp"
#include "core/import_text.hpp"
#include "core/load.hpp"
#include "core/query.hpp"
#include "fixture.hpp"

using namespace wwe;

namespace {
Corpus shipped() {
    LoadResult r = load_article_file(std::string(WWE_SOURCE_DIR) + "/assets/article.json");
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    return build_corpus(std::move(*r.article), w);
}
std::vector<int> all_passages(const Corpus& c) {
    std::vector<int> out;
    for (int p = 0; p < static_cast<int>(c.article.passages.size()); ++p) out.push_back(p);
    return out;
}
}  // namespace

TEST_CASE("concordance: every occurrence, aligned on the keyword") {
    const Corpus c = test::mini_corpus();
    const SearchQuery q = parse_query(c, "security");
    const auto rows = concordance(c, q, all_passages(c));
    // Passage 2 has "Security is common security ... achieve security" and passage 4 one.
    int total = 0;
    for (int p = 0; p < 4; ++p) total += static_cast<int>(hit_spans(c, q, p).size());
    CHECK(static_cast<int>(rows.size()) == total);
    for (const ConcordanceRow& r : rows) {
        const std::string& text = c.article.passages[static_cast<std::size_t>(r.passage)].text;
        CHECK(text.substr(r.keyword.begin, r.keyword.end - r.keyword.begin) == r.keyword_text);
        // The contexts touch the keyword: left ends where it starts, right starts where it ends.
        CHECK(text.substr(r.keyword.begin - r.left.size(), r.left.size()) == r.left);
        CHECK(text.substr(r.keyword.end, r.right.size()) == r.right);
    }
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](const ConcordanceRow& x, const ConcordanceRow& y) {
        return x.passage != y.passage ? x.passage < y.passage : x.keyword.begin < y.keyword.begin;
    }));
    SUBCASE("an empty query has no rows") { CHECK(concordance(c, parse_query(c, ""), all_passages(c)).empty()); }
    SUBCASE("the facets' passages only") {
        const auto some = concordance(c, q, {3});
        REQUIRE(!some.empty());
        for (const ConcordanceRow& r : some) CHECK(r.passage == 3);
    }
}

TEST_CASE("concordance: contexts cut at words, sorted by the left or the right word") {
    const Corpus c = shipped();
    const SearchQuery q = parse_query(c, "cooperation");
    ConcordanceOptions o;
    o.context_chars = 30;
    const auto rows = concordance(c, q, all_passages(c), o);
    REQUIRE(rows.size() > 20);
    for (const ConcordanceRow& r : rows) {
        if (r.cut_left) CHECK(r.left.front() != ' ');
        if (r.cut_right) CHECK(r.right.back() != ' ');
        CHECK(r.left.size() <= 30 * 4);
    }
    o.sort = ConcordanceSort::Right;
    const auto right = concordance(c, q, all_passages(c), o);
    REQUIRE(right.size() == rows.size());
    // Sorted by the first word after the keyword (its normalised term).
    std::vector<std::string> firsts;
    for (const ConcordanceRow& r : right) {
        const auto& words = c.words[static_cast<std::size_t>(r.passage)];
        std::string t;
        for (const Word& w : words)
            if (w.begin >= r.keyword.end) {
                t = c.terms[w.term];
                break;
            }
        firsts.push_back(t);
    }
    CHECK(std::is_sorted(firsts.begin(), firsts.end()));
    o.sort = ConcordanceSort::Left;
    const auto left = concordance(c, q, all_passages(c), o);
    std::vector<std::string> lasts;
    for (const ConcordanceRow& r : left) {
        const auto& words = c.words[static_cast<std::size_t>(r.passage)];
        std::string t;
        for (const Word& w : words)
            if (w.end <= r.keyword.begin) t = c.terms[w.term];
        lasts.push_back(t);
    }
    CHECK(std::is_sorted(lasts.begin(), lasts.end()));
}

TEST_CASE("term list: counts, sections, stop words off by default") {
    const Corpus c = test::mini_corpus();
    const auto rows = term_list(c, all_passages(c));
    auto find = [&](const std::vector<TermRow>& list, const std::string& text, int node = -2) -> const TermRow* {
        for (const TermRow& r : list)
            if (r.text == text && (node == -2 || (node == -1 ? r.node < 0 : r.node >= 0))) return &r;
        return nullptr;
    };
    const TermRow* security = find(rows, "security", -1);
    REQUIRE(security);
    CHECK(security->count == 4);  // three in passage 2, one in passage 4
    REQUIRE(security->per_section.size() == 3);  // lead, I, II
    CHECK(security->per_section[0] == 0);
    CHECK(security->per_section[1] == 3);
    CHECK(security->per_section[2] == 1);
    CHECK(find(rows, "the") == nullptr);
    CHECK(find(rows, "2013") == nullptr);  // digits only
    TermListOptions with;
    with.stop_words = true;
    const auto all = term_list(c, all_passages(c), with);
    const TermRow* the = find(all, "the");
    REQUIRE(the);
    CHECK(the->stop);
    // Names count their mentions; a term searches the name.
    const TermRow* bri = find(rows, "Belt and Road Initiative", 1);
    REQUIRE(bri);
    CHECK(bri->count == static_cast<int>(c.node_mentions[static_cast<std::size_t>(bri->node)].size()));
    CHECK(bri->query == "Belt and Road Initiative");
    // Most frequent first.
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](const TermRow& x, const TermRow& y) { return x.count > y.count; }));
    SUBCASE("linked to the facets: only the passages given") {
        const auto some = term_list(c, {1});
        const TermRow* s = find(some, "security", -1);
        REQUIRE(s);
        CHECK(s->count == 3);
    }
}

TEST_CASE("suggested searches: the article's own topics, else its most frequent names and words") {
    const Corpus c = shipped();
    const std::vector<std::string> s = suggested_searches(c, 4);
    REQUIRE(s.size() == 4);
    for (std::size_t k = 0; k < s.size(); ++k) CHECK(s[k] == c.article.topics[k].query);

    // A text with no topics: its own frequent words, none of another article's.
    std::ifstream in(std::string(WWE_TEST_DATA) + "/speech.txt", std::ios::binary);
    REQUIRE(in);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ImportOptions o;
    o.name = "speech.txt";
    const ImportResult imported = import_text(text, FileKind::Text, o);
    REQUIRE(imported.ok());
    LoadResult r = load_article(imported.article.dump());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    const Corpus speech = build_corpus(std::move(*r.article), w);
    REQUIRE(speech.article.topics.empty());
    const std::vector<std::string> t = suggested_searches(speech, 4);
    REQUIRE(t.size() == 4);
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (std::string q : t) {
        if (q.size() > 2 && q.front() == '"') q = q.substr(1, q.size() - 2);
        std::transform(q.begin(), q.end(), q.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        CHECK_MESSAGE(lower.find(q) != std::string::npos, q);
        CHECK(q != "win-win");
    }
}
