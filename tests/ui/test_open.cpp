// Opening a file through the app: Open... asks the platform for its picker, an imported
// text offers its key terms as chips that accept one, the problems panel lists and closes.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "app_fixture.hpp"
#include "ui_driver.hpp"

namespace {

using wwe::test::read_file;

struct Opened : wwe::test::AppUnderTest {
    void fonts() { rebuild_fonts(); }
};

// Whether the mirror's ops (App::take_semantics) hold `op` for the element `id`.
bool has_op(const std::string& ops, const char* op, const char* id) {
    if (ops.empty()) return false;
    for (const nlohmann::json& o : nlohmann::json::parse(ops))
        if (o["op"] == op && o.contains("id") && o["id"] == id) return true;
    return false;
}

}  // namespace

TEST_CASE("app: Open... in the toolbar asks the platform for its file picker, once") {
    Opened t;
    CHECK_FALSE(t.app.take_open_request());
    t.ui.click("Open...");
    CHECK(t.app.take_open_request());
    CHECK_FALSE(t.app.take_open_request());
}

TEST_CASE("app: an imported text shows its key terms, a click makes one a concept, the panel closes") {
    Opened t;
    const wwe::Update u = t.app.open_article(read_file(WWE_SOURCE_DIR "/tests/data/speech.txt"), "speech.txt",
                                             "2026-12-01", wwe::Origin::User, 1);
    CHECK(u.problems.empty());
    t.fonts();
    t.ui.frame(2);
    // The warnings (no author given) are in the notice; the problems panel is for files
    // that could not be opened, until closed.
    CHECK(t.app.controller().notice().problems.size() == t.app.controller().open_report().problems.size());
    CHECK(t.ui.try_find("Close", wwe::test::Find::in("##problems")) == nullptr);
    t.app.open_article("{", "bad.json", "", wwe::Origin::User, 2);
    t.ui.frame(2);
    CHECK(t.ui.try_find("Close", wwe::test::Find::in("##problems")) != nullptr);
    t.ui.click("Close", wwe::test::Find::in("##problems"));
    t.ui.frame();
    CHECK(t.ui.try_find("Close", wwe::test::Find::in("##problems")) == nullptr);
    CHECK(t.app.controller().corpus().article.meta.title == "Opening the Harbour Library");
    const std::size_t nodes = t.app.controller().corpus().article.nodes.size();
    const std::string first = t.app.controller().key_terms().front().label;
    t.ui.click("+ " + first + " (" + std::to_string(t.app.controller().key_terms().front().count) + ")##term/0");
    t.ui.frame();
    CHECK(t.app.controller().corpus().article.nodes.size() == nodes + 1);
    CHECK(t.app.controller().corpus().article.nodes.back().label == first);
}

TEST_CASE("app: the notebook is kept in the stored document, one per article, forgetting clears it") {
    std::string stored;
    {
        Opened t;
        t.app.restore_stored("", true, 0);
        CHECK(t.app.add_to_notebook("p2", "read again").empty());
        CHECK_FALSE(t.app.take_notebook_save().empty());
        CHECK(t.app.take_notebook_save().empty());  // unchanged: nothing more
        stored = t.app.controller().stored_json();
        CHECK(stored.find("read again") != std::string::npos);
    }
    Opened again;
    again.app.restore_stored(stored, true, 0);
    CHECK(again.app.notebook_json().find("read again") != std::string::npos);
    CHECK(again.app.controller().notice().empty());
    // Another article opened at run time has its own notebook (none yet); the first keeps its own.
    again.app.open_article(read_file(WWE_SOURCE_DIR "/tests/data/speech.txt"), "speech.txt", "2026-12-01", wwe::Origin::User, 1);
    CHECK(again.app.notebook_json().find("read again") == std::string::npos);
    again.app.take_notebook_save();
    CHECK(again.app.controller().stored_json().find("read again") != std::string::npos);
    // "Forget everything stored": the notebook goes with the views.
    again.ui.frame(2);
    again.app.take_semantics();
    again.app.semantic_action("saved/forget", 3);
    CHECK(again.app.controller().stored_json().find("read again") == std::string::npos);
    CHECK(again.app.notebook_json().find("\"entries\":[]") != std::string::npos);
}

TEST_CASE("app: Esc closes the problems panel first (the canvas's Esc and the mirror's), the search stays until then") {
    Opened t;
    const auto panel_shown = [&] { return t.ui.try_find("Close", wwe::test::Find::in("##problems")) != nullptr; };
    t.app.semantic_input("cooperation", false, 1);
    t.ui.frame();
    REQUIRE(t.app.controller().state().query == "cooperation");
    SUBCASE("the mirror's Esc") {
        t.app.open_article("{", "bad.json", "", wwe::Origin::User, 2);
        t.ui.frame(2);
        REQUIRE(panel_shown());
        t.app.take_semantics();
        t.app.semantic_key("escape", 3);
        t.ui.frame(2);
        CHECK_FALSE(panel_shown());
        CHECK(t.app.controller().state().query == "cooperation");  // not cleared
        const std::string ops = t.app.take_semantics();
        CHECK(has_op(ops, "remove", "problems-dialog"));
        CHECK(has_op(ops, "focus", "open"));  // back to what opens files
        t.app.semantic_key("escape", 4);  // no dialog now: the search goes
        t.ui.frame();
        CHECK(t.app.controller().state().query.empty());
    }
    SUBCASE("the canvas's Esc") {
        t.app.open_article("{", "bad.json", "", wwe::Origin::User, 2);
        t.ui.frame(2);
        REQUIRE(panel_shown());
        t.ui.key(ImGuiKey_Escape);
        t.ui.frame();
        CHECK_FALSE(panel_shown());
        CHECK(t.app.controller().state().query == "cooperation");
        t.ui.key(ImGuiKey_Escape);
        t.ui.frame();
        CHECK(t.app.controller().state().query.empty());
    }
    SUBCASE("the problems panel over the keyboard help: the panel first, then the help, then the search") {
        t.app.semantic_key("help", 2);
        t.ui.frame();
        t.app.open_article("{", "bad.json", "", wwe::Origin::User, 2);
        t.ui.frame(2);
        REQUIRE(panel_shown());
        t.app.semantic_key("escape", 3);
        t.ui.frame(2);
        CHECK_FALSE(panel_shown());
        t.app.take_semantics();
        t.app.semantic_key("escape", 4);
        t.ui.frame(2);
        const std::string ops = t.app.take_semantics();
        CHECK(has_op(ops, "remove", "help-dialog"));
        CHECK(t.app.controller().state().query == "cooperation");
        t.app.semantic_key("escape", 5);
        t.ui.frame();
        CHECK(t.app.controller().state().query.empty());
    }
}

TEST_CASE("app: with the page's search field over the canvas, another article opened keeps it the page's (no second field drawn under it)") {
    Opened t;
    t.app.set_dom_search(true);
    t.ui.frame(2);
    CHECK(t.ui.try_find("##search") == nullptr);  // the canvas draws only the frame
    t.app.open_article(read_file(WWE_SOURCE_DIR "/tests/data/speech.txt"), "speech.txt", "2026-12-01", wwe::Origin::User, 1);
    t.fonts();
    t.ui.frame(2);
    CHECK(t.app.controller().corpus().article.meta.title == "Opening the Harbour Library");
    CHECK(t.ui.try_find("##search") == nullptr);
}

TEST_CASE("app: the notice of a file whose problem quotes broken bytes reads as JSON (no exception)") {
    Opened t;
    const std::string text("\xEF\xBF\xBD\xEF\xBF\xBD{\0\"\0", 10);
    t.app.open_article(text, "x.json", "", wwe::Origin::Page, 1);
    t.ui.frame(2);
    std::string notice;
    CHECK_NOTHROW(notice = t.app.notice_json());
    const nlohmann::json j = nlohmann::json::parse(notice, nullptr, false);
    REQUIRE(j.is_object());
    CHECK(!j["problems"].empty());
}

TEST_CASE("app: a file with problems shows them once: in the problems panel, not also in the notice banner") {
    Opened t;
    t.app.take_semantics();
    t.app.open_article(read_file(WWE_SOURCE_DIR "/tests/data/broken.json"), "broken.json", "", wwe::Origin::User, 2);
    t.ui.frame(2);
    REQUIRE(t.ui.try_find("Close", wwe::test::Find::in("##problems")) != nullptr);
    REQUIRE(t.app.controller().notice_is_open_report());
    // The banner's Details button (the notice's problem lines) is not drawn under the panel.
    CHECK(t.ui.try_find("Details##notice-details") == nullptr);
    const std::string ops = t.app.take_semantics();
    CHECK(has_op(ops, "add", "problems-dialog"));
    CHECK_FALSE(has_op(ops, "add", "notice"));
    // Closing the panel closes its notice too: the problems are not shown a second time.
    t.ui.click("Close", wwe::test::Find::in("##problems"));
    t.ui.frame(2);
    CHECK(t.ui.try_find("Close", wwe::test::Find::in("##problems")) == nullptr);
    CHECK(t.app.controller().notice().empty());
    CHECK(t.ui.try_find("Details##notice-details") == nullptr);
}
