#include "date.hpp"

#include <array>

namespace wwe {

namespace {

// The number written by the `n` ASCII digits at text[at], or -1 when one is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t n) {
    if (at + n > text.size()) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

constexpr std::array<const char*, 12> kMonthNames{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

// Days from 0000-01-01 to the first day of `year` (year >= 0; year 0 is a leap year).
long long days_before_year(int year) {
    const long long y = year;
    return 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    Date d;
    d.year = digits(text, 0, 4);
    if (d.year < 0) return std::nullopt;
    if (text.size() == 4) return d;
    d.month = text[4] == '-' ? digits(text, 5, 2) : -1;
    if (d.month < 1 || d.month > 12) return std::nullopt;
    d.precision = DatePrecision::Month;
    if (text.size() == 7) return d;
    d.day = text[7] == '-' ? digits(text, 8, 2) : -1;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    d.precision = DatePrecision::Day;
    return d;
}

std::string date_problem(std::string_view text) {
    if (parse_date(text) || (text.size() != 7 && text.size() != 10)) return {};
    const int year = digits(text, 0, 4), month = text[4] == '-' ? digits(text, 5, 2) : -1;
    if (year < 0 || month < 0) return {};
    if (month < 1 || month > 12) return "there is no month " + std::to_string(month) + " (months are 01 to 12)";
    const int day = text.size() == 10 && text[7] == '-' ? digits(text, 8, 2) : -1;
    if (day < 0) return {};
    const int days = days_in_month(year, month);
    std::string month_year = std::string(kMonthNames[static_cast<std::size_t>(month - 1)]) + " " + std::string(text.substr(0, 4));
    if (day == 0) return "there is no day 0 (days of " + month_year + " are 01 to " + std::to_string(days) + ")";
    std::string why = month_year + " has " + std::to_string(days) + " days";
    if (month == 2 && day == 29) why += " (" + std::string(text.substr(0, 4)) + " is no leap year)";
    return why;
}

std::string format_date(const Date& d) {
    std::string year = std::to_string(d.year);
    if (year.size() < 4) year.insert(0, 4 - year.size(), '0');  // as written: "0800", not "800"
    if (d.precision == DatePrecision::Year || d.month < 1 || d.month > 12) return year;
    std::string month_year = std::string(kMonthNames[static_cast<std::size_t>(d.month - 1)]) + " " + year;
    if (d.precision == DatePrecision::Month) return month_year;
    return std::to_string(d.day) + " " + month_year;
}

std::string format_date_text(std::string_view iso) {
    std::optional<Date> d = parse_date(iso);
    return d ? format_date(*d) : std::string(iso);
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

Date first_day(const Date& d) {
    return {d.year, d.precision == DatePrecision::Year ? 1 : d.month, d.precision == DatePrecision::Day ? d.day : 1,
            DatePrecision::Day};
}

Date last_day(const Date& d) {
    if (d.precision == DatePrecision::Day) return d;
    const int month = d.precision == DatePrecision::Year ? 12 : d.month;
    return {d.year, month, days_in_month(d.year, month), DatePrecision::Day};
}

long long day_number(const Date& date) {
    const Date d = first_day(date);
    long long days = days_before_year(d.year);
    for (int m = 1; m < d.month; ++m) days += days_in_month(d.year, m);
    days += d.day - 1;
    return days - days_before_year(1970);
}

}  // namespace wwe
