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
