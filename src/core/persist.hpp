// Win-Win Explorer core: what the explorer keeps between visits (the last view, saved views
// with names, a slot for the notebook), as one versioned document for browser storage.
//
// Index
//   - Bookmark, Stored ...... a saved view; what is kept for one article
//   - StoredDocument ........ the whole stored value: every article's part, the notebook
//   - limits ................ kStoredJsonLimits, kMaxBookmarks, kMaxBookmarkNameBytes
//   - read_stored ........... text -> document (never throws; a foreign or corrupt value is
//                             ignored with a problem, never a broken start)
//   - write_stored .......... document -> text
//   - article_key ........... which article a part belongs to
//
// The platform keeps the text under one key of the page origin's localStorage
// (kStorageKey); the controller (controller.hpp: restore_stored, stored_json) decides what
// it means. The shape, version 1:
//
//   {"format": "win-win-explorer/stored", "version": 1,
//    "articles": {"<article key>": {"last": {"<context>": <view state>, ...},
//                                   "bookmarks": [{"name": "...", "state": <view state>}]}},
//    "notebook": {"<article key>": <notebook JSON (notebook.hpp, its own version)>, ...} or null}
//
// A view state here is view_state.hpp's to_json; "context" is "app" for the page itself and
// "embed:<id>" for an embed (each keeps its own last view). Parts of other articles are kept
// as they are (opened with another article, nothing is lost). The notebook slot is opaque
// here: its owner validates it with a NotebookCheck and a refused notebook is dropped with
// a problem; the controller keeps one notebook per article in it (Controller::
// article_notebook) and the UI checks each against its article. "Forget everything
// stored" empties the whole document, notebooks included.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "article.hpp"
#include "diagnostic.hpp"
#include "json_reader.hpp"

namespace wwe {

//------------------------------------------------------------------------------------------
// The document
//------------------------------------------------------------------------------------------

inline constexpr const char* kStorageKey = "win-win-explorer";         // the localStorage key
inline constexpr const char* kStoredFormat = "win-win-explorer/stored";  // "format"
inline constexpr int kStoredVersion = 1;                                 // "version"

// Limits: localStorage holds about 5 MB per origin; a view state is under 2 KiB, so 100
// bookmarks of 120-byte names and 20 articles' parts stay far below 1 MiB of text; the
// notebooks (notebook.hpp: at most about 2.2 MB each when full) take the rest of 4 MiB.
inline constexpr JsonLimits kStoredJsonLimits{4u << 20, 24};
inline constexpr std::size_t kMaxBookmarks = 100;
inline constexpr std::size_t kMaxBookmarkNameBytes = 120;
inline constexpr std::size_t kMaxStoredArticles = 20;

struct Bookmark {
    std::string name;     // 1..kMaxBookmarkNameBytes bytes of UTF-8, no control characters
    nlohmann::json state;  // a view state (to_json); validated against the article on use
    bool operator==(const Bookmark&) const = default;
};

// What is kept for one article.
struct Stored {
    std::map<std::string, nlohmann::json> last;  // context ("app", "embed:<id>") -> view state
    std::vector<Bookmark> bookmarks;             // in the order saved
    bool operator==(const Stored&) const = default;
};

struct StoredDocument {
    std::map<std::string, Stored> articles;  // article_key() -> its part
    nlohmann::json notebook;                 // opaque (null: none)
    bool operator==(const StoredDocument&) const = default;
};

// Checks a stored notebook value; returns "" when it is usable, else what is wrong with it
// (the problem's "found"). Unset: every value is kept.
using NotebookCheck = std::function<std::string(const nlohmann::json&)>;

//------------------------------------------------------------------------------------------
// Reading and writing
//------------------------------------------------------------------------------------------

struct StoredRead {
    StoredDocument document;           // what could be used (empty when ignored)
    std::vector<Diagnostic> problems;  // pointers into the stored document ("" = all of it)
    bool ignored = false;              // the whole value was foreign or corrupt
};

// Reads a stored value. "" (nothing stored) is an empty document with no problem. A text
// that is not JSON, over the limits, not an object, of another format or of a version this
// program does not read is ignored whole (one problem, `ignored`); within a usable
// document a bad part (a bookmark without a name, a state that is not an object, a
// refused notebook) is dropped and reported, the rest kept. Never throws.
StoredRead read_stored(std::string_view text, const NotebookCheck& check_notebook = {});

// The document as compact JSON text (read_stored reads it back equal).
std::string write_stored(const StoredDocument& document);

// The key an article's part is stored under: its title and publication date
// ("Build a New Type ... | 2016-06-20"), at most 200 bytes.
std::string article_key(const Article& article);

// A bookmark name as kept: control characters become spaces, surrounding spaces go, and
// the text is cut at kMaxBookmarkNameBytes (at a character boundary).
std::string clean_bookmark_name(std::string_view name);

}  // namespace wwe
