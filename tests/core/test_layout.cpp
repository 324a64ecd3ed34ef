#include <doctest/doctest.h>

#include <cmath>

#include "core/layout.hpp"

using namespace wwe;

namespace {

// A seeded random sparse graph: each new node links to `m` earlier ones (preferential
// attachment by picking endpoints of earlier edges).
std::vector<std::pair<int, int>> random_graph(int n, int m, std::uint64_t seed) {
    std::vector<std::pair<int, int>> edges;
    std::vector<int> ends{0};
    auto next = [&] {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((seed >> 33) % 0x7FFFFFFF);
    };
    for (int v = 1; v < n; ++v) {
        for (int k = 0; k < m && k < v; ++k) {
            int u = ends[next() % ends.size()];
            edges.emplace_back(v, u);
            ends.push_back(u);
            ends.push_back(v);
        }
    }
    return edges;
}

bool all_finite(const ForceLayout& l) {
    for (int i = 0; i < l.node_count(); ++i)
        if (!std::isfinite(l.x()[i]) || !std::isfinite(l.y()[i])) return false;
    return true;
}

double mean_edge_length(const ForceLayout& l, const std::vector<std::pair<int, int>>& edges) {
    double sum = 0;
    for (auto [s, t] : edges) sum += std::hypot(l.x()[s] - l.x()[t], l.y()[s] - l.y()[t]);
    return sum / static_cast<double>(edges.size());
}

}  // namespace

TEST_CASE("the layout settles: energy falls, then it converges and stops") {
    auto edges = random_graph(300, 2, 7);
    ForceLayout layout(300, edges);
    const double start_length = mean_edge_length(layout, edges);
    layout.tick(10);
    double early = layout.kinetic_energy();
    layout.tick(100);
    double middle = layout.kinetic_energy();
    int ticks = 110;
    while (layout.tick(50) > 0) ticks += 50;
    CHECK(layout.converged());
    CHECK(ticks <= 400);
    CHECK(middle < early);
    CHECK(layout.kinetic_energy() < early * 1e-3);
    CHECK(layout.tick(10) == 0);  // no work once settled
    CHECK(all_finite(layout));
    // Springs pull linked nodes together: much closer than the random start.
    CHECK(mean_edge_length(layout, edges) < 0.7 * start_length);
}

TEST_CASE("deterministic for a seed") {
    auto edges = random_graph(200, 2, 3);
    LayoutParams p;
    p.seed = 42;
    ForceLayout a(200, edges, p), b(200, edges, p);
    a.tick(50);
    b.tick(50);
    CHECK(a.x() == b.x());
    CHECK(a.y() == b.y());
    p.seed = 43;
    ForceLayout c(200, edges, p);
    c.tick(50);
    CHECK(a.x() != c.x());
    SUBCASE("restart with the same seed replays") {
        a.restart(42);
        ForceLayout fresh(200, edges, LayoutParams{.seed = 42});
        a.tick(5);
        fresh.tick(5);
        CHECK(a.x() == fresh.x());
    }
}

TEST_CASE("Barnes-Hut approximates the exact forces") {
    auto edges = random_graph(400, 2, 11);
    LayoutParams exact;
    exact.theta = 0.0f;
    LayoutParams approx;
    approx.theta = 0.5f;
    ForceLayout e(400, edges, exact), a(400, edges, approx);
    e.tick(1);
    a.tick(1);
    double err = 0, norm = 0;
    for (int i = 0; i < 400; ++i) {
        err += std::hypot(e.x()[i] - a.x()[i], e.y()[i] - a.y()[i]);
        norm += std::hypot(e.x()[i], e.y()[i]);
    }
    CHECK(err / norm < 0.01);
    CHECK(err > 0);  // it is an approximation, not the same code path
}

TEST_CASE("degenerate graphs stay finite") {
    SUBCASE("no node") {
        ForceLayout l(0, {});
        CHECK(l.tick(5) >= 0);
    }
    SUBCASE("one node") {
        ForceLayout l(1, {});
        const double start = std::hypot(l.x()[0], l.y()[0]);
        l.tick(300);
        CHECK(all_finite(l));
        CHECK(std::hypot(l.x()[0], l.y()[0]) < 0.5 * start);  // gravity pulls it to the origin
    }
    SUBCASE("coincident nodes") {
        ForceLayout l(50, {{0, 1}, {1, 2}});
        for (int i = 0; i < 50; ++i) l.pin(i, 5.0f, 5.0f);
        for (int i = 0; i < 50; ++i) l.unpin(i);
        l.tick(300);
        CHECK(all_finite(l));
        CHECK(std::hypot(l.x()[0] - l.x()[1], l.y()[0] - l.y()[1]) > 1.0);  // pushed apart
    }
    SUBCASE("disconnected components and bad edges") {
        ForceLayout l(100, {{0, 1}, {2, 3}, {5, 5}, {-1, 2}, {7, 1000}});
        l.tick(400);
        CHECK(all_finite(l));
        CHECK(l.converged());
    }
}

TEST_CASE("pinned nodes stay put, the rest settles around them") {
    auto edges = random_graph(50, 2, 5);
    ForceLayout l(50, edges);
    l.pin(0, 100.0f, -40.0f);
    l.tick(100);
    CHECK(l.x()[0] == 100.0f);
    CHECK(l.y()[0] == -40.0f);
    CHECK(l.pinned(0));
    l.unpin(0);
    l.reheat(0.5f);
    l.tick(1);
    CHECK(l.x()[0] != 100.0f);
}
