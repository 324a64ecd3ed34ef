#include "corpus.hpp"

#include <algorithm>

namespace wwe {

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

// Where the words of `form` occur in `words`, as [first, last] word index pairs.
std::vector<std::pair<std::size_t, std::size_t>> find_sequence(const std::vector<Token>& words,
                                                               const std::vector<std::string>& form) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    if (form.empty() || words.size() < form.size()) return found;
    for (std::size_t i = 0; i + form.size() <= words.size(); ++i) {
        std::size_t k = 0;
        while (k < form.size() && words[i + k].term == form[k]) ++k;
        if (k == form.size()) found.emplace_back(i, i + k - 1);
    }
    return found;
}

}  // namespace

Corpus build_corpus(Article article, std::vector<Diagnostic>& diagnostics) {
    Corpus c;
    c.article = std::move(article);
    const Article& a = c.article;
    const std::size_t np = a.passages.size();
    const std::size_t nn = a.nodes.size();

    // Tokens, words and the inverted index.
    c.tokens.resize(np);
    c.words.resize(np);
    c.passage_length.resize(np);
    std::size_t total = 0;
    for (std::size_t p = 0; p < np; ++p) {
        c.tokens[p] = tokenize(a.passages[p].text);
        for (const Token& t : c.tokens[p]) {
            auto& postings = c.index[t.term];
            if (postings.empty() || postings.back().passage != static_cast<int>(p))
                postings.push_back({static_cast<int>(p), {}});
            postings.back().positions.push_back(t.position);
            if (!t.joined) c.words[p].push_back(t);
        }
        c.passage_length[p] = static_cast<int>(c.words[p].size());
        total += c.words[p].size();
    }
    for (auto& [term, postings] : c.index)
        for (Posting& posting : postings) std::sort(posting.positions.begin(), posting.positions.end());
    c.average_length = np ? static_cast<double>(total) / static_cast<double>(np) : 0.0;

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
        std::vector<std::pair<int, std::pair<std::uint32_t, std::uint32_t>>> seen_spans;
        for (const Form& form : forms) {
            std::vector<std::string> terms = terms_of(form.text);
            bool occurred = false;
            for (std::size_t p = 0; p < np; ++p) {
                for (auto [first, last] : find_sequence(c.words[p], terms)) {
                    occurred = true;
                    Mention m{static_cast<int>(n), static_cast<int>(p), c.words[p][first].begin, c.words[p][last].end};
                    auto key = std::make_pair(m.passage, std::make_pair(m.begin, m.end));
                    if (std::find(seen_spans.begin(), seen_spans.end(), key) != seen_spans.end()) continue;
                    seen_spans.push_back(key);
                    c.node_mentions[n].push_back(m);
                    candidates[p].push_back({m, last - first + 1});
                }
            }
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
        for (const Candidate& k : cand) {
            bool overlaps = std::any_of(c.mentions[p].begin(), c.mentions[p].end(), [&](const Mention& m) {
                return k.m.begin < m.end && m.begin < k.m.end;
            });
            if (!overlaps) c.mentions[p].push_back(k.m);
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

    // Name forms for query rewriting: label and every alias, translations included.
    for (std::size_t n = 0; n < nn; ++n) {
        const Node& node = a.nodes[n];
        auto add = [&](const std::string& text) {
            Corpus::NameForm f;
            f.node = static_cast<int>(n);
            if (has_cjk(text)) f.folded = fold_text(text);
            else f.terms = terms_of(text);
            if (!f.terms.empty() || !f.folded.empty()) c.name_forms.push_back(std::move(f));
        };
        add(node.label);
        for (const Alias& al : node.aliases) add(al.text);
    }
    // Longest first, so that the longest name wins when a query holds several.
    std::stable_sort(c.name_forms.begin(), c.name_forms.end(), [](const auto& x, const auto& y) {
        return std::max(x.terms.size(), x.folded.size()) > std::max(y.terms.size(), y.folded.size());
    });

    // Facet values no passage has.
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        const Facet& facet = a.facets[f];
        if (facet.built_in) continue;
        for (std::size_t v = 0; v < facet.values.size(); ++v) {
            bool used = std::any_of(a.passages.begin(), a.passages.end(), [&](const Passage& p) {
                auto it = p.facets.find(static_cast<int>(f));
                return it != p.facets.end() &&
                       std::find(it->second.begin(), it->second.end(), static_cast<int>(v)) != it->second.end();
            });
            if (!used)
                diagnostics.push_back({Severity::Warning, "/facets/" + std::to_string(f) + "/values/" + std::to_string(v),
                                       "a facet value that some passage has", "\"" + facet.values[v].id + "\" on no passage"});
        }
    }
    return c;
}

}  // namespace wwe
