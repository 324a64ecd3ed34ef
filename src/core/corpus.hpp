// Win-Win Explorer core: the article with everything derived from it once at load time.
//
// Index
//   - Mention ........... one occurrence of a node (concept/entity) in a passage
//   - Corpus ............ article + tokens + mentions + inverted index, built once
//   - build_corpus ...... derive it all; adds text-dependent warnings
//
// Building is linear in the text size times the number of alias forms; everything views
// need per frame (mentions per passage, passages per node) is precomputed here.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "article.hpp"
#include "load.hpp"
#include "text.hpp"

namespace wwe {

struct Mention {
    int node = -1;
    int passage = -1;
    std::uint32_t begin = 0;  // byte offsets into Passage::text
    std::uint32_t end = 0;
};

struct Posting {
    int passage = -1;
    std::vector<std::uint32_t> positions;  // token positions of the term, ascending
};

struct Corpus {
    Article article;

    std::vector<std::vector<Token>> tokens;      // per passage
    std::vector<std::vector<Token>> words;       // per passage: tokens without joined forms,
                                                 // so words[p][k].position == k
    std::vector<std::vector<Mention>> mentions;  // per passage, by begin; non-overlapping (the
                                                 // longer of two overlapping mentions wins)
    std::vector<std::vector<Mention>> node_mentions;  // per node: its mentions as the reader
                                                      // shows them (see `mentions`), in article order
    std::vector<std::vector<int>> node_passages; // per node: passages mentioning it, ascending

    // Inverted index: term -> postings (ascending passage).
    std::unordered_map<std::string, std::vector<Posting>> index;
    std::vector<int> passage_length;  // tokens per passage (BM25 |d|), joined forms excluded
    double average_length = 0;        // BM25 avgdl

    // Alias forms for query rewriting: each searchable name of each node, as normalised
    // terms (Latin script) or folded text (CJK, matched as a substring of the query).
    struct NameForm {
        int node = -1;
        std::vector<std::string> terms;  // empty for CJK forms
        std::string folded;              // case-folded text, for CJK forms
    };
    std::vector<NameForm> name_forms;

    // Number of mentions of `node` in `passage` (see node_mentions).
    int mention_count(int node, int passage) const;
};

// Derives tokens, mentions and the index from `article`. Appends warnings to `diagnostics`:
// a variant alias or matched label never found in the text, a node never mentioned,
// a facet value no passage has.
Corpus build_corpus(Article article, std::vector<Diagnostic>& diagnostics);

}  // namespace wwe
