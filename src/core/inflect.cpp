#include "inflect.hpp"

#include <span>

#include "text.hpp"

namespace wwe {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool ascii_word(const std::string& w) {
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    return !w.empty();
}
bool ends_with(const std::string& w, std::string_view s) { return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0; }
bool has_vowel(std::string_view w) {
    for (char c : w)
        if (is_vowel(c) || c == 'y') return true;
    return false;
}

// After -ed or -ing came off: "plann" -> "plan" (but "fall", "pass", "buzz" keep theirs).
void undouble(std::string& w) {
    const std::size_t n = w.size();
    if (n >= 3 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) && w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z')
        w.pop_back();
}

// An Arabic word without the particles joined in front of it (inflect.hpp), accents gone.
std::string arabic_key(std::string_view word) {
    std::string w = normalise_word(word, TextRules{});  // folded, short vowels and tatweel out
    // Longest first; at least two letters (two bytes each) stay.
    static const char* const kPrefixes[] = {
        "\xd9\x88\xd8\xa7\xd9\x84", "\xd9\x81\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
        "\xd9\x83\xd8\xa7\xd9\x84", "\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84"};  // وال فال بال كال ال لل (ل + ال)
    for (const char* prefix : kPrefixes) {
        const std::string_view p(prefix);
        if (w.starts_with(p) && w.size() >= p.size() + 4) {
            w.erase(0, p.size());
            return w;
        }
    }
    // A bare conjunction و or ف before a word of three letters or more.
    if ((w.starts_with("\xd9\x88") || w.starts_with("\xd9\x81")) && w.size() >= 2 + 6) w.erase(0, 2);
    return w;
}

// The derivational suffixes a language's Snowball stemmer strips (its step 1 for French,
// Spanish, Portuguese and Italian, step 3 for German and Dutch), as the part of them every
// inflected form keeps (French "-ation" of "coopération" and "coopérations"), each with the
// class it counts as (masculine and feminine forms of one suffix meet). Found in what the
// stemmer took off a word, one is added to the key, so that the derived word does not meet
// its base ("coopération" is not "coopérer", "Sicherheit" is not "sicher").
struct Derivation {
    const char* part;   // folded, Latin accents stripped (as the stemmer reads words)
    const char* klass;  // what goes into the key
};

std::span<const Derivation> derivations(const std::string& language) {
    static const Derivation fr[] = {
        {"issement", "issement"}, {"ation", "ation"}, {"ateur", "ateur"}, {"atric", "ateur"}, {"ution", "ution"},
        {"usion", "usion"}, {"logi", "logi"}, {"ement", "ement"}, {"amment", "ment"}, {"emment", "ment"},
        {"ment", "ment"}, {"ite", "ite"}, {"isme", "isme"}, {"iste", "iste"}, {"ique", "ique"},
        {"able", "able"}, {"ible", "ible"}, {"ance", "ance"}, {"ence", "ence"}, {"euse", "eux"}, {"eux", "eux"},
        {"ive", "if"}, {"if", "if"}};
    static const Derivation es[] = {
        {"amient", "amient"}, {"imient", "imient"}, {"aci", "acion"}, {"uci", "ucion"}, {"ador", "ador"},
        {"logi", "logia"}, {"mente", "mente"}, {"idad", "idad"}, {"ismo", "ismo"},
        {"ista", "ista"}, {"anci", "ancia"}, {"enci", "encia"}, {"anza", "anza"}, {"able", "able"}, {"ible", "ible"},
        {"iv", "ivo"}};
    static const Derivation pt[] = {
        {"amento", "amento"}, {"imento", "imento"}, {"ac", "acao"}, {"uc", "ucao"}, {"ador", "ador"},
        {"logi", "logia"}, {"mente", "mente"}, {"idade", "idade"}, {"ismo", "ismo"}, {"ista", "ista"},
        {"anci", "ancia"}, {"enci", "encia"}, {"avel", "avel"}, {"ivel", "ivel"},
        {"iv", "ivo"}};
    static const Derivation it[] = {
        {"amento", "amento"}, {"imento", "imento"}, {"azion", "azione"}, {"uzion", "uzione"}, {"ator", "atore"},
        {"atric", "atore"}, {"logi", "logia"}, {"mente", "mente"}, {"ita", "ita"}, {"ismo", "ismo"},
        {"ism", "ismo"}, {"ist", "ista"}, {"abil", "abile"}, {"ibil", "ibile"}, {"anz", "anza"}, {"enz", "enza"},
        {"iv", "ivo"}};
    static const Derivation de[] = {{"heit", "heit"}, {"keit", "keit"}, {"lich", "lich"}, {"isch", "isch"},
                                    {"ung", "ung"},   {"end", "end"},   {"ig", "ig"},     {"ik", "ik"}};
    static const Derivation nl[] = {{"heid", "heid"}, {"lijk", "lijk"}, {"baar", "baar"}, {"bar", "baar"},
                                    {"ing", "ing"},   {"end", "end"},   {"ig", "ig"}};
    if (language == "fr") return fr;
    if (language == "es") return es;
    if (language == "pt") return pt;
    if (language == "it") return it;
    if (language == "de") return de;
    if (language == "nl") return nl;
    return {};
}

}  // namespace

std::string inflection_key(std::string_view word, const TextRules& rules) {
    const std::string language = primary_language(rules.language);
    if (language == "ar") return arabic_key(word);
    if (!language.empty() && language != "en") {
        const std::string folded = fold_text(word);
        std::string key = normalise_word(word, rules);
        if (language == "ru" && rules.stems()) {
            // The stemmer's derivational step (-ость, -ост) undone: the key keeps it.
            const std::string stem = rules.stemmer.stem(folded);
            if (folded.starts_with(stem) && std::string_view(folded).substr(stem.size()).starts_with("\xd0\xbe\xd1\x81\xd1\x82"))
                key += "\xd0\xbe\xd1\x81\xd1\x82";  // ост
        } else if (rules.stems()) {
            const std::span<const Derivation> table = derivations(language);
            if (!table.empty()) {
                // As normalise_word stems: the word as written. The stem may have lost an
                // accent (French "coopér" -> "cooper") and the table's parts have none, so
                // the two are compared without them.
                const std::string plain = strip_latin_accents(folded);
                const std::string stem = strip_latin_accents(rules.stemmer.stem(folded));
                if (plain.starts_with(stem)) {
                    const std::string_view taken = std::string_view(plain).substr(stem.size());
                    for (const Derivation& d : table) {
                        if (taken.find(d.part) == std::string_view::npos) continue;
                        key += '~';  // no word character: a key with it is no stem
                        key += d.klass;
                        break;
                    }
                }
            }
        }
        return key;
    }
    std::string w;
    // Folded, apostrophes out: a possessive 's goes with its apostrophe.
    const std::string folded = fold_text(word);
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t at = i;
        const char32_t cp = utf8_next(folded, i);
        const bool apostrophe = cp == '\'' || cp == 0x2019;
        if (apostrophe) {
            if (i < folded.size() && folded[i] == 's' && i + 1 == folded.size()) break;  // 's
            continue;
        }
        w.append(folded, at, i - at);
    }
    if (!ascii_word(w) || w.size() <= 3) return w;
    // Plural / third person.
    if (ends_with(w, "ies") && w.size() > 4) w.replace(w.size() - 3, 3, "y");
    else if (ends_with(w, "sses") || ends_with(w, "shes") || ends_with(w, "ches") || ends_with(w, "xes") ||
             ends_with(w, "zzes"))
        w.erase(w.size() - 2);
    else if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is"))
        w.pop_back();
    // Past and participle (a vowel must stay before the ending: "red", "bring" keep theirs).
    if (ends_with(w, "ied") && w.size() > 4) {
        w.replace(w.size() - 3, 3, "y");
    } else if (ends_with(w, "ed") && w.size() > 4 && has_vowel(std::string_view(w).substr(0, w.size() - 2))) {
        w.erase(w.size() - 2);
        undouble(w);
    } else if (ends_with(w, "ing") && w.size() > 5 && has_vowel(std::string_view(w).substr(0, w.size() - 3))) {
        w.erase(w.size() - 3);
        undouble(w);
    }
    // A silent final e ("cooperate" = "cooperat" of "cooperating").
    if (w.size() > 3 && w.back() == 'e' && !is_vowel(w[w.size() - 2])) w.pop_back();
    return w;
}

}  // namespace wwe
