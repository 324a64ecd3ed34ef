// Win-Win Explorer core: the notebook — passages a reader collects across searches, each
// with the reader's own note, and its exports.
//
// Index
//   - NotebookEntry ...... one collected passage (or a part of it), where it came from, a note
//   - Notebook ........... the entries in the order collected; add/remove/set_note
//   - to_json / notebook_from_json ... the versioned JSON kept in the browser
//   - notebook_markdown .. cited Markdown: each passage quoted, its citation, link and note
//   - notebook_html ...... the same as a self-contained HTML document
//   - notebook_csl_json .. CSL-JSON (Citation Style Language 1.0.1 data schema), one item
//                          per entry, which Zotero and other reference managers import
//
// JSON shape (version 1):
//   {"format": "win-win-explorer/notebook", "version": 1, "article": meta title,
//    "entries": [{"passage": passage id, "note": "…", "query": "…" (the search it came
//                 from), "from": "reader"|"search"|"map"|"contexts", "quote": [begin, end]
//                 (bytes of the passage text; absent = the whole passage)}]}
// Reading skips (and reports, with its JSON pointer) every entry whose passage the article
// has not, or whose members are wrong; the others are kept. A notebook of another article
// (a different title) is reported and read as far as its passage ids fit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus.hpp"
#include "json_reader.hpp"

namespace wwe {

inline constexpr int kNotebookVersion = 1;
inline constexpr std::size_t kMaxNotebookEntries = 500;
inline constexpr std::size_t kMaxNoteBytes = 4000;
// A stored notebook: 500 entries with their longest notes are about 2.2 MB; 4 levels deep.
inline constexpr JsonLimits kNotebookJsonLimits{4u << 20, 8};

struct NotebookEntry {
    std::string passage;    // passage id
    std::string note;       // the reader's own words, "" for none
    std::string query;      // the search text it was found with, "" for none
    std::string from;       // "reader", "search", "map", "contexts"
    std::uint32_t begin = 0, end = 0;  // a part of the passage (bytes); end == 0: all of it
    bool operator==(const NotebookEntry&) const = default;
};

struct Notebook {
    std::vector<NotebookEntry> entries;

    // Adds `entry` at the end; false (and nothing added) when the same passage part is in
    // already or the notebook is full (kMaxNotebookEntries).
    bool add(NotebookEntry entry);
    // Removes entry `i`; false when there is none.
    bool remove(std::size_t i);
    // Sets entry `i`'s note (cut to kMaxNoteBytes); false when there is none.
    bool set_note(std::size_t i, std::string note);
    bool contains(const std::string& passage) const;
    bool operator==(const Notebook&) const = default;
};

nlohmann::json to_json(const Notebook& notebook, const Corpus& corpus);
Notebook notebook_from_json(const nlohmann::json& j, const Corpus& corpus, std::vector<Diagnostic>& problems);

// The quoted text of an entry (its part, or the passage).
std::string entry_text(const Corpus& corpus, const NotebookEntry& entry);

// Exports. `link_base`: the explorer's address without fragment ("https://…/index.html");
// each entry links to `link_base#<fragment of its passage>`; "" leaves links out.
std::string notebook_markdown(const Corpus& corpus, const Notebook& notebook, const std::string& link_base);
std::string notebook_html(const Corpus& corpus, const Notebook& notebook, const std::string& link_base);
std::string notebook_csl_json(const Corpus& corpus, const Notebook& notebook, const std::string& link_base);

// The deep-link fragment that opens the reader at `passage` (index).
std::string passage_fragment(const Corpus& corpus, int passage);

}  // namespace wwe
