#include "stopwords.hpp"

#include "text.hpp"

namespace wwe {

const std::vector<std::string>& default_stop_words(std::string_view language) {
    static const std::vector<std::string> english = {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
        "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "also", "shall", "may", "might", "must", "within", "without", "among", "its"};
    static const std::vector<std::string> none;
    const std::string_view primary = language.substr(0, language.find('-'));
    if (primary == "en" || primary == "EN" || primary == "En") return english;
    return none;
}

std::string stop_word_key(std::string_view word) {
    const std::string folded = fold_text(word);
    std::string out;
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t at = i;
        const char32_t cp = utf8_next(folded, i);
        if (cp == '\'' || cp == 0x2019) continue;
        out.append(folded, at, i - at);
    }
    return out;
}

}  // namespace wwe
