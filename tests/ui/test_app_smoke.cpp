// Smoke tests of the whole app (src/ui/app.hpp) with the shipped article, driven through its
// widgets. Short on purpose: App's interface is changing; the driver does not depend on it.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui_driver.hpp"

using nlohmann::json;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The app as a page without query or fragment opens it, 1280 x 800, fonts at ratio 1.
struct AppUnderTest {
    wwe::ui::App app;
    wwe::test::UiDriver ui;

    AppUnderTest() {
        REQUIRE(app.load(read_file(WWE_SOURCE_DIR "/assets/article.json")).ok);
        app.open_location("", "", false);
        wwe::ui::build_fonts(*ui.io().Fonts, app.fonts(), 1.0f, app.font_text());
        app.fonts_changed();
        ui.set_draw([this](double time) { app.frame(time); });
        ui.frame(2);
    }
    json state() const { return json::parse(app.state_json()); }
};

}  // namespace

TEST_CASE("app: ticking Security under Front filters by front=security") {
    AppUnderTest t;
    // Dimension and Front both have a Security value; the panel lists Dimension first.
    const auto front = wwe::test::Find::in("##facets", 1);
    CHECK_FALSE(t.ui.find("Security", front).checked());
    t.ui.click("Security", front);
    CHECK(t.state()["facets"] == json::parse(R"({"front": ["security"]})"));
    CHECK(t.ui.find("Security", front).checked());
    CHECK_FALSE(t.ui.find("Security", wwe::test::Find::in("##facets", 0)).checked());
}

TEST_CASE("app: the Map tab shows the concept map") {
    AppUnderTest t;
    t.ui.click("Map##tab1");  // tabs are InvisibleButtons: "<label>##tab<view>" (view_toolbar.cpp)
    CHECK(t.state()["view"] == "map");
    CHECK(t.ui.try_find("Fit", wwe::test::Find::in("##map")) != nullptr);
}

TEST_CASE("app: typed search text becomes the query, a history step once it settled") {
    AppUnderTest t;
    t.ui.click("##search");
    t.ui.type("security");
    // Still typing: no history step yet. The text settles after 0.8 s.
    CHECK(t.app.committed_fragment().find("security") == std::string::npos);
    t.ui.wait(1.0);
    CHECK(t.state()["query"] == "security");
    CHECK(t.app.committed_fragment().find("q=security") != std::string::npos);
}

TEST_CASE("app: Esc clears the selection") {
    AppUnderTest t;
    t.ui.click("Entities##tab4");
    t.ui.click("Russia", wwe::test::Find::in("##entities"));
    REQUIRE(t.state()["selection"].is_object());
    CHECK(t.state()["selection"]["id"] == "russia");
    t.ui.key(ImGuiKey_Escape);
    CHECK(t.state()["selection"].is_null());
}
