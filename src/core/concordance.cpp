#include "concordance.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "stopwords.hpp"

namespace wwe {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string flat(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    return out;
}

// The text before `at`, about `chars` code points, starting at a word.
std::string left_of(std::string_view text, std::size_t at, std::size_t chars, bool& cut) {
    std::size_t b = at, n = 0;
    while (b > 0 && n < chars) {
        --b;
        while (b > 0 && continuation(text[b])) --b;
        ++n;
    }
    cut = b > 0;
    if (cut) {  // to the next word start
        while (b < at && !is_space(text[b])) ++b;
        while (b < at && is_space(text[b])) ++b;
    }
    return flat(text.substr(b, at - b));
}

std::string right_of(std::string_view text, std::size_t at, std::size_t chars, bool& cut) {
    std::size_t e = at, n = 0;
    while (e < text.size() && n < chars) {
        ++e;
        while (e < text.size() && continuation(text[e])) ++e;
        ++n;
    }
    cut = e < text.size();
    if (cut) {  // back to the last word end
        while (e > at && !is_space(text[e - 1])) --e;
        while (e > at && is_space(text[e - 1])) --e;
    }
    return flat(text.substr(at, e - at));
}

}  // namespace

const char* to_string(ConcordanceSort sort) {
    switch (sort) {
    case ConcordanceSort::Article: return "article";
    case ConcordanceSort::Left: return "left";
    case ConcordanceSort::Right: return "right";
    }
    return "article";
}

std::vector<ConcordanceRow> concordance(const Corpus& corpus, const SearchQuery& query, const std::vector<int>& passages,
                                        const ConcordanceOptions& options) {
    std::vector<ConcordanceRow> rows;
    if (query.empty()) return rows;
    // Sort keys: the words' terms nearest the keyword first (left: going left).
    std::vector<std::vector<std::uint32_t>> keys;
    for (const int p : passages) {
        if (p < 0 || p >= static_cast<int>(corpus.article.passages.size())) continue;
        const std::string& text = corpus.article.passages[static_cast<std::size_t>(p)].text;
        const auto& words = corpus.words[static_cast<std::size_t>(p)];
        for (const Span& s : hit_spans(corpus, query, p)) {
            if (rows.size() >= options.max_rows) break;
            ConcordanceRow r;
            r.passage = p;
            r.keyword = s;
            r.keyword_text = flat(std::string_view(text).substr(s.begin, s.end - s.begin));
            r.left = left_of(text, s.begin, options.context_chars, r.cut_left);
            r.right = right_of(text, s.end, options.context_chars, r.cut_right);
            std::vector<std::uint32_t> key;
            if (options.sort == ConcordanceSort::Left) {
                for (std::size_t k = words.size(); k-- > 0 && key.size() < 4;)
                    if (words[k].end <= s.begin) key.push_back(words[k].term);
            } else if (options.sort == ConcordanceSort::Right) {
                for (std::size_t k = 0; k < words.size() && key.size() < 4; ++k)
                    if (words[k].begin >= s.end) key.push_back(words[k].term);
            }
            keys.push_back(std::move(key));
            rows.push_back(std::move(r));
        }
    }
    if (options.sort != ConcordanceSort::Article) {
        std::vector<std::size_t> order(rows.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        // Alphabetical by the terms' text (an empty context sorts first).
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const auto& a = keys[x];
            const auto& b = keys[y];
            for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
                if (a[k] == b[k]) continue;
                return corpus.terms[a[k]] < corpus.terms[b[k]];
            }
            return a.size() < b.size();
        });
        std::vector<ConcordanceRow> sorted;
        sorted.reserve(rows.size());
        for (const std::size_t i : order) sorted.push_back(std::move(rows[i]));
        rows = std::move(sorted);
    }
    return rows;
}

std::vector<TermRow> term_list(const Corpus& corpus, const std::vector<int>& passages, const TermListOptions& options) {
    const Article& a = corpus.article;
    const std::size_t sections = a.sections.size() + 1;
    std::vector<TermRow> rows;
    if (options.words) {
        struct Acc {
            int count = 0;
            std::vector<int> per_section;
            std::map<std::string, int> forms;  // written form (folded) -> count
        };
        std::unordered_map<std::uint32_t, Acc> acc;
        for (const int p : passages) {
            if (p < 0 || p >= static_cast<int>(a.passages.size())) continue;
            const std::string& text = a.passages[static_cast<std::size_t>(p)].text;
            const std::size_t s = static_cast<std::size_t>(a.passages[static_cast<std::size_t>(p)].section + 1);
            for (const Word& w : corpus.words[static_cast<std::size_t>(p)]) {
                Acc& x = acc[w.term];
                if (x.per_section.empty()) x.per_section.assign(sections, 0);
                ++x.count;
                ++x.per_section[s];
                ++x.forms[stop_word_key(std::string_view(text).substr(w.begin, w.end - w.begin))];
            }
        }
        for (auto& [term, x] : acc) {
            const std::string& t = corpus.terms[term];
            if (std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
            TermRow r;
            int best = -1;
            for (const auto& [form, n] : x.forms)
                if (n > best) {
                    best = n;
                    r.text = form;
                }
            r.stop = corpus.stop_words.count(r.text) > 0;
            if (r.stop && !options.stop_words) continue;
            r.query = r.text;
            r.count = x.count;
            r.per_section = std::move(x.per_section);
            rows.push_back(std::move(r));
        }
    }
    if (options.names) {
        std::vector<char> in(a.passages.size(), 0);
        for (const int p : passages)
            if (p >= 0 && p < static_cast<int>(a.passages.size())) in[static_cast<std::size_t>(p)] = 1;
        for (std::size_t n = 0; n < a.nodes.size(); ++n) {
            TermRow r;
            r.node = static_cast<int>(n);
            r.text = a.nodes[n].label;
            r.query = r.text;  // unquoted: the search recognises the name (its mentions)
            r.per_section.assign(sections, 0);
            for (const Mention& m : corpus.node_mentions[n]) {
                if (!in[static_cast<std::size_t>(m.passage)]) continue;
                ++r.count;
                ++r.per_section[static_cast<std::size_t>(a.passages[static_cast<std::size_t>(m.passage)].section + 1)];
            }
            if (r.count > 0) rows.push_back(std::move(r));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const TermRow& x, const TermRow& y) {
        if (x.count != y.count) return x.count > y.count;
        if (x.text != y.text) return x.text < y.text;
        return x.node < y.node;
    });
    if (rows.size() > options.max_rows) rows.resize(options.max_rows);
    return rows;
}

std::vector<std::string> suggested_searches(const Corpus& corpus, std::size_t n) {
    std::vector<std::string> out;
    for (const Topic& t : corpus.article.topics) {
        if (out.size() >= n) return out;
        if (!t.query.empty() && std::find(out.begin(), out.end(), t.query) == out.end()) out.push_back(t.query);
    }
    if (!out.empty()) return out;
    std::vector<int> all(corpus.article.passages.size());
    for (std::size_t p = 0; p < all.size(); ++p) all[p] = static_cast<int>(p);
    TermListOptions o;
    o.max_rows = n;
    for (const TermRow& row : term_list(corpus, all, o)) out.push_back(row.query);
    return out;
}

}  // namespace wwe
