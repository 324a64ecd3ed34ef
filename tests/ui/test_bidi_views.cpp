// Right-to-left data text in the views: an Arabic node type is drawn in visual order and
// shaped (TextBidi) in the Entities table's Type column and the details panel; the rows of
// Contexts (a KWIC concordance) read from the right.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/deep_link.hpp"
#include "core/script.hpp"
#include "core/text.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"
#include "ui_driver.hpp"

namespace {

const char* kIdea = "\xd9\x81\xd9\x83\xd8\xb1\xd8\xa9";  // فكرة (idea): four distinct shaped forms
const char* kBody = "\xd9\x87\xd9\x8a\xd8\xa6\xd8\xa9";  // هيئة (body), the same

std::string arabic_article() {
    std::ifstream in(WWE_SOURCE_DIR "/tests/data/arabic.json", std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json a = nlohmann::json::parse(text.str());
    a["node_types"][0]["label"] = kIdea;
    a["node_types"][1]["label"] = kBody;
    return a.dump();
}

// Where the glyphs of `visual` (code points, left to right) are drawn in that order on one
// line in the last frame, in `font`, within the band y0..y1 (screen y): the x of the first
// glyph of the first such copy, or NaN when there is none.
float drawn_at(const wwe::test::UiDriver& ui, ImFont* font, const std::string& visual, float y0 = 0,
               float y1 = 1e9f) {
    ImGui::SetCurrentContext(ui.context());
    std::vector<const ImFontGlyph*> glyphs;
    for (std::size_t i = 0; i < visual.size();) {
        const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(wwe::utf8_next(visual, i)));
        REQUIRE(g != nullptr);
        glyphs.push_back(g);
    }
    // The top-left corner of each drawn copy of a glyph (its quad's first vertex has U0,V0).
    auto corners = [&](const ImFontGlyph* g) {
        std::vector<ImVec2> out;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l)
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
                if (v.uv.x == g->U0 && v.uv.y == g->V0 && v.pos.y >= y0 && v.pos.y <= y1) out.push_back(v.pos);
        return out;
    };
    for (const ImVec2& start : corners(glyphs[0])) {
        float x = start.x;
        bool all = true;
        for (std::size_t k = 1; k < glyphs.size() && all; ++k) {
            bool next = false;
            for (const ImVec2& p : corners(glyphs[k])) {
                // The next glyph on the same line, within two font sizes to the right
                // (glyph tops differ by their bearing: compare lines loosely).
                if (p.x > x && p.x - x < 2 * font->FontSize && std::fabs(p.y - start.y) < font->FontSize) {
                    x = p.x;
                    next = true;
                    break;
                }
            }
            all = next;
        }
        if (all) return start.x;
    }
    return NAN;
}

bool drawn_in_order(const wwe::test::UiDriver& ui, ImFont* font, const std::string& visual, float y0 = 0,
                    float y1 = 1e9f) {
    return !std::isnan(drawn_at(ui, font, visual, y0, y1));
}

std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct ArabicApp {
    wwe::ui::App app;
    wwe::test::UiDriver ui;
    std::vector<std::vector<unsigned char>> bytes;  // the fetched faces (Noto Sans Arabic), as the platform hands them over
    std::vector<wwe::ui::LoadedFace> faces;
    explicit ArabicApp(std::string_view fragment) {
        REQUIRE(app.load(arabic_article()).ok);
        app.open_location("", fragment, {}, 0);
        for (std::size_t i = 0; i < wwe::fonts::kFetchedCount; ++i)
            bytes.push_back(read_bytes(std::string(WWE_FONTS_BUILD_DIR "/") + wwe::fonts::kFetched[i].file));
        for (std::size_t i = 0; i < wwe::fonts::kFetchedCount; ++i)
            faces.push_back({wwe::fonts::kFetched[i].file, {bytes[i].data(), bytes[i].size()}});
        wwe::ui::build_fonts(*ui.io().Fonts, app.fonts(), 1.0f, app.font_text(), {}, faces);
        app.fonts_changed();
        ui.set_draw([this](double time) { app.frame(time); });
        ui.frame(3);
    }
};

}  // namespace

TEST_CASE("bidi: an Arabic node type reads right to left, shaped, in the Entities table and the details panel") {
    SUBCASE("the Entities table's Type column, on the row of its entity") {
        const std::string visual = wwe::visual_line(kBody);
        REQUIRE(visual != kBody);  // reordered and shaped: a logical string drawn as is would not match
        ArabicApp t("v=entities");
        // The row of الأمم المتحدة (the United Nations), an entity of type هيئة.
        const wwe::test::Item row = t.ui.find(wwe::ui::ImLabel(wwe::visual_line(
            "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x85 \xd8\xa7\xd9\x84\xd9\x85\xd8\xaa\xd8\xad\xd8\xaf\xd8\xa9")));
        CHECK(drawn_in_order(t.ui, t.app.fonts().body, visual, row.rect.Min.y - 2, row.rect.Max.y + 2));
    }
    SUBCASE("the details panel of a selected concept") {
        const std::string visual = wwe::visual_line(kIdea);
        REQUIRE(visual != kIdea);
        ArabicApp t("v=entities&sel=concept:security");
        // The details panel says "CONCEPT · فكرة" in the small font.
        CHECK(drawn_in_order(t.ui, t.app.fonts().small, visual));
    }
}

TEST_CASE("bidi: a Contexts row of an Arabic passage reads from the right, its contexts shaped and in visual order") {
    // التعاون (cooperation) opens passage 3: "التعاون في التجارة والطاقة يفتح ...".
    const char* keyword = "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd8\xa7\xd9\x88\xd9\x86";
    const char* trade = "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xac\xd8\xa7\xd8\xb1\xd8\xa9";  // التجارة, after it
    ArabicApp t(std::string("v=contexts&q=") + wwe::percent_encode(keyword));
    const float kw_x = drawn_at(t.ui, t.app.fonts().bold, wwe::visual_line(keyword));
    const float after_x = drawn_at(t.ui, t.app.fonts().body, wwe::visual_line(trade));
    REQUIRE_FALSE(std::isnan(kw_x));
    REQUIRE_FALSE(std::isnan(after_x));
    // The words after the keyword stand to its left, as an Arabic reader goes on.
    CHECK(after_x < kw_x);
    // The headers follow: "After" is the column left of the keyword.
    const wwe::test::Item after_head = t.ui.find("After");
    const wwe::test::Item before_head = t.ui.find("Before");
    CHECK(after_head.rect.Min.x < before_head.rect.Min.x);
}

TEST_CASE("bidi: the result line quotes an Arabic query in reading order, shaped") {
    const char* security = "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86";  // الأمن
    ArabicApp t(std::string("v=reader&q=") + wwe::percent_encode(security));
    const std::string visual = wwe::visual_line(security);
    REQUIRE(visual != security);
    // Nowhere in the small font (the result line, the search chip) as stored, unshaped and
    // left to right; shaped and reordered instead.
    CHECK_FALSE(drawn_in_order(t.ui, t.app.fonts().small, security));
    CHECK(drawn_in_order(t.ui, t.app.fonts().small, visual));
}

TEST_CASE("contexts: a keyword narrower than its header leaves the header \"Keyword\" whole") {
    const char* security = "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86";  // الأمن, narrower than "Keyword"
    ArabicApp t(std::string("v=contexts&q=") + wwe::percent_encode(security));
    const wwe::test::Item head = t.ui.find("Keyword");
    ImFont* body = t.app.fonts().body;
    REQUIRE(body != nullptr);
    // TableHeader draws its label from the cell's padding to the cell's end, with "…" when cut.
    ImGui::SetCurrentContext(t.ui.context());
    const float room = head.rect.GetWidth() - ImGui::GetStyle().CellPadding.x;
    CHECK(body->CalcTextSizeA(body->FontSize, 1e9f, 0, "Keyword").x <= room);
}
