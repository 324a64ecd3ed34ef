// Win-Win Explorer core: the concept map's layout as a function of the view state.
//
// Index
//   - MapGraph .......... the edges the map draws (relations and/or co-occurrences) and
//                         their adjacency
//   - MapLayoutKey ...... what the positions depend on: edges, minimum weight, seed, pins
//   - MapLayout ......... computes the positions for a key, a bounded number of ticks at a
//                         time, and keeps the last finished ones
//   - Box, Viewport ..... bounding boxes and views (centre + zoom); fit_box, the relative
//                         viewport of MapState and back
//
// The same key gives the same positions, tick for tick, whatever the frame rate or the
// order of earlier requests: a shared link reproduces the picture (ViewState::map). The
// positions are computed in stages, each a ForceLayout (layout.hpp) run to convergence:
//   1. the reference layout: the curated relations from the seeded start, no pins — its
//      fitted view is the frame MapState's viewport is relative to, so pinning a node or
//      switching edges never moves the viewport;
//   2. with pins: from the positions of 1, warm again, the pinned nodes held in place;
//   3. with co-occurrence edges: those edges, from the positions of 1 or 2, so switching
//      edges keeps the map's shape.
// Each stage continues from the last one's positions, so the first layout can be shown as
// it runs without jumping back.
// Units: layout units (≈ CSS px at zoom 1); the origin is the centre of gravity.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph.hpp"
#include "layout.hpp"
#include "view_state.hpp"

namespace wwe {

struct MapGraph {
    std::vector<Edge> edges;                  // in draw order: relations, then co-occurrences
    std::vector<std::vector<int>> adjacency;  // per node: undirected neighbours over `edges`
};

// The edges for `edges` (co-occurrences need at least `min_weight` shared passages).
MapGraph map_graph(const Corpus& corpus, MapEdges edges, int min_weight);

struct MapLayoutKey {
    MapEdges edges = MapEdges::Relations;
    int min_weight = 0;  // 0 with MapEdges::Relations (not used)
    std::uint32_t seed = 1;
    std::map<std::string, MapPin> pins;
    bool operator==(const MapLayoutKey&) const = default;
};
MapLayoutKey layout_key(const MapState& map);

// The parameters of the map's force layout (charge, link distance, gravity) for `seed`.
LayoutParams map_layout_params(std::uint32_t seed);

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return !(x1 >= x0 && y1 >= y0); }
};
// The bounding box of the nodes whose `include` entry is non-zero (all when empty);
// an empty Box (x0 > x1) when there is none.
Box bounding_box(const std::vector<float>& x, const std::vector<float>& y, const std::vector<char>& include = {});

struct Viewport {
    float cx = 0, cy = 0;  // layout point at the centre of the canvas
    float zoom = 1;        // CSS px per layout unit
    bool operator==(const Viewport&) const = default;
};

// The viewport showing `box` whole in a canvas of `width` x `height` CSS px with `pad` px
// around it, at most `max_zoom` px per unit. An empty box gives the origin at zoom 1.
Viewport fit_box(const Box& box, float width, float height, float pad, float max_zoom);
// MapState's relative viewport (x, y, zoom > 0) over the fitted `reference` view.
Viewport resolve_viewport(const MapState& map, const Viewport& reference);
// The relative form of `view` over `reference`, clamped to MapState's ranges.
void set_relative_viewport(MapState& map, const Viewport& view, const Viewport& reference);

class MapLayout {
public:
    explicit MapLayout(const Corpus& corpus);
    MapLayout(const MapLayout&) = delete;
    MapLayout& operator=(const MapLayout&) = delete;
    ~MapLayout();

    // Asks for the positions of `key`; a new key starts over (the last finished positions
    // stay available). Returns true when a computation started.
    bool request(const MapLayoutKey& key);
    // Runs at most `max_ticks` ticks of the computation; returns how many ran (0: ready).
    int advance(int max_ticks);
    // Runs the computation to its end.
    void finish();

    bool ready() const { return ready_; }              // the requested key's positions are done
    bool has_layout() const { return !done_x_.empty(); }  // some key's positions are done
    const MapLayoutKey& key() const { return key_; }    // the requested key
    const MapLayoutKey& done_key() const { return done_key_; }  // the key of x(), y()

    // The last finished positions (the requested key's once ready()); empty before any.
    const std::vector<float>& x() const { return done_x_; }
    const std::vector<float>& y() const { return done_y_; }
    // The positions of the stage being computed (the first layout's animation).
    const std::vector<float>& running_x() const;
    const std::vector<float>& running_y() const;
    // The reference layout's bounding box (stage 1; empty until it is done).
    const Box& reference() const { return reference_box_; }
    // The graph of the requested key.
    const MapGraph& graph() const { return graph_; }
    int node_count() const { return n_; }

private:
    enum class Stage { Reference, Pinned, Edges, Done };
    void start_stage(Stage stage);
    void start_from(const std::vector<float>& x, const std::vector<float>& y);
    void complete_stage();

    const Corpus& corpus_;
    int n_ = 0;
    MapLayoutKey key_, done_key_;
    bool started_ = false, ready_ = false;
    Stage stage_ = Stage::Done;
    MapGraph graph_;
    std::vector<std::pair<int, int>> relation_pairs_;
    std::unique_ptr<ForceLayout> running_;
    // Stage 1 for the current seed (reused while only pins or edges change).
    std::uint32_t reference_seed_ = 0;
    std::vector<float> reference_x_, reference_y_;
    Box reference_box_;
    std::vector<float> stage_x_, stage_y_;  // stage 2's result (or stage 1's without pins)
    std::vector<float> done_x_, done_y_;
};

}  // namespace wwe
