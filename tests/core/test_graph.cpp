#include <doctest/doctest.h>

#include "core/graph.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("co-occurrence weights count shared passages") {
    Corpus c = test::mini_corpus();
    const Article& a = c.article;
    int partnership = a.find_node("partnership"), security = a.find_node("common-security");
    int win = a.find_node("win-win"), zero = a.find_node("zero-sum"), bri = a.find_node("bri"), aiib = a.find_node("aiib");
    Graph g = cooccurrence_graph(c);
    auto weight = [&](int x, int y) {
        if (x > y) std::swap(x, y);
        for (const Edge& e : g.edges)
            if (e.source == x && e.target == y) return e.weight;
        return 0;
    };
    CHECK(weight(win, zero) == 1);        // p1
    CHECK(weight(win, partnership) == 1); // p1
    CHECK(weight(partnership, security) == 1);  // p4
    CHECK(weight(bri, aiib) == 1);        // p3
    CHECK(weight(bri, win) == 0);
    CHECK(shared_passages(c, partnership, win) == std::vector<int>{0});
    for (const Edge& e : g.edges) {
        CHECK(e.source < e.target);
        CHECK(e.kind == Edge::Kind::Cooccurrence);
    }
    CHECK(cooccurrence_graph(c, 2).edges.empty());
    SUBCASE("relations, typed and directed") {
        Graph r = relation_graph(c);
        REQUIRE(r.edges.size() == 1);
        CHECK(r.edges[0].source == win);
        CHECK(r.edges[0].target == zero);
        CHECK(a.relation_types[a.relations[r.edges[0].relation].type].id == "instead_of");
    }
}
