#include "search.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>

#include "stopwords.hpp"

namespace wwe {

namespace {

// Whether posting `posting` (term `term`, passage p) has a word in the folded form `form`:
// its positions' words read, not the whole passage.
bool posting_has_form(const Corpus& c, std::uint32_t posting, std::uint32_t term, const std::string& form) {
    const InvertedIndex& ix = c.index;
    const std::uint32_t p = ix.passage[posting];
    const auto& words = c.words[p];
    const std::string_view text = c.article.passages[p].text;
    for (std::uint32_t k = ix.pos_first[posting]; k < ix.pos_first[posting + 1]; ++k) {
        const std::uint32_t pos = ix.positions[k];
        if (pos < words.size() && words[pos].term == term && has_word_key(text, words[pos].begin, words[pos].end, form))
            return true;
    }
    return false;
}


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

// The term ids of `terms`; false when one of them is in no passage.
bool term_ids(const Corpus& c, const std::vector<std::string>& terms, std::vector<std::uint32_t>& ids) {
    ids.clear();
    for (const std::string& t : terms) {
        const std::int64_t id = c.find_term(t);
        if (id < 0) return false;
        ids.push_back(static_cast<std::uint32_t>(id));
    }
    return !ids.empty();
}

// Where a clause matches, over the whole article: passages ascending, each with the clause's
// term frequency there (its df is the list's length). A word's list is a view of its
// postings (no copy); phrases and names own theirs.
struct ClauseList {
    const std::uint32_t* passages = nullptr;
    std::size_t size = 0;
    const std::uint32_t* pos_first = nullptr;  // a word's: tf = pos_first[i + 1] - pos_first[i]
    std::vector<std::uint32_t> own_passages;
    std::vector<double> own_tf;

    double tf(std::size_t i) const { return pos_first ? pos_first[i + 1] - pos_first[i] : own_tf[i]; }
    void own() {
        passages = own_passages.data();
        size = own_passages.size();
        pos_first = nullptr;
    }
};

void word_list(const Corpus& c, std::uint32_t term, ClauseList& out) {
    const InvertedIndex& ix = c.index;
    out.passages = ix.passage.data() + ix.first[term];
    out.size = ix.postings(term);
    out.pos_first = ix.pos_first.data() + ix.first[term];
}

// Calls found(first word position) for each occurrence of the phrase `ids` in the posting
// `posting` of ids[0] (passage p): the later terms at the following word positions.
template <class F>
void phrase_in(const Corpus& c, std::uint32_t posting, const std::vector<std::uint32_t>& ids, F&& found) {
    const InvertedIndex& ix = c.index;
    const auto& words = c.words[ix.passage[posting]];
    for (std::uint32_t k = ix.pos_first[posting]; k < ix.pos_first[posting + 1]; ++k) {
        const std::uint32_t pos = ix.positions[k];
        if (pos + ids.size() > words.size() || words[pos].term != ids[0]) continue;  // a joined form at pos
        std::size_t m = 1;
        while (m < ids.size() && words[pos + m].term == ids[m]) ++m;
        if (m == ids.size()) found(pos);
    }
}

// The postings of terms[1..] are consulted only through the words, which is exact and
// cheap: the rarest term need not come first, but ids[0]'s postings bound the work.
void phrase_list(const Corpus& c, const std::vector<std::uint32_t>& ids, ClauseList& out) {
    const InvertedIndex& ix = c.index;
    for (std::uint32_t i = ix.first[ids[0]]; i < ix.first[ids[0] + 1]; ++i) {
        int n = 0;
        phrase_in(c, i, ids, [&](std::uint32_t) { ++n; });
        if (n == 0) continue;
        out.own_passages.push_back(ix.passage[i]);
        out.own_tf.push_back(n);
    }
    out.own();
}

void literal_list(const Corpus& c, const std::vector<std::string>& terms, ClauseList& out) {
    out = {};
    std::vector<std::uint32_t> ids;
    if (!term_ids(c, terms, ids)) return;
    if (ids.size() == 1) word_list(c, ids[0], out);
    else phrase_list(c, ids, out);
}

ClauseList clause_list(const Corpus& c, const SearchClause& clause) {
    ClauseList out;
    if (clause.kind != SearchClause::Kind::Node) {
        literal_list(c, clause.terms, out);
        return out;
    }
    // A name: its literal words, or its mentions (whichever counts more), passage by passage.
    ClauseList literal;
    if (!clause.terms.empty()) literal_list(c, clause.terms, literal);
    // Mentions per passage, ascending: a node's mentions are in article order already.
    std::vector<std::pair<std::uint32_t, double>> mentions;
    for (const int node : clause.nodes)
        for (const Mention& m : c.node_mentions[static_cast<std::size_t>(node)]) {
            const auto p = static_cast<std::uint32_t>(m.passage);
            if (!mentions.empty() && mentions.back().first == p) mentions.back().second += 1;
            else mentions.emplace_back(p, 1.0);
        }
    if (clause.nodes.size() > 1) {  // several nodes: merge their runs
        std::sort(mentions.begin(), mentions.end());
        std::vector<std::pair<std::uint32_t, double>> merged;
        for (const auto& [p, n] : mentions) {
            if (!merged.empty() && merged.back().first == p) merged.back().second += n;
            else merged.emplace_back(p, n);
        }
        mentions = std::move(merged);
    }
    std::size_t i = 0;
    auto m = mentions.begin();
    while (i < literal.size || m != mentions.end()) {
        if (m == mentions.end() || (i < literal.size && literal.passages[i] < m->first)) {
            out.own_passages.push_back(literal.passages[i]);
            out.own_tf.push_back(literal.tf(i++));
        } else if (i >= literal.size || m->first < literal.passages[i]) {
            out.own_passages.push_back(m->first);
            out.own_tf.push_back(m->second);
            ++m;
        } else {
            out.own_passages.push_back(m->first);
            out.own_tf.push_back(std::max(literal.tf(i++), m->second));
            ++m;
        }
    }
    out.own();
    return out;
}

// Spans of the term `term` in passage p: the words with it, and joined compounds.
void word_spans(const Corpus& c, int p, std::uint32_t term, std::vector<Span>& spans) {
    for (const Word& w : c.words[static_cast<std::size_t>(p)])
        if (w.term == term) spans.push_back({w.begin, w.end});
    for (const JoinedWord& j : c.joined[static_cast<std::size_t>(p)])
        if (j.term == term) spans.push_back({j.begin, j.end});
}

void literal_spans(const Corpus& c, const std::vector<std::string>& terms, int p, std::vector<Span>& spans) {
    std::vector<std::uint32_t> ids;
    if (!term_ids(c, terms, ids)) return;
    if (ids.size() == 1) {
        word_spans(c, p, ids[0], spans);
        return;
    }
    const InvertedIndex& ix = c.index;
    const auto begin = ix.passage.begin() + ix.first[ids[0]], end = ix.passage.begin() + ix.first[ids[0] + 1];
    const auto it = std::lower_bound(begin, end, static_cast<std::uint32_t>(p));
    if (it == end || *it != static_cast<std::uint32_t>(p)) return;
    const auto& words = c.words[static_cast<std::size_t>(p)];
    phrase_in(c, static_cast<std::uint32_t>(it - ix.passage.begin()), ids, [&](std::uint32_t pos) {
        spans.push_back({words[pos].begin, words[pos + ids.size() - 1].end});
    });
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

const char* to_string(SearchMatch match) {
    switch (match) {
    case SearchMatch::Words: return "words";
    case SearchMatch::Near: return "near";
    case SearchMatch::Phrase: return "phrase";
    }
    return "words";
}

std::string search_note(const SearchQuery& q) {
    std::string out;
    if (!q.ignored.empty()) {
        out = "Common words left out:";
        for (std::size_t i = 0; i < q.ignored.size() && i < 6; ++i) out += (i ? ", \u201c" : " \u201c") + q.ignored[i] + "\u201d";
        if (q.ignored.size() > 6) out += ", \u2026";
        out += " (put the words in quotes to find them too)";
    }
    if (q.truncated) {
        if (!out.empty()) out += ". ";
        out += "Only the first " + std::to_string(kMaxSearchBytes) + " characters are searched";
    }
    return out;
}

MatchTier match_tier(const SearchQuery& query, SearchMatch match, int exact) {
    if (match == SearchMatch::Phrase) return MatchTier::Phrase;
    if (match == SearchMatch::Near) return MatchTier::Near;
    if (query.clauses.size() != 1) return MatchTier::AllWords;
    switch (query.clauses.front().kind) {
    case SearchClause::Kind::Phrase: return MatchTier::Phrase;  // the quoted phrase, as typed
    case SearchClause::Kind::Node: return MatchTier::Name;
    case SearchClause::Kind::Word: break;
    }
    return exact > 0 ? MatchTier::AsTyped : MatchTier::Variant;
}

namespace {
// One row per tier, in MatchTier's order: its id (the API's "match"), label and tooltip.
struct TierText {
    const char* id;
    const char* label;
    const char* hint;
};
constexpr TierText kTierTexts[] = {
    {"phrase", "exact phrase", "Has the words as you typed them, in that order: go there"},
    {"near", "words together", "Has all the words close together: go there"},
    {"words", "all words", "Has all the words: go there"},
    {"name", "the name", "Names the concept or entity searched: go there"},
    {"typed", "as typed", "Has the word as you typed it: go there"},
    {"variant", "a variant", "Has another form of the word (a plural, a verb ending, the same stem): go there"},
};
static_assert(std::size(kTierTexts) == static_cast<std::size_t>(MatchTier::Variant) + 1, "a row per tier");

// An out-of-range value (a cast): "words", "all words", "Go there".
constexpr TierText kUnknownTier = {"words", "all words", "Go there"};

const TierText& tier_text(MatchTier tier) {
    const auto k = static_cast<std::size_t>(tier);
    return k < std::size(kTierTexts) ? kTierTexts[k] : kUnknownTier;
}
}  // namespace

const char* to_string(MatchTier tier) { return tier_text(tier).id; }
const char* match_tier_label(MatchTier tier) { return tier_text(tier).label; }
const char* match_tier_hint(MatchTier tier) { return tier_text(tier).hint; }

int search_rank(SearchMatch match, int exact) { return static_cast<int>(match) * 64 + std::clamp(exact, 0, 63); }

SearchQuery parse_query(const Corpus& corpus, std::string_view text) {
    SearchQuery q;
    if (text.size() > kMaxSearchBytes) {  // cut at a code point's start
        std::size_t cut = kMaxSearchBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut);
        q.truncated = true;
    }
    std::vector<std::string> phrases;
    std::string free_text;
    split_quotes(text, phrases, free_text);

    for (const std::string& phrase : phrases) {
        std::vector<std::string> terms = corpus.terms_for(phrase);
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
    for (Token& t : tokenize(folded, corpus.rules))
        if (!t.joined) {
            t.term = corpus.resolve_term(std::move(t.term), std::string_view(folded).substr(t.begin, t.end - t.begin));
            words.push_back(std::move(t));
        }
    if (words.size() >= 2)
        for (const Token& w : words) q.sequence.push_back(w.term);
    std::vector<char> stop_clause;  // per clause: an unquoted stop word
    stop_clause.assign(q.clauses.size(), 0);
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
        const bool stop = clause.kind == SearchClause::Kind::Word && corpus.is_stop_word(clause.text);
        if (clause.kind == SearchClause::Kind::Word) clause.form = stop_word_key(clause.text);
        bool duplicate = std::any_of(q.clauses.begin(), q.clauses.end(), [&](const SearchClause& cl) {
            return cl.kind == clause.kind && cl.nodes == clause.nodes && cl.terms == clause.terms;
        });
        if (!duplicate) {
            q.clauses.push_back(std::move(clause));
            stop_clause.push_back(stop ? 1 : 0);
        }
    }
    // Unquoted stop words go, unless nothing else is left to search for.
    if (std::find(stop_clause.begin(), stop_clause.end(), 0) != stop_clause.end()) {
        std::vector<SearchClause> kept;
        for (std::size_t k = 0; k < q.clauses.size(); ++k) {
            if (!stop_clause[k]) {
                kept.push_back(std::move(q.clauses[k]));
            } else if (std::find(q.ignored.begin(), q.ignored.end(), q.clauses[k].text) == q.ignored.end()) {
                q.ignored.push_back(q.clauses[k].text);
            }
        }
        q.clauses = std::move(kept);
    }
    if (q.clauses.size() < 2 && q.ignored.empty()) q.sequence.clear();  // one word: no phrase to look for
    return q;
}

namespace {

// Word positions in passage p where the terms `ids` start as consecutive words.
std::vector<std::uint32_t> sequence_starts(const Corpus& c, int p, const std::vector<std::uint32_t>& ids) {
    std::vector<std::uint32_t> out;
    const auto& words = c.words[static_cast<std::size_t>(p)];
    if (ids.empty() || words.size() < ids.size()) return out;
    for (std::uint32_t k = 0; k + ids.size() <= words.size(); ++k) {
        std::size_t m = 0;
        while (m < ids.size() && words[k + m].term == ids[m]) ++m;
        if (m == ids.size()) out.push_back(k);
    }
    return out;
}

// The word positions where `clause` matches in passage p (a phrase: where it starts).
std::vector<std::uint32_t> clause_positions(const Corpus& c, const SearchClause& clause, int p) {
    std::vector<std::uint32_t> out;
    std::vector<std::uint32_t> ids;
    if (!clause.terms.empty() && term_ids(c, clause.terms, ids)) out = sequence_starts(c, p, ids);
    if (clause.kind == SearchClause::Kind::Node) {
        const auto& words = c.words[static_cast<std::size_t>(p)];
        for (const Mention& m : c.mentions[static_cast<std::size_t>(p)]) {
            if (std::find(clause.nodes.begin(), clause.nodes.end(), m.node) == clause.nodes.end()) continue;
            const auto it = std::lower_bound(words.begin(), words.end(), m.begin,
                                             [](const Word& w, std::uint32_t b) { return w.end <= b; });
            if (it != words.end()) out.push_back(static_cast<std::uint32_t>(it - words.begin()));
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
}

}  // namespace

SearchMatch classify(const Corpus& corpus, const SearchQuery& query, int passage, int* exact) {
    if (exact) *exact = 0;
    if (passage < 0 || passage >= static_cast<int>(corpus.words.size())) return SearchMatch::Words;
    const auto& words = corpus.words[static_cast<std::size_t>(passage)];
    const std::string_view text = corpus.article.passages[static_cast<std::size_t>(passage)].text;
    if (exact) {
        for (const SearchClause& clause : query.clauses) {
            if (clause.kind != SearchClause::Kind::Word || clause.form.empty()) continue;
            const std::int64_t id = corpus.find_term(clause.terms.front());
            if (id < 0) continue;
            for (const Word& w : words) {
                if (w.term == static_cast<std::uint32_t>(id) &&
                    stop_word_key(text.substr(w.begin, w.end - w.begin)) == clause.form) {
                    ++*exact;
                    break;
                }
            }
        }
    }
    if (query.sequence.size() >= 2) {
        std::vector<std::uint32_t> ids;
        if (term_ids(corpus, query.sequence, ids) && !sequence_starts(corpus, passage, ids).empty())
            return SearchMatch::Phrase;
    }
    if (query.clauses.size() < 2) return SearchMatch::Words;
    // The smallest window of words holding every clause (a sweep over their positions).
    std::vector<std::pair<std::uint32_t, std::size_t>> at;  // (position, clause)
    for (std::size_t k = 0; k < query.clauses.size(); ++k) {
        const std::vector<std::uint32_t> pos = clause_positions(corpus, query.clauses[k], passage);
        if (pos.empty()) return SearchMatch::Words;
        for (const std::uint32_t x : pos) at.emplace_back(x, k);
    }
    std::sort(at.begin(), at.end());
    std::vector<int> have(query.clauses.size(), 0);
    std::size_t covered = 0, left = 0;
    std::uint32_t best = UINT32_MAX;
    for (std::size_t right = 0; right < at.size(); ++right) {
        if (have[at[right].second]++ == 0) ++covered;
        while (covered == query.clauses.size()) {
            best = std::min(best, at[right].first - at[left].first + 1);
            if (--have[at[left].second] == 0) --covered;
            ++left;
        }
    }
    return best <= query.clauses.size() + kNearWindow ? SearchMatch::Near : SearchMatch::Words;
}

std::vector<Span> hit_spans(const Corpus& corpus, const SearchQuery& query, int passage) {
    std::vector<Span> spans;
    if (passage < 0 || passage >= static_cast<int>(corpus.words.size())) return spans;
    if (query.sequence.size() >= 2) literal_spans(corpus, query.sequence, passage, spans);  // the exact phrase
    for (const SearchClause& clause : query.clauses) {
        if (!clause.terms.empty()) literal_spans(corpus, clause.terms, passage, spans);
        if (clause.kind != SearchClause::Kind::Node) continue;
        for (const Mention& m : corpus.mentions[static_cast<std::size_t>(passage)])
            if (std::find(clause.nodes.begin(), clause.nodes.end(), m.node) != clause.nodes.end())
                spans.push_back({m.begin, m.end});
    }
    merge_spans(spans);
    return spans;
}

namespace {

// classify() for a passage known to match every clause, when every clause is one word: what
// it needs comes from the clauses' postings in that passage (positions, a few words), not
// from a pass over all the passage's words. With the index's term flags it reads no words at
// all: a term in one written form meets the typed form in every passage or in none
// (kTermOneForm), and the phrase and window of plain terms (kTermPlain) come from their
// positions. Buffers are kept between passages.
struct FastClassify {
    bool usable = false;
    std::vector<std::uint32_t> term;         // per clause
    std::vector<const std::string*> form;    // per clause: the typed form, or null
    std::vector<signed char> form_met;       // per clause: 1 / 0 when the same in every passage, else -1
    std::vector<std::uint32_t> sequence;     // the sequence's term ids (empty: no phrase tier)
    bool plain = true;                       // every clause's term is plain
    bool sequence_is_terms = false;          // sequence == term, and plain: the phrase from positions
    std::size_t seq_cursor = 0;              // in the postings of sequence[0] (passages ascending)
    std::vector<std::pair<std::uint32_t, std::size_t>> at;
    std::vector<int> have;
    std::vector<std::uint32_t> cursor;       // per clause, a position index (phrase from positions)

    FastClassify(const Corpus& c, const SearchQuery& q) {
        const InvertedIndex& ix = c.index;
        for (const SearchClause& clause : q.clauses) {
            if (clause.kind != SearchClause::Kind::Word || clause.terms.size() != 1) return;
            const std::int64_t id = c.find_term(clause.terms.front());
            if (id < 0) return;
            const auto t = static_cast<std::uint32_t>(id);
            term.push_back(t);
            form.push_back(clause.form.empty() ? nullptr : &clause.form);
            form_met.push_back(clause.form.empty() || !(ix.flags[t] & kTermOneForm)
                                   ? -1
                                   : posting_has_form(c, ix.first[t], t, clause.form) ? 1 : 0);
            plain = plain && (ix.flags[t] & kTermPlain);
        }
        if (q.sequence.size() >= 2 && !term_ids(c, q.sequence, sequence)) sequence.clear();
        sequence_is_terms = plain && !sequence.empty() && sequence == term;
        have.resize(term.size());
        cursor.resize(term.size());
        usable = true;
    }

    // Whether the phrase of the clauses' terms, in clause order, starts somewhere in the
    // passage (sequence_is_terms: positions are the words').
    bool phrase_from_positions(const InvertedIndex& ix, const std::uint32_t* posting) {
        for (std::size_t k = 0; k < term.size(); ++k) cursor[k] = ix.pos_first[posting[k]];
        for (std::uint32_t j = ix.pos_first[posting[0]]; j < ix.pos_first[posting[0] + 1]; ++j) {
            const std::uint32_t pos = ix.positions[j];
            std::size_t m = 1;
            for (; m < term.size(); ++m) {
                const std::uint32_t end = ix.pos_first[posting[m] + 1];
                std::uint32_t& x = cursor[m];
                while (x < end && ix.positions[x] < pos + m) ++x;
                if (x == end) return false;  // no later occurrence of term m: no phrase from here on
                if (ix.positions[x] != pos + m) break;
            }
            if (m == term.size()) return true;
        }
        return false;
    }

    // `posting[k]`: clause k's posting in passage p. The same as classify(c, q, p, &exact).
    SearchMatch operator()(const Corpus& c, std::uint32_t p, const std::uint32_t* posting, int& exact) {
        const InvertedIndex& ix = c.index;
        exact = 0;
        for (std::size_t k = 0; k < term.size(); ++k)
            if (form_met[k] >= 0 ? form_met[k] == 1 : form[k] && posting_has_form(c, posting[k], term[k], *form[k])) ++exact;
        if (sequence_is_terms) {
            if (phrase_from_positions(ix, posting)) return SearchMatch::Phrase;
        } else if (!sequence.empty()) {
            const auto& words = c.words[p];
            const std::uint32_t* list = ix.passage.data() + ix.first[sequence[0]];
            const std::size_t size = ix.postings(sequence[0]);
            seq_cursor = static_cast<std::size_t>(std::lower_bound(list + seq_cursor, list + size, p) - list);
            if (seq_cursor < size && list[seq_cursor] == p) {
                const std::uint32_t i = ix.first[sequence[0]] + static_cast<std::uint32_t>(seq_cursor);
                for (std::uint32_t k = ix.pos_first[i]; k < ix.pos_first[i + 1]; ++k) {
                    const std::uint32_t pos = ix.positions[k];
                    if (pos + sequence.size() > words.size()) continue;
                    std::size_t m = 0;
                    while (m < sequence.size() && words[pos + m].term == sequence[m]) ++m;
                    if (m == sequence.size()) return SearchMatch::Phrase;
                }
            }
        }
        if (term.size() < 2) return SearchMatch::Words;
        at.clear();
        if (plain) {
            for (std::size_t k = 0; k < term.size(); ++k)
                for (std::uint32_t j = ix.pos_first[posting[k]]; j < ix.pos_first[posting[k] + 1]; ++j)
                    at.emplace_back(ix.positions[j], k);
        } else {
            const auto& words = c.words[p];
            for (std::size_t k = 0; k < term.size(); ++k) {
                const std::size_t before = at.size();
                for (std::uint32_t j = ix.pos_first[posting[k]]; j < ix.pos_first[posting[k] + 1]; ++j) {
                    const std::uint32_t pos = ix.positions[j];
                    if (pos < words.size() && words[pos].term == term[k]) at.emplace_back(pos, k);
                }
                if (at.size() == before) return SearchMatch::Words;  // only as a joined form here
            }
        }
        std::sort(at.begin(), at.end());
        std::fill(have.begin(), have.end(), 0);
        std::size_t covered = 0, left = 0;
        std::uint32_t best = UINT32_MAX;
        for (std::size_t right = 0; right < at.size(); ++right) {
            if (have[at[right].second]++ == 0) ++covered;
            while (covered == term.size()) {
                best = std::min(best, at[right].first - at[left].first + 1);
                if (--have[at[left].second] == 0) --covered;
                ++left;
            }
        }
        return best <= term.size() + kNearWindow ? SearchMatch::Near : SearchMatch::Words;
    }
};

}  // namespace

namespace {

// classify() with what depends on the query alone worked out once (term ids; the typed
// form's answer for a term in one written form, kTermOneForm) and buffers kept between
// passages: for the queries FastClassify does not take (names, phrases as clauses).
struct PassageClassify {
    struct Form {
        std::uint32_t term;
        const std::string* form;
        signed char met;  // 1 / 0: the answer for every passage with the term; -1: read its words
    };
    const SearchQuery& query;
    std::vector<Form> forms;                      // the word clauses with a typed form, in order
    std::vector<std::uint32_t> sequence;          // the sequence's term ids
    bool has_sequence = false;
    std::vector<std::vector<std::uint32_t>> ids;  // per clause: its terms' ids
    std::vector<char> ids_ok;                     // per clause: every term is in some passage
    std::vector<std::uint32_t> pos;
    std::vector<std::pair<std::uint32_t, std::size_t>> at;
    std::vector<int> have;

    PassageClassify(const Corpus& c, const SearchQuery& q) : query(q) {
        const InvertedIndex& ix = c.index;
        for (const SearchClause& clause : q.clauses) {
            if (clause.kind != SearchClause::Kind::Word || clause.form.empty()) continue;
            const std::int64_t id = c.find_term(clause.terms.front());
            if (id < 0) continue;
            const auto t = static_cast<std::uint32_t>(id);
            const signed char met = (ix.flags[t] & kTermOneForm) ? (posting_has_form(c, ix.first[t], t, clause.form) ? 1 : 0) : -1;
            forms.push_back({t, &clause.form, met});
        }
        has_sequence = q.sequence.size() >= 2 && term_ids(c, q.sequence, sequence);
        ids.resize(q.clauses.size());
        ids_ok.resize(q.clauses.size());
        for (std::size_t k = 0; k < q.clauses.size(); ++k)
            ids_ok[k] = !q.clauses[k].terms.empty() && term_ids(c, q.clauses[k].terms, ids[k]);
        have.resize(q.clauses.size());
    }

    static bool starts_at(const std::vector<Word>& words, std::size_t k, const std::vector<std::uint32_t>& t) {
        std::size_t m = 0;
        while (m < t.size() && words[k + m].term == t[m]) ++m;
        return m == t.size();
    }

    // The same as classify(c, query, passage, &exact).
    SearchMatch operator()(const Corpus& c, int passage, int& exact) {
        exact = 0;
        const auto& words = c.words[static_cast<std::size_t>(passage)];
        const std::string_view text = c.article.passages[static_cast<std::size_t>(passage)].text;
        for (const Form& f : forms)
            for (const Word& w : words)
                if (w.term == f.term && (f.met >= 0 ? f.met == 1 : has_word_key(text, w.begin, w.end, *f.form))) {
                    ++exact;
                    break;
                }
        if (has_sequence)
            for (std::size_t k = 0; k + sequence.size() <= words.size(); ++k)
                if (starts_at(words, k, sequence)) return SearchMatch::Phrase;
        if (query.clauses.size() < 2) return SearchMatch::Words;
        at.clear();
        for (std::size_t k = 0; k < query.clauses.size(); ++k) {
            const SearchClause& clause = query.clauses[k];
            pos.clear();
            if (ids_ok[k])
                for (std::size_t x = 0; x + ids[k].size() <= words.size(); ++x)
                    if (starts_at(words, x, ids[k])) pos.push_back(static_cast<std::uint32_t>(x));
            if (clause.kind == SearchClause::Kind::Node) {
                for (const Mention& m : c.mentions[static_cast<std::size_t>(passage)]) {
                    if (std::find(clause.nodes.begin(), clause.nodes.end(), m.node) == clause.nodes.end()) continue;
                    const auto it = std::lower_bound(words.begin(), words.end(), m.begin,
                                                     [](const Word& w, std::uint32_t b) { return w.end <= b; });
                    if (it != words.end()) pos.push_back(static_cast<std::uint32_t>(it - words.begin()));
                }
                std::sort(pos.begin(), pos.end());
                pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
            }
            if (pos.empty()) return SearchMatch::Words;
            for (const std::uint32_t x : pos) at.emplace_back(x, k);
        }
        std::sort(at.begin(), at.end());
        std::fill(have.begin(), have.end(), 0);
        std::size_t covered = 0, left = 0;
        std::uint32_t best = UINT32_MAX;
        for (std::size_t right = 0; right < at.size(); ++right) {
            if (have[at[right].second]++ == 0) ++covered;
            while (covered == query.clauses.size()) {
                best = std::min(best, at[right].first - at[left].first + 1);
                if (--have[at[left].second] == 0) --covered;
                ++left;
            }
        }
        return best <= query.clauses.size() + kNearWindow ? SearchMatch::Near : SearchMatch::Words;
    }
};

// Calls found(p, score, posting) for each passage p matching every clause (among the
// candidates), in article order; `posting` is each clause's posting in p when every clause
// is a word's view of its postings, else null. False when some clause matches nowhere.
template <class F>
bool for_each_match(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates, F&& found) {
    const int n_docs = static_cast<int>(corpus.article.passages.size());
    // Where each clause matches in the whole article (idf must not depend on the facet
    // filter, so that scores are comparable across filters).
    std::vector<ClauseList> lists;
    std::vector<double> idf;
    lists.reserve(query.clauses.size());
    bool views = true;
    for (const SearchClause& clause : query.clauses) {
        lists.push_back(clause_list(corpus, clause));
        const double df = static_cast<double>(lists.back().size);
        if (df == 0) return false;  // AND: nothing matches
        idf.push_back(bm25_idf(n_docs, df));
        views = views && lists.back().pos_first;
    }
    const double avgdl = corpus.average_length;
    const auto score_of = [&](std::size_t k, std::size_t at, std::uint32_t p) {
        return bm25_term(idf[k], lists[k].tf(at), corpus.passage_length[p], avgdl);
    };
    std::vector<std::uint32_t> posting(lists.size());  // per clause, in the current passage (views)
    // Intersect, driven by the shortest list; the others (and the candidates) are searched
    // forward from where the last match was, by galloping (cost: the driver's length times
    // the log of the gaps).
    std::size_t driver = 0;
    for (std::size_t k = 1; k < lists.size(); ++k)
        if (lists[k].size < lists[driver].size) driver = k;
    const ClauseList& d = lists[driver];
    std::vector<std::size_t> cursor(lists.size(), 0);
    std::size_t candidate = 0;
    const auto gallop = [](const auto* a, std::size_t from, std::size_t size, auto value) {
        std::size_t step = 1, lo = from, hi = from;
        while (hi < size && a[hi] < value) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        return static_cast<std::size_t>(std::lower_bound(a + lo, a + std::min(hi, size), value) - a);
    };
    for (std::size_t i = 0; i < d.size; ++i) {
        const std::uint32_t p = d.passages[i];
        if (candidates) {
            candidate = gallop(candidates->data(), candidate, candidates->size(), static_cast<int>(p));
            if (candidate == candidates->size()) break;
            if ((*candidates)[candidate] != static_cast<int>(p)) continue;
        }
        double score = 0;
        bool all = true;
        for (std::size_t k = 0; k < lists.size(); ++k) {
            const ClauseList& l = lists[k];
            std::size_t at = i;
            if (k != driver) {
                cursor[k] = gallop(l.passages, cursor[k], l.size, p);
                if (cursor[k] == l.size || l.passages[cursor[k]] != p) {
                    all = false;
                    break;
                }
                at = cursor[k];
            }
            if (views) posting[k] = static_cast<std::uint32_t>(l.passages - corpus.index.passage.data() + at);
            score += score_of(k, at, p);
        }
        if (all) found(p, score, views ? posting.data() : nullptr);
    }
    return true;
}

void all_passages(const Corpus& corpus, const std::vector<int>* candidates, std::vector<int>& passages) {
    if (candidates) {
        passages = *candidates;
    } else {
        passages.resize(corpus.article.passages.size());
        for (std::size_t p = 0; p < passages.size(); ++p) passages[p] = static_cast<int>(p);
    }
}

}  // namespace

void match(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates,
           std::vector<int>& passages, std::vector<double>& scores, std::vector<int>* ranks) {
    passages.clear();
    scores.clear();
    if (ranks) ranks->clear();
    if (query.empty()) {
        all_passages(corpus, candidates, passages);
        scores.assign(passages.size(), 0.0);
        if (ranks) ranks->assign(passages.size(), 0);
        return;
    }
    std::optional<FastClassify> fast;
    std::optional<PassageClassify> slow;
    if (ranks) {
        fast.emplace(corpus, query);
        if (!fast->usable) fast.reset();
        slow.emplace(corpus, query);
    }
    for_each_match(corpus, query, candidates, [&](std::uint32_t p, double score, const std::uint32_t* posting) {
        passages.push_back(static_cast<int>(p));
        scores.push_back(score);
        if (ranks) {
            int exact = 0;
            const SearchMatch m = fast && posting ? (*fast)(corpus, p, posting, exact)
                                                  : (*slow)(corpus, static_cast<int>(p), exact);
            ranks->push_back(search_rank(m, exact));
        }
    });
}

namespace {
// The best k passages by rank, then score, then article order: a heap whose top is the
// worst kept.
class BestK {
public:
    struct Kept {
        int rank;
        double score;
        std::uint32_t passage;
    };
    explicit BestK(std::size_t k) : k_(k) { heap_.reserve(std::min<std::size_t>(k, 4096)); }
    // Full of passages of `rank` (the highest a match can have): one scoring no higher than
    // the worst kept cannot place (it comes later, losing ties too).
    bool closed(int rank, double score) const {
        return heap_.size() == k_ && heap_.front().rank == rank && score <= heap_.front().score;
    }
    void offer(const Kept& kept) {
        if (k_ == 0) return;
        if (heap_.size() < k_) {
            heap_.push_back(kept);
            std::push_heap(heap_.begin(), heap_.end(), better);
        } else if (better(kept, heap_.front())) {
            std::pop_heap(heap_.begin(), heap_.end(), better);
            heap_.back() = kept;
            std::push_heap(heap_.begin(), heap_.end(), better);
        }
    }
    // The kept passages, best first, appended to the three lists.
    void take(std::vector<int>& passages, std::vector<double>& scores, std::vector<int>& ranks) {
        std::sort_heap(heap_.begin(), heap_.end(), better);
        for (const Kept& h : heap_) {
            passages.push_back(static_cast<int>(h.passage));
            scores.push_back(h.score);
            ranks.push_back(h.rank);
        }
        heap_.clear();
    }

private:
    static bool better(const Kept& x, const Kept& y) {
        if (x.rank != y.rank) return x.rank > y.rank;
        return x.score != y.score ? x.score > y.score : x.passage < y.passage;
    }
    std::size_t k_;
    std::vector<Kept> heap_;
};
}  // namespace

void match_top(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates, std::size_t k,
               std::vector<int>& passages, std::vector<int>& top, std::vector<double>& scores, std::vector<int>& ranks) {
    passages.clear();
    top.clear();
    scores.clear();
    ranks.clear();
    if (query.empty()) {
        all_passages(corpus, candidates, passages);
        for (std::size_t i = 0; i < passages.size() && i < k; ++i) {
            top.push_back(passages[i]);
            scores.push_back(0.0);
            ranks.push_back(0);
        }
        return;
    }
    // The highest rank a passage can have: the tiers this query can reach, every typed form met.
    int forms = 0;
    for (const SearchClause& clause : query.clauses) forms += clause.kind == SearchClause::Kind::Word && !clause.form.empty();
    const SearchMatch tier = query.sequence.size() >= 2 ? SearchMatch::Phrase
                             : query.clauses.size() >= 2 ? SearchMatch::Near : SearchMatch::Words;
    const int top_rank = search_rank(tier, forms);
    BestK best(k);
    FastClassify fast(corpus, query);
    PassageClassify slow(corpus, query);
    for_each_match(corpus, query, candidates, [&](std::uint32_t p, double score, const std::uint32_t* posting) {
        passages.push_back(static_cast<int>(p));
        if (k == 0) return;
        // Full of passages of the highest rank: one scoring no higher cannot place (it comes
        // later, losing ties too), so it is not classified at all (MaxScore's pruning applied
        // to the tiers: Turtle & Flood 1995).
        if (best.closed(top_rank, score)) return;
        int exact = 0;
        const SearchMatch m = fast.usable && posting ? fast(corpus, p, posting, exact)
                                                     : slow(corpus, static_cast<int>(p), exact);
        best.offer({search_rank(m, exact), score, p});
    });
    best.take(top, scores, ranks);
}

bool top_word(const Corpus& corpus, const SearchQuery& query, std::size_t k, std::vector<int>& passages,
              std::vector<double>& scores, std::vector<int>& ranks) {
    passages.clear();
    scores.clear();
    ranks.clear();
    if (query.clauses.size() != 1 || query.sequence.size() >= 2) return false;
    const SearchClause& clause = query.clauses.front();
    if (clause.kind != SearchClause::Kind::Word || clause.terms.size() != 1) return false;
    const std::int64_t found = corpus.find_term(clause.terms.front());
    if (found < 0) return false;
    const auto term = static_cast<std::uint32_t>(found);
    const InvertedIndex& ix = corpus.index;
    const double idf = bm25_idf(static_cast<int>(corpus.article.passages.size()), static_cast<double>(ix.postings(term)));
    const double avgdl = corpus.average_length;
    const auto score_of = [&](std::uint32_t i) { return bm25_term(idf, ix.tf(i), corpus.passage_length[ix.passage[i]], avgdl); };
    const bool has_form = !clause.form.empty();
    // One written form (kTermOneForm): the first posting's answer is every posting's.
    const int form_met = has_form && (ix.flags[term] & kTermOneForm) ? posting_has_form(corpus, ix.first[term], term, clause.form) : -1;
    const int top_rank = search_rank(SearchMatch::Words, has_form ? 1 : 0);
    BestK best(k);
    if (k > 0) {
        for (std::uint32_t b = ix.block_first[term]; b < ix.block_first[term + 1]; ++b) {
            const std::uint32_t from = ix.first[term] + (b - ix.block_first[term]) * kScoreBlock;
            const std::uint32_t to = std::min(from + kScoreBlock, ix.first[term + 1]);
            // Full of passages of the best rank: a block whose best score is no higher than
            // the worst kept cannot place (its passages come later, losing ties too).
            if (best.closed(top_rank, score_of(from + ix.block_best[b]))) continue;
            for (std::uint32_t i = from; i < to; ++i) {
                const double s = score_of(i);
                if (best.closed(top_rank, s)) continue;
                const bool exact = form_met >= 0 ? form_met == 1 : has_form && posting_has_form(corpus, i, term, clause.form);
                best.offer({search_rank(SearchMatch::Words, exact ? 1 : 0), s, ix.passage[i]});
            }
        }
    }
    best.take(passages, scores, ranks);
    return true;
}

std::vector<SearchHit> search(const Corpus& corpus, const SearchQuery& query, const std::vector<int>* candidates,
                              SearchOrder order, bool spans) {
    std::vector<int> passages, ranks;
    std::vector<double> scores;
    match(corpus, query, candidates, passages, scores, &ranks);
    std::vector<SearchHit> hits(passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
        hits[i] = {passages[i], scores[i], {}, static_cast<SearchMatch>(ranks[i] / 64), ranks[i] % 64};
    }
    if (order == SearchOrder::Ranked && !query.empty()) {
        std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) {
            const int rx = search_rank(x.match, x.exact), ry = search_rank(y.match, y.exact);
            if (rx != ry) return rx > ry;
            return x.score != y.score ? x.score > y.score : x.passage < y.passage;
        });
    }
    if (spans)
        for (SearchHit& h : hits) h.hits = hit_spans(corpus, query, h.passage);
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
