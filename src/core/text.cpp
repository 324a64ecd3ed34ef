#include "text.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include <libstemmer.h>
#include <utf8proc.h>

namespace wwe {

//------------------------------------------------------------------------------------------
// UTF-8
//------------------------------------------------------------------------------------------

namespace {

// Length of the well-formed sequence starting at s[i] (RFC 3629), or 0 when ill-formed.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else return 0;
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

}  // namespace

std::string utf16_or_32_name(std::string_view b) {
    auto at = [&](std::size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0x100; };
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return "UTF-32 (little-endian, with a byte order mark)";
    if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32 (big-endian, with a byte order mark)";
    if (at(0) == 0xFF && at(1) == 0xFE) return "UTF-16 (little-endian, with a byte order mark)";
    if (at(0) == 0xFE && at(1) == 0xFF) return "UTF-16 (big-endian, with a byte order mark)";
    // No mark: the first character of a JSON text (or of most texts) is ASCII, so its
    // code unit has zero bytes around one non-zero byte.
    if (b.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0) return "UTF-32 (big-endian)";
    if (b.size() >= 4 && at(0) != 0 && at(1) == 0 && at(2) == 0 && at(3) == 0) return "UTF-32 (little-endian)";
    if (b.size() >= 2 && at(0) == 0 && at(1) != 0) return "UTF-16 (big-endian)";
    if (b.size() >= 2 && at(0) != 0 && at(1) == 0) return "UTF-16 (little-endian)";
    return "";
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string escape_controls(std::string_view s, std::string_view keep) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        if (c < 0x80) ++i;
        else if (c == 0xC2 && i + 1 < s.size()) cp = utf8_next(s, i);  // U+0080-U+00BF: C1 among them
        else {
            out += s[i++];
            continue;
        }
        if (is_control(cp) && (cp >= 0x80 || keep.find(static_cast<char>(cp)) == std::string_view::npos)) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[(cp >> 4) & 0xF];
            out += kHex[cp & 0xF];
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::size_t utf8_invalid_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

char32_t utf8_next(std::string_view s, std::size_t& i) {
    std::size_t n = sequence_length(s, i);
    if (n == 0) {
        ++i;
        return 0xFFFD;
    }
    auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    char32_t cp;
    switch (n) {
        case 1: cp = b(0); break;
        case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
        case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
        default: cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    }
    i += n;
    return cp;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// Byte offsets in `s` where a user-perceived character (an extended grapheme cluster,
// UAX #29: a letter with its combining marks, an emoji sequence) starts, then s.size().
// Invalid bytes are one character each.
std::vector<std::size_t> grapheme_starts(std::string_view s) {
    std::vector<std::size_t> starts;
    utf8proc_int32_t state = 0;
    char32_t before = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t cp = utf8_next(s, i);
        if (at == 0 || utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(before),
                                                        static_cast<utf8proc_int32_t>(cp), &state))
            starts.push_back(at);
        before = cp;
    }
    starts.push_back(s.size());
    return starts;
}

}  // namespace

std::string utf8_truncate(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t cut = 0;
    for (const std::size_t b : grapheme_starts(s.substr(0, std::min(s.size(), max_bytes + 64)))) {
        if (b > max_bytes) break;
        cut = b;
    }
    // The prefix scanned may end inside a cluster that goes on: its end is no boundary.
    return std::string(s.substr(0, cut)) + "\u2026";
}

std::string utf8_truncate_front(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    const std::vector<std::size_t> starts = grapheme_starts(s);
    std::size_t cut = s.size();
    for (const std::size_t b : starts)
        if (s.size() - b <= max_bytes) {
            cut = b;
            break;
        }
    return "\u2026" + std::string(s.substr(cut));
}

//------------------------------------------------------------------------------------------
// Characters
//------------------------------------------------------------------------------------------

namespace {

// utf8proc_map's result as a std::string ("" when it fails, which valid UTF-8 never does).
std::string map_utf8(std::string_view s, int options) {
    if (s.empty()) return {};
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                            static_cast<utf8proc_ssize_t>(s.size()), &out,
                                            static_cast<utf8proc_option_t>(options));
    std::string result;
    if (n >= 0 && out) result.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    return result;
}

constexpr int kFold = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;

// Letters whose combining marks are accents to strip: Latin, Greek, Cyrillic, Armenian,
// Hebrew, Arabic, Syriac (up to U+074F), Arabic Supplement and Extended-A, Latin Extended
// Additional, Greek Extended, Latin Extended-C/-D/-E, the Latin, Armenian, Hebrew and Arabic
// presentation forms. Elsewhere (Devanagari, Thai, ...) marks are vowel signs and stay.
bool marks_are_accents(char32_t base) {
    return base < 0x0750 || (base >= 0x0750 && base <= 0x077F) || (base >= 0x08A0 && base <= 0x08FF) ||
           (base >= 0x1E00 && base <= 0x1FFF) || (base >= 0x2C60 && base <= 0x2C7F) ||
           (base >= 0xA720 && base <= 0xA7FF) || (base >= 0xAB30 && base <= 0xAB6F) ||
           (base >= 0xFB00 && base <= 0xFDFF) || (base >= 0xFE70 && base <= 0xFEFF);
}

bool is_mark(char32_t cp) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME;
}

// Drops the accents of `s` (NFC in, NFC out) as the normalisation rules say; the tatweel
// (U+0640, a stretching stroke) goes too. With `latin_only`, only the accents of Latin
// letters go (before stemming, see normalise_word).
bool latin_letter(char32_t base) { return base < 0x0250 || (base >= 0x1E00 && base <= 0x1EFF); }
std::string strip_accents(std::string_view s, bool latin_only = false) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(s);
    const std::string nfd = map_utf8(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    std::string kept;
    kept.reserve(nfd.size());
    char32_t base = 0;
    bool changed = false;
    for (std::size_t i = 0; i < nfd.size();) {
        const char32_t cp = utf8_next(nfd, i);
        if ((is_mark(cp) && (latin_only ? latin_letter(base) : marks_are_accents(base))) || (!latin_only && cp == 0x0640)) {
            changed = true;
            continue;
        }
        if (!is_mark(cp)) base = cp;
        utf8_append(kept, cp);
    }
    if (!changed) return std::string(s);
    return map_utf8(kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

}  // namespace

char32_t fold_case(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';  // fullwidth Latin
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';
    if (cp > 0x10FFFF) return cp;
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

std::string fold_text(std::string_view s) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    // Invalid bytes become U+FFFD first, as utf8_next decodes them (utf8proc refuses them).
    std::string valid;
    const std::string_view text = [&]() -> std::string_view {
        if (utf8_invalid_at(s) == std::string_view::npos) return s;
        for (std::size_t i = 0; i < s.size();) utf8_append(valid, utf8_next(s, i));
        return valid;
    }();
    return map_utf8(text, kFold);
}

std::string fold_for_sorting(std::string_view s) { return strip_accents(fold_text(s)); }
std::string strip_latin_accents(std::string_view s) { return strip_accents(s, true); }

bool is_cjk(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||   // kana
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
           (cp >= 0xAC00 && cp <= 0xD7AF) ||   // hangul syllables
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0x20000 && cp <= 0x2FA1F);   // supplementary ideographs
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp > 0x10FFFF) return false;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            // Joiners and the soft hyphen sit inside words (Persian, Indic, hyphenated text);
            // folding drops them from the term.
            return cp == 0x200C || cp == 0x200D || cp == 0x00AD;
    }
}

//------------------------------------------------------------------------------------------
// Stemming
//------------------------------------------------------------------------------------------

Stemmer::Stemmer(std::string_view algorithm) {
    const std::string name(algorithm);
    if (sb_stemmer* h = sb_stemmer_new(name.c_str(), "UTF_8")) {
        algorithm_ = name;
        handle_ = std::shared_ptr<sb_stemmer>(h, sb_stemmer_delete);
    }
}

std::string Stemmer::stem(std::string_view word) const {
    if (!handle_ || word.empty()) return std::string(word);
    const sb_symbol* out = sb_stemmer_stem(handle_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (!out) return std::string(word);  // out of memory: the word as it is
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(handle_.get())));
}

std::vector<std::string> Stemmer::algorithms() {
    std::vector<std::string> names;
    for (const char** n = sb_stemmer_list(); *n; ++n) names.emplace_back(*n);
    std::sort(names.begin(), names.end());
    return names;
}

std::string primary_language(std::string_view bcp47) {
    std::string primary;
    for (char c : bcp47) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return primary;
}

TextRules TextRules::for_language(std::string_view bcp47) {
    TextRules rules;
    rules.language = std::string(bcp47);
    const std::string primary = primary_language(bcp47);
    static const std::pair<const char*, const char*> kAlgorithms[] = {
        {"ar", "arabic"},     {"ca", "catalan"},  {"da", "danish"},     {"de", "german"},
        {"el", "greek"},      {"en", "english"},  {"es", "spanish"},    {"eu", "basque"},
        {"fi", "finnish"},    {"fr", "french"},   {"ga", "irish"},      {"hi", "hindi"},
        {"hu", "hungarian"},  {"hy", "armenian"}, {"id", "indonesian"}, {"it", "italian"},
        {"lt", "lithuanian"}, {"ne", "nepali"},   {"nl", "dutch"},      {"no", "norwegian"},
        {"nb", "norwegian"},  {"nn", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
        {"ru", "russian"},    {"sr", "serbian"},  {"sv", "swedish"},    {"ta", "tamil"},
        {"tr", "turkish"},    {"yi", "yiddish"},
    };
    for (const auto& [code, algorithm] : kAlgorithms)
        if (primary == code) rules.stemmer = Stemmer(algorithm);
    rules.split_elisions = primary == "fr" || primary == "it" || primary == "ca";
    rules.strip_conjunctions = primary == "ar";
    return rules;
}

const TextRules& english_rules() {
    static const TextRules rules = TextRules::for_language("en");
    return rules;
}

std::string normalise_word(std::string_view word, const TextRules& rules) {
    std::string folded = fold_text(word);
    if (rules.strip_conjunctions) {
        // The longest prefix that leaves at least two letters (two bytes each).
        static const char* const kPrefixes[] = {
            "\xd9\x88\xd8\xa7\xd9\x84", "\xd9\x81\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
            "\xd9\x83\xd8\xa7\xd9\x84", "\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84"};  // وال فال بال كال ال لل
        for (const char* prefix : kPrefixes) {
            const std::string_view p(prefix);
            if (folded.starts_with(p) && folded.size() >= p.size() + 4) {
                folded.erase(0, p.size());
                break;
            }
        }
    }
    // The stemmer reads the word as written: its suffix lists have their accents (Spanish
    // -ación, French -ière, Romanian -ități), so a word stripped first would keep its suffix
    // ("cooperacion" against "cooperaciones" -> "cooper"). Accents go after it. A query
    // typed without them meets the text through Corpus::unaccented (unaccented_term).
    return strip_accents(rules.stemmer.stem(folded));
}

std::string unaccented_term(std::string_view word, const TextRules& rules) {
    return normalise_word(strip_accents(fold_text(word), true), rules);
}

namespace {

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

}  // namespace

//------------------------------------------------------------------------------------------
// Tokens
//------------------------------------------------------------------------------------------

std::vector<Token> tokenize(std::string_view text, const TextRules& rules) {
    std::vector<Token> out;
    StemMemo memo;
    tokenize(text, out, memo, rules);
    return out;
}

void tokenize(std::string_view text, std::vector<Token>& out, StemMemo& memo, const TextRules& rules,
              const std::function<std::uint32_t(const std::string&)>& id_of) {
    out.clear();
    // `raw` is the word's text without apostrophes, ASCII capitals lowered (the memo's key).
    auto normalise = [&](const std::string& raw) -> const StemEntry& {
        auto it = memo.find(raw);
        if (it == memo.end()) {
            it = memo.emplace(raw, StemEntry{normalise_word(raw, rules)}).first;
            if (id_of && !it->second.term.empty()) it->second.id = id_of(it->second.term);
        }
        return it->second;
    };
    std::uint32_t position = 0;
    std::size_t i = 0;

    // Parts of the current hyphenated compound (indices into out).
    std::vector<std::size_t> compound;
    std::size_t hyphen_end = std::string_view::npos;  // just after a hyphen that follows a word
    auto close_compound = [&] {
        if (compound.size() >= 2) {
            Token joined;
            std::string raw;
            // Rebuild the joined surface form from the parts' text.
            for (std::size_t k : compound) {
                std::size_t j = out[k].begin;
                while (j < out[k].end) {
                    char32_t cp = utf8_next(text, j);
                    if (is_word_char(cp)) utf8_append(raw, fold_case(cp));
                }
            }
            const StemEntry& e = normalise(raw);
            joined.term = e.term;
            joined.id = e.id;
            joined.begin = out[compound.front()].begin;
            joined.end = out[compound.back()].end;
            joined.position = out[compound.front()].position;
            joined.joined = true;
            out.push_back(std::move(joined));
        }
        compound.clear();
    };

    while (i < text.size()) {
        std::size_t start = i;
        char32_t cp = utf8_next(text, i);
        if (is_cjk(cp)) {
            close_compound();
            Token t;
            t.term = fold_text(std::string_view(text.data() + start, i - start));
            if (id_of) t.id = id_of(t.term);  // not memoised (one character): numbered in token order
            t.begin = static_cast<std::uint32_t>(start);
            t.end = static_cast<std::uint32_t>(i);
            t.position = position++;
            out.push_back(std::move(t));
            continue;
        }
        if (!is_word_char(cp)) {
            // A hyphen right after a word may join it to the next word; anything else ends
            // the compound.
            if (is_hyphen(cp) && !compound.empty() && out[compound.back()].end == start) {
                hyphen_end = i;
            } else {
                close_compound();
                hyphen_end = std::string_view::npos;
            }
            continue;
        }
        // A word: letters, marks and digits, apostrophes inside dropped (or splitting it,
        // with elision), a possessive 's dropped.
        std::string raw;
        utf8_append(raw, fold_case(cp));
        std::size_t end = i;
        while (i < text.size()) {
            // ASCII letters and digits, the common case, without decoding.
            const unsigned char byte = static_cast<unsigned char>(text[i]);
            if (byte < 0x80 && ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9'))) {
                raw += static_cast<char>(byte);
                i = end = i + 1;
                continue;
            }
            if (byte >= 'A' && byte <= 'Z') {
                raw += static_cast<char>(byte - 'A' + 'a');
                i = end = i + 1;
                continue;
            }
            std::size_t at = i;
            char32_t c = utf8_next(text, at);
            if (is_word_char(c) && !is_cjk(c)) {
                utf8_append(raw, c);
                i = end = at;
                continue;
            }
            if (is_apostrophe(c) && at < text.size() && !rules.split_elisions) {
                std::size_t after = at;
                char32_t next = utf8_next(text, after);
                if (is_word_char(next) && !is_cjk(next)) {
                    std::size_t after2 = after;
                    bool possessive = (next == 's' || next == 'S') &&
                                      (after2 >= text.size() || !is_word_char(utf8_next(text, after2)));
                    if (possessive) {
                        i = end = after;  // the 's belongs to the word's span, not its term
                        break;
                    }
                    i = at;  // drop the apostrophe, keep going
                    continue;
                }
            }
            break;
        }
        bool continues_compound = hyphen_end == start;
        hyphen_end = std::string_view::npos;
        if (!continues_compound) close_compound();
        Token t;
        const StemEntry& e = normalise(raw);
        if (e.term.empty()) continue;  // only joiners or soft hyphens
        t.term = e.term;
        t.id = e.id;
        t.begin = static_cast<std::uint32_t>(start);
        t.end = static_cast<std::uint32_t>(end);
        t.position = position++;
        out.push_back(std::move(t));
        compound.push_back(out.size() - 1);
    }
    close_compound();
}

std::vector<std::string> terms_of(std::string_view text, const TextRules& rules) {
    std::vector<std::string> terms;
    for (Token& t : tokenize(text, rules))
        if (!t.joined) terms.push_back(std::move(t.term));
    return terms;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
                out += c;
        }
    }
    return out;
}

}  // namespace wwe
