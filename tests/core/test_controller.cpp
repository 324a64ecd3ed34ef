// The controller with a made-up clock: history and its commit policy, undo, tours, the
// kiosk's idle clock, embed locks against every origin, notices, announcements.
#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "core/deep_link.hpp"
#include "fixture.hpp"

using namespace wwe;
namespace in = wwe::intent;

namespace {

// A controller over the fixture article, opened on `query` / `fragment` at t = 0.
struct Fixture {
    Controller c;
    double t = 0;
    explicit Fixture(std::string_view query = "", std::string_view fragment = "") {
        REQUIRE(c.load(test::mini_json()).ok);
        c.open_location(query, fragment, {}, t);
    }
    Update user(const Intent& i) { return c.apply(i, Origin::User, t); }
    Update at(double time, const Intent& i, Origin o = Origin::User) {
        t = time;
        return c.apply(i, o, t);
    }
    Update tick(double time) {
        t = time;
        return c.tick(t);
    }
    // Steps back through the whole history; returns the queries seen on the way.
    std::vector<std::string> queries_back() {
        std::vector<std::string> out{c.state().query};
        while (c.can_back()) {
            user(in::Back{});
            out.push_back(c.state().query);
        }
        return out;
    }
};

FacetSelection front(std::initializer_list<const char*> values) {
    FacetSelection s;
    for (const char* v : values) s["front"].insert(v);
    return s;
}

}  // namespace

TEST_CASE("controller: typed search text becomes one history step once it settles, not one per key") {
    Fixture f;
    const char* typed[] = {"w", "wi", "win", "win-", "win-w", "win-win"};
    double t = 1.0;
    for (const char* text : typed) {
        const Update u = f.at(t, in::SetQuery{text, true});
        CHECK_FALSE(u.committed);
        CHECK(f.c.query_pending());
        t += 0.3;  // faster than the settle time
    }
    CHECK(f.c.state().query == "win-win");
    CHECK_FALSE(f.c.can_back());
    // The wake-up is due the settle time after the last key, and nothing before it.
    CHECK(f.c.next_wakeup() == doctest::Approx(t - 0.3 + Controller::kQuerySettleSeconds));
    CHECK_FALSE(f.tick(t - 0.3 + Controller::kQuerySettleSeconds - 0.01).committed);
    const Update settled = f.tick(t - 0.3 + Controller::kQuerySettleSeconds);
    CHECK(settled.committed);
    CHECK_FALSE(f.c.query_pending());
    CHECK(f.c.can_back());
    CHECK(f.queries_back() == std::vector<std::string>{"win-win", ""});

    SUBCASE("leaving the box records it at once") {
        Fixture g;
        g.at(1, in::SetQuery{"zero", true});
        CHECK(g.at(1.1, in::SettleQuery{}).committed);
        CHECK(g.c.can_back());
    }
    SUBCASE("a click elsewhere records the text with the click") {
        Fixture g;
        g.at(1, in::SetQuery{"zero", true});
        const Update u = g.at(1.2, in::ShowView{View::Map});
        CHECK(u.committed);
        g.user(in::Back{});
        CHECK(g.c.state().query.empty());
        CHECK(g.c.state().view == View::Reader);
    }
    SUBCASE("the page's and the host's search text are steps at once") {
        Fixture g;
        CHECK(g.at(1, in::SetQuery{"zero", false}, Origin::Page).committed);
        CHECK(g.at(2, in::ApplyState{R"({"query": "partnership"})"}, Origin::Host).committed);
        CHECK(g.queries_back() == std::vector<std::string>{"partnership", "zero", ""});
    }
}

TEST_CASE("controller: the search box follows the state when someone else changes the query") {
    Fixture f;
    const auto serial = f.c.query_serial();
    f.at(1, in::SetQuery{"win", true});
    CHECK(f.c.query_serial() == serial);  // the user's own typing: the box has it already
    f.at(1.1, in::ApplyState{R"({"query": "zero-sum"})"}, Origin::Host);
    CHECK(f.c.query_serial() != serial);  // the box must show "zero-sum" even with the focus
    CHECK(f.c.state().query == "zero-sum");
    const auto again = f.c.query_serial();
    f.at(1.2, in::SetQuery{std::string("tab\there\nNUL") + '\0' + "x", true});
    CHECK(f.c.state().query == std::string("tab here NUL x"));
    CHECK(f.c.query_serial() != again);  // cleaned: the box shows what the state holds
}

TEST_CASE("controller: undo restores the previous filters only") {
    Fixture f;
    f.at(1, in::ToggleFacetValue{"front", "security"});
    f.at(2, in::ShowView{View::Map});
    f.at(3, in::Select{{Selection::Kind::Node, "bri"}});
    f.at(4, in::ToggleFacetValue{"front", "economic"});
    f.at(5, in::SetQuery{"win", false});
    REQUIRE(f.c.state().facets == front({"security", "economic"}));

    const Update u = f.at(6, in::Undo{});
    CHECK(u.announcement.find("Undone") == 0);
    CHECK(f.c.state().query.empty());
    CHECK(f.c.state().facets == front({"security", "economic"}));
    f.at(7, in::Undo{});
    CHECK(f.c.state().facets == front({"security"}));
    // The view and the selection are not filters: they stay.
    CHECK(f.c.state().view == View::Map);
    CHECK(f.c.state().selection == Selection{Selection::Kind::Node, "bri"});
    f.at(8, in::Undo{});
    CHECK(f.c.state().facets.empty());
    CHECK_FALSE(f.c.can_undo());
    f.at(9, in::Undo{});  // nothing left: nothing happens
    CHECK(f.c.state().view == View::Map);
}

TEST_CASE("controller: back and forward walk the committed steps, viewport and reading position are not steps") {
    Fixture f;
    f.at(1, in::ShowView{View::Map});
    f.at(2, in::SetMapViewport{10, -5, 2});
    f.at(3, in::ReadAt{"p2"});
    f.at(4, in::ShowView{View::Timeline});
    f.at(5, in::SetTimelineRange{2010, 2020});
    f.at(6, in::Back{});
    CHECK(f.c.state().view == View::Map);
    CHECK(f.c.can_forward());
    f.at(7, in::Back{});
    CHECK(f.c.state().view == View::Reader);
    CHECK_FALSE(f.c.can_back());
    f.at(8, in::Forward{});
    CHECK(f.c.state().view == View::Map);
}

TEST_CASE("controller: map pins, seed, colours and edge selections are part of the state and of history") {
    Fixture f;
    f.at(1, in::ShowView{View::Map});
    f.at(2, in::PinNode{"bri", 12.345f, -7});
    f.at(3, in::PinNode{"aiib", 40, 2});
    f.at(4, in::SetColorBy{"front"});
    f.at(5, in::Select{{Selection::Kind::Relation, "r1"}});
    const ViewState& s = f.c.state();
    CHECK(s.map.pins.size() == 2);
    CHECK(s.map.pins.at("bri").x == doctest::Approx(12.35f));  // rounded to 0.01 layout units
    CHECK(s.map.color == "front");
    // The link reproduces it exactly.
    std::vector<Diagnostic> p;
    CHECK(from_fragment(to_fragment(s, f.c.corpus()), f.c.corpus(), p) == s);
    CHECK(p.empty());
    f.at(6, in::Back{});
    CHECK(f.c.state().selection.empty());
    f.at(7, in::Back{});
    CHECK(f.c.state().map.color.empty());
    f.at(8, in::Relayout{});
    CHECK(f.c.state().map.seed == 2);
    CHECK(f.c.state().map.pins.size() == 2);  // pins stay
    f.at(9, in::UnpinAll{});
    CHECK(f.c.state().map.pins.empty());
    CHECK_FALSE(f.at(10, in::SetColorBy{"colour"}).problems.empty());
    CHECK_FALSE(f.at(11, in::PinNode{"nobody", 1, 1}).problems.empty());
    CHECK_FALSE(f.at(12, in::Select{{Selection::Kind::Pair, "aiib,bri"}}).problems.empty());  // not in article order
}

TEST_CASE("controller: a manual tour shows each stop when asked and never records history") {
    Fixture f;
    REQUIRE(f.c.tours().size() == 1);
    Update u = f.at(1, in::StartTour{0});
    CHECK(u.tour_step);
    CHECK(u.announcement.find("stop 1 of 2") != std::string::npos);
    CHECK(f.c.tour().playing());
    CHECK_FALSE(f.c.tour_autoplay());
    CHECK(std::isinf(f.c.next_wakeup()));  // a manual tour waits for Next
    f.tick(100);
    CHECK(f.c.tour().step() == 0);
    f.at(101, in::NextStop{});
    CHECK(f.c.state().view == View::Map);
    CHECK(f.c.state().facets == front({"security"}));
    CHECK_FALSE(f.c.can_back());
    f.at(102, in::PreviousStop{});
    CHECK(f.c.state().view == View::Reader);
    u = f.at(103, in::Dismiss{});  // Esc leaves the tour first
    CHECK_FALSE(f.c.tour().playing());
    CHECK(u.announcement == "Tour closed.");
    f.at(104, in::StartTour{0});
    f.at(105, in::NextStop{});
    f.at(106, in::NextStop{});  // past the last stop: the tour ends
    CHECK_FALSE(f.c.tour().playing());
    CHECK_FALSE(f.at(107, in::StartTour{3}).problems.empty());
}

TEST_CASE("controller: a kiosk goes home when idle, plays its attract tour on schedule and hands over on input") {
    Fixture f("kiosk&idle=30&tour_speed=2", "v=matrix");
    CHECK(f.c.embed().kiosk);
    f.tick(0);
    f.at(5, in::Activity{});
    f.at(5, in::ToggleFacetValue{"front", "economic"});
    f.at(6, in::ShowView{View::Timeline});
    CHECK(f.c.next_wakeup() == doctest::Approx(5 + 30));
    CHECK_FALSE(f.tick(34.9).home);
    CHECK(f.c.state().view == View::Timeline);

    Update u = f.tick(35);  // idle: home (the view the kiosk was opened on), then the tour
    CHECK(u.home);
    CHECK(u.tour_step);
    CHECK(f.c.tour().playing());
    CHECK(f.c.tour_autoplay());
    CHECK(f.c.state().facets.empty());  // the visitor's filters are gone
    CHECK(f.c.state().view == View::Reader);  // the tour's first stop
    CHECK_FALSE(f.c.can_back());
    CHECK_FALSE(f.c.can_undo());
    // Stop 1 lasts 4 s at speed 2: 2 s.
    CHECK(f.c.next_wakeup() == doctest::Approx(37));
    CHECK_FALSE(f.tick(36.9).tour_step);
    u = f.tick(37);
    CHECK(u.tour_step);
    CHECK(f.c.state().view == View::Map);
    // Stop 2 has no duration: the default 10 s (5 s at speed 2), then the loop starts over.
    CHECK(f.tick(42).tour_step);
    CHECK(f.c.state().view == View::Reader);
    CHECK(f.c.tour().playing());

    // A visitor touches the screen: the tour stops where it is.
    f.at(43, in::Activity{});
    CHECK_FALSE(f.c.tour().playing());
    CHECK_FALSE(f.tick(60).tour_step);
    CHECK(f.c.next_wakeup() == doctest::Approx(43 + 30));
    // Left alone again: home and the tour once more.
    CHECK(f.tick(73).home);
    CHECK(f.c.tour_autoplay());
}

TEST_CASE("controller: an embed's locked facets hold against intents of every origin") {
    Fixture f("embed&lock.front=security&views=reader,map");
    CHECK(f.c.state().facets == front({"security"}));
    for (const Origin o : {Origin::User, Origin::Page, Origin::Host, Origin::Tour, Origin::Link}) {
        CAPTURE(to_string(o));
        f.at(f.t + 1, in::ToggleFacetValue{"front", "security"}, o);
        CHECK(f.c.state().facets == front({"security"}));
        f.at(f.t + 1, in::ClearFacets{}, o);
        f.at(f.t + 1, in::ClearFilters{}, o);
        f.at(f.t + 1, in::SetFacets{front({"economic"}), false}, o);
        CHECK(f.c.state().facets == front({"security"}));
        f.at(f.t + 1, in::ApplyState{R"({"facets": {"front": ["economic"]}})"}, o);
        f.at(f.t + 1, in::OpenLink{"f.front=economic"}, o);
        f.at(f.t + 1, in::Undo{}, o);
        CHECK(f.c.state().facets == front({"security"}));
        // Views the embed does not offer are refused, the view stays.
        f.at(f.t + 1, in::ShowView{View::Map}, o);
        const Update u = f.at(f.t + 1, in::ShowView{View::Timeline}, o);
        CHECK_FALSE(u.problems.empty());
        CHECK(f.c.state().view == View::Map);
        f.at(f.t + 1, in::ApplyState{R"({"view": "matrix"})"}, o);
        CHECK(f.c.state().view == View::Map);
    }
    SUBCASE("the page and the host hear what was refused; the user and tours do not") {
        f.at(f.t + 1, in::DismissNotice{});  // links always say what they could not show
        CHECK_FALSE(f.at(f.t + 1, in::ApplyState{R"({"facets": {"front": ["economic"]}})"}, Origin::Host).problems.empty());
        CHECK(f.at(f.t + 1, in::ApplyState{R"({"facets": {"front": ["economic"]}})"}, Origin::Tour).problems.empty());
        // An embed shows no notices about the host's requests.
        CHECK(f.c.notice().empty());
    }
}

TEST_CASE("controller: a state applied in part says what applied before what was ignored") {
    Fixture f;
    const Update u = f.at(1, in::ApplyState{R"({"view": "map", "facets": {"front": ["economic"], "foo": ["x"]}, "zz": 1})"},
                          Origin::Page);
    CHECK(u.notice);
    CHECK(f.c.state().view == View::Map);
    CHECK(f.c.state().facets == front({"economic"}));
    CHECK(f.c.notice().title == "Part of the requested view could not be shown:");
    REQUIRE(f.c.notice().plain.size() == 3);
    CHECK(f.c.notice().plain[0] == "Applied: the filter \u201Cfront\u201D and the view.");
    CHECK(f.c.notice().plain[1] == "The filter \u201Cfoo\u201D was ignored.");
    CHECK(f.c.notice().plain[2].find("could not be used") != std::string::npos);  // the unknown member "zz"
    SUBCASE("a facet with some unknown values applies in part") {
        f.at(2, in::ApplyState{R"({"query": "trade", "facets": {"front": ["economic", "nope"]}})"}, Origin::Page);
        CHECK(f.c.notice().plain[0] == "Applied: the filter \u201Cfront\u201D (in part) and the search.");
    }
    SUBCASE("when nothing applied, the notice says so") {
        f.at(2, in::ApplyState{R"({"view": 3, "facets": {"foo": ["x"]}})"}, Origin::Page);
        CHECK(f.c.notice().plain[0] == "Nothing of the requested view was applied.");
        CHECK(f.c.state().view == View::Map);
        CHECK(f.c.state().facets == front({"economic"}));
    }
}

TEST_CASE("controller: notices name the refused parts of a link, and who sees them") {
    Fixture f("", "v=globe&f.front=security,naval&sel=concept:nobody&q=kept");
    CHECK(f.c.notice().title == "Part of this link could not be shown:");
    CHECK(f.c.notice().problems.size() == 3);
    // Plain words first, one sentence per part of the link left out; the
    // parser's text is the detail.
    CHECK(f.c.notice().plain == std::vector<std::string>{"The filter \u201Cfront\u201D in the link was left out.",
                                                         "The selection in the link was left out.",
                                                         "The view in the link was left out."});
    CHECK(f.c.notice().problems[0].rfind("error: #f.front: expected", 0) == 0);
    CHECK(f.c.state().query == "kept");
    CHECK(f.c.state().facets == front({"security"}));
    CHECK(f.at(1, in::DismissNotice{}).notice);
    CHECK(f.c.notice().empty());

    SUBCASE("the page's script gets a notice too (not embedded)") {
        const Update u = f.at(2, in::ApplyState{R"({"view": 3})"}, Origin::Page);
        CHECK(u.notice);
        CHECK(f.c.notice().title == "Part of the requested view could not be shown:");
        f.at(3, in::Highlight{"nobody"}, Origin::Page);
        CHECK(f.c.notice().title == "The page asked for something the explorer could not show:");
        f.at(4, in::Highlight{"bri"}, Origin::Page);  // fine now: the notice goes
        CHECK(f.c.notice().empty());
        CHECK(f.c.state().selection == Selection{Selection::Kind::Node, "bri"});
    }
    SUBCASE("invalid JSON is one problem") {
        const Update u = f.at(2, in::ApplyState{"{not json"}, Origin::Page);
        REQUIRE(u.problems.size() == 1);
        CHECK(u.problems[0].expected == "valid JSON");
        CHECK(u.problems[0].found.find("line 1, column 3") != std::string::npos);
        std::string deep(1000, '[');
        const Update d = f.at(3, in::ApplyState{deep}, Origin::Page);  // refused before any parsing
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].expected.find("nested") != std::string::npos);
    }
    SUBCASE("a link opened later (back/forward of the browser) is a history step") {
        const Update u = f.at(2, in::OpenLink{"v=map&sel=entity:bri"}, Origin::Link);
        CHECK(u.committed);
        CHECK(f.c.notice().empty());
        f.at(3, in::Back{});
        CHECK(f.c.state().view == View::Reader);
    }
    SUBCASE("a link with a broken escape: the student reads which part, the detail says why") {
        Fixture g("", "q=%ZZ&v=map");
        CHECK(g.c.state().view == View::Map);
        CHECK(g.c.notice().plain == std::vector<std::string>{"The search in the link was left out."});
        REQUIRE(g.c.notice().problems.size() == 1);
        CHECK(g.c.notice().problems[0].find("expected valid %XX escapes") != std::string::npos);
    }
    SUBCASE("a refused embed says it plainly") {
        Fixture g("?embed=x&lock.nonesuch=a", "");
        REQUIRE(g.c.refused());
        REQUIRE_FALSE(g.c.notice().plain.empty());
        CHECK(g.c.notice().plain[0].rfind("The page's lock on", 0) == 0);
        CHECK(g.c.notice().problems[0].find("?lock.nonesuch") != std::string::npos);
    }
    SUBCASE("going home with a reason says so") {
        f.at(2, in::GoHome{"an internal error: boom"});
        CHECK(f.c.notice().plain == std::vector<std::string>{"Something went wrong, so it starts afresh."});
        CHECK(f.c.notice().problems == std::vector<std::string>{"an internal error: boom"});
        CHECK(f.c.notice().title == "The explorer started again from its home view:");
        CHECK(f.c.state() == f.c.home());
    }
}

TEST_CASE("controller: announcements say what changed, in words") {
    Fixture f;
    std::string a = f.at(1, in::ToggleFacetValue{"front", "security"}).announcement;
    CHECK(a.find("Security ticked.") != std::string::npos);
    CHECK(a.find(" of ") != std::string::npos);  // "n of N passages match the filters."
    a = f.at(2, in::ShowView{View::Map}).announcement;
    CHECK(a == "Map view.");
    a = f.at(3, in::Select{{Selection::Kind::Node, "bri"}}).announcement;
    CHECK(a.find("Selected ") == 0);
    a = f.at(4, in::Dismiss{}).announcement;
    CHECK(a == "Selection cleared.");
    a = f.at(5, in::SetMapViewport{1, 2, 1.5f}).announcement;
    CHECK(a.empty());  // panning is not worth a word
    a = f.at(6, in::ClearFilters{}).announcement;
    CHECK(a.find("All ") != std::string::npos);
}

TEST_CASE("controller: opening a passage hidden by the filters clears them first and asks the reader to flash it") {
    Fixture f;
    f.at(1, in::ToggleFacetValue{"front", "security"});
    const Derived& d = f.c.derived();
    int hidden = -1;
    for (int p = 0; p < static_cast<int>(d.in.size()); ++p)
        if (!d.passage_in(p)) hidden = p;
    REQUIRE(hidden >= 0);
    const auto serial = f.c.reveal().serial;
    f.at(2, in::OpenPassage{f.c.corpus().article.passages[static_cast<std::size_t>(hidden)].id, false});
    CHECK(f.c.state().facets.empty());
    CHECK(f.c.reveal().serial == serial + 1);
    CHECK(f.c.reveal().passage == hidden);
    CHECK(f.c.reveal().flash);
    f.at(3, in::Undo{});  // Ctrl+Z brings the filters back
    CHECK(f.c.state().facets == front({"security"}));
}

TEST_CASE("controller: nothing happens before an article is loaded, a bad article keeps the one shown") {
    Controller c;
    CHECK_FALSE(c.apply(intent::ShowView{View::Map}, Origin::User, 0).problems.empty());
    CHECK(std::isinf(c.next_wakeup()));
    REQUIRE(c.load(test::mini_json()).ok);
    c.apply(intent::ShowView{View::Map}, Origin::User, 1);
    const LoadReport bad = c.load("{\"format\": 3}");
    CHECK_FALSE(bad.ok);
    CHECK_FALSE(bad.errors.empty());
    CHECK(c.state().view == View::Map);  // the article shown stays, with its state
}

TEST_CASE("controller: the browser's back and forward (links to the neighbouring states) walk the same history") {
    Fixture f;
    const auto here = [&] { return to_fragment(f.c.state(), f.c.corpus()); };
    const std::string reader = here();
    f.user(in::ShowView{View::Map});
    const std::string map = here();
    f.user(in::ToggleFacetValue{"front", "economic"});
    const std::string filtered = here();
    // The browser's back: a link to the state before. The explorer's Forward then goes on.
    f.at(1, in::OpenLink{map}, Origin::Link);
    CHECK(here() == map);
    REQUIRE(f.c.can_forward());
    CHECK(f.c.can_back());
    f.at(2, in::OpenLink{reader}, Origin::Link);
    CHECK(here() == reader);
    CHECK_FALSE(f.c.can_back());
    // The browser's forward, then the explorer's.
    f.at(3, in::OpenLink{map}, Origin::Link);
    CHECK(here() == map);
    f.user(in::Forward{});
    CHECK(here() == filtered);
    CHECK_FALSE(f.c.can_forward());
    // A link to a state that is not a neighbour is a step of its own (the steps after the
    // cursor go, as after any new step).
    f.user(in::Back{});
    f.at(4, in::OpenLink{"ver=2&v=matrix"}, Origin::Link);
    CHECK(f.c.state().view == View::Matrix);
    CHECK_FALSE(f.c.can_forward());
    f.user(in::Back{});
    CHECK(here() == map);
}

TEST_CASE("controller: the theme follows theme= and the system settings, live, reduced motion is kept") {
    Controller c;
    REQUIRE(c.load(test::mini_json()).ok);
    SystemPreferences dark;
    dark.dark = true;
    c.open_location("theme=auto", "", dark, 0);
    CHECK(c.theme() == ThemeKind::Dark);
    CHECK(c.dark());
    CHECK_FALSE(c.reduced_motion());
    SystemPreferences light;  // the system switched to light
    CHECK(c.set_preferences(light));
    CHECK(c.theme() == ThemeKind::Light);
    CHECK_FALSE(c.set_preferences(light));  // nothing changed
    SystemPreferences calm;
    calm.reduced_motion = true;
    CHECK_FALSE(c.set_preferences(calm));  // the theme stays; the setting is kept
    CHECK(c.reduced_motion());
    SystemPreferences more;
    more.more_contrast = true;
    CHECK(c.set_preferences(more));
    CHECK(c.theme() == ThemeKind::Contrast);
    CHECK(c.dark());

    Controller fixed;  // theme=light: the colour scheme does not matter, high contrast does
    REQUIRE(fixed.load(test::mini_json()).ok);
    fixed.open_location("theme=light", "", dark, 0);
    CHECK(fixed.theme() == ThemeKind::Light);
    SystemPreferences forced;
    forced.forced_colors = true;
    CHECK(fixed.set_preferences(forced));
    CHECK(fixed.theme() == ThemeKind::Contrast);
}

TEST_CASE("controller: typed search text is announced once typing pauses or ends, not once per key") {
    Fixture f;
    double t = 1.0;
    for (const char* text : {"w", "wi", "win"}) {
        CHECK(f.at(t, in::SetQuery{text, true}).announcement.empty());
        t += 0.2;
    }
    CHECK(f.tick(t).announcement.empty());  // not paused long enough yet
    const Update paused = f.tick(t - 0.2 + Controller::kQuerySettleSeconds);
    INFO(paused.announcement);
    // The search and what it found in one sentence, the search text named once.
    CHECK(paused.announcement == "\u201Cwin\u201D: 1 of 4 passages matches.");
    CHECK(f.tick(t + 5).announcement.empty());  // said once

    SUBCASE("Enter or leaving the box (the text as kept, then settled) says it at once, once") {
        Fixture g;
        g.at(1, in::SetQuery{"zero", true});
        const Update u = g.at(1.1, in::SetQuery{"zero", false});
        CHECK(u.announcement.find("\u201Czero\u201D: ") == 0);
        CHECK(g.at(1.1, in::SettleQuery{}).announcement.empty());
        CHECK(g.tick(5).announcement.empty());
    }
    SUBCASE("a click while typing says the search with what the click did") {
        Fixture g;
        g.at(1, in::SetQuery{"zero", true});
        const Update u = g.at(1.2, in::ShowView{View::Map});
        CHECK(u.announcement.find("Map view.") != std::string::npos);
        CHECK(u.announcement.find("\u201Czero\u201D: ") != std::string::npos);
    }
    SUBCASE("typed back to where it was: nothing to say") {
        Fixture g;
        g.at(1, in::SetQuery{"z", true});
        g.at(1.1, in::SetQuery{"", true});
        CHECK(g.tick(1.1 + Controller::kQuerySettleSeconds).announcement.empty());
    }
    SUBCASE("with filters ticked, the search leads and the filters follow; the text once") {
        Fixture g;
        g.at(1, in::ToggleFacetValue{"front", "security"});
        const std::string said = g.at(2, in::SetQuery{"win", false}).announcement;
        INFO(said);
        CHECK(said.find("\u201Cwin\u201D and the filters: ") == 0);
        CHECK(said.find("\u201Cwin\u201D", 1) == std::string::npos);
        CHECK(g.at(3, in::SetQuery{"", false}).announcement.find("Search cleared.") == 0);
    }
    SUBCASE("the page's or the host's search text is said at once") {
        Fixture g;
        CHECK_FALSE(g.at(1, in::SetQuery{"zero", false}, Origin::Page).announcement.empty());
    }
}

TEST_CASE("controller: controls are finger-sized in a kiosk and where the primary pointer is a finger") {
    Fixture mouse;
    CHECK_FALSE(mouse.c.touch_targets());
    SystemPreferences phone;
    phone.coarse_pointer = true;
    mouse.c.set_preferences(phone);
    CHECK(mouse.c.touch_targets());
    Fixture kiosk("?kiosk");
    CHECK(kiosk.c.touch_targets());
    CHECK(Controller::kTouchTarget >= 44.0f);
}
