// Win-Win Explorer UI: building the font atlas (see fonts.hpp).
#include "ui/fonts.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "imgui.h"

namespace wwe::ui {
namespace {

// Latin ranges always rasterised (the UI's own strings use nothing else).
const ImWchar kLatinRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x2000, 0x206F,  // General Punctuation
    0,
};

ImFont* add_face(ImFontAtlas& atlas, const fonts::FontBlob& latin, float size_px,
                 const ImWchar* latin_ranges, const ImWchar* cjk_ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the blobs are static
    config.OversampleH = 1;               // rasterised at device pixels already
    config.OversampleV = 1;
    config.PixelSnapH = false;
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(latin.data),
                                              static_cast<int>(latin.size), size_px, &config,
                                              latin_ranges);
    ImFontConfig merge = config;
    merge.MergeMode = true;
    atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::kCjk.data),
                               static_cast<int>(fonts::kCjk.size), size_px, &merge, cjk_ranges);
    return font;
}

}  // namespace

float build_fonts(ImFontAtlas& atlas, Fonts& fonts, float pixel_ratio,
                  const std::string& extra_text, const FontParams& params) {
    // Glyph ranges must outlive the atlas build; static storage, rebuilt on each call.
    static ImVector<ImWchar> latin_ranges;
    static ImVector<ImWchar> cjk_ranges;
    ImFontGlyphRangesBuilder latin_builder;
    latin_builder.AddRanges(kLatinRanges);
    ImFontGlyphRangesBuilder cjk_builder;
    // Characters of the text: those below U+3000 go with the Latin face (Noto has them if
    // make_fonts.py kept them), the rest are looked up in the CJK face.
    for (std::size_t i = 0; i < extra_text.size();) {
        const char32_t c = wwe::utf8_next(extra_text, i);
        if (c > 0xFFFF) continue;  // ImWchar is 16 bits in this build
        (c < 0x2E80 ? latin_builder : cjk_builder).AddChar(static_cast<ImWchar>(c));
    }
    latin_ranges.clear();
    cjk_ranges.clear();
    latin_builder.BuildRanges(&latin_ranges);
    cjk_builder.BuildRanges(&cjk_ranges);
    if (cjk_ranges.empty() || cjk_ranges[0] == 0) {
        cjk_ranges.clear();
        cjk_ranges.push_back(0x4E00);
        cjk_ranges.push_back(0x4E00);
        cjk_ranges.push_back(0);
    }

    float ratio = std::clamp(pixel_ratio, 1.0f, 4.0f);
    for (;;) {
        atlas.Clear();
        atlas.TexDesiredWidth = 2048;
        fonts.body = add_face(atlas, fonts::kRegular, params.body_size * ratio,
                              latin_ranges.Data, cjk_ranges.Data);
        fonts.bold = add_face(atlas, fonts::kBold, params.body_size * ratio,
                              latin_ranges.Data, cjk_ranges.Data);
        fonts.small = add_face(atlas, fonts::kRegular, params.small_size * ratio,
                               latin_ranges.Data, cjk_ranges.Data);
        fonts.heading = add_face(atlas, fonts::kBold, params.heading_size * ratio,
                                 latin_ranges.Data, cjk_ranges.Data);
        fonts.title = add_face(atlas, fonts::kBold, params.title_size * ratio,
                               latin_ranges.Data, cjk_ranges.Data);
        atlas.Build();
        if ((atlas.TexWidth <= params.max_atlas_size && atlas.TexHeight <= params.max_atlas_size) ||
            ratio <= 1.0f) {
            break;
        }
        ratio = std::max(1.0f, ratio * 0.75f);
    }
    return ratio;
}

}  // namespace wwe::ui
