#include <doctest/doctest.h>

#include <string>

#include "core/date.hpp"

using namespace wwe;

namespace {
// "2016-02-29" from numbers (year 1000-9999, month and day 1-99).
std::string iso(int year, int month, int day) {
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return std::to_string(year) + "-" + two(month) + "-" + two(day);
}
}  // namespace

TEST_CASE("parse_date reads years, months and days") {
    CHECK(parse_date("2013") == Date{2013, 0, 0, DatePrecision::Year});
    CHECK(parse_date("2013-03") == Date{2013, 3, 0, DatePrecision::Month});
    CHECK(parse_date("2016-06-20") == Date{2016, 6, 20, DatePrecision::Day});
    CHECK(parse_date("0800-12-25") == Date{800, 12, 25, DatePrecision::Day});
    SUBCASE("and nothing else") {
        for (const char* bad : {"", "201", "20133", "2013-", "2013-3", "2013-00", "2013-13", "2013-03-", "2013-03-1",
                                "2013-03-00", "2013-03-32", "2013/03/22", "2013-03-22T10:00", " 2013", "2013 ", "+2013",
                                "-2013", "March 2013", "２０１３", "2013-1a", "20a3"})
            CHECK_MESSAGE(!parse_date(bad), bad);
    }
}

TEST_CASE("leap years follow the Gregorian rule") {
    CHECK(is_leap_year(2016));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2013));
    CHECK(parse_date("2016-02-29"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("2013-02-29"));
    CHECK_FALSE(parse_date("2013-02-30"));
    CHECK_FALSE(parse_date("1900-02-29"));
    CHECK_FALSE(parse_date("2016-02-30"));
}

TEST_CASE("every month's last day is valid, the day after is not") {
    const int common[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int year : {2013, 2016}) {
        for (int month = 1; month <= 12; ++month) {
            const int last = common[month - 1] + (month == 2 && year == 2016 ? 1 : 0);
            CHECK(days_in_month(year, month) == last);
            CHECK_MESSAGE(parse_date(iso(year, month, last)), iso(year, month, last));
            CHECK_MESSAGE(!parse_date(iso(year, month, last + 1)), iso(year, month, last + 1));
        }
    }
    CHECK(days_in_month(2013, 0) == 0);
    CHECK(days_in_month(2013, 13) == 0);
}

TEST_CASE("formatting for readers") {
    CHECK(format_date(*parse_date("2016-06-20")) == "20 June 2016");
    CHECK(format_date(*parse_date("2016-06-05")) == "5 June 2016");
    CHECK(format_date(*parse_date("2013-03")) == "March 2013");
    CHECK(format_date(*parse_date("2013-01")) == "January 2013");
    CHECK(format_date(*parse_date("2013-12-31")) == "31 December 2013");
    CHECK(format_date(*parse_date("2016")) == "2016");
    CHECK(format_date(*parse_date("0800")) == "0800");
    SUBCASE("format_date_text: the formatted date, or the text unchanged") {
        CHECK(format_date_text("2016-06-20") == "20 June 2016");
        CHECK(format_date_text("2016-06") == "June 2016");
        CHECK(format_date_text("2016") == "2016");
        CHECK(format_date_text("2013-02-30") == "2013-02-30");
        CHECK(format_date_text("spring 2013") == "spring 2013");
        CHECK(format_date_text("") == "");
    }
}

TEST_CASE("first and last days, day numbers") {
    CHECK(first_day(*parse_date("2016")) == Date{2016, 1, 1, DatePrecision::Day});
    CHECK(last_day(*parse_date("2016")) == Date{2016, 12, 31, DatePrecision::Day});
    CHECK(first_day(*parse_date("2016-02")) == Date{2016, 2, 1, DatePrecision::Day});
    CHECK(last_day(*parse_date("2016-02")) == Date{2016, 2, 29, DatePrecision::Day});
    CHECK(last_day(*parse_date("2013-02")) == Date{2013, 2, 28, DatePrecision::Day});
    CHECK(last_day(*parse_date("2013-03-22")) == Date{2013, 3, 22, DatePrecision::Day});
    CHECK(day_number(*parse_date("1970-01-01")) == 0);
    CHECK(day_number(*parse_date("1969-12-31")) == -1);
    CHECK(day_number(*parse_date("2000-03-01")) - day_number(*parse_date("2000-02-28")) == 2);
    CHECK(day_number(*parse_date("1900-03-01")) - day_number(*parse_date("1900-02-28")) == 1);
    CHECK(day_number(*parse_date("2016-06-20")) == 16972);  // as date(1) +%s / 86400 gives it
    CHECK(day_number(*parse_date("2017")) - day_number(*parse_date("2016")) == 366);
    CHECK(day_number(*parse_date("2013-03")) == day_number(*parse_date("2013-03-01")));
    CHECK(day_number(*parse_date("0000")) == -719528);
}

TEST_CASE("date_problem says why a date-shaped text is no date") {
    CHECK(date_problem("2019-02-30") == "February 2019 has 28 days");
    CHECK(date_problem("2019-02-29") == "February 2019 has 28 days (2019 is no leap year)");
    CHECK(date_problem("2016-02-30") == "February 2016 has 29 days");
    CHECK(date_problem("2013-04-31") == "April 2013 has 30 days");
    CHECK(date_problem("2013-04-00") == "there is no day 0 (days of April 2013 are 01 to 30)");
    CHECK(date_problem("2013-13") == "there is no month 13 (months are 01 to 12)");
    CHECK(date_problem("2013-00-05") == "there is no month 0 (months are 01 to 12)");
    CHECK(date_problem("2013-04-30") == "");  // a date
    CHECK(date_problem("13 April") == "");    // not of the shape: the format's words say it
    CHECK(date_problem("2013-4-30") == "");
}
