// Win-Win Explorer UI: word-wrapped rich text (see rich_text.hpp).
#include "ui/rich_text.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/script.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"

namespace wwe::ui {
namespace {

// An unbreakable run of text: a line may only break between atoms.
struct Atom {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;      // trailing spaces included
    std::uint32_t ink_end = 0;  // trailing spaces excluded
    bool newline_after = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Wide characters break on either side (ideographs, kana, hangul, CJK punctuation).
bool is_wide(char32_t cp) {
    return wwe::is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// A line may break after these when a non-space follows ("win-|win", "A/|B").
bool breaks_after(char32_t cp) {
    return cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

std::vector<Atom> split_atoms(std::string_view text) {
    std::vector<Atom> atoms;
    const std::size_t n = text.size();
    std::uint32_t atom_begin = 0;
    auto flush = [&](std::size_t end, std::size_t ink_end, bool newline) {
        if (end > atom_begin || newline) {
            atoms.push_back({atom_begin, static_cast<std::uint32_t>(end),
                             static_cast<std::uint32_t>(ink_end), newline});
        }
        atom_begin = static_cast<std::uint32_t>(end);
    };
    auto skip_spaces = [&](std::size_t j) {
        while (j < n && is_space(text[j])) ++j;
        return j;
    };
    std::size_t i = 0;
    while (i < n) {
        const std::size_t cp_begin = i;
        const char32_t cp = wwe::utf8_next(text, i);
        if (cp == '\n') {
            flush(cp_begin, cp_begin, true);
            atom_begin = static_cast<std::uint32_t>(i);
        } else if (cp == ' ' || cp == '\t' || cp == '\r') {
            const std::size_t j = skip_spaces(i);
            flush(j, cp_begin, false);
            i = j;
        } else if (is_wide(cp)) {
            if (cp_begin > atom_begin) flush(cp_begin, cp_begin, false);
            const std::size_t j = skip_spaces(i);
            flush(j, i, false);
            i = j;
        } else if (breaks_after(cp) && i < n && !is_space(text[i]) && cp_begin > atom_begin) {
            flush(i, i, false);
        }
    }
    if (atom_begin < n) flush(n, n, false);
    return atoms;
}

struct Interval {
    std::uint32_t begin, end;
    RichStyle style;
    int tag;
};

// The text cut at every span boundary, each piece with its combined style: the flags of
// every span covering it, and the tag of the last such span (in the caller's order) that has
// one. A sweep over the boundaries, O((n + s) log s) for s spans: a passage naming one
// concept 60,000 times is laid out in milliseconds.
std::vector<Interval> style_intervals(std::uint32_t n, const std::vector<RichSpan>& spans) {
    constexpr int kFlags = 32;  // the bits of RichStyle
    struct Edge {
        std::uint32_t at;
        bool opens;
        int span;
    };
    std::vector<Edge> edges;
    std::vector<std::uint32_t> cuts = {0, n};
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const RichSpan& sp = spans[i];
        if (sp.begin < sp.end && sp.end <= n) {
            edges.push_back({sp.begin, true, static_cast<int>(i)});
            edges.push_back({sp.end, false, static_cast<int>(i)});
            cuts.push_back(sp.begin);
            cuts.push_back(sp.end);
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.at < y.at; });
    int count[kFlags] = {};     // spans open now, per style flag
    std::set<int> tagged;       // open spans with a tag, by their index
    std::size_t e = 0;
    std::vector<Interval> out;
    out.reserve(cuts.size());
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        for (; e < edges.size() && edges[e].at <= cuts[k]; ++e) {  // what ends or starts here
            const RichSpan& sp = spans[static_cast<std::size_t>(edges[e].span)];
            const int step = edges[e].opens ? 1 : -1;
            for (int b = 0; b < kFlags; ++b)
                if (sp.style & (1u << b)) count[b] += step;
            if (sp.tag >= 0) {
                if (edges[e].opens) tagged.insert(edges[e].span);
                else tagged.erase(edges[e].span);
            }
        }
        Interval iv{cuts[k], cuts[k + 1], RichStyle_None, -1};
        for (int b = 0; b < kFlags; ++b)
            if (count[b] > 0) iv.style |= 1u << b;
        if (!tagged.empty()) iv.tag = spans[static_cast<std::size_t>(*tagged.rbegin())].tag;
        out.push_back(iv);
    }
    return out;
}

// Puts each line's fragments in visual order (see layout_rich_text); returns the widest
// line's width.
template <class Measure>
float reorder_lines(RichTextLayout& layout, std::string_view text, float wrap, const Measure& measure_bytes) {
    const bool rtl_paragraph = wwe::paragraph_is_rtl(text);
    // Levels for the whole text (the rules see across line breaks), runs per line.
    const wwe::BidiLevels levels = wwe::bidi_resolve(
        text, rtl_paragraph ? wwe::BidiDirection::RightToLeft : wwe::BidiDirection::LeftToRight);
    auto measure_visual = [&](const std::string& s) {
        if (s.empty()) return 0.0f;
        return layout.font->CalcTextSizeA(layout.font_size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
    std::vector<RichFragment> out;
    out.reserve(layout.fragments.size() + 8);
    float widest = 0;
    std::size_t k = 0;
    while (k < layout.fragments.size()) {
        std::size_t e = k;
        while (e < layout.fragments.size() && layout.fragments[e].y == layout.fragments[k].y) ++e;
        const std::uint32_t line_begin = layout.fragments[k].begin;
        const std::uint32_t line_end = layout.fragments[e - 1].end;
        const std::size_t first = out.size();
        float x = 0;
        for (const wwe::BidiRun& run : wwe::visual_runs(levels, line_begin, line_end)) {
            const std::uint32_t rb = run.begin, re = run.end;
            std::vector<const RichFragment*> pieces;
            for (std::size_t j = k; j < e; ++j)
                if (layout.fragments[j].begin < re && rb < layout.fragments[j].end) pieces.push_back(&layout.fragments[j]);
            if (run.rtl) std::reverse(pieces.begin(), pieces.end());
            for (const RichFragment* p : pieces) {
                RichFragment f = *p;
                f.begin = std::max(p->begin, rb);
                f.end = std::min(p->end, re);
                f.x = x;
                if (run.rtl || wwe::has_rtl(text.substr(f.begin, f.end - f.begin))) {
                    f.visual = wwe::visual_text(text, f.begin, f.end, run.rtl);
                    f.width = measure_visual(f.visual);
                } else {
                    f.width = measure_bytes(f.begin, f.end);
                }
                f.ink_width = f.width;
                x += f.width;
                out.push_back(std::move(f));
            }
        }
        // Trailing spaces at the line's visual end take no room; an RTL paragraph's lines end
        // at the right edge.
        float line_width = x;
        if (out.size() > first) {
            const RichFragment& last = out.back();
            std::uint32_t ink_end = last.end;
            while (ink_end > last.begin && text[ink_end - 1] == ' ') --ink_end;
            if (last.visual.empty() && ink_end < last.end)
                line_width = last.x + measure_bytes(last.begin, ink_end);
        }
        if (rtl_paragraph && wrap < FLT_MAX / 2) {
            const float shift = std::max(0.0f, wrap - line_width);
            for (std::size_t j = first; j < out.size(); ++j) out[j].x += shift;
            widest = std::max(widest, shift + line_width);
        } else {
            widest = std::max(widest, line_width);
        }
        k = e;
    }
    layout.fragments = std::move(out);
    return widest;
}

}  // namespace

RichTextLayout layout_rich_text(std::string_view text, const std::vector<RichSpan>& spans,
                                const RichLayoutParams& params) {
    RichTextLayout layout;
    layout.font = params.font ? params.font : ImGui::GetFont();
    layout.font_size = params.font_size > 0 ? params.font_size : ImGui::GetFontSize();
    layout.line_height = std::floor(layout.font_size * params.line_spacing + 0.5f);
    const float wrap = std::max(params.wrap_width, layout.font_size);
    const char* base = text.data();
    auto measure = [&](std::uint32_t b, std::uint32_t e) {
        if (e <= b) return 0.0f;
        return layout.font->CalcTextSizeA(layout.font_size, FLT_MAX, 0.0f, base + b, base + e).x;
    };

    const auto intervals = style_intervals(static_cast<std::uint32_t>(text.size()), spans);
    std::size_t iv = 0;  // first interval that may overlap the current atom
    float x = 0;
    int line = 0;
    float widest = 0;
    auto place = [&](std::uint32_t b, std::uint32_t e, std::uint32_t ink_end, const Interval& s) {
        RichFragment f;
        f.begin = b;
        f.end = e;
        f.x = x;
        f.y = static_cast<float>(line) * layout.line_height;
        f.width = measure(b, e);
        f.ink_width = measure(b, std::min(e, std::max(b, ink_end)));
        f.style = s.style;
        f.tag = s.tag;
        x += f.width;
        widest = std::max(widest, f.x + f.ink_width);
        // Merge with the previous fragment when it continues it on the same line.
        if (!layout.fragments.empty()) {
            RichFragment& p = layout.fragments.back();
            if (p.end == f.begin && p.y == f.y && p.style == f.style && p.tag == f.tag) {
                p.end = f.end;
                if (f.ink_width > 0) p.ink_width = f.x + f.ink_width - p.x;
                p.width = f.x + f.width - p.x;
                return;
            }
        }
        layout.fragments.push_back(f);
    };

    for (const Atom& a : split_atoms(text)) {
        while (iv < intervals.size() && intervals[iv].end <= a.begin) ++iv;
        const float ink = measure(a.begin, a.ink_end);
        if (x > 0 && x + ink > wrap) {
            ++line;
            x = 0;
        }
        if (x == 0 && ink > wrap) {
            // A word wider than the line: break between characters.
            std::size_t i = a.begin;
            std::size_t k = iv;
            while (i < a.end) {
                const std::size_t cp_begin = i;
                wwe::utf8_next(text, i);
                const float w = measure(static_cast<std::uint32_t>(cp_begin), static_cast<std::uint32_t>(i));
                if (x > 0 && x + w > wrap) {
                    ++line;
                    x = 0;
                }
                while (k + 1 < intervals.size() && intervals[k].end <= cp_begin) ++k;
                place(static_cast<std::uint32_t>(cp_begin), static_cast<std::uint32_t>(i), a.ink_end, intervals[k]);
            }
        } else {
            for (std::size_t k = iv; k < intervals.size() && intervals[k].begin < a.end; ++k) {
                const std::uint32_t b = std::max(a.begin, intervals[k].begin);
                const std::uint32_t e = std::min(a.end, intervals[k].end);
                if (b < e) place(b, e, a.ink_end, intervals[k]);
            }
        }
        if (a.newline_after) {
            ++line;
            x = 0;
        }
    }
    layout.lines = layout.fragments.empty() && text.empty() ? 0 : line + 1;
    if (wwe::has_rtl(text)) widest = reorder_lines(layout, text, params.wrap_width, measure);
    layout.size = ImVec2(widest, static_cast<float>(layout.lines) * layout.line_height);
    return layout;
}

RichTextLayout layout_plain_text(std::string_view text, float wrap_width) {
    RichLayoutParams params;
    params.wrap_width = wrap_width;
    params.line_spacing = 1.0f;  // ImGui's own text lines
    return layout_rich_text(text, {}, params);
}

void draw_text_layout(ImDrawList* dl, ImVec2 origin, std::string_view text, const RichTextLayout& layout, ImU32 color) {
    const char* base = text.data();
    for (const RichFragment& f : layout.fragments) {
        const ImVec2 at(origin.x + f.x, origin.y + f.y);
        if (!f.visual.empty())
            dl->AddText(layout.font, layout.font_size, at, color, f.visual.data(), f.visual.data() + f.visual.size());
        else
            dl->AddText(layout.font, layout.font_size, at, color, base + f.begin, base + f.end);
    }
}

void TextBidi(std::string_view text) {
    if (!wwe::has_rtl(text)) {
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const float wrap_pos = window->DC.TextWrapPos;
    const float wrap = wrap_pos >= 0.0f ? ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos) : FLT_MAX;
    const RichTextLayout layout = layout_plain_text(text, wrap);
    const ImVec2 origin = window->DC.CursorPos;
    const ImVec2 size(layout.size.x, std::max(layout.size.y, layout.font_size));
    ImGui::ItemSize(size);
    if (!ImGui::ItemAdd(ImRect(origin, ImVec2(origin.x + size.x, origin.y + size.y)), 0)) return;
    draw_text_layout(window->DrawList, origin, text, layout, ImGui::GetColorU32(ImGuiCol_Text));
}

bool RichText(const char* str_id, std::string_view text, const RichTextLayout& layout,
              const RichTextColors& colors, int* clicked_tag, int* hovered_tag) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(std::max(layout.size.x, 1.0f), std::max(layout.size.y, 1.0f));
    const bool pressed = ImGui::InvisibleButton(str_id, size);
    const bool item_hovered = ImGui::IsItemHovered();
    if (hovered_tag) *hovered_tag = -1;
    if (!ImGui::IsItemVisible()) return false;

    // Backgrounds sit around the glyphs, centred in the line.
    const float pad_top = std::floor((layout.line_height - layout.font_size) * 0.5f) - 1.0f;
    const float box_h = layout.font_size + 3.0f;
    auto frag_rect = [&](const RichFragment& f, ImVec2& a, ImVec2& b) {
        a = ImVec2(origin.x + f.x - 1.0f, origin.y + f.y + pad_top);
        b = ImVec2(origin.x + f.x + f.ink_width + 1.0f, a.y + box_h);
    };

    int hover = -1;
    if (item_hovered) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        for (const RichFragment& f : layout.fragments) {
            if (f.tag < 0) continue;
            ImVec2 a, b;
            frag_rect(f, a, b);
            if (m.x >= a.x && m.x < b.x && m.y >= a.y && m.y < b.y) {
                hover = f.tag;
                break;
            }
        }
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float clip_top = dl->GetClipRectMin().y;
    const float clip_bottom = dl->GetClipRectMax().y;
    auto visible = [&](const RichFragment& f) {
        const float y = origin.y + f.y;
        return y + layout.line_height >= clip_top && y <= clip_bottom;
    };
    for (const RichFragment& f : layout.fragments) {
        if (f.style == RichStyle_None || !visible(f)) continue;
        ImVec2 a, b;
        frag_rect(f, a, b);
        ImU32 bg = 0;
        ImU32 line = 0;
        bool dotted = false;
        if (f.style & RichStyle_Concept) {
            bg = colors.concept_bg;
            line = colors.concept_line;
            dotted = true;
        } else if (f.style & RichStyle_Entity) {
            bg = colors.entity_bg;
            line = colors.entity_line;
        }
        if (f.tag >= 0 && f.tag == hover) bg = colors.hover_bg;
        if (f.style & RichStyle_Selected) bg = colors.selected_bg;
        const bool hit = (f.style & RichStyle_Hit) != 0;
        if (hit) bg = colors.hit_bg;
        if (bg) dl->AddRectFilled(a, b, bg, 2.0f);
        if (hit && colors.hit_line) dl->AddRect(a, b, colors.hit_line, 2.0f, 0, 1.5f);
        if (line && dotted) {  // 2 px dots, 2 px apart, 1.5 px high
            for (float x = a.x + 1; x < b.x - 1; x += 4)
                dl->AddRectFilled(ImVec2(x, b.y - 2.0f), ImVec2(std::min(x + 2, b.x - 1), b.y - 0.5f), line);
        } else if (line) {
            dl->AddRectFilled(ImVec2(a.x + 1, b.y - 2.0f), ImVec2(b.x - 1, b.y - 0.5f), line);
        }
    }
    const char* base = text.data();
    for (const RichFragment& f : layout.fragments) {
        if (!visible(f)) continue;
        const ImVec2 at(origin.x + f.x, origin.y + f.y + pad_top + 1.0f);
        if (!f.visual.empty())
            dl->AddText(layout.font, layout.font_size, at, colors.text, f.visual.data(), f.visual.data() + f.visual.size());
        else
            dl->AddText(layout.font, layout.font_size, at, colors.text, base + f.begin, base + f.end);
    }

    if (hover >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (hovered_tag) *hovered_tag = hover;
    // A press that turned into a drag (touch scrolling) is not a click.
    const float threshold = ImGui::GetIO().MouseDragThreshold;
    const bool dragged = ImGui::GetIO().MouseDragMaxDistanceSqr[0] > threshold * threshold;
    if (pressed && hover >= 0 && !dragged) {
        if (clicked_tag) *clicked_tag = hover;
        return true;
    }
    return false;
}

const RichTextLayout& RichTextCache::get(int key, std::string_view text,
                                         const std::vector<RichSpan>& spans,
                                         std::uint64_t spans_key, const RichLayoutParams& params) {
    Entry& e = entries_[key];
    ImFont* font = params.font ? params.font : ImGui::GetFont();
    const float size = params.font_size > 0 ? params.font_size : ImGui::GetFontSize();
    if (e.wrap_width != params.wrap_width || e.spans_key != spans_key || e.layout.font != font ||
        e.layout.font_size != size || e.layout.lines == 0) {
        e.layout = layout_rich_text(text, spans, params);
        e.wrap_width = params.wrap_width;
        e.spans_key = spans_key;
        ++computed_;
    }
    return e.layout;
}

}  // namespace wwe::ui
