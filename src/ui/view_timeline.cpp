// Win-Win Explorer UI: the timeline — the article's dated events on a zoomable, pannable
// time axis (wheel zooms about the pointer, drag pans; "Fit" shows them all). An event is a
// bar over the time its date covers (a year, a month, a day, or its range); approximate
// ranges are hatched. Events whose passage the filters exclude are faded; those involving
// the selected node are outlined. Click an event: the reader jumps to its passage.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/describe.hpp"
#include "core/map_labels.hpp"
#include "core/timeline.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

constexpr float kLaneHeight = 46.0f;  // CSS px
constexpr float kBarHeight = 12.0f;

std::string event_date_text(const Event& e) {
    std::string text = format_date(e.date);
    if (!e.end.empty()) text += " \xE2\x80\x93 " + format_date(e.end);
    if (e.approximate) text = "about " + text;
    return text;
}

}  // namespace

void draw_timeline(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    const std::optional<TimeSpan> extent = timeline_extent(article.events);
    if (!extent) {
        ImGui::Dummy(ImVec2(0, 20));
        TextMuted(theme, "The article has no dated events.");
        return;
    }
    // The visible years: the state's, or every event with a margin.
    double begin = ctx.state.timeline.begin, end = ctx.state.timeline.end;
    if (ctx.state.timeline.fitted()) {
        const double pad = std::max(1.0, (extent->end - extent->begin) * 0.08);
        begin = std::floor(extent->begin - pad);
        end = std::ceil(extent->end + pad);
    }

    ImGui::Dummy(ImVec2(0, 2));
    if (ImGui::Button("Fit")) ctx.emit(intent::SetTimelineRange{0, 0});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show every event");
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::AlignTextToFramePadding();
    const bool touch = TouchStyle();  // the hints in the words of the input device (describe.hpp)
    TextMuted(theme, "%s", timeline_hint(static_cast<int>(article.events.size()), touch).c_str());
    ImGui::PopFont();

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 80.0f);
    ImGui::InvisibleButton("##timeline", size);
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiIO& io = ImGui::GetIO();
    const float left = origin.x + 16, right = origin.x + size.x - 16;
    const double span = end - begin;
    const double px_per_year = (right - left) / span;
    auto to_x = [&](double t) { return static_cast<float>(left + (t - begin) * px_per_year); };

    // Pan and zoom: the state's range (a link shows the same years).
    auto set_range = [&](double b0, double e0) {
        const double width = e0 - b0;
        b0 = std::clamp(b0, kMinTimelineYear, kMaxTimelineYear - width);
        ctx.emit(intent::SetTimelineRange{b0, b0 + width});
    };
    // Two fingers apart or together over the axis zoom about their centre, as the map's pinch;
    // meanwhile the first finger's drag does not pan.
    const ImVec2 pc(ctx.input.pinch_x, ctx.input.pinch_y);
    const bool pinched = ctx.input.pinch_scale != 1.0f && ctx.input.pinch_scale > 0.0f && pc.x >= origin.x &&
                         pc.y >= origin.y && pc.x <= origin.x + size.x && pc.y <= origin.y + size.y;
    const bool pinching = ctx.input.pinching || ctx.time < ctx.pinch_until;
    if (pinched) {
        const double at = begin + (pc.x - left) / px_per_year;
        const double new_span = std::clamp(span / ctx.input.pinch_scale, 0.25, 400.0);
        const double frac = (at - begin) / span;
        set_range(at - frac * new_span, at - frac * new_span + new_span);
    } else if (!pinching && ImGui::IsItemActive() && ImGui::IsMouseDragging(0, 3.0f) && io.MouseDelta.x != 0) {
        const double dt = io.MouseDelta.x / px_per_year;
        set_range(begin - dt, end - dt);
    }
    if (hovered && io.MouseWheel != 0) {
        const double at = begin + (io.MousePos.x - left) / px_per_year;
        const double factor = std::pow(1.25, -io.MouseWheel);
        const double new_span = std::clamp(span * factor, 0.25, 400.0);
        const double frac = (at - begin) / span;
        set_range(at - frac * new_span, at - frac * new_span + new_span);
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), theme.surface, 6.0f);
    dl->AddRect(ImVec2(origin.x + 0.5f, origin.y + 0.5f), ImVec2(origin.x + size.x - 0.5f, origin.y + size.y - 0.5f),
                theme.outline, 6.0f, 0, 1.5f);  // its edge, seen in every theme
    ImFont* small = ctx.fonts.small;
    const float fs = small->FontSize * ImGui::GetIO().FontGlobalScale;  // CSS px
    const float axis_y = origin.y + size.y - 34;

    // Ticks: years (stepped so labels keep ~70 px apart), months when there is room.
    static const int steps[] = {1, 2, 5, 10, 20, 50, 100};
    int step = 100;
    for (const int s : steps) {
        if (s * px_per_year >= 70) {
            step = s;
            break;
        }
    }
    dl->AddLine(ImVec2(origin.x + 4, axis_y), ImVec2(origin.x + size.x - 4, axis_y), theme.outline, 1.5f);
    const int y0 = static_cast<int>(std::floor(begin)), y1 = static_cast<int>(std::ceil(end));
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int y = y0; y <= y1; ++y) {
        if (px_per_year >= 160) {
            for (int mo = 1; mo < 12; ++mo) {
                const float x = to_x(y + mo / 12.0);
                dl->AddLine(ImVec2(x, axis_y), ImVec2(x, axis_y + 4), theme.border, 1.0f);
                if (px_per_year >= 420)
                    dl->AddText(small, fs * 0.85f, ImVec2(x + 2, axis_y + 5), theme.text_muted, months[mo]);
            }
        }
        if (y % step != 0) continue;
        const float x = to_x(y);
        dl->AddLine(ImVec2(x, origin.y + 6), ImVec2(x, axis_y), theme.grid, 1.0f);
        dl->AddLine(ImVec2(x, axis_y), ImVec2(x, axis_y + 8), theme.text_muted, 1.0f);
        char label[16];
        std::snprintf(label, sizeof label, "%d", y);
        // Right of its tick, or left of it where it would run past the panel's edge.
        const float w = small->CalcTextSizeA(fs, FLT_MAX, 0, label).x;
        const float lx = x + 3 + w > origin.x + size.x - 6 ? x - 3 - w : x + 3;
        dl->AddText(small, fs, ImVec2(lx, axis_y + (px_per_year >= 420 ? 16 : 8)), theme.text_muted, label);
    }

    // Events in lanes (greedy: the first lane whose last label ends before this bar).
    struct Placed {
        int event;
        float x0, x1, y;
        std::size_t lane;
        TimeSpan span;
    };
    std::vector<int> order;
    for (std::size_t e = 0; e < article.events.size(); ++e) {
        if (event_span(article.events[e])) order.push_back(static_cast<int>(e));
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return event_span(article.events[static_cast<std::size_t>(a)])->begin <
               event_span(article.events[static_cast<std::size_t>(b)])->begin;
    });
    std::vector<float> lane_end;
    std::vector<Placed> placed;
    for (const int e : order) {
        const Event& ev = article.events[static_cast<std::size_t>(e)];
        const TimeSpan ts = *event_span(ev);
        float x0 = to_x(ts.begin), x1 = to_x(ts.end);
        if (x1 - x0 < 8) {
            const float mid = (x0 + x1) * 0.5f;
            x0 = mid - 4;
            x1 = mid + 4;
        }
        // Lanes keep room for the label in bold (it turns bold when it involves the selection).
        const float label_w = std::min(ctx.fonts.bold->CalcTextSizeA(fs, FLT_MAX, 0, ev.label.c_str()).x, right - left);
        // The label starts where it will be drawn: pushed left near the right edge.
        const float label_x = std::max(origin.x + 4, std::min(x0, right - label_w));
        const float start = std::min(x0, label_x);
        const float label_end = std::max(x1, label_x + label_w) + 24;
        std::size_t lane = 0;
        while (lane < lane_end.size() && lane_end[lane] > start) ++lane;
        if (lane == lane_end.size()) lane_end.push_back(0);
        lane_end[lane] = label_end;
        placed.push_back({e, x0, x1, 0.0f, lane, ts});
    }
    // The lanes fill the panel: spread apart up to 2.5 lane heights where the panel is tall,
    // the stack centred above the axis (a few events do not sit at the bottom of an empty panel).
    const float room = axis_y - 26 - (origin.y + fs + 16);  // from the lowest bar's top to under the top edge
    const float lanes = static_cast<float>(std::max<std::size_t>(1, lane_end.size()));
    const float pitch = std::clamp(room / lanes, kLaneHeight, 2.5f * kLaneHeight);
    const float lift = std::max(0.0f, (room - pitch * (lanes - 1)) * 0.5f);
    for (Placed& p : placed) p.y = axis_y - 26 - lift - pitch * static_cast<float>(p.lane);

    const int selected = selected_node(ctx.corpus, ctx.state);
    int hovered_event = -1;
    for (const Placed& p : placed) {
        const Event& ev = article.events[static_cast<std::size_t>(p.event)];
        const bool in = ctx.derived.passage_in(ev.passage);
        const bool involves = selected >= 0 && std::find(ev.nodes.begin(), ev.nodes.end(), selected) != ev.nodes.end();
        const bool chosen = ctx.state.selection.kind == Selection::Kind::Event && ctx.state.selection.id == ev.id;
        const float alpha = in ? 1.0f : 0.3f;
        const ImVec2 b0(p.x0, p.y), b1(p.x1, p.y + kBarHeight);
        ImFont* label_font = involves ? ctx.fonts.bold : small;  // bold: involves the selection
        const float full_w = label_font->CalcTextSizeA(fs, FLT_MAX, 0, ev.label.c_str()).x;
        // Labels near the right edge end there instead of running off the view.
        const ImVec2 label_pos(std::max(origin.x + 4, std::min(p.x0, right - full_w)), p.y - fs - 4);
        // A label longer than the panel is cut after a word with an ellipsis (map_labels.hpp).
        const std::string label =
            full_w <= right - label_pos.x
                ? ev.label
                : shorten_label(ev.label, right - label_pos.x, 6, [&](std::string_view t) {
                      return label_font->CalcTextSizeA(fs, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
                  });
        const float label_w = std::min(full_w, label_font->CalcTextSizeA(fs, FLT_MAX, 0, label.c_str()).x);
        const bool hot = hovered && io.MousePos.x >= std::min(b0.x, label_pos.x) - 3 &&
                         io.MousePos.x <= std::max(b1.x, label_pos.x + label_w) + 3 &&
                         io.MousePos.y >= label_pos.y - 2 && io.MousePos.y <= b1.y + 4;
        if (hot) hovered_event = p.event;
        const ImU32 bar = p.span.range ? theme.range : theme.accent;
        ImVec4 c = ImGui::ColorConvertU32ToFloat4(bar);
        c.w = alpha * (p.span.approximate ? 0.55f : 1.0f);
        const ImU32 fill = ImGui::ColorConvertFloat4ToU32(c);
        dl->AddRectFilled(b0, b1, fill, 3.0f);
        if (p.span.approximate) {  // hatching: the bounds are not exact
            dl->PushClipRect(b0, b1, true);
            ImVec4 h = ImGui::ColorConvertU32ToFloat4(theme.surface);
            h.w = 0.8f * alpha;
            for (float x = b0.x - kBarHeight; x < b1.x; x += 6) {
                dl->AddLine(ImVec2(x, b1.y), ImVec2(x + kBarHeight, b0.y), ImGui::ColorConvertFloat4ToU32(h), 1.5f);
            }
            dl->PopClipRect();
        }
        // A filtered-out event stays clickable: its bar keeps an outline in its colour (3:1).
        if (!in || p.span.approximate) dl->AddRect(b0, b1, bar, 3.0f, 0, 1.0f);
        if (involves || chosen || hot) {
            dl->AddRect(ImVec2(b0.x - 2, b0.y - 2), ImVec2(b1.x + 2, b1.y + 2), involves ? theme.text : theme.accent,
                        4.0f, 0, 2.0f);
        }
        if (involves)
            dl->AddRectFilled(ImVec2(label_pos.x - 3, label_pos.y - 1),
                              ImVec2(label_pos.x + label_w + 3, label_pos.y + fs + 1), theme.hit_bg, 3.0f);
        // Filtered out: quieter, still readable (text_dimmed is 4.5:1) as it can be clicked.
        dl->AddText(label_font, fs, label_pos, in || involves ? theme.text : theme.text_dimmed, label.c_str());
        const std::string date = event_date_text(ev);
        dl->AddText(small, fs * 0.92f, ImVec2(b1.x + 6, p.y - 1), in ? theme.text_muted : theme.text_dimmed,
                    date.c_str());
    }
    dl->PopClipRect();

    if (hovered_event >= 0) {
        const Event& ev = article.events[static_cast<std::size_t>(hovered_event)];
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::PushFont(ctx.fonts.bold);
        TextBidi(ev.label);
        ImGui::PopFont();
        TextMuted(theme, "%s \xC2\xB7 passage %d", event_date_text(ev).c_str(), ev.passage + 1);
        std::string involved;
        for (const int n : ev.nodes) {
            if (!involved.empty()) involved += ", ";
            involved += article.nodes[static_cast<std::size_t>(n)].label;
        }
        if (!involved.empty()) TextMuted(theme, "Involves %s", involved.c_str());
        const bool filtered = !ctx.derived.passage_in(ev.passage);
        if (filtered) TextMuted(theme, "Its passage is hidden by the current filters");
        TextMuted(theme, "%s", open_passage_hint(touch, filtered));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        hover_passage(ctx, ev.passage);
        if (ImGui::IsMouseReleased(0) && !pinching && !ImGui::IsMouseDragging(0, 3.0f) &&
            std::fabs(io.MouseDragMaxDistanceSqr[0]) < 9.0f) {
            open_passage(ctx, ev.passage);
        }
    }
}

}  // namespace wwe::ui
