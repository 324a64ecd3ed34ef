#include <doctest/doctest.h>

#include "core/load.hpp"
#include "core/tour.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("tours are read into view states") {
    Corpus c = test::mini_corpus();
    std::vector<Diagnostic> problems;
    const std::vector<ResolvedTour> tours = resolve_tours(c, problems);
    CHECK(problems.empty());
    REQUIRE(tours.size() == 1);
    CHECK(tours[0].label == "Introduction");
    REQUIRE(tours[0].steps.size() == 2);
    CHECK(tours[0].steps[0].seconds == 4);
    CHECK(tours[0].steps[1].seconds == 10);  // the default
    CHECK(tours[0].steps[1].state.view == View::Map);
    CHECK(tours[0].steps[1].state.facets == FacetSelection{{"front", {"security"}}});
    CHECK(tours[0].steps[1].state.selection == Selection{Selection::Kind::Node, "common-security"});
    CHECK(c.article.topics.size() == 1);
}

TEST_CASE("a tour naming what the article lacks is an error with its pointer") {
    std::string text = test::mini_json();
    const std::string good = "\"front\": [\"security\"]}, \"selection\"";
    REQUIRE(text.find(good) != std::string::npos);
    text.replace(text.find(good), good.size(), "\"front\": [\"naval\"]}, \"selection\"");
    LoadResult r = load_article(text);
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);
    std::vector<Diagnostic> problems;
    resolve_tours(c, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::Error);
    CHECK(problems[0].pointer == "/tours/0/steps/1/state/facets/front/0");
}

TEST_CASE("malformed tours are load errors") {
    std::string text = test::mini_json();
    const std::string steps = "\"steps\": [";
    text.replace(text.find(steps), steps.size(),
                 "\"steps\": [{\"caption\": \"\", \"state\": \"map\", \"seconds\": 0}, {\"state\": {}}, ");
    LoadResult r = load_article(text);
    CHECK_FALSE(r.ok());
    std::string all;
    for (const Diagnostic& d : r.diagnostics) all += d.to_string() + "\n";
    CHECK(all.find("/tours/0/steps/0/caption") != std::string::npos);
    CHECK(all.find("/tours/0/steps/0/state") != std::string::npos);
    CHECK(all.find("/tours/0/steps/0/seconds") != std::string::npos);
    CHECK(all.find("/tours/0/steps/1") != std::string::npos);  // no caption
}

TEST_CASE("a step state keeps to a view state's limits") {
    std::string text = test::mini_json();
    const std::string state = "\"state\": {\"view\": \"reader\"}";
    REQUIRE(text.find(state) != std::string::npos);
    // 17 levels: within an article's nesting limit, one more than a view state may have.
    text.replace(text.find(state), state.size(),
                 "\"state\": {\"view\": \"reader\", \"x-deep\": " + std::string(16, '[') + std::string(16, ']') + "}");
    LoadResult r = load_article(text);
    REQUIRE(r.ok());
    std::vector<Diagnostic> w;
    Corpus c = build_corpus(std::move(*r.article), w);
    std::vector<Diagnostic> problems;
    const std::vector<ResolvedTour> tours = resolve_tours(c, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::Error);
    CHECK(problems[0].pointer == "/tours/0/steps/0/state");
    CHECK(problems[0].expected == "JSON nested at most 16 levels deep");
    REQUIRE(tours.size() == 1);
    CHECK(tours[0].steps[0].state == ViewState{});
}

TEST_CASE("the tour player follows the clock") {
    std::vector<ResolvedTour> tours(1);
    tours[0].steps = {{ViewState{}, "a", 4}, {ViewState{}, "b", 10}, {ViewState{}, "c", 6}};
    TourPlayer player;
    CHECK_FALSE(player.playing());
    player.start(0, 100, /*loop=*/false);
    CHECK(player.step() == 0);
    CHECK_FALSE(player.update(tours, 103.9));
    CHECK(player.update(tours, 104));
    CHECK(player.step() == 1);
    CHECK(player.step_end(tours) == 114);
    CHECK(player.update(tours, 119));    // two steps passed at once: the last one shows
    CHECK(player.step() == 2);
    CHECK(player.update(tours, 200));    // past the end: stopped
    CHECK_FALSE(player.playing());

    player.start(0, 0, /*loop=*/true, /*speed=*/2);
    CHECK(player.update(tours, 2));      // 4 s at double speed
    CHECK(player.step() == 1);
    CHECK(player.update(tours, 10));     // 2 + 5 + 3 = 10: round again
    CHECK(player.step() == 0);
    CHECK(player.playing());
    CHECK(player.update(tours, 1000));   // far behind (a hidden page): still playing, clock restarted
    CHECK(player.playing());
    CHECK(player.step_end(tours) > 1000);

    CHECK(player.step() == 1);           // one lap of catching up at most, then from here
    player.next(tours, 1000);
    CHECK(player.step() == 2);
    player.next(tours, 1000);            // looping: back to the first
    CHECK(player.step() == 0);
    player.previous(1000);               // nothing before the first
    CHECK(player.step() == 0);
    player.next(tours, 1000);
    player.previous(1000);
    CHECK(player.step() == 0);
    player.stop();
    CHECK_FALSE(player.playing());
    CHECK_FALSE(player.update(tours, 2000));
}
