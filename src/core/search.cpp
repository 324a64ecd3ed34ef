#include "search.hpp"

#include <algorithm>
#include <cmath>

namespace wwe {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;


bool is_quote(char32_t cp) { return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x300C || cp == 0x300D; }

// Splits the query into quoted phrases and the free text around them.
void split_quotes(std::string_view text, std::vector<std::string>& phrases, std::string& free_text) {
    bool inside = false;
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        char32_t cp = utf8_next(text, i);
        if (is_quote(cp)) {
            if (inside) phrases.push_back(std::move(current));
            else free_text += ' ';
            current.clear();
            inside = !inside;
            continue;
        }
        (inside ? current : free_text).append(text.substr(start, i - start));
    }
    if (inside) phrases.push_back(std::move(current));  // an unclosed quote ends the phrase
}

// Word index ranges [first, last] where `terms` occur consecutively in passage p.
std::vector<std::pair<std::size_t, std::size_t>> phrase_matches(const Corpus& c, int p,
                                                               const std::vector<std::string>& terms) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    auto it = c.index.find(terms.front());
    if (it == c.index.end()) return out;
    const auto& postings = it->second;
    auto post = std::lower_bound(postings.begin(), postings.end(), p,
                                 [](const Posting& x, int v) { return x.passage < v; });
    if (post == postings.end() || post->passage != p) return out;
    const auto& words = c.words[p];
    for (std::uint32_t pos : post->positions) {
        if (terms.size() == 1) {
            out.emplace_back(pos, pos);  // may be a joined compound: the caller widens the span
            continue;
        }
        if (pos + terms.size() > words.size()) continue;
        // The first term may be a joined compound at pos; a phrase continues after its parts.
        std::size_t k = 1;
        if (words[pos].term != terms[0]) continue;
        while (k < terms.size() && words[pos + k].term == terms[k]) ++k;
        if (k == terms.size()) out.emplace_back(pos, pos + k - 1);
    }
    return out;
}

// Spans of single-term matches in p, joined compounds covering their parts.
void word_spans(const Corpus& c, int p, const std::string& term, std::vector<Span>& spans) {
    for (const Token& t : c.tokens[p])
        if (t.term == term) spans.push_back({t.begin, t.end});
}

double bm25(double tf, int df, int n_docs, int length, double avgdl) {
    if (tf <= 0) return 0;
    double idf = std::log((n_docs - df + 0.5) / (df + 0.5) + 1.0);
    double norm = kK1 * (1.0 - kB + kB * (avgdl > 0 ? length / avgdl : 1.0));
    return idf * tf * (kK1 + 1.0) / (tf + norm);
}

struct ClauseMatch {
    double tf = 0;
    std::vector<Span> spans;
};

ClauseMatch match_clause(const Corpus& c, const SearchClause& clause, int p) {
    ClauseMatch m;
    if (clause.kind == SearchClause::Kind::Word) {
        word_spans(c, p, clause.terms.front(), m.spans);
        m.tf = static_cast<double>(m.spans.size());
        return m;
    }
    if (!clause.terms.empty()) {
        for (auto [first, last] : phrase_matches(c, p, clause.terms))
            m.spans.push_back({c.words[p][first].begin, c.words[p][last].end});
        if (clause.terms.size() == 1) {
            m.spans.clear();
            word_spans(c, p, clause.terms.front(), m.spans);
        }
    }
    double literal = static_cast<double>(m.spans.size());
    if (clause.kind == SearchClause::Kind::Node) {
        double mentions = 0;
        for (int node : clause.nodes)
            for (const Mention& mention : c.node_mentions[node])
                if (mention.passage == p) {
                    m.spans.push_back({mention.begin, mention.end});
                    ++mentions;
                }
        m.tf = std::max(literal, mentions);
    } else {
        m.tf = literal;
    }
    return m;
}

void merge_spans(std::vector<Span>& spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) {
        return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
    });
    std::vector<Span> out;
    for (const Span& s : spans) {
        if (!out.empty() && s.begin < out.back().end) out.back().end = std::max(out.back().end, s.end);
        else out.push_back(s);
    }
    spans = std::move(out);
}

}  // namespace

SearchQuery parse_query(const Corpus& corpus, std::string_view text) {
    SearchQuery q;
    std::vector<std::string> phrases;
    std::string free_text;
    split_quotes(text, phrases, free_text);

    for (const std::string& phrase : phrases) {
        std::vector<std::string> terms = terms_of(phrase);
        if (terms.empty()) continue;
        SearchClause clause;
        clause.kind = terms.size() == 1 ? SearchClause::Kind::Word : SearchClause::Kind::Phrase;
        clause.terms = std::move(terms);
        clause.text = phrase;
        q.clauses.push_back(std::move(clause));
    }

    // Names in other scripts (e.g. Chinese terms): substring of the folded free text.
    std::string folded = fold_text(free_text);
    auto add_node_clause = [&](std::vector<int> nodes, const std::string& typed) {
        for (const SearchClause& cl : q.clauses)
            if (cl.kind == SearchClause::Kind::Node && cl.nodes == nodes) return;
        SearchClause clause;
        clause.kind = SearchClause::Kind::Node;
        clause.nodes = std::move(nodes);
        clause.text = typed;
        q.clauses.push_back(std::move(clause));
    };
    for (const auto& form : corpus.name_forms) {
        if (form.folded.empty()) continue;
        std::size_t at = folded.find(form.folded);
        if (at == std::string::npos) continue;
        add_node_clause({form.node}, form.folded);
        folded.replace(at, form.folded.size(), " ");
    }
    // What is left of CJK runs: part of a name matches the nodes whose names contain it.
    for (std::size_t i = 0; i < folded.size();) {
        std::size_t start = i;
        char32_t cp = utf8_next(folded, i);
        if (!is_cjk(cp)) continue;
        std::size_t end = i, chars = 1;
        for (std::size_t j = i; j < folded.size();) {
            std::size_t before = j;
            if (!is_cjk(utf8_next(folded, j))) {
                j = before;
                break;
            }
            end = j;
            ++chars;
        }
        if (chars < 2) continue;
        const std::string run = folded.substr(start, end - start);
        std::vector<int> nodes;
        for (const auto& form : corpus.name_forms)
            if (!form.folded.empty() && form.folded.find(run) != std::string::npos &&
                std::find(nodes.begin(), nodes.end(), form.node) == nodes.end())
                nodes.push_back(form.node);
        if (nodes.empty()) {
            i = end;
            continue;
        }
        std::sort(nodes.begin(), nodes.end());
        add_node_clause(std::move(nodes), run);
        folded.replace(start, end - start, " ");
        i = start + 1;
    }

    // The rest: words, where a run of words that names a node becomes a node clause.
    std::vector<Token> words;
    for (Token& t : tokenize(folded))
        if (!t.joined) words.push_back(std::move(t));
    for (std::size_t i = 0; i < words.size();) {
        const Corpus::NameForm* best = nullptr;
        for (const auto& form : corpus.name_forms) {
            if (form.terms.empty() || i + form.terms.size() > words.size()) continue;
            if (best && form.terms.size() <= best->terms.size()) continue;
            bool same = true;
            for (std::size_t k = 0; k < form.terms.size() && same; ++k) same = words[i + k].term == form.terms[k];
            if (same) best = &form;
        }
        SearchClause clause;
        std::size_t start = i;
        if (best) {
            clause.kind = SearchClause::Kind::Node;
            clause.nodes = {best->node};
            clause.terms = best->terms;
            i += best->terms.size();
        } else {
            // A hyphenated compound ("zero-sum") is a phrase of its parts.
            clause.terms = {words[i].term};
            while (i + 1 < words.size() && words[i + 1].begin == words[i].end + 1 && folded[words[i].end] == '-')
                clause.terms.push_back(words[++i].term);
            clause.kind = clause.terms.size() > 1 ? SearchClause::Kind::Phrase : SearchClause::Kind::Word;
            ++i;
        }
        std::size_t begin = words[start].begin;
        clause.text = folded.substr(begin, words[i - 1].end - begin);
        bool duplicate = std::any_of(q.clauses.begin(), q.clauses.end(), [&](const SearchClause& cl) {
            return cl.kind == clause.kind && cl.nodes == clause.nodes && cl.terms == clause.terms;
        });
        if (!duplicate) q.clauses.push_back(std::move(clause));
    }
    return q;
}

std::vector<SearchHit> search(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates) {
    const int n_docs = static_cast<int>(corpus.article.passages.size());
    std::vector<int> all;
    if (!candidates) {
        all.resize(n_docs);
        for (int p = 0; p < n_docs; ++p) all[p] = p;
        candidates = &all;
    }
    std::vector<SearchHit> hits;
    if (query.empty()) {
        for (int p : *candidates) hits.push_back({p, 0.0, {}});
        return hits;
    }
    // Document frequency of each clause over the whole article (idf must not depend on
    // the facet filter, so that scores are comparable across filters).
    std::vector<int> df(query.clauses.size(), 0);
    std::vector<std::vector<ClauseMatch>> per_passage(n_docs);
    for (int p = 0; p < n_docs; ++p) {
        per_passage[p].reserve(query.clauses.size());
        for (std::size_t k = 0; k < query.clauses.size(); ++k) {
            per_passage[p].push_back(match_clause(corpus, query.clauses[k], p));
            if (per_passage[p].back().tf > 0) ++df[k];
        }
    }
    for (int p : *candidates) {
        if (p < 0 || p >= n_docs) continue;
        SearchHit hit{p, 0.0, {}};
        bool all_match = true;
        for (std::size_t k = 0; k < query.clauses.size() && all_match; ++k) {
            const ClauseMatch& m = per_passage[p][k];
            if (m.tf <= 0) all_match = false;
            hit.score += bm25(m.tf, df[k], n_docs, corpus.passage_length[p], corpus.average_length);
            hit.hits.insert(hit.hits.end(), m.spans.begin(), m.spans.end());
        }
        if (!all_match) continue;
        merge_spans(hit.hits);
        hits.push_back(std::move(hit));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) {
        return x.score != y.score ? x.score > y.score : x.passage < y.passage;
    });
    return hits;
}

std::string make_snippet(std::string_view text, const std::vector<Span>& hits, const SnippetOptions& o) {
    auto is_space = [&](std::size_t i) { return i < text.size() && (text[i] == ' ' || text[i] == '\n'); };
    auto char_start = [&](std::size_t i) {
        while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    std::size_t begin = 0;
    if (!hits.empty() && hits.front().begin > o.max_bytes / 4) {
        begin = char_start(hits.front().begin - o.max_bytes / 4);
        while (begin > 0 && !is_space(begin - 1)) begin = char_start(begin - 1);  // whole word
    }
    std::size_t end = std::min(text.size(), begin + o.max_bytes);
    if (end < text.size()) {
        std::size_t e = end;
        while (e > begin && !is_space(e)) --e;
        end = e > begin ? e : char_start(end);
    }
    auto append_text = [&](std::string& out, std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            char ch = text[i];
            if (o.escape_html && ch == '&') out += "&amp;";
            else if (o.escape_html && ch == '<') out += "&lt;";
            else if (o.escape_html && ch == '>') out += "&gt;";
            else out += ch;
        }
    };
    std::string out;
    if (begin > 0) out += "\u2026";
    std::size_t at = begin;
    for (const Span& h : hits) {
        std::size_t hb = std::max<std::size_t>(h.begin, at), he = std::min<std::size_t>(h.end, end);
        if (hb >= he) continue;
        append_text(out, at, hb);
        out += o.open;
        append_text(out, hb, he);
        out += o.close;
        at = he;
    }
    append_text(out, at, end);
    if (end < text.size()) out += "\u2026";
    return out;
}

}  // namespace wwe
