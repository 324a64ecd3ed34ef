#include "timeline.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace wwe {

namespace {
bool digits(const std::string& s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}
int number(const std::string& s, std::size_t at, std::size_t n) { return std::stoi(s.substr(at, n)); }

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

std::optional<Date> parse_date(const std::string& s) {
    Date d;
    if (!digits(s, 0, 4)) return std::nullopt;
    d.year = number(s, 0, 4);
    if (s.size() == 4) return d;
    if (s.size() < 7 || s[4] != '-' || !digits(s, 5, 2)) return std::nullopt;
    d.month = number(s, 5, 2);
    if (d.month < 1 || d.month > 12) return std::nullopt;
    d.precision = DatePrecision::Month;
    if (s.size() == 7) return d;
    if (s.size() != 10 || s[7] != '-' || !digits(s, 8, 2)) return std::nullopt;
    d.day = number(s, 8, 2);
    static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.day < 1 || d.day > days[d.month - 1]) return std::nullopt;
    d.precision = DatePrecision::Day;
    return d;
}

std::string format_date(const Date& d) {
    static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                        "July",    "August",   "September", "October", "November", "December"};
    std::string year = std::to_string(d.year);
    switch (d.precision) {
        case DatePrecision::Year: return year;
        case DatePrecision::Month: return std::string(months[d.month - 1]) + " " + year;
        case DatePrecision::Day: return std::to_string(d.day) + " " + months[d.month - 1] + " " + year;
    }
    return year;
}

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
