#include "timeline.hpp"

#include <algorithm>

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

}  // namespace wwe
