#include "stopwords.hpp"

#include "text.hpp"

#include <initializer_list>

namespace wwe {

namespace {

// The lists are arrays of C strings (data), turned into strings once: an initializer list
// of std::string would construct each word in code (22 KB of WebAssembly for these lists).
std::vector<std::string> words(std::initializer_list<const char*> list) {
    return std::vector<std::string>(list.begin(), list.end());
}

}  // namespace

const std::vector<std::string>& default_stop_words(std::string_view language) {
    static const std::vector<std::string> english = words({
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
        "yourselves", "also", "shall", "may", "might", "must", "within", "without", "among", "its"});
    // French, German, Spanish and Russian: the articles, pronouns, prepositions,
    // conjunctions and the forms of "to be" and "to have" (written for this project).
    static const std::vector<std::string> french = words({
        "a", "à", "ai", "ainsi", "alors", "après", "as", "au", "aussi", "autre", "autres", "aux", "avait",
        "avant", "avec", "avez", "avoir", "avons", "c", "ça", "car", "ce", "ceci", "cela", "celle", "celles",
        "celui", "ces", "cet", "cette", "ceux", "chez", "comme", "d", "dans", "de", "depuis", "des", "donc",
        "dont", "du", "elle", "elles", "en", "encore", "entre", "es", "est", "et", "étaient", "était", "été",
        "êtes", "être", "eux", "fut", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lors",
        "lorsque", "lui", "m", "ma", "mais", "me", "même", "mes", "moi", "moins", "mon", "n", "ne", "ni", "non",
        "nos", "notre", "nous", "on", "ont", "ou", "où", "par", "pas", "pendant", "peu", "plus", "pour",
        "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "s", "sa", "sans", "se", "sera",
        "ses", "si", "son", "sont", "sous", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous",
        "tout", "toute", "toutes", "très", "tu", "un", "une", "vers", "vos", "votre", "vous", "y"});
    static const std::vector<std::string> german = words({
        "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann",
        "das", "dass", "daß", "dem", "den", "denn", "der", "des", "die", "dies", "diese", "diesem", "diesen",
        "dieser", "dieses", "doch", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er",
        "es", "für", "gegen", "hab", "habe", "haben", "hat", "hatte", "ich", "ihm", "ihn", "ihr", "ihre",
        "im", "in", "ist", "kein", "keine", "man", "mit", "nach", "nicht", "noch", "nur", "ob", "oder",
        "ohne", "sein", "seine", "sich", "sie", "sind", "so", "über", "um", "und", "uns", "unter", "vom",
        "von", "vor", "war", "waren", "was", "wenn", "wer", "werden", "wie", "wir", "wird", "wo", "wurde",
        "zu", "zum", "zur", "zwischen"});
    static const std::vector<std::string> spanish = words({
        "a", "al", "ante", "con", "contra", "cual", "cuando", "de", "del", "desde", "donde", "durante", "e",
        "el", "él", "ella", "ellas", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "está",
        "están", "este", "esto", "estos", "fue", "ha", "han", "hasta", "hay", "la", "las", "le", "les", "lo",
        "los", "más", "me", "mi", "muy", "ni", "no", "nos", "nosotros", "o", "para", "pero", "por", "porque",
        "que", "qué", "quien", "se", "ser", "si", "sí", "sin", "sobre", "son", "su", "sus", "también", "te",
        "tu", "un", "una", "uno", "unos", "y", "ya", "yo"});
    static const std::vector<std::string> russian = words({
        "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вас", "весь", "во",
        "вот", "все", "всё", "всех", "вы", "где", "да", "для", "до", "его", "ее", "её", "если", "есть", "еще",
        "ещё", "же", "за", "здесь", "и", "из", "или", "им", "их", "к", "как", "когда", "кто", "ли", "между",
        "меня", "мне", "мы", "на", "над", "нас", "не", "него", "нее", "неё", "нет", "ни", "них", "но", "о",
        "об", "он", "она", "они", "оно", "от", "по", "под", "при", "про", "с", "со", "так", "также", "там",
        "то", "того", "тоже", "только", "ты", "у", "уже", "чем", "что", "чтобы", "эта", "эти", "это", "этого",
        "этой", "этом", "этот", "я"});
    // Arabic: prepositions, conjunctions and particles, pronouns, demonstratives and
    // relatives, the common auxiliaries; hamza forms also as commonly typed without it
    // (إلى/الى); and the same words with و، ف، ب، ل or ك joined in front, as written.
    static const std::vector<std::string> arabic = [] {
        const std::vector<std::string> base = words({
            "في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "حتى", "منذ", "عند", "لدى", "نحو", "خلال",
            "ضد", "دون", "عبر", "فوق", "تحت", "بعد", "قبل", "حول", "أو", "او", "ثم", "أم", "بل", "لكن",
            "إن", "إنّ", "ان", "أن", "أنّ", "إذا", "اذا", "إذ", "لو", "لم", "لن", "لا", "ما", "قد", "لقد",
            "كما", "إلا", "الا", "أي", "اي", "كل", "بعض", "غير", "هذا", "هذه", "ذلك", "تلك", "هؤلاء",
            "هناك", "هنا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "أنا", "انا", "نحن",
            "أنت", "انت", "أنتم", "انتم", "هو", "هي", "هم", "هما", "هن", "كان", "كانت", "كانوا", "يكون",
            "تكون", "ليس", "ليست", "أيضا", "ايضا", "به", "بها", "بهم", "له", "لها", "لهم", "منه", "منها",
            "فيه", "فيها", "عليه", "عليها", "عنه", "عنها", "إليه", "إليها", "اليه", "اليها", "يا", "و", "ف",
            "ب", "ل", "ك"});
        std::vector<std::string> all = base;
        for (const std::string& w : base) {
            if (w.size() <= 2) continue;  // the one-letter particles themselves
            for (const char* p : {"و", "ف"}) all.push_back(p + w);
        }
        for (const char* w : {"بأن", "بان", "لأن", "لان", "كأن", "بما", "لما", "مما", "عما", "فيما", "بينما",
                              "كذلك", "لذلك", "بذلك", "وبين", "ولكن", "ولذلك"})
            all.emplace_back(w);
        return all;
    }();
    static const std::vector<std::string> none;
    const std::string primary = primary_language(language);
    if (primary == "en") return english;
    if (primary == "fr") return french;
    if (primary == "de") return german;
    if (primary == "es") return spanish;
    if (primary == "ru") return russian;
    if (primary == "ar") return arabic;
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

bool has_word_key(std::string_view text, std::uint32_t begin, std::uint32_t end, const std::string& key) {
    const std::string_view w = text.substr(begin, end - begin);
    bool ascii = true;
    for (const char ch : w) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (!ascii) return stop_word_key(w) == key;
    std::size_t k = 0;  // fold_text lowers only A-Z in ASCII text
    for (char ch : w) {
        if (ch == '\'') continue;
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (k >= key.size() || key[k] != ch) return false;
        ++k;
    }
    return k == key.size();
}

}  // namespace wwe
