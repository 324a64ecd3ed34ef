// Win-Win Explorer core: dates and the timeline of events.
//
// Index
//   - DatePrecision, Date ... an ISO 8601 date with the precision the text gives
//   - parse_date ............ "2013", "2013-03", "2013-03-22"
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

namespace wwe {

enum class DatePrecision { Year, Month, Day };

struct Date {
    int year = 0;
    int month = 0;  // 1-12, 0 when the precision is Year
    int day = 0;    // 1-31, 0 unless the precision is Day
    DatePrecision precision = DatePrecision::Year;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt for anything else.
std::optional<Date> parse_date(const std::string& text);

// "2013", "March 2013", "22 March 2013".
std::string format_date(const Date& date);

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
