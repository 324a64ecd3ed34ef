// Win-Win Explorer core: right-to-left text for drawing (see script.hpp).
#include "script.hpp"

#include <algorithm>
#include <utility>

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

// Pairs of BidiMirroring.txt that the fonts draw (brackets, quotation marks, comparison
// signs); a mirrored character not listed is drawn as it is (see script.hpp).
constexpr std::pair<char32_t, char32_t> kMirrorPairs[] = {
    {'(', ')'},       {'<', '>'},       {'[', ']'},       {'{', '}'},       {0x00AB, 0x00BB},
    {0x2039, 0x203A}, {0x2045, 0x2046}, {0x207D, 0x207E}, {0x208D, 0x208E}, {0x2208, 0x220B},
    {0x2264, 0x2265}, {0x226A, 0x226B}, {0x2308, 0x2309}, {0x230A, 0x230B}, {0x2329, 0x232A},
    {0x27E8, 0x27E9}, {0x3008, 0x3009}, {0x300A, 0x300B}, {0x300C, 0x300D}, {0x300E, 0x300F},
    {0x3010, 0x3011}, {0x3014, 0x3015}, {0xFF08, 0xFF09}, {0xFF1C, 0xFF1E}, {0xFF3B, 0xFF3D},
    {0xFF5B, 0xFF5D},
};

char32_t mirrored(char32_t cp) {
    for (const auto& [a, b] : kMirrorPairs) {
        if (cp == a) return b;
        if (cp == b) return a;
    }
    return cp;
}

// Bidi_Paired_Bracket of BidiBrackets.txt for the pairs above that are brackets: the
// other bracket of the pair, `opening` saying which one `cp` is; 0 for no bracket.
// U+2329/U+232A are canonically equivalent to U+3008/U+3009 (BD16 compares them so).
char32_t paired_bracket(char32_t cp, bool& opening) {
    constexpr std::pair<char32_t, char32_t> kBrackets[] = {
        {'(', ')'},       {'[', ']'},       {'{', '}'},       {0x2045, 0x2046}, {0x207D, 0x207E},
        {0x208D, 0x208E}, {0x2308, 0x2309}, {0x230A, 0x230B}, {0x27E8, 0x27E9}, {0x3008, 0x3009},
        {0x300A, 0x300B}, {0x300C, 0x300D}, {0x300E, 0x300F}, {0x3010, 0x3011}, {0x3014, 0x3015},
        {0xFF08, 0xFF09}, {0xFF3B, 0xFF3D}, {0xFF5B, 0xFF5D},
    };
    if (cp == 0x2329) cp = 0x3008;
    if (cp == 0x232A) cp = 0x3009;
    for (const auto& [a, b] : kBrackets) {
        if (cp == a) {
            opening = true;
            return b;
        }
        if (cp == b) {
            opening = false;
            return a;
        }
    }
    return 0;
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
// Bidi classes
//------------------------------------------------------------------------------------------

namespace {

using T = BidiType;

bool is_strong(T t) { return t == T::L || t == T::R || t == T::AL; }
bool is_isolate_initiator(T t) { return t == T::LRI || t == T::RLI || t == T::FSI; }
bool is_removed(T t) {  // X9
    return t == T::RLE || t == T::LRE || t == T::RLO || t == T::LRO || t == T::PDF || t == T::BN;
}
bool is_neutral_or_isolate(T t) {  // NI of N1/N2
    return t == T::B || t == T::S || t == T::WS || t == T::ON || is_isolate_initiator(t) || t == T::PDI;
}
// The strong direction N0/N1 see in a resolved type: L, R (for R, AL, EN, AN), or none.
int strong_direction(T t) {
    if (t == T::L) return 0;
    if (t == T::R || t == T::AL || t == T::EN || t == T::AN) return 1;
    return -1;
}

constexpr int kMaxDepth = 125;  // BD2

// The first strong direction in types[begin, end) (0 L, 1 R, -1 none), skipping isolates;
// with `stop_at_pdi` it stops at a PDI that closes the isolate it was started in (X5c).
int first_strong(const std::vector<T>& types, std::size_t begin, std::size_t end, bool stop_at_pdi) {
    int depth = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const T t = types[i];
        if (is_isolate_initiator(t)) {
            ++depth;
        } else if (t == T::PDI) {
            if (depth > 0) --depth;
            else if (stop_at_pdi) return -1;
        } else if (t == T::B) {
            return -1;
        } else if (depth == 0 && is_strong(t)) {
            return t == T::L ? 0 : 1;
        }
    }
    return -1;
}

// Rules X1-I2 over one paragraph: `types` (changed in place) of its code points, `base` its
// level; returns each code point's level.
std::vector<std::uint8_t> resolve_paragraph(std::vector<T>& types, const std::vector<char32_t>& cps, int base) {
    const std::size_t n = types.size();
    const std::vector<T> original = types;
    std::vector<std::uint8_t> levels(n, static_cast<std::uint8_t>(base));

    // BD9: the matching PDI of each isolate initiator (n: none), and back.
    std::vector<std::size_t> match(n, n), opener(n, n);
    {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < n; ++i) {
            if (is_isolate_initiator(types[i])) {
                open.push_back(i);
            } else if (types[i] == T::PDI && !open.empty()) {
                match[open.back()] = i;
                opener[i] = open.back();
                open.pop_back();
            }
        }
    }

    // X1-X8: the directional status stack.
    struct Status {
        int level;
        int override;  // -1 neutral, 0 L, 1 R
        bool isolate;
    };
    std::vector<Status> stack = {{base, -1, false}};
    stack.reserve(kMaxDepth + 2);
    int overflow_isolates = 0, overflow_embeddings = 0, valid_isolates = 0;
    auto next_level = [&](bool rtl) {
        const int l = stack.back().level;
        return rtl ? (l + 1) | 1 : (l + 2) & ~1;
    };
    auto apply_override = [&](std::size_t i) {
        if (stack.back().override >= 0) types[i] = stack.back().override == 1 ? T::R : T::L;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const T t = types[i];
        switch (t) {
            case T::RLE: case T::LRE: case T::RLO: case T::LRO: {  // X2-X5
                const bool rtl = t == T::RLE || t == T::RLO;
                const int level = next_level(rtl);
                levels[i] = static_cast<std::uint8_t>(stack.back().level);
                if (level <= kMaxDepth && overflow_isolates == 0 && overflow_embeddings == 0)
                    stack.push_back({level, t == T::RLO ? 1 : t == T::LRO ? 0 : -1, false});
                else if (overflow_isolates == 0)
                    ++overflow_embeddings;
                break;
            }
            case T::RLI: case T::LRI: case T::FSI: {  // X5a-X5c
                levels[i] = static_cast<std::uint8_t>(stack.back().level);
                apply_override(i);
                bool rtl = t == T::RLI;
                if (t == T::FSI) rtl = first_strong(original, i + 1, match[i], true) == 1;
                const int level = next_level(rtl);
                if (level <= kMaxDepth && overflow_isolates == 0 && overflow_embeddings == 0) {
                    ++valid_isolates;
                    stack.push_back({level, -1, true});
                } else {
                    ++overflow_isolates;
                }
                break;
            }
            case T::PDI: {  // X6a
                if (overflow_isolates > 0) {
                    --overflow_isolates;
                } else if (valid_isolates > 0) {
                    overflow_embeddings = 0;
                    while (!stack.back().isolate) stack.pop_back();
                    stack.pop_back();
                    --valid_isolates;
                }
                levels[i] = static_cast<std::uint8_t>(stack.back().level);
                apply_override(i);
                break;
            }
            case T::PDF: {  // X7
                if (overflow_isolates > 0) {
                } else if (overflow_embeddings > 0) {
                    --overflow_embeddings;
                } else if (!stack.back().isolate && stack.size() >= 2) {
                    stack.pop_back();
                }
                levels[i] = static_cast<std::uint8_t>(stack.back().level);
                break;
            }
            case T::B:  // X8
                levels[i] = static_cast<std::uint8_t>(base);
                break;
            case T::BN:
                levels[i] = static_cast<std::uint8_t>(stack.back().level);
                break;
            default:  // X6
                levels[i] = static_cast<std::uint8_t>(stack.back().level);
                apply_override(i);
        }
    }

    // X9/X10: level runs of the characters kept, chained into isolating run sequences.
    std::vector<std::vector<std::size_t>> runs;
    {
        int run_level = -1;
        for (std::size_t i = 0; i < n; ++i) {
            if (is_removed(original[i])) continue;
            if (runs.empty() || levels[i] != run_level) {
                runs.emplace_back();
                run_level = levels[i];
            }
            runs.back().push_back(i);
        }
    }
    std::vector<std::size_t> run_starting_at(n, runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) run_starting_at[runs[r].front()] = r;
    std::vector<std::vector<std::size_t>> sequences;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const std::size_t first = runs[r].front();
        if (original[first] == T::PDI && opener[first] < n) continue;  // continues a sequence
        std::vector<std::size_t> seq;
        std::size_t k = r;
        while (true) {
            seq.insert(seq.end(), runs[k].begin(), runs[k].end());
            const std::size_t last = seq.back();
            if (!is_isolate_initiator(original[last]) || match[last] >= n) break;
            k = run_starting_at[match[last]];
            if (k >= runs.size()) break;
        }
        sequences.push_back(std::move(seq));
    }

    auto kept_before = [&](std::size_t i) -> int {  // the level before i, removed ones skipped
        while (i > 0) {
            --i;
            if (!is_removed(original[i])) return levels[i];
        }
        return -1;
    };
    auto kept_after = [&](std::size_t i) -> int {
        for (++i; i < n; ++i)
            if (!is_removed(original[i])) return levels[i];
        return -1;
    };

    for (const std::vector<std::size_t>& seq : sequences) {
        const int level = levels[seq.front()];
        const int before = kept_before(seq.front());
        const int after = is_isolate_initiator(original[seq.back()]) ? -1 : kept_after(seq.back());
        const T sos = (std::max(level, before < 0 ? base : before) % 2) ? T::R : T::L;
        const T eos = (std::max(level, after < 0 ? base : after) % 2) ? T::R : T::L;
        const std::size_t m = seq.size();
        auto type = [&](std::size_t k) -> T& { return types[seq[k]]; };

        // W1: a mark takes the type of what it follows (ON after an isolate initiator or PDI).
        for (std::size_t k = 0; k < m; ++k) {
            if (type(k) != T::NSM) continue;
            if (k == 0) type(k) = sos;
            else type(k) = is_isolate_initiator(type(k - 1)) || type(k - 1) == T::PDI ? T::ON : type(k - 1);
        }
        // W2: a European number after Arabic letters is an Arabic number. W3: AL is R.
        {
            T last = sos;
            for (std::size_t k = 0; k < m; ++k) {
                T& t = type(k);
                if (t == T::EN && last == T::AL) t = T::AN;
                if (is_strong(t)) last = t;
            }
            for (std::size_t k = 0; k < m; ++k)
                if (type(k) == T::AL) type(k) = T::R;
        }
        // W4: one separator between two numbers of a kind joins them.
        for (std::size_t k = 1; k + 1 < m; ++k) {
            T& t = type(k);
            const T a = type(k - 1), b = type(k + 1);
            if (t == T::ES && a == T::EN && b == T::EN) t = T::EN;
            else if (t == T::CS && a == b && (a == T::EN || a == T::AN)) t = a;
        }
        // W5: terminators next to a European number are European numbers.
        for (std::size_t k = 0; k < m;) {
            if (type(k) != T::ET) {
                ++k;
                continue;
            }
            std::size_t e = k;
            while (e < m && type(e) == T::ET) ++e;
            const bool en = (k > 0 && type(k - 1) == T::EN) || (e < m && type(e) == T::EN);
            if (en)
                for (std::size_t j = k; j < e; ++j) type(j) = T::EN;
            k = e;
        }
        // W6: the separators and terminators left are neutrals.
        for (std::size_t k = 0; k < m; ++k) {
            T& t = type(k);
            if (t == T::ES || t == T::ET || t == T::CS) t = T::ON;
        }
        // W7: a European number in left-to-right context is L.
        {
            T last = sos;
            for (std::size_t k = 0; k < m; ++k) {
                T& t = type(k);
                if (t == T::L || t == T::R) last = t;
                if (t == T::EN && last == T::L) t = T::L;
            }
        }

        // N0: paired brackets (BD16) take the direction inside them, or of their context.
        {
            struct Pair {
                std::size_t open, close;
            };
            std::vector<Pair> pairs;
            struct Open {
                char32_t closing;
                std::size_t at;
            };
            std::vector<Open> open;
            for (std::size_t k = 0; k < m; ++k) {
                if (type(k) != T::ON) continue;
                bool opening = false;
                const char32_t other = paired_bracket(cps[seq[k]], opening);
                if (!other) continue;
                if (opening) {
                    if (open.size() >= 63) break;  // BD16: stop at 63 open brackets
                    open.push_back({other, k});
                    continue;
                }
                char32_t self = cps[seq[k]];
                if (self == 0x232A) self = 0x3009;
                for (std::size_t j = open.size(); j-- > 0;) {
                    if (open[j].closing == self) {
                        pairs.push_back({open[j].at, k});
                        open.resize(j);
                        break;
                    }
                }
            }
            std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.open < b.open; });
            const int embedding = level % 2;
            for (const Pair& p : pairs) {
                bool same = false, opposite = false;
                for (std::size_t k = p.open + 1; k < p.close; ++k) {
                    const int d = strong_direction(type(k));
                    if (d == embedding) same = true;
                    else if (d >= 0) opposite = true;
                }
                int set = -1;
                if (same) {
                    set = embedding;
                } else if (opposite) {
                    int context = sos == T::R ? 1 : 0;
                    for (std::size_t k = p.open; k-- > 0;) {
                        const int d = strong_direction(type(k));
                        if (d >= 0) {
                            context = d;
                            break;
                        }
                    }
                    set = context != embedding ? context : embedding;
                }
                if (set < 0) continue;
                const T to = set == 1 ? T::R : T::L;
                for (const std::size_t at : {p.open, p.close}) {
                    type(at) = to;
                    // Marks after a bracket (ON by W1) follow it.
                    for (std::size_t k = at + 1; k < m && original[seq[k]] == T::NSM; ++k) type(k) = to;
                }
            }
        }

        // N1/N2: neutrals between two strong directions that agree take it, others the
        // embedding direction.
        for (std::size_t k = 0; k < m;) {
            if (!is_neutral_or_isolate(type(k))) {
                ++k;
                continue;
            }
            std::size_t e = k;
            while (e < m && is_neutral_or_isolate(type(e))) ++e;
            const int left = k == 0 ? (sos == T::R ? 1 : 0) : strong_direction(type(k - 1));
            const int right = e == m ? (eos == T::R ? 1 : 0) : strong_direction(type(e));
            const int d = left == right && left >= 0 ? left : level % 2;
            for (std::size_t j = k; j < e; ++j) type(j) = d == 1 ? T::R : T::L;
            k = e;
        }

        // I1/I2: implicit levels.
        for (std::size_t k = 0; k < m; ++k) {
            const T t = type(k);
            std::uint8_t& l = levels[seq[k]];
            if (l % 2 == 0) {
                if (t == T::R) l += 1;
                else if (t == T::AN || t == T::EN) l += 2;
            } else if (t == T::L || t == T::EN || t == T::AN) {
                l += 1;
            }
        }
    }

    // Removed characters take the level of the character before them (they are not drawn;
    // this keeps them inside their neighbour's run).
    for (std::size_t i = 0; i < n; ++i)
        if (is_removed(original[i])) levels[i] = i > 0 ? levels[i - 1] : static_cast<std::uint8_t>(base);
    return levels;
}

}  // namespace

BidiType bidi_type(char32_t cp) {
    if (cp > 0x10FFFF) return BidiType::ON;
    const int c = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->bidi_class;
    return c >= 1 && c <= static_cast<int>(BidiType::PDI) ? static_cast<BidiType>(c) : BidiType::L;
}

BidiClass bidi_class(char32_t cp) {
    switch (bidi_type(cp)) {
        case T::L: return BidiClass::L;
        case T::R: case T::AL: return BidiClass::R;
        case T::EN: case T::AN: return BidiClass::Number;
        default: return BidiClass::Neutral;
    }
}

bool has_rtl(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        const T t = bidi_type(utf8_next(text, i));
        if (t == T::R || t == T::AL || t == T::RLE || t == T::RLO || t == T::RLI) return true;
    }
    return false;
}

bool paragraph_is_rtl(std::string_view text) {
    std::vector<T> types;
    for (std::size_t i = 0; i < text.size();) types.push_back(bidi_type(utf8_next(text, i)));
    return first_strong(types, 0, types.size(), false) == 1;
}

BidiLevels bidi_resolve(std::string_view text, BidiDirection direction) {
    BidiLevels out;
    out.levels.resize(text.size());
    out.types.resize(text.size());
    out.base.resize(text.size());
    std::vector<char32_t> cps;
    std::vector<T> types;
    std::vector<std::size_t> starts;  // byte offset of each code point
    auto finish = [&](std::size_t end_byte) {
        if (cps.empty()) return;
        const std::vector<T> original = types;
        int base = direction == BidiDirection::RightToLeft ? 1 : 0;
        if (direction == BidiDirection::Auto) base = first_strong(types, 0, types.size(), false) == 1 ? 1 : 0;
        const std::vector<std::uint8_t> levels = resolve_paragraph(types, cps, base);
        for (std::size_t k = 0; k < cps.size(); ++k) {
            const std::size_t e = k + 1 < cps.size() ? starts[k + 1] : end_byte;
            for (std::size_t b = starts[k]; b < e; ++b) {
                out.levels[b] = levels[k];
                out.types[b] = static_cast<std::uint8_t>(original[k]);
                out.base[b] = static_cast<std::uint8_t>(base);
            }
        }
        cps.clear();
        types.clear();
        starts.clear();
    };
    for (std::size_t i = 0; i < text.size();) {  // P1: a paragraph ends after each B
        starts.push_back(i);
        const char32_t cp = utf8_next(text, i);
        cps.push_back(cp);
        types.push_back(bidi_type(cp));
        if (types.back() == T::B) finish(i);
    }
    finish(text.size());
    return out;
}

std::vector<BidiRun> visual_runs(const BidiLevels& bl, std::uint32_t begin, std::uint32_t end) {
    end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(bl.levels.size()));
    std::vector<BidiRun> runs;
    if (begin >= end) return runs;
    std::vector<std::uint8_t> levels(bl.levels.begin() + begin, bl.levels.begin() + end);
    // L1: segment and paragraph separators, and the white space (isolate controls and
    // removed characters included) before them or at the line's end, at the paragraph level.
    auto trailing = [](T t) { return t == T::WS || is_isolate_initiator(t) || t == T::PDI || is_removed(t); };
    bool reset = true;  // at the line's end
    for (std::uint32_t k = end - begin; k-- > 0;) {
        const T t = static_cast<T>(bl.types[begin + k]);
        if (t == T::S || t == T::B) {
            levels[k] = bl.base[begin + k];
            reset = true;
        } else if (reset && trailing(t)) {
            levels[k] = bl.base[begin + k];
        } else {
            reset = false;
        }
    }
    for (std::uint32_t k = 0; k < levels.size(); ++k) {
        const int l = levels[k];
        if (!runs.empty() && runs.back().level == l) runs.back().end = begin + k + 1;
        else runs.push_back({begin + k, begin + k + 1, l % 2 == 1, l});
    }
    // L2: from the highest level to the lowest odd one, reverse every sequence of runs at
    // that level or higher.
    int highest = 0, lowest_odd = 127;
    for (const BidiRun& r : runs) {
        highest = std::max(highest, r.level);
        if (r.level % 2 == 1) lowest_odd = std::min(lowest_odd, r.level);
    }
    for (int level = highest; level >= lowest_odd; --level) {
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
    return runs;
}

std::vector<BidiRun> visual_runs(std::string_view line, bool paragraph_rtl) {
    const BidiLevels levels =
        bidi_resolve(line, paragraph_rtl ? BidiDirection::RightToLeft : BidiDirection::LeftToRight);
    return visual_runs(levels, 0, static_cast<std::uint32_t>(line.size()));
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

std::string visual_line(std::string_view text) { return visual_line(text, BidiDirection::Auto); }

std::string visual_line(std::string_view text, BidiDirection direction) {
    if (direction != BidiDirection::RightToLeft && !has_rtl(text)) return std::string(text);
    const BidiLevels levels = bidi_resolve(text, direction);
    std::string out;
    for (const BidiRun& r : visual_runs(levels, 0, static_cast<std::uint32_t>(text.size())))
        out += visual_text(text, r.begin, r.end, r.rtl);
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
