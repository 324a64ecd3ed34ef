#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "core/query.hpp"
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

namespace {

// An article of `n` generated passages over a small vocabulary (so words repeat, phrases
// recur and hyphenated compounds appear), from the fixture's facets and names.
const std::vector<std::string> kVocab = {"win", "cooperation", "security", "common", "trade", "zero-sum", "game",
                                         "development", "partnership", "road", "belt", "the", "of", "new", "order",
                                         "shared", "future", "win-win", "peace", "open"};

Corpus generated_corpus(unsigned seed, int n, const std::vector<std::string>& vocab = kVocab) {
    std::mt19937 rng(seed);
    nlohmann::json j = nlohmann::json::parse(test::mini_json());
    j["passages"] = nlohmann::json::array();
    j.erase("events");
    j.erase("quantities");
    j.erase("tours");
    j["relations"] = nlohmann::json::array();
    for (int p = 0; p < n; ++p) {
        std::string text;
        const int words = 3 + static_cast<int>(rng() % 30);
        for (int w = 0; w < words; ++w) text += std::string(w ? " " : "") + vocab[rng() % vocab.size()];
        j["passages"].push_back({{"id", "p" + std::to_string(p + 1)}, {"section", nullptr}, {"text", text + "."},
                                 {"facets", {{"front", {rng() % 2 ? "security" : "economic"}}}}});
    }
    LoadResult r = load_article(j.dump());
    REQUIRE_MESSAGE(r.ok(), (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string()));
    std::vector<Diagnostic> warnings;
    return build_corpus(std::move(*r.article), warnings);
}

// The same query answered the slow, obvious way: every passage's tokens compared one by one.
std::vector<std::pair<int, double>> reference(const Corpus& c, const std::vector<std::vector<std::string>>& clauses) {
    const int n = static_cast<int>(c.article.passages.size());
    std::vector<std::vector<double>> tf(clauses.size(), std::vector<double>(static_cast<std::size_t>(n), 0));
    std::vector<int> df(clauses.size(), 0);
    for (int p = 0; p < n; ++p) {
        const std::vector<Token> tokens = tokenize(c.article.passages[static_cast<std::size_t>(p)].text);
        std::vector<std::string> words;
        for (const Token& t : tokens)
            if (!t.joined) words.push_back(t.term);
        for (std::size_t k = 0; k < clauses.size(); ++k) {
            const auto& terms = clauses[k];
            double count = 0;
            if (terms.size() == 1) {
                for (const Token& t : tokens) count += t.term == terms[0];
            } else {
                for (std::size_t i = 0; i + terms.size() <= words.size(); ++i)
                    count += std::equal(terms.begin(), terms.end(), words.begin() + static_cast<std::ptrdiff_t>(i));
            }
            tf[k][static_cast<std::size_t>(p)] = count;
            df[k] += count > 0;
        }
    }
    std::vector<std::pair<int, double>> out;
    for (int p = 0; p < n; ++p) {
        double score = 0;
        bool all = true;
        for (std::size_t k = 0; k < clauses.size(); ++k) {
            const double f = tf[k][static_cast<std::size_t>(p)];
            if (f <= 0) all = false;
            const double idf = std::log((n - df[k] + 0.5) / (df[k] + 0.5) + 1.0);
            const double norm = 1.2 * (1.0 - 0.75 + 0.75 * c.passage_length[static_cast<std::size_t>(p)] / c.average_length);
            score += f > 0 ? idf * f * 2.2 / (f + norm) : 0;
        }
        if (all) out.emplace_back(p, score);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    return out;
}

}  // namespace

TEST_CASE("search on the index answers exactly what comparing every token would (property)") {
    const Corpus c = generated_corpus(7, 400);
    std::mt19937 rng(99);
    static const char* const words[] = {"win", "cooperation", "security", "trade", "game", "road", "belt", "shared",
                                        "future", "peace", "order", "new", "open"};
    for (int round = 0; round < 150; ++round) {
        std::string text;
        std::vector<std::vector<std::string>> clauses;
        const int count = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < count; ++k) {
            if (rng() % 3 == 0) {  // a quoted phrase of two words
                const std::string a = words[rng() % 13], b = words[rng() % 13];
                text += " \"" + a + " " + b + "\"";
                clauses.push_back(terms_of(a + " " + b));
            } else {
                const std::string w = words[rng() % 13];
                text += " " + w;
                clauses.push_back(terms_of(w));
            }
        }
        const SearchQuery q = parse_query(c, text);
        // The generated text holds none of the fixture's names: every clause is literal.
        bool literal = true;
        for (const SearchClause& cl : q.clauses) literal = literal && cl.kind != SearchClause::Kind::Node;
        if (!literal) continue;
        // Duplicates are one clause to the parser.
        std::vector<std::vector<std::string>> unique;
        for (const auto& cl : clauses)
            if (std::find(unique.begin(), unique.end(), cl) == unique.end()) unique.push_back(cl);
        const auto want = reference(c, unique);
        const auto got = search(c, q, nullptr, SearchOrder::Ranked, /*spans=*/false);
        INFO(text);
        REQUIRE(got.size() == want.size());
        // The same passages with the same BM25 scores; ranked by tier (exact phrase, near,
        // words) and exact forms first, then by score (search.hpp).
        std::map<int, double> score_of;
        for (const auto& [p, sc] : want) score_of[p] = sc;
        for (std::size_t i = 0; i < got.size(); ++i) {
            REQUIRE(score_of.count(got[i].passage));
            CHECK(got[i].score == doctest::Approx(score_of[got[i].passage]));
            int exact = 0;
            CHECK(classify(c, q, got[i].passage, &exact) == got[i].match);
            CHECK(exact == got[i].exact);
            if (i == 0) continue;
            const int r0 = search_rank(got[i - 1].match, got[i - 1].exact), r1 = search_rank(got[i].match, got[i].exact);
            CHECK(r0 >= r1);
            if (r0 == r1) CHECK(got[i - 1].score >= got[i].score - 1e-12);
        }
        // Article order gives the same passages, ascending.
        const auto unordered = search(c, q, nullptr, SearchOrder::Article, false);
        for (std::size_t i = 1; i < unordered.size(); ++i) CHECK(unordered[i - 1].passage < unordered[i].passage);
        CHECK(unordered.size() == got.size());
    }
}

TEST_CASE("a limit returns the best passages with snippets, and the total") {
    const Corpus c = generated_corpus(3, 300);
    QueryRequest all;
    all.text = "security";
    const QueryResult full = run_query(c, all);
    QueryRequest top = all;
    top.limit = 5;
    const QueryResult five = run_query(c, top);
    REQUIRE(full.paragraphs.size() > 5);
    REQUIRE(five.paragraphs.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(five.paragraphs[i].passage == full.paragraphs[i].passage);
        CHECK_FALSE(five.paragraphs[i].snippet.empty());
    }
    CHECK(five.passages == full.passages);
    CHECK(five.counts == full.counts);
    const nlohmann::ordered_json j = to_json(c, five);
    CHECK(j["total"] == full.passages.size());
    CHECK_FALSE(to_json(c, full).contains("total"));
    QueryRequest bare = all;
    bare.details = false;
    const QueryResult counts_only = run_query(c, bare);
    CHECK(counts_only.paragraphs.empty());
    CHECK(counts_only.passages == full.passages);
    std::vector<Diagnostic> problems;
    CHECK(query_request_from_json(nlohmann::json::parse(R"({"limit": 3})"), problems).limit == 3);
    query_request_from_json(nlohmann::json::parse(R"({"limit": -1})"), problems);
    query_request_from_json(nlohmann::json::parse(R"({"limit": 1e9})"), problems);
    CHECK(problems.size() == 2);
}

// The index's shortcuts (block maxima for one word, precomputed counts for frequent words,
// ranks only for matches that could place) change nothing: every query's total, counts,
// nodes and top k (passages, scores, tiers, exact forms, snippets) are those of ranking
// every match (search) and counting over all of them.
TEST_CASE("top k from the index equals ranking every match (property)") {
    // Inflected and capitalised forms (exact-form ranking) and words frequent enough for
    // precomputed counts (kSummaryPostings) and many blocks (kScoreBlock).
    const std::vector<std::string> vocab = {"win", "cooperation", "Cooperation", "security", "securities", "trade",
                                            "trades", "zero-sum", "game", "games", "Partnership", "road", "belt",
                                            "the", "of", "new", "order", "peace", "open", "rare"};
    const Corpus c = generated_corpus(11, 2500, vocab);
    REQUIRE_FALSE(c.summaries.empty());
    std::mt19937 rng(5);
    static const char* const typed[] = {"win", "cooperation", "Cooperation", "security", "securities", "trades",
                                        "trade", "game", "games", "partnership", "road", "belt", "the", "peace",
                                        "zero-sum", "\"new order\"", "open", "rare", "nowhere"};
    for (int round = 0; round < 120; ++round) {
        std::string text;
        const int clauses = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < clauses; ++k) text += std::string(k ? " " : "") + typed[rng() % 19];
        QueryRequest request;
        request.text = text;
        if (rng() % 4 == 0) request.facets["front"].insert("security");
        const std::size_t limits[] = {1, 7, 20, 3000};
        request.limit = limits[rng() % 4];
        request.passages = rng() % 2;
        const QueryResult got = run_query(c, request);
        INFO(text, " limit ", request.limit);
        // The reference: every match ranked (search), counted over all of them.
        std::vector<int> allowed;
        const FacetFilter filter = resolve(c.article, request.facets);
        if (!filter.empty()) allowed = filter_passages(c, filter);
        const std::vector<SearchHit> all = search(c, got.query, filter.empty() ? nullptr : &allowed, SearchOrder::Ranked,
                                               /*spans=*/false);
        std::vector<int> passages;
        for (const SearchHit& h : all) passages.push_back(h.passage);
        std::sort(passages.begin(), passages.end());
        CHECK(got.total == passages.size());
        if (request.passages) CHECK(got.passages == passages);
        else CHECK(got.passages.empty());
        CHECK(got.counts == facet_counts(c, passages));
        REQUIRE(got.paragraphs.size() == std::min(request.limit, all.size()));
        for (std::size_t i = 0; i < got.paragraphs.size(); ++i) {
            const QueryParagraph& p = got.paragraphs[i];
            CHECK(p.passage == all[i].passage);
            CHECK(p.score == all[i].score);  // the same arithmetic, not only close
            CHECK(p.match == all[i].match);
            CHECK(p.exact == all[i].exact);
            const std::vector<Span> hits = hit_spans(c, got.query, all[i].passage);
            CHECK(p.snippet == make_snippet(c.article.passages[static_cast<std::size_t>(p.passage)].text, hits));
        }
        std::vector<int> count(c.article.nodes.size(), 0);
        for (const int p : passages)
            for (const Mention& m : c.mentions[static_cast<std::size_t>(p)]) ++count[static_cast<std::size_t>(m.node)];
        std::vector<int> nodes;
        for (const SearchClause& cl : got.query.clauses)
            for (const int n : cl.nodes)
                if (std::find(nodes.begin(), nodes.end(), n) == nodes.end()) nodes.push_back(n);
        std::vector<std::pair<int, int>> mentioned;
        for (std::size_t n = 0; n < count.size(); ++n)
            if (count[n] > 0) mentioned.emplace_back(count[n], static_cast<int>(n));
        std::stable_sort(mentioned.begin(), mentioned.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        for (const auto& [k, n] : mentioned)
            if (std::find(nodes.begin(), nodes.end(), n) == nodes.end()) nodes.push_back(n);
        CHECK(got.nodes == nodes);
    }
}

// The term flags (corpus.hpp: kTermPlain, kTermOneForm) let the ranking skip the passage's
// words; where they are set, the tiers and exact forms ranked from the postings are still
// classify()'s, passage by passage.
TEST_CASE("ranking from the postings by the term flags equals classify (property)") {
    const std::vector<std::string> vocab = {"cooperation", "Cooperation", "security", "securities", "zero-sum",
                                            "zerosum", "new", "order", "the", "of", "game", "rare", "Win", "win", "Partnership"};
    const Corpus c = generated_corpus(23, 800, vocab);
    const auto flags = [&](const std::string& word) {
        const std::int64_t id = c.find_term(terms_of(word).front());
        REQUIRE(id >= 0);
        return c.index.flags[static_cast<std::size_t>(id)];
    };
    CHECK(flags("cooperation") == (kTermPlain | kTermOneForm));  // "Cooperation" folds to the same form
    CHECK(flags("new") == (kTermPlain | kTermOneForm));
    CHECK(flags("security") == kTermPlain);                       // "securities": another form of the term
    CHECK(flags("zerosum") == 0);                                 // also the joined form of "zero-sum"
    CHECK(flags("zero") == (kTermPlain | kTermOneForm));
    std::mt19937 rng(8);
    int names = 0, tiers[3] = {0, 0, 0};
    static const char* const typed[] = {"cooperation", "Cooperation", "security", "securities", "zerosum", "zero",
                                        "sum", "new", "order", "the", "game", "rare", "win", "\"new order\"",
                                        "\"order new\"", "zero-sum", "partnership", "common security"};
    for (int round = 0; round < 200; ++round) {
        std::string text;
        const int clauses = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < clauses; ++k) text += std::string(k ? " " : "") + typed[rng() % 18];
        const SearchQuery q = parse_query(c, text);
        INFO(text);
        for (const SearchClause& cl : q.clauses) names += cl.kind == SearchClause::Kind::Node;
        for (const SearchHit& h : search(c, q, nullptr, SearchOrder::Article, /*spans=*/false)) {
            int exact = 0;
            REQUIRE(classify(c, q, h.passage, &exact) == h.match);
            REQUIRE(exact == h.exact);
            ++tiers[static_cast<int>(h.match)];
        }
    }
    // Every tier was met, and names too.
    CHECK(names > 0);
    for (const int n : tiers) CHECK(n > 0);
}

TEST_CASE("accent-folded search in Spanish: cooperacion finds cooperaci\xc3\xb3n and cooperaciones, and they find each other") {
    const std::size_t first = nlohmann::json::parse(test::read_file(std::string(WWE_TEST_DATA) + "/french.json"))["passages"].size();
    const Corpus c = test::with_passages("french.json", {"La cooperaci\xc3\xb3n regional avanza.", "Las cooperaciones bilaterales crecen."}, "es");
    for (const char* q : {"cooperacion", "cooperaci\xc3\xb3n", "COOPERACIONES", "cooperaciones", "\"cooperacion regional\""}) {
        const std::vector<int> found = find(c, q);
        CHECK_MESSAGE(std::find(found.begin(), found.end(), static_cast<int>(first)) != found.end(), q);
        if (std::string_view(q).find(' ') == std::string_view::npos)
            CHECK_MESSAGE(std::find(found.begin(), found.end(), static_cast<int>(first) + 1) != found.end(), q);
    }
}

TEST_CASE("accent-folded search in French: riviere finds rivi\xc3\xa8re and back, Quebec finds Qu\xc3\xa9" "bec") {
    std::string doc = test::read_file(std::string(WWE_TEST_DATA) + "/french.json");
    nlohmann::json a = nlohmann::json::parse(doc);
    nlohmann::json p = a["passages"].back();  // in the last section: sections stay in order
    p["id"] = "river";
    p["text"] = "La rivi\xc3\xa8re traverse la ville; les rivieres du nord aussi.";
    a["passages"].push_back(p);
    LoadResult r = load_article(a.dump());
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    const Corpus c = build_corpus(std::move(*r.article), w);
    const int river = static_cast<int>(c.article.passages.size()) - 1;
    for (const char* q : {"riviere", "rivi\xc3\xa8re", "RIVIERES", "rivi\xc3\xa8res"}) {
        const std::vector<int> found = find(c, q);
        CHECK_MESSAGE(std::find(found.begin(), found.end(), river) != found.end(), q);
    }
    CHECK(find(c, "Quebec") == find(c, "Qu\xc3\xa9" "bec"));
    CHECK(!find(c, "Quebec").empty());
    CHECK(find(c, "quebec") == find(c, "QU\xc3\x89" "BEC"));
}
