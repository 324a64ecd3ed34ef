// The Porter stemmer: M. F. Porter, "An algorithm for suffix stripping", Program 14(3),
// 1980, pp. 130-137. The original algorithm (not Porter2/Snowball), written from the paper.
#include <array>
#include <string>
#include <string_view>

#include "text.hpp"

namespace wwe {
namespace {

class Stemmer {
public:
    explicit Stemmer(std::string_view word) : w_(word) {}

    std::string run() {
        if (w_.size() <= 2) return w_;
        step1a();
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        return w_;
    }

private:
    std::string w_;

    // True when w_[i] is a consonant in Porter's sense ('y' after a consonant is a vowel).
    bool consonant(std::size_t i) const {
        switch (w_[i]) {
            case 'a': case 'e': case 'i': case 'o': case 'u': return false;
            case 'y': return i == 0 || !consonant(i - 1);
            default: return true;
        }
    }

    // m: the number of VC sequences in the first `len` letters.
    int measure(std::size_t len) const {
        int m = 0;
        std::size_t i = 0;
        while (i < len && consonant(i)) ++i;
        while (i < len) {
            while (i < len && !consonant(i)) ++i;
            if (i >= len) break;
            while (i < len && consonant(i)) ++i;
            ++m;
        }
        return m;
    }

    bool has_vowel(std::size_t len) const {
        for (std::size_t i = 0; i < len; ++i)
            if (!consonant(i)) return true;
        return false;
    }

    // *d: the first `len` letters end with a double consonant.
    bool double_consonant(std::size_t len) const {
        return len >= 2 && w_[len - 1] == w_[len - 2] && consonant(len - 1);
    }

    // *o: the first `len` letters end consonant-vowel-consonant, the last not w, x or y.
    bool cvc(std::size_t len) const {
        if (len < 3 || !consonant(len - 1) || consonant(len - 2) || !consonant(len - 3)) return false;
        char c = w_[len - 1];
        return c != 'w' && c != 'x' && c != 'y';
    }

    bool ends(std::string_view suffix) const {
        return w_.size() >= suffix.size() &&
               std::string_view(w_).substr(w_.size() - suffix.size()) == suffix;
    }
    std::size_t stem_len(std::string_view suffix) const { return w_.size() - suffix.size(); }
    void replace(std::string_view suffix, std::string_view with) {
        w_.resize(stem_len(suffix));
        w_ += with;
    }

    struct Rule {
        std::string_view suffix, with;
    };
    // Applies the first rule whose suffix matches, when the stem's measure exceeds `min_m`.
    template <std::size_t N>
    void apply_first(const std::array<Rule, N>& rules, int min_m) {
        for (const Rule& r : rules) {
            if (!ends(r.suffix)) continue;
            if (measure(stem_len(r.suffix)) > min_m) replace(r.suffix, r.with);
            return;
        }
    }

    void step1a() {
        if (ends("sses")) replace("sses", "ss");
        else if (ends("ies")) replace("ies", "i");
        else if (ends("ss")) return;
        else if (ends("s")) replace("s", "");
    }

    void step1b() {
        if (ends("eed")) {
            if (measure(stem_len("eed")) > 0) replace("eed", "ee");
            return;
        }
        std::string_view suffix;
        if (ends("ed")) suffix = "ed";
        else if (ends("ing")) suffix = "ing";
        else return;
        if (!has_vowel(stem_len(suffix))) return;
        replace(suffix, "");
        if (ends("at")) replace("at", "ate");
        else if (ends("bl")) replace("bl", "ble");
        else if (ends("iz")) replace("iz", "ize");
        else if (double_consonant(w_.size())) {
            char c = w_.back();
            if (c != 'l' && c != 's' && c != 'z') w_.pop_back();
        } else if (measure(w_.size()) == 1 && cvc(w_.size())) {
            w_ += 'e';
        }
    }

    void step1c() {
        if (ends("y") && has_vowel(stem_len("y"))) w_.back() = 'i';
    }

    void step2() {
        static constexpr std::array<Rule, 20> rules{{
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
            {"izer", "ize"}, {"abli", "able"}, {"alli", "al"}, {"entli", "ent"},
            {"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"},
            {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"},
            {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
        }};
        apply_first(rules, 0);
    }

    void step3() {
        static constexpr std::array<Rule, 7> rules{{
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
            {"ical", "ic"}, {"ful", ""}, {"ness", ""},
        }};
        apply_first(rules, 0);
    }

    void step4() {
        static constexpr std::array<std::string_view, 19> suffixes{
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
            "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"};
        // Longest match first where suffixes share an ending ("ement" before "ment", "ent").
        for (std::string_view s : suffixes) {
            if (!ends(s)) continue;
            if (s == "ment" && ends("ement")) continue;
            if (s == "ent" && (ends("ement") || ends("ment"))) continue;
            std::size_t len = stem_len(s);
            if (s == "ion" && !(len > 0 && (w_[len - 1] == 's' || w_[len - 1] == 't'))) return;
            if (measure(len) > 1) w_.resize(len);
            return;
        }
    }

    void step5() {
        if (ends("e")) {
            std::size_t len = stem_len("e");
            int m = measure(len);
            if (m > 1 || (m == 1 && !cvc(len))) w_.pop_back();
        }
        if (ends("ll") && measure(w_.size()) > 1) w_.pop_back();
    }
};

}  // namespace

std::string porter_stem(std::string_view word) {
    for (char c : word)
        if (c < 'a' || c > 'z') return std::string(word);
    return Stemmer(word).run();
}

}  // namespace wwe
