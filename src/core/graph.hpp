// Win-Win Explorer core: the concept map as a graph.
//
// Index
//   - Edge, Graph ........... nodes are the article's concepts and entities (by index)
//   - relation_graph ........ the curated, typed, directed relations
//   - cooccurrence_graph .... two nodes mentioned in the same passage; weight = number of
//                             passages they share
//
// Node i of a Graph is node i of Article::nodes, so views index both the same way.
#pragma once

#include <vector>

#include "corpus.hpp"

namespace wwe {

struct Edge {
    enum class Kind : std::uint8_t { Relation, Cooccurrence };
    int source = -1;  // node index
    int target = -1;  // node index
    Kind kind = Kind::Relation;
    int relation = -1;  // Article::relations index, for Relation edges
    int weight = 1;     // shared passages, for Cooccurrence edges (1 for relations)
};

struct Graph {
    int node_count = 0;
    std::vector<Edge> edges;
};

// One edge per curated relation, in file order.
Graph relation_graph(const Corpus& corpus);

// One undirected edge (source < target) per pair of nodes that share at least
// `min_weight` passages, ordered by (source, target).
Graph cooccurrence_graph(const Corpus& corpus, int min_weight = 1);

// The passages two nodes share (ascending); the evidence of a co-occurrence edge.
std::vector<int> shared_passages(const Corpus& corpus, int a, int b);

}  // namespace wwe
