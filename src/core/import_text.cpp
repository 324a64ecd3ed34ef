#include "import_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "date.hpp"
#include "json_reader.hpp"
#include "load.hpp"
#include "stopwords.hpp"
#include "text.hpp"

namespace wwe {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxHeadingBytes = 80;
constexpr int kMaxHeadingWords = 12;
constexpr std::size_t kLongLineBytes = 150;      // a text with such lines is not hard-wrapped
constexpr std::size_t kMaxPassageBytes = 100000;  // longer paragraphs are split at a sentence end
constexpr std::size_t kMaxTitleBytes = 400;

// English words that are no key terms besides the language's stop list (stopwords.hpp):
// the longer list of function words the import was written with, common verbs and nouns of
// time ("said", "year"), contractions. Written for this project.
const char* const kStopWords[] = {
    "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also",
    "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around",
    "as", "at", "be", "became", "because", "become", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either",
    "else", "enough", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "last", "least", "less", "let", "like", "made", "make", "many", "may",
    "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "never", "no", "nor", "not",
    "nothing", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
    "ourselves", "out", "over", "own", "per", "perhaps", "rather", "same", "shall", "she", "should", "since",
    "so", "some", "something", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "therefore", "these", "they", "this", "those", "though", "through", "thus", "to", "too",
    "toward", "towards", "under", "until", "up", "upon", "us", "very", "was", "we", "well", "were", "what",
    "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "said", "says",
    "say", "get", "got", "go", "goes", "going", "come", "came", "take", "took", "put", "see", "seen", "know",
    "new", "first", "two", "three", "way", "ways", "year", "years", "time", "times", "day", "days", "thing",
    "things", "lot", "let's", "it's", "that's", "don't", "won't", "can't", "isn't", "aren't", "wasn't",
    "weren't", "i'm", "i've", "we're", "we've", "they're", "you're", "mr", "mrs", "ms", "dr", "st"};

const std::unordered_set<std::string>& english_non_terms() {
    static const std::unordered_set<std::string> set(std::begin(kStopWords), std::end(kStopWords));
    return set;
}

bool is_english(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find('-'));
    return primary == "en" || primary == "EN" || primary == "En" || primary.empty();
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

int word_count(std::string_view s) {
    int n = 0;
    bool in = false;
    for (const char c : s) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

bool has_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = utf8_next(s, i);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0xC0) return true;
    }
    return false;
}

// A block of one short line without sentence punctuation at its end.
bool title_like(const std::string& line) {
    if (line.empty() || line.size() > kMaxHeadingBytes || word_count(line) > kMaxHeadingWords || !has_letter(line))
        return false;
    static const char* const enders[] = {".", ",", ";", ":", "!", "?", "\u2026", "\"", "'", "\u201D", "\u2019", ")", "\u3002"};
    for (const char* e : enders) {
        const std::string_view end(e);
        if (line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0) return false;
    }
    return true;
}

// Markdown inline marks dropped, their text kept: emphasis, code ticks, links, images.
std::string strip_inline(std::string_view s) {
    std::string out;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && std::string_view("\\`*_{}[]()#+-.!>~|").find(s[i + 1]) != std::string_view::npos) {
            out += s[++i];
        } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {  // an image: dropped
            const std::size_t close = s.find("](", i);
            const std::size_t end = close == std::string_view::npos ? close : s.find(')', close);
            if (end == std::string_view::npos) out += c;
            else i = end;
        } else if (c == '[') {  // a link: its text
            const std::size_t close = s.find(']', i);
            if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
                const std::size_t end = s.find(')', close);
                if (end != std::string_view::npos) {
                    out += strip_inline(s.substr(i + 1, close - i - 1));
                    i = end;
                    continue;
                }
            }
            out += c;
        } else if (c == '*' || c == '`') {
            continue;
        } else if (c == '_') {
            const bool before = i > 0 && alnum(s[i - 1]);
            const bool after = i + 1 < s.size() && alnum(s[i + 1]);
            if (before && after) out += c;  // snake_case stays
        } else {
            out += c;
        }
    }
    return out;
}

bool thematic_break(const std::string& line) {
    const std::string t = trim(line);
    if (t.size() < 3) return false;
    const char m = t[0];
    if (m != '-' && m != '*' && m != '_') return false;
    int marks = 0;
    for (const char c : t) {
        if (c == m) ++marks;
        else if (c != ' ') return false;
    }
    return marks >= 3;
}

// "## Part two ##" -> level 2, "Part two"; 0 when not an ATX heading.
int atx_heading(const std::string& line, std::string& text) {
    std::size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    int level = 0;
    while (i < line.size() && line[i] == '#') {
        ++level;
        ++i;
    }
    if (level == 0 || level > 6 || (i < line.size() && line[i] != ' ' && line[i] != '\t')) return 0;
    std::string t = trim(std::string_view(line).substr(i));
    while (!t.empty() && t.back() == '#') t.pop_back();
    text = trim(t);
    return text.empty() ? 0 : level;
}

// "- item", "* item", "1. item": the item's text; false when not a list item.
bool list_item(const std::string& line, std::string& text) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && i + 1 < line.size() && line[i + 1] == ' ') {
        text = trim(std::string_view(line).substr(i + 2));
        return true;
    }
    std::size_t d = i;
    while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
    if (d > i && d - i <= 9 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') {
        text = trim(std::string_view(line).substr(d + 2));
        return true;
    }
    return false;
}

struct Block {
    bool heading = false;
    std::vector<std::string> lines;
};

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) {
        const std::string t = trim(l);
        if (t.empty()) continue;
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

// Splits a paragraph longer than kMaxPassageBytes after a sentence end (". ") before the
// limit, else at a space, else at a code point boundary.
std::vector<std::string> split_long(std::string text) {
    std::vector<std::string> out;
    while (text.size() > kMaxPassageBytes) {
        std::size_t cut = text.rfind(". ", kMaxPassageBytes);
        if (cut == std::string::npos || cut < kMaxPassageBytes / 2) cut = text.rfind(' ', kMaxPassageBytes);
        else cut += 1;
        if (cut == std::string::npos || cut == 0) {
            cut = kMaxPassageBytes;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        }
        out.push_back(trim(std::string_view(text).substr(0, cut)));
        text = trim(std::string_view(text).substr(cut));
    }
    if (!text.empty()) out.push_back(std::move(text));
    return out;
}

// The script most letters are in, as a language guess: ru, el, ar, he, zh, ja, ko; for
// Latin letters, en, fr, de or es by the stop words the text uses most (stopwords.hpp).
std::string guess_language(std::string_view text) {
    std::map<std::string, long> counts;
    std::size_t i = 0;
    for (int seen = 0; i < text.size() && seen < 200000; ++seen) {
        const char32_t cp = utf8_next(text, i);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250)) ++counts["en"];
        else if (cp >= 0x370 && cp < 0x400) ++counts["el"];
        else if (cp >= 0x400 && cp < 0x530) ++counts["ru"];
        else if (cp >= 0x590 && cp < 0x600) ++counts["he"];
        else if (cp >= 0x600 && cp < 0x700) ++counts["ar"];
        else if (cp >= 0x3040 && cp < 0x3100) counts["ja"] += 3;  // kana: Japanese even among kanji
        else if (cp >= 0xAC00 && cp < 0xD7B0) ++counts["ko"];
        else if (is_cjk(cp)) ++counts["zh"];
    }
    std::string best = "en";
    long most = 0;
    for (const auto& [lang, n] : counts)
        if (n > most) {
            most = n;
            best = lang;
        }
    if (best != "en") return best;
    // Latin letters: the language whose stop words the text uses most (English on a tie).
    std::map<std::string, long> hits;
    const char* const latin[] = {"en", "fr", "de", "es"};
    std::vector<std::unordered_set<std::string>> lists;
    for (const char* lang : latin) {
        const std::vector<std::string>& words = default_stop_words(lang);
        lists.emplace_back(words.begin(), words.end());
    }
    std::size_t word_start = 0;
    int words = 0;
    for (std::size_t j = 0; j <= text.size() && words < 5000;) {
        const std::size_t at = j;
        const char32_t cp = j < text.size() ? utf8_next(text, j) : U' ';
        if (j == at) ++j;
        if (is_word_char(cp)) continue;
        if (at > word_start) {
            ++words;
            const std::string key = stop_word_key(text.substr(word_start, at - word_start));
            for (std::size_t k = 0; k < lists.size(); ++k)
                if (lists[k].count(key)) ++hits[latin[k]];
        }
        word_start = j;
    }
    long top = hits["en"];
    for (const char* lang : latin)
        if (hits[lang] > top) {
            top = hits[lang];
            best = lang;
        }
    return best;
}

std::string title_from_name(const std::string& name) {
    std::string base = name;
    const std::size_t slash = base.find_last_of("/\\");
    if (slash != std::string::npos) base = base.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    if (dot != std::string::npos && dot > 0) base.resize(dot);
    for (char& c : base)
        if (c == '_' || c == '-') c = ' ';
    base = trim(base);
    return base.empty() ? "Untitled text" : base;
}

// Front matter of a Markdown file ("---", "key: value" lines, "---"): title, author,
// date, language; the lines it took are removed from `lines`.
std::map<std::string, std::string> front_matter(std::vector<std::string>& lines) {
    std::map<std::string, std::string> out;
    if (lines.empty() || trim(lines[0]) != "---") return out;
    for (std::size_t k = 1; k < lines.size() && k < 60; ++k) {
        if (trim(lines[k]) == "---") {
            for (std::size_t j = 1; j < k; ++j) {
                const std::size_t colon = lines[j].find(':');
                if (colon == std::string::npos) continue;
                std::string key = trim(std::string_view(lines[j]).substr(0, colon));
                std::string value = trim(std::string_view(lines[j]).substr(colon + 1));
                if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                    value = value.substr(1, value.size() - 2);
                std::transform(key.begin(), key.end(), key.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
                if (!value.empty()) out[key] = value;
            }
            lines.erase(lines.begin(), lines.begin() + static_cast<long>(k) + 1);
            return out;
        }
    }
    return out;
}

std::vector<Block> markdown_blocks(const std::vector<std::string>& lines) {
    std::vector<Block> blocks;
    Block current;
    auto flush = [&] {
        if (!current.lines.empty()) blocks.push_back(std::move(current));
        current = {};
    };
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const std::string& line = lines[k];
        const std::string t = trim(line);
        if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {  // a code fence: its content verbatim
            flush();
            const std::string fence = t.substr(0, 3);
            for (++k; k < lines.size() && trim(lines[k]).rfind(fence, 0) != 0; ++k) current.lines.push_back(lines[k]);
            flush();
            continue;
        }
        if (t.empty()) {
            flush();
            continue;
        }
        std::string text;
        if (atx_heading(line, text)) {
            flush();
            blocks.push_back({true, {strip_inline(text)}});
            continue;
        }
        // Setext: a one-line paragraph underlined with === or ---.
        const bool equals = !t.empty() && t.find_first_not_of('=') == std::string::npos;
        const bool dashes = t.size() >= 2 && t.find_first_not_of('-') == std::string::npos;
        if ((equals || dashes) && current.lines.size() == 1) {
            current.heading = true;
            flush();
            continue;
        }
        if (thematic_break(line)) {
            flush();
            continue;
        }
        std::string body = t;
        while (!body.empty() && body.front() == '>') body = trim(std::string_view(body).substr(1));
        if (list_item(body, text)) body = "\u2022 " + text;
        current.lines.push_back(strip_inline(body));
    }
    flush();
    return blocks;
}

std::vector<Block> text_blocks(const std::vector<std::string>& lines) {
    std::vector<Block> blocks;
    Block current;
    auto flush = [&] {
        if (current.lines.size() == 1 && title_like(trim(current.lines[0]))) current.heading = true;
        if (!current.lines.empty()) blocks.push_back(std::move(current));
        current = {};
    };
    for (const std::string& line : lines) {
        std::string text;
        if (trim(line).empty()) {
            flush();
        } else if (atx_heading(line, text)) {  // a Markdown heading in plain text: its marks are not its title
            flush();
            blocks.push_back({true, {text}});
        } else {
            current.lines.push_back(line);
        }
    }
    flush();
    return blocks;
}

std::string slug(const std::string& label, const char* fallback_prefix) {
    std::string id = default_article_id(label);
    if (id.rfind("article-", 0) == 0 && label.find("rticle") == std::string::npos) id = fallback_prefix + id.substr(8);
    return id;
}

}  // namespace

const char* to_string(FileKind kind) {
    switch (kind) {
    case FileKind::Article: return "article";
    case FileKind::Text: return "text";
    case FileKind::Markdown: return "markdown";
    }
    return "article";
}

FileKind file_kind(std::string_view name, std::string_view text) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    auto ends = [&](std::string_view ext) {
        return lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
    };
    if (ends(".json")) return FileKind::Article;
    if (ends(".md") || ends(".markdown")) return FileKind::Markdown;
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    if (!ends(".txt") && i < text.size() && text[i] == '{') return FileKind::Article;
    return FileKind::Text;
}

ImportResult import_text(std::string_view text, FileKind kind, const ImportOptions& options) {
    ImportResult r;
    auto error = [&](std::string expected, std::string found) {
        r.problems.push_back({Severity::Error, "", std::move(expected), std::move(found)});
        return r;
    };
    auto warn = [&](std::string pointer, std::string expected, std::string found) {
        r.problems.push_back({Severity::Warning, std::move(pointer), std::move(expected), std::move(found)});
    };
    if (text.size() > kArticleJsonLimits.max_bytes)
        return error("a text of at most " + std::to_string(kArticleJsonLimits.max_bytes >> 20) + " MiB",
                     std::to_string(text.size()) + " bytes");
    if (const std::string other = utf16_or_32_name(text); !other.empty())
        return error("UTF-8 text (save the file as UTF-8)", "a text in " + other);
    if (const std::size_t bad = utf8_invalid_at(text); bad != std::string_view::npos)
        return error("UTF-8 text (save the file as UTF-8)", "invalid bytes at byte " + std::to_string(bad));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    std::vector<std::string> lines;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string_view::npos) nl = text.size();
        std::string line(text.substr(at, nl - at));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        for (char& c : line)
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t') c = ' ';
        lines.push_back(std::move(line));
        at = nl + 1;
    }
    std::map<std::string, std::string> front;
    if (kind == FileKind::Markdown) front = front_matter(lines);
    std::vector<Block> blocks = kind == FileKind::Markdown ? markdown_blocks(lines) : text_blocks(lines);

    // Blocks of long lines are paragraphs one per line (a text that is not hard-wrapped).
    std::vector<Block> split;
    for (Block& b : blocks) {
        bool long_lines = b.lines.size() > 1;
        for (const std::string& l : b.lines) long_lines = long_lines && l.size() >= kLongLineBytes;
        if (b.heading || !long_lines) {
            split.push_back(std::move(b));
            continue;
        }
        for (std::string& l : b.lines) split.push_back({false, {std::move(l)}});
    }

    std::string title = front.count("title") ? front["title"] : "";
    json sections = json::array(), passages = json::array();
    json section = nullptr;
    for (const Block& b : split) {
        const std::string content = join_lines(b.lines);
        if (content.empty()) continue;
        if (b.heading) {
            // The first heading before any passage is the title (the front matter's title
            // repeated as a heading is not a section either).
            if (passages.empty() && sections.empty() && (title.empty() || content == title)) {
                title = content;
                continue;
            }
            const std::string id = "s" + std::to_string(sections.size() + 1);
            sections.push_back({{"id", id},
                                {"number", sections.size() + 1},
                                {"heading", utf8_truncate(content, kMaxTitleBytes)},
                                {"label", utf8_truncate(content, 60)}});
            section = id;
            continue;
        }
        for (std::string& piece : split_long(content))
            passages.push_back({{"id", "p" + std::to_string(passages.size() + 1)},
                                {"section", section},
                                {"text", std::move(piece)},
                                {"facets", json::object()}});
    }
    // Headings with no passage after them would be sections nobody can filter to: they are
    // kept (the reader shows them) but a section with no passage makes an unused facet value,
    // which build_corpus reports.
    if (passages.empty())
        return error("a text with at least one paragraph (blocks of text separated by blank lines)",
                     sections.empty() && title.empty() ? "no text" : "only headings");

    if (title.empty()) title = title_from_name(options.name);
    std::string date = front.count("date") ? front["date"] : options.date;
    if (!parse_date(date)) {  // no date rather than an invented one: none is shown
        warn("/meta/published", "the date the text was published (YYYY, YYYY-MM or YYYY-MM-DD)",
             date.empty() ? "none known: no date is given, add one in the saved article"
                          : "\"" + date + "\": not a date, none is given");
        date.clear();
    }
    std::string author = front.count("author") ? front["author"] : "";
    if (author.empty()) {
        warn("/meta/author/name", "the author's name", "none in the text: \"not given\"; correct it in the saved article");
        author = "not given";
    }
    std::string language = front.count("language") ? front["language"] : front.count("lang") ? front["lang"] : "";
    if (language.empty()) {
        language = guess_language(text);
        warn("/meta/language", "the text's language", "none given: \"" + language + "\" guessed from its letters");
    }
    const std::string source = options.name.empty() ? "a text opened in the explorer" : options.name;

    json doc = {{"format", kFormatName},
                {"version", kFormatVersion},
                {"id", slug(title, "text-")},
                {"meta",
                 {{"title", utf8_truncate(title, kMaxTitleBytes)},
                  {"author", {{"name", utf8_truncate(author, kMaxTitleBytes)}}},
                  {"outlet", "not given"},
                  {"source", utf8_truncate(front.count("source") ? front["source"] : source, 2000)},
                  {"language", utf8_truncate(language, 35)}}},
                {"sections", std::move(sections)},
                {"passages", std::move(passages)},
                {"facets", json::array()},
                {"node_types",
                 json::array({{{"id", "term"},
                               {"label", "Key term"},
                               {"kind", "concept"},
                               {"description", "A frequent word or pair of words of the text, accepted as a concept."}}})},
                {"concepts", json::array()},
                {"entities", json::array()},
                {"relation_types", json::array()},
                {"relations", json::array()}};
    if (!date.empty()) doc["meta"]["published"] = date;

    // The first key terms become concepts at once (the map has nodes, the glossary terms).
    if (options.concepts > 0) {
        LoadResult loaded = load_article(doc.dump());
        if (!loaded.ok()) {
            for (Diagnostic& d : loaded.diagnostics) r.problems.push_back(std::move(d));
            return r;
        }
        std::vector<Diagnostic> ignored;
        const Corpus corpus = build_corpus(std::move(*loaded.article), ignored);
        for (const KeyTerm& term : key_terms(corpus, static_cast<std::size_t>(options.concepts)))
            add_concept(doc, term, r.problems);
    }
    r.article = std::move(doc);
    return r;
}

std::vector<KeyTerm> key_terms(const Corpus& corpus, std::size_t max) {
    const Article& a = corpus.article;
    // Function words of the article's language (its own list, else the built-in one for
    // meta.language), and for English the longer list above; the words compared as the
    // corpus tokenised them (folded, stemmed by the language's stemmer).
    const bool english = is_english(a.meta.language) && !a.stop_words_given;
    const auto& extra = english_non_terms();
    struct Stat {
        int count = 0, passages = 0, last = -1;
        std::map<std::string, int> forms;  // surface form -> occurrences
    };
    std::unordered_map<std::string, Stat> stats;  // key: stems joined by ' '
    std::vector<char> content;                    // per term id: a content word
    content.assign(corpus.terms.size(), -1);
    auto is_content = [&](std::uint32_t term, std::string_view surface) {
        if (content[term] >= 0) return content[term] != 0;
        const std::string folded = fold_text(surface);
        std::size_t letters = 0, digits = 0;
        for (std::size_t i = 0; i < folded.size();) {
            const char32_t cp = utf8_next(folded, i);
            ++letters;
            if (cp >= '0' && cp <= '9') ++digits;
        }
        const bool stop = corpus.is_stop_word(surface) ||
                          (english && (extra.count(folded) > 0 || extra.count(corpus.terms[term]) > 0));
        const bool ok = letters >= 3 && digits == 0 && !stop;
        content[term] = ok ? 1 : 0;
        return ok;
    };
    auto note = [&](const std::string& key, std::string surface, int passage) {
        Stat& s = stats[key];
        ++s.count;
        if (s.last != passage) {
            ++s.passages;
            s.last = passage;
        }
        ++s.forms[std::move(surface)];
    };
    for (std::size_t p = 0; p < a.passages.size(); ++p) {
        const std::string& text = a.passages[p].text;
        const std::vector<Word>& words = corpus.words[p];
        for (std::size_t k = 0; k < words.size(); ++k) {
            const Word& w = words[k];
            const std::string_view surface(text.data() + w.begin, w.end - w.begin);
            if (!is_content(w.term, surface)) continue;
            note(corpus.terms[w.term], std::string(surface), static_cast<int>(p));
            if (k + 1 >= words.size()) continue;
            const Word& n = words[k + 1];
            const std::string_view next(text.data() + n.begin, n.end - n.begin);
            if (!is_content(n.term, next)) continue;
            const std::string_view gap(text.data() + w.end, n.begin - w.end);
            if (gap.empty() || gap.find_first_not_of(" -") != std::string_view::npos) continue;
            note(corpus.terms[w.term] + " " + corpus.terms[n.term], std::string(text.substr(w.begin, n.end - w.begin)),
                 static_cast<int>(p));
        }
    }
    // Names the article's nodes already have are no suggestions.
    std::unordered_set<std::string> named;
    for (const Corpus::NameForm& f : corpus.name_forms) {
        std::string key;
        for (const std::string& t : f.terms) key += (key.empty() ? "" : " ") + t;
        if (!key.empty()) named.insert(key);
    }
    // A word nearly always written in one pair ("flats" in "mud flats") is no term of its own.
    std::unordered_map<std::string, int> in_pairs;  // word key -> the most occurrences of a pair with it
    for (const auto& [key, s] : stats) {
        const std::size_t space = key.find(' ');
        if (space == std::string::npos || s.count < 2) continue;
        for (const std::string& word : {key.substr(0, space), key.substr(space + 1)})
            in_pairs[word] = std::max(in_pairs[word], s.count);
    }
    const int min_passages = a.passages.size() > 1 ? 2 : 1;
    struct Ranked {
        KeyTerm term;
        double score;
    };
    std::vector<Ranked> ranked;
    for (auto& [key, s] : stats) {
        if (s.passages < min_passages || named.count(key)) continue;
        const bool pair = key.find(' ') != std::string::npos;
        if (pair && s.count < 2) continue;
        if (!pair) {
            const auto it = in_pairs.find(key);
            if (it != in_pairs.end() && it->second * 5 >= s.count * 4) continue;
        }
        // The form written most often; a capitalised one only when it is never written
        // in lower case (a name rather than a sentence's first word).
        std::string label;
        int best = -1;
        for (const auto& [form, n] : s.forms) {
            const std::string lower = fold_text(form);
            const auto it = s.forms.find(lower);
            const int weight = n + (it != s.forms.end() && form != lower ? 0 : 0);
            if (form != lower && it != s.forms.end()) continue;  // a sentence start
            if (weight > best) {
                best = weight;
                label = form;
            }
        }
        if (label.empty()) label = s.forms.begin()->first;
        const double score = (pair ? 2.0 : 1.0) * s.count * std::log(1.0 + s.passages);
        ranked.push_back({{label, s.count, s.passages}, score});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
        if (x.score != y.score) return x.score > y.score;
        return x.term.label < y.term.label;
    });
    std::vector<KeyTerm> out;
    for (std::size_t k = 0; k < ranked.size() && out.size() < max; ++k) out.push_back(std::move(ranked[k].term));
    return out;
}

bool add_concept(json& article, const KeyTerm& term, std::vector<Diagnostic>& problems) {
    if (!article.is_object() || !article.contains("concepts") || !article["concepts"].is_array()) {
        problems.push_back({Severity::Error, "/concepts", "an article with a list of concepts", "none"});
        return false;
    }
    if (term.label.empty()) {
        problems.push_back({Severity::Error, "/label", "a key term", "\"\""});
        return false;
    }
    json& types = article["node_types"];
    if (!types.is_array()) types = json::array();
    bool has_type = false;
    for (const json& t : types) has_type = has_type || (t.is_object() && t.value("id", "") == "term");
    if (!has_type)
        types.push_back({{"id", "term"},
                         {"label", "Key term"},
                         {"kind", "concept"},
                         {"description", "A frequent word or pair of words of the text, accepted as a concept."}});
    std::unordered_set<std::string> ids;
    for (const char* list : {"concepts", "entities"})
        if (article.contains(list) && article[list].is_array())
            for (const json& n : article[list])
                if (n.is_object() && n.contains("id") && n["id"].is_string()) ids.insert(n["id"].get<std::string>());
    const std::string base = slug(term.label, "term-");
    std::string id = base;
    for (int k = 2; ids.count(id); ++k) id = base + "-" + std::to_string(k);
    const std::string times = term.count == 1 ? "once" : std::to_string(term.count) + " times";
    const std::string where = term.passages == 1 ? "1 passage" : std::to_string(term.passages) + " passages";
    article["concepts"].push_back({{"id", id},
                                   {"label", term.label},
                                   {"type", "term"},
                                   {"description", "A key term of the text: " + times + " in " + where + "."}});
    return true;
}

}  // namespace wwe
