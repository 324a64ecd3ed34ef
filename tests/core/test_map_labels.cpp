// The map's label placement (core/map_labels.hpp): the hubs and the selection are always
// labelled — shortened or moved out rather than dropped on a crowded phone-sized canvas —
// labels stay inside the canvas and off the reserved boxes, and lesser labels never cover
// anything.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/map_labels.hpp"

using namespace wwe;

namespace {

// 7 px a character (UTF-8 continuation bytes are no characters).
float measure(std::string_view s) {
    float w = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) w += 7;
    return w;
}

LabelNode node(float x, float y, float r, std::string text, int mentions, int degree = 1) {
    LabelNode n;
    n.x = x;
    n.y = y;
    n.r = r;
    n.text = std::move(text);
    n.mentions = mentions;
    n.degree = degree;
    return n;
}

// A phone's map: 360 x 520 px, ten hubs with long labels packed in the middle, two at the
// edges (one with a label wider than the canvas), and forty small nodes around them.
std::vector<LabelNode> crowded_phone_map() {
    std::vector<LabelNode> nodes;
    const char* hubs[] = {"win-win cooperation", "a new type of international relations", "common interests",
                          "confrontation", "the Belt and Road Initiative", "global governance",
                          "community of shared future for mankind", "major-country relations", "partnerships",
                          "development"};
    for (int k = 0; k < 10; ++k) {
        const float x = 150.0f + 24.0f * static_cast<float>(k % 3);
        const float y = 200.0f + 22.0f * static_cast<float>(k / 3);
        nodes.push_back(node(x, y, 9, hubs[k], 40 - k, 6));
    }
    nodes[8].x = 352;  // at the right edge
    nodes[9].x = 12;   // at the left edge
    nodes[9].text = "a principle that reads longer than the whole width of this phone's canvas";
    for (int k = 0; k < 40; ++k) {
        const float x = 20.0f + 32.0f * static_cast<float>(k % 10);
        const float y = 90.0f + 90.0f * static_cast<float>(k / 10) + (k % 2 ? 10.0f : 0.0f);
        nodes.push_back(node(x, y, 4, "lesser node " + std::to_string(k), 1, 1));
    }
    return nodes;
}

LabelParams phone_params() {
    LabelParams p;
    p.canvas = {0, 0, 360, 520};
    p.reserved = {{0, 492, 360, 520}};  // the hint line at the bottom
    p.height = 16;
    return p;
}

}  // namespace

TEST_CASE("map labels: every hub is labelled on a crowded phone-sized canvas, inside it, none over another") {
    const std::vector<LabelNode> nodes = crowded_phone_map();
    const LabelParams params = phone_params();
    const std::vector<PlacedLabel> placed = place_labels(nodes, params, measure);
    REQUIRE(placed.size() == nodes.size());
    for (std::size_t i = 0; i < 10; ++i) {
        CAPTURE(nodes[i].text);
        CHECK(placed[i].must);
        CHECK(placed[i].shown);
    }
    // The label wider than the canvas is shortened with an ellipsis and fits.
    CHECK(placed[9].shortened);
    CHECK(placed[9].text.find("\xE2\x80\xA6") != std::string::npos);
    CAPTURE(placed[9].text);
    CHECK(placed[9].text.rfind("a prin", 0) == 0);  // its start
    // Some hubs in the cluster could not show whole beside their nodes: they were shortened
    // or moved, never dropped, and the labels shown cover no other label.
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].shown) continue;
        CAPTURE(placed[i].text);
        CHECK(placed[i].box().inside(params.canvas));
        CHECK_FALSE(placed[i].box().overlaps(params.reserved[0]));
        CHECK(placed[i].width == doctest::Approx(measure(placed[i].text)));
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            if (placed[j].shown) CHECK_FALSE(placed[i].box().overlaps(placed[j].box()));
        }
    }
    // A lesser label shows whole, over no node but its own.
    for (std::size_t i = 10; i < placed.size(); ++i) {
        if (!placed[i].shown) continue;
        CHECK_FALSE(placed[i].shortened);
        for (std::size_t j = 0; j < nodes.size(); ++j) {
            if (j == i) continue;
            const LabelRect nb{nodes[j].x - nodes[j].r, nodes[j].y - nodes[j].r, nodes[j].x + nodes[j].r,
                               nodes[j].y + nodes[j].r};
            CHECK_FALSE(placed[i].box().overlaps(nb));
        }
    }
}

TEST_CASE("map labels: the selection and the hovered node are labelled however small, the ten most mentioned too") {
    std::vector<LabelNode> nodes = crowded_phone_map();
    LabelParams params = phone_params();
    params.always = 3;  // fewer by priority: the ten most mentioned are must labels all the same
    nodes[45].selected = nodes[45].source = true;
    nodes[20].hovered = true;
    const std::vector<char> must = label_must(nodes, params);
    for (std::size_t i = 0; i < 10; ++i) CHECK(must[i]);
    CHECK(must[45]);
    CHECK(must[20]);
    CHECK_FALSE(must[30]);
    const std::vector<PlacedLabel> placed = place_labels(nodes, params, measure);
    CHECK(placed[45].shown);
    CHECK(placed[20].shown);
    // A faded hub is no must label by mentions (the bright ones are), and an invisible node
    // gets no label at all.
    nodes = crowded_phone_map();
    params = phone_params();
    params.always = 0;
    nodes[0].faded = true;
    nodes[1].visible = false;
    const std::vector<char> m2 = label_must(nodes, params);
    CHECK_FALSE(m2[0]);
    CHECK_FALSE(m2[1]);
    CHECK(m2[10]);  // the next most mentioned bright ones move up
    CHECK_FALSE(place_labels(nodes, params, measure)[1].shown);
}

TEST_CASE("map labels: nodes mentioned as often as the tenth most mentioned are must labels too, whatever their links") {
    std::vector<LabelNode> nodes;
    // Eight hubs mentioned 9 to 5 times, then three mentioned 4 times with 6, 5 and 1 links
    // ("dialogue" of the shipped map is the last), then lesser nodes of 4 mentions or fewer.
    for (int k = 0; k < 8; ++k) nodes.push_back(node(10.0f * static_cast<float>(k), 0, 5, "hub", 9 - k / 2, 3));
    nodes.push_back(node(100, 0, 5, "tie a", 4, 6));
    nodes.push_back(node(110, 0, 5, "tie b", 4, 5));
    nodes.push_back(node(120, 0, 5, "dialogue", 4, 1));
    for (int k = 0; k < 20; ++k) nodes.push_back(node(10.0f * static_cast<float>(k), 50, 3, "lesser", 1 + k % 3, 1));
    LabelParams params;
    params.canvas = {0, 0, 400, 400};
    params.always = 0;
    const std::vector<char> must = label_must(nodes, params);
    for (std::size_t i = 0; i < 11; ++i) CHECK(must[i]);
    for (std::size_t i = 11; i < nodes.size(); ++i) CHECK_FALSE(must[i]);
    // Ties of single mentions are cut (a small article's every node is mentioned once).
    std::vector<LabelNode> ones;
    for (int k = 0; k < 30; ++k) ones.push_back(node(10.0f * static_cast<float>(k), 0, 3, "once", 1, 1));
    const std::vector<char> m1 = label_must(ones, params);
    CHECK(std::count(m1.begin(), m1.end(), 1) == 10);
}

TEST_CASE("map labels: shorten_label keeps whole characters, cuts after a word, keeps the end of a right-to-left label") {
    CHECK(shorten_label("common interests", 200, 6, measure) == "common interests");
    // 84 px: 12 characters with the ellipsis; the cut goes after "common".
    CHECK(shorten_label("common interests", 84, 6, measure) == "common\xE2\x80\xA6");
    CHECK(shorten_label("confrontation", 56, 6, measure) == "confron\xE2\x80\xA6");
    // Never fewer than min_chars characters, even where they do not fit.
    CHECK(shorten_label("confrontation", 10, 6, measure) == "confro\xE2\x80\xA6");
    // Multi-byte characters are never split.
    const std::string cjk = "\xE4\xB8\x80\xE5\xB8\xA6\xE4\xB8\x80\xE8\xB7\xAF\xE5\x80\xA1\xE8\xAE\xAE\xE5\x90\x88\xE4\xBD\x9C";
    const std::string cut = shorten_label(cjk, 50, 2, measure);
    CHECK(cut == "\xE4\xB8\x80\xE5\xB8\xA6\xE4\xB8\x80\xE8\xB7\xAF\xE5\x80\xA1\xE8\xAE\xAE\xE2\x80\xA6");
    // Hebrew drawn in visual order: the kept part is the drawn end (the logical start).
    const std::string hebrew = "\xD7\x90\xD7\x91\xD7\x92\xD7\x93\xD7\x94\xD7\x95\xD7\x96\xD7\x97";
    const std::string kept = shorten_label(hebrew, 49, 2, measure);
    CHECK(kept.rfind("\xE2\x80\xA6", 0) == 0);
    CHECK(kept.size() > 3);
    CHECK(hebrew.substr(hebrew.size() - (kept.size() - 3)) == kept.substr(3));
}
