// Win-Win Explorer UI: the fonts, rasterised at the device pixel ratio for the loaded article.
//
// Index
//   - FontBlob, kRegular/kBold ...... the compiled-in faces (tools/make_fonts.py): Latin
//   - FetchedFont, kFetched ......... faces fetched when an article needs them (more Latin,
//                                     Greek, Cyrillic, Arabic, Hebrew) and what they cover
//   - fetched_fonts_for ............. which of them an article's text needs
//   - GlyphBitmap, GlyphRasteriser .. glyphs drawn elsewhere (the browser's own fonts)
//   - Fonts, FontParams ............. the ImFont handles the views use; sizes, limits
//   - build_fonts, FontBuild ........ fill an ImFontAtlas for one text and pixel ratio; the
//                                     characters nothing could draw
//   - glyph_text .................... the code points a text needs drawn (shaped forms too)
//
// Nothing is subset to one article at build time. At load time the atlas gets exactly the
// glyphs of the article's strings (plus Latin for the UI), from the first source that has
// each: the compiled-in Noto Sans, the fetched faces the platform has supplied, then a
// GlyphRasteriser (the browser's fonts through a 2D canvas, for CJK, Thai, Devanagari and
// the rest). Code points none of them draws are returned, for the shell to name in a
// notice (never a silent "?"). ImGui works in CSS pixels; the atlas is rasterised at size x
// pixel ratio and drawn at 1/ratio (ImGuiIO::FontGlobalScale); the ratio is lowered until
// the atlas fits max_atlas_size. Limit: ImWchar is 16 bits in this build, so code points
// above U+FFFF (CJK Extension B, emoji) cannot be drawn and are reported.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace wwe::fonts {

struct FontBlob {
    const unsigned char* data;
    std::size_t size;
};

extern const FontBlob kRegular;  // Noto Sans Regular, Latin subset (SIL OFL 1.1)
extern const FontBlob kBold;     // Noto Sans Bold, Latin subset (SIL OFL 1.1)

struct FontRange {
    char32_t first, last;
};

// A face fetched at run time from fonts/<file> next to the app (dist/fonts/).
struct FetchedFont {
    const char* file;          // e.g. "noto-sans-arabic.ttf"
    bool bold;                 // used by the bold faces (else by all: regular only)
    const FontRange* ranges;   // the code points it was subset to
    std::size_t range_count;
    bool covers(char32_t cp) const;
};
extern const FetchedFont kFetched[];
extern const std::size_t kFetchedCount;

}  // namespace wwe::fonts

namespace wwe::ui {

// The files of fonts::kFetched that `text` needs (one of its code points is in their
// ranges), in table order.
std::vector<std::string> fetched_fonts_for(const std::string& text);

// A fetched face's bytes, supplied by the platform (kept alive by the caller).
struct LoadedFace {
    std::string file;  // a fonts::kFetched file name
    fonts::FontBlob blob;
};

// One glyph drawn by someone else, in device pixels, an alpha coverage bitmap.
struct GlyphBitmap {
    int width = 0, height = 0;        // 0 x 0: not drawn
    float advance = 0;                // pen advance
    float offset_x = 0, offset_y = 0; // bitmap's top-left from the pen at the line's top
    std::vector<unsigned char> alpha; // width x height, rows top down
};
// Rasterises `cps` at `size_px` device pixels (bold or regular), one bitmap per code
// point, with the baseline at `ascent_px` below the line's top.
using GlyphRasteriser = std::function<std::vector<GlyphBitmap>(
    const std::vector<char32_t>& cps, float size_px, float ascent_px, bool bold)>;

// The faces the views draw with; every one has all the article's glyphs.
struct Fonts {
    ImFont* body = nullptr;     // reader text, controls
    ImFont* bold = nullptr;     // section headings, labels
    ImFont* title = nullptr;    // the article title
    ImFont* small = nullptr;    // passage numbers, chips, counts
    ImFont* heading = nullptr;  // bold, between body and title (details panel label)
    // The reader's text, section headings and passage numbers, rasterised at the reader's
    // pinch zoom (FontParams::reader_zoom) so that pinched text is crisp, not a stretched
    // bitmap; the same fonts as body, heading and small at zoom 1.
    ImFont* reader_body = nullptr;
    ImFont* reader_heading = nullptr;
    ImFont* reader_small = nullptr;
    float reader_zoom = 1;      // the zoom they were rasterised at (draw them at Scale = zoom / this)
};

struct FontParams {
    float body_size = 17.0f;     // CSS px
    float small_size = 14.0f;    // CSS px
    float heading_size = 20.0f;  // CSS px
    float title_size = 28.0f;    // CSS px
    float reader_zoom = 1.0f;    // the reader's fonts at this x their size (clamped to 0.5..3)
    int max_atlas_size = 4096;   // texels; the ratio is lowered until the atlas fits
};

struct FontBuild {
    float ratio = 1;                 // the pixel ratio used (lower than asked when it would not fit)
    std::vector<char32_t> missing;   // code points of the text no source could draw, ascending
};

// The code points `text` needs glyphs for: its own (controls and invisible format
// characters excepted: they are not drawn) and, for Arabic, the presentation forms the
// shaper (core/script.hpp) draws with: all four forms of each of its letters, so that a
// word cut anywhere is drawn. Ascending.
std::vector<char32_t> glyph_text(const std::string& text);

// Clears `atlas` and adds the fonts rasterised at `pixel_ratio` (clamped to [1, 4]) with
// the glyphs of `extra_text` (e.g. every string of the article) besides Latin, from the
// compiled-in faces, then `faces`, then `rasterise` (may be empty). Builds the atlas.
FontBuild build_fonts(ImFontAtlas& atlas, Fonts& fonts, float pixel_ratio, const std::string& extra_text,
                      const FontParams& params = {}, const std::vector<LoadedFace>& faces = {},
                      const GlyphRasteriser& rasterise = {});

// "U+0E01 ก, U+0E02 ข" (at most `max` of them, then "and N more"): for the notice.
std::string describe_code_points(const std::vector<char32_t>& cps, std::size_t max = 8);

}  // namespace wwe::ui
