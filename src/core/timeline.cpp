#include "timeline.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace wwe {

namespace {
double start_of(const Date& d) {
    double t = d.year;
    if (d.precision != DatePrecision::Year) t += (d.month - 1) / 12.0;
    if (d.precision == DatePrecision::Day) t += (d.day - 1) / 365.25;
    return t;
}
double end_of(const Date& d) {
    switch (d.precision) {
        case DatePrecision::Year: return d.year + 1.0;
        case DatePrecision::Month: return d.year + d.month / 12.0;
        case DatePrecision::Day: return start_of(d) + 1.0 / 365.25;
    }
    return d.year + 1.0;
}
}  // namespace

std::optional<TimeSpan> event_span(const Event& e) {
    std::optional<Date> begin = parse_date(e.date);
    if (!begin) return std::nullopt;
    TimeSpan span;
    span.begin = start_of(*begin);
    span.end = end_of(*begin);
    span.approximate = e.approximate;
    if (!e.end.empty()) {
        std::optional<Date> end = parse_date(e.end);
        if (!end) return std::nullopt;
        span.end = std::max(span.end, end_of(*end));
        span.range = true;
    }
    return span;
}

std::optional<TimeSpan> timeline_extent(const std::vector<Event>& events) {
    std::optional<TimeSpan> extent;
    for (const Event& e : events) {
        std::optional<TimeSpan> s = event_span(e);
        if (!s) continue;
        if (!extent) extent = TimeSpan{s->begin, s->end, false, false};
        extent->begin = std::min(extent->begin, s->begin);
        extent->end = std::max(extent->end, s->end);
    }
    return extent;
}

std::vector<AxisTick> timeline_ticks(double begin, double end, float width,
                                     const std::function<float(std::string_view)>& measure, float gap) {
    std::vector<AxisTick> out;
    if (!(end > begin) || !(width >= 1.0f) || end - begin > 1e5) return out;
    const double px_per_year = width / (end - begin);
    auto x_of = [&](double t) { return static_cast<float>((t - begin) * px_per_year); };
    // The widest year label decides the step (a five-digit or negative year is wider).
    const int y0 = static_cast<int>(std::floor(begin)), y1 = static_cast<int>(std::ceil(end));
    const float year_w = std::max(measure(std::to_string(y0)), measure(std::to_string(y1)));
    static const int steps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};
    int step = steps[std::size(steps) - 1];
    for (const int s : steps) {
        if (static_cast<double>(s) * px_per_year >= std::max(70.0f, year_w + gap)) {
            step = s;
            break;
        }
    }
    static const char* const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const bool months = px_per_year >= 160;
    const float month_px = static_cast<float>(px_per_year / 12.0);
    float widest = 0, widest_initial = 0;
    for (const char* n : names) {
        widest = std::max(widest, measure(n));
        widest_initial = std::max(widest_initial, measure(std::string_view(n, 1)));
    }
    const int month_form = !months ? 0 : month_px >= widest + gap * 0.5f ? 2 : month_px >= widest_initial + gap * 0.5f ? 1 : 0;
    // The right edge of the last label placed, per row (month labels sit on their own row).
    float year_end = -1e9f, month_end = -1e9f;
    auto place = [&](AxisTick& t, float x) {
        float& last_end = t.year ? year_end : month_end;
        if (t.label.empty()) return;
        t.label_w = measure(t.label);
        float lx = x + 3;
        if (lx + t.label_w > width) lx = x - 3 - t.label_w;  // left of its tick at the right end
        if (lx < 0 || lx + t.label_w > width || lx < last_end + gap * 0.5f) {
            t.label.clear();
            t.label_w = 0;
            return;
        }
        t.label_x = lx;
        last_end = lx + t.label_w;
    };
    for (int y = y0; y <= y1; ++y) {
        const bool year_tick = ((y % step) + step) % step == 0;
        if (y >= begin && y <= end && year_tick) {
            AxisTick t;
            t.at = y;
            t.label = std::to_string(y);
            place(t, x_of(y));
            out.push_back(std::move(t));
        }
        if (!months) continue;
        for (int mo = 1; mo < 12; ++mo) {
            const double at = y + mo / 12.0;
            if (at < begin || at > end) continue;
            AxisTick t;
            t.at = at;
            t.year = false;
            if (month_form == 2) t.label = names[mo];
            else if (month_form == 1) t.label = std::string(names[mo], 1);
            place(t, x_of(at));
            out.push_back(std::move(t));
        }
    }
    return out;
}

}  // namespace wwe
