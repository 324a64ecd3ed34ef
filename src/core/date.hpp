// Win-Win Explorer core: the one date module — what the data format calls a date.
//
// Index
//   - DatePrecision, Date ... a calendar date with the precision the text gives
//   - parse_date ............ "2013", "2013-03", "2013-03-22" (real calendar days only)
//   - date_problem .......... why "2019-02-30" is none: "February 2019 has 28 days"
//   - format_date ........... "2013", "March 2013", "22 March 2013"
//   - format_date_text ...... the same from the ISO text, or the text unchanged
//   - calendar .............. leap years, month lengths, first/last day, day numbers
//
// Dates are ISO 8601 calendar dates in the proleptic Gregorian calendar, years 0000-9999,
// with year, month or day precision (docs/data-format.md, "Dates"). The loader validates
// with parse_date, and the timeline, the reader and the exports read dates with it, so what
// `explorer validate` accepts is exactly what the views can show.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wwe {

//------------------------------------------------------------------------------------------
// Dates
//------------------------------------------------------------------------------------------

enum class DatePrecision { Year, Month, Day };

struct Date {
    int year = 0;   // 0-9999
    int month = 0;  // 1-12; 0 when the precision is Year
    int day = 0;    // 1-28/29/30/31 (the month's length); 0 unless the precision is Day
    DatePrecision precision = DatePrecision::Year;
    bool operator==(const Date&) const = default;
};

// Parses exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ASCII digits, months 01-12, days that
// exist in that month: "2016-02-29" yes, "2013-02-29" and "1900-02-29" no); nullopt for
// anything else, including surrounding spaces, signs and times.
std::optional<Date> parse_date(std::string_view text);

// Why a text of the date's shape ("YYYY-MM" or "YYYY-MM-DD", ASCII digits) is no calendar
// date, in plain words for messages: "February 2019 has 28 days", "there is no day 0",
// "there is no month 13". "" when the text is a date or not of that shape at all.
std::string date_problem(std::string_view text);

// A valid date in English for readers: "2013", "March 2013", "22 March 2013".
std::string format_date(const Date& date);

// format_date of the parsed text, or `iso` unchanged when it is not a date (so a view shows
// what the data says rather than nothing).
std::string format_date_text(std::string_view iso);

//------------------------------------------------------------------------------------------
// Calendar
//------------------------------------------------------------------------------------------

// Gregorian rule: every 4th year, but not every 100th, but every 400th (2000 yes, 1900 no).
bool is_leap_year(int year);

// Days in `month` (1-12) of `year`: 28-31; 0 for a month outside 1-12.
int days_in_month(int year, int month);

// The first and the last day a date covers, with day precision: "2016" gives 2016-01-01
// and 2016-12-31, "2016-02" gives 2016-02-01 and 2016-02-29.
Date first_day(const Date& date);
Date last_day(const Date& date);

// Days from 1970-01-01 to the date's first day (negative before), for ordering and
// differences: day_number(d) < day_number(e) when d starts before e.
long long day_number(const Date& date);

}  // namespace wwe
