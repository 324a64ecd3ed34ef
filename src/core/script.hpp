// Win-Win Explorer core: right-to-left text for drawing: Arabic shaping and bidi order.
//
// Index
//   - BidiType, bidi_type  a code point's Bidi_Class (UAX #9 table 4, from utf8proc's UCD)
//   - bidi_class ........ the same, simplified to strong L, strong R, number, neutral
//   - has_rtl ........... whether a text needs the bidi algorithm at all
//   - paragraph_is_rtl .. the paragraph direction (rules P2/P3: the first strong character,
//                         isolates skipped)
//   - bidi_resolve ...... the resolved embedding level of every byte of a text (P1-I2)
//   - visual_runs ....... one line's level runs in the order they are drawn, left to right
//                         (L1, L2)
//   - visual_text ....... a run's characters as drawn: Arabic letters in their contextual
//                         presentation forms, RTL runs reversed by grapheme cluster, mirrored
//                         characters mirrored (L4)
//   - visual_line ....... a whole text as one line drawn left to right (labels)
//
// Dear ImGui draws a string's code points left to right, each with its own glyph, and knows
// nothing of direction or joining; the views draw RTL text through these functions instead
// (the reader's passages and every other wrapped text through ui/rich_text.hpp, one-line
// labels through visual_line).
//
// The bidi part follows the Unicode Bidirectional Algorithm, UAX #9 (Unicode 15,
// https://www.unicode.org/reports/tr9/), with these rules implemented:
//   P1 (paragraphs split at B), P2/P3 (first strong character, isolates skipped, or the
//   direction given); X1-X8 (explicit embeddings, overrides and isolates, the directional
//   status stack of depth 125 with its overflow counters); X9 (embedding controls and BN
//   removed: they take a neighbour's level and are not drawn); X10 (isolating run sequences
//   with their sos/eos); W1-W7 (marks, European/Arabic numbers and their separators and
//   terminators); N0 (paired brackets, BD16, for the pairs of BidiBrackets.txt listed in
//   script.cpp, canonical equivalents of U+2329/U+232A included); N1-N2 (neutrals); I1-I2
//   (implicit levels); L1 (separators and trailing white space to the paragraph level, per
//   line); L2 (reversal from the highest level to the lowest odd one); L4 (mirrored
//   characters, for the pairs of BidiMirroring.txt listed in script.cpp).
// Left out: L3 (combining marks are kept after their base inside a reversed run instead,
// as drawing needs), the "higher-level protocols" of section 4.3 (HL1-HL6), and mirrored
// characters with no mirrored pair in the table (drawn unmirrored). The Bidi_Class values
// come from utf8proc; unassigned code points are L (the UCD's defaults for unassigned
// code points in RTL blocks are not applied).
// Shaping maps the Arabic letters of U+0621..U+064A and the Persian/Urdu letters
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

//------------------------------------------------------------------------------------------
// Bidi classes and levels
//------------------------------------------------------------------------------------------

// The Bidi_Class property (UAX #9, table 4).
enum class BidiType : std::uint8_t {
    L = 1, LRE, LRO, R, AL, RLE, RLO, PDF, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRI, RLI, FSI, PDI
};
BidiType bidi_type(char32_t cp);

enum class BidiClass { L, R, Number, Neutral };

// bidi_type simplified: R for R and AL, Number for EN and AN, L for L, Neutral otherwise.
BidiClass bidi_class(char32_t cp);

// True when `text` has a character that can make any of it right to left: a strong R or AL
// character, or an RLE, RLO or RLI control. Texts without one are drawn as they are.
bool has_rtl(std::string_view text);

// True when the first strong character of `text` (the characters between an isolate
// initiator and its matching PDI skipped: P2) is R or AL (P3); false for none.
bool paragraph_is_rtl(std::string_view text);

enum class BidiDirection { Auto, LeftToRight, RightToLeft };

// A text's resolved bidi levels, per byte (the bytes of one code point share its values).
struct BidiLevels {
    std::vector<std::uint8_t> levels;  // resolved embedding level after I1/I2 (0..126)
    std::vector<std::uint8_t> types;   // the original BidiType (as a number), for L1
    std::vector<std::uint8_t> base;    // the level of the byte's paragraph (0 or 1)
};

// Runs rules P1 to I2 over `text`: paragraphs split after each B character (U+000A, ...),
// each with the level `direction` gives, or with Auto the one P2/P3 find (0 without a
// strong character). Invalid UTF-8 reads as U+FFFD (ON).
BidiLevels bidi_resolve(std::string_view text, BidiDirection direction = BidiDirection::Auto);

struct BidiRun {
    std::uint32_t begin = 0, end = 0;  // bytes of the text, logical order
    bool rtl = false;                  // drawn right to left (odd level)
    int level = 0;                     // the run's resolved level (after L1)
};

// The level runs of the line text[begin, end) (one visual line of a text resolved into
// `levels`), in the order they are drawn from left to right: L1 (segment separators and
// the white space before them or at the line's end at the paragraph's level), then L2.
// Their byte ranges cover the line exactly once.
std::vector<BidiRun> visual_runs(const BidiLevels& levels, std::uint32_t begin, std::uint32_t end);

// The same for `line` resolved alone in a paragraph of the given direction.
std::vector<BidiRun> visual_runs(std::string_view line, bool paragraph_rtl);

// The characters of text[begin, end) in drawing order: Arabic letters shaped by their
// neighbours in all of `text` (so a run cut in a word still joins), and when `rtl` the
// grapheme clusters (a base and its marks) reversed and mirrored characters mirrored (L4).
std::string visual_text(std::string_view text, std::uint32_t begin, std::uint32_t end, bool rtl);

// `text` as one line drawn left to right (one-line labels): bidi_resolve (Auto) +
// visual_runs + visual_text; the text itself when !has_rtl(text).
std::string visual_line(std::string_view text);
// The same in a paragraph of the given direction (a context of a right-to-left row whose own
// first strong letter may be Latin: RightToLeft).
std::string visual_line(std::string_view text, BidiDirection direction);

// False for code points that are not drawn: controls and invisible format characters
// (Unicode category Cc, Cf: joiners, direction marks, the soft hyphen, ...), line and
// paragraph separators.
bool is_drawn(char32_t cp);

// Arabic contextual shaping alone, logical order kept (for tests and measuring).
std::string shape_arabic(std::string_view text);

}  // namespace wwe
