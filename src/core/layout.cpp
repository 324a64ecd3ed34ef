#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wwe {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): small, fast, good enough for placement.
std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

float uniform(std::uint64_t& state) { return static_cast<float>(splitmix(state) >> 40) / static_cast<float>(1ull << 24); }

// Spreads the 16 low bits of v to the even bits of the result.
std::uint32_t spread(std::uint32_t v) {
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
}

constexpr int kLevels = 16;  // Morton code bits per axis

}  // namespace

ForceLayout::ForceLayout(int node_count, const std::vector<std::pair<int, int>>& edges, const LayoutParams& params)
    : params_(params), n_(std::max(0, node_count)) {
    x_.resize(n_);
    y_.resize(n_);
    vx_.assign(n_, 0.0f);
    vy_.assign(n_, 0.0f);
    pinned_.assign(n_, 0);
    pin_x_.assign(n_, 0.0f);
    pin_y_.assign(n_, 0.0f);
    std::vector<int> degree(n_, 0);
    for (auto [s, t] : edges) {
        if (s < 0 || t < 0 || s >= n_ || t >= n_ || s == t) continue;
        link_s_.push_back(static_cast<std::uint32_t>(s));
        link_t_.push_back(static_cast<std::uint32_t>(t));
        ++degree[s];
        ++degree[t];
    }
    for (std::size_t k = 0; k < link_s_.size(); ++k) {
        float ds = static_cast<float>(degree[link_s_[k]]), dt = static_cast<float>(degree[link_t_[k]]);
        link_strength_.push_back(1.0f / std::min(ds, dt));
        link_bias_.push_back(ds / (ds + dt));
    }
    params_.theta = std::max(0.0f, params_.theta);
    params_.leaf_size = std::max(1, params_.leaf_size);
    place(params_.seed);
}

void ForceLayout::place(std::uint64_t seed) {
    rng_ = seed;
    // Uniform in a disc of radius 10·sqrt(n): d3's initial density.
    const float radius = 10.0f * std::sqrt(static_cast<float>(std::max(1, n_)));
    for (int i = 0; i < n_; ++i) {
        float r = radius * std::sqrt(uniform(rng_));
        float a = 2.0f * std::numbers::pi_v<float> * uniform(rng_);
        x_[i] = pinned_[i] ? pin_x_[i] : r * std::cos(a);
        y_[i] = pinned_[i] ? pin_y_[i] : r * std::sin(a);
        vx_[i] = vy_[i] = 0.0f;
    }
    alpha_ = 1.0f;
}

void ForceLayout::restart(std::uint64_t seed) { place(seed); }

void ForceLayout::pin(int node, float x, float y) {
    if (node < 0 || node >= n_ || !std::isfinite(x) || !std::isfinite(y)) return;
    pinned_[node] = 1;
    pin_x_[node] = x_[node] = x;
    pin_y_[node] = y_[node] = y;
    vx_[node] = vy_[node] = 0.0f;
}

void ForceLayout::unpin(int node) {
    if (node >= 0 && node < n_) pinned_[node] = 0;
}

double ForceLayout::kinetic_energy() const {
    double e = 0;
    for (int i = 0; i < n_; ++i) e += static_cast<double>(vx_[i]) * vx_[i] + static_cast<double>(vy_[i]) * vy_[i];
    return e;
}

float ForceLayout::jiggle() { return (uniform(rng_) - 0.5f) * 1e-6f; }

int ForceLayout::tick(int max_ticks) {
    int done = 0;
    const float keep = 1.0f - params_.velocity_decay;
    while (done < max_ticks && !converged()) {
        alpha_ += (0.0f - alpha_) * params_.alpha_decay;
        apply_links();
        apply_many_body();
        const float g = params_.gravity * alpha_;
        for (int i = 0; i < n_; ++i) {
            if (pinned_[i]) {
                x_[i] = pin_x_[i];
                y_[i] = pin_y_[i];
                vx_[i] = vy_[i] = 0.0f;
                continue;
            }
            vx_[i] = (vx_[i] - x_[i] * g) * keep;
            vy_[i] = (vy_[i] - y_[i] * g) * keep;
            x_[i] += vx_[i];
            y_[i] += vy_[i];
        }
        ++done;
    }
    return done;
}

void ForceLayout::apply_links() {
    const float distance = params_.link_distance;
    for (std::size_t k = 0; k < link_s_.size(); ++k) {
        const std::uint32_t s = link_s_[k], t = link_t_[k];
        float dx = x_[t] + vx_[t] - x_[s] - vx_[s];
        float dy = y_[t] + vy_[t] - y_[s] - vy_[s];
        if (dx == 0.0f) dx = jiggle();
        if (dy == 0.0f) dy = jiggle();
        float l = std::sqrt(dx * dx + dy * dy);
        l = (l - distance) / l * alpha_ * link_strength_[k];
        dx *= l;
        dy *= l;
        const float b = link_bias_[k];
        vx_[t] -= dx * b;
        vy_[t] -= dy * b;
        vx_[s] += dx * (1.0f - b);
        vy_[s] += dy * (1.0f - b);
    }
}

void ForceLayout::build_tree() {
    const std::uint32_t n = static_cast<std::uint32_t>(n_);
    float x0 = x_[0], x1 = x_[0], y0 = y_[0], y1 = y_[0];
    for (std::uint32_t i = 1; i < n; ++i) {
        x0 = std::min(x0, x_[i]);
        x1 = std::max(x1, x_[i]);
        y0 = std::min(y0, y_[i]);
        y1 = std::max(y1, y_[i]);
    }
    float width = std::max({x1 - x0, y1 - y0, 1e-3f}) * 1.0001f;
    root_x_ = x0;
    root_y_ = y0;
    const float scale = static_cast<float>((1u << kLevels) - 1) / width;

    code_.resize(n);
    order_.resize(n);
    code_tmp_.resize(n);
    order_tmp_.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        auto qx = static_cast<std::uint32_t>((x_[i] - x0) * scale);
        auto qy = static_cast<std::uint32_t>((y_[i] - y0) * scale);
        code_[i] = spread(qx) | (spread(qy) << 1);
        order_[i] = i;
    }
    // LSD radix sort on the 32-bit codes, 8 bits a pass, stable, carrying node indices.
    for (int shift = 0; shift < 32; shift += 8) {
        std::uint32_t count[257] = {};
        for (std::uint32_t i = 0; i < n; ++i) ++count[((code_[i] >> shift) & 0xFF) + 1];
        if (count[1] == n) continue;  // every key has the same byte: nothing to move
        for (int b = 0; b < 256; ++b) count[b + 1] += count[b];
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t dst = count[(code_[i] >> shift) & 0xFF]++;
            code_tmp_[dst] = code_[i];
            order_tmp_[dst] = order_[i];
        }
        code_.swap(code_tmp_);
        order_.swap(order_tmp_);
    }
    sx_.resize(n);
    sy_.resize(n);
    prefix_x_.resize(n + 1);
    prefix_y_.resize(n + 1);
    prefix_x_[0] = prefix_y_[0] = 0.0;
    for (std::uint32_t k = 0; k < n; ++k) {
        sx_[k] = x_[order_[k]];
        sy_[k] = y_[order_[k]];
        prefix_x_[k + 1] = prefix_x_[k] + sx_[k];
        prefix_y_[k + 1] = prefix_y_[k] + sy_[k];
    }
    cells_.clear();
    build_cell(0, n, 0, width);
}

std::uint32_t ForceLayout::build_cell(std::uint32_t lo, std::uint32_t hi, int level, float width) {
    const std::uint32_t index = static_cast<std::uint32_t>(cells_.size());
    const double count = static_cast<double>(hi - lo);
    Cell cell;
    cell.cx = static_cast<float>((prefix_x_[hi] - prefix_x_[lo]) / count);
    cell.cy = static_cast<float>((prefix_y_[hi] - prefix_y_[lo]) / count);
    const float w_over_theta = params_.theta > 0.0f ? width / params_.theta : INFINITY;
    cell.far2 = w_over_theta * w_over_theta;
    cell.charge = params_.charge * static_cast<float>(hi - lo);
    cell.lo = lo;
    cell.hi = hi;
    cell.leaf = (hi - lo <= static_cast<std::uint32_t>(params_.leaf_size) || level >= kLevels) ? 1u : 0u;
    cells_.push_back(cell);
    if (!cell.leaf) {
        // The two code bits of this level split [lo, hi) into up to four sorted runs.
        const int shift = 2 * (kLevels - 1 - level);
        std::uint32_t begin = lo;
        for (std::uint32_t quadrant = 0; quadrant < 4 && begin < hi; ++quadrant) {
            auto end = static_cast<std::uint32_t>(
                std::partition_point(code_.begin() + begin, code_.begin() + hi,
                                     [&](std::uint32_t c) { return ((c >> shift) & 3u) <= quadrant; }) -
                code_.begin());
            if (end > begin) build_cell(begin, end, level + 1, width * 0.5f);
            begin = end;
        }
    }
    cells_[index].skip = static_cast<std::uint32_t>(cells_.size());
    return index;
}

void ForceLayout::apply_many_body() {
    if (n_ < 2 || params_.charge == 0.0f) return;
    build_tree();
    const float dmin2 = params_.distance_min * params_.distance_min;
    const float charge = params_.charge;
    const std::uint32_t ncells = static_cast<std::uint32_t>(cells_.size());
    const Cell* cells = cells_.data();
    const float* sx = sx_.data();
    const float* sy = sy_.data();
    const std::uint32_t n = static_cast<std::uint32_t>(n_);
    for (std::uint32_t k = 0; k < n; ++k) {
        const float px = sx[k], py = sy[k];
        float fx = 0.0f, fy = 0.0f;
        std::uint32_t c = 0;
        while (c < ncells) {
            const Cell& cell = cells[c];
            float dx = cell.cx - px, dy = cell.cy - py;
            float d2 = dx * dx + dy * dy;
            if (cell.far2 < d2) {  // far enough: the cell acts as one body
                if (d2 < dmin2) d2 = std::sqrt(dmin2 * d2);
                fx += dx * cell.charge / d2;
                fy += dy * cell.charge / d2;
                c = cell.skip;
            } else if (cell.leaf) {  // near leaf: every pair
                for (std::uint32_t j = cell.lo; j < cell.hi; ++j) {
                    if (j == k) continue;
                    float ex = sx[j] - px, ey = sy[j] - py;
                    if (ex == 0.0f && ey == 0.0f) {
                        ex = jiggle();
                        ey = jiggle();
                    }
                    float e2 = ex * ex + ey * ey;
                    if (e2 < dmin2) e2 = std::sqrt(dmin2 * e2);
                    fx += ex * charge / e2;
                    fy += ey * charge / e2;
                }
                c = cell.skip;
            } else {
                c = c + 1;  // open the cell: its first child follows it
            }
        }
        const std::uint32_t i = order_[k];
        vx_[i] += fx * alpha_;
        vy_[i] += fy * alpha_;
    }
}

}  // namespace wwe
