// C entry points of the core's ForceLayout for the benchmark (bench/layout.mjs loads them
// as WebAssembly under Node). Not part of the app.
#include <cstdint>
#include <utility>
#include <vector>

#include "core/layout.hpp"

extern "C" {

// `edges` holds 2·m node indices (source, target, ...). Returns a handle.
wwe::ForceLayout* wwe_layout_create(int n, const std::int32_t* edges, int m, std::uint32_t seed) {
    std::vector<std::pair<int, int>> list(static_cast<std::size_t>(m));
    for (int k = 0; k < m; ++k) list[k] = {edges[2 * k], edges[2 * k + 1]};
    wwe::LayoutParams params;
    params.seed = seed;
    return new wwe::ForceLayout(n, list, params);
}

int wwe_layout_tick(wwe::ForceLayout* layout, int ticks) { return layout->tick(ticks); }
void wwe_layout_reheat(wwe::ForceLayout* layout) { layout->reheat(1.0f); }
const float* wwe_layout_x(wwe::ForceLayout* layout) { return layout->x().data(); }
const float* wwe_layout_y(wwe::ForceLayout* layout) { return layout->y().data(); }
void wwe_layout_destroy(wwe::ForceLayout* layout) { delete layout; }
}
