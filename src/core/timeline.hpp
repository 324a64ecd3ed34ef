// Win-Win Explorer core: the timeline of events.
//
// Index
//   - Date, parse_date ...... date.hpp, the one date module
//   - TimeSpan .............. an event as an interval on a continuous axis (years)
//   - event_span ............ where an event sits: its whole year/month/day, or its range
//   - timeline_extent ....... the interval covering every event
//   - AxisTick, timeline_ticks  the time axis's ticks and labels that fit its width
//
// Axis unit: years as a real number (2013.0 = 1 January 2013, 00:00). A month covers
// 1/12 year and a day 1/365.25 — precise enough to place and order marks, not a calendar.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"
#include "date.hpp"

namespace wwe {

struct TimeSpan {
    double begin = 0;  // years
    double end = 0;    // years, > begin
    bool range = false;        // from `date` to `end` in the data
    bool approximate = false;
};

// The interval an event covers: its date's whole year, month or day; or, with an `end`,
// from the start of `date` to the end of `end`. An unparsable date gives nullopt.
std::optional<TimeSpan> event_span(const Event& event);

// The smallest interval covering every parsable event; nullopt when there is none.
std::optional<TimeSpan> timeline_extent(const std::vector<Event>& events);

// One tick of the time axis.
struct AxisTick {
    double at = 0;        // years
    bool year = true;     // a year's tick (grid line, longer mark); else a month's
    std::string label;    // "" for an unlabelled tick
    float label_x = 0;    // the label's left edge, px from the axis's left end
    float label_w = 0;    // its width, px
};

// The ticks of a time axis showing the years [begin, end] across `width` px (the label
// widths from `measure`, in the labels' font): years every 1, 2, 5, 10, 20, 50 or 100 (the
// smallest step whose labels keep `gap` px apart: fewer ticks on a narrow axis); months
// when a year is at least 160 px wide, labelled "Jan", "Feb", ... where those fit between
// two months, else by their initial, else not at all. A label stands right of its tick, or
// left of it where it would pass the axis's right end; a label that fits neither way, or
// would cover the one before, is left out. So labels never overlap and stay within [0, width].
// An empty or inverted range, or a width under 1 px, gives no ticks.
std::vector<AxisTick> timeline_ticks(double begin, double end, float width,
                                     const std::function<float(std::string_view)>& measure, float gap = 12);

}  // namespace wwe
