// The reader and the map as a student's trial found them (issue 12): the best matches' tier
// labels from the core's table, each passage's "…" beside its number, the map's labels from
// the core's placement at "Fit" on a phone, mapNodes()'s label boxes, a relation of the
// details panel selecting its edge, whole-pixel text columns and the timeline's pinch.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "core/query.hpp"
#include "core/search.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "app_fixture.hpp"
#include "ui_driver.hpp"

using nlohmann::json;

namespace {

// The app opened at `fragment` on a screen of `params`.
struct Explorer : wwe::test::AppUnderTest {
    explicit Explorer(std::string_view fragment, wwe::test::DriverParams params = {})
        : AppUnderTest("", fragment, "", params) {}
};

wwe::test::DriverParams phone() {
    wwe::test::DriverParams p;
    p.display_size = ImVec2(390, 844);
    return p;
}

}  // namespace

TEST_CASE("reader: the best matches are marked with the core's tier labels, as explorer.query() names them") {
    Explorer t("q=dialogue");  // a concept's name: its passages match as "the name"
    t.ui.frame(2);
    wwe::QueryRequest r;
    r.text = "dialogue";
    r.limit = 6;
    r.passages = false;
    const wwe::QueryResult res = wwe::run_query(t.app.controller().corpus(), r);
    REQUIRE_FALSE(res.paragraphs.empty());
    CHECK(res.paragraphs[0].tier == wwe::MatchTier::Name);
    std::vector<std::string> problems;
    const json api = json::parse(t.app.query_json(R"({"text": "dialogue"})", problems));
    CHECK(problems.empty());
    CHECK(api["paragraphs"][0]["match"] == "name");
    // The first chip says what the API says, in the table's words.
    const std::string label = "\xC2\xB6" + std::to_string(res.paragraphs[0].passage + 1) + " \xC2\xB7 " +
                              wwe::match_tier_label(res.paragraphs[0].tier) + "##best0";
    CHECK(t.ui.try_find(label, wwe::test::Find::in("##reader")) != nullptr);
    CHECK(std::string(wwe::match_tier_label(wwe::MatchTier::Name)) == "the name");
}

TEST_CASE("reader: each passage's \xE2\x80\xA6 sits beside its number and shows without the pointer over it") {
    Explorer t("");
    t.ui.move_mouse(ImVec2(2, 795));  // far from the text
    t.ui.frame(2);
    const wwe::test::Item& text = t.ui.find("##text", wwe::test::Find::in("##reader", 0));
    const wwe::test::Item* actions = t.ui.try_find("##passage-actions", wwe::test::Find::in("##reader", 0));
    REQUIRE(actions != nullptr);
    CHECK(actions->visible());
    // Left of the text, in the gutter, on the first line (where the number is).
    CHECK(actions->rect.Max.x <= text.rect.Min.x - 12);
    CHECK(actions->rect.Min.x >= text.rect.Min.x - 60);
    const float first_line_mid = text.rect.Min.y + 10;
    CHECK(actions->rect.Min.y <= first_line_mid);
    CHECK(actions->rect.Max.y >= first_line_mid);
    // And it opens the passage's menu.
    t.ui.click("##passage-actions", wwe::test::Find::in("##reader", 0));
    t.ui.frame(2);
    CHECK(t.ui.try_find("Add to notebook") != nullptr);
}

TEST_CASE("reader: the text column is whole pixels wide and starts on a whole pixel") {
    wwe::test::DriverParams p;
    p.display_size = ImVec2(1093.5f, 800);  // a window of a fractional width
    Explorer t("", p);
    t.ui.frame(2);
    const wwe::test::Item& text = t.ui.find("##text", wwe::test::Find::in("##reader", 0));
    CHECK(text.rect.Min.x == std::floor(text.rect.Min.x));
    // The passage's element (its column and 4 px either side), as placed for the mirror.
    const json ops = json::parse(t.app.take_semantics());
    bool found = false;
    for (const json& op : ops) {
        if (op.value("op", "") != "place" || op.value("id", "") != "passage/p1") continue;
        found = true;
        const double w = op["w"].get<double>();
        CHECK(w == std::floor(w));
    }
    CHECK(found);
}

TEST_CASE("map: at Fit on a 390 x 844 phone every node is inside the canvas and the hubs are labelled") {
    Explorer t("v=map", phone());
    t.ui.wait(3.0);  // the layout finishes and eases in
    const wwe::test::Item& canvas = t.ui.find("##mapcanvas");
    const json nodes = json::parse(t.app.map_nodes_json());
    const wwe::Corpus& corpus = t.app.controller().corpus();
    REQUIRE(nodes.size() == corpus.article.nodes.size());
    std::vector<std::size_t> by_mentions(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) by_mentions[i] = i;
    std::stable_sort(by_mentions.begin(), by_mentions.end(), [&](std::size_t a, std::size_t b) {
        return corpus.node_mentions[a].size() > corpus.node_mentions[b].size();
    });
    for (const json& n : nodes) {
        INFO(n["id"].get<std::string>());
        const double x = n["x"], y = n["y"], r = n["r"];
        CHECK(n["visible"] == true);
        CHECK(x - r >= canvas.rect.Min.x);
        CHECK(x + r <= canvas.rect.Max.x);
        CHECK(y - r >= canvas.rect.Min.y);
        CHECK(y + r <= canvas.rect.Max.y);
    }
    for (std::size_t k = 0; k < 10; ++k) {
        const json& n = nodes[by_mentions[k]];
        INFO(n["id"].get<std::string>());
        CHECK(n["labelled"] == true);
    }
    for (const json& n : nodes)
        if (n["id"] == "dialogue") CHECK(n["labelled"] == true);
}

TEST_CASE("map: mapNodes() reports each label's text and box, null for a node without one") {
    Explorer t("v=map");
    t.ui.wait(3.0);
    const wwe::test::Item& canvas = t.ui.find("##mapcanvas");
    const json nodes = json::parse(t.app.map_nodes_json());
    int labelled = 0, unlabelled = 0;
    for (const json& n : nodes) {
        INFO(n["id"].get<std::string>());
        REQUIRE(n.contains("label_text"));
        REQUIRE(n.contains("label_box"));
        if (!n["labelled"]) {
            ++unlabelled;
            CHECK(n["label_text"].is_null());
            CHECK(n["label_box"].is_null());
            continue;
        }
        ++labelled;
        const std::string text = n["label_text"];
        const std::string label = n["label"];
        // The whole label, or its start and an ellipsis.
        const bool whole = text == label;
        const bool cut = text.size() > 3 && text.compare(text.size() - 3, 3, "\xE2\x80\xA6") == 0 &&
                         label.compare(0, text.size() - 3, text, 0, text.size() - 3) == 0;
        CHECK((whole || cut));
        const json& box = n["label_box"];
        const double bx = box["x"], by = box["y"], bw = box["w"], bh = box["h"];
        CHECK(bw > 0);
        CHECK(bh > 0);
        CHECK(bx >= canvas.rect.Min.x - 0.5);
        CHECK(bx + bw <= canvas.rect.Max.x + 0.5);
        CHECK(by >= canvas.rect.Min.y - 0.5);
        CHECK(by + bh <= canvas.rect.Max.y + 0.5);
    }
    CHECK(labelled >= 10);
    (void)unlabelled;
}

TEST_CASE("details: a relation clicked in the details panel selects its edge on the map and in the link") {
    Explorer t("v=map&sel=concept:dialogue");
    t.ui.wait(2.0);
    t.intents.clear();
    t.ui.click("##relation", wwe::test::Find::in("##details", 0));
    t.ui.frame(2);
    CHECK(t.state()["selection"]["kind"] == "relation");
    CHECK(t.state()["selection"]["id"] == "dialogue--instead_of--confrontation");
    CHECK(t.app.fragment().find("sel=relation:dialogue--instead_of--confrontation") != std::string::npos);
    CHECK(t.state()["view"] == "map");
}

TEST_CASE("timeline: two fingers apart zoom in about their centre, together zoom out, as on the map") {
    Explorer t("v=timeline");
    t.ui.frame(2);
    const wwe::test::Item& axis = t.ui.find("##timeline", wwe::test::Find::match(0));
    const json before = t.state()["timeline"];
    // Fitted at first: the range is resolved on the first change.
    auto span = [&] {
        const json tl = t.state()["timeline"];
        return tl["end"].get<double>() - tl["begin"].get<double>();
    };
    const ImVec2 mid((axis.rect.Min.x + axis.rect.Max.x) * 0.5f, (axis.rect.Min.y + axis.rect.Max.y) * 0.5f);
    // A pinch of `scale` centred at (x, y), as the platform reports it, over two frames.
    auto pinch = [&](float scale, float x, float y) {
        t.next.pinch_scale = scale;
        t.next.pinch_x = x;
        t.next.pinch_y = y;
        t.next.pinching = true;
        t.ui.frame();
        t.ui.frame();
    };
    pinch(1.5f, mid.x, mid.y);
    REQUIRE(t.state()["timeline"] != before);
    const double zoomed_in = span();
    CHECK(zoomed_in > 0);
    pinch(0.5f, mid.x, mid.y);
    CHECK(span() == doctest::Approx(zoomed_in * 2.0).epsilon(0.01));
    // Outside the axis a pinch does nothing to it.
    const json now = t.state()["timeline"];
    pinch(2.0f, 2, 2);
    CHECK(t.state()["timeline"] == now);
}
