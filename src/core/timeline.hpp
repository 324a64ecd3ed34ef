// Win-Win Explorer core: the timeline of events.
//
// Index
//   - Date, parse_date ...... date.hpp, the one date module
//   - TimeSpan .............. an event as an interval on a continuous axis (years)
//   - event_span ............ where an event sits: its whole year/month/day, or its range
//   - timeline_extent ....... the interval covering every event
//
// Axis unit: years as a real number (2013.0 = 1 January 2013, 00:00). A month covers
// 1/12 year and a day 1/365.25 — precise enough to place and order marks, not a calendar.
#pragma once

#include <optional>
#include <string>
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

}  // namespace wwe
