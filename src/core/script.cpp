// Win-Win Explorer core: right-to-left text for drawing (see script.hpp).
#include "script.hpp"

#include <algorithm>

#include <utf8proc.h>

#include "text.hpp"

namespace wwe {
namespace {

bool is_mark(char32_t cp) {
    if (cp < 0x300 || cp > 0x10FFFF) return false;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME || cat == UTF8PROC_CATEGORY_MC;
}

//------------------------------------------------------------------------------------------
// Arabic joining (ArabicShaping.txt) and presentation forms
//------------------------------------------------------------------------------------------

enum class Joining { None, Right, Dual, Causing };

struct Forms {
    char32_t letter;
    char32_t isolated;  // then final, initial, medial
    int count;          // 1, 2 (right-joining) or 4 (dual-joining)
};

constexpr Forms kForms[] = {
    {0x0621, 0xFE80, 1}, {0x0622, 0xFE81, 2}, {0x0623, 0xFE83, 2}, {0x0624, 0xFE85, 2},
    {0x0625, 0xFE87, 2}, {0x0626, 0xFE89, 4}, {0x0627, 0xFE8D, 2}, {0x0628, 0xFE8F, 4},
    {0x0629, 0xFE93, 2}, {0x062A, 0xFE95, 4}, {0x062B, 0xFE99, 4}, {0x062C, 0xFE9D, 4},
    {0x062D, 0xFEA1, 4}, {0x062E, 0xFEA5, 4}, {0x062F, 0xFEA9, 2}, {0x0630, 0xFEAB, 2},
    {0x0631, 0xFEAD, 2}, {0x0632, 0xFEAF, 2}, {0x0633, 0xFEB1, 4}, {0x0634, 0xFEB5, 4},
    {0x0635, 0xFEB9, 4}, {0x0636, 0xFEBD, 4}, {0x0637, 0xFEC1, 4}, {0x0638, 0xFEC5, 4},
    {0x0639, 0xFEC9, 4}, {0x063A, 0xFECD, 4}, {0x0641, 0xFED1, 4}, {0x0642, 0xFED5, 4},
    {0x0643, 0xFED9, 4}, {0x0644, 0xFEDD, 4}, {0x0645, 0xFEE1, 4}, {0x0646, 0xFEE5, 4},
    {0x0647, 0xFEE9, 4}, {0x0648, 0xFEED, 2}, {0x0649, 0xFEEF, 2}, {0x064A, 0xFEF1, 4},
    {0x067E, 0xFB56, 4}, {0x0686, 0xFB7A, 4}, {0x0698, 0xFB8A, 2}, {0x06A9, 0xFB8E, 4},
    {0x06AF, 0xFB92, 4}, {0x06CC, 0xFBFC, 4},
};

const Forms* forms_of(char32_t cp) {
    for (const Forms& f : kForms)
        if (f.letter == cp) return &f;
    return nullptr;
}

Joining joining(char32_t cp) {
    if (cp == 0x0640 || cp == 0x200D) return Joining::Causing;  // tatweel, ZWJ
    const Forms* f = forms_of(cp);
    if (!f) return Joining::None;
    return f->count == 4 ? Joining::Dual : f->count == 2 ? Joining::Right : Joining::None;
}

// The lam-alef ligature (isolated form) for lam + `alef`, or 0.
char32_t lam_alef(char32_t alef) {
    switch (alef) {
        case 0x0622: return 0xFEF5;
        case 0x0623: return 0xFEF7;
        case 0x0625: return 0xFEF9;
        case 0x0627: return 0xFEFB;
        default: return 0;
    }
}

// The code point before byte `at`, skipping marks (transparent), or 0.
char32_t letter_before(std::string_view text, std::size_t at) {
    while (at > 0) {
        std::size_t start = at - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        const char32_t cp = utf8_next(text, i);
        if (!is_mark(cp)) return cp;
        at = start;
    }
    return 0;
}

// The code point from byte `at` on, skipping marks; `after` receives the byte after it.
char32_t letter_from(std::string_view text, std::size_t at, std::size_t* after = nullptr) {
    while (at < text.size()) {
        const char32_t cp = utf8_next(text, at);
        if (!is_mark(cp)) {
            if (after) *after = at;
            return cp;
        }
    }
    if (after) *after = at;
    return 0;
}

bool joins_forward(char32_t cp) {
    const Joining j = joining(cp);
    return j == Joining::Dual || j == Joining::Causing;
}
bool joins_backward(char32_t cp) {
    const Joining j = joining(cp);
    return j == Joining::Dual || j == Joining::Right || j == Joining::Causing;
}

char32_t mirrored(char32_t cp) {
    switch (cp) {
        case '(': return ')';
        case ')': return '(';
        case '[': return ']';
        case ']': return '[';
        case '{': return '}';
        case '}': return '{';
        case '<': return '>';
        case '>': return '<';
        case 0x00AB: return 0x00BB;
        case 0x00BB: return 0x00AB;
        case 0x2039: return 0x203A;
        case 0x203A: return 0x2039;
        default: return cp;
    }
}

// One grapheme cluster as drawn: a base (shaped) and its marks.
struct Cluster {
    std::u32string cps;
};

// Shapes text[begin, end) into clusters, with the joining context of all of `text`.
std::vector<Cluster> shape_clusters(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Cluster> out;
    std::size_t i = begin;
    while (i < end) {
        const std::size_t at = i;
        const char32_t cp = utf8_next(text, i);
        if (is_mark(cp) && !out.empty()) {
            out.back().cps.push_back(cp);
            continue;
        }
        Cluster c;
        const Forms* f = forms_of(cp);
        if (!f) {
            c.cps.push_back(cp);
            out.push_back(std::move(c));
            continue;
        }
        const bool prev_joins = joins_backward(cp) && joins_forward(letter_before(text, at));
        if (cp == 0x0644 && i < end) {
            // Lam followed at once by an alef (within the range): one ligature.
            std::size_t after = i;
            const char32_t lig = lam_alef(utf8_next(text, after));
            if (lig && after <= end) {
                c.cps.push_back(lig + (prev_joins ? 1 : 0));
                i = after;
                out.push_back(std::move(c));
                continue;
            }
        }
        const bool next_joins = joins_forward(cp) && joins_backward(letter_from(text, i));
        int form = 0;  // isolated
        if (f->count == 4) form = prev_joins && next_joins ? 3 : prev_joins ? 1 : next_joins ? 2 : 0;
        else if (f->count == 2) form = prev_joins ? 1 : 0;
        c.cps.push_back(f->isolated + static_cast<char32_t>(form));
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

//------------------------------------------------------------------------------------------
// Bidi classes and runs
//------------------------------------------------------------------------------------------

BidiClass bidi_class(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9') return BidiClass::Number;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return BidiClass::L;
        return BidiClass::Neutral;
    }
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) return BidiClass::Number;
    if (cp == 0x200F) return BidiClass::R;
    if (cp == 0x200E) return BidiClass::L;
    if (cp > 0x10FFFF || is_mark(cp)) return BidiClass::Neutral;
    const bool rtl_block = (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
                           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
                           (cp >= 0x1E800 && cp <= 0x1EFFF);
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
            return rtl_block ? BidiClass::R : BidiClass::L;
        case UTF8PROC_CATEGORY_ND:
            return BidiClass::Number;
        default:
            // Arabic punctuation (comma, semicolon, question mark) is AL in UAX #9.
            return rtl_block && (cp == 0x060C || cp == 0x061B || cp == 0x061F) ? BidiClass::R : BidiClass::Neutral;
    }
}

bool has_rtl(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (bidi_class(utf8_next(text, i)) == BidiClass::R) return true;
    }
    return false;
}

bool paragraph_is_rtl(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const BidiClass c = bidi_class(utf8_next(text, i));
        if (c == BidiClass::L) return false;
        if (c == BidiClass::R) return true;
    }
    return false;
}

std::vector<BidiRun> visual_runs(std::string_view line, bool paragraph_rtl) {
    struct Unit {
        std::uint32_t begin, end;
        BidiClass cls;
        int level;
    };
    std::vector<Unit> units;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t at = i;
        const char32_t cp = utf8_next(line, i);
        BidiClass c = bidi_class(cp);
        if (is_mark(cp) && !units.empty()) {  // W1: a mark takes its base's class
            units.back().end = static_cast<std::uint32_t>(i);
            continue;
        }
        units.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i), c, 0});
    }
    const int p = paragraph_rtl ? 1 : 0;
    // Numbers act as R after R text (or at the start of an RTL paragraph), else as L.
    bool last_strong_r = paragraph_rtl;
    std::vector<bool> acts_r(units.size(), false);
    for (std::size_t k = 0; k < units.size(); ++k) {
        Unit& u = units[k];
        if (u.cls == BidiClass::L) last_strong_r = false;
        if (u.cls == BidiClass::R) last_strong_r = true;
        if (u.cls == BidiClass::L) u.level = p == 0 ? 0 : 2;
        else if (u.cls == BidiClass::R) u.level = 1;
        else if (u.cls == BidiClass::Number) u.level = (last_strong_r || p == 1) ? 2 : 0;
        acts_r[k] = u.cls == BidiClass::R || (u.cls == BidiClass::Number && last_strong_r);
    }
    // Neutrals: the direction around them when both sides agree, else the paragraph's.
    for (std::size_t k = 0; k < units.size();) {
        if (units[k].cls != BidiClass::Neutral) {
            ++k;
            continue;
        }
        std::size_t e = k;
        while (e < units.size() && units[e].cls == BidiClass::Neutral) ++e;
        const bool before_r = k == 0 ? paragraph_rtl : acts_r[k - 1];
        const bool after_r = e == units.size() ? paragraph_rtl : acts_r[e];
        const int level = before_r == after_r ? (before_r ? 1 : (p == 0 ? 0 : 2)) : p;
        for (std::size_t j = k; j < e; ++j) units[j].level = level;
        k = e;
    }
    // Level runs in logical order, then L2: reverse from the highest level to the lowest odd.
    struct Run {
        BidiRun run;
        int level;
    };
    std::vector<Run> runs;
    for (const Unit& u : units) {
        if (!runs.empty() && runs.back().level == u.level) runs.back().run.end = u.end;
        else runs.push_back({{u.begin, u.end, u.level % 2 == 1}, u.level});
    }
    int highest = 0;
    for (const Run& r : runs) highest = std::max(highest, r.level);
    for (int level = highest; level >= 1; --level) {
        for (std::size_t k = 0; k < runs.size();) {
            if (runs[k].level < level) {
                ++k;
                continue;
            }
            std::size_t e = k;
            while (e < runs.size() && runs[e].level >= level) ++e;
            std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(k), runs.begin() + static_cast<std::ptrdiff_t>(e));
            k = e;
        }
    }
    std::vector<BidiRun> out;
    out.reserve(runs.size());
    for (const Run& r : runs) out.push_back(r.run);
    return out;
}

std::string visual_text(std::string_view text, std::uint32_t begin, std::uint32_t end, bool rtl) {
    end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
    if (begin >= end) return {};
    std::vector<Cluster> clusters = shape_clusters(text, begin, end);
    if (rtl) {
        std::reverse(clusters.begin(), clusters.end());
        for (Cluster& c : clusters) c.cps[0] = mirrored(c.cps[0]);
    }
    std::string out;
    out.reserve(end - begin);
    for (const Cluster& c : clusters)
        for (char32_t cp : c.cps) utf8_append(out, cp);
    return out;
}

std::string visual_line(std::string_view text) {
    if (!has_rtl(text)) return std::string(text);
    std::string out;
    for (const BidiRun& r : visual_runs(text, paragraph_is_rtl(text))) out += visual_text(text, r.begin, r.end, r.rtl);
    return out;
}

bool is_drawn(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0x10FFFF) return false;
    if (cp < 0x80) return true;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat != UTF8PROC_CATEGORY_CF && cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_ZL &&
           cat != UTF8PROC_CATEGORY_ZP && cat != UTF8PROC_CATEGORY_CS && cat != UTF8PROC_CATEGORY_CN;
}

std::string shape_arabic(std::string_view text) {
    return visual_text(text, 0, static_cast<std::uint32_t>(text.size()), false);
}

}  // namespace wwe
