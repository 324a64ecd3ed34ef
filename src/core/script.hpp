// Win-Win Explorer core: right-to-left text for drawing: Arabic shaping and bidi order.
//
// Index
//   - bidi_class ........ a code point's direction, simplified to strong L, strong R,
//                         European/Arabic number, neutral
//   - paragraph_is_rtl .. the paragraph direction (rule P2/P3: the first strong character)
//   - visual_runs ....... one line's level runs in the order they are drawn, left to right
//   - visual_text ....... a run's characters as drawn: Arabic letters in their contextual
//                         presentation forms, RTL runs reversed by grapheme cluster, brackets
//                         mirrored
//
// Dear ImGui draws a string's code points left to right, each with its own glyph, and knows
// nothing of direction or joining; the views draw RTL text through these functions instead.
//
// The bidi part is a subset of the Unicode Bidirectional Algorithm (UAX #9): no explicit
// embeddings, overrides or isolates (they are drawn as neutrals); numbers after RTL text
// keep their left-to-right order (W2/W7, I1/I2); neutrals between two runs of one direction
// take it, others take the paragraph's (N1/N2); runs are reversed from the highest level
// down (L2). Shaping maps the Arabic letters of U+0621..U+064A and the Persian/Urdu letters
// پ چ ژ ک گ ی to the forms of the Arabic Presentation Forms-A/-B blocks (isolated, final,
// initial, medial; lam-alef ligatures) by their joining types (Unicode ArabicShaping.txt);
// combining marks are transparent. Fonts with those presentation glyphs (Noto Sans Arabic)
// draw it joined. Marks keep no precise position (drawn at the pen, after their base).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wwe {

enum class BidiClass { L, R, Number, Neutral };

// The simplified bidi class of `cp`: R for Hebrew, Arabic, Syriac, Thaana, NKo and their
// presentation forms (and U+200F RLM), Number for digits, Neutral for spaces, punctuation,
// symbols and marks, L for every other letter.
BidiClass bidi_class(char32_t cp);

// True when `text` has a strong right-to-left character.
bool has_rtl(std::string_view text);

// True when the first strong character of `text` is right-to-left.
bool paragraph_is_rtl(std::string_view text);

struct BidiRun {
    std::uint32_t begin = 0, end = 0;  // bytes of the line, logical order
    bool rtl = false;                  // drawn right to left (odd level)
};

// The level runs of `line` (one visual line, bytes [0, size)), in the order they are drawn
// from left to right, in a paragraph of the given direction. Their byte ranges cover the
// line exactly once.
std::vector<BidiRun> visual_runs(std::string_view line, bool paragraph_rtl);

// The characters of text[begin, end) in drawing order: Arabic letters shaped by their
// neighbours in all of `text` (so a run cut in a word still joins), and when `rtl` the
// grapheme clusters (a base and its marks) reversed and paired brackets mirrored.
std::string visual_text(std::string_view text, std::uint32_t begin, std::uint32_t end, bool rtl);

// `text` as one line drawn left to right: visual_runs + visual_text (titles, labels).
std::string visual_line(std::string_view text);

// False for code points that are not drawn: controls and invisible format characters
// (Unicode category Cc, Cf: joiners, direction marks, the soft hyphen, ...), line and
// paragraph separators.
bool is_drawn(char32_t cp);

// Arabic contextual shaping alone, logical order kept (for tests and measuring).
std::string shape_arabic(std::string_view text);

}  // namespace wwe
