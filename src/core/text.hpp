// Win-Win Explorer core: text normalisation for search and mention matching.
//
// Index
//   - UTF-8 ........... validity check and decoding
//   - Tokens .......... tokenize(): words with byte offsets, normalised terms
//   - Stemming ........ porter_stem(): M. F. Porter, "An algorithm for suffix stripping",
//                       Program 14(3), 1980, pp. 130-137 (the original algorithm)
//
// Normalisation rules (shared by the index, queries and mention matching, so they agree):
//   - letters are lower-cased (ASCII and Latin-1/Latin Extended-A/Greek/Cyrillic basics);
//   - a word is a run of letters and digits; apostrophes inside a word are dropped
//     ("others'" -> "others", "China's" -> "china"); hyphens and dashes separate words,
//     and a hyphenated compound also yields its joined form at the same position
//     ("inter-connected" -> "inter", "connect" + "interconnect"), so "win-win", "win win"
//     and "winwin" meet;
//   - each CJK ideograph (and kana, hangul syllable) is a word of its own;
//   - words are stemmed (Porter) after lower-casing; digits are kept as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wwe {

//------------------------------------------------------------------------------------------
// UTF-8
//------------------------------------------------------------------------------------------

// Byte offset of the first invalid UTF-8 sequence in `s`, or npos when `s` is valid.
std::size_t utf8_invalid_at(std::string_view s);

// Decodes the code point at s[i]; advances i. Invalid bytes decode as U+FFFD, one byte each.
char32_t utf8_next(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void utf8_append(std::string& out, char32_t cp);

// Truncates to at most `max_bytes` bytes without cutting a code point; appends "…" if cut.
std::string utf8_truncate(std::string_view s, std::size_t max_bytes);

// `s` escaped for XML/HTML text and attribute values (& < > "), without the control
// characters XML 1.0 forbids (all below U+0020 but tab and newline).
std::string xml_escape(std::string_view s);

//------------------------------------------------------------------------------------------
// Tokens
//------------------------------------------------------------------------------------------

struct Token {
    std::string term;        // normalised (lower-cased, stemmed) form
    std::uint32_t begin = 0; // byte offset of the word in the source text
    std::uint32_t end = 0;   // one past its last byte
    std::uint32_t position = 0;  // word position; a joined compound shares its first part's
    bool joined = false;     // the extra joined form of a hyphenated compound
};

// Splits `text` into normalised tokens, in order of position.
std::vector<Token> tokenize(std::string_view text);

// Folded word -> its normalised term: a memo for tokenizing much text (most words repeat).
using StemMemo = std::unordered_map<std::string, std::string>;
// The same into `out` (cleared first), stemming each distinct word once through `memo`.
void tokenize(std::string_view text, std::vector<Token>& out, StemMemo& memo);

// Normalised terms of `text` without offsets or joined forms (for aliases and phrases).
std::vector<std::string> terms_of(std::string_view text);

// Case-folds every code point of `s` (fold_case), keeping everything else as it is.
std::string fold_text(std::string_view s);

// Lower-cases one code point (the ranges named above; others are returned as they are).
char32_t fold_case(char32_t cp);

// True for ideographs, kana and hangul syllables (each a word of its own).
bool is_cjk(char32_t cp);

//------------------------------------------------------------------------------------------
// Stemming
//------------------------------------------------------------------------------------------

// Porter (1980) stem of a lower-case ASCII word; other words are returned unchanged.
std::string porter_stem(std::string_view word);

}  // namespace wwe
