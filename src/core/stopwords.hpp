// Win-Win Explorer core: stop words — the function words that unquoted searches, the
// concordance and the term list leave out.
//
// Index
//   - default_stop_words ... the built-in list for a language (BCP 47 tag; "en", "en-GB" ...)
//
// The list for English is the common function words (articles, pronouns, prepositions,
// conjunctions, auxiliary verbs, a few adverbs), in the spirit of the SMART list (G. Salton,
// The SMART Retrieval System, 1971) and of the lists Voyant Tools applies by default, kept
// short so that content words ("new", "world", "development") are never dropped. French
// ("fr"), German ("de"), Spanish ("es"), Russian ("ru") and Arabic ("ar", with the forms
// that join و or ف in front: "وفي", "فإن") have short lists of the same kinds of words. Other languages have no built-in list (nothing is dropped) until an
// article gives its own: an article's top-level "stop_words" replaces the built-in list
// (docs/data-format.md).
// Words are compared case-folded, apostrophes removed ("don't" = "dont").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wwe {

// The built-in stop words for `language` (its primary subtag decides), folded.
const std::vector<std::string>& default_stop_words(std::string_view language);

// `word` as stop lists compare it: case-folded, apostrophes removed.
std::string stop_word_key(std::string_view word);
// Whether stop_word_key(text.substr(begin, end - begin)) == key, without allocating for an
// ASCII word.
bool has_word_key(std::string_view text, std::uint32_t begin, std::uint32_t end, const std::string& key);

}  // namespace wwe
