#include "text.hpp"

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

std::string utf8_truncate(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t cut = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t next = i;
        utf8_next(s, next);
        if (next > max_bytes) break;
        cut = i = next;
    }
    return std::string(s.substr(0, cut)) + "\u2026";
}

//------------------------------------------------------------------------------------------
// Characters
//------------------------------------------------------------------------------------------

char32_t fold_case(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;  // Latin-1
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 &&
        cp != 0x17F) {
        // Latin Extended-A pairs: even upper/odd lower, except 0x139-0x148 and 0x179-0x17E.
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (odd_upper ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
        return cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;  // Greek
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                // Cyrillic
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';    // fullwidth Latin
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';
    return cp;
}

std::string fold_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) utf8_append(out, fold_case(utf8_next(s, i)));
    return out;
}

bool is_cjk(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||   // kana
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
           (cp >= 0xAC00 && cp <= 0xD7AF) ||   // hangul syllables
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0x20000 && cp <= 0x2FA1F);   // supplementary ideographs
}

namespace {

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp >= 0xFF10 && cp <= 0xFF5A) return fold_case(cp) != cp;  // fullwidth alnum
    if (is_cjk(cp)) return false;  // handled on its own
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||  // Latin-1 .. Extended-B
           (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF);
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

std::string normalise_word(const std::string& folded) {
    return porter_stem(folded);  // leaves non a-z words (digits, accents) unchanged
}

}  // namespace

//------------------------------------------------------------------------------------------
// Tokens
//------------------------------------------------------------------------------------------

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    StemMemo memo;
    tokenize(text, out, memo);
    return out;
}

void tokenize(std::string_view text, std::vector<Token>& out, StemMemo& memo) {
    out.clear();
    auto normalise = [&](const std::string& folded) -> const std::string& {
        auto it = memo.find(folded);
        if (it == memo.end()) it = memo.emplace(folded, normalise_word(folded)).first;
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
            std::string folded;
            // Rebuild the joined surface form from the parts' text, folded.
            for (std::size_t k : compound) {
                std::size_t j = out[k].begin;
                while (j < out[k].end) {
                    char32_t cp = utf8_next(text, j);
                    if (is_word_char(cp)) utf8_append(folded, fold_case(cp));
                }
            }
            joined.term = normalise(folded);
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
            utf8_append(t.term, cp);
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
        // A word: letters and digits, apostrophes inside dropped, a possessive 's dropped.
        std::string folded;
        utf8_append(folded, fold_case(cp));
        std::size_t end = i;
        while (i < text.size()) {
            // ASCII letters and digits, the common case, without decoding.
            const unsigned char byte = static_cast<unsigned char>(text[i]);
            if (byte < 0x80 && ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9'))) {
                folded += static_cast<char>(byte);
                i = end = i + 1;
                continue;
            }
            if (byte >= 'A' && byte <= 'Z') {
                folded += static_cast<char>(byte - 'A' + 'a');
                i = end = i + 1;
                continue;
            }
            std::size_t at = i;
            char32_t c = utf8_next(text, at);
            if (is_word_char(c)) {
                utf8_append(folded, fold_case(c));
                i = end = at;
                continue;
            }
            if (is_apostrophe(c) && at < text.size()) {
                std::size_t after = at;
                char32_t next = utf8_next(text, after);
                if (is_word_char(next)) {
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
        t.term = normalise(folded);
        t.begin = static_cast<std::uint32_t>(start);
        t.end = static_cast<std::uint32_t>(end);
        t.position = position++;
        out.push_back(std::move(t));
        compound.push_back(out.size() - 1);
    }
    close_compound();
}

std::vector<std::string> terms_of(std::string_view text) {
    std::vector<std::string> terms;
    for (Token& t : tokenize(text))
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
