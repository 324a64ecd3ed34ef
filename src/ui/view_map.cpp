// Win-Win Explorer UI: the concept map — the article's concepts (circles) and entities
// (squares), sized by mentions, coloured by type or by a facet; curated relations as
// labelled arrows and, switchable, co-occurrence edges weighted by shared passages.
//
// The positions are core's MapLayout: a function of the view state (edges, seed, pins),
// computed a few ticks per frame within a time budget and left alone once done (the app
// then stops drawing); a new layout is eased in from the old picture. Drag a node to pin
// it (the map reacts live while dragging; the pin goes into the state on release), drag
// the background to pan, wheel, pinch or the slider to zoom; the viewport lives in the
// state relative to the fitted view, so a link shows the same picture in any window.
// Clicking a node selects it: its neighbourhood (1 or 2 hops) stays bright; clicking an
// edge selects it and the details panel lists its evidence. Labels are placed greedily by
// priority and never overlap: lower-priority ones are hidden.
#include <algorithm>
#include <optional>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <string>

#include <nlohmann/json.hpp>

#include "core/describe.hpp"
#include "core/export.hpp"
#include "core/graph.hpp"
#include "core/layout.hpp"
#include "core/map_labels.hpp"
#include "core/map_layout.hpp"
#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

struct MapCache {
    explicit MapCache(const Corpus& corpus) : layout(corpus) {
        // Labels as drawn: right-to-left ones reordered and shaped once (core/script.hpp).
        for (const Node& node : corpus.article.nodes) node_text.push_back(visual_line(node.label));
        for (const RelationType& t : corpus.article.relation_types) relation_text.push_back(visual_line(t.label));
    }

    MapLayout layout;                   // positions as a function of the state (core)
    std::vector<std::string> node_text;      // each node's label as drawn (visual_line)
    std::vector<std::string> relation_text;  // each relation type's label as drawn
    std::vector<float> px, py;          // the positions shown (layout units)
    MapLayoutKey shown_key;             // the finished layout px/py show (when shown_done)
    bool shown_done = false;
    std::vector<float> from_x, from_y;  // a transition from the last picture
    double tween_start = -1;            // seconds; -1: none
    // A live layout while a node is dragged (from the positions shown, the node held at
    // the pointer); after the release it is shown until the layout with the new pin is done.
    std::unique_ptr<ForceLayout> live;
    MapLayoutKey live_waits_for;        // the key whose layout replaces it
    bool live_released = false;
    int live_wait_frames = 0;           // frames since the release

    // The last drawing (screen coordinates, ImGui units).
    struct Drawn {
        float x = 0, y = 0, r = 0;
        ImU32 color = 0;
        float alpha = 1;       // 1 bright, lower dimmed
        bool dimmed = false;   // excluded by the filters or outside the selection's neighbourhood
        bool visible = false;  // inside the canvas
        bool label = false;    // its label is drawn
        ImVec2 label_pos{0, 0};  // the label text's top left (screen)
        std::string label_text;  // as drawn: the label, or its start and "…" (map_labels.hpp)
        float label_w = 0;       // its width, px
        float label_h = 0;       // its box's height, px
    };
    std::vector<Drawn> drawn;
    struct EdgeLabel {
        int edge = -1;
        ImVec2 pos{0, 0};
    };
    std::vector<EdgeLabel> edge_labels;
    ImVec2 origin{0, 0}, size{0, 0};  // canvas rectangle
    float cx = 0, cy = 0, zoom = 1;   // effective viewport (fit resolved)
    Viewport reference;               // the fitted view the state's viewport is relative to
    std::vector<int> focus;           // hops from the selection (large = far), per node
    ImVec4 legend{0, 0, 0, 0};        // the legend's screen box (x0, y0, x1, y1); empty: none

    // The camera eases to a new target (a selection, Fit) instead of jumping; direct
    // manipulation (drag, wheel, pinch, slider) moves it at once.
    float cam_from_x = 0, cam_from_y = 0, cam_from_zoom = 0;
    float cam_to_x = 0, cam_to_y = 0, cam_to_zoom = 0;
    double cam_start = -1;     // seconds; -1: not easing
    bool cam_known = false;    // a picture was shown (there is something to ease from)
    int direct_frames = 0;     // frames left in which viewport changes come from the user's hand
    Selection last_selection;  // the selection last drawn (a new one is brought into view)

    Fling fling;  // panning coasting after a touch drag
    // Interaction.
    int drag_node = -1;
    bool panning = false;
    bool moved = false;
    int press_edge = -1;

    const std::vector<Edge>& edges() const { return layout.graph().edges; }
    const std::vector<std::vector<int>>& adjacency() const { return layout.graph().adjacency; }
};

namespace {

constexpr float kMinZoom = 0.02f, kMaxZoom = 50.0f;
constexpr float kMaxFocusZoom = 2.5f;                 // fitting a selection: at most this close
constexpr float kLegendMinW = 700.0f, kLegendMinH = 360.0f;  // CSS px: smaller maps keep their room
constexpr double kTickBudgetSeconds = 0.004;  // per frame
constexpr int kMaxTicksPerFrame = 12;
constexpr double kStillTickBudgetSeconds = 0.012;  // reduced motion: nothing is shown meanwhile
constexpr int kStillMaxTicksPerFrame = 200;
constexpr float kDimAlpha = 0.16f;
constexpr float kHintWidth = 430.0f;  // CSS px kept free for the hint line
constexpr float kFitPad = 40.0f;      // CSS px around the nodes of a fitted view

constexpr double kTweenSeconds = 0.4;
constexpr double kCameraSeconds = 0.45;
constexpr float kMaxFocusRelative = 2.0f;  // fitting a selection: at most this many times the whole map's fit
constexpr int kAlwaysLabelled = 12;        // the most important nodes keep their labels over other nodes

MapCache& cache_for(MapViewState& map, const Corpus& corpus) {
    if (!map.cache) map.cache = std::make_shared<MapCache>(corpus);
    return *map.cache;
}

// Advances the layout (and a live drag) within the frame's budget and sets the positions
// shown: the running layout the first time, else the last finished one, eased into the next.
// `still` (reduced motion): nothing moves by itself — the layout runs off-screen (a larger
// budget, the canvas waits empty) and is shown once done, without easing; while a node is
// dragged only that node moves.
void update_positions(MapCache& m, const MapState& state, double now, bool still) {
    m.layout.request(layout_key(state));
    const auto start = std::chrono::steady_clock::now();
    auto spent = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    const double budget = still ? kStillTickBudgetSeconds : kTickBudgetSeconds;
    const int max_ticks = still ? kStillMaxTicksPerFrame : kMaxTicksPerFrame;
    for (int i = 0; i < max_ticks && !m.layout.ready() && spent() < budget; ++i) m.layout.advance(1);
    const int n = m.layout.node_count();
    if (m.live) {
        if (!m.live_released && !still) {
            for (int i = 0; i < kMaxTicksPerFrame && !m.live->converged() && spent() < kTickBudgetSeconds * 2; ++i)
                m.live->tick(1);
        }
        m.px = m.live->x();
        m.py = m.live->y();
        const bool replaced = m.live_released && m.layout.ready() && m.layout.done_key() == m.live_waits_for;
        // The pin was not taken (or the state moved on): the layout of the state replaces it.
        const bool abandoned = m.live_released && ++m.live_wait_frames > 2 && !(layout_key(state) == m.live_waits_for);
        if (!replaced && !abandoned) return;
        m.live.reset();
        m.live_released = false;
        m.shown_done = false;  // ease from the live picture into the layout
    }
    if (m.layout.ready()) {
        if (!m.shown_done || !(m.shown_key == m.layout.done_key())) {
            if (static_cast<int>(m.px.size()) == n && n > 0 && !still) {
                m.from_x = m.px;
                m.from_y = m.py;
                m.tween_start = now;
            }
            if (still) m.tween_start = -1;
            m.shown_key = m.layout.done_key();
            m.shown_done = true;
        }
        const auto& tx = m.layout.x();
        const auto& ty = m.layout.y();
        const double t = m.tween_start < 0 ? 1.0 : (now - m.tween_start) / kTweenSeconds;
        if (t >= 1.0 || static_cast<int>(m.from_x.size()) != n) {
            m.tween_start = -1;
            m.px = tx;
            m.py = ty;
        } else {
            const float e = static_cast<float>(1.0 - std::pow(1.0 - std::max(0.0, t), 3.0));  // ease out
            m.px.resize(static_cast<std::size_t>(n));
            m.py.resize(static_cast<std::size_t>(n));
            for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
                m.px[i] = m.from_x[i] + (tx[i] - m.from_x[i]) * e;
                m.py[i] = m.from_y[i] + (ty[i] - m.from_y[i]) * e;
            }
        }
    } else if (!m.shown_done && !still) {
        m.px = m.layout.running_x();  // the first layout, as it runs
        m.py = m.layout.running_y();
    }
}

// Starts a live layout for dragging `node`, from the positions shown.
void start_live_drag(MapCache& m, const Corpus& corpus, const MapState& state, int node) {
    std::vector<std::pair<int, int>> pairs;
    for (const Edge& e : m.edges()) pairs.emplace_back(e.source, e.target);
    const int n = m.layout.node_count();
    m.live = std::make_unique<ForceLayout>(n, pairs, map_layout_params(state.seed));
    for (int i = 0; i < n; ++i) {
        m.live->pin(i, m.px[static_cast<std::size_t>(i)], m.py[static_cast<std::size_t>(i)]);
        m.live->unpin(i);
    }
    for (const auto& [id, pin] : state.pins) m.live->pin(corpus.article.find_node(id), pin.x, pin.y);
    m.live->pin(node, m.px[static_cast<std::size_t>(node)], m.py[static_cast<std::size_t>(node)]);
    m.live->reheat(0.25f);
    m.live_released = false;
}

float node_radius(const Corpus& corpus, int n, float zoom) {
    const float mentions = static_cast<float>(corpus.node_mentions[static_cast<std::size_t>(n)].size());
    const float scale = std::clamp(std::sqrt(zoom), 0.6f, 1.6f);
    return (3.5f + 2.0f * std::sqrt(mentions)) * scale;
}

// The colour of node `n`: its first value of facet `facet` (index; theme.no_value when it
// has none), or with facet -1 its type's place among the types of its kind.
ImU32 node_color(const Corpus& corpus, int n, int facet, const Theme& theme) {
    const Article& a = corpus.article;
    const Node& node = a.nodes[static_cast<std::size_t>(n)];
    if (facet >= 0) {
        const auto it = node.facets.find(facet);
        if (it == node.facets.end() || it->second.empty()) return theme.no_value;
        return palette_color(theme, it->second.front());
    }
    // Groups declared in the data: one colour per group.
    if (!a.node_groups.empty() && node.type >= 0) {
        const int g = a.node_types[static_cast<std::size_t>(node.type)].group;
        return g >= 0 ? palette_color(theme, g) : theme.no_value;
    }
    // Concepts and entities each get the palette from its start (their shapes tell them apart).
    int index = 0;
    for (int t = 0; t < node.type; ++t) {
        if (a.node_types[static_cast<std::size_t>(t)].kind == node.kind) ++index;
    }
    return palette_color(theme, index);
}

// The shape of node `n`: its group's, else a circle for concepts and a square for entities.
NodeShape node_shape(const Article& a, int n) {
    const Node& node = a.nodes[static_cast<std::size_t>(n)];
    if (!a.node_groups.empty() && node.type >= 0) {
        const int g = a.node_types[static_cast<std::size_t>(node.type)].group;
        if (g >= 0) return a.node_groups[static_cast<std::size_t>(g)].shape;
    }
    return node.kind == NodeKind::Entity ? NodeShape::Square : NodeShape::Circle;
}

// The facet the state colours by (index), or -1 for the node types.
int color_facet(const Corpus& corpus, const MapState& map) {
    return map.color.empty() ? -1 : corpus.article.find_facet(map.color);
}

ImU32 with_alpha(ImU32 c, float alpha) {
    const unsigned a = static_cast<unsigned>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>((c >> 24) & 0xFF));
    return (c & 0x00FFFFFFu) | (a << 24);
}

// A font's size in CSS px (atlases are rasterised at the pixel ratio, drawn scaled down).
float font_px(const ImFont* font) {
    return font->FontSize * ImGui::GetIO().FontGlobalScale;
}

ImVec2 label_size(const Fonts& fonts, const std::string& text) {
    if (!fonts.small) return ImVec2(7.0f * static_cast<float>(text.size()), 16.0f);
    return fonts.small->CalcTextSizeA(font_px(fonts.small), FLT_MAX, 0.0f, text.c_str());
}

bool overlaps(const ImVec4& a, const ImVec4& b) {
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

bool edge_selected(const Article& article, const Selection& sel, const Edge& e);

// Computes the drawing (screen positions, colours, dimming, label places) for `rect`;
// `animate`: the camera eases to its target (on screen; an export shows the target).
void compute_frame(MapCache& m, const ViewContext& ctx, ImVec2 origin, ImVec2 size, int hovered_node, bool animate) {
    const Corpus& corpus = ctx.corpus;
    const ViewState& state = ctx.state;
    const Derived& derived = ctx.derived;
    const Theme& theme = ctx.theme;
    const Fonts& fonts = ctx.fonts;
    const Article& article = corpus.article;
    const int n = static_cast<int>(article.nodes.size());
    const auto& X = m.px;
    const auto& Y = m.py;
    if (static_cast<int>(X.size()) != n) return;
    m.origin = origin;
    m.size = size;

    // Neighbourhood of the selection: a node's, or both ends of a selected edge.
    const int selected = selected_node(corpus, state);
    std::vector<int> sources;
    if (selected >= 0) sources.push_back(selected);
    if (state.selection.kind == Selection::Kind::Relation) {
        for (const Relation& r : article.relations)
            if (r.id == state.selection.id) sources = {r.source, r.target};
    } else if (state.selection.kind == Selection::Kind::Pair) {
        int a = -1, b = -1;
        if (pair_nodes(article, state.selection.id, a, b)) sources = {a, b};
    }
    const bool focused = !sources.empty();
    m.focus.assign(static_cast<std::size_t>(n), focused ? 1 << 20 : 0);
    if (focused) {
        std::deque<int> queue(sources.begin(), sources.end());
        for (const int src : sources) m.focus[static_cast<std::size_t>(src)] = 0;
        while (!queue.empty()) {
            const int u = queue.front();
            queue.pop_front();
            const int d = m.focus[static_cast<std::size_t>(u)];
            if (d >= state.map.depth) continue;
            for (const int v : m.adjacency()[static_cast<std::size_t>(u)]) {
                if (m.focus[static_cast<std::size_t>(v)] > d + 1) {
                    m.focus[static_cast<std::size_t>(v)] = d + 1;
                    queue.push_back(v);
                }
            }
        }
    }

    // The frame of reference: the fitted view of the layout without pins (the same in a
    // fresh tab with the same state); the state's viewport is relative to it.
    const Box reference = m.layout.reference().empty() ? bounding_box(X, Y) : m.layout.reference();
    m.reference = fit_box(reference, size.x, size.y, kFitPad, kMaxZoom);
    float tcx = 0, tcy = 0, tzoom = 1;  // where the camera should be
    if (state.map.zoom > 0) {
        const Viewport v = resolve_viewport(state.map, m.reference);
        tcx = v.cx;
        tcy = v.cy;
        tzoom = std::clamp(v.zoom, kMinZoom, kMaxZoom);
    } else {
        // A selection is fitted with its bright neighbourhood (the map is "focused" on it);
        // otherwise the whole map.
        std::vector<char> include;
        if (focused) {
            include.assign(static_cast<std::size_t>(n), 0);
            for (int i = 0; i < n; ++i) include[static_cast<std::size_t>(i)] = m.focus[static_cast<std::size_t>(i)] <= state.map.depth;
        }
        Box box = bounding_box(X, Y, include);
        if (box.empty()) box = {0, 0, 0, 0};
        const float legend_w = m.legend.z > m.legend.x ? m.legend.z - m.legend.x + 8 : 0.0f;
        const float usable_w = std::max(100.0f, size.x - legend_w);
        // A lone node stays node-sized; a neighbourhood is not blown up far past the whole
        // map's scale, so going from a node to its relation does not jump in and out.
        const float max_fit =
            focused ? std::min(kMaxFocusZoom, std::max(m.reference.zoom, 1e-6f) * kMaxFocusRelative) : kMaxZoom;
        // Room for labels at the right (they go right first) and a pad around the nodes,
        // both a share of a small canvas (a phone's map is not half margins), the pad
        // never smaller than the largest node drawn at that zoom (every node fits).
        const float label_room = std::min(80.0f, usable_w * 0.1f);
        float pad = std::min(kFitPad, std::max(16.0f, std::min(usable_w, size.y) * 0.05f));
        Viewport fit = fit_box(box, usable_w - label_room, size.y, pad, max_fit);
        float largest = 0;
        for (int i = 0; i < n; ++i)
            if (include.empty() || include[static_cast<std::size_t>(i)])
                largest = std::max(largest, node_radius(corpus, i, std::clamp(fit.zoom, kMinZoom, max_fit)));
        if (largest + 4 > pad) {
            pad = largest + 4;
            fit = fit_box(box, usable_w - label_room, size.y, pad, max_fit);
        }
        tzoom = std::clamp(fit.zoom, kMinZoom, max_fit);
        // Centre the nodes in the part of the canvas left of the legend (labels go right).
        tcx = fit.cx + (legend_w + label_room) * 0.5f / tzoom;
        tcy = fit.cy;
    }
    // The camera: eased to a new target unless the hand moves it (or motion is reduced).
    const bool ease = animate && m.cam_known && m.direct_frames == 0 && !ctx.core.reduced_motion();
    const bool new_target = std::fabs(tcx - m.cam_to_x) * tzoom > 0.5f || std::fabs(tcy - m.cam_to_y) * tzoom > 0.5f ||
                            std::fabs(tzoom - m.cam_to_zoom) > 1e-4f * tzoom;
    if (!ease) {
        m.cam_start = -1;
        m.cx = tcx;
        m.cy = tcy;
        m.zoom = tzoom;
    } else {
        if (new_target) {
            m.cam_from_x = m.cx;
            m.cam_from_y = m.cy;
            m.cam_from_zoom = m.zoom;
            m.cam_start = ctx.time;
        }
        const double t = m.cam_start < 0 ? 1.0 : (ctx.time - m.cam_start) / kCameraSeconds;
        if (t >= 1.0) {
            m.cam_start = -1;
            m.cx = tcx;
            m.cy = tcy;
            m.zoom = tzoom;
        } else {
            const float e = static_cast<float>(1.0 - std::pow(1.0 - std::max(0.0, t), 3.0));
            // Zoom eases in log space; the centre follows so the picture does not swing.
            m.zoom = m.cam_from_zoom * std::pow(tzoom / std::max(m.cam_from_zoom, 1e-6f), e);
            m.cx = m.cam_from_x + (tcx - m.cam_from_x) * e;
            m.cy = m.cam_from_y + (tcy - m.cam_from_y) * e;
        }
    }
    m.cam_to_x = tcx;
    m.cam_to_y = tcy;
    m.cam_to_zoom = tzoom;
    if (animate) m.cam_known = true;

    m.drawn.resize(static_cast<std::size_t>(n));
    const float mid_x = origin.x + size.x * 0.5f, mid_y = origin.y + size.y * 0.5f;
    for (int i = 0; i < n; ++i) {
        MapCache::Drawn& d = m.drawn[static_cast<std::size_t>(i)];
        d.x = mid_x + (X[static_cast<std::size_t>(i)] - m.cx) * m.zoom;
        d.y = mid_y + (Y[static_cast<std::size_t>(i)] - m.cy) * m.zoom;
        d.r = node_radius(corpus, i, m.zoom);
        d.color = node_color(corpus, i, color_facet(corpus, state.map), theme);
        const bool out_of_focus = m.focus[static_cast<std::size_t>(i)] > state.map.depth;
        d.dimmed = derived.node_dimmed(i) || out_of_focus;
        d.alpha = d.dimmed ? kDimAlpha : 1.0f;
        d.visible = d.x + d.r >= origin.x && d.x - d.r <= origin.x + size.x && d.y + d.r >= origin.y &&
                    d.y - d.r <= origin.y + size.y;
        d.label = false;
    }

    // Labels: the core's placement (map_labels.hpp), the same for the screen, mapNodes()
    // and the exports: the hubs and the selection always, the others where they cover nothing.
    std::vector<LabelNode> label_nodes(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const MapCache::Drawn& d = m.drawn[static_cast<std::size_t>(i)];
        LabelNode& ln = label_nodes[static_cast<std::size_t>(i)];
        ln.x = d.x;
        ln.y = d.y;
        ln.r = d.r;
        ln.text = m.node_text[static_cast<std::size_t>(i)];
        ln.mentions = static_cast<int>(corpus.node_mentions[static_cast<std::size_t>(i)].size());
        ln.degree = static_cast<int>(m.adjacency()[static_cast<std::size_t>(i)].size());
        ln.visible = d.visible;
        ln.faded = d.dimmed;  // filtered out, or outside the selection's neighbourhood
        ln.in_focus = focused && m.focus[static_cast<std::size_t>(i)] <= state.map.depth;
        ln.source = focused && m.focus[static_cast<std::size_t>(i)] == 0;
        ln.hovered = i == hovered_node;
        ln.selected = i == selected;
    }
    LabelParams lp;
    lp.canvas = {origin.x, origin.y, origin.x + size.x, origin.y + size.y};
    if (m.legend.z > m.legend.x) lp.reserved.push_back({m.legend.x, m.legend.y, m.legend.z, m.legend.w});
    if (fonts.small) {  // nor under the hint line at the bottom left
        lp.reserved.push_back({origin.x, origin.y + size.y - font_px(fonts.small) - 12,
                               std::min(origin.x + size.x, origin.x + kHintWidth), origin.y + size.y});
    }
    lp.height = label_size(fonts, "Ag").y;
    lp.always = kAlwaysLabelled;
    const std::vector<PlacedLabel> labels =
        place_labels(label_nodes, lp, [&](std::string_view text) { return label_size(fonts, std::string(text)).x; });
    std::vector<ImVec4> placed;  // what an edge's label may not cover
    for (const LabelRect& r : lp.reserved) placed.push_back(ImVec4(r.x0, r.y0, r.x1, r.y1));
    for (int i = 0; i < n; ++i) {
        MapCache::Drawn& d = m.drawn[static_cast<std::size_t>(i)];
        const PlacedLabel& l = labels[static_cast<std::size_t>(i)];
        if (d.visible) placed.push_back(ImVec4(d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r));
        d.label = l.shown;
        if (!l.shown) continue;
        d.label_pos = ImVec2(l.x, l.y);
        d.label_text = l.text;
        d.label_w = l.width;
        d.label_h = l.height;
        const LabelRect box = l.box();
        placed.push_back(ImVec4(box.x0, box.y0, box.x1, box.y1));
    }

    // Relation labels on the edges of the selection (and the selected edge), where free.
    m.edge_labels.clear();
    if (focused) {
        for (std::size_t e = 0; e < m.edges().size(); ++e) {
            const Edge& edge = m.edges()[e];
            const bool picked = edge_selected(article, state.selection, edge);
            if (edge.kind != Edge::Kind::Relation ||
                (!picked && (selected < 0 || (edge.source != selected && edge.target != selected))))
                continue;
            const MapCache::Drawn& a = m.drawn[static_cast<std::size_t>(edge.source)];
            const MapCache::Drawn& b = m.drawn[static_cast<std::size_t>(edge.target)];
            const std::string& text = m.relation_text[static_cast<std::size_t>(
                article.relations[static_cast<std::size_t>(edge.relation)].type)];
            const ImVec2 ts = label_size(fonts, text);
            const ImVec2 c((a.x + b.x) * 0.5f - ts.x * 0.5f, (a.y + b.y) * 0.5f - ts.y * 0.5f);
            const ImVec4 box(c.x - 2, c.y, c.x + ts.x + 2, c.y + ts.y);
            bool free = true;
            for (const ImVec4& p : placed) {
                if (overlaps(box, p)) {
                    free = false;
                    break;
                }
            }
            if (!free) continue;
            placed.push_back(box);
            m.edge_labels.push_back({static_cast<int>(e), c});
        }
    }
}

// Point-to-segment distance (CSS px).
float segment_distance(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0f, 1.0f);
    const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

int hit_node(const MapCache& m, ImVec2 p) {
    int best = -1;
    float best_d = 1e30f;
    for (std::size_t i = 0; i < m.drawn.size(); ++i) {
        const MapCache::Drawn& d = m.drawn[i];
        const float dx = p.x - d.x, dy = p.y - d.y;
        const float dist = std::sqrt(dx * dx + dy * dy);
        // Fingers are wide: touch styles give every node a larger target (at least 22 px).
        const float reach = TouchStyle() ? std::max(d.r + 8, 22.0f) : d.r + 4;
        if (dist <= reach && dist < best_d) {
            best_d = dist;
            best = static_cast<int>(i);
        }
    }
    return best;
}

int hit_edge(const MapCache& m, ImVec2 p) {
    int best = -1;
    float best_d = 5.0f;
    for (std::size_t e = 0; e < m.edges().size(); ++e) {
        const Edge& edge = m.edges()[e];
        const MapCache::Drawn& a = m.drawn[static_cast<std::size_t>(edge.source)];
        const MapCache::Drawn& b = m.drawn[static_cast<std::size_t>(edge.target)];
        const float d = segment_distance(p, ImVec2(a.x, a.y), ImVec2(b.x, b.y));
        if (d < best_d) {
            best_d = d;
            best = static_cast<int>(e);
        }
    }
    return best;
}

bool edge_bright(const MapCache& m, const Edge& e) {
    return !m.drawn[static_cast<std::size_t>(e.source)].dimmed && !m.drawn[static_cast<std::size_t>(e.target)].dimmed;
}

ImU32 edge_color(const Theme& theme, const Edge& e) {
    return e.kind == Edge::Kind::Relation ? with_alpha(theme.relation_edge, kRelationEdgeAlpha) : theme.shared_edge;
}

float edge_width(const Edge& e) {
    return e.kind == Edge::Kind::Relation ? 1.3f : std::min(6.0f, 1.0f + 0.8f * static_cast<float>(e.weight - 1));
}

// True when `e` is the edge the state selects.
bool edge_selected(const Article& article, const Selection& sel, const Edge& e) {
    if (sel.kind == Selection::Kind::Relation)
        return e.kind == Edge::Kind::Relation && article.relations[static_cast<std::size_t>(e.relation)].id == sel.id;
    if (sel.kind == Selection::Kind::Pair) {
        int a = -1, b = -1;
        return e.kind == Edge::Kind::Cooccurrence && pair_nodes(article, sel.id, a, b) &&
               ((e.source == a && e.target == b) || (e.source == b && e.target == a));
    }
    return false;
}

// The selection an edge click makes.
Selection edge_selection(const Article& article, const Edge& e) {
    if (e.kind == Edge::Kind::Relation)
        return {Selection::Kind::Relation, article.relations[static_cast<std::size_t>(e.relation)].id};
    return {Selection::Kind::Pair, pair_id(article, e.source, e.target)};
}

void draw_edges(ImDrawList* dl, const MapCache& m, const Theme& theme, int hovered_edge, const Article& article,
                const Selection& selection) {
    for (int pass = 0; pass < 2; ++pass) {  // dimmed edges first, bright ones on top
        for (std::size_t k = 0; k < m.edges().size(); ++k) {
            const Edge& e = m.edges()[k];
            const bool bright = edge_bright(m, e);
            if (bright != (pass == 1)) continue;
            const MapCache::Drawn& a = m.drawn[static_cast<std::size_t>(e.source)];
            const MapCache::Drawn& b = m.drawn[static_cast<std::size_t>(e.target)];
            const bool is_picked = edge_selected(article, selection, e);
            ImU32 col = edge_color(theme, e);
            float width = edge_width(e);
            if (static_cast<int>(k) == hovered_edge || is_picked) {
                col = theme.accent;
                width += 1.2f;
            }
            if (!bright) col = with_alpha(col, 0.25f);
            const float dx = b.x - a.x, dy = b.y - a.y;
            const float len = std::sqrt(dx * dx + dy * dy);
            if (len < 1.0f) continue;
            const float ux = dx / len, uy = dy / len;
            const ImVec2 p0(a.x + ux * a.r, a.y + uy * a.r);
            ImVec2 p1(b.x - ux * b.r, b.y - uy * b.r);
            if (e.kind == Edge::Kind::Relation && len > a.r + b.r + 6) {
                const float head = 7.0f + width;
                const ImVec2 base(p1.x - ux * head, p1.y - uy * head);
                const ImVec2 left(base.x - uy * head * 0.45f, base.y + ux * head * 0.45f);
                const ImVec2 right(base.x + uy * head * 0.45f, base.y - ux * head * 0.45f);
                dl->AddTriangleFilled(p1, left, right, col);
                p1 = base;
            }
            dl->AddLine(p0, p1, col, width);
        }
    }
}

void draw_node_shape(ImDrawList* dl, const MapCache::Drawn& d, NodeShape shape, ImU32 fill, ImU32 outline,
                     float thickness) {
    if (shape == NodeShape::Diamond || shape == NodeShape::Triangle || shape == NodeShape::Hexagon) {
        ImVec2 pts[6];
        int count = 0;
        const float r = d.r * (shape == NodeShape::Triangle ? 1.2f : 1.1f);
        const int sides = shape == NodeShape::Diamond ? 4 : shape == NodeShape::Triangle ? 3 : 6;
        for (int k = 0; k < sides; ++k) {
            const float a = -1.5707963f + 6.2831853f * static_cast<float>(k) / static_cast<float>(sides);
            pts[count++] = ImVec2(d.x + r * std::cos(a), d.y + r * std::sin(a) + (sides == 3 ? r * 0.15f : 0.0f));
        }
        dl->AddConvexPolyFilled(pts, count, fill);
        if (thickness > 0) dl->AddPolyline(pts, count, outline, ImDrawFlags_Closed, thickness);
        return;
    }
    if (shape == NodeShape::Square) {
        const float s = d.r * 0.9f;
        dl->AddRectFilled(ImVec2(d.x - s, d.y - s), ImVec2(d.x + s, d.y + s), fill, 2.0f);
        if (thickness > 0) dl->AddRect(ImVec2(d.x - s, d.y - s), ImVec2(d.x + s, d.y + s), outline, 2.0f, 0, thickness);
    } else {
        dl->AddCircleFilled(ImVec2(d.x, d.y), d.r, fill, 24);
        if (thickness > 0) dl->AddCircle(ImVec2(d.x, d.y), d.r, outline, 24, thickness);
    }
}

// Measures the legend into m.legend (top right of the canvas) and, with `draw`, draws it.
void draw_legend(ViewContext& ctx, MapCache& m, bool draw) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ctx.fonts.small;
    const float fs = font_px(font);
    const float line = fs + 4;
    // Rows: shapes, edges, then colours.
    struct Row {
        int kind;  // 0 node shape, 2 arrow, 3 co-occurrence line, 4 colour swatch
        ImU32 color;
        std::string text;
        NodeShape shape = NodeShape::Circle;
    };
    std::vector<Row> rows;
    const bool groups = !article.node_groups.empty() && color_facet(ctx.corpus, ctx.state.map) < 0;
    if (groups) {  // one row per group: its shape in its colour (size: mentions)
        for (std::size_t g = 0; g < article.node_groups.size(); ++g)
            rows.push_back({0, palette_color(theme, static_cast<int>(g)), visual_line(article.node_groups[g].label),
                            article.node_groups[g].shape});
    } else {
        rows.push_back({0, theme.text_muted, "concept", NodeShape::Circle});
        rows.push_back({0, theme.text_muted, "entity (size: mentions)", NodeShape::Square});
    }
    if (ctx.state.map.edges != MapEdges::Cooccurrence) rows.push_back({2, ctx.theme.relation_edge, "relation"});
    if (ctx.state.map.edges != MapEdges::Relations)
        rows.push_back({3, ctx.theme.shared_edge, "shared passages"});
    if (const int f = color_facet(ctx.corpus, ctx.state.map); f >= 0) {
        const Facet& facet = article.facets[static_cast<std::size_t>(f)];
        for (std::size_t v = 0; v < facet.values.size(); ++v)
            rows.push_back({4, palette_color(theme, static_cast<int>(v)), visual_line(facet.values[v].label)});
        rows.push_back({4, ctx.theme.no_value, visual_line("no " + facet.label)});
    } else if (!groups) {
        for (int kind = 0; kind < 2; ++kind) {
            int index = 0;
            for (const NodeType& t : article.node_types) {
                if (static_cast<int>(t.kind) != kind) continue;
                rows.push_back({0, palette_color(theme, index++), visual_line(t.label), kind == 0 ? NodeShape::Circle : NodeShape::Square});
            }
        }
    }
    float text_w = 0;
    for (const Row& r : rows) text_w = std::max(text_w, font->CalcTextSizeA(fs, FLT_MAX, 0, r.text.c_str()).x);
    const float w = text_w + 40;
    const float max_h = m.size.y - 16;
    int columns = 1;
    while (columns < 4 && line * static_cast<float>((rows.size() + columns - 1) / columns) + 12 > max_h) ++columns;
    const int per_column = static_cast<int>((rows.size() + columns - 1) / columns);
    const float h = line * static_cast<float>(per_column) + 12;
    const ImVec2 p0(m.origin.x + m.size.x - w * static_cast<float>(columns) - 8, m.origin.y + 8);
    m.legend = ImVec4(p0.x, p0.y, p0.x + w * static_cast<float>(columns), p0.y + h);
    if (!draw) return;
    dl->AddRectFilled(p0, ImVec2(p0.x + w * static_cast<float>(columns), p0.y + h), with_alpha(theme.background, 0.92f),
                      6.0f);
    dl->AddRect(p0, ImVec2(p0.x + w * static_cast<float>(columns), p0.y + h), theme.border, 6.0f);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const float x = p0.x + 10 + w * static_cast<float>(static_cast<int>(i) / per_column);
        const float y = p0.y + 6 + line * static_cast<float>(static_cast<int>(i) % per_column);
        const float cy = y + line * 0.5f - 1;
        MapCache::Drawn d;
        d.x = x + 7;
        d.y = cy;
        d.r = 5;
        switch (r.kind) {
            case 0:
                draw_node_shape(dl, d, r.shape, r.color, 0, 0);
                break;
            case 2:
                dl->AddLine(ImVec2(x, cy), ImVec2(x + 10, cy), r.color, 1.3f);
                dl->AddTriangleFilled(ImVec2(x + 15, cy), ImVec2(x + 9, cy - 3.5f), ImVec2(x + 9, cy + 3.5f), r.color);
                break;
            case 3:
                dl->AddLine(ImVec2(x, cy), ImVec2(x + 15, cy), r.color, 3.0f);
                break;
            default:
                dl->AddRectFilled(ImVec2(x + 2, cy - 5), ImVec2(x + 12, cy + 5), r.color, 2.0f);
                break;
        }
        dl->AddText(font, fs, ImVec2(x + 22, y + 1), theme.text, r.text.c_str());
    }
}

const char* edges_label(MapEdges e) {
    switch (e) {
        case MapEdges::Relations:
            return "Relations";
        case MapEdges::Cooccurrence:
            return "Shared passages";
        case MapEdges::Both:
            return "Both";
    }
    return "";
}

// Starts a group of controls on the current line when `width` (CSS px) still fits there,
// else on the next line (narrow screens); EndGroup() closes it.
// The right edge the groups wrap at (screen x): the canvas's width as it is with the details
// panel open (Layout::steady_width), so a selection never re-wraps the controls.
float g_flow_right = 0;

void begin_flow_group(float width, bool first) {
    if (!first) {
        const float x = ImGui::GetItemRectMax().x + 14;
        if (x + width <= g_flow_right) ImGui::SameLine(0, 14);
    }
    ImGui::BeginGroup();
}

// The viewport `v` (absolute) as a SetMapViewport intent, relative to the fitted view.
intent::SetMapViewport viewport_intent(const MapCache& m, const Viewport& v) {
    MapState rel;
    set_relative_viewport(rel, v, m.reference);
    return {rel.x, rel.y, rel.zoom};
}

// A viewport the user's hand set (drag, wheel, pinch, slider): shown at once, not eased.
void emit_direct(ViewContext& ctx, MapCache& m, const Viewport& v) {
    m.direct_frames = 3;
    ctx.emit(viewport_intent(m, v));
}

// A choice drawn as a combo (the last item): the mirror's radio group `group` and each of
// its radios ("<group>/<choice>") over it, the combo showing the checked one.
void place_choices(ViewContext& ctx, const std::string& group, const std::vector<std::string>& choices) {
    ctx.places.place_item(group);
    for (const std::string& c : choices) ctx.places.place_item(group + "/" + c);
}

void draw_controls(ViewContext& ctx, MapCache& m, MapViewState& view) {
    const MapState& map = ctx.state.map;
    const Article& article = ctx.corpus.article;
    const bool touch = TouchStyle();  // a kiosk: finger-sized controls
    if (!touch) {
        ImGui::PushFont(ctx.fonts.small);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6, 3));
        ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 10.0f);  // slider values stay readable
    }
    // Narrow maps (small embeds, phones) keep one row: the options go into a pop-up.
    const float content = ImGui::GetContentRegionAvail().x;
    const float frame = std::max(0.0f, ImGui::GetWindowWidth() - content);  // padding (no scroll bar here)
    const float steady = ctx.layout.steady_width > 0 ? std::min(content, ctx.layout.steady_width - frame) : content;
    g_flow_right = ImGui::GetCursorScreenPos().x + steady;
    const bool compact = steady < 620.0f;
    auto options = [&](bool first) {
        const bool weights = map.edges != MapEdges::Relations;
        begin_flow_group(weights ? 300.0f : 180.0f, first);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Edges");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(130);
        if (ImGui::BeginCombo("##edges", edges_label(map.edges))) {
            {
                const TouchRows rows;
                for (const MapEdges e : {MapEdges::Relations, MapEdges::Cooccurrence, MapEdges::Both}) {
                    if (ImGui::Selectable(edges_label(e), e == map.edges)) ctx.emit(intent::SetMapEdges{e});
                }
            }
            ImGui::EndCombo();
        }
        // The mirror's radio group and its radios over the combo (it shows the checked one).
        place_choices(ctx, "map/edges", {"relations", "cooccurrence", "both"});
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(
                "Relations: the typed relations the annotation records (arrows).\n"
                "Shared passages: two names mentioned in the same passages.");
        }
        if (weights) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(110);
            int w = map.min_weight;
            if (ImGui::SliderInt("##minw", &w, 1, 10, "min. %d shared") && w != map.min_weight)
                ctx.emit(intent::SetMinWeight{std::clamp(w, 1, 99)});
            ctx.places.place_item("map/min-weight");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show a shared-passages edge only from this many passages on");
        }
        ImGui::EndGroup();

        begin_flow_group(230.0f, false);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Neighbourhood");
        ImGui::SameLine();
        if (ImGui::RadioButton("1 hop", map.depth == 1) && map.depth != 1) ctx.emit(intent::SetDepth{1});
        ctx.places.place_item("map/depth/1");
        ImGui::SameLine();
        if (ImGui::RadioButton("2 hops", map.depth == 2) && map.depth != 2) ctx.emit(intent::SetDepth{2});
        ctx.places.place_item("map/depth/2");
        ImGui::EndGroup();
        ctx.places.place_item("map/depth");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("How far around the selected node the map stays bright");

        // Colours: by node type, or by the values of any facet.
        const int colour = color_facet(ctx.corpus, map);
        const std::string current = colour < 0 ? "type" : article.facets[static_cast<std::size_t>(colour)].label;
        begin_flow_group(ImGui::CalcTextSize("Colour by").x + 150, false);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Colour by");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140);
        if (ImGui::BeginCombo("##colour", current.c_str())) {
            std::optional<TouchRows> rows;
            rows.emplace();
            if (ImGui::Selectable("type", colour < 0) && colour >= 0) ctx.emit(intent::SetColorBy{std::string()});
            for (std::size_t f = 0; f < article.facets.size(); ++f) {
                if (article.facets[f].built_in) continue;  // sections colour nothing: nodes have none
                if (ImGui::Selectable(ImLabel(visual_line(article.facets[f].label)).c_str(), static_cast<int>(f) == colour) &&
                    static_cast<int>(f) != colour)
                    ctx.emit(intent::SetColorBy{article.facets[f].id});
            }
            rows.reset();
            ImGui::EndCombo();
        }
        {
            std::vector<std::string> choices{"type"};
            for (const Facet& f : article.facets)
                if (!f.built_in) choices.push_back(f.id);
            place_choices(ctx, "map/color", choices);
        }
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Colour the nodes by their type, or by a facet's values");

        begin_flow_group(80.0f, false);
        const bool room = m.size.x == 0 || (m.size.x >= kLegendMinW && m.size.y >= kLegendMinH);
        ImGui::BeginDisabled(!room);
        bool shown = view.show_legend && room;
        if (ImGui::Checkbox("Legend", &shown)) view.show_legend = shown;
        ctx.places.place_item("map/legend");
        ImGui::EndDisabled();
        ImGui::EndGroup();
        if (!room && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("The map is too small for its legend here");
    };
    auto actions = [&]() {
        begin_flow_group(200.0f, false);
        if (ImGui::Button("Fit")) ctx.emit(intent::FitMap{});
        ctx.places.place_item("map/fit");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fit the whole map into the view");
        ImGui::SameLine();
        if (ImGui::Button("Re-layout")) ctx.emit(intent::Relayout{});
        ctx.places.place_item("map/relayout");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lay the map out again from new starting places (pinned nodes stay)");
        ImGui::SameLine();
        ImGui::BeginDisabled(map.pins.empty());
        if (ImGui::Button("Unpin all")) ctx.emit(intent::UnpinAll{});
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Dragged nodes stay where they are put; this frees them");
        ImGui::EndGroup();

        begin_flow_group(230.0f, false);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Zoom");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        // In percent of the fitted whole map (100%: the whole map), the value beside the
        // slider, where its grab never covers it.
        const float reference = m.reference.zoom > 0 ? m.reference.zoom : 1.0f;
        float percent = m.zoom / reference * 100.0f;
        if (ImGui::SliderFloat("##zoom", &percent, 20.0f, 800.0f, "", ImGuiSliderFlags_Logarithmic))
            emit_direct(ctx, m, {m.cx, m.cy, std::clamp(percent / 100.0f, kMinMapZoom, kMaxMapZoom) * reference});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("100%%: the whole map; or the mouse wheel over the map");
        ImGui::SameLine(0, 6);
        ImGui::Text("%.0f%%", static_cast<double>(m.zoom / reference * 100.0f));
        ImGui::EndGroup();
    };
    if (compact) {
        if (ImGui::Button("Options")) ImGui::OpenPopup("##map-options");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edges, neighbourhood, colours, legend");
        // The mirror's choices sit over the button that holds them (the pop-up's own places
        // replace these while it is open).
        for (const char* id : {"map/edges", "map/depth", "map/color"}) ctx.places.place_item(id);
        if (ImGui::BeginPopup("##map-options")) {
            options(true);
            ImGui::EndPopup();
        }
        actions();
    } else {
        options(true);
        actions();
    }
    if (!touch) {
        ImGui::PopStyleVar(2);
        ImGui::PopFont();
    }
}

void node_tooltip(ViewContext& ctx, int n) {
    const Article& article = ctx.corpus.article;
    const Node& node = article.nodes[static_cast<std::size_t>(n)];
    ImGui::BeginTooltip();
    ImGui::PushFont(ctx.fonts.bold);
    TextBidi(node.label);
    ImGui::PopFont();
    std::string kind = to_string(node.kind);
    if (node.type >= 0) kind += " \xC2\xB7 " + article.node_types[static_cast<std::size_t>(node.type)].label;
    const int mentions = static_cast<int>(ctx.corpus.node_mentions[static_cast<std::size_t>(n)].size());
    kind += " \xC2\xB7 " + std::to_string(mentions) + (mentions == 1 ? " mention" : " mentions");
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted(kind.c_str());
    if (ctx.derived.node_dimmed(n)) ImGui::TextUnformatted("Not mentioned in the passages shown");
    ImGui::TextUnformatted("Click: select \xC2\xB7 drag: pin");
    ImGui::PopStyleColor();
    ImGui::EndTooltip();
}

void edge_tooltip(ViewContext& ctx, const Edge& e) {
    const Article& article = ctx.corpus.article;
    const std::string& a = article.nodes[static_cast<std::size_t>(e.source)].label;
    const std::string& b = article.nodes[static_cast<std::size_t>(e.target)].label;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    if (e.kind == Edge::Kind::Relation) {
        const Relation& r = article.relations[static_cast<std::size_t>(e.relation)];
        const std::string text = a + " \xE2\x80\x94 " + article.relation_types[static_cast<std::size_t>(r.type)].label +
                                 " \xE2\x80\x94 " + b;
        TextBidi(text);
        if (!r.note.empty()) TextWrappedColored(ctx.theme.text_muted, r.note.c_str());
    } else {
        ImGui::Text("%s and %s", a.c_str(), b.c_str());
        TextMuted(ctx.theme, "mentioned together in %d passage%s", e.weight, e.weight == 1 ? "" : "s");
    }
    TextMuted(ctx.theme, "Click for the evidence");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

bool map_animating(const MapViewState& map) {
    if (!map.cache) return false;
    const MapCache& m = *map.cache;
    return m.fling.coasting || !m.layout.ready() || m.tween_start >= 0 || m.live != nullptr || m.drag_node >= 0 ||
           m.cam_start >= 0;
}

void map_rect(const MapViewState& map, float& x, float& y, float& w, float& h) {
    x = y = w = h = 0;
    if (!map.cache) return;
    x = map.cache->origin.x;
    y = map.cache->origin.y;
    w = map.cache->size.x;
    h = map.cache->size.y;
}

std::string map_nodes_json(const MapViewState& map, const Corpus& corpus, float scale) {
    nlohmann::json out = nlohmann::json::array();
    if (!map.cache) return out.dump();
    const MapCache& m = *map.cache;
    for (std::size_t i = 0; i < m.drawn.size() && i < corpus.article.nodes.size(); ++i) {
        const MapCache::Drawn& d = m.drawn[i];
        out.push_back({{"id", corpus.article.nodes[i].id},
                       {"label", corpus.article.nodes[i].label},
                       {"x", d.x * scale},
                       {"y", d.y * scale},
                       {"r", d.r * scale},
                       {"visible", d.visible},
                       {"dimmed", d.dimmed},
                       {"labelled", d.label},
                       // The label as drawn (shortened: its start and an ellipsis) and its
                       // box (the halo), CSS px; null when the node has no label.
                       {"label_text", d.label ? nlohmann::json(d.label_text) : nlohmann::json(nullptr)},
                       {"label_box", d.label ? nlohmann::json{{"x", (d.label_pos.x - 2) * scale},
                                                              {"y", d.label_pos.y * scale},
                                                              {"w", (d.label_w + 4) * scale},
                                                              {"h", d.label_h * scale}}
                                             : nlohmann::json(nullptr)}});
    }
    return out.dump();
}

std::string map_svg_text(const ViewContext& ctx, MapViewState& map) {
    const Corpus& corpus = ctx.corpus;
    const Theme& theme = ctx.theme;
    const bool fresh = !map.cache || map.cache->size.x <= 0;
    MapCache& m = cache_for(map, corpus);
    if (fresh) {  // never drawn: the finished layout, fitted into 1000 x 700
        m.layout.request(layout_key(ctx.state.map));
        m.layout.finish();
        update_positions(m, ctx.state.map, ctx.time + kTweenSeconds, true);
    }
    const ImVec2 origin = fresh ? ImVec2(0, 0) : m.origin;
    const ImVec2 size = fresh ? ImVec2(1000, 700) : m.size;
    compute_frame(m, ctx, origin, size, -1, false);
    if (fresh) m.size = ImVec2(0, 0);  // not drawn on screen yet

    const Article& article = corpus.article;
    auto rgb = [](ImU32 c) { return ((c & 0xFF) << 16) | (c & 0xFF00) | ((c >> 16) & 0xFF); };
    SvgMap svg;
    svg.width = size.x;
    svg.height = size.y;
    svg.background = rgb(theme.background);
    svg.title = article.meta.title + " \xE2\x80\x94 concept map";
    // Under the map: what it is and where it comes from (the article's citation, its source).
    svg.text_color = rgb(theme.text);
    svg.muted_color = rgb(theme.text_muted);
    svg.caption = article.meta.title;
    Meta credit = article.meta;
    credit.title.clear();  // the caption says it
    svg.credit = work_citation(credit);
    svg.credit += (svg.credit.empty() ? "" : " \xC2\xB7 ") + std::string("concept map, Win-Win Explorer");
    if (!article.meta.source.empty()) svg.credit += "\n" + article.meta.source;
    for (std::size_t i = 0; i < m.drawn.size(); ++i) {
        const MapCache::Drawn& d = m.drawn[i];
        SvgMap::Node node;
        node.x = d.x - origin.x;
        node.y = d.y - origin.y;
        node.radius = d.r;
        node.fill = rgb(d.color);
        node.shape = node_shape(article, static_cast<int>(i));
        node.square = node.shape == NodeShape::Square;
        node.opacity = d.alpha;
        if (d.label) {  // where the screen has it
            node.label = d.label_text == m.node_text[i] ? article.nodes[i].label : d.label_text;
            node.label_placed = true;
            node.label_x = d.label_pos.x - origin.x;
            node.label_y = d.label_pos.y - origin.y;
            node.label_size = ctx.fonts.small ? font_px(ctx.fonts.small) : 12.0f;
        }
        svg.nodes.push_back(std::move(node));
    }
    for (std::size_t k = 0; k < m.edges().size(); ++k) {
        const Edge& e = m.edges()[k];
        SvgMap::Edge edge;
        edge.source = e.source;
        edge.target = e.target;
        edge.width = edge_width(e);
        edge.color = rgb(edge_selected(article, ctx.state.selection, e) ? theme.accent : edge_color(theme, e));
        edge.opacity = edge_bright(m, e) ? 1.0f : 0.25f;
        edge.directed = e.kind == Edge::Kind::Relation;
        for (const MapCache::EdgeLabel& l : m.edge_labels) {
            if (l.edge == static_cast<int>(k)) {
                edge.label = article
                                 .relation_types[static_cast<std::size_t>(
                                     article.relations[static_cast<std::size_t>(e.relation)].type)]
                                 .label;
            }
        }
        svg.edges.push_back(std::move(edge));
    }
    return map_svg(svg);
}

void draw_map(ViewContext& ctx, MapViewState& view) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    const MapState& map = ctx.state.map;
    MapCache& m = cache_for(view, ctx.corpus);
    const bool still = ctx.core.reduced_motion();
    if (still) m.fling.stop();
    update_positions(m, map, ctx.time, still);
    draw_controls(ctx, m, view);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImGui::InvisibleButton("##mapcanvas", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), theme.surface, 6.0f);
    // Its edge, seen in every theme (the high-contrast surface is as black as the page).
    dl->AddRect(ImVec2(origin.x + 0.5f, origin.y + 0.5f), ImVec2(origin.x + size.x - 0.5f, origin.y + size.y - 0.5f),
                theme.outline, 6.0f, 0, 1.5f);

    // Hover (from the last drawing's positions).
    int hovered_node = -1;
    int hovered_edge = -1;
    if (hovered && !m.drawn.empty() && m.size.x > 0) {
        hovered_node = hit_node(m, io.MousePos);
        if (hovered_node < 0) hovered_edge = hit_edge(m, io.MousePos);
    }
    if (m.drag_node >= 0) hovered_node = m.drag_node;
    const float mid_x = origin.x + size.x * 0.5f, mid_y = origin.y + size.y * 0.5f;
    auto to_layout = [&](ImVec2 p) { return ImVec2(m.cx + (p.x - mid_x) / m.zoom, m.cy + (p.y - mid_y) / m.zoom); };

    // Press / drag / release.
    const bool pinch_guard = ctx.time < ctx.pinch_until;
    if (ImGui::IsItemActivated()) {
        m.fling.stop();
        m.drag_node = static_cast<int>(m.px.size()) == m.layout.node_count() ? hovered_node : -1;
        m.press_edge = hovered_edge;
        m.panning = m.drag_node < 0;
        m.moved = false;
    }
    const bool was_moved = m.moved;
    if (active && (ImGui::IsMouseDragging(0, 3.0f) || pinch_guard)) m.moved = true;
    if (active && m.moved) {
        if (m.drag_node >= 0) {
            if (!was_moved) {
                start_live_drag(m, ctx.corpus, map, m.drag_node);
                if (map.zoom <= 0) emit_direct(ctx, m, {m.cx, m.cy, m.zoom});  // freeze the fit
            }
            const ImVec2 at = to_layout(io.MousePos);
            if (m.live) {
                m.live->pin(m.drag_node, at.x, at.y);
                m.live->reheat(std::max(m.live->alpha(), 0.25f));
            }
        } else if (m.panning) {
            m.fling.track(io.MouseDelta, io.DeltaTime);
            if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)
                emit_direct(ctx, m, {m.cx - io.MouseDelta.x / m.zoom, m.cy - io.MouseDelta.y / m.zoom, m.zoom});
        }
    }
    if (m.fling.coasting && !active) {
        const ImVec2 d = m.fling.step(io.DeltaTime);
        emit_direct(ctx, m, {m.cx - d.x / m.zoom, m.cy - d.y / m.zoom, m.zoom});
    }
    if (ImGui::IsItemDeactivated()) {
        if (m.panning && m.moved && !pinch_guard && !still) m.fling.release();
        if (m.drag_node >= 0 && m.moved && m.live) {
            // The pin goes into the state; the live picture stays until its layout is done.
            const ImVec2 at = to_layout(io.MousePos);
            const std::string& id = article.nodes[static_cast<std::size_t>(m.drag_node)].id;
            ctx.emit(intent::PinNode{id, at.x, at.y});
            MapState pinned = map;
            pinned.pins[id] = rounded_pin(at.x, at.y);
            m.live_waits_for = layout_key(pinned);
            m.live_released = true;
            m.live_wait_frames = 0;
        } else if (!m.moved && !pinch_guard) {  // a tap, not the first finger of a pinch
            if (m.drag_node >= 0) {
                const bool again = selected_node(ctx.corpus, ctx.state) == m.drag_node;
                select_node(ctx, again ? -1 : m.drag_node);
            } else if (m.press_edge >= 0) {
                const Selection sel = edge_selection(article, m.edges()[static_cast<std::size_t>(m.press_edge)]);
                ctx.emit(intent::Select{sel == ctx.state.selection ? Selection{} : sel});
            } else {
                select_node(ctx, -1);
            }
        }
        m.drag_node = -1;
        m.panning = false;
        m.press_edge = -1;
    }
    // Wheel or pinch: zoom about the pointer or the fingers' centre.
    const ImVec2 pc(ctx.input.pinch_x, ctx.input.pinch_y);
    const bool pinched = ctx.input.pinch_scale != 1.0f && pc.x >= origin.x && pc.y >= origin.y &&
                         pc.x <= origin.x + size.x && pc.y <= origin.y + size.y;
    if ((hovered && io.MouseWheel != 0.0f) || pinched) {
        const float factor = pinched ? ctx.input.pinch_scale : std::pow(1.2f, io.MouseWheel);
        const ImVec2 at = pinched ? pc : io.MousePos;
        const float zoom = std::clamp(m.zoom * factor, kMinZoom, kMaxZoom);
        const ImVec2 l = to_layout(at);
        emit_direct(ctx, m, {l.x - (at.x - mid_x) / zoom, l.y - (at.y - mid_y) / zoom, zoom});
    }

    // A new selection outside the picture (the map was zoomed or panned by hand): the
    // camera goes to it and its neighbourhood (eased).
    if (!(ctx.state.selection == m.last_selection)) {
        m.last_selection = ctx.state.selection;
        const int sel = selected_node(ctx.corpus, ctx.state);
        if (map.zoom > 0 && sel >= 0 && static_cast<std::size_t>(sel) < m.drawn.size()) {
            const MapCache::Drawn& d = m.drawn[static_cast<std::size_t>(sel)];
            const float margin = 60.0f;
            if (d.x < origin.x + margin || d.x > origin.x + size.x - margin || d.y < origin.y + margin ||
                d.y > origin.y + size.y - margin)
                ctx.emit(intent::FitMap{});
        }
    }
    m.origin = origin;
    m.size = size;
    m.legend = ImVec4(0, 0, 0, 0);
    // The legend only where it leaves room for the map (hidden on small canvases).
    const bool legend = view.show_legend && size.x >= kLegendMinW && size.y >= kLegendMinH;
    if (legend) draw_legend(ctx, m, false);
    compute_frame(m, ctx, origin, size, hovered_node, true);
    if (m.direct_frames > 0) --m.direct_frames;
    if (m.drawn.size() != article.nodes.size()) {  // nothing laid out yet (reduced motion: still running)
        if (!article.nodes.empty() && ctx.fonts.small)
            dl->AddText(ctx.fonts.small, font_px(ctx.fonts.small), ImVec2(origin.x + 12, origin.y + 10), theme.text_muted,
                        "Laying out the map\xE2\x80\xA6");
        dl->PopClipRect();
        return;
    }

    draw_edges(dl, m, theme, hovered_edge, article, ctx.state.selection);
    // Nodes: dimmed first, then bright; rings for the hovered passage's nodes, the hovered
    // node and the selection.
    std::vector<char> in_hovered_passage(article.nodes.size(), 0);
    if (ctx.brush.passage >= 0) {
        for (const Mention& mention : ctx.corpus.mentions[static_cast<std::size_t>(ctx.brush.passage)]) {
            in_hovered_passage[static_cast<std::size_t>(mention.node)] = 1;
        }
    }
    const int selected = selected_node(ctx.corpus, ctx.state);
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < m.drawn.size(); ++i) {
            const MapCache::Drawn& d = m.drawn[i];
            if (!d.visible || d.dimmed != (pass == 0)) continue;
            const NodeShape shape = node_shape(article, static_cast<int>(i));
            // A faded node keeps a visible outline (3:1): it is still there and clickable.
            float ring = 1.0f;
            ImU32 outline = d.dimmed ? theme.outline : theme.surface;
            if (in_hovered_passage[i]) {
                ring = 3.0f;
                outline = theme.hit_line;
            }
            if (static_cast<int>(i) == hovered_node) {
                ring = 2.5f;
                outline = theme.accent;
            }
            if (static_cast<int>(i) == selected) {
                ring = 3.0f;
                outline = theme.text;
            }
            draw_node_shape(dl, d, shape, with_alpha(d.color, d.alpha), outline, ring);
            ctx.places.place("map/node/" + article.nodes[i].id + "/select", ImVec2(d.x - d.r, d.y - d.r),
                             ImVec2(d.x + d.r, d.y + d.r));
            if (map.pins.count(article.nodes[i].id)) {
                dl->AddCircleFilled(ImVec2(d.x + d.r * 0.7f, d.y - d.r * 0.7f), 2.5f, theme.text, 8);
            }
        }
    }
    // Labels with a halo so they read over edges.
    ImFont* font = ctx.fonts.small;
    for (std::size_t i = 0; i < m.drawn.size(); ++i) {
        const MapCache::Drawn& d = m.drawn[i];
        if (!d.label) continue;
        const std::string& text = d.label_text;
        const ImVec2 ts(d.label_w, label_size(ctx.fonts, text).y);
        const bool strong = static_cast<int>(i) == selected || static_cast<int>(i) == hovered_node;
        // An opaque halo: the label reads at its full contrast over edges; a dimmed node's
        // label is quieter (text_dimmed) but still 4.5:1, as it can still be clicked.
        dl->AddRectFilled(ImVec2(d.label_pos.x - 2, d.label_pos.y),
                          ImVec2(d.label_pos.x + ts.x + 2, d.label_pos.y + ts.y), theme.surface, 3.0f);
        dl->AddText(strong ? ctx.fonts.bold : font, font_px(font), d.label_pos,
                    d.dimmed ? theme.text_dimmed : theme.text, text.c_str());
    }
    for (const MapCache::EdgeLabel& l : m.edge_labels) {
        const Edge& e = m.edges()[static_cast<std::size_t>(l.edge)];
        const std::string& text =
            m.relation_text[static_cast<std::size_t>(article.relations[static_cast<std::size_t>(e.relation)].type)];
        const ImVec2 ts = label_size(ctx.fonts, text);
        dl->AddRectFilled(ImVec2(l.pos.x - 3, l.pos.y), ImVec2(l.pos.x + ts.x + 3, l.pos.y + ts.y), theme.chip_bg,
                          4.0f);
        dl->AddText(font, font_px(font), l.pos, theme.chip_text, text.c_str());
    }
    if (legend) draw_legend(ctx, m, true);
    // Hint line at the bottom left.
    {
        const bool touch = TouchStyle();
        const char* hint = map_hint(touch, selected >= 0);  // describe.hpp
        dl->AddText(font, font_px(font), ImVec2(origin.x + 10, origin.y + size.y - font_px(font) - 8), theme.text_muted,
                    hint);
    }
    dl->PopClipRect();

    if (hovered_node >= 0 && m.drag_node < 0) {
        node_tooltip(ctx, hovered_node);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    } else if (hovered_edge >= 0 && !active) {
        edge_tooltip(ctx, m.edges()[static_cast<std::size_t>(hovered_edge)]);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    } else if (active && m.moved) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
}

}  // namespace wwe::ui
