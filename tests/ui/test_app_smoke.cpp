// The whole app (src/ui/app.hpp) with the shipped article, driven through its widgets: each
// test clicks, types or presses keys and checks the intents the views emitted (what the
// controller was asked) and, through the state, what it made of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/views.hpp"
#include "app_fixture.hpp"
#include "ui_driver.hpp"

using nlohmann::json;

namespace {

using wwe::test::AppUnderTest;
using wwe::test::read_file;

}  // namespace

TEST_CASE("app: ticking Security under Front filters by front=security") {
    AppUnderTest t;
    // Dimension and Front both have a Security value; the panel lists Dimension first.
    const auto front = wwe::test::Find::in("##facets", 1);
    CHECK_FALSE(t.ui.find("Security", front).checked());
    t.ui.click("Security", front);
    const auto toggles = t.emitted<wwe::intent::ToggleFacetValue>();
    REQUIRE(toggles.size() == 1);
    CHECK(toggles[0].facet == "front");
    CHECK(toggles[0].value == "security");
    CHECK(t.state()["facets"] == json::parse(R"({"front": ["security"]})"));
    CHECK(t.ui.find("Security", front).checked());
    CHECK_FALSE(t.ui.find("Security", wwe::test::Find::in("##facets", 0)).checked());
}

TEST_CASE("app: the Map tab shows the concept map") {
    AppUnderTest t;
    t.ui.click("Map##tab1");  // tabs are InvisibleButtons: "<label>##tab<view>" (view_toolbar.cpp)
    const auto shows = t.emitted<wwe::intent::ShowView>();
    REQUIRE(shows.size() == 1);
    CHECK(shows[0].view == wwe::View::Map);
    CHECK(t.state()["view"] == "map");
    CHECK(t.ui.try_find("Fit", wwe::test::Find::in("##map")) != nullptr);
}

TEST_CASE("app: typed search text becomes the query, a history step once it settled") {
    AppUnderTest t;
    t.ui.click("##search");
    t.ui.type("security");
    // One SetQuery per key, each marked as typing; no history step yet.
    const auto typed = t.emitted<wwe::intent::SetQuery>();
    REQUIRE_FALSE(typed.empty());
    CHECK(typed.back().text == "security");
    for (const auto& q : typed) CHECK(q.typing);
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
    CHECK(t.emitted<wwe::intent::Dismiss>().size() == 1);
    CHECK(t.state()["selection"].is_null());
}

TEST_CASE("app: a setState from the host page while the search box has the focus updates the box") {
    AppUnderTest t;
    t.ui.click("##search");
    t.ui.type("win");
    REQUIRE(t.state()["query"] == "win");
    t.app.set_state_json(R"({"query": "security"})", wwe::Origin::Host, t.ui.time());
    t.ui.frame(2);
    // The box shows the new text; the next key goes after it (not after the old "win").
    t.ui.type("x");
    CHECK(t.state()["query"] == "securityx");
}

TEST_CASE("app: the map's controls emit map intents, a click on a node selects it") {
    AppUnderTest t("", "v=map");
    t.ui.wait(2.0);  // the layout finishes and eases in
    t.ui.click("Re-layout", wwe::test::Find::in("##map"));
    CHECK(t.emitted<wwe::intent::Relayout>().size() == 1);
    CHECK(t.state()["map"]["seed"] == 2);
    t.ui.click("Fit", wwe::test::Find::in("##map"));
    CHECK(t.emitted<wwe::intent::FitMap>().size() == 1);
    // A node: from the drawing the page API reports (CSS px = ImGui units at scale 1).
    t.ui.wait(2.0);
    const json nodes = json::parse(t.app.map_nodes_json());
    const json* target = nullptr;
    for (const json& n : nodes)
        if (n["visible"] && !n["dimmed"] && n["r"].get<double>() >= 6) target = &n;
    REQUIRE(target != nullptr);
    t.click_at(ImVec2((*target)["x"].get<float>(), (*target)["y"].get<float>()));
    const auto selects = t.emitted<wwe::intent::Select>();
    REQUIRE(selects.size() == 1);
    CHECK(selects[0].selection.id == (*target)["id"]);
    CHECK(t.state()["selection"]["id"] == (*target)["id"]);
}

TEST_CASE("app: shortcut keys are intents too: a view key, back, undo") {
    AppUnderTest t;
    t.ui.click("Security", wwe::test::Find::in("##facets", 1));
    t.ui.move_mouse(ImVec2(640, 790));  // away from the text box: keys are not typing
    t.next.view_key = 2;
    t.ui.frame();
    CHECK(t.state()["view"] == "map");
    t.next.undo_key = true;  // Ctrl+Z as the platform reports it
    t.ui.frame();
    CHECK(t.emitted<wwe::intent::Undo>().size() == 1);
    CHECK(t.state()["facets"].empty());
    t.next.back_key = true;
    t.ui.frame();
    CHECK(t.emitted<wwe::intent::Back>().size() == 1);
}

TEST_CASE("app: the semantic layer — the mirror's ops, placed elements, no work while nothing changes, actions") {
    AppUnderTest t;
    const json first = json::parse(t.app.take_semantics());
    REQUIRE(first.is_array());
    std::map<std::string, json> adds, places;
    for (const json& op : first) {
        if (op["op"] == "add") adds[op["id"]] = op;
        if (op["op"] == "place") places[op["id"]] = op;
    }
    REQUIRE(adds.count("facet/front/security"));
    CHECK(adds["facet/front/security"]["role"] == "checkbox");
    CHECK(adds["search/box"]["role"] == "searchbox");
    // Where the canvas drew them: the checkbox over the facet panel, a passage's text in pieces.
    REQUIRE(places.count("facet/front/security"));
    CHECK(places["facet/front/security"]["w"].get<double>() > 10);
    bool pieces = false;
    for (const auto& [id, op] : places) pieces = pieces || op.contains("pieces");
    CHECK(pieces);
    // Frames that change nothing give no ops.
    t.ui.frame(3);
    CHECK(t.app.take_semantics().empty());
    // Activating the mirror's checkbox is ticking the canvas's.
    t.app.semantic_action("facet/front/security", t.ui.time());
    t.ui.frame();
    CHECK(t.state()["facets"] == json::parse(R"({"front": ["security"]})"));
    const json after = json::parse(t.app.take_semantics());
    bool checked = false, announced = false;
    for (const json& op : after) {
        if (op["op"] == "update" && op["id"] == "facet/front/security") {
            const auto& f = op["flags"];
            checked = std::find(f.begin(), f.end(), "checked") != f.end();
        }
        if (op["op"] == "announce") announced = op["text"].get<std::string>().find("Security ticked") != std::string::npos;
    }
    CHECK(checked);
    CHECK(announced);
    // Keys from the mirror: Esc clears the search; "search" asks the page to focus the box.
    t.app.semantic_input("belt", false, t.ui.time());
    t.ui.frame();
    CHECK(t.state()["query"] == "belt");
    t.app.semantic_key("escape", t.ui.time());
    t.ui.frame();
    CHECK(t.state()["query"] == "");
    t.app.take_semantics();
    t.app.semantic_key("search", t.ui.time());
    t.ui.frame();
    const json focus = json::parse(t.app.take_semantics());
    bool focused = false;
    for (const json& op : focus) focused = focused || (op["op"] == "focus" && op["id"] == "search/box");
    CHECK(focused);
}

TEST_CASE("app: the mirror's colours, the keyboard help as a dialog, a drag scrolls the reader for fingers only") {
    AppUnderTest t;
    const json first = json::parse(t.app.take_semantics());
    std::map<std::string, json> places;
    bool styled = false;
    for (const json& op : first) {
        if (op["op"] == "style") styled = op["text"] == "#22252a" && op["dark"] == false;
        if (op["op"] == "place") places[op["id"]] = op;
    }
    CHECK(styled);
    // "?" from the mirror: the help is a dialog of the tree, the focus goes to its Close.
    t.app.semantic_key("help", t.ui.time());
    t.ui.frame();
    const json opened = json::parse(t.app.take_semantics());
    bool dialog = false, focus = false;
    for (const json& op : opened) {
        dialog = dialog || (op["op"] == "add" && op["id"] == "help-dialog" && op["role"] == "dialog");
        focus = focus || (op["op"] == "focus" && op["id"] == "help-dialog/close");
    }
    CHECK(dialog);
    CHECK(focus);
    t.app.semantic_key("escape", t.ui.time());
    t.ui.frame();
    const json closed = json::parse(t.app.take_semantics());
    bool removed = false, back = false;
    for (const json& op : closed) {
        removed = removed || (op["op"] == "remove" && op["id"] == "help-dialog");
        back = back || (op["op"] == "focus" && op["id"] == "help");
    }
    CHECK(removed);
    CHECK(back);
    // A drag over the text: a mouse selects (the page's text layer), a finger scrolls.
    REQUIRE(places.count("view"));
    REQUIRE(places.count("passage/p2"));
    const ImVec2 at(places["view"]["x"].get<float>() + places["passage/p2"]["x"].get<float>() + 80,
                    places["view"]["y"].get<float>() + places["passage/p2"]["y"].get<float>() + 20);
    auto drag = [&](bool touch) {
        t.intents.clear();
        t.ui.move_mouse(at);
        t.next.touch = touch;
        t.ui.frame();
        t.ui.io().MouseDown[0] = true;
        for (int i = 1; i <= 8; ++i) {
            t.next.touch = touch;
            t.ui.frame();
            t.ui.move_mouse(ImVec2(at.x, at.y - 40.0f * static_cast<float>(i)));
        }
        t.ui.io().MouseDown[0] = false;
        t.ui.frame(3);
        return t.emitted<wwe::intent::ReadAt>().size();
    };
    CHECK(drag(false) == 0);
    CHECK(drag(true) > 0);
}

TEST_CASE("app: a full screen button only where the page allows it, the canvas's and the mirror's ask the same") {
    AppUnderTest t;
    CHECK(t.ui.try_find("Full screen") == nullptr);  // until the page says it may
    t.app.take_semantics();
    t.app.set_fullscreen(true, false);
    t.ui.frame();
    REQUIRE(t.ui.try_find("Full screen") != nullptr);
    const json ops = json::parse(t.app.take_semantics());
    bool offered = false;
    for (const json& op : ops) offered = offered || (op["op"] == "add" && op["id"] == "fullscreen" && op["role"] == "button");
    CHECK(offered);
    CHECK_FALSE(t.app.take_fullscreen_request());
    t.ui.click("Full screen");
    CHECK(t.app.take_fullscreen_request());
    CHECK_FALSE(t.app.take_fullscreen_request());  // once
    // Full screen now: the button leaves it, and the mirror's button asks the same.
    t.app.set_fullscreen(true, true);
    t.ui.frame();
    CHECK(t.ui.try_find("Exit full screen") != nullptr);
    t.app.semantic_action("fullscreen", t.ui.time());
    CHECK(t.app.take_fullscreen_request());
    // A page that may not (an iframe without allow="fullscreen"): no button at all.
    t.app.set_fullscreen(false, false);
    t.ui.frame();
    CHECK(t.ui.try_find("Full screen") == nullptr);
    CHECK(t.ui.try_find("Exit full screen") == nullptr);
}

TEST_CASE("app: the Share dialog of an embed starts from its own options: its id, its tab order, its locks only") {
    AppUnderTest t("embed=course&views=map,reader,matrix&lock.front=economic", "f.dimension=development");
    t.app.semantic_action("share", t.ui.time());
    t.ui.frame(3);
    const json ops = json::parse(t.app.take_semantics());
    std::string code;
    for (const json& op : ops) {
        if (op.contains("name") && op["name"].get<std::string>().find("<iframe") != std::string::npos) code = op["name"];
        if (op.contains("value") && op["value"].get<std::string>().find("<iframe") != std::string::npos) code = op["value"];
        if (op.contains("description") && op["description"].get<std::string>().find("<iframe") != std::string::npos)
            code = op["description"];
    }
    INFO(ops.dump());
    REQUIRE_FALSE(code.empty());
    CHECK(code.find("embed=course") != std::string::npos);
    CHECK(code.find("views=map,reader,matrix") != std::string::npos);
    CHECK(code.find("lock.front=economic") != std::string::npos);
    CHECK(code.find("lock.dimension") == std::string::npos);  // a chosen filter, not a lock
    CHECK(code.find("f.dimension=development") != std::string::npos);
}

namespace {

// The shipped article with its passages repeated (new ids, the last section) to `count`.
std::string long_article(int count) {
    json a = json::parse(read_file(WWE_SOURCE_DIR "/assets/article.json"));
    const json base = a["passages"];
    for (int i = static_cast<int>(base.size()); i < count; ++i) {
        json p = base[static_cast<std::size_t>(i) % base.size()];
        p["id"] = "p" + std::to_string(i + 1);
        p["section"] = a["sections"].back()["id"];
        a["passages"].push_back(p);
    }
    return a.dump();
}

// Every "place" op of the ops so far, by id (the last one of each), and the ids unplaced.
struct Placed {
    std::map<std::string, json> places;
    std::set<std::string> unplaced;
    void read(const std::string& ops) {
        if (ops.empty()) return;
        for (const json& op : json::parse(ops)) {
            if (op["op"] == "place") {
                places[op["id"]] = op;
                unplaced.erase(op["id"]);
            }
            if (op["op"] == "unplace") {
                places.erase(op["id"]);
                unplaced.insert(op["id"]);
            }
        }
    }
    int passages() const {
        int n = 0;
        for (const auto& [id, op] : places) n += id.rfind("passage/", 0) == 0 && id.find('/', 8) == std::string::npos;
        return n;
    }
};

std::size_t largest_draw_list() {
    const ImDrawData* d = ImGui::GetDrawData();
    std::size_t most = 0;
    for (int i = 0; d && i < d->CmdListsCount; ++i) most = std::max(most, static_cast<std::size_t>(d->CmdLists[i]->VtxBuffer.Size));
    return most;
}

}  // namespace

TEST_CASE("app: a 2,000-passage reader lays out and draws only the passages in view, at its top and its end") {
    static_assert(sizeof(ImDrawIdx) == 4, "32-bit vertex indices (cmake/imgui.cmake)");
    AppUnderTest t("", "", long_article(2000));
    Placed placed;
    placed.read(t.app.take_semantics());
    CHECK(placed.places.count("passage/p1"));
    CHECK(placed.passages() >= 1);
    CHECK(placed.passages() < 20);  // only those in view
    const std::size_t top_vertices = largest_draw_list();
    CHECK(top_vertices < 65536);
    // To the end: the last passage is placed, the first no longer; as little is drawn.
    t.app.semantic_key("end", t.ui.time());
    t.ui.frame(3);
    placed.read(t.app.take_semantics());
    CHECK(placed.places.count("passage/p2000"));
    CHECK_FALSE(placed.places.count("passage/p1"));
    CHECK(placed.unplaced.count("passage/p1"));
    CHECK(placed.passages() < 20);
    CHECK(largest_draw_list() < 65536);
    CHECK(largest_draw_list() < top_vertices * 3);
    // Back home: the first passage again, where it was.
    t.app.semantic_key("home", t.ui.time());
    t.ui.frame(3);
    placed.read(t.app.take_semantics());
    CHECK(placed.places.count("passage/p1"));
    CHECK_FALSE(placed.places.count("passage/p2000"));
}

TEST_CASE("app: a new filter keeps the passage being read at the top when the result still has it") {
    const std::string text = long_article(400);
    const json a = json::parse(text);
    std::size_t k = 290;  // a passage far down with a facet value (some have none)
    while (k < 400 && a["passages"][k]["facets"].empty()) ++k;
    REQUIRE(k < 400);
    const std::string pid = a["passages"][k]["id"].get<std::string>();
    AppUnderTest t("", "", text);
    t.app.set_state_json(json{{"passage", pid}}.dump(), wwe::Origin::Page, t.ui.time());
    t.ui.frame(3);
    Placed placed;
    placed.read(t.app.take_semantics());
    REQUIRE(placed.places.count("passage/" + pid));
    const float y0 = placed.places["passage/" + pid]["y"].get<float>();
    // One of its facet values, ticked by the user (the mirror's checkbox).
    const auto& facets = a["passages"][k]["facets"];
    const std::string id = "facet/" + facets.begin().key() + "/" + facets.begin().value()[0].get<std::string>();
    t.app.semantic_action(id, t.ui.time());
    t.ui.frame(3);
    CHECK(t.state()["passage"] == pid);
    placed.read(t.app.take_semantics());
    REQUIRE(placed.places.count("passage/" + pid));
    CHECK(std::abs(placed.places["passage/" + pid]["y"].get<float>() - y0) < 2.0f);
}

namespace {

// The ops of `ops` (take_semantics' JSON) of kind `op` for `id`.
bool has_op(const std::string& ops, std::string_view op, std::string_view id) {
    if (ops.empty()) return false;
    for (const json& o : json::parse(ops))
        if (o["op"] == op && o.contains("id") && o["id"] == id) return true;
    return false;
}

}  // namespace

TEST_CASE("app: the narrow toolbar (More): the mirror's Export and Tour open their menus, placed under More") {
    wwe::test::DriverParams narrow;
    narrow.display_size = ImVec2(700, 760);
    AppUnderTest t("", "", "", narrow);
    REQUIRE(t.ui.try_find("More") != nullptr);
    CHECK(t.ui.try_find("Export") == nullptr);  // in the More menu, not in the toolbar
    t.app.take_semantics();
    t.app.semantic_action("export", t.ui.time());
    t.ui.frame(3);
    std::string ops = t.app.take_semantics();
    INFO(ops);
    CHECK(has_op(ops, "add", "export-menu"));
    CHECK(has_op(ops, "place", "export-menu"));
    CHECK(has_op(ops, "place", "export/svg"));
    CHECK(has_op(ops, "focus", "export/png"));
    // Again: it closes, the focus back on Export.
    t.app.semantic_action("export", t.ui.time());
    t.ui.frame(3);
    ops = t.app.take_semantics();
    CHECK(has_op(ops, "remove", "export-menu"));
    if (!t.app.controller().tours().empty()) {
        t.app.semantic_action("tours", t.ui.time());
        t.ui.frame(3);
        ops = t.app.take_semantics();
        CHECK(has_op(ops, "add", "tours-menu"));
        CHECK(has_op(ops, "place", "tours-menu"));
        CHECK(has_op(ops, "focus", "tour/" + t.app.controller().tours().front().id));
    }
}

TEST_CASE("app: a focused item of a long evidence list (laid out only in view) is scrolled to and placed") {
    AppUnderTest t("", "", long_article(600));
    // The node in the most passages.
    const wwe::Corpus& c = t.app.controller().corpus();
    std::size_t node = 0;
    for (std::size_t i = 0; i < c.node_passages.size(); ++i)
        if (c.node_passages[i].size() > c.node_passages[node].size()) node = i;
    const std::vector<int>& passages = c.node_passages[node];
    REQUIRE(passages.size() > 150);
    CHECK(t.app.highlight(c.article.nodes[node].id, wwe::Origin::Page, t.ui.time()).empty());
    t.ui.frame(3);
    Placed placed;
    const std::string last = "details/passage/" + c.article.passages[static_cast<std::size_t>(passages.back())].id + "/open";
    const std::string first = "details/passage/" + c.article.passages[static_cast<std::size_t>(passages.front())].id + "/open";
    t.app.semantic_focus(first);
    t.ui.frame(3);
    placed.read(t.app.take_semantics());
    REQUIRE(placed.places.count(first));
    CHECK_FALSE(placed.places.count(last));  // hundreds of lines further down: not laid out
    t.app.semantic_focus(last);
    t.ui.frame(3);
    placed.read(t.app.take_semantics());
    CHECK(placed.places.count(last));
    CHECK_FALSE(placed.places.count(first));
}

TEST_CASE("app: the Share dialog's size typed in the mirror: applied clamped at once, drawn as typed, kept when done") {
    AppUnderTest t;
    t.app.semantic_action("share", t.ui.time());
    t.ui.frame(3);
    t.app.take_semantics();
    const auto snippet = [&] {
        std::string code;
        const std::string ops = t.app.take_semantics();
        if (ops.empty()) return code;
        for (const json& op : json::parse(ops))
            if (op.contains("id") && op["id"] == "share-dialog/embed" && op.contains("value")) code = op["value"];
        return code;
    };
    t.app.semantic_value("share-dialog/width", "64", 2);  // still typing
    t.ui.frame(2);
    CHECK(snippet().find("width=\"200\"") != std::string::npos);  // clamped at once, as the canvas's field does
    t.app.semantic_value("share-dialog/width", "640", 3);
    t.ui.frame(2);
    CHECK(snippet().find("width=\"640\"") != std::string::npos);
    t.app.semantic_value("share-dialog/width", "99999", -1);  // done
    t.ui.frame(2);
    CHECK(snippet().find("width=\"4000\"") != std::string::npos);

    // What the drawn fields show (ShareState::Typing): the text as typed, with the caret.
    wwe::ui::ShareState d;
    wwe::ui::share_option(d, "share-dialog/width", "64", 1);
    CHECK(d.width == wwe::ui::kShareMinWidth);
    CHECK(d.width_typing.text == "64");
    CHECK(d.width_typing.caret == 1);
    wwe::ui::share_option(d, "share-dialog/height", "", 0);  // emptied: nothing drawn, the caret at 0
    CHECK(d.height_typing.text.empty());
    CHECK(d.height_typing.caret == 0);
    wwe::ui::share_option(d, "share-dialog/width", "64", -1);  // done: the clamped value drawn
    CHECK(d.width_typing.caret == -1);
    CHECK(d.width == wwe::ui::kShareMinWidth);
    wwe::ui::share_option(d, "share-dialog/id", "Week 3", 6);  // filtered as typed
    CHECK(d.embed_id == "week3");
    CHECK(d.id_typing.text == "week3");
    CHECK(d.id_typing.caret == 5);
}

TEST_CASE("app: a passage naming one concept thousands of times: one paragraph with one link, the whole text in the mirror") {
    json a = json::parse(read_file(WWE_SOURCE_DIR "/assets/article.json"));
    const std::string label = a["concepts"][0]["label"].get<std::string>();
    json extra = a["passages"].back();
    extra["id"] = "repeated";
    std::string text;
    while (text.size() + label.size() + 1 < 150000) text += label + " ";
    text.pop_back();
    extra["text"] = text;
    a["passages"].push_back(extra);
    const std::string article = a.dump();
    AppUnderTest t("", "", article);
    t.app.set_state_json(json{{"passage", "repeated"}}.dump(), wwe::Origin::Page, t.ui.time());
    t.ui.frame(3);
    const std::string ops = t.app.take_semantics();
    CHECK(ops.size() < 3 * article.size());  // the tree follows the text, not the mentions
    int links = 0;
    std::string mirrored;
    for (const json& op : json::parse(ops)) {
        if (op["op"] != "add") continue;
        const std::string id = op["id"];
        if (id.rfind("passage/repeated/", 0) != 0) continue;
        if (id.rfind("passage/repeated/m", 0) == 0) ++links;
        if (id.rfind("passage/repeated/m", 0) == 0 || id.rfind("passage/repeated/t", 0) == 0)
            mirrored += op.value("name", std::string());
    }
    CHECK(links == 1);
    CHECK(mirrored == text);
}

namespace {

// The elements `ops` (App::take_semantics) leaves placed, by id (Placed's reading).
std::map<std::string, json> places_of(const std::string& ops) {
    Placed placed;
    placed.read(ops);
    return placed.places;
}

}  // namespace

TEST_CASE("app: the one-panel layout: the mirror's tabs over the view drop-down, Saved and Notebook over More") {
    wwe::test::DriverParams narrow;
    narrow.display_size = ImVec2(700, 760);
    AppUnderTest t("", "", "", narrow);
    const wwe::test::Item* combo = t.ui.try_find("##view");
    const wwe::test::Item* more = t.ui.try_find("More");
    REQUIRE(combo != nullptr);
    REQUIRE(more != nullptr);
    std::map<std::string, json> places = places_of(t.app.take_semantics());
    const auto over = [&](const std::string& id, const wwe::test::Item& item) {
        CAPTURE(id);
        REQUIRE(places.count(id));
        const json& p = places[id];
        CHECK(std::abs(p["x"].get<float>() - item.rect.Min.x) < 1);
        CHECK(std::abs(p["y"].get<float>() - item.rect.Min.y) < 1);
        CHECK(std::abs(p["w"].get<float>() - item.rect.GetWidth()) < 1);
        CHECK(std::abs(p["h"].get<float>() - item.rect.GetHeight()) < 1);
    };
    // The tab list where the drop-down is drawn, every tab with it (relative to it: 0, 0).
    over("tabs", *combo);
    for (const char* tab : {"tab/reader", "tab/map", "tab/matrix", "tab/terms"}) {
        CAPTURE(tab);
        REQUIRE(places.count(tab));
        CHECK(places[tab]["x"] == 0);
        CHECK(places[tab]["y"] == 0);
        CHECK(places[tab]["w"] == places["tabs"]["w"]);
    }
    // Saved views and the notebook are in the More menu: over More, as Share and Export.
    over("saved", *more);
    over("notebook-button", *more);
    over("export", *more);
    CHECK(places.count("saved/save"));
    CHECK(places.count("saved/forget"));
    // Wide again: each tab over its own drawn tab, the list not placed.
    t.ui.io().DisplaySize = ImVec2(1280, 800);
    t.ui.frame(2);
    const std::string ops = t.app.take_semantics();
    places = places_of(ops);
    REQUIRE(t.ui.try_find("Map##tab1") != nullptr);
    over("tab/map", *t.ui.try_find("Map##tab1"));
    CHECK(ops.find("\"unplace\"") != std::string::npos);
}

TEST_CASE("app: the Share dialog's fields: each mirror element covers the field's frame, not its label") {
    AppUnderTest t;
    t.app.semantic_action("share", t.ui.time());
    t.ui.frame(3);
    std::map<std::string, json> places = places_of(t.app.take_semantics());
    REQUIRE(places.count("share-dialog/width"));
    REQUIRE(places.count("share-dialog/height"));
    // Both fields are 70 px wide; the height's "px" after it is not the field.
    CHECK(places["share-dialog/height"]["w"] == places["share-dialog/width"]["w"]);
    CHECK(places["share-dialog/height"]["w"].get<float>() == doctest::Approx(70).epsilon(0.01));
    // Exactly the frame ImGui drew (the driver's item rectangle is the frame; the item's own
    // rectangle, which the mirror was given before, runs on over the label).
    const wwe::test::Item* height = t.ui.try_find("px##h");
    REQUIRE(height != nullptr);
    CHECK(places["share-dialog/height"]["w"].get<float>() == doctest::Approx(height->rect.GetWidth()).epsilon(0.01));
    CHECK(places["share-dialog/height"]["x"].get<float>() == doctest::Approx(height->rect.Min.x - places["share-dialog"]["x"].get<float>()).epsilon(0.01));
    CHECK(places["share-dialog/scale"]["w"].get<float>() == doctest::Approx(160).epsilon(0.01));
    CHECK(places["share-dialog/id"]["w"].get<float>() == doctest::Approx(160).epsilon(0.01));
}

TEST_CASE("app: the mirror's Notebook button opens and closes the notebook window, as the canvas's") {
    AppUnderTest t;
    t.app.take_semantics();
    CHECK(t.ui.try_find("Markdown") == nullptr);
    t.app.semantic_action("notebook-button", t.ui.time());
    t.ui.frame(2);
    CHECK(t.ui.try_find("Markdown") != nullptr);  // the window's export buttons
    std::string ops = t.app.take_semantics();
    INFO(ops);
    bool expanded = false;
    for (const json& op : json::parse(ops)) {
        if (op["op"] != "update" || op["id"] != "notebook-button") continue;
        for (const json& f : op["flags"]) expanded = expanded || f == "expanded";
    }
    CHECK(expanded);
    t.app.semantic_action("notebook-button", t.ui.time());
    t.ui.frame(2);
    CHECK(t.ui.try_find("Markdown") == nullptr);
    // The canvas's button does the same.
    t.ui.click("Notebook");
    t.ui.frame();
    CHECK(t.ui.try_find("Markdown") != nullptr);
}

TEST_CASE("app: a passage's \xE2\x80\xA6 menu opens by mouse in the reader, in search results and in Contexts") {
    SUBCASE("the reader") {
        AppUnderTest t;
        t.ui.hover("##text", wwe::test::Find::in("##reader", 0));  // the first passage's text
        t.ui.click("##passage-actions", wwe::test::Find::in("##reader", 0));  // every passage in view has one
        t.ui.frame(2);
        CHECK(t.ui.try_find("Add to notebook") != nullptr);
        CHECK(t.ui.try_find("Copy with citation") != nullptr);
        t.ui.click("Add to notebook");
        CHECK(t.app.notebook_json().find("\"p1\"") != std::string::npos);
    }
    SUBCASE("search results") {
        AppUnderTest t("", "q=security");
        t.ui.frame(2);
        t.ui.hover("##text", wwe::test::Find::in("##reader", 0));
        t.ui.click("##passage-actions", wwe::test::Find::in("##reader", 0));  // every passage in view has one
        t.ui.frame(2);
        CHECK(t.ui.try_find("Add to notebook") != nullptr);
    }
    SUBCASE("Contexts rows") {
        AppUnderTest t("", "v=contexts&q=security");
        t.ui.frame(2);
        t.ui.click("##more", wwe::test::Find::match(0));
        t.ui.frame(2);
        CHECK(t.ui.try_find("Add to notebook") != nullptr);
    }
}

namespace {
// The ids of the mirror's ops of one kind ("add", "remove", "focus") in `ops` (take_semantics).
std::vector<std::string> op_ids(const std::string& ops, const char* kind) {
    std::vector<std::string> out;
    if (ops.empty()) return out;
    for (const json& op : json::parse(ops))
        if (op["op"] == kind) out.push_back(op["id"]);
    return out;
}
bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

TEST_CASE("app: a passage's actions from the keyboard: its menu button, Shift+F10 on the passage, Esc") {
    SUBCASE("the reader's actions button opens the canvas's menu and the mirror's, the focus in it") {
        AppUnderTest t;
        const std::string first = t.app.take_semantics();
        REQUIRE(has(op_ids(first, "add"), "passage/p1/actions"));
        t.app.semantic_focus("passage/p1/actions");
        t.ui.frame();
        // Focused, the "…" is drawn (not only under the pointer) and placed for the focus ring.
        CHECK(t.ui.try_find("##passage-actions", wwe::test::Find::in("##reader", 0)) != nullptr);
        t.app.take_semantics();
        t.app.semantic_action("passage/p1/actions", t.ui.time());
        t.ui.frame(3);
        CHECK(t.ui.try_find("Add to notebook") != nullptr);  // the canvas's menu, drawn
        const std::string ops = t.app.take_semantics();
        INFO(ops);
        const auto added = op_ids(ops, "add");
        CHECK(has(added, "passage-menu"));
        CHECK(has(added, "passage-menu/collect"));
        CHECK(has(op_ids(ops, "focus"), "passage-menu/copy"));
        CHECK(has(op_ids(ops, "place"), "passage-menu/collect"));
        // Choosing an item in the mirror does what the click does; the menu goes, the focus back.
        t.app.semantic_focus("passage-menu/collect");
        t.app.semantic_action("passage-menu/collect", t.ui.time());
        t.ui.frame(3);
        CHECK(t.app.notebook_json().find("\"p1\"") != std::string::npos);
        CHECK(t.ui.try_find("In the notebook") == nullptr);
        const std::string after = t.app.take_semantics();
        INFO(after);
        CHECK(has(op_ids(after, "remove"), "passage-menu"));
        CHECK(has(op_ids(after, "focus"), "passage/p1/actions"));
    }
    SUBCASE("Shift+F10 on a mention of a passage opens that passage's menu; Esc closes it") {
        AppUnderTest t;
        const std::string first = t.app.take_semantics();
        std::string mention;
        for (const std::string& id : op_ids(first, "add"))
            if (mention.empty() && id.rfind("passage/p2/m", 0) == 0) mention = id;
        REQUIRE_FALSE(mention.empty());
        t.app.semantic_focus(mention);
        t.app.semantic_key("context-menu", t.ui.time());
        t.ui.frame(3);
        std::string ops = t.app.take_semantics();
        INFO(ops);
        CHECK(has(op_ids(ops, "add"), "passage-menu"));
        CHECK(t.ui.try_find("Copy with citation") != nullptr);
        t.app.semantic_focus("passage-menu/copy");
        t.app.semantic_key("escape", t.ui.time());
        t.ui.frame(3);
        CHECK(t.ui.try_find("Copy with citation") == nullptr);
        ops = t.app.take_semantics();
        CHECK(has(op_ids(ops, "remove"), "passage-menu"));
        CHECK(has(op_ids(ops, "focus"), "passage/p2/actions"));
        CHECK(t.state()["selection"].is_null());  // Esc closed the menu only
    }
    SUBCASE("a Contexts row's actions") {
        AppUnderTest t("", "v=contexts&q=security");
        t.ui.frame(2);
        const std::string first = t.app.take_semantics();
        REQUIRE(has(op_ids(first, "add"), "contexts/row/0/actions"));
        t.app.semantic_focus("contexts/row/0/open");
        t.app.semantic_key("context-menu", t.ui.time());
        t.ui.frame(3);
        CHECK(t.ui.try_find("Add to notebook") != nullptr);
        CHECK(has(op_ids(t.app.take_semantics(), "add"), "passage-menu/collect"));
    }
}

TEST_CASE("app: the notebook in the mirror: a labelled dialog with its entries, notes and exports, Esc closes it") {
    AppUnderTest t;
    CHECK(t.app.add_to_notebook("p2", "about the cultural front").empty());  // no problem
    t.ui.frame(2);
    t.app.take_semantics();
    t.app.semantic_focus("notebook-button");
    t.app.semantic_action("notebook-button", t.ui.time());
    t.ui.frame(2);
    std::string ops = t.app.take_semantics();
    INFO(ops);
    std::map<std::string, json> adds;
    for (const json& op : json::parse(ops))
        if (op["op"] == "add") adds[op["id"]] = op;
    REQUIRE(adds.count("notebook-dialog"));
    CHECK(adds["notebook-dialog"]["role"] == "dialog");
    CHECK(adds["notebook-dialog"]["name"] == "Notebook: 1 passage");
    CHECK(adds.count("notebook/export/markdown"));
    CHECK(adds.count("notebook/export/csl"));
    REQUIRE(adds.count("notebook/entry/0/note"));
    CHECK(adds["notebook/entry/0/note"]["role"] == "textbox");
    CHECK(adds["notebook/entry/0/note"]["value"] == "about the cultural front");
    CHECK(adds.count("notebook/entry/0/open"));
    CHECK(adds.count("notebook/entry/0/remove"));
    CHECK(has(op_ids(ops, "focus"), "notebook/entry/0/note"));  // the focus moves into it
    CHECK(has(op_ids(ops, "place"), "notebook/entry/0/note"));
    CHECK(has(op_ids(ops, "place"), "notebook-dialog"));
    // A note typed in the mirror is the entry's note.
    t.app.semantic_focus("notebook/entry/0/note");
    t.app.semantic_value("notebook/entry/0/note", "my own words", 12);
    t.ui.frame();
    CHECK(t.app.notebook_json().find("my own words") != std::string::npos);
    // An export from the mirror downloads, as the canvas's button.
    t.app.semantic_action("notebook/export/markdown", t.ui.time());
    t.ui.frame();
    const auto downloads = t.app.take_downloads();
    REQUIRE(downloads.size() == 1);
    CHECK(downloads[0].filename == "notebook.md");
    // Esc closes it, the focus back on the Notebook button.
    t.app.take_semantics();
    t.app.semantic_key("escape", t.ui.time());
    t.ui.frame(2);
    CHECK(t.ui.try_find("Markdown") == nullptr);
    ops = t.app.take_semantics();
    CHECK(has(op_ids(ops, "remove"), "notebook-dialog"));
    CHECK(has(op_ids(ops, "focus"), "notebook-button"));
}

TEST_CASE("app: Enter on a Contexts row opens the row's passage in the reader and puts the focus on it") {
    AppUnderTest t("", "v=contexts&q=security");
    t.ui.frame(2);
    const std::string first = t.app.take_semantics();
    // The last row: its passage is far below the first.
    std::string row;
    for (const std::string& id : op_ids(first, "add"))
        if (id.rfind("contexts/row/", 0) == 0 && id.size() > 5 && id.substr(id.size() - 5) == "/open") row = id;
    REQUIRE_FALSE(row.empty());
    std::string passage;
    for (const json& op : json::parse(first))
        if (op["op"] == "add" && op["id"] == row) passage = op["name"].get<std::string>().substr(2);  // "¶12"
    REQUIRE_FALSE(passage.empty());
    const std::string pid = "passage/p" + passage;
    t.app.semantic_focus(row);
    t.app.semantic_action(row, t.ui.time());
    t.ui.frame(3);
    const std::string ops = t.app.take_semantics();
    INFO(ops);
    CHECK(t.state()["view"] == "reader");
    CHECK(has(op_ids(ops, "focus"), pid));
    CHECK(has(op_ids(ops, "place"), pid));  // scrolled to: drawn
}

TEST_CASE("app: the focus on a theme chip of a passage below the fold scrolls the reader to it") {
    AppUnderTest t;
    const std::string first = t.app.take_semantics();
    std::map<std::string, json> places;
    for (const json& op : json::parse(first))
        if (op["op"] == "place") places[op["id"]] = op;
    // The first passage whose text shows but whose first chip does not.
    std::string chip;
    for (const std::string& id : op_ids(first, "add")) {
        if (id.find("/tag/") == std::string::npos || id.size() < 7 || id.substr(id.size() - 7) != "/toggle") continue;
        const std::string passage = id.substr(0, id.find("/tag/"));
        if (places.count(passage) && !places.count(id)) {
            chip = id;
            break;
        }
    }
    REQUIRE_FALSE(chip.empty());
    t.app.semantic_focus(chip);
    t.ui.frame(4);
    const std::string ops = t.app.take_semantics();
    INFO(chip << "\n" << ops);
    CHECK(has(op_ids(ops, "place"), chip));  // drawn: in view
}

TEST_CASE("app: saved views by keyboard: the mirror's order is the drawn order, a focused item is drawn and placed") {
    AppUnderTest t;
    t.app.semantic_action("saved/save", t.ui.time());
    t.ui.frame(2);
    std::vector<std::string> order;
    for (const json& op : json::parse(t.app.take_semantics()))
        if (op["op"] == "order" && op["id"] == "saved") order = op["children"].get<std::vector<std::string>>();
    const auto at = [&](const char* id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
    REQUIRE(at("saved/0/open") < static_cast<long>(order.size()));
    CHECK(at("saved/0/delete") < at("saved/0/open"));
    CHECK(t.ui.try_find("Delete") == nullptr);  // the pop-up is closed
    t.app.semantic_focus("saved/0/delete");
    t.ui.frame(3);
    // The Saved pop-up shows for the focus: its items are drawn, each mirror element over one.
    const std::string ops = t.app.take_semantics();
    INFO(ops);
    std::map<std::string, json> places;
    for (const json& op : json::parse(ops))
        if (op["op"] == "place") places[op["id"]] = op;
    REQUIRE(places.count("saved/0/delete"));
    REQUIRE(places.count("saved/0/open"));
    // Drawn Delete then the name, on one line: the mirror (and so the arrow keys) in that order.
    CHECK(places["saved/0/delete"]["x"].get<double>() < places["saved/0/open"]["x"].get<double>());
    CHECK(t.ui.try_find("Delete") != nullptr);
    // The focus leaves: the pop-up it opened closes.
    t.app.semantic_focus("search/box");
    t.ui.frame(3);
    CHECK(t.ui.try_find("Delete") == nullptr);
}
