#include "graph.hpp"

#include <algorithm>
#include <iterator>
#include <map>

namespace wwe {

Graph relation_graph(const Corpus& corpus) {
    const Article& a = corpus.article;
    Graph g;
    g.node_count = static_cast<int>(a.nodes.size());
    for (std::size_t r = 0; r < a.relations.size(); ++r)
        g.edges.push_back({a.relations[r].source, a.relations[r].target, Edge::Kind::Relation, static_cast<int>(r), 1});
    return g;
}

Graph cooccurrence_graph(const Corpus& corpus, int min_weight) {
    const Article& a = corpus.article;
    Graph g;
    g.node_count = static_cast<int>(a.nodes.size());
    // Nodes per passage, then pairs per passage: O(sum of k^2) for k nodes in a passage.
    std::vector<std::vector<int>> in_passage(a.passages.size());
    for (std::size_t n = 0; n < a.nodes.size(); ++n)
        for (int p : corpus.node_passages[n]) in_passage[p].push_back(static_cast<int>(n));
    std::map<std::pair<int, int>, int> weight;
    for (const std::vector<int>& nodes : in_passage)
        for (std::size_t i = 0; i < nodes.size(); ++i)
            for (std::size_t j = i + 1; j < nodes.size(); ++j) ++weight[{nodes[i], nodes[j]}];
    for (const auto& [pair, w] : weight)
        if (w >= std::max(1, min_weight)) g.edges.push_back({pair.first, pair.second, Edge::Kind::Cooccurrence, -1, w});
    return g;
}

std::vector<int> shared_passages(const Corpus& corpus, int a, int b) {
    std::vector<int> out;
    const auto& pa = corpus.node_passages[a];
    const auto& pb = corpus.node_passages[b];
    std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(out));
    return out;
}

}  // namespace wwe
