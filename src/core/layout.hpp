// Win-Win Explorer core: force-directed graph layout.
//
// Index
//   - LayoutParams ...... forces, cooling, Barnes–Hut accuracy, seed (defaults work)
//   - ForceLayout ....... positions of n nodes under link springs, many-body repulsion and
//                         gravity; ticked a bounded number of steps per frame; converges and
//                         stops; pinning for dragged nodes
//
// The model is that of d3-force (M. Bostock, https://d3js.org/d3-force): velocity Verlet
// with friction, forces scaled by a cooling "alpha" that decays geometrically, so the
// layout settles in about 300 ticks and then stops costing anything. Springs follow
// d3's forceLink (strength 1/min(degree), bias by degree). Repulsion follows forceManyBody,
// approximated with the Barnes–Hut tree: J. Barnes, P. Hut, "A hierarchical O(N log N)
// force-calculation algorithm", Nature 324 (1986), 446-449.
//
// The tree is rebuilt each tick as a linear quadtree: nodes are sorted by their Morton
// (Z-order) code with a radix sort, each cell is a contiguous range of the sorted nodes,
// and cells are stored in pre-order with a skip index ("threaded" tree), so the traversal
// for each node is a forward scan with no stack and no pointer chasing. Centres of mass
// come from prefix sums over the sorted positions. Nodes are visited in Z-order, so
// consecutive traversals touch the same cells.
//
// Units: layout units (1 ≈ one CSS pixel at zoom 1); the origin is the centre of gravity.
// Deterministic: the same graph, parameters and seed give the same positions, tick by tick.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace wwe {

struct LayoutParams {
    float charge = -30.0f;        // many-body strength of every node; negative repels
    float link_distance = 30.0f;  // rest length of a link, layout units
    float gravity = 0.02f;        // pull toward the origin, fraction of the distance per tick × alpha
    float theta = 0.9f;           // Barnes–Hut opening angle; 0 computes every pair exactly
    float velocity_decay = 0.4f;  // friction: fraction of the velocity lost per tick
    float alpha_min = 0.001f;     // converged once alpha falls below this
    float alpha_decay = 0.0228f;  // per tick; 1 - alpha_min^(1/300): ~300 ticks from alpha 1
    float distance_min = 1.0f;    // repulsion is softened below this distance
    std::uint64_t seed = 1;       // initial placement and the jiggle of coincident nodes
    int leaf_size = 8;            // nodes per quadtree leaf (summed exactly)
};

class ForceLayout {
public:
    // `edges` are (source, target) node indices in [0, node_count); others are ignored, as
    // are self-loops. Nodes start at seeded random places in a disc whose area grows with n.
    ForceLayout(int node_count, const std::vector<std::pair<int, int>>& edges, const LayoutParams& params = {});

    // Advances at most `max_ticks` ticks; returns how many were done (0 once converged).
    int tick(int max_ticks = 1);

    bool converged() const { return alpha_ < params_.alpha_min; }
    float alpha() const { return alpha_; }

    // Wakes the layout up from the current positions (after a drag or a filter change).
    void reheat(float alpha = 1.0f) { alpha_ = alpha; }
    // Starts over from new seeded positions ("re-layout"); pins are kept.
    void restart(std::uint64_t seed);

    // A pinned node stays where it is put (dragging); its neighbours still feel it.
    void pin(int node, float x, float y);
    void unpin(int node);
    bool pinned(int node) const { return pinned_[node] != 0; }

    int node_count() const { return n_; }
    const std::vector<float>& x() const { return x_; }
    const std::vector<float>& y() const { return y_; }
    // Sum of squared velocities after the last tick (falls to ~0 as the layout settles).
    double kinetic_energy() const;

    const LayoutParams& params() const { return params_; }

private:
    struct Cell {
        float cx, cy;      // centre of mass
        float far2;        // (width / theta)^2: farther than this, the cell is one body
        float charge;      // summed charge
        std::uint32_t lo, hi;  // sorted node range
        std::uint32_t skip;    // next cell after this subtree
        std::uint32_t leaf;    // 1 for leaves
    };

    void place(std::uint64_t seed);
    void apply_links();
    void apply_many_body();
    void build_tree();
    std::uint32_t build_cell(std::uint32_t lo, std::uint32_t hi, int level, float width);
    float jiggle();

    LayoutParams params_;
    int n_ = 0;
    float alpha_ = 1.0f;
    std::uint64_t rng_ = 0;
    std::vector<float> x_, y_, vx_, vy_;
    std::vector<std::uint8_t> pinned_;
    std::vector<float> pin_x_, pin_y_;
    // Links (d3's forceLink): endpoints, strength and bias.
    std::vector<std::uint32_t> link_s_, link_t_;
    std::vector<float> link_strength_, link_bias_;
    // Tree scratch, reused across ticks.
    std::vector<std::uint32_t> code_, order_, code_tmp_, order_tmp_;
    std::vector<float> sx_, sy_;
    std::vector<double> prefix_x_, prefix_y_;
    std::vector<Cell> cells_;
    float root_x_ = 0, root_y_ = 0;
};

}  // namespace wwe
