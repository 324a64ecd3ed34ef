// The fonts (src/ui/fonts.hpp): every code point of a loaded article gets a glyph, from the
// compiled-in faces, the fetched ones (read here from the build's generated/fonts/) and a
// rasteriser standing in for the browser's canvas (Droid Sans Fallback through a second
// ImGui atlas); what none of them has is reported, not drawn as "?".
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/script.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/fonts.hpp"

namespace {

std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string read_text(const std::string& path) {
    const auto b = read_bytes(path);
    return {b.begin(), b.end()};
}

// The faces the web app fetches, as the platform hands them over.
struct FetchedFaces {
    std::vector<std::vector<unsigned char>> bytes;
    std::vector<wwe::ui::LoadedFace> faces;
    FetchedFaces() {
        for (std::size_t i = 0; i < wwe::fonts::kFetchedCount; ++i)
            bytes.push_back(read_bytes(std::string(WWE_FONTS_BUILD_DIR "/") + wwe::fonts::kFetched[i].file));
        for (std::size_t i = 0; i < wwe::fonts::kFetchedCount; ++i)
            faces.push_back({wwe::fonts::kFetched[i].file, {bytes[i].data(), bytes[i].size()}});
    }
};

// A stand-in for the browser's canvas: glyphs of Droid Sans Fallback (CJK), rasterised by
// stb_truetype through a scratch atlas, as alpha bitmaps.
std::vector<wwe::ui::GlyphBitmap> droid_rasteriser(const std::vector<char32_t>& cps, float size, float ascent, bool) {
    static const std::vector<unsigned char> droid = read_bytes("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    ImFontAtlas atlas;
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : cps) builder.AddChar(static_cast<ImWchar>(c));
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = config.OversampleV = 1;
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(droid.data()), static_cast<int>(droid.size()),
                                              size, &config, ranges.Data);
    atlas.Build();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    std::vector<wwe::ui::GlyphBitmap> out(cps.size());
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(cps[i]));
        if (!g) continue;
        wwe::ui::GlyphBitmap& b = out[i];
        const int x0 = static_cast<int>(g->U0 * w), y0 = static_cast<int>(g->V0 * h);
        b.width = std::max(1, static_cast<int>(g->U1 * w) - x0);
        b.height = std::max(1, static_cast<int>(g->V1 * h) - y0);
        b.advance = g->AdvanceX;
        b.offset_x = g->X0;
        b.offset_y = g->Y0 + (ascent - font->Ascent);
        b.alpha.resize(static_cast<std::size_t>(b.width * b.height));
        for (int y = 0; y < b.height; ++y)
            for (int x = 0; x < b.width; ++x) b.alpha[static_cast<std::size_t>(y * b.width + x)] = pixels[(y0 + y) * w + x0 + x];
    }
    return out;
}

// Every code point of `text` that the faces should draw and do not.
std::vector<char32_t> undrawn(const wwe::ui::Fonts& fonts, const std::string& text) {
    std::vector<char32_t> out;
    for (char32_t c : wwe::ui::glyph_text(text))
        for (ImFont* f : {fonts.body, fonts.bold, fonts.small, fonts.heading, fonts.title})
            if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                out.push_back(c);
                break;
            }
    return out;
}

}  // namespace

TEST_CASE("every code point of a loaded article has a glyph") {
    const FetchedFaces fetched;
    for (const char* name : {"/assets/article.json", "/tests/data/arabic.json", "/tests/data/russian.json",
                             "/tests/data/french.json", "/tests/data/chinese.json"}) {
        CAPTURE(name);
        wwe::ui::App app;
        REQUIRE(app.load(read_text(std::string(WWE_SOURCE_DIR) + name)).ok);
        ImFontAtlas atlas;
        wwe::ui::Fonts fonts;
        const std::string text = app.font_text();
        const wwe::ui::FontBuild built =
            wwe::ui::build_fonts(atlas, fonts, 2.0f, text, {}, fetched.faces, droid_rasteriser);
        CHECK(built.missing.empty());
        CHECK(undrawn(fonts, text).empty());
        CHECK(atlas.TexWidth <= 4096);
        CHECK(atlas.TexHeight <= 4096);
    }
}

TEST_CASE("the fetched faces an article needs, by its characters") {
    CHECK(wwe::ui::fetched_fonts_for("Plain English, caf\xc3\xa9, \xc5\x81\xc3\xb3" "d\xc5\xba, 12 \xe2\x82\xac").empty());
    const auto ru = wwe::ui::fetched_fonts_for("\xd0\x9c\xd0\xb8\xd1\x80");  // Мир
    REQUIRE(ru.size() == 2);
    CHECK(ru[0] == "noto-sans-extra-regular.ttf");
    CHECK(ru[1] == "noto-sans-extra-bold.ttf");
    CHECK(wwe::ui::fetched_fonts_for("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85") == std::vector<std::string>{"noto-sans-arabic.ttf"});
    CHECK(wwe::ui::fetched_fonts_for("\xe4\xb8\x80").empty());  // CJK: the browser's fonts
}

TEST_CASE("what no font draws is reported by code point") {
    ImFontAtlas atlas;
    wwe::ui::Fonts fonts;
    // Thai (no bundled face, no rasteriser here) and an emoji above U+FFFF.
    const std::string text = "\xe0\xb8\x81 \xf0\x9f\x98\x80 ok";
    const wwe::ui::FontBuild built = wwe::ui::build_fonts(atlas, fonts, 1.0f, text);
    CHECK(built.missing == std::vector<char32_t>{0x0E01, 0x1F600});
    CHECK(wwe::ui::describe_code_points(built.missing) == "U+0E01 \xe0\xb8\x81, U+1F600 \xf0\x9f\x98\x80");
    // Invisible format characters need no glyph.
    CHECK(wwe::ui::glyph_text("a\xe2\x80\x8f" "b\xc2\xad").empty());
}

TEST_CASE("Arabic is drawn with its presentation forms") {
    const FetchedFaces fetched;
    ImFontAtlas atlas;
    wwe::ui::Fonts fonts;
    const std::string text = "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85";  // سلام
    const auto built = wwe::ui::build_fonts(atlas, fonts, 1.0f, text, {}, fetched.faces);
    CHECK(built.missing.empty());
    for (char32_t c : {0xFEB3u, 0xFEFCu, 0xFEE1u}) CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)));
    // A word cut to fit a width is shaped otherwise: جديدة cut after ج (and "…") draws the
    // isolated ﺝ (U+FE9D), which the whole word does not have; every form of its letters is there.
    const std::vector<char32_t> cut = wwe::ui::glyph_text("\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa9");
    for (char32_t c : {0xFE9Du, 0xFE9Eu, 0xFE9Fu, 0xFEA0u, 0xFEF1u, 0xFEF3u, 0xFEF4u})  // ج isolated, final, initial, medial; ي isolated, initial, medial
        CHECK_MESSAGE(std::find(cut.begin(), cut.end(), c) != cut.end(), static_cast<unsigned>(c));
}
