// Shared fixture of the UI tests: the whole app (src/ui/app.hpp) opened on an article and
// drawn by the test driver (ui_driver.hpp), with the intents its frames emitted.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui_driver.hpp"

namespace wwe::test {

// A file's bytes; fails the test when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The shipped article (assets/article.json) as text.
inline std::string shipped_article() { return read_file(WWE_SOURCE_DIR "/assets/article.json"); }

// The app as a page opens it: `article` (the shipped one when empty) loaded, the location's
// `query` and `fragment` applied, fonts at ratio 1, on a screen of `params` (1280 x 800 by
// default), two frames drawn. `intents` then holds what later frames emit.
struct AppUnderTest {
    wwe::ui::App app;
    UiDriver ui;
    std::vector<wwe::Intent> intents;  // every intent the frames emitted, in order
    wwe::ui::FrameInput next;          // what the platform recognised for the next frame (a pinch)

    explicit AppUnderTest(std::string_view query = "", std::string_view fragment = "", std::string article = "",
                          DriverParams params = {})
        : ui(params) {
        REQUIRE(app.load(article.empty() ? shipped_article() : article).ok);
        app.open_location(query, fragment, {}, 0);
        rebuild_fonts();
        ui.set_draw([this](double time) {
            wwe::ui::FrameReport report = app.frame(time, next);
            next = {};
            for (wwe::Intent& i : report.intents) intents.push_back(std::move(i));
        });
        ui.frame(2);
        intents.clear();
    }
    // The atlas rebuilt for the article's characters, as the platform does after an open.
    void rebuild_fonts() {
        wwe::ui::build_fonts(*ui.io().Fonts, app.fonts(), 1.0f, app.font_text());
        app.fonts_changed();
    }
    nlohmann::json state() const { return nlohmann::json::parse(app.state_json()); }
    // A press and release at `pos` (screen, ImGui units).
    void click_at(ImVec2 pos) {
        ui.move_mouse(pos);
        ui.io().MouseDown[0] = true;
        ui.frame();
        ui.io().MouseDown[0] = false;
        ui.frame(2);
    }
    // The intents of one kind emitted so far.
    template <class T>
    std::vector<T> emitted() const {
        std::vector<T> out;
        for (const wwe::Intent& i : intents)
            if (const T* t = std::get_if<T>(&i)) out.push_back(*t);
        return out;
    }
};

}  // namespace wwe::test
