// Data text as ImGui labels: a label from the article holding "##" (ImGui's id separator)
// shows whole in the facets panel and the Entities table (ImLabel, widgets.hpp).
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"
#include "app_fixture.hpp"
#include "ui_driver.hpp"

namespace {

std::string article_with_hashes() {
    nlohmann::json a = nlohmann::json::parse(wwe::test::shipped_article());
    a["facets"][0]["values"][0]["label"] = "a##b";
    a["entities"][0]["label"] = "a##b";  // a row of the Entities table
    return a.dump();
}

// The items of the last frame whose label, as drawn (joiners removed), is `shown`.
int drawn_as(const wwe::test::UiDriver& ui, const std::string& shown) {
    int n = 0;
    for (const wwe::test::Item& item : ui.items())
        if (wwe::ui::ShownLabel(item.label) == shown) ++n;
    return n;
}

}  // namespace

TEST_CASE("labels: ImLabel keeps every '#' and breaks each \"##\" so ImGui shows it all") {
    CHECK(wwe::ui::ImLabel("plain") == "plain");
    CHECK(wwe::ui::ImLabel("a#b") == "a#b");
    const std::string l = wwe::ui::ImLabel("a##b###c");
    CHECK(l.find("##") == std::string::npos);
    CHECK(wwe::ui::ShownLabel(l) == "a##b###c");
}

TEST_CASE("labels: a facet value and a node named \"a##b\" show their whole text, the joiner draws nothing") {
    wwe::ui::App app;
    wwe::test::UiDriver ui;
    REQUIRE(app.load(article_with_hashes()).ok);
    app.open_location("", "v=entities", {}, 0);
    wwe::ui::build_fonts(*ui.io().Fonts, app.fonts(), 1.0f, app.font_text());
    app.fonts_changed();
    ui.set_draw([&app](double time) { app.frame(time); });
    ui.frame(2);
    // The facets panel's check box and the Entities table's row.
    CHECK(drawn_as(ui, "a##b") == 2);
    CHECK(ui.try_find(wwe::ui::ImLabel("a##b"), wwe::test::Find::in("##facets")) != nullptr);
    CHECK(ui.try_find(wwe::ui::ImLabel("a##b"), wwe::test::Find::in("##entities")) != nullptr);
    // U+2060 takes no width: the label measures as the text itself.
    ImGui::SetCurrentContext(ui.context());
    ImFont* font = app.fonts().body;
    REQUIRE(font != nullptr);
    const std::string label = wwe::ui::ImLabel("a##b");
    CHECK(font->CalcTextSizeA(font->FontSize, 1e9f, 0, label.c_str()).x ==
          doctest::Approx(font->CalcTextSizeA(font->FontSize, 1e9f, 0, "a##b").x));
    CHECK(font->FindGlyphNoFallback(0x2060) != nullptr);
}
