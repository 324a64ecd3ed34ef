// Win-Win Explorer UI: building the font atlas (see fonts.hpp).
#include "ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/script.hpp"
#include "core/text.hpp"
#include "imgui.h"

namespace wwe::fonts {

bool FetchedFont::covers(char32_t cp) const {
    for (std::size_t i = 0; i < range_count; ++i)
        if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
    return false;
}

}  // namespace wwe::fonts

namespace wwe::ui {
namespace {

// Latin ranges always rasterised (the UI's own strings use nothing else).
const ImWchar kLatinRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x2000, 0x206F,  // General Punctuation
    0,
};

const fonts::FetchedFont* fetched(const std::string& file) {
    for (std::size_t i = 0; i < fonts::kFetchedCount; ++i)
        if (file == fonts::kFetched[i].file) return &fonts::kFetched[i];
    return nullptr;
}

// Whether a face of weight `bold` draws with the fetched `f`: a bold file for bold faces, a
// regular one for regular faces, and a regular one for bold faces when no bold file covers
// its first range (Arabic, Hebrew: one weight).
bool face_uses(const fonts::FetchedFont& f, bool bold) {
    if (f.bold) return bold;
    if (!bold) return true;
    for (std::size_t i = 0; i < fonts::kFetchedCount; ++i) {
        const fonts::FetchedFont& g = fonts::kFetched[i];
        if (g.bold && g.range_count > 0 && f.range_count > 0 && g.ranges[0].first == f.ranges[0].first) return false;
    }
    return true;
}

// hhea ascender / (ascender - descender) of a TrueType blob: where ImGui puts the baseline
// (as a fraction of the pixel size). 0.8 when the table cannot be read.
float ascent_fraction(const fonts::FontBlob& blob) {
    const unsigned char* d = blob.data;
    auto u16 = [&](std::size_t at) { return static_cast<unsigned>(d[at] << 8 | d[at + 1]); };
    auto u32 = [&](std::size_t at) { return static_cast<unsigned>(u16(at) << 16 | u16(at + 2)); };
    if (blob.size < 12) return 0.8f;
    const unsigned tables = u16(4);
    for (unsigned t = 0; t < tables && 12 + 16 * (t + 1) <= blob.size; ++t) {
        const std::size_t rec = 12 + 16 * t;
        if (d[rec] == 'h' && d[rec + 1] == 'h' && d[rec + 2] == 'e' && d[rec + 3] == 'a') {
            const std::size_t at = u32(rec + 8);
            if (at + 8 > blob.size) break;
            const int asc = static_cast<short>(u16(at + 4));
            const int desc = static_cast<short>(u16(at + 6));
            if (asc - desc > 0) return static_cast<float>(asc) / static_cast<float>(asc - desc);
        }
    }
    return 0.8f;
}

// (ascender - descender) / unitsPerEm of a TrueType blob: ImGui's pixel size spans that
// height, so faces merged into another are sized by the ratio of theirs to its (else Noto
// Sans Arabic, whose ascender and descender leave room for stacked marks, draws small).
float line_height_em(const fonts::FontBlob& blob) {
    const unsigned char* d = blob.data;
    auto u16 = [&](std::size_t at) { return static_cast<unsigned>(d[at] << 8 | d[at + 1]); };
    auto u32 = [&](std::size_t at) { return static_cast<unsigned>(u16(at) << 16 | u16(at + 2)); };
    if (blob.size < 12) return 1.0f;
    int upem = 0, asc = 0, desc = 0;
    const unsigned tables = u16(4);
    for (unsigned t = 0; t < tables && 12 + 16 * (t + 1) <= blob.size; ++t) {
        const std::size_t rec = 12 + 16 * t;
        const std::size_t at = u32(rec + 8);
        if (std::memcmp(d + rec, "head", 4) == 0 && at + 20 <= blob.size) upem = static_cast<int>(u16(at + 18));
        if (std::memcmp(d + rec, "hhea", 4) == 0 && at + 8 <= blob.size) {
            asc = static_cast<short>(u16(at + 4));
            desc = static_cast<short>(u16(at + 6));
        }
    }
    if (upem <= 0 || asc - desc <= 0) return 1.0f;
    return static_cast<float>(asc - desc) / static_cast<float>(upem);
}

struct Sources {
    const fonts::FontBlob* main;
    std::vector<const fonts::FontBlob*> merged;
};

Sources sources_for(bool bold, const std::vector<LoadedFace>& faces) {
    Sources s{bold ? &fonts::kBold : &fonts::kRegular, {}};
    for (const LoadedFace& f : faces) {
        const fonts::FetchedFont* info = fetched(f.file);
        if (info && face_uses(*info, bold) && f.blob.data && f.blob.size > 0) s.merged.push_back(&f.blob);
    }
    return s;
}

ImFont* add_face(ImFontAtlas& atlas, const Sources& src, float size_px, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the blobs are static or the platform's
    config.OversampleH = 1;               // rasterised at device pixels already
    config.OversampleV = 1;
    config.PixelSnapH = false;
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(src.main->data),
                                              static_cast<int>(src.main->size), size_px, &config, ranges);
    const float main_em = line_height_em(*src.main);
    for (const fonts::FontBlob* blob : src.merged) {
        ImFontConfig merge = config;
        merge.MergeMode = true;
        const float size = size_px * line_height_em(*blob) / main_em;  // the same em size
        atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(blob->data), static_cast<int>(blob->size), size, &merge,
                                   ranges);
    }
    return font;
}

// The code points of `cps` that `font` has no glyph for.
std::vector<char32_t> lacking(const ImFont* font, const std::vector<char32_t>& cps) {
    std::vector<char32_t> out;
    for (char32_t c : cps)
        if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) out.push_back(c);
    return out;
}

}  // namespace

std::vector<std::string> fetched_fonts_for(const std::string& text) {
    std::vector<bool> need(fonts::kFetchedCount, false);
    for (char32_t c : glyph_text(text))
        for (std::size_t i = 0; i < fonts::kFetchedCount; ++i)
            if (!need[i] && fonts::kFetched[i].covers(c)) need[i] = true;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < fonts::kFetchedCount; ++i)
        if (need[i]) files.emplace_back(fonts::kFetched[i].file);
    return files;
}

std::vector<char32_t> glyph_text(const std::string& text) {
    std::set<char32_t> set;
    auto add = [&](std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const unsigned char b = static_cast<unsigned char>(s[i]);
            if (b < 0x80) {  // ASCII is always there (kLatinRanges)
                ++i;
                continue;
            }
            const char32_t c = wwe::utf8_next(s, i);
            if (wwe::is_drawn(c)) set.insert(c);
        }
    };
    add(text);
    if (wwe::has_rtl(text)) {
        add(wwe::shape_arabic(text));
        // Every contextual form of each Arabic letter, not only those of the text: a text cut
        // inside a word to fit a width (a Contexts row, a label) shapes its last letter
        // otherwise ("جديدة" cut after ج and "…" draws the isolated ﺝ, which the whole word,
        // starting with the initial ﺟ, does not have).
        std::vector<char32_t> letters;
        for (char32_t c : set)
            if (c >= 0x0620 && c <= 0x06FF) letters.push_back(c);
        const std::string beh = "\xd8\xa8";  // a letter that joins on both sides
        for (char32_t c : letters) {
            std::string letter;
            wwe::utf8_append(letter, c);
            add(wwe::shape_arabic(letter));              // isolated
            add(wwe::shape_arabic(letter + beh));        // initial
            add(wwe::shape_arabic(beh + letter + beh));  // medial
            add(wwe::shape_arabic(beh + letter));        // final
        }
    }
    return {set.begin(), set.end()};
}

std::string describe_code_points(const std::vector<char32_t>& cps, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < cps.size() && i < max; ++i) {
        if (i > 0) out += ", ";
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X ", static_cast<unsigned>(cps[i]));
        out += buf;
        wwe::utf8_append(out, cps[i]);
    }
    if (cps.size() > max) out += " and " + std::to_string(cps.size() - max) + " more";
    return out;
}

FontBuild build_fonts(ImFontAtlas& atlas, Fonts& fonts, float pixel_ratio, const std::string& extra_text,
                      const FontParams& params, const std::vector<LoadedFace>& faces,
                      const GlyphRasteriser& rasterise) {
    // Glyph ranges must outlive the atlas build; static storage, rebuilt on each call.
    static ImVector<ImWchar> ranges;
    const std::vector<char32_t> needed = glyph_text(extra_text);
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kLatinRanges);
    for (char32_t c : needed)
        if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
    ranges.clear();
    builder.BuildRanges(&ranges);

    const Sources regular = sources_for(false, faces);
    const Sources bold = sources_for(true, faces);

    // Which code points the TrueType sources lack, per weight: a probe at a small size.
    std::vector<char32_t> lack_regular, lack_bold;
    {
        ImFontAtlas probe;
        probe.TexDesiredWidth = 2048;
        ImFont* r = add_face(probe, regular, 8.0f, ranges.Data);
        ImFont* b = add_face(probe, bold, 8.0f, ranges.Data);
        probe.Build();
        lack_regular = lacking(r, needed);
        lack_bold = lacking(b, needed);
    }

    struct Custom {
        int rect;
        GlyphBitmap bitmap;
    };
    std::vector<Custom> customs;
    const float ascent_regular = ascent_fraction(*regular.main);
    const float ascent_bold = ascent_fraction(*bold.main);
    // Adds the rasteriser's glyphs of `lack` to `font` (at `size_px`).
    auto add_rasterised = [&](ImFont* font, float size_px, bool is_bold) {
        const std::vector<char32_t>& lack = is_bold ? lack_bold : lack_regular;
        std::vector<char32_t> drawable;
        for (char32_t c : lack)
            if (c <= 0xFFFF) drawable.push_back(c);
        if (!rasterise || drawable.empty()) return;
        std::vector<GlyphBitmap> bitmaps =
            rasterise(drawable, size_px, size_px * (is_bold ? ascent_bold : ascent_regular), is_bold);
        for (std::size_t k = 0; k < bitmaps.size() && k < drawable.size(); ++k) {
            GlyphBitmap& g = bitmaps[k];
            if (g.width <= 0 || g.height <= 0 || g.alpha.size() < static_cast<std::size_t>(g.width * g.height)) continue;
            const int id = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(drawable[k]), g.width, g.height,
                                                        g.advance, ImVec2(g.offset_x, g.offset_y));
            customs.push_back({id, std::move(g)});
        }
    };
    // U+2060 WORD JOINER, which ImLabel puts between the '#' of a label's "##" (widgets.hpp):
    // a glyph that takes no width and draws nothing (its one pixel stays clear), in every face.
    auto add_joiner = [&](ImFont* font) { atlas.AddCustomRectFontGlyph(font, 0x2060, 1, 1, 0.0f); };

    float ratio = std::clamp(pixel_ratio, 1.0f, 4.0f);
    for (;;) {
        atlas.Clear();
        customs.clear();
        atlas.TexDesiredWidth = needed.size() > 1500 ? 4096 : 2048;
        struct Face {
            ImFont** slot;
            float size;
            bool bold;
        };
        const Face list[] = {{&fonts.body, params.body_size, false},
                             {&fonts.bold, params.body_size, true},
                             {&fonts.small, params.small_size, false},
                             {&fonts.heading, params.heading_size, true},
                             {&fonts.title, params.title_size, true}};
        for (const Face& f : list) {
            *f.slot = add_face(atlas, f.bold ? bold : regular, f.size * ratio, ranges.Data);
            add_rasterised(*f.slot, f.size * ratio, f.bold);
            add_joiner(*f.slot);
        }
        // The reader's own faces at its zoom (none at 1: the ones above).
        const float zoom = std::clamp(params.reader_zoom, 0.5f, 3.0f);
        fonts.reader_zoom = std::fabs(zoom - 1.0f) < 0.01f ? 1.0f : zoom;
        fonts.reader_body = fonts.body;
        fonts.reader_heading = fonts.heading;
        fonts.reader_small = fonts.small;
        if (fonts.reader_zoom != 1.0f) {
            const Face zoomed[] = {{&fonts.reader_body, params.body_size, false},
                                   {&fonts.reader_heading, params.heading_size, true},
                                   {&fonts.reader_small, params.small_size, false}};
            for (const Face& f : zoomed) {
                *f.slot = add_face(atlas, f.bold ? bold : regular, f.size * fonts.reader_zoom * ratio, ranges.Data);
                add_rasterised(*f.slot, f.size * fonts.reader_zoom * ratio, f.bold);
                add_joiner(*f.slot);
            }
        }
        atlas.Build();
        if ((atlas.TexWidth <= params.max_atlas_size && atlas.TexHeight <= params.max_atlas_size) || ratio <= 1.0f) {
            break;
        }
        ratio = std::max(1.0f, ratio * 0.75f);
    }

    // The rasterised glyphs into their rectangles of the atlas.
    if (!customs.empty()) {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
        for (const Custom& c : customs) {
            const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(c.rect);
            if (!r || !r->IsPacked()) continue;
            for (int y = 0; y < c.bitmap.height && r->Y + y < h; ++y)
                for (int x = 0; x < c.bitmap.width && r->X + x < w; ++x)
                    pixels[(r->Y + y) * w + r->X + x] = c.bitmap.alpha[static_cast<std::size_t>(y * c.bitmap.width + x)];
        }
    }

    FontBuild result;
    result.ratio = ratio;
    std::set<char32_t> missing;
    for (ImFont* f : {fonts.body, fonts.bold})
        for (char32_t c : lacking(f, needed)) missing.insert(c);
    result.missing.assign(missing.begin(), missing.end());
    return result;
}

}  // namespace wwe::ui
