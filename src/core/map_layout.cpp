#include "map_layout.hpp"

#include <algorithm>
#include <cmath>

namespace wwe {

namespace {
// Rounded so that links stay short and the state holds exactly what the screen shows.
float round_to(float v, float step) { return std::round(v / step) * step; }
constexpr float kStageAlpha = 0.5f;  // stages after the first start half warm
}  // namespace

MapGraph map_graph(const Corpus& corpus, MapEdges edges, int min_weight) {
    MapGraph g;
    if (edges != MapEdges::Cooccurrence) {
        const Graph r = relation_graph(corpus);
        g.edges.insert(g.edges.end(), r.edges.begin(), r.edges.end());
    }
    if (edges != MapEdges::Relations) {
        const Graph c = cooccurrence_graph(corpus, std::max(1, min_weight));
        g.edges.insert(g.edges.end(), c.edges.begin(), c.edges.end());
    }
    const int n = static_cast<int>(corpus.article.nodes.size());
    g.adjacency.assign(static_cast<std::size_t>(n), {});
    for (const Edge& e : g.edges) {
        if (e.source < 0 || e.target < 0 || e.source >= n || e.target >= n || e.source == e.target) continue;
        g.adjacency[static_cast<std::size_t>(e.source)].push_back(e.target);
        g.adjacency[static_cast<std::size_t>(e.target)].push_back(e.source);
    }
    return g;
}

MapLayoutKey layout_key(const MapState& map) {
    MapLayoutKey k;
    k.edges = map.edges;
    k.min_weight = map.edges == MapEdges::Relations ? 0 : map.min_weight;
    k.seed = map.seed;
    k.pins = map.pins;
    return k;
}

LayoutParams map_layout_params(std::uint32_t seed) {
    LayoutParams p;
    p.charge = -110.0f;
    p.link_distance = 55.0f;
    p.gravity = 0.06f;
    p.seed = seed;
    return p;
}

Box bounding_box(const std::vector<float>& x, const std::vector<float>& y, const std::vector<char>& include) {
    Box b{1e30f, 1e30f, -1e30f, -1e30f};
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (!include.empty() && (i >= include.size() || !include[i])) continue;
        b.x0 = std::min(b.x0, x[i]);
        b.x1 = std::max(b.x1, x[i]);
        b.y0 = std::min(b.y0, y[i]);
        b.y1 = std::max(b.y1, y[i]);
    }
    return b;
}

Viewport fit_box(const Box& box, float width, float height, float pad, float max_zoom) {
    if (box.empty()) return {0, 0, 1};
    const float w = std::max(1.0f, box.x1 - box.x0), h = std::max(1.0f, box.y1 - box.y0);
    const float zoom = std::min((width - 2 * pad) / w, (height - 2 * pad) / h);
    return {(box.x0 + box.x1) * 0.5f, (box.y0 + box.y1) * 0.5f, std::clamp(zoom, 1e-3f, std::max(1e-3f, max_zoom))};
}

Viewport resolve_viewport(const MapState& map, const Viewport& reference) {
    if (map.zoom <= 0) return reference;
    return {reference.cx + map.x, reference.cy + map.y, reference.zoom * map.zoom};
}

void set_relative_viewport(MapState& map, const Viewport& view, const Viewport& reference) {
    const float ref_zoom = reference.zoom > 0 ? reference.zoom : 1.0f;
    map.zoom = round_to(std::clamp(view.zoom / ref_zoom, kMinMapZoom, kMaxMapZoom), 1e-4f);
    map.x = round_to(std::clamp(view.cx - reference.cx, -kMaxMapCoordinate, kMaxMapCoordinate), 0.01f);
    map.y = round_to(std::clamp(view.cy - reference.cy, -kMaxMapCoordinate, kMaxMapCoordinate), 0.01f);
}

MapLayout::MapLayout(const Corpus& corpus) : corpus_(corpus), n_(static_cast<int>(corpus.article.nodes.size())) {
    for (const Relation& r : corpus.article.relations) relation_pairs_.emplace_back(r.source, r.target);
}

MapLayout::~MapLayout() = default;

bool MapLayout::request(const MapLayoutKey& key) {
    if (started_ && key == key_) return false;
    started_ = true;
    key_ = key;
    ready_ = false;
    graph_ = map_graph(corpus_, key.edges, key.min_weight);
    start_stage(reference_seed_ == key.seed && !reference_x_.empty() ? Stage::Pinned : Stage::Reference);
    return true;
}

void MapLayout::start_stage(Stage stage) {
    running_.reset();
    stage_ = stage;
    switch (stage) {
    case Stage::Reference:
        running_ = std::make_unique<ForceLayout>(n_, relation_pairs_, map_layout_params(key_.seed));
        return;
    case Stage::Pinned:
        if (key_.pins.empty()) {
            stage_x_ = reference_x_;
            stage_y_ = reference_y_;
            start_stage(Stage::Edges);
            return;
        }
        // From the reference layout's shape, with the pinned nodes held where they were put.
        running_ = std::make_unique<ForceLayout>(n_, relation_pairs_, map_layout_params(key_.seed));
        start_from(reference_x_, reference_y_);
        return;
    case Stage::Edges: {
        if (key_.edges == MapEdges::Relations) {
            done_x_ = stage_x_;
            done_y_ = stage_y_;
            start_stage(Stage::Done);
            return;
        }
        std::vector<std::pair<int, int>> pairs;
        for (const Edge& e : graph_.edges) pairs.emplace_back(e.source, e.target);
        running_ = std::make_unique<ForceLayout>(n_, pairs, map_layout_params(key_.seed));
        start_from(stage_x_, stage_y_);  // the relations' shape
        return;
    }
    case Stage::Done:
        done_key_ = key_;
        ready_ = true;
        return;
    }
}

void MapLayout::start_from(const std::vector<float>& x, const std::vector<float>& y) {
    for (int i = 0; i < n_; ++i) {
        running_->pin(i, x[static_cast<std::size_t>(i)], y[static_cast<std::size_t>(i)]);
        running_->unpin(i);
    }
    for (const auto& [id, pin] : key_.pins) running_->pin(corpus_.article.find_node(id), pin.x, pin.y);
    running_->reheat(kStageAlpha);
}

void MapLayout::complete_stage() {
    switch (stage_) {
    case Stage::Reference:
        reference_x_ = running_->x();
        reference_y_ = running_->y();
        reference_seed_ = key_.seed;
        reference_box_ = bounding_box(reference_x_, reference_y_);
        start_stage(Stage::Pinned);
        return;
    case Stage::Pinned:
        stage_x_ = running_->x();
        stage_y_ = running_->y();
        start_stage(Stage::Edges);
        return;
    case Stage::Edges:
        done_x_ = running_->x();
        done_y_ = running_->y();
        start_stage(Stage::Done);
        return;
    case Stage::Done: return;
    }
}

int MapLayout::advance(int max_ticks) {
    int ticks = 0;
    while (!ready_ && running_ && ticks < max_ticks) {
        ticks += running_->tick(max_ticks - ticks);
        if (running_->converged()) complete_stage();
    }
    return ticks;
}

void MapLayout::finish() {
    while (!ready_ && running_) advance(1000);
}

const std::vector<float>& MapLayout::running_x() const { return running_ ? running_->x() : done_x_; }
const std::vector<float>& MapLayout::running_y() const { return running_ ? running_->y() : done_y_; }

}  // namespace wwe
