#include "corpus.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "inflect.hpp"
#include "stopwords.hpp"

namespace wwe {

std::int64_t Corpus::find_term(const std::string& term) const {
    const auto it = term_ids.find(term);
    return it == term_ids.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::string Corpus::resolve_term(std::string term, std::string_view surface) const {
    if (find_term(term) >= 0) return term;
    std::string plain = unaccented_term(surface, rules);
    if (const auto it = unaccented.find(plain); it != unaccented.end()) return terms[it->second];
    if (plain != term && find_term(plain) >= 0) return plain;
    return term;
}

std::vector<std::string> Corpus::terms_for(std::string_view text) const {
    std::vector<std::string> out;
    for (Token& t : tokenize(text, rules))
        if (!t.joined) out.push_back(resolve_term(std::move(t.term), text.substr(t.begin, t.end - t.begin)));
    return out;
}

bool Corpus::is_stop_word(std::string_view word) const {
    return !stop_words.empty() && stop_words.count(stop_word_key(word)) > 0;
}

const TermSummary* Corpus::summary(std::uint32_t term) const {
    const auto it = std::lower_bound(summary_terms.begin(), summary_terms.end(), term);
    return it == summary_terms.end() || *it != term ? nullptr : &summaries[static_cast<std::size_t>(it - summary_terms.begin())];
}

int Corpus::mention_count(int node, int passage) const {
    const auto& ms = node_mentions[node];
    return static_cast<int>(std::count_if(ms.begin(), ms.end(), [&](const Mention& m) { return m.passage == passage; }));
}

namespace {

bool has_cjk(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (is_cjk(utf8_next(s, i))) return true;
    return false;
}


std::string node_pointer(const Article& a, int node) {
    int concepts = static_cast<int>(std::count_if(a.nodes.begin(), a.nodes.end(),
                                                  [](const Node& n) { return n.kind == NodeKind::Concept; }));
    return a.nodes[node].kind == NodeKind::Concept ? "/concepts/" + std::to_string(node)
                                                   : "/entities/" + std::to_string(node - concepts);
}

// Where the terms `ids` occur as consecutive words of passage p, as [first, last] word
// index pairs, found through the postings of the first term.
void find_sequence(const Corpus& c, const std::vector<std::uint32_t>& ids,
                   const std::function<void(int, std::uint32_t, std::uint32_t)>& found) {
    if (ids.empty()) return;
    const InvertedIndex& ix = c.index;
    for (std::uint32_t i = ix.first[ids[0]]; i < ix.first[ids[0] + 1]; ++i) {
        const std::uint32_t p = ix.passage[i];
        const auto& words = c.words[p];
        for (std::uint32_t k = ix.pos_first[i]; k < ix.pos_first[i + 1]; ++k) {
            const std::uint32_t pos = ix.positions[k];
            if (pos + ids.size() > words.size()) continue;
            std::size_t m = 0;
            while (m < ids.size() && words[pos + m].term == ids[m]) ++m;
            if (m == ids.size()) found(static_cast<int>(p), pos, static_cast<std::uint32_t>(pos + m - 1));
        }
    }
}

}  // namespace

Corpus build_corpus(Article article, std::vector<Diagnostic>& diagnostics) {
    Corpus c;
    c.article = std::move(article);
    c.rules = TextRules::for_language(c.article.meta.language);
    const Article& a = c.article;
    const std::size_t np = a.passages.size();
    const std::size_t nn = a.nodes.size();

    // Words with interned terms, joined compounds, and the inverted index (two passes: count,
    // then fill the flat arrays in place).
    c.words.resize(np);
    c.joined.resize(np);
    c.passage_length.resize(np);
    std::vector<std::uint32_t> postings_of, positions_of, last_passage;
    auto intern = [&](const std::string& term) -> std::uint32_t {
        const auto [it, added] = c.term_ids.try_emplace(term, static_cast<std::uint32_t>(c.terms.size()));
        if (added) {
            c.terms.push_back(term);
            postings_of.push_back(0);
            positions_of.push_back(0);
            last_passage.push_back(UINT32_MAX);
        }
        return it->second;
    };
    std::size_t total = 0;
    StemMemo stems;
    const std::function<std::uint32_t(const std::string&)> intern_fn = intern;
    std::vector<Token> tokens;
    for (std::size_t p = 0; p < np; ++p) {
        // Each distinct word is interned once, when the memo first meets it (Token::id).
        tokenize(a.passages[p].text, tokens, stems, c.rules, intern_fn);
        const auto joined = static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.joined; }));
        c.words[p].reserve(tokens.size() - joined);  // exactly: no slack in the largest per-passage array
        c.joined[p].reserve(joined);
        for (Token& t : tokens) {
            const std::uint32_t id = t.id != UINT32_MAX ? t.id : intern(t.term);
            if (t.joined) c.joined[p].push_back({id, t.begin, t.end, t.position});
            else c.words[p].push_back({id, t.begin, t.end});
            if (last_passage[id] != p) {
                last_passage[id] = static_cast<std::uint32_t>(p);
                ++postings_of[id];
            }
            ++positions_of[id];
        }
        c.passage_length[p] = static_cast<int>(c.words[p].size());
        total += c.words[p].size();
    }
    // Accent-less spellings of the text's words (only words with Latin accents differ).
    for (const auto& [raw, entry] : stems) {
        if (entry.id == UINT32_MAX || std::all_of(raw.begin(), raw.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
            continue;
        std::string plain = unaccented_term(raw, c.rules);
        if (plain == entry.term) continue;
        const auto [it, added] = c.unaccented.try_emplace(std::move(plain), entry.id);
        const std::uint32_t held = it->second;
        if (!added && (postings_of[entry.id] > postings_of[held] || (postings_of[entry.id] == postings_of[held] && entry.id < held)))
            it->second = entry.id;
    }
    const std::size_t nt = c.terms.size();
    InvertedIndex& ix = c.index;
    ix.first.assign(nt + 1, 0);
    std::vector<std::uint32_t> pos_base(nt + 1, 0);
    for (std::size_t t = 0; t < nt; ++t) {
        ix.first[t + 1] = ix.first[t] + postings_of[t];
        pos_base[t + 1] = pos_base[t] + positions_of[t];
    }
    ix.passage.assign(ix.first[nt], 0);
    ix.pos_first.assign(ix.first[nt] + 1, 0);
    ix.positions.assign(pos_base[nt], 0);
    std::vector<std::uint32_t> next_posting(ix.first.begin(), ix.first.end() - 1), next_position(pos_base.begin(), pos_base.end() - 1);
    std::fill(last_passage.begin(), last_passage.end(), UINT32_MAX);
    auto occur = [&](std::uint32_t id, std::uint32_t p, std::uint32_t position) {
        if (last_passage[id] != p) {
            last_passage[id] = p;
            const std::uint32_t i = next_posting[id]++;
            ix.passage[i] = p;
            ix.pos_first[i] = next_position[id];
        }
        ix.positions[next_position[id]++] = position;
    };
    // Term flags: plain until a joined form has the term; one form while each of its words
    // has the folded form of its first (`form_of`, filled as the terms are first met).
    ix.flags.assign(nt, kTermPlain | kTermOneForm);
    std::vector<std::string> form_of(nt);
    std::vector<char> seen(nt, 0);
    for (std::size_t p = 0; p < np; ++p) {
        const std::string_view text = a.passages[p].text;
        for (std::size_t k = 0; k < c.words[p].size(); ++k) {
            const Word& w = c.words[p][k];
            occur(w.term, static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(k));
            if (!(ix.flags[w.term] & kTermOneForm)) continue;
            if (!seen[w.term]) {
                seen[w.term] = 1;
                form_of[w.term] = stop_word_key(text.substr(w.begin, w.end - w.begin));
            } else if (!has_word_key(text, w.begin, w.end, form_of[w.term])) {
                ix.flags[w.term] &= static_cast<std::uint8_t>(~kTermOneForm);
            }
        }
        for (const JoinedWord& j : c.joined[p]) {
            occur(j.term, static_cast<std::uint32_t>(p), j.position);
            ix.flags[j.term] = 0;
        }
    }
    ix.pos_first[ix.first[nt]] = pos_base[nt];
    for (std::size_t i = 0; i < ix.passage.size(); ++i)  // joined forms were added after the words
        std::sort(ix.positions.begin() + ix.pos_first[i], ix.positions.begin() + ix.pos_first[i + 1]);
    c.average_length = np ? static_cast<double>(total) / static_cast<double>(np) : 0.0;

    // Block maxima: per block of kScoreBlock postings, the one scoring highest alone.
    ix.block_first.assign(nt + 1, 0);
    for (std::size_t t = 0; t < nt; ++t)
        ix.block_first[t + 1] = ix.block_first[t] + (postings_of[t] + kScoreBlock - 1) / kScoreBlock;
    ix.block_best.assign(ix.block_first[nt], 0);
    for (std::size_t t = 0; t < nt; ++t) {
        const double idf = bm25_idf(static_cast<double>(np), static_cast<double>(postings_of[t]));
        for (std::uint32_t b = ix.block_first[t]; b < ix.block_first[t + 1]; ++b) {
            const std::uint32_t from = ix.first[t] + (b - ix.block_first[t]) * kScoreBlock;
            const std::uint32_t to = std::min(from + kScoreBlock, ix.first[t + 1]);
            double best = -1;
            for (std::uint32_t i = from; i < to; ++i) {
                const double s = bm25_term(idf, ix.tf(i), c.passage_length[ix.passage[i]], c.average_length);
                if (s > best) {
                    best = s;
                    ix.block_best[b] = static_cast<std::uint8_t>(i - from);
                }
            }
        }
    }

    // Facet values, passage lists.
    c.facet_passages.resize(a.facets.size());
    for (std::size_t f = 0; f < a.facets.size(); ++f) c.facet_passages[f].resize(a.facets[f].values.size());
    for (std::size_t p = 0; p < np; ++p)
        for (const auto& [f, values] : a.passages[p].facets)
            for (const int v : values) c.facet_passages[static_cast<std::size_t>(f)][static_cast<std::size_t>(v)].push_back(static_cast<int>(p));
    c.facet_slot.assign(a.facets.size() + 1, 0);
    for (std::size_t f = 0; f < a.facets.size(); ++f)
        c.facet_slot[f + 1] = c.facet_slot[f] + static_cast<std::uint32_t>(a.facets[f].values.size());
    c.tag_first.assign(np + 1, 0);
    for (std::size_t p = 0; p < np; ++p) {
        for (const auto& [f, values] : a.passages[p].facets)
            for (const int v : values) c.tags.push_back(c.facet_slot[static_cast<std::size_t>(f)] + static_cast<std::uint32_t>(v));
        c.tag_first[p + 1] = static_cast<std::uint32_t>(c.tags.size());
    }
    c.tags.shrink_to_fit();

    // Mentions: every occurrence of every matchable form of every node.
    struct Candidate {
        Mention m;
        std::size_t words;  // length in words, for "longer wins"
    };
    std::vector<std::vector<Candidate>> candidates(np);
    c.node_mentions.assign(nn, {});  // every occurrence first; the displayed ones below
    c.node_passages.assign(nn, {});
    std::vector<std::size_t> raw_occurrences(nn, 0);
    for (std::size_t n = 0; n < nn; ++n) {
        const Node& node = a.nodes[n];
        const std::string np_ptr = node_pointer(a, static_cast<int>(n));
        struct Form {
            std::string text;
            std::string pointer;
            bool must_occur;
        };
        std::vector<Form> forms;
        if (node.match) forms.push_back({node.label, np_ptr + "/label", true});
        for (std::size_t k = 0; k < node.aliases.size(); ++k) {
            const Alias& al = node.aliases[k];
            if (al.kind == AliasKind::Translation) continue;
            forms.push_back({al.text, np_ptr + "/aliases/" + std::to_string(k), al.kind == AliasKind::Variant});
        }
        std::set<std::tuple<int, std::uint32_t, std::uint32_t>> seen_spans;  // one mention per place
        for (const Form& form : forms) {
            // The form's words as written (inflection keys): a mention has the name's own
            // word forms, never derived words sharing their stems (inflect.hpp).
            std::vector<std::string> keys;
            for (const Token& t : tokenize(form.text))
                if (!t.joined) keys.push_back(inflection_key(std::string_view(form.text).substr(t.begin, t.end - t.begin), c.rules));
            std::vector<std::uint32_t> ids;
            for (const std::string& term : c.terms_for(form.text)) {
                const std::int64_t id = c.find_term(term);
                if (id < 0) {  // a word no passage has: the form occurs nowhere
                    ids.clear();
                    break;
                }
                ids.push_back(static_cast<std::uint32_t>(id));
            }
            bool occurred = false;
            find_sequence(c, ids, [&](int p, std::uint32_t first, std::uint32_t last) {
                const auto& words = c.words[static_cast<std::size_t>(p)];
                const std::string& text = a.passages[static_cast<std::size_t>(p)].text;
                if (keys.size() == last - first + 1) {
                    for (std::uint32_t k = first; k <= last; ++k) {
                        const Word& w = words[k];
                        if (inflection_key(std::string_view(text).substr(w.begin, w.end - w.begin), c.rules) != keys[k - first])
                            return;  // a derived form ("connected" is no "connectivity")
                    }
                }
                occurred = true;
                Mention m{static_cast<int>(n), p, words[first].begin, words[last].end};
                // A mention inside a hyphenated compound covers the whole compound
                // ("counter-terrorism" for "terrorism").
                for (const JoinedWord& j : c.joined[static_cast<std::size_t>(p)]) {
                    if (j.begin >= m.end) break;
                    if (j.end <= m.begin) continue;
                    m.begin = std::min(m.begin, j.begin);
                    m.end = std::max(m.end, j.end);
                }
                if (!seen_spans.emplace(m.passage, m.begin, m.end).second) return;
                c.node_mentions[n].push_back(m);
                candidates[static_cast<std::size_t>(p)].push_back({m, last - first + 1});
            });
            if (!occurred && form.must_occur)
                diagnostics.push_back({Severity::Warning, form.pointer,
                                       form.pointer.ends_with("/label")
                                           ? "the label to occur in the text (or \"match\": false)"
                                           : "a variant that occurs in the text",
                                       "\"" + utf8_truncate(form.text, 80) + "\" in no passage"});
        }
        raw_occurrences[n] = c.node_mentions[n].size();
    }

    // Non-overlapping mentions for display: longer first, then earlier, then file order.
    c.mentions.resize(np);
    for (std::size_t p = 0; p < np; ++p) {
        auto& cand = candidates[p];
        // Overlapping occurrences of one node become one mention covering both
        // ("General Secretary Xi" + "Xi Jinping" -> "General Secretary Xi Jinping").
        std::sort(cand.begin(), cand.end(), [](const Candidate& x, const Candidate& y) {
            return x.m.node != y.m.node ? x.m.node < y.m.node : x.m.begin < y.m.begin;
        });
        std::vector<Candidate> merged;
        for (const Candidate& k : cand) {
            if (!merged.empty() && merged.back().m.node == k.m.node && k.m.begin < merged.back().m.end) {
                Candidate& last = merged.back();
                if (k.m.end > last.m.end) {
                    last.words += k.words;  // an upper bound of the union's length: fine for ranking
                    last.m.end = k.m.end;
                }
            } else {
                merged.push_back(k);
            }
        }
        cand = std::move(merged);
        std::stable_sort(cand.begin(), cand.end(), [](const Candidate& x, const Candidate& y) {
            return x.words != y.words ? x.words > y.words : x.m.begin < y.m.begin;
        });
        // The mentions kept so far are disjoint: begin -> end, so one look at the neighbours
        // says whether a candidate overlaps any (O(log n) each; a passage repeating one
        // label word 100,000 times indexes in linearithmic, not quadratic, time).
        std::map<std::uint32_t, std::uint32_t> taken;
        for (const Candidate& k : cand) {
            auto next = taken.lower_bound(k.m.end);  // the first kept mention starting at or after our end
            const bool overlaps = next != taken.begin() && std::prev(next)->second > k.m.begin;
            if (overlaps) continue;
            taken.emplace(k.m.begin, k.m.end);
            c.mentions[p].push_back(k.m);
        }
        std::sort(c.mentions[p].begin(), c.mentions[p].end(),
                  [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
    }

    // A node's mentions are the ones the reader shows: counts, evidence lists and search
    // agree with the highlighting.
    for (auto& list : c.node_mentions) list.clear();
    for (std::size_t p = 0; p < np; ++p)
        for (const Mention& m : c.mentions[p]) {
            c.node_mentions[m.node].push_back(m);
            if (c.node_passages[m.node].empty() || c.node_passages[m.node].back() != m.passage)
                c.node_passages[m.node].push_back(m.passage);
        }
    for (std::size_t n = 0; n < nn; ++n) {
        if (!c.node_mentions[n].empty()) continue;
        const Node& node = a.nodes[n];
        if (raw_occurrences[n] > 0)
            diagnostics.push_back({Severity::Warning, node_pointer(a, static_cast<int>(n)),
                                   "a concept or entity mentioned outside other names",
                                   "\"" + utf8_truncate(node.label, 80) + "\" only inside longer names"});
        else if (node.match || std::any_of(node.aliases.begin(), node.aliases.end(),
                                           [](const Alias& al) { return al.kind != AliasKind::Translation; }))
            diagnostics.push_back({Severity::Warning, node_pointer(a, static_cast<int>(n)),
                                   "a concept or entity mentioned in some passage",
                                   "\"" + utf8_truncate(node.label, 80) + "\" mentioned nowhere"});
    }

    // Summaries of the frequent terms (facet and node counts over their passages).
    {
        std::vector<int> node_count(nn, 0);
        for (std::size_t t = 0; t < nt; ++t) {
            if (postings_of[t] < kSummaryPostings) continue;
            TermSummary sum;
            sum.slots.assign(c.facet_slot.back(), 0);
            for (std::uint32_t i = ix.first[t]; i < ix.first[t + 1]; ++i) {
                const std::uint32_t p = ix.passage[i];
                for (std::uint32_t k = c.tag_first[p]; k < c.tag_first[p + 1]; ++k) ++sum.slots[c.tags[k]];
                for (const Mention& m : c.mentions[p]) ++node_count[static_cast<std::size_t>(m.node)];
            }
            for (std::size_t n = 0; n < nn; ++n)
                if (node_count[n] > 0) {
                    sum.nodes.emplace_back(static_cast<int>(n), node_count[n]);
                    node_count[n] = 0;
                }
            c.summary_terms.push_back(static_cast<std::uint32_t>(t));
            c.summaries.push_back(std::move(sum));
        }
    }

    // Name forms for query rewriting: label and every alias, translations included.
    for (std::size_t n = 0; n < nn; ++n) {
        const Node& node = a.nodes[n];
        auto add = [&](const std::string& text) {
            Corpus::NameForm f;
            f.node = static_cast<int>(n);
            if (has_cjk(text)) f.folded = fold_text(text);
            else f.terms = c.terms_for(text);
            if (!f.terms.empty() || !f.folded.empty()) c.name_forms.push_back(std::move(f));
        };
        add(node.label);
        for (const Alias& al : node.aliases) add(al.text);
    }
    // Longest first, so that the longest name wins when a query holds several.
    std::stable_sort(c.name_forms.begin(), c.name_forms.end(), [](const auto& x, const auto& y) {
        return std::max(x.terms.size(), x.folded.size()) > std::max(y.terms.size(), y.folded.size());
    });

    // Stop words: the article's, else the built-in list of its language.
    for (const std::string& w : a.stop_words_given ? a.stop_words : default_stop_words(a.meta.language))
        c.stop_words.insert(stop_word_key(w));

    // Facet values no passage has.
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        const Facet& facet = a.facets[f];
        if (facet.built_in) continue;
        for (std::size_t v = 0; v < facet.values.size(); ++v) {
            const bool used = !c.facet_passages[f][v].empty();
            // A value whose id was refused (empty in a partial article) has that error, which
            // counts the passages that name it: no second word about it.
            if (!used && !facet.values[v].id.empty())
                diagnostics.push_back({Severity::Warning, "/facets/" + std::to_string(f) + "/values/" + std::to_string(v),
                                       "a facet value that some passage has", "\"" + facet.values[v].id + "\" on no passage"});
        }
    }
    return c;
}

void text_warnings(const std::optional<Article>& partial, std::vector<Diagnostic>& diagnostics) {
    if (!partial) return;
    std::vector<Diagnostic> found;
    build_corpus(*partial, found);
    for (Diagnostic& d : found)
        if (d.severity == Severity::Warning) diagnostics.push_back(std::move(d));
}

}  // namespace wwe
