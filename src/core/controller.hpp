// Win-Win Explorer core: the controller — every decision the explorer makes, as values.
//
// Index
//   - Origin ............ who asked: the user, the page's script, the host page, a tour, a link
//   - intent:: .......... one value per action (a click, a key, an API call, a host message)
//   - Intent ............ the variant of them all
//   - Derived ........... the query result for the current facets + search text, per passage
//                         and per node
//   - Notice, Reveal .... the dismissible notice; the reader's "scroll there" requests
//   - Update ............ what an intent or a tick changed, with the announcement for
//                         screen readers and the parts that were refused
//   - Controller ........ owns the corpus, the ViewState, the derived result, the history
//                         and its commit policy, filter undo, tours and the kiosk's idle
//                         clock, notices and the embed constraints:
//                           load(), open_location()   the article, the page's URL
//                           apply(intent, origin, now) an intent; returns the Update
//                           tick(now), next_wakeup()  time-driven changes (settled search
//                                                     text, tour stops, the kiosk going home)
//
// Views only draw and emit intents; the page API, the host page's messages, tours and deep
// links become intents too, so one place decides history, undo, locks and notices:
//
//   origin   constraints (embed locks, views)   history                   notice
//   User     applied silently                   committed (typed search   never
//                                               text once it settled)
//   Page     applied, reported                  committed                 when not embedded
//   Host     applied, reported                  committed                 never (the host has them)
//   Tour     applied silently                   not recorded              never
//   Link     applied, reported                  a step of its own (or a   always
//                                               step back or forward when
//                                               it is a neighbour)
//
// The clock is an argument (seconds, any epoch, never decreasing): the controller reads no
// clock itself, so its tests drive it with made-up times.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "corpus.hpp"
#include "embed.hpp"
#include "history.hpp"
#include "persist.hpp"
#include "import_text.hpp"
#include "problems.hpp"
#include "query.hpp"
#include "tour.hpp"
#include "view_state.hpp"

namespace wwe {

enum class Origin {
    User,  // a click, a key or a touch in the explorer
    Page,  // a script of the explorer's own page (window.explorer)
    Host,  // the page embedding the explorer (postMessage)
    Tour,  // a tour showing its next stop
    Link,  // a deep link: the URL at start, the browser's back/forward, an edited address
};
const char* to_string(Origin origin);

//------------------------------------------------------------------------------------------
// Intents
//------------------------------------------------------------------------------------------

namespace intent {
// Views, filters, search, selection, reading.
struct ShowView { View view; };
struct ToggleFacetValue { std::string facet, value; };
struct SetFacets { FacetSelection facets; bool open_reader = false; };  // a matrix cell
struct ClearFacets {};                                                 // the embed's locks stay
struct ClearFilters {};                                                // facets and search text
struct SetQuery { std::string text; bool typing = false; };  // typing: recorded once it settles
struct SettleQuery {};                                       // the search box lost the focus
struct Select { Selection selection; };                      // kind None clears it
// The reader shows `passage` and flashes it; filters hiding it are cleared first.
// `close_details`: the layout has no room for the details beside the text (selection cleared).
struct OpenPassage { std::string passage; bool close_details = false; };
struct ReadAt { std::string passage; };  // the reader was scrolled to it ("" = the top)
// Concept map.
struct SetMapEdges { MapEdges edges; };
struct SetMinWeight { int min_weight; };
struct SetDepth { int depth; };
struct SetColorBy { std::string facet; };  // "" = by node type
struct PinNode { std::string node; float x, y; };  // layout units
struct UnpinAll {};
struct Relayout {};                                // the next seed; pins stay
struct SetMapViewport { float x, y, zoom; };       // relative, as MapState
struct FitMap {};
// Matrix and timeline.
struct SetMatrixAxes { std::string rows, columns; };
struct SetTimelineRange { double begin, end; };    // years; equal = fit
// History.
struct Back {};
struct Forward {};
struct Undo {};  // the filters (facets, search text) before their last change
// Tours.
struct StartTour { int tour; };  // index into Controller::tours()
struct NextStop {};
struct PreviousStop {};
struct StopTour {};
// The page.
struct Dismiss {};        // Esc: leave a manual tour, else clear the selection, else the search
struct DismissNotice {};
struct Activity {};       // the user touched, clicked or typed (a kiosk's idle clock)
struct GoHome { std::string reason; };    // back to the home view; `reason` is shown
struct ApplyState { std::string json; };  // a partial view state (setState, a host message)
struct OpenLink { std::string fragment; };
struct Highlight { std::string node; };   // select a concept or entity by id
// Saved views (persist.hpp; kept in browser storage by the platform).
struct SaveBookmark { std::string name; };  // the current view under `name` (same name: replaced)
struct OpenBookmark { int index; };         // into Controller::bookmarks()
struct DeleteBookmark { int index; };
struct ForgetStored {};                     // forget every bookmark and the last view, everywhere
// Another article. `text`: the file's contents (UTF-8); `name`: its file name ("speech.txt"),
// whose extension says the kind (import_text.hpp file_kind); `date`: the file's date
// ("2026-12-02", "" unknown), the publication date of an imported text. An article that
// cannot be used changes nothing: the one shown stays, with its view.
struct OpenArticle { std::string text; std::string name; std::string date; };
// Accepts the key term with this label (Controller::key_terms()) as a concept: the article
// gains it, the view stays.
struct AcceptTerm { std::string label; };
}  // namespace intent

using Intent = std::variant<intent::ShowView, intent::ToggleFacetValue, intent::SetFacets, intent::ClearFacets,
                            intent::ClearFilters, intent::SetQuery, intent::SettleQuery, intent::Select,
                            intent::OpenPassage, intent::ReadAt, intent::SetMapEdges, intent::SetMinWeight,
                            intent::SetDepth, intent::SetColorBy, intent::PinNode, intent::UnpinAll,
                            intent::Relayout, intent::SetMapViewport, intent::FitMap, intent::SetMatrixAxes,
                            intent::SetTimelineRange, intent::Back, intent::Forward, intent::Undo,
                            intent::StartTour, intent::NextStop, intent::PreviousStop, intent::StopTour,
                            intent::Dismiss, intent::DismissNotice, intent::Activity, intent::GoHome,
                            intent::ApplyState, intent::OpenLink, intent::Highlight, intent::SaveBookmark,
                            intent::OpenBookmark, intent::DeleteBookmark, intent::ForgetStored, intent::OpenArticle,
                            intent::AcceptTerm>;

// The intent's name, e.g. "ToggleFacetValue" (logs, tests).
const char* intent_name(const Intent& intent);

//------------------------------------------------------------------------------------------
// Derived state
//------------------------------------------------------------------------------------------

struct Derived {
    QueryResult result;         // core run_query over the state's facets + query (passages
                                // and counts; no paragraphs: views ask hit_spans per passage)
    std::vector<int> shown;     // passages of the result, in article order
    std::vector<char> in;       // per passage: in the result
    std::vector<char> node_in;  // per node: mentioned in a passage of the result
    bool filtered = false;      // facets or search text narrow the article
    std::uint64_t version = 0;  // changes on every recomputation (cache key)

    // True when views should dim `node` (a filter is active and excludes it).
    bool node_dimmed(int node) const { return filtered && !node_in[static_cast<std::size_t>(node)]; }
    bool passage_in(int passage) const { return in[static_cast<std::size_t>(passage)] != 0; }
};

// A notice reads plain words first: the title, then what became of each part (`plain`);
// the technical text (the parser's message, the JSON pointer) is the `problems`, which
// views fold behind a "Details" disclosure. Scripts and hosts read `problems` (stable).
struct Notice {
    std::string title;                  // what happened: "Part of this link could not be shown:"
    std::vector<std::string> plain;     // each part in words, no repeats: "The search in the link was left out."
    std::vector<std::string> problems;  // the detail: Diagnostic::to_string() of each ("error: #q: expected ...")
    bool empty() const { return title.empty() && problems.empty() && plain.empty(); }
    // Adds `d` to both lists (plain_problem(d, whole) unless that sentence is there already).
    void add(const Diagnostic& d, std::string_view whole);
    bool operator==(const Notice&) const = default;
};

// The latest "bring this passage into view" request; `serial` grows with each one.
struct Reveal {
    int passage = -1;       // passage index; -1 = the top of the reader
    bool flash = false;     // highlight it for a moment (a jump from elsewhere)
    double at = 0;          // when (the controller's clock)
    std::uint64_t serial = 0;
};

struct Update {
    bool state = false;      // state() changed
    bool result = false;     // derived() was recomputed
    bool selection = false;  // state().selection changed
    bool committed = false;  // a step was recorded in the history
    bool notice = false;     // notice() changed
    bool home = false;       // back at the home view (pop-ups close, gestures stop)
    bool tour_step = false;  // a tour showed another stop
    std::vector<Diagnostic> problems;  // parts of the intent refused or not understood
    std::string announcement;          // what changed, in a sentence or two ("" = nothing)

    bool changed() const { return state || notice || home || tour_step; }
    void merge(Update other);  // `other` happened after this one
};

struct LoadReport {
    bool ok = false;
    std::vector<std::string> errors;    // Diagnostic::to_string() of each error
    std::vector<std::string> warnings;  // same for warnings (the article is still used)
};

// The last article opened or refused (the problems panel): every problem of the file in
// plain words, with its JSON pointer and line.
struct OpenReport {
    std::string name;            // the file's name ("speech.txt"; "" for the start-up article)
    FileKind kind = FileKind::Article;
    bool opened = false;         // the file is the article shown now
    std::vector<Problem> problems;  // errors first, then warnings (lines: JSON files only)
    std::uint64_t serial = 0;    // grows with each attempt
    int errors() const;
    int warnings() const;
    // "speech.txt was opened as an article of 12 passages, with 3 warnings." / "... could
    // not be opened: 2 problems. The article shown is unchanged."
    std::string summary;
};

//------------------------------------------------------------------------------------------
// Controller
//------------------------------------------------------------------------------------------

class Controller {
public:
    static constexpr double kQuerySettleSeconds = 0.8;  // typing pauses this long: a history step

    Controller();
    ~Controller();
    Controller(const Controller&) = delete;
    Controller& operator=(const Controller&) = delete;

    // Parses, validates and indexes `json_text`. On success the article replaces the one
    // shown (state, history and embed options back to their defaults); on failure nothing
    // changes. Never throws.
    LoadReport load(std::string_view json_text);
    bool loaded() const { return corpus_ != nullptr; }
    // Grows whenever the article changes (load, OpenArticle, AcceptTerm): views drop what
    // they cached about the old one, the platform rebuilds the font atlas.
    std::uint64_t article_serial() const { return article_serial_; }
    // The last open (OpenArticle or load), with its problems.
    const OpenReport& open_report() const { return open_report_; }
    // True when the notice is the report of a file that could not be opened: the problems
    // panel (and its dialog in the mirror) shows it, so the notice banner does not repeat it.
    bool notice_is_open_report() const;
    // The article as a document of the format (what "Save as article" downloads): the file
    // as loaded, or for an imported text the article made of it, with accepted key terms.
    std::string article_json() const;
    // Where the article came from: an article file, or a text imported (key terms offered).
    FileKind source_kind() const { return source_kind_; }
    const std::string& source_name() const { return source_name_; }
    // Key terms not yet concepts, best first (import_text.hpp key_terms; computed on the
    // first call after each change of the article).
    const std::vector<KeyTerm>& key_terms() const;
    // The embed locks a facet or value the article does not have: nothing is shown but the
    // problem (a lock never fails open). notice() says why.
    bool refused() const { return refused_; }

    // At start-up: the page's options from the URL query (embed.hpp; "?" optional), then the
    // deep link `fragment`; the history starts there. `prefers`: the reader's system
    // settings (theme=auto, high contrast, reduced motion). The problems of both go to the
    // notice and the Update.
    // When ?data= names a text opened over the shipped article (embed.hpp data_opens_over),
    // the fragment's link is for that text: it waits (link_waits()) and applies to the
    // article the next OpenArticle opens (refused, as any link, when made for another
    // article id); if that file cannot be opened, the link is dropped and the notice says so.
    Update open_location(std::string_view query, std::string_view fragment, const SystemPreferences& prefers,
                         double now);
    // A deep link waits for the article of ?data= (see open_location).
    bool link_waits() const { return link_waits_; }
    // How many articles of this session are kept for links back to them (see below).
    static constexpr std::size_t kSessionArticles = 4;
    // The reader's system settings changed (a media query of the page): the theme follows
    // (returns true when it changed); reduced_motion() says the new setting.
    bool set_preferences(const SystemPreferences& prefers);

    // Applies one intent at time `now` (seconds). Nothing happens before load().
    // A link (OpenLink from Origin::Link: the browser's back and forward, an edited address)
    // made for another article opened in this session (its art= id; the last
    // kSessionArticles articles, at most 64 MB of them, are kept as their documents, with
    // accepted key terms) opens that article again and then applies: the browser's Back
    // after an Open... returns to the previous article and its view. A link for an article
    // no longer kept is refused with the link notice, the article shown stays.
    Update apply(const Intent& intent, Origin origin, double now);
    // Time-driven changes due at `now`: the typed search text settling into a history step,
    // a tour's next stop, a kiosk's idle timeout (home, then the attract tour).
    Update tick(double now);
    // When tick() next has something to do (seconds); infinity when nothing is due.
    double next_wakeup() const;

    // What the views draw from (valid once loaded()).
    const Corpus& corpus() const { return *corpus_; }
    const ViewState& state() const { return state_; }
    const Derived& derived() const { return derived_; }
    const EmbedOptions& embed() const { return embed_; }
    ThemeKind theme() const { return theme_; }            // the colours to draw with
    bool dark() const { return theme_ != ThemeKind::Light; }  // light text on dark ground
    // Movement only where the reader's action asks for it (prefers-reduced-motion): the map
    // is shown once laid out, no easing or coasting.
    bool reduced_motion() const { return prefers_.reduced_motion; }
    // Controls sized for fingers: rows, check boxes, menu items and drop-down rows at least
    // kTouchTarget CSS px tall. A kiosk always; elsewhere when the primary pointer is a
    // finger (SystemPreferences::coarse_pointer: a phone, a tablet).
    static constexpr float kTouchTarget = 44.0f;  // CSS px (WCAG 2.5.5, Apple's and Android's guidance)
    bool touch_targets() const { return embed_.kiosk || prefers_.coarse_pointer; }
    const SystemPreferences& preferences() const { return prefers_; }
    const ViewState& home() const { return defaults_; }   // where a link starts; the kiosk's home
    const std::vector<ResolvedTour>& tours() const { return tours_; }
    const TourPlayer& tour() const { return player_; }
    bool tour_autoplay() const { return autoplay_; }      // stops advance by themselves
    const Notice& notice() const { return notice_; }
    const Reveal& reveal() const { return reveal_; }
    // Changes whenever the search text changes other than by the user's typing (a link, the
    // page, undo, a tour...): the search box then shows state().query, even with the focus.
    std::uint64_t query_serial() const { return query_serial_; }
    bool can_back() const { return history_.can_back(); }
    bool can_forward() const { return history_.can_forward(); }
    bool can_undo() const { return !filter_undo_.empty(); }
    // The last state recorded in the history (the parts history records).
    const ViewState& committed() const { return committed_; }
    // True while typed search text waits to settle.
    bool query_pending() const { return query_changed_at_ >= 0; }

    // The page API's query(): {"text", "facets"} → core to_json(run_query(...)); request
    // problems go to `problems`. Does not change the state.
    std::string query_json(std::string_view request_json, std::vector<std::string>& problems) const;
    // Every string of the article, one per line: the glyphs a font atlas needs.
    std::string font_text() const;

    // What is kept between visits (persist.hpp). At start, after open_location(), the
    // platform gives what browser storage holds (`text`, "" for nothing) and whether storage
    // works (`available`: false in a sandboxed frame or with storage blocked; everything is
    // then kept in memory for the visit). The last view of this page's context comes back
    // when the page was opened without a link and is not a kiosk (a link, an embed's fixed
    // start and a kiosk's home win); a corrupt or foreign value is ignored with a notice.
    Update restore_stored(std::string_view text, bool available, double now);
    // The document to store, and a number that changes whenever it does (the platform
    // writes stored_json() when stored_serial() moved; nothing before restore_stored()).
    std::string stored_json() const;
    std::uint64_t stored_serial() const { return stored_serial_; }
    bool storage_available() const { return storage_available_; }
    // The saved views of this article, in the order saved.
    const std::vector<Bookmark>& bookmarks() const;
    // The notebook's slot in the stored document (opaque here; persist.hpp). The check runs
    // on what restore_stored() reads; set_stored_notebook() changes what is written.
    void set_notebook_check(NotebookCheck check) { notebook_check_ = std::move(check); }
    const nlohmann::json& stored_notebook() const { return stored_.notebook; }
    void set_stored_notebook(nlohmann::json notebook);
    // The open article's notebook in that slot, which holds an object from article_key() to
    // each article's notebook JSON (notebook.hpp, versioned there); null when none is kept.
    // restore_stored() drops a slot that is no such object (and a part that is no object)
    // with a notice.
    nlohmann::json article_notebook() const;
    // Keeps `notebook` (null: none) as the open article's; stored_serial() moves on a change.
    void set_article_notebook(nlohmann::json notebook);
    // Problems the shell found in a stored part it reads itself (the notebook's entries),
    // shown in the notice that what was kept could not all be used.
    Update report_stored_problems(std::vector<Diagnostic> problems);

private:
    Update change(ViewState next, Origin origin);
    void recompute();
    // Records the state in the history when a recorded part changed; typed search text
    // waits until it settles (`settle`: it has).
    void commit(Update& u, bool settle = false);
    void go(const ViewState& target, Update& u);
    void go_home(Update& u);
    void start_attract(double now, Update& u);
    void show_stop(Update& u);
    void set_notice(Notice notice, Update& u);
    void announce(const ViewState& before, bool result_changed, Update& u) const;
    static ViewState commit_key(ViewState s);

    // Parses (or imports), validates and indexes a file; on success it becomes the article.
    // `keep_view`: the view state stays (an accepted key term). Fills open_report_.
    bool install(std::string_view text, const std::string& name, FileKind kind, const std::string& date,
                 bool keep_view, std::vector<Diagnostic>& diagnostics);
    void reset_view();
    Update open_article(const intent::OpenArticle& i, Origin origin);
    // The article shown into session_ (the latest last, bounded); reopen_for_link installs
    // the one a link names, true when it did.
    void remember_article();
    bool reopen_for_link(std::string_view fragment);
    Update accept_term(const intent::AcceptTerm& i, Origin origin);
    std::vector<Diagnostic> lock_problems(const Article& article) const;

    std::unique_ptr<Corpus> corpus_;
    std::string source_json_;
    std::string source_name_;
    FileKind source_kind_ = FileKind::Article;
    std::uint64_t article_serial_ = 0;
    OpenReport open_report_;
    mutable std::vector<KeyTerm> key_terms_;
    mutable bool key_terms_ready_ = false;
    bool refused_ = false;
    std::vector<ResolvedTour> tours_;
    ViewState state_;
    Derived derived_;
    EmbedOptions embed_;
    SystemPreferences prefers_;
    ThemeKind theme_ = ThemeKind::Light;
    ViewState defaults_;

    History history_;
    ViewState committed_;
    double query_changed_at_ = -1;  // typed search text waits to settle since then
    bool typing_ = false;           // the search box has the focus
    std::optional<std::string> unsaid_query_;  // typed text not announced yet: the query before the typing
    struct FilterStep {
        FacetSelection facets;
        std::string query;
    };
    std::vector<FilterStep> filter_undo_;
    bool undoing_ = false;

    TourPlayer player_;
    bool autoplay_ = false;
    double last_input_ = -1;  // the user's last input (a kiosk's idle clock); -1: not yet

    Notice notice_;
    Reveal reveal_;
    std::uint64_t query_serial_ = 0;
    double now_ = 0;  // the time of the intent being applied

    // Kept between visits (controller_persist.cpp).
    Update apply_stored(const Intent& intent, Origin origin);
    void remember_view();  // the committed view into the stored document
    std::string stored_context() const;
    StoredDocument stored_;
    NotebookCheck notebook_check_;
    std::uint64_t stored_serial_ = 0;
    bool storage_restored_ = false;
    bool storage_available_ = false;
    bool opened_with_link_ = false;

    // A link that waits for the article of ?data= (open_location).
    bool link_waits_ = false;
    std::string pending_link_;
    bool applying_waiting_link_ = false;  // it applies now: no article is opened again for it
    // The articles of this session, for links back to them (apply): documents as opened.
    struct SessionArticle {
        std::string id, title, json, name;
        FileKind kind = FileKind::Article;
    };
    std::vector<SessionArticle> session_;
    // The article of the page as opened (open_location's, or the file of its ?data= once
    // open): an empty link (the page's first entry, which has no fragment) is for it.
    std::string page_article_id_;
    bool data_pending_ = false;  // ?data= names a file not opened yet
};

}  // namespace wwe
