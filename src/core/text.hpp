// Win-Win Explorer core: text normalisation for search and mention matching.
//
// Index
//   - UTF-8 ........... validity check and decoding
//   - Characters ...... fold_case(), fold_text(), is_cjk(), is_word_char()
//   - Stemming ........ Stemmer: Snowball stemmers (M. F. Porter, "Snowball: A language for
//                       stemming algorithms", 2001; snowballstem.org) through libstemmer,
//                       one per language; TextRules: a language's rules for tokenize()
//   - Tokens .......... tokenize(): words with byte offsets, normalised terms
//
// Unicode data (general categories, case folding, compatibility and canonical
// decomposition) comes from utf8proc; stemmers from Snowball's libstemmer (both compiled
// into the core from Debian's source packages, see cmake/text_libs.cmake).
//
// Normalisation rules (shared by the index, queries and mention matching, so they agree):
//   - a word is a run of letters, combining marks and digits (Unicode categories L*, M*,
//     Nd/Nl/No) in any script; apostrophes inside a word are dropped ("others'" ->
//     "others", "China's" -> "china"), except in languages with elision (French, Italian,
//     Catalan), where they split the word ("l'État" -> "l" + "état"); hyphens and dashes
//     separate words, and a hyphenated compound also yields its joined form at the same
//     position ("inter-connected" -> "inter", "connect" + "interconnect"), so "win-win",
//     "win win" and "winwin" meet;
//   - each CJK ideograph (and kana, hangul syllable) is a word of its own;
//   - words are folded: compatibility forms (fullwidth letters, ligatures, Arabic
//     presentation forms) to their plain letters, then Unicode case folding (NFKC_Casefold
//     without the removal of default ignorables but soft hyphens and joiners);
//   - then stemmed by the article's language (TextRules::for_language) — Latin letters lose
//     their accents before the stemmer as well, so that a stemmer reading "rivière" and
//     "riviere" differently cannot keep an accent-less query from its word — then stripped of
//     accents: combining marks on Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic
//     letters are dropped ("Québec" -> "quebec", Arabic short vowels and tatweel go), while
//     the vowel signs of Brahmic and South-East Asian scripts are kept (they are letters
//     there). Digits are kept as they are.
//   - Limit: scripts written without spaces between words that need a dictionary to split
//     (Thai, Lao, Khmer, Myanmar) are not segmented: a run between spaces or punctuation is
//     one word, so a search finds whole runs only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;  // Snowball's libstemmer

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

// Truncates to at most `max_bytes` bytes without cutting a character (a code point, nor a
// grapheme cluster: a letter and its combining marks, an emoji sequence); appends "…" if cut.
std::string utf8_truncate(std::string_view s, std::size_t max_bytes);

// The same from the front: keeps the last at most `max_bytes` bytes, whole characters,
// after a leading "…" if cut ("…the end").
std::string utf8_truncate_front(std::string_view s, std::size_t max_bytes);

// The Unicode encoding other than UTF-8 that `bytes` is in, judged by its first bytes: a
// byte order mark (UTF-16 FF FE / FE FF, UTF-32 FF FE 00 00 / 00 00 FE FF), or, without
// one, the zero bytes a text starting with an ASCII character has in UTF-16 or UTF-32
// (RFC 4627, section 3): "UTF-16 (little-endian)", "UTF-32 (big-endian, with a byte order
// mark)". "" when the text is not recognisably UTF-16 or UTF-32 (it may be UTF-8).
std::string utf16_or_32_name(std::string_view bytes);

// A control character: C0 (U+0000-U+001F), DEL (U+007F) or C1 (U+0080-U+009F).
bool is_control(char32_t cp);

// `s` with every control character (is_control) but those listed in `keep` written as a
// JSON-style escape, six plain characters ("\u001b" for ESC, "\u009b" for CSI): what a
// terminal may print. `s` is UTF-8 (invalid bytes are left as they are). The escapes are
// valid JSON inside a string, so a JSON text stays the same value: pass keep = "\n" for
// text dumped with indentation, "\t\n\r" for a JSON file as written.
std::string escape_controls(std::string_view s, std::string_view keep = {});

// `s` escaped for XML/HTML text and attribute values (& < > "), without the control
// characters XML 1.0 forbids (all below U+0020 but tab and newline).
std::string xml_escape(std::string_view s);

//------------------------------------------------------------------------------------------
// Characters
//------------------------------------------------------------------------------------------

// Lower-cases one code point (Unicode simple lower-case mapping, every script).
char32_t fold_case(char32_t cp);

// `s` with compatibility forms made plain (fullwidth letters, ligatures, presentation
// forms) and case-folded, NFC (NFKC_Casefold); invalid bytes become U+FFFD. Accents stay:
// stemmers need them (tokenize() strips them after stemming). For matching CJK names as
// substrings, and for text that is tokenised next.
std::string fold_text(std::string_view s);

// fold_text() with accents stripped as the normalisation rules say: a key for sorting and
// filtering names ("Étoile" sorts and filters with "etoile"; "Quebec" finds "Québec").
std::string fold_for_sorting(std::string_view s);

// `s` (folded, NFC) with the accents of Latin letters stripped and other scripts' kept: the
// word as typed without accents ("coopération" -> "cooperation"; see unaccented_term).
std::string strip_latin_accents(std::string_view s);

// True for ideographs, kana and hangul syllables (each a word of its own).
bool is_cjk(char32_t cp);

// True for the code points words are made of: letters, combining marks and digits of any
// script (CJK ones included: tokenize() splits those one per word).
bool is_word_char(char32_t cp);

//------------------------------------------------------------------------------------------
// Stemming
//------------------------------------------------------------------------------------------

// A Snowball stemmer of one algorithm, or none (words stay as they are). Copies share the
// stemmer; stem() is not thread-safe (the core is single-threaded).
class Stemmer {
public:
    Stemmer() = default;  // no stemming
    // `algorithm` is a libstemmer name ("english", "french", "russian", "arabic", "porter",
    // ...); an unknown name gives a stemmer that stems nothing (check valid()).
    explicit Stemmer(std::string_view algorithm);

    // The stem of `word`, which must be case-folded UTF-8 (as tokenize() folds it).
    std::string stem(std::string_view word) const;
    // The algorithm's name, or "" when this stemmer stems nothing.
    const std::string& algorithm() const { return algorithm_; }
    bool valid() const { return handle_ != nullptr; }

    // libstemmer's algorithm names, sorted.
    static std::vector<std::string> algorithms();

private:
    std::string algorithm_;
    std::shared_ptr<::sb_stemmer> handle_;
};

// The primary language subtag of a BCP 47 tag, lower-cased ("pt-BR" -> "pt", "zh_Hant" ->
// "zh"; "" -> "").
std::string primary_language(std::string_view bcp47);

// How one language's text becomes terms. Cheap to copy.
struct TextRules {
    std::string language;    // the BCP 47 tag it was made for (e.g. "fr-CA"), or ""
    Stemmer stemmer;         // the language's Snowball stemmer, or none
    bool split_elisions = false;  // an apostrophe inside a word splits it (fr, it, ca)
    // Arabic: the definite article and the particles joined to it (ال, وال, فال, بال, كال,
    // لل) go before stemming (the "light10" prefixes of Larkey, Ballesteros & Connell,
    // "Improving stemming for Arabic information retrieval", SIGIR 2002): Snowball's Arabic
    // stemmer leaves وال on and strips suffixes by the length with the article, so التعاون
    // and تعاون would differ. (Named for the و/ف it began with.)
    bool strip_conjunctions = false;

    // The rules for a BCP 47 tag, by its primary language subtag: the Snowball stemmer of
    // that language when libstemmer has one (ar, ca, da, de, el, en, es, eu, fi, fr, ga,
    // hi, hu, hy, id, it, lt, ne, nl, no/nb/nn, pt, ro, ru, sr, sv, ta, tr, yi), else no
    // stemming (zh, ja, ko: CJK words are single characters; others: folded words as
    // written). English uses Snowball's "english" (Porter2). Case-insensitive.
    static TextRules for_language(std::string_view bcp47);
    // True when the language has a stemmer (false for "", zh, ja, ko and unknown tags).
    bool stems() const { return stemmer.valid(); }
};

// English rules, for text whose language is not known (tests, tools). One instance.
const TextRules& english_rules();

//------------------------------------------------------------------------------------------
// Tokens
//------------------------------------------------------------------------------------------

struct Token {
    std::string term;        // normalised (folded, stemmed, accents stripped) form
    std::uint32_t begin = 0; // byte offset of the word in the source text
    std::uint32_t end = 0;   // one past its last byte
    std::uint32_t position = 0;  // word position; a joined compound shares its first part's
    bool joined = false;     // the extra joined form of a hyphenated compound
    std::uint32_t id = UINT32_MAX;  // with a memo and `id_of`: the id of `term` (see below)
};

// Splits `text` into normalised tokens, in order of position, by `rules`.
std::vector<Token> tokenize(std::string_view text, const TextRules& rules = english_rules());

// Case-folded word -> its normalised term and that term's id (UINT32_MAX: none given): a
// memo for tokenizing much text (most words repeat). Valid for one TextRules only.
struct StemEntry {
    std::string term;
    std::uint32_t id = UINT32_MAX;
};
using StemMemo = std::unordered_map<std::string, StemEntry>;
// The same into `out` (cleared first), normalising each distinct word once through `memo`.
// With `id_of`, each new memo entry gets id_of(its term) and every token through the memo
// carries it (Token::id): one hash lookup per token for an indexer that numbers its terms
// (CJK characters are not memoised: id_of is asked for each of them). Ids are asked for in
// token order, so an indexer numbering terms as it first meets them numbers them in text order.
void tokenize(std::string_view text, std::vector<Token>& out, StemMemo& memo,
              const TextRules& rules = english_rules(),
              const std::function<std::uint32_t(const std::string&)>& id_of = {});

// Normalised terms of `text` without offsets or joined forms (for aliases and phrases).
std::vector<std::string> terms_of(std::string_view text, const TextRules& rules = english_rules());

// One word's term: `word` (any case, any form) folded, stemmed by `rules` as written, then
// accents stripped ("cooperación" and "cooperaciones" -> "cooper" in Spanish). The building
// block of tokenize(), for callers that match words themselves.
std::string normalise_word(std::string_view word, const TextRules& rules = english_rules());

// The term `word` gets when typed without its Latin accents: normalise_word() of the word
// with them stripped ("cooperación" -> "cooperacion" in Spanish, whose stemmer only knows
// -ación). Equal to normalise_word() for a word without accents. Corpus::unaccented maps it
// to the text's own term, so that an accent-less query finds the accented text.
std::string unaccented_term(std::string_view word, const TextRules& rules = english_rules());

}  // namespace wwe
