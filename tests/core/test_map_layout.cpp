// The map's layout as a function of the view state: the same key gives the same positions
// however the work is split over frames; pins hold; the viewport frame ignores pins.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/map_layout.hpp"
#include "fixture.hpp"

using namespace wwe;

namespace {
std::vector<float> run(const Corpus& c, const MapLayoutKey& key, int chunk) {
    MapLayout layout(c);
    layout.request(key);
    while (!layout.ready()) layout.advance(chunk);
    std::vector<float> xy = layout.x();
    xy.insert(xy.end(), layout.y().begin(), layout.y().end());
    return xy;
}
}  // namespace

TEST_CASE("map layout: the same key gives the same positions, however the ticks are spread over frames") {
    const Corpus c = test::mini_corpus();
    MapLayoutKey key;
    key.edges = MapEdges::Both;
    key.min_weight = 1;
    key.seed = 3;
    key.pins = {{"bri", {30, -20}}};
    const std::vector<float> one = run(c, key, 1);
    CHECK(one == run(c, key, 7));
    CHECK(one == run(c, key, 1000));
    // And a layout that computed something else first ends in the same place.
    MapLayout layout(c);
    MapLayoutKey other = key;
    other.seed = 9;
    other.pins.clear();
    layout.request(other);
    layout.advance(40);
    layout.request(key);
    layout.finish();
    std::vector<float> xy = layout.x();
    xy.insert(xy.end(), layout.y().begin(), layout.y().end());
    CHECK(xy == one);
    // Another seed is another picture.
    MapLayoutKey seeded = key;
    seeded.seed = 4;
    CHECK(run(c, seeded, 50) != one);
}

TEST_CASE("map layout: pinned nodes stay where they were put, the reference frame ignores pins") {
    const Corpus c = test::mini_corpus();
    MapLayout layout(c);
    MapLayoutKey key;
    layout.request(key);
    layout.finish();
    const Box free_box = layout.reference();
    REQUIRE_FALSE(free_box.empty());
    const std::vector<float> free_x = layout.x();

    key.pins = {{"aiib", {500, 400}}};
    CHECK(layout.request(key));
    CHECK_FALSE(layout.ready());
    CHECK(layout.x() == free_x);  // the last finished positions stay shown meanwhile
    layout.finish();
    const int aiib = c.article.find_node("aiib");
    CHECK(layout.x()[static_cast<std::size_t>(aiib)] == 500);
    CHECK(layout.y()[static_cast<std::size_t>(aiib)] == 400);
    CHECK(layout.reference().x0 == free_box.x0);
    CHECK(layout.reference().x1 == free_box.x1);
    CHECK_FALSE(layout.request(key));  // the same key again: nothing to do
}

TEST_CASE("map layout: graphs for each kind of edges") {
    const Corpus c = test::mini_corpus();
    const MapGraph relations = map_graph(c, MapEdges::Relations, 1);
    CHECK(relations.edges.size() == c.article.relations.size());
    const MapGraph both = map_graph(c, MapEdges::Both, 1);
    CHECK(both.edges.size() > relations.edges.size());
    const MapGraph strict = map_graph(c, MapEdges::Cooccurrence, 99);
    CHECK(strict.edges.empty());
    for (const Edge& e : both.edges) {
        const auto& adj = both.adjacency[static_cast<std::size_t>(e.source)];
        CHECK(std::find(adj.begin(), adj.end(), e.target) != adj.end());
    }
}

TEST_CASE("map viewport: relative to the fitted view and back") {
    const Box box{-100, -50, 100, 50};
    const Viewport fit = fit_box(box, 1000, 600, 40, 50);
    CHECK(fit.cx == 0);
    CHECK(fit.zoom == doctest::Approx(std::min(920.0f / 200, 520.0f / 100)));
    MapState m;
    CHECK(resolve_viewport(m, fit) == fit);  // zoom 0: the fitted view
    const Viewport mine{30, -12.5f, fit.zoom * 2};
    set_relative_viewport(m, mine, fit);
    CHECK(m.zoom == doctest::Approx(2));
    CHECK(m.x == doctest::Approx(30));
    const Viewport back = resolve_viewport(m, fit);
    CHECK(back.cx == doctest::Approx(mine.cx));
    CHECK(back.cy == doctest::Approx(mine.cy));
    CHECK(back.zoom == doctest::Approx(mine.zoom));
    // A bigger window shows the same part of the map.
    const Viewport big = fit_box(box, 2000, 1200, 40, 50);
    CHECK(resolve_viewport(m, big).zoom / big.zoom == doctest::Approx(2));
    // Out of range is clamped.
    set_relative_viewport(m, {0, 0, fit.zoom * 1000}, fit);
    CHECK(m.zoom == kMaxMapZoom);
    CHECK(fit_box(Box{}, 100, 100, 10, 5).zoom > 0);
    CHECK(fit_box(bounding_box({}, {}), 100, 100, 10, 5) == Viewport{0, 0, 1});
}
