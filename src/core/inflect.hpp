// Win-Win Explorer core: inflectional word forms, for matching the names of concepts and
// entities in the text.
//
// Index
//   - inflection_key .... a word's key: equal for its inflections, distinct for derivations
//
// Search matches stems (Porter 1980, text.hpp), which joins derived words too: "connectivity"
// and "connected", "separation" and "separate", "naturalization" and "nature" share a stem.
// A name is more particular: its mentions are the name's own word forms only. The key strips
// what English inflection adds to a word — the possessive ('s, s'), the plural and third
// person (-s, -es, -ies), the past (-ed, -ied) and the participle (-ing), with a doubled final
// consonant undone ("planned" -> "plan") and a silent final e dropped so that "cooperate",
// "cooperates", "cooperated" and "cooperating" meet — and nothing else: "-ion", "-ity",
// "-al", "-ization", "-ive", "-ly" stay, so derivations never meet their base. It is a
// matching key, not a lemma (irregular forms such as "children" are not joined; give them as
// variants). Words that are not lower-case ASCII letters (other scripts, digits) are their
// own key, after folding.
//
// Other languages (the article's `language`, TextRules): English's rule above for "en" and
// for text of no known language; Arabic: the word without the particles joined in front of
// it — the article ال and و، ف، ب، ك، ل with it (وال، فال، بال، كال، لل), or a bare و or ف —
// so التعاون، والتعاون، بالتعاون and تعاون meet; other languages with a Snowball stemmer:
// the stem (Snowball's stemmers strip inflections, so "сотрудничество", "сотрудничестве"
// and "сотрудничеством" meet), except that Russian keeps the one derivational suffix its
// stemmer strips (-ость/-ост: "радость" is not "рад"), and French, Spanish, Portuguese,
// Italian, German and Dutch keep the derivational suffixes their stemmers strip (Snowball's
// step 1 for the Romance languages, step 3 for German and Dutch: "coopération" is not
// "coopérer", "Sicherheit" is not "sicher", while "coopérations" is "coopération");
// languages without a stemmer: the folded word.
#pragma once

#include <string>
#include <string_view>

#include "text.hpp"

namespace wwe {

// The inflection key of one word as written (any case; apostrophes allowed, UTF-8), by the
// rules of `rules`'s language (see above).
std::string inflection_key(std::string_view word, const TextRules& rules = english_rules());

}  // namespace wwe
