#include <doctest/doctest.h>

#include <random>

#include "core/embed.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("embed options are read from the query string") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    EmbedOptions o = embed_from_query(
        "?embed=econ-1&chrome=compact&views=map,reader,map&lock.front=economic&theme=dark&scale=1.25"
        "&origins=https://school.example,http://localhost:8000",
        c, problems);
    CHECK(problems.empty());
    CHECK(o.embed);
    CHECK(o.id == "econ-1");
    CHECK(o.chrome == EmbedOptions::Chrome::Compact);
    CHECK(o.views == std::vector<View>{View::Map, View::Reader});
    CHECK(o.locked == FacetSelection{{"front", {"economic"}}});
    CHECK(o.theme == EmbedOptions::Theme::Dark);
    CHECK(o.scale == doctest::Approx(1.25));
    CHECK(o.origins == std::vector<std::string>{"https://school.example", "http://localhost:8000"});

    CHECK(embed_from_query("", c, problems) == EmbedOptions{});
    CHECK(embed_from_query("embed", c, problems).embed);
    CHECK(problems.empty());
}

TEST_CASE("bad embed parameters are reported one by one and skipped") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    EmbedOptions o = embed_from_query(
        "embed=Bad Id&chrome=tiny&views=map,atlas&lock.colour=red&lock.front=economic,space&theme=pink"
        "&scale=9&scale=abc&origins=javascript:alert(1),https://ok.example/path,https://ok.example&utm=x&q=%zz&sel=%FF",
        c, problems);
    REQUIRE(problems.size() == 13);
    // Syntax first (the whole string is split before the values are read), then in order.
    CHECK(problems[0].expected == "valid %XX escapes");
    CHECK(problems[1].expected == "UTF-8 text");
    CHECK(problems[2].pointer == "?embed");
    CHECK(problems[3].pointer == "?chrome");
    CHECK(problems[4].found == "unknown view \"atlas\"");
    CHECK(problems[5].found == "unknown facet \"colour\"");
    CHECK(problems[6].found == "unknown value \"space\"");
    CHECK(problems[7].pointer == "?theme");
    CHECK(problems[8].found == "\"9\"");
    CHECK(problems[9].found == "\"abc\"");
    CHECK(problems[10].found == "\"javascript:alert(1)\"");
    CHECK(problems[11].found == "\"https://ok.example/path\"");
    CHECK(problems[12].found == "unknown parameter \"utm\"");
    // What was valid still applies.
    CHECK_FALSE(o.embed);
    CHECK(o.views == std::vector<View>{View::Map});
    CHECK(o.locked == FacetSelection{{"front", {"economic"}}});
    CHECK(o.theme == EmbedOptions::Theme::Light);
    CHECK(o.scale == 1.0f);
    CHECK(o.origins == std::vector<std::string>{"https://ok.example"});

    problems.clear();
    embed_from_query(std::string(5000, 'a'), c, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].found == "5000 bytes");
}

TEST_CASE("origins= with no valid origin obeys no host at all: it never fails open to any parent") {
    Corpus c = test::mini_corpus();
    for (const char* q : {"embed&origins=https://school.example/", "embed&origins=HTTPS://SCHOOL.EXAMPLE", "embed&origins="}) {
        std::vector<Diagnostic> problems;
        const EmbedOptions o = embed_from_query(q, c, problems);
        CHECK_MESSAGE(o.origins.empty(), q);
        CHECK_MESSAGE(o.origins_restricted, q);
    }
    std::vector<Diagnostic> problems;
    CHECK_FALSE(embed_from_query("embed", c, problems).origins_restricted);  // not given: the parent, as documented
    CHECK(to_query(embed_from_query("embed&origins=bogus", c, problems)).find("origins=") != std::string::npos);
}

TEST_CASE("random embed options round-trip through the query string (property)") {
    Corpus c = test::mini_corpus();
    std::mt19937 rng(7);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    for (int round = 0; round < 300; ++round) {
        EmbedOptions o;
        o.embed = pick(2);
        if (o.embed && pick(2)) o.id = "e" + std::to_string(pick(100));
        o.chrome = static_cast<EmbedOptions::Chrome>(pick(3));
        for (int v = 0; v < kViewCount; ++v)
            if (pick(3) == 0) o.views.push_back(static_cast<View>(v));
        for (const Facet& f : c.article.facets)
            for (const FacetValue& v : f.values)
                if (pick(4) == 0) o.locked[f.id].insert(v.id);
        o.theme = static_cast<EmbedOptions::Theme>(pick(4));
        o.scale = static_cast<float>(50 + pick(251)) / 100.0f;
        if (pick(2)) o.origins = {"https://a.example", "http://localhost:" + std::to_string(1 + pick(65535))};
        o.origins_restricted = !o.origins.empty() || pick(4) == 0;  // origins= given (maybe empty: no host)
        std::vector<Diagnostic> problems;
        const std::string q = to_query(o);
        EmbedOptions back = embed_from_query(q, c, problems);
        CHECK_MESSAGE(problems.empty(), q);
        CHECK_MESSAGE(back == o, q);
    }
    CHECK(to_query(EmbedOptions{}).empty());
}

TEST_CASE("constrain keeps locked facets and offered views") {
    EmbedOptions o;
    o.locked = {{"dimension", {"security"}}};
    o.views = {View::Map, View::Reader};

    ViewState s;  // asks for nothing: the lock is added silently
    std::vector<Diagnostic> problems;
    constrain(s, o, &problems);
    CHECK(problems.empty());
    CHECK(s.facets == FacetSelection{{"dimension", {"security"}}});
    CHECK(s.view == View::Reader);  // offered (second), so kept

    s.view = View::Timeline;
    s.facets = {{"dimension", {"security", "partnership"}}, {"front", {"economic"}}};
    constrain(s, o, &problems);
    CHECK(s.view == View::Map);
    CHECK(s.facets == FacetSelection{{"dimension", {"security"}}, {"front", {"economic"}}});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].pointer == "/facets/dimension");
    CHECK(problems[1].pointer == "/view");
    CHECK(problems[1].found == "view \"timeline\"");
}

TEST_CASE("the iframe snippet escapes its attributes") {
    const std::string s = iframe_snippet("https://x.example/?embed&views=map#q=\"a\"<b>", 640, 0, "Map & text", true);
    CHECK(s == "<iframe src=\"https://x.example/?embed&amp;views=map#q=&quot;a&quot;&lt;b&gt;\"\n"
               "        width=\"640\" height=\"1\"\n"
               "        title=\"Map &amp; text\"\n"
               "        sandbox=\"allow-scripts allow-popups allow-downloads\"\n"
               "        allow=\"clipboard-write; fullscreen\" loading=\"lazy\"\n"
               "        style=\"border: 1px solid #d9d4c7; border-radius: 6px\"></iframe>");
    CHECK(iframe_snippet("u", 1, 1, "t", false).find("allow-same-origin") != std::string::npos);
}

TEST_CASE("kiosk options") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    EmbedOptions o = embed_from_query("kiosk&idle=30&tour=intro&tour_speed=20", c, problems);
    CHECK(problems.empty());
    CHECK(o.kiosk);
    CHECK(o.idle_seconds == 30);
    CHECK(o.tour == "intro");
    CHECK(o.tour_speed == 20);
    CHECK(embed_from_query(to_query(o), c, problems) == o);

    o = embed_from_query("kiosk=yes&idle=1&tour=nowhere&tour_speed=0", c, problems);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].pointer == "?kiosk");
    CHECK(problems[1].pointer == "?idle");
    CHECK(problems[2].pointer == "?tour");
    CHECK(problems[3].pointer == "?tour_speed");
    CHECK(o == EmbedOptions{});
}

TEST_CASE("embed: the page's own parameters (plain, keys) are known, not reported") {
    const Corpus corpus = test::mini_corpus();
    std::vector<Diagnostic> problems;
    embed_from_query("plain&keys=off", corpus, problems);
    CHECK(problems.empty());
    embed_from_query("keys=maybe", corpus, problems);
    CHECK(problems.size() == 1);
}

TEST_CASE("?data= is kept, a text or Markdown file there opens over the shipped article") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    auto over = [&](const char* query) { return data_opens_over(embed_from_query(query, c, problems)); };
    CHECK(embed_from_query("data=texts%2Friviere.txt", c, problems).data == "texts/riviere.txt");
    CHECK(over("data=speech.txt"));
    CHECK(over("data=notes/Field-Notes.MD"));
    CHECK(over("data=a.markdown?v=2"));
    CHECK(over("data=https://other.example/speech.txt#x"));
    CHECK_FALSE(over("data=article.json"));
    CHECK_FALSE(over("data=speech.txt.json"));
    CHECK_FALSE(over("data=txt"));
    CHECK_FALSE(over(""));
    CHECK(problems.empty());
    CHECK(to_query(embed_from_query("data=speech.txt", c, problems)).empty());  // the page's, not the explorer's
}
