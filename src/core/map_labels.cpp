#include "map_labels.hpp"

#include <algorithm>
#include <iterator>

#include "script.hpp"

namespace wwe {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Byte offsets where each UTF-8 character of `text` starts, and text.size() at the end.
std::vector<std::size_t> char_starts(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!continuation(text[i])) out.push_back(i);
    out.push_back(text.size());
    return out;
}

double priority(const LabelNode& n) {
    double p = static_cast<double>(n.mentions) + 0.5 * static_cast<double>(n.degree);
    if (!n.faded) p += 1e4;
    if (n.in_focus) p += 1e5;
    if (n.source) p += 1e6;
    if (n.hovered) p += 1e7;
    if (n.selected) p += 1e8;
    return p;
}

}  // namespace

std::size_t label_chars(std::string_view text) {
    return char_starts(text).size() - 1;
}

std::string label_start(std::string_view text, std::size_t chars) {
    const std::vector<std::size_t> starts = char_starts(text);
    return std::string(text.substr(0, starts[std::min(chars, starts.size() - 1)]));
}

std::string shorten_label(std::string_view text, float max_width, std::size_t min_chars, const MeasureText& measure) {
    if (measure(text) <= max_width) return std::string(text);
    const std::vector<std::size_t> starts = char_starts(text);
    const std::size_t chars = starts.size() - 1;
    if (chars <= min_chars) return std::string(text);
    // A right-to-left label (drawn in visual order) keeps its end: its logical start.
    const bool rtl = paragraph_is_rtl(text);
    auto candidate = [&](std::size_t keep) {
        if (rtl) return std::string(kEllipsis) + std::string(text.substr(starts[chars - keep]));
        std::string_view head = text.substr(0, starts[keep]);
        while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == '-')) head.remove_suffix(1);
        return std::string(head) + std::string(kEllipsis);
    };
    // The longest start that fits (widths grow with the characters kept: a binary search).
    std::size_t lo = min_chars, hi = chars - 1;
    if (measure(candidate(lo)) > max_width) return candidate(lo);
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (measure(candidate(mid)) <= max_width) lo = mid;
        else hi = mid - 1;
    }
    // Cut after a whole word where that keeps more than half of what fits.
    if (!rtl) {
        for (std::size_t k = lo; k >= min_chars && k * 2 > lo; --k) {
            if (text[starts[k]] == ' ') return candidate(k);
        }
    }
    return candidate(lo);
}

std::vector<char> label_must(const std::vector<LabelNode>& nodes, const LabelParams& params) {
    const std::size_t n = nodes.size();
    std::vector<char> must(n, 0);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i)
        if (nodes[i].visible) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return priority(nodes[a]) > priority(nodes[b]); });
    for (std::size_t k = 0; k < order.size(); ++k) {
        const LabelNode& node = nodes[order[k]];
        if (k < static_cast<std::size_t>(std::max(0, params.always)) || node.selected || node.hovered || node.source)
            must[order[k]] = 1;
    }
    std::vector<std::size_t> by_mentions;
    for (const std::size_t i : order)
        if (!nodes[i].faded) by_mentions.push_back(i);
    std::stable_sort(by_mentions.begin(), by_mentions.end(), [&](std::size_t a, std::size_t b) {
        if (nodes[a].mentions != nodes[b].mentions) return nodes[a].mentions > nodes[b].mentions;
        return nodes[a].degree > nodes[b].degree;
    });
    std::size_t top = std::min(by_mentions.size(), static_cast<std::size_t>(std::max(0, params.always_by_mentions)));
    // A tie at the cut is not broken by links: the nodes mentioned as often as the last one
    // kept are kept too (twice as many at most; never a tie of single mentions).
    if (top > 0) {
        const int last = nodes[by_mentions[top - 1]].mentions;
        const std::size_t cap = std::min(by_mentions.size(), 2 * top);
        while (last >= 2 && top < cap && nodes[by_mentions[top]].mentions == last) ++top;
    }
    for (std::size_t k = 0; k < top; ++k) must[by_mentions[k]] = 1;
    return must;
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelNode>& nodes, const LabelParams& params,
                                      const MeasureText& measure) {
    const std::size_t n = nodes.size();
    std::vector<PlacedLabel> out(n);
    const std::vector<char> must = label_must(nodes, params);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i) {
        out[i].must = must[i] != 0;
        out[i].pad = params.pad;
        out[i].height = params.height;
        if (nodes[i].visible) order.push_back(i);
    }
    // Must labels first, each group in priority order.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (must[a] != must[b]) return must[a] > must[b];
        return priority(nodes[a]) > priority(nodes[b]);
    });

    const float h = params.height, pad = params.pad;
    const LabelRect& canvas = params.canvas;
    std::vector<LabelRect> labels;  // placed so far
    labels.reserve(order.size());
    auto node_box = [&](std::size_t i) {
        const LabelNode& d = nodes[i];
        return LabelRect{d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r};
    };
    auto box_at = [&](float x, float y, float w) { return LabelRect{x - pad, y, x + w + pad, y + h}; };
    // 0: free of labels, reserved boxes and other nodes (a bright label may cover faded
    // nodes); 1: free of labels and reserved boxes; 2: inside the canvas only.
    auto free_at = [&](std::size_t self, const LabelRect& box, int pass) {
        if (!box.inside(canvas)) return false;
        if (pass >= 2) return true;
        for (const LabelRect& r : params.reserved)
            if (box.overlaps(r)) return false;
        for (const LabelRect& r : labels)
            if (box.overlaps(r)) return false;
        if (pass == 1) return true;
        const bool bright = !nodes[self].faded;
        for (const std::size_t j : order) {
            if (j == self || (bright && nodes[j].faded)) continue;
            if (box.overlaps(node_box(j))) return false;
        }
        return true;
    };
    auto clamp_x = [&](float x, float w) { return std::clamp(x, canvas.x0 + pad, std::max(canvas.x0 + pad, canvas.x1 - pad - w)); };
    auto clamp_y = [&](float y) { return std::clamp(y, canvas.y0, std::max(canvas.y0, canvas.y1 - h)); };
    // Beside the node: right, left, above, below, the diagonals; for must labels also above
    // and below kept inside the canvas, then further out.
    auto near_places = [&](const LabelNode& d, float w, bool all) {
        const float diag = d.r * 0.7f;
        std::vector<std::pair<float, float>> c = {
            {d.x + d.r + 4, d.y - h * 0.5f},           // right
            {d.x - d.r - 4 - w, d.y - h * 0.5f},       // left
            {d.x - w * 0.5f, d.y - d.r - 2 - h},       // above
            {d.x - w * 0.5f, d.y + d.r + 2},           // below
            {d.x + diag + 2, d.y - diag - h},          // above right
            {d.x + diag + 2, d.y + diag},              // below right
            {d.x - diag - 2 - w, d.y - diag - h},      // above left
            {d.x - diag - 2 - w, d.y + diag},          // below left
        };
        if (all) {
            c.push_back({clamp_x(d.x - w * 0.5f, w), d.y - d.r - 2 - h});
            c.push_back({clamp_x(d.x - w * 0.5f, w), d.y + d.r + 2});
            c.push_back({clamp_x(d.x + d.r + 4, w), clamp_y(d.y - h * 0.5f)});
        }
        return c;
    };
    auto far_places = [&](const LabelNode& d, float w) {
        std::vector<std::pair<float, float>> c;
        for (int k = 1; k <= 2; ++k) {
            const float step = h * static_cast<float>(k);
            c.push_back({clamp_x(d.x - w * 0.5f, w), d.y - d.r - 2 - h - step});
            c.push_back({clamp_x(d.x - w * 0.5f, w), d.y + d.r + 2 + step});
            c.push_back({d.x + d.r + 4, d.y - h * 0.5f - step});
            c.push_back({d.x + d.r + 4, d.y - h * 0.5f + step});
            c.push_back({d.x - d.r - 4 - w, d.y - h * 0.5f - step});
            c.push_back({d.x - d.r - 4 - w, d.y - h * 0.5f + step});
        }
        return c;
    };

    for (const std::size_t i : order) {
        const LabelNode& d = nodes[i];
        PlacedLabel& p = out[i];
        auto take = [&](const std::string& text, float w, float x, float y) {
            p.shown = true;
            p.shortened = text != d.text;
            p.text = text;
            p.width = w;
            p.x = x;
            p.y = y;
            labels.push_back(box_at(x, y, w));
        };
        auto try_places = [&](const std::vector<std::pair<float, float>>& places, const std::string& text, float w,
                              int pass) {
            for (const auto& [x, y] : places) {
                if (!free_at(i, box_at(x, y, w), pass)) continue;
                take(text, w, x, y);
                return true;
            }
            return false;
        };
        const float full = measure(d.text);
        if (!must[i]) {
            try_places(near_places(d, full, false), d.text, full, 0);
            continue;
        }
        // The label whole, then shorter starts of it (never wider than the canvas).
        std::vector<std::pair<std::string, float>> variants;
        auto add_variant = [&](float max_w) {
            std::string t = shorten_label(d.text, max_w, params.min_chars, measure);
            const float w = measure(t);
            for (const auto& v : variants)
                if (v.first == t) return;
            variants.emplace_back(std::move(t), w);
        };
        const float room = canvas.x1 - canvas.x0 - 2 * pad;
        const float widths[] = {std::min(full, room), std::min(full * 0.7f, room), std::min(full * 0.5f, room), 0.0f};
        std::size_t next = 0;  // variants are measured only when the ones before found no place
        auto variant = [&](std::size_t k) {
            while (variants.size() <= k && next < std::size(widths)) add_variant(widths[next++]);
            return k < variants.size();
        };
        bool done = false;
        for (std::size_t k = 0; !done && variant(k); ++k) {
            const auto [text, w] = variants[k];
            for (int pass = 0; pass < 2 && !done; ++pass) done = try_places(near_places(d, w, true), text, w, pass);
        }
        for (std::size_t k = 0; !done && variant(k); ++k) {
            const auto [text, w] = variants[k];
            for (int pass = 0; pass < 2 && !done; ++pass) done = try_places(far_places(d, w), text, w, pass);
        }
        if (!done) {  // the last resort: beside the node, inside the canvas, whatever it covers
            const auto [text, w] = variants.back();
            take(text, w, clamp_x(d.x + d.r + 4, w), clamp_y(d.y - h * 0.5f));
        }
    }
    return out;
}

}  // namespace wwe
