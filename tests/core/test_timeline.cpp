#include <doctest/doctest.h>

#include "core/history.hpp"
#include "core/timeline.hpp"
#include "fixture.hpp"

using namespace wwe;

TEST_CASE("event spans and the timeline's extent") {
    Event month{"e", "x", "2013-03", "", false, 0, {}};
    auto s = event_span(month);
    REQUIRE(s);
    CHECK(s->begin == doctest::Approx(2013 + 2 / 12.0));
    CHECK(s->end == doctest::Approx(2013 + 3 / 12.0));
    CHECK_FALSE(s->range);
    Event range{"r", "escorts", "2009", "2016", true, 0, {}};
    auto r = event_span(range);
    REQUIRE(r);
    CHECK(r->range);
    CHECK(r->approximate);
    CHECK(r->begin == 2009.0);
    CHECK(r->end == 2017.0);
    // What the loader refuses the timeline cannot place either (date.hpp is the one parser).
    CHECK_FALSE(event_span(Event{"bad", "x", "2013-02-30", "", false, 0, {}}));
    auto extent = timeline_extent({month, range, Event{"bad", "x", "soon", "", false, 0, {}}});
    REQUIRE(extent);
    CHECK(extent->begin == 2009.0);
    CHECK(extent->end == 2017.0);
    CHECK_FALSE(timeline_extent({}));
}

TEST_CASE("history: back, forward, and a new state drops the forward ones") {
    ViewState a, b, c;
    b.query = "b";
    c.query = "c";
    History h(a);
    h.push(b);
    h.push(b);  // recorded once
    h.push(c);
    CHECK(h.size() == 3);
    CHECK(h.back().query == "b");
    CHECK(h.back().query == "");
    CHECK_FALSE(h.can_back());
    CHECK(h.back().query == "");
    CHECK(h.forward().query == "b");
    ViewState d;
    d.query = "d";
    h.push(d);
    CHECK_FALSE(h.can_forward());
    CHECK(h.size() == 3);
    SUBCASE("bounded") {
        History small(a, 3);
        for (int i = 0; i < 10; ++i) {
            ViewState s;
            s.query = std::to_string(i);
            small.push(s);
        }
        CHECK(small.size() == 3);
        CHECK(small.current().query == "9");
    }
}

namespace {
float seven_px(std::string_view s) { return 7.0f * static_cast<float>(s.size()); }

void check_ticks_fit(const std::vector<AxisTick>& ticks, float width) {
    float year_end = -1e9f, month_end = -1e9f;
    for (const AxisTick& t : ticks) {
        if (t.label.empty()) continue;
        CAPTURE(t.label);
        CHECK(t.label_x >= 0);
        CHECK(t.label_x + t.label_w <= width);
        CHECK(t.label_w == doctest::Approx(seven_px(t.label)));
        float& last = t.year ? year_end : month_end;
        CHECK(t.label_x >= last);
        last = t.label_x + t.label_w;
    }
}
}  // namespace

TEST_CASE("timeline axis: labels fit a phone's width, fewer ticks and shorter month names as it narrows") {
    // The shipped article's events with the view's margin: 2008-2018 across a phone (340 px).
    std::vector<AxisTick> ticks = timeline_ticks(2008, 2018, 340, seven_px);
    check_ticks_fit(ticks, 340);
    std::vector<int> years;
    for (const AxisTick& t : ticks) {
        CHECK(t.year);
        if (!t.label.empty()) years.push_back(static_cast<int>(t.at));
    }
    CHECK(years == std::vector<int>{2010, 2015});  // every 5 years: 34 px a year
    // The last year at the right end: its label stands left of its tick, whole.
    ticks = timeline_ticks(2008, 2018, 1000, seven_px);
    check_ticks_fit(ticks, 1000);
    REQUIRE(ticks.back().at == 2018);
    CHECK(ticks.back().label == "2018");
    CHECK(ticks.back().label_x + ticks.back().label_w <= 1000 - 3 + 0.01);
    // A year 400 px wide: months by name on a wide axis, by initial when narrower, none at
    // 160 px a year or less.
    ticks = timeline_ticks(2013, 2014, 400, seven_px);
    check_ticks_fit(ticks, 400);
    int named = 0;
    for (const AxisTick& t : ticks) named += !t.year && t.label.size() == 3;
    CHECK(named == 11);
    ticks = timeline_ticks(2013, 2014.5, 300, seven_px);  // 200 px a year: 16.7 px a month
    check_ticks_fit(ticks, 300);
    int initials = 0, month_ticks = 0;
    for (const AxisTick& t : ticks) {
        month_ticks += !t.year;
        initials += !t.year && t.label.size() == 1;
    }
    CHECK(month_ticks > 10);
    CHECK(initials > 10);
    ticks = timeline_ticks(2013, 2015, 300, seven_px);
    for (const AxisTick& t : ticks) CHECK(t.year);
    // Nothing for an empty range or no width.
    CHECK(timeline_ticks(2013, 2013, 300, seven_px).empty());
    CHECK(timeline_ticks(2013, 2014, 0, seven_px).empty());
}
