#include "controller.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

#include <nlohmann/json.hpp>

#include "deep_link.hpp"
#include "json_reader.hpp"
#include "describe.hpp"
#include "load.hpp"

namespace wwe {

namespace {
constexpr std::size_t kMaxFilterUndo = 100;
constexpr std::uint32_t kMaxSeed = 2147483647u;

const char* const kLinkNotice = "Part of this link could not be shown:";
const char* const kStateNotice = "Part of the requested view could not be shown:";
const char* const kHighlightNotice = "The page asked for something the explorer could not show:";
const char* const kRefusedNotice =
    "This embed locks filters the article does not have, so the explorer shows nothing:";
const char* const kHomeNotice = "The explorer started again from its home view:";

// What a notice's problem of the whole input (pointer "") is about, for plain_problem.
std::string_view whole_of(const char* title) {
    if (title == kStateNotice) return "the requested view";
    if (title == kHighlightNotice) return "the page's request";
    return "the link";
}

Diagnostic problem(std::string pointer, std::string expected, std::string found) {
    return {Severity::Error, std::move(pointer), std::move(expected), std::move(found)};
}

std::string quoted(const std::string& s) { return "\"" + utf8_truncate(s, 60) + "\""; }



bool facet_value_exists(const Article& a, const std::string& facet, const std::string& value) {
    const int f = a.find_facet(facet);
    return f >= 0 && a.facets[static_cast<std::size_t>(f)].find_value(value) >= 0;
}

bool selection_valid(const Article& a, const Selection& s) {
    switch (s.kind) {
    case Selection::Kind::None: return true;
    case Selection::Kind::Node: return a.find_node(s.id) >= 0;
    case Selection::Kind::Passage: return a.find_passage(s.id) >= 0;
    case Selection::Kind::Event:
        return std::any_of(a.events.begin(), a.events.end(), [&](const Event& e) { return e.id == s.id; });
    case Selection::Kind::Relation:
        return std::any_of(a.relations.begin(), a.relations.end(), [&](const Relation& r) { return r.id == s.id; });
    case Selection::Kind::Pair: {
        int x = -1, y = -1;
        return pair_nodes(a, s.id, x, y) && pair_id(a, x, y) == s.id;
    }
    }
    return false;
}

std::string facet_label(const Article& a, const std::string& facet) {
    const int f = a.find_facet(facet);
    return f >= 0 ? a.facets[static_cast<std::size_t>(f)].label : facet;
}

std::string value_label(const Article& a, const std::string& facet, const std::string& value) {
    const int f = a.find_facet(facet);
    if (f < 0) return value;
    const Facet& fa = a.facets[static_cast<std::size_t>(f)];
    const int v = fa.find_value(value);
    return v >= 0 ? fa.values[static_cast<std::size_t>(v)].label : value;
}

void add_sentence(std::string& out, const std::string& sentence) {
    if (sentence.empty()) return;
    if (!out.empty()) out += ' ';
    out += sentence;
}

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// A problem of a file opened: its words (already plain: the place, then what is wrong)
// first; the detail adds where it is (JSON pointer, line).
void file_problem(Notice& n, const Problem& p, const std::string& prefix) {
    n.plain.push_back(prefix + p.message);
    const std::string where = problem_place_text(p);
    n.problems.push_back(prefix + p.message + (where.empty() ? "" : " (" + where + ")"));
}
}  // namespace

void Notice::add(const Diagnostic& d, std::string_view whole) {
    problems.push_back(d.to_string());
    std::string words = plain_problem(d, whole);
    if (std::find(plain.begin(), plain.end(), words) == plain.end()) plain.push_back(std::move(words));
}

const char* to_string(Origin origin) {
    switch (origin) {
    case Origin::User: return "user";
    case Origin::Page: return "page";
    case Origin::Host: return "host";
    case Origin::Tour: return "tour";
    case Origin::Link: return "link";
    }
    return "user";
}

const char* intent_name(const Intent& intent) {
    static const char* const names[] = {
        "ShowView",     "ToggleFacetValue", "SetFacets",      "ClearFacets",   "ClearFilters",  "SetQuery",
        "SettleQuery",  "Select",           "OpenPassage",    "ReadAt",        "SetMapEdges",   "SetMinWeight",
        "SetDepth",     "SetColorBy",       "PinNode",        "UnpinAll",      "Relayout",      "SetMapViewport",
        "FitMap",       "SetMatrixAxes",    "SetTimelineRange", "Back",        "Forward",       "Undo",
        "StartTour",    "NextStop",         "PreviousStop",   "StopTour",      "Dismiss",       "DismissNotice",
        "Activity",     "GoHome",           "ApplyState",     "OpenLink",      "Highlight",     "SaveBookmark",
        "OpenBookmark", "DeleteBookmark",   "ForgetStored",
        "OpenArticle",  "AcceptTerm"};
    static_assert(sizeof names / sizeof names[0] == std::variant_size_v<Intent>, "a name per intent");
    return names[intent.index()];
}

void Update::merge(Update other) {
    state = state || other.state;
    result = result || other.result;
    selection = selection || other.selection;
    committed = committed || other.committed;
    notice = notice || other.notice;
    home = home || other.home;
    tour_step = tour_step || other.tour_step;
    for (Diagnostic& d : other.problems) problems.push_back(std::move(d));
    add_sentence(announcement, other.announcement);
}

Controller::Controller() = default;
Controller::~Controller() = default;

//------------------------------------------------------------------------------------------
// Loading and the page's location
//------------------------------------------------------------------------------------------

int OpenReport::errors() const {
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [](const Problem& p) { return p.severity == Severity::Error; }));
}
int OpenReport::warnings() const { return static_cast<int>(problems.size()) - errors(); }

namespace {
std::string count_of(int n, const char* one, const char* many) {
    return n == 1 ? std::string("1 ") + one : std::to_string(n) + " " + many;
}
}  // namespace

bool Controller::install(std::string_view text, const std::string& name, FileKind kind, const std::string& date,
                         bool keep_view, std::vector<Diagnostic>& diagnostics) {
    OpenReport report;
    report.name = name;
    report.kind = kind;
    report.serial = open_report_.serial + 1;
    std::string json_text;
    std::string_view located;  // the text the problems' lines refer to (JSON files only)
    bool ok = false;
    std::unique_ptr<Corpus> corpus;
    std::vector<ResolvedTour> tours;
    try {
        if (kind == FileKind::Article) {
            json_text.assign(text);
            located = json_text;
        } else {
            ImportOptions options;
            options.name = name;
            options.date = date;
            ImportResult imported = import_text(text, kind, options);
            for (Diagnostic& d : imported.problems) diagnostics.push_back(std::move(d));
            if (imported.ok()) json_text = imported.article.dump(2);
        }
        if (kind == FileKind::Article || !json_text.empty()) {  // an empty article file is said to be one
            LoadResult result = load_article(json_text);
            for (Diagnostic& d : result.diagnostics) diagnostics.push_back(std::move(d));
            if (result.ok()) corpus = std::make_unique<Corpus>(build_corpus(std::move(*result.article), diagnostics));
            else text_warnings(result.partial, diagnostics);  // shown with the errors, not one round later
        }
        if (corpus) {
            tours = resolve_tours(*corpus, diagnostics);
            for (Diagnostic& d : lock_problems(corpus->article)) diagnostics.push_back(std::move(d));
        }
        ok = corpus != nullptr && std::none_of(diagnostics.begin(), diagnostics.end(),
                                               [](const Diagnostic& d) { return d.severity == Severity::Error; });
    } catch (const std::exception& e) {
        ok = false;
        diagnostics.push_back(problem("", "a file the explorer can read", std::string("an internal error: ") + e.what()));
    }
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& x, const Diagnostic& y) {
        return x.severity == Severity::Error && y.severity != Severity::Error;
    });
    report.problems = explain(diagnostics, located);
    report.opened = ok;
    const std::string what = name.empty() ? std::string("The article") : "\u201C" + name + "\u201D";
    if (ok) {
        const int warnings = report.warnings();
        report.summary = what + " was opened: " + count_of(static_cast<int>(corpus->article.passages.size()), "passage", "passages") +
                         (warnings ? ", " + count_of(warnings, "warning", "warnings") : std::string()) + ".";
    } else {
        const int warnings = report.warnings();
        report.summary = what + " could not be opened: " + count_of(report.errors(), "problem", "problems") +
                         (warnings ? " (and " + count_of(warnings, "warning", "warnings") + ")" : std::string()) +
                         (corpus_ ? ". The article shown is unchanged." : ".");
    }
    open_report_ = std::move(report);
    if (!ok) return false;

    corpus_ = std::move(corpus);
    tours_ = std::move(tours);
    source_json_ = std::move(json_text);
    source_name_ = name;
    source_kind_ = kind;
    key_terms_.clear();
    key_terms_ready_ = false;
    ++article_serial_;
    if (keep_view) {
        recompute();
    } else {
        reset_view();
    }
    return true;
}

// The new article's home view: the embed's first view, its locks; the map on shared
// passages when the article has no relations (a text just imported).
void Controller::reset_view() {
    defaults_ = ViewState{};
    if (corpus_->article.relations.empty()) defaults_.map.edges = MapEdges::Cooccurrence;
    if (!embed_.views.empty()) defaults_.view = embed_.views.front();
    constrain(defaults_, embed_, nullptr);
    state_ = defaults_;
    recompute();
    history_ = History(state_);
    committed_ = commit_key(state_);
    query_changed_at_ = -1;
    typing_ = false;
    unsaid_query_.reset();
    filter_undo_.clear();
    undoing_ = false;
    player_.stop();
    autoplay_ = false;
    reveal_ = {-1, false, now_, reveal_.serial + 1};
    ++query_serial_;
}

// Locks of the embed that `article` cannot honour (a facet or value it does not have).
std::vector<Diagnostic> Controller::lock_problems(const Article& article) const {
    std::vector<Diagnostic> out;
    for (const auto& [facet, values] : embed_.locked) {
        const int f = article.find_facet(facet);
        if (f < 0) {
            out.push_back(problem("?lock." + facet, "a facet of the article (this embed locks it)", "none named " + quoted(facet)));
            continue;
        }
        for (const std::string& v : values)
            if (article.facets[static_cast<std::size_t>(f)].find_value(v) < 0)
                out.push_back(problem("?lock." + facet, "a value of facet " + quoted(facet) + " (this embed locks it)",
                                      "none named " + quoted(v)));
    }
    return out;
}

LoadReport Controller::load(std::string_view json_text) {
    LoadReport report;
    std::vector<Diagnostic> diagnostics;
    const EmbedOptions saved = embed_;
    embed_ = EmbedOptions{};  // load() starts over: no embed options until open_location
    report.ok = install(json_text, "", FileKind::Article, "", false, diagnostics);
    if (!report.ok) embed_ = saved;
    for (const Diagnostic& d : diagnostics)
        (d.severity == Severity::Error ? report.errors : report.warnings).push_back(d.to_string(passage_id_at(json_text, d.pointer)));
    if (report.ok) {
        embed_ = EmbedOptions{};
        refused_ = false;
        theme_ = choose_theme(embed_.theme, prefers_);
        reset_view();
        last_input_ = -1;
        notice_ = {};
        link_waits_ = false;
        pending_link_.clear();
        session_.clear();
        remember_article();
    }
    return report;
}

void Controller::remember_article() {
    if (!corpus_) return;
    const std::string& id = corpus_->article.id;
    session_.erase(std::remove_if(session_.begin(), session_.end(), [&](const SessionArticle& s) { return s.id == id; }),
                   session_.end());
    session_.push_back({id, corpus_->article.meta.title, source_json_, source_name_, source_kind_});
    constexpr std::size_t kMaxBytes = 64u << 20;
    std::size_t bytes = 0;
    for (const SessionArticle& s : session_) bytes += s.json.size();
    while (session_.size() > 1 && (session_.size() > kSessionArticles || bytes > kMaxBytes)) {
        bytes -= session_.front().json.size();
        session_.erase(session_.begin());
    }
}

bool Controller::reopen_for_link(std::string_view fragment) {
    std::string id = link_article_id(fragment);
    // The page's own entry (opened without a fragment): its article, whatever is open now.
    if (id.empty() && (fragment.empty() || fragment == "#")) id = page_article_id_;
    if (id.empty() || !corpus_ || id == corpus_->article.id) return false;
    const auto it = std::find_if(session_.begin(), session_.end(), [&](const SessionArticle& s) { return s.id == id; });
    if (it == session_.end()) return false;
    const SessionArticle kept = *it;
    std::vector<Diagnostic> diagnostics;
    if (!install(kept.json, kept.name, FileKind::Article, "", false, diagnostics)) return false;
    source_kind_ = kept.kind;  // a text stays a text: its key terms are offered again
    remember_article();
    return true;
}

bool Controller::notice_is_open_report() const {
    return !open_report_.opened && !open_report_.problems.empty() && !notice_.empty() &&
           notice_.title == open_report_.summary;
}

Update Controller::open_article(const intent::OpenArticle& i, Origin origin) {
    Update u;
    const FileKind kind = file_kind(i.name, i.text);
    std::vector<Diagnostic> diagnostics;
    const bool ok = install(i.text, i.name, kind, i.date, false, diagnostics);
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error) u.problems.push_back(d);
    u.announcement = open_report_.summary;
    // The reader who opened it sees the outcome; a page's script and a host get it back.
    const bool show = origin == Origin::User || origin == Origin::Link || (origin == Origin::Page && !embed_.embed);
    Notice n;
    if (!ok && show) {  // errors first, then the warnings (an author fixes both in one round)
        n.title = open_report_.summary;
        for (const Problem& p : open_report_.problems) file_problem(n, p, p.severity == Severity::Error ? "" : "Warning: ");
    }
    if (data_pending_) {  // the file of ?data= (open or not): the page's article from now on
        data_pending_ = false;
        if (ok) page_article_id_ = corpus_->article.id;
    }
    if (ok) {
        u.state = u.result = u.selection = u.committed = u.home = true;
        notice_ = {};
        u.notice = true;
        remember_article();
        // What the file could not say (an imported text's author, date...): in the notice.
        if (show && open_report_.warnings() > 0) {
            n.title = open_report_.summary;
            for (const Problem& p : open_report_.problems) file_problem(n, p, "");
        }
    }
    const bool link_waited = link_waits_;
    const std::string link = std::move(pending_link_);
    link_waits_ = false;
    pending_link_.clear();
    if (link_waited && !ok)
        n.problems.push_back("The link's view was not shown: it was for this file, which could not be opened.");
    if (show || ok || link_waited) set_notice(std::move(n), u);
    if (link_waited && ok) {  // the page's link was made for this file: it applies now
        // (never swapping the article back: a link made for another one is refused)
        applying_waiting_link_ = true;
        u.merge(apply(intent::OpenLink{link}, Origin::Link, now_));
        applying_waiting_link_ = false;
    }
    return u;
}

Update Controller::accept_term(const intent::AcceptTerm& i, Origin) {
    Update u;
    const std::vector<KeyTerm>& terms = key_terms();
    const auto it = std::find_if(terms.begin(), terms.end(), [&](const KeyTerm& t) { return t.label == i.label; });
    if (it == terms.end()) {
        u.problems.push_back(problem("/label", "a key term the explorer suggests", quoted(i.label)));
        return u;
    }
    const KeyTerm term = *it;
    JsonRead read = read_json(source_json_, kArticleJsonLimits);
    if (!read.ok || !add_concept(read.value, term, u.problems)) {
        for (Diagnostic& d : read.problems) u.problems.push_back(std::move(d));
        return u;
    }
    const OpenReport before = open_report_;
    std::vector<Diagnostic> diagnostics;
    const FileKind kind = source_kind_;
    if (!install(read.value.dump(2), source_name_, FileKind::Article, "", true, diagnostics)) {
        open_report_ = before;
        for (Diagnostic& d : diagnostics)
            if (d.severity == Severity::Error) u.problems.push_back(std::move(d));
        return u;
    }
    // The article's own source kind stays (still a text: more key terms are offered), and
    // the report still describes the file as it was opened.
    open_report_ = before;
    source_kind_ = kind;
    remember_article();  // a link back to it finds the concept
    u.state = u.result = true;
    u.announcement = "\u201C" + term.label + "\u201D is a concept now.";
    return u;
}

const std::vector<KeyTerm>& Controller::key_terms() const {
    if (!key_terms_ready_ && corpus_) {
        key_terms_ = wwe::key_terms(*corpus_, 30);
        key_terms_ready_ = true;
    }
    return key_terms_;
}

std::string Controller::article_json() const { return source_json_; }

bool Controller::set_preferences(const SystemPreferences& prefers) {
    prefers_ = prefers;
    const ThemeKind before = theme_;
    theme_ = choose_theme(embed_.theme, prefers_);
    return theme_ != before;
}

Update Controller::open_location(std::string_view query, std::string_view fragment, const SystemPreferences& prefers,
                                 double now) {
    Update u;
    if (!corpus_) return u;
    std::vector<Diagnostic> problems;
    embed_ = embed_from_query(query, *corpus_, problems);
    page_article_id_ = corpus_->article.id;
    data_pending_ = data_opens_over(embed_);  // a text opened over this article next (a JSON one is this)
    // A lock that cannot be honoured never opens the explorer unlocked.
    refused_ = std::any_of(problems.begin(), problems.end(),
                           [](const Diagnostic& d) { return d.pointer.rfind("?lock.", 0) == 0; });
    prefers_ = prefers;
    theme_ = choose_theme(embed_.theme, prefers_);
    defaults_ = ViewState{};
    if (!embed_.views.empty()) defaults_.view = embed_.views.front();
    constrain(defaults_, embed_, nullptr);
    opened_with_link_ = !fragment.empty() && fragment != "#";
    // A text of ?data= opens over this article next: the link is for it and waits.
    link_waits_ = opened_with_link_ && data_opens_over(embed_);
    pending_link_ = link_waits_ ? std::string(fragment) : std::string();
    u = apply(intent::OpenLink{link_waits_ ? std::string() : std::string(fragment)}, Origin::Link, now);
    problems.insert(problems.end(), u.problems.begin(), u.problems.end());
    bound_problems(problems);
    u.problems = problems;
    if (embed_.kiosk) defaults_ = state_;  // a kiosk's home is the view it was opened on
    history_ = History(state_);
    filter_undo_.clear();
    Notice notice;
    for (const Diagnostic& d : problems) notice.add(d, "the link");
    if (!notice.problems.empty()) notice.title = refused_ ? kRefusedNotice : kLinkNotice;
    set_notice(std::move(notice), u);
    return u;
}

//------------------------------------------------------------------------------------------
// The one place a state changes
//------------------------------------------------------------------------------------------

ViewState Controller::commit_key(ViewState s) {
    // Not history steps: the reading position, the map's and the timeline's viewports.
    s.passage.clear();
    s.map.x = s.map.y = s.map.zoom = 0;
    s.timeline = {};
    return s;
}

void Controller::recompute() {
    QueryRequest request;
    request.text = state_.query;
    request.facets = state_.facets;
    request.details = false;  // the views ask for the hits of the passages they show
    derived_.result = run_query(*corpus_, request);
    derived_.shown = derived_.result.passages;
    derived_.in.assign(corpus_->article.passages.size(), 0);
    for (const int p : derived_.shown) derived_.in[static_cast<std::size_t>(p)] = 1;
    derived_.filtered = !state_.facets.empty() || !state_.query.empty();
    derived_.node_in.assign(corpus_->article.nodes.size(), 0);
    for (std::size_t n = 0; n < corpus_->node_passages.size(); ++n) {
        for (const int p : corpus_->node_passages[n]) {
            if (derived_.in[static_cast<std::size_t>(p)]) {
                derived_.node_in[n] = 1;
                break;
            }
        }
    }
    ++derived_.version;
}

// Makes `next` the state: the embed's constraints (reported unless the user or a tour
// asked), the derived result, and where the reader should be.
Update Controller::change(ViewState next, Origin origin) {
    Update u;
    const bool report = origin == Origin::Page || origin == Origin::Host || origin == Origin::Link;
    constrain(next, embed_, report ? &u.problems : nullptr);
    const bool result_changed = next.facets != state_.facets || next.query != state_.query;
    const bool passage_changed = next.passage != state_.passage;
    // The user's new filters keep the passage being read at the top when the new result
    // still has it, else start the reader at the top; the page, a link or a tour may name
    // a passage with them.
    const bool keep_reading = result_changed && !passage_changed && origin == Origin::User;
    if (next == state_) return u;
    state_ = std::move(next);
    if (result_changed) recompute();
    if (keep_reading && !state_.passage.empty()) {
        const int p = corpus_->article.find_passage(state_.passage);
        if (p < 0 || !derived_.passage_in(p)) state_.passage.clear();
    }
    if (result_changed || (passage_changed && origin != Origin::User)) {
        const int p = state_.passage.empty() ? -1 : corpus_->article.find_passage(state_.passage);
        reveal_ = {p, false, now_, reveal_.serial + 1};
    }
    return u;
}

void Controller::commit(Update& u, bool settle) {
    const ViewState key = commit_key(state_);
    if (key == committed_) {
        query_changed_at_ = -1;
        return;
    }
    ViewState without_query = key;
    without_query.query = committed_.query;
    if (without_query == committed_ && typing_ && !settle) {  // only the search text, still typing
        if (query_changed_at_ < 0) query_changed_at_ = now_;
        return;
    }
    query_changed_at_ = -1;
    if (!undoing_ && (key.facets != committed_.facets || key.query != committed_.query)) {
        filter_undo_.push_back({committed_.facets, committed_.query});
        if (filter_undo_.size() > kMaxFilterUndo) filter_undo_.erase(filter_undo_.begin());
    }
    undoing_ = false;
    history_.push(state_);
    committed_ = key;
    u.committed = true;
}

// Shows `target` without recording it (history steps, tour stops, home).
void Controller::go(const ViewState& target, Update& u) {
    u.merge(change(target, Origin::Tour));
    committed_ = commit_key(state_);
    query_changed_at_ = -1;
    ++query_serial_;
}

void Controller::go_home(Update& u) {
    u.home = true;
    player_.stop();
    autoplay_ = false;
    go(defaults_, u);
    history_ = History(state_);
    filter_undo_.clear();
    set_notice({}, u);
}

void Controller::start_attract(double now, Update& u) {
    go_home(u);
    last_input_ = now;
    if (tours_.empty()) return;
    int index = 0;
    for (std::size_t i = 0; i < tours_.size(); ++i)
        if (tours_[i].id == embed_.tour) index = static_cast<int>(i);
    player_.start(index, now, /*loop=*/true, embed_.tour_speed);
    autoplay_ = true;
    show_stop(u);
}

void Controller::show_stop(Update& u) {
    if (!player_.playing()) return;
    const ResolvedTour& tour = tours_[static_cast<std::size_t>(player_.tour())];
    const int step = player_.step();
    if (step < 0 || step >= static_cast<int>(tour.steps.size())) return;
    go(tour.steps[static_cast<std::size_t>(step)].state, u);
    u.tour_step = true;
    add_sentence(u.announcement, tour.label + ", stop " + std::to_string(step + 1) + " of " +
                                     std::to_string(tour.steps.size()) + ": " +
                                     tour.steps[static_cast<std::size_t>(step)].caption);
}

void Controller::set_notice(Notice notice, Update& u) {
    if (notice == notice_) return;
    notice_ = std::move(notice);
    u.notice = true;
}

//------------------------------------------------------------------------------------------
// Intents
//------------------------------------------------------------------------------------------

Update Controller::apply(const Intent& intent, Origin origin, double now) {
    Update u;
    if (!corpus_) {
        u.problems.push_back(problem("", "a loaded article", "none"));
        return u;
    }
    now_ = now;
    // Intents that replace the article: nothing below may hold on to the old one.
    if (const auto* open = std::get_if<intent::OpenArticle>(&intent)) return open_article(*open, origin);
    if (const auto* accept = std::get_if<intent::AcceptTerm>(&intent)) return accept_term(*accept, origin);
    // A link for another article of this session (the browser's Back after an Open...):
    // that article again, then the link.
    if (const auto* link = std::get_if<intent::OpenLink>(&intent);
        link && origin == Origin::Link && !applying_waiting_link_) {
        if (reopen_for_link(link->fragment)) {
            notice_ = {};
            Update again = apply(intent, origin, now);
            again.state = again.result = again.selection = again.committed = again.home = true;
            again.notice = true;
            const std::string said = "\u201C" + corpus_->article.meta.title + "\u201D is open again.";
            again.announcement = again.announcement.empty() ? said : said + " " + again.announcement;
            return again;
        }
    }
    const ViewState before = state_;
    const ViewState committed_before = committed_;
    const std::uint64_t version = derived_.version;
    const Notice notice = notice_;

    // What each origin's changes do to the history and the notice (the table in the header).
    auto finish = [&](Update& r, const char* notice_title) {
        bound_problems(r.problems);
        switch (origin) {
        case Origin::User:
        case Origin::Page:
        case Origin::Host: commit(r); break;
        case Origin::Tour:
            committed_ = commit_key(state_);
            query_changed_at_ = -1;
            break;
        case Origin::Link:
            committed_ = commit_key(state_);
            query_changed_at_ = -1;
            history_.visit(state_);  // the browser's back and forward walk this history too
            r.committed = true;
            break;
        }
        if (notice_title == nullptr) return;
        const bool show = origin == Origin::Link || (origin == Origin::Page && !embed_.embed);
        if (!show) return;
        Notice n;
        for (const Diagnostic& d : r.problems) n.add(d, whole_of(notice_title));
        if (!n.problems.empty()) n.title = notice_title;
        set_notice(std::move(n), r);
    };
    auto changed = [&](ViewState next, const char* notice_title = nullptr) {
        Update r = change(std::move(next), origin);
        finish(r, notice_title);
        return r;
    };
    auto refuse = [&](Diagnostic d, const char* notice_title = nullptr) {
        Update r;
        r.problems.push_back(std::move(d));
        finish(r, notice_title);
        return r;
    };
    const Article& a = corpus_->article;

    u = std::visit(
        Overloaded{
            [&](const intent::ShowView& i) {
                if (!view_offered(embed_, i.view))
                    return refuse(problem("/view", "a view this embed offers", quoted(to_string(i.view))));
                ViewState next = state_;
                next.view = i.view;
                return changed(std::move(next));
            },
            [&](const intent::ToggleFacetValue& i) {
                if (!facet_value_exists(a, i.facet, i.value))
                    return refuse(problem(pointer_append("/facets", i.facet), "a value of a facet of this article", quoted(i.value)));
                ViewState next = state_;
                auto& values = next.facets[i.facet];
                if (!values.erase(i.value)) values.insert(i.value);
                if (values.empty()) next.facets.erase(i.facet);
                return changed(std::move(next));
            },
            [&](const intent::SetFacets& i) {
                ViewState next = state_;
                next.facets.clear();
                Update r;
                for (const auto& [facet, values] : i.facets)
                    for (const std::string& v : values) {
                        if (facet_value_exists(a, facet, v)) next.facets[facet].insert(v);
                        else r.problems.push_back(problem(pointer_append("/facets", facet), "a value of a facet of this article", quoted(v)));
                    }
                if (i.open_reader && view_offered(embed_, View::Reader)) next.view = View::Reader;
                r.merge(changed(std::move(next)));
                return r;
            },
            [&](const intent::ClearFacets&) {
                ViewState next = state_;
                next.facets.clear();
                return changed(std::move(next));
            },
            [&](const intent::ClearFilters&) {
                ViewState next = state_;
                next.facets.clear();
                next.query.clear();
                ++query_serial_;
                return changed(std::move(next));
            },
            [&](const intent::SetQuery& i) {
                Update r;
                bool cut = false;  // control characters (a pasted tab, a NUL) become spaces: clean_query
                std::string text = clean_query(i.text, &cut);
                if (cut)
                    r.problems.push_back(problem("/query", "at most 1000 bytes", std::to_string(i.text.size()) + " bytes"));
                const bool typed = i.typing && origin == Origin::User;
                if (typed) typing_ = true;
                if (!typed || text != i.text) ++query_serial_;  // the box shows the text as kept
                ViewState next = state_;
                const bool different = next.query != text;
                next.query = std::move(text);
                r.merge(change(std::move(next), origin));
                if (typed && different) query_changed_at_ = now;  // wait until typing pauses
                finish(r, nullptr);
                return r;
            },
            [&](const intent::SettleQuery&) {
                Update r;
                typing_ = false;
                if (query_changed_at_ >= 0) commit(r, true);
                return r;
            },
            [&](const intent::Select& i) {
                if (!selection_valid(a, i.selection))
                    return refuse(problem("/selection/id", "the id of something in this article", quoted(i.selection.id)));
                ViewState next = state_;
                next.selection = i.selection;
                return changed(std::move(next));
            },
            [&](const intent::OpenPassage& i) {
                const int p = a.find_passage(i.passage);
                if (p < 0) return refuse(problem("/passage", "the id of a passage", quoted(i.passage)));
                ViewState next = state_;
                if (!derived_.passage_in(p)) {  // hidden by the filters: clear them first
                    next.facets.clear();
                    next.query.clear();
                    ++query_serial_;
                }
                if (view_offered(embed_, View::Reader)) next.view = View::Reader;
                next.passage = i.passage;
                if (i.close_details) next.selection = {};
                const std::uint64_t serial = reveal_.serial;
                Update r = changed(std::move(next));
                reveal_ = {p, true, now, serial + 1};  // one request, with the flash
                r.announcement = passage_opened_text(corpus(), p);  // what was opened, not just its number
                return r;
            },
            [&](const intent::ReadAt& i) {
                if (!i.passage.empty() && a.find_passage(i.passage) < 0)
                    return refuse(problem("/passage", "the id of a passage", quoted(i.passage)));
                ViewState next = state_;
                next.passage = i.passage;
                return changed(std::move(next));
            },
            [&](const intent::SetMapEdges& i) {
                ViewState next = state_;
                next.map.edges = i.edges;
                return changed(std::move(next));
            },
            [&](const intent::SetMinWeight& i) {
                if (i.min_weight < 1 || i.min_weight > 99)
                    return refuse(problem("/map/min_weight", "an integer from 1 to 99", std::to_string(i.min_weight)));
                ViewState next = state_;
                next.map.min_weight = i.min_weight;
                return changed(std::move(next));
            },
            [&](const intent::SetDepth& i) {
                if (i.depth < 1 || i.depth > 2)
                    return refuse(problem("/map/depth", "1 or 2", std::to_string(i.depth)));
                ViewState next = state_;
                next.map.depth = i.depth;
                return changed(std::move(next));
            },
            [&](const intent::SetColorBy& i) {
                if (!i.facet.empty() && a.find_facet(i.facet) < 0)
                    return refuse(problem("/map/color", "a facet of this article, or \"\"", quoted(i.facet)));
                ViewState next = state_;
                next.map.color = i.facet;
                return changed(std::move(next));
            },
            [&](const intent::PinNode& i) {
                if (a.find_node(i.node) < 0) return refuse(problem("/map/pins", "the id of a node", quoted(i.node)));
                if (!std::isfinite(i.x) || !std::isfinite(i.y) || std::abs(i.x) > kMaxMapCoordinate ||
                    std::abs(i.y) > kMaxMapCoordinate)
                    return refuse(problem(pointer_append("/map/pins", i.node), "a place within 1e6 layout units", "another"));
                ViewState next = state_;
                next.map.pins[i.node] = rounded_pin(i.x, i.y);
                return changed(std::move(next));
            },
            [&](const intent::UnpinAll&) {
                ViewState next = state_;
                next.map.pins.clear();
                return changed(std::move(next));
            },
            [&](const intent::Relayout&) {
                ViewState next = state_;
                next.map.seed = next.map.seed >= kMaxSeed ? 1 : next.map.seed + 1;
                next.map.x = next.map.y = next.map.zoom = 0;
                return changed(std::move(next));
            },
            [&](const intent::SetMapViewport& i) {
                const bool ok = std::isfinite(i.x) && std::isfinite(i.y) && std::abs(i.x) <= kMaxMapCoordinate &&
                                std::abs(i.y) <= kMaxMapCoordinate &&
                                (i.zoom == 0 || (i.zoom >= kMinMapZoom && i.zoom <= kMaxMapZoom));
                if (!ok) return refuse(problem("/map/zoom", "a viewport as MapState describes it", "another"));
                ViewState next = state_;
                next.map.x = i.zoom == 0 ? 0 : i.x;
                next.map.y = i.zoom == 0 ? 0 : i.y;
                next.map.zoom = i.zoom;
                return changed(std::move(next));
            },
            [&](const intent::FitMap&) {
                ViewState next = state_;
                next.map.x = next.map.y = next.map.zoom = 0;
                return changed(std::move(next));
            },
            [&](const intent::SetMatrixAxes& i) {
                for (const std::string* f : {&i.rows, &i.columns})
                    if (!f->empty() && a.find_facet(*f) < 0)
                        return refuse(problem("/matrix", "a facet of this article, or \"\"", quoted(*f)));
                ViewState next = state_;
                next.matrix = {i.rows, i.columns};
                return changed(std::move(next));
            },
            [&](const intent::SetTimelineRange& i) {
                ViewState next = state_;
                if (i.begin == i.end) {
                    next.timeline = {};
                } else if (std::isfinite(i.begin) && std::isfinite(i.end) && i.end - i.begin >= kMinTimelineSpan &&
                           i.begin >= kMinTimelineYear && i.end <= kMaxTimelineYear) {
                    next.timeline = {i.begin, i.end};
                } else {
                    return refuse(problem("/timeline", "years from -10000 to 10000, begin before end", "another range"));
                }
                return changed(std::move(next));
            },
            [&](const intent::Back&) {
                Update r;
                commit(r, true);  // typed text waiting to settle is a step of its own first
                if (!history_.can_back()) return r;
                go(history_.back(), r);
                r.announcement = "Back.";
                return r;
            },
            [&](const intent::Forward&) {
                Update r;
                commit(r, true);
                if (!history_.can_forward()) return r;
                go(history_.forward(), r);
                r.announcement = "Forward.";
                return r;
            },
            [&](const intent::Undo&) {
                Update r;
                commit(r, true);
                if (filter_undo_.empty()) return r;
                ViewState next = state_;
                next.facets = filter_undo_.back().facets;
                next.query = filter_undo_.back().query;
                filter_undo_.pop_back();
                undoing_ = true;
                ++query_serial_;
                r.merge(changed(std::move(next)));
                undoing_ = false;
                r.announcement = "Undone.";
                return r;
            },
            [&](const intent::StartTour& i) {
                if (i.tour < 0 || i.tour >= static_cast<int>(tours_.size()))
                    return refuse(problem("/tour", "a tour of this article", std::to_string(i.tour)));
                Update r;
                player_.start(i.tour, now, /*loop=*/false, embed_.tour_speed);
                autoplay_ = false;
                show_stop(r);
                return r;
            },
            [&](const intent::NextStop&) {
                Update r;
                if (!player_.playing()) return r;
                player_.next(tours_, now);
                if (!player_.playing()) {
                    autoplay_ = false;
                    r.announcement = "Tour finished.";
                }
                show_stop(r);
                return r;
            },
            [&](const intent::PreviousStop&) {
                Update r;
                if (!player_.playing()) return r;
                player_.previous(now);
                show_stop(r);
                return r;
            },
            [&](const intent::StopTour&) {
                Update r;
                if (!player_.playing()) return r;
                player_.stop();
                autoplay_ = false;
                r.announcement = "Tour closed.";
                return r;
            },
            [&](const intent::Dismiss&) {
                if (player_.playing() && !autoplay_) {
                    player_.stop();
                    Update r;
                    r.announcement = "Tour closed.";
                    return r;
                }
                ViewState next = state_;
                if (!next.selection.empty()) {
                    next.selection = {};
                } else {
                    next.query.clear();
                    ++query_serial_;
                }
                return changed(std::move(next));
            },
            [&](const intent::DismissNotice&) {
                Update r;
                set_notice({}, r);
                return r;
            },
            [&](const intent::Activity&) {
                Update r;
                if (autoplay_ && player_.playing()) {  // a visitor: the screen is theirs
                    player_.stop();
                    autoplay_ = false;
                }
                last_input_ = now;
                return r;
            },
            [&](const intent::GoHome& i) {
                Update r;
                go_home(r);
                if (!i.reason.empty())
                    set_notice({kHomeNotice, {"Something went wrong, so it starts afresh."}, {i.reason}}, r);
                r.announcement = "Back to the start.";
                return r;
            },
            [&](const intent::ApplyState& i) {
                Update r;
                JsonRead read = read_json(i.json, kViewStateJsonLimits);
                if (!read.ok) {
                    r.problems = std::move(read.problems);
                    finish(r, kStateNotice);
                    return r;
                }
                ViewState next = view_state_from_json(read.value, *corpus_, state_, r.problems);
                if (!view_offered(embed_, next.view)) {  // refused: the view stays as it is
                    r.problems.push_back(problem("/view", "a view this embed offers", quoted(to_string(next.view))));
                    next.view = state_.view;
                }
                Update c = change(std::move(next), origin);
                r.merge(std::move(c));
                if (state_.query != before.query) ++query_serial_;  // the search box shows it, even focused
                finish(r, kStateNotice);
                if (!r.problems.empty() && notice_.title == kStateNotice && read.value.is_object()) {
                    // Say first what did apply, so "ignored" reads as a part, not the whole.
                    std::vector<std::pair<std::string, std::vector<std::string>>> members;
                    for (const auto& [key, value] : read.value.items()) {
                        std::vector<std::string> facets;
                        if (key == "facets" && value.is_object())
                            for (const auto& f : value.items()) facets.push_back(f.key());
                        members.emplace_back(key, std::move(facets));
                    }
                    notice_.plain.insert(notice_.plain.begin(), applied_parts(members, r.problems));
                }
                return r;
            },
            [&](const intent::OpenLink& i) {
                Update r;
                ViewState next = from_fragment(i.fragment, *corpus_, r.problems, defaults_);
                r.merge(change(std::move(next), Origin::Link));
                ++query_serial_;
                finish(r, kLinkNotice);
                return r;
            },
            [&](const intent::OpenArticle&) { return Update{}; },  // handled above
            [&](const intent::AcceptTerm&) { return Update{}; },
            [&](const intent::Highlight& i) {
                if (a.find_node(i.node) < 0)
                    return refuse(problem("/node", "a concept or entity id of the article", quoted(i.node)),
                                  kHighlightNotice);
                ViewState next = state_;
                next.selection = {Selection::Kind::Node, i.node};
                return changed(std::move(next), kHighlightNotice);
            },
            // Saved views: controller_persist.cpp.
            [&](const intent::SaveBookmark&) { return apply_stored(intent, origin); },
            [&](const intent::OpenBookmark&) {
                Update r = apply_stored(intent, origin);
                finish(r, nullptr);
                return r;
            },
            [&](const intent::DeleteBookmark&) { return apply_stored(intent, origin); },
            [&](const intent::ForgetStored&) { return apply_stored(intent, origin); },
        },
        intent);
    if (committed_ != committed_before) remember_view();

    u.state = u.state || state_ != before;
    u.selection = before.selection != state_.selection;
    u.result = derived_.version != version;
    u.notice = u.notice || notice_ != notice;
    // The user's typing in the search box is said once typing pauses (tick) or ends (the
    // next intent: Enter, leaving the box, a click), not once per key: a screen reader would
    // queue a sentence per letter. What is said then compares with the text before typing.
    const auto* query = std::get_if<intent::SetQuery>(&intent);
    if (query && query->typing && origin == Origin::User && !u.notice) {
        if (!unsaid_query_ && before.query != state_.query) unsaid_query_ = before.query;
        return u;
    }
    ViewState said_before = before;
    if (unsaid_query_) said_before.query = *std::exchange(unsaid_query_, std::nullopt);
    announce(said_before, u.result || said_before.query != state_.query, u);
    return u;
}

//------------------------------------------------------------------------------------------
// Time
//------------------------------------------------------------------------------------------

Update Controller::tick(double now) {
    Update u;
    if (!corpus_) return u;
    now_ = now;
    const ViewState before = state_;
    const std::uint64_t version = derived_.version;
    if (last_input_ < 0) last_input_ = now;
    if (embed_.kiosk && !player_.playing() && now >= last_input_ + embed_.idle_seconds) start_attract(now, u);
    if (autoplay_ && player_.update(tours_, now)) {
        if (player_.playing()) show_stop(u);
        else autoplay_ = false;
    }
    ViewState said_before = before;
    bool typed = false;  // typing paused: what it found is said now (see apply)
    if (query_changed_at_ >= 0 && now >= query_changed_at_ + kQuerySettleSeconds) {
        const ViewState committed_before = committed_;
        commit(u, true);
        if (committed_ != committed_before) remember_view();
        if (unsaid_query_) {
            said_before.query = *std::exchange(unsaid_query_, std::nullopt);
            typed = said_before.query != state_.query;
        }
    }
    u.state = u.state || state_ != before;
    u.selection = before.selection != state_.selection;
    u.result = derived_.version != version;
    if (u.state || typed) announce(said_before, u.result || typed, u);
    return u;
}

double Controller::next_wakeup() const {
    double at = std::numeric_limits<double>::infinity();
    if (!corpus_) return at;
    if (autoplay_ && player_.playing()) at = std::min(at, player_.step_end(tours_));
    if (embed_.kiosk && !player_.playing() && last_input_ >= 0) at = std::min(at, last_input_ + embed_.idle_seconds);
    if (query_changed_at_ >= 0) at = std::min(at, query_changed_at_ + kQuerySettleSeconds);
    return at;
}

//------------------------------------------------------------------------------------------
// Announcements: what changed, in words (the accessible mirror's live region)
//------------------------------------------------------------------------------------------

void Controller::announce(const ViewState& before, bool result_changed, Update& u) const {
    const Article& a = corpus_->article;
    const ViewState& now = state_;
    std::string out;
    if (before.view != now.view) add_sentence(out, std::string(view_label(now.view)) + " view.");
    // Facet values ticked and unticked; many at once are summed up.
    std::vector<std::string> facet_changes;
    for (const Facet& f : a.facets) {
        const auto b = before.facets.find(f.id), n = now.facets.find(f.id);
        for (const FacetValue& v : f.values) {
            const bool was = b != before.facets.end() && b->second.count(v.id);
            const bool is = n != now.facets.end() && n->second.count(v.id);
            if (was != is) facet_changes.push_back(f.label + ": " + v.label + (is ? " ticked." : " unticked."));
        }
    }
    if (facet_changes.size() <= 3) {
        for (const std::string& s : facet_changes) add_sentence(out, s);
    } else {
        std::string filters;
        for (const auto& [facet, values] : now.facets) {
            if (!filters.empty()) filters += "; ";
            filters += facet_label(a, facet) + ": ";
            bool first = true;
            for (const std::string& v : values) {
                filters += (first ? "" : ", ") + value_label(a, facet, v);
                first = false;
            }
        }
        add_sentence(out, filters.empty() ? "Filters cleared." : "Filters: " + filters + ".");
    }
    // A new search and what it found are one sentence that names the search once.
    const int shown = static_cast<int>(derived_.shown.size());
    const bool searched = before.query != now.query;
    if (searched && !now.query.empty() && result_changed) {
        add_sentence(out, search_result_summary(*corpus_, now, shown) + ".");
    } else {
        if (searched) add_sentence(out, now.query.empty() ? "Search cleared." : "Search " + quoted_query(now.query) + ".");
        if (result_changed) add_sentence(out, result_summary(*corpus_, now, shown) + ".");
    }
    if (before.selection != now.selection) {
        add_sentence(out, now.selection.empty() ? "Selection cleared."
                                                : "Selected " + selection_description(*corpus_, now.selection) + ".");
    }
    const MapState& bm = before.map;
    const MapState& nm = now.map;
    if (bm.edges != nm.edges) {
        add_sentence(out, nm.edges == MapEdges::Relations      ? "Map edges: relations."
                          : nm.edges == MapEdges::Cooccurrence ? "Map edges: shared passages."
                                                               : "Map edges: relations and shared passages.");
    }
    if (bm.min_weight != nm.min_weight && nm.edges != MapEdges::Relations)
        add_sentence(out, "Shared-passage edges from " + std::to_string(nm.min_weight) + " passages.");
    if (bm.depth != nm.depth) add_sentence(out, "Neighbourhood: " + std::to_string(nm.depth) + (nm.depth == 1 ? " hop." : " hops."));
    if (bm.color != nm.color)
        add_sentence(out, nm.color.empty() ? "Nodes coloured by type." : "Nodes coloured by " + facet_label(a, nm.color) + ".");
    if (bm.seed != nm.seed) add_sentence(out, "Map laid out again.");
    if (bm.pins != nm.pins) {
        if (nm.pins.empty()) {
            add_sentence(out, "All nodes unpinned.");
        } else {
            for (const auto& [id, pin] : nm.pins) {
                const auto it = bm.pins.find(id);
                if (it != bm.pins.end() && it->second == pin) continue;
                const int n = a.find_node(id);
                add_sentence(out, (n >= 0 ? a.nodes[static_cast<std::size_t>(n)].label : id) + " pinned.");
            }
        }
    }
    if (before.matrix != now.matrix) add_sentence(out, "Matrix axes changed.");
    if (u.notice && !notice_.empty())
        add_sentence(out, notice_.title + " " + std::to_string(notice_.problems.size()) +
                              (notice_.problems.size() == 1 ? " problem." : " problems."));
    if (!out.empty()) add_sentence(u.announcement, out);
}

//------------------------------------------------------------------------------------------
// Read-only services
//------------------------------------------------------------------------------------------

std::string Controller::query_json(std::string_view request_json, std::vector<std::string>& problems) const {
    if (!corpus_) {
        problems.push_back(problem("", "a loaded article", "none").to_string());
        return "null";
    }
    JsonRead read = read_json(request_json, kViewStateJsonLimits);
    for (const Diagnostic& d : read.problems) problems.push_back(d.to_string());
    if (!read.ok) read.value = nlohmann::json::object();
    std::vector<Diagnostic> diagnostics;
    QueryRequest request = query_request_from_json(read.value, diagnostics);
    request.passages = false;  // the JSON gives their number only
    QueryResult result = run_query(*corpus_, request);
    diagnostics.insert(diagnostics.end(), result.problems.begin(), result.problems.end());  // unknown facets, values
    bound_problems(diagnostics);
    for (const Diagnostic& d : diagnostics) problems.push_back(d.to_string());
    return to_json(*corpus_, result).dump();
}

std::string Controller::font_text() const {
    std::string out;
    if (!corpus_) return out;
    const Article& a = corpus_->article;
    auto add = [&](const std::string& s) {
        out += s;
        out += '\n';
    };
    add(a.meta.title);
    add(a.meta.subtitle);
    add(a.meta.author.name);
    add(a.meta.author.role);
    add(a.meta.outlet);
    for (const Section& s : a.sections) {
        add(s.heading);
        add(s.label);
    }
    for (const Passage& p : a.passages) add(p.text);
    for (const Facet& f : a.facets) {
        add(f.label);
        add(f.description);
        for (const FacetValue& v : f.values) {
            add(v.label);
            add(v.description);
        }
    }
    for (const NodeType& t : a.node_types) add(t.label);
    for (const Node& n : a.nodes) {
        add(n.label);
        add(n.description);
        for (const Alias& al : n.aliases) add(al.text);
    }
    for (const RelationType& r : a.relation_types) add(r.label);
    for (const Relation& r : a.relations) add(r.note);
    for (const Event& e : a.events) add(e.label);
    for (const Tour& t : a.tours) {
        add(t.label);
        add(t.description);
        for (const TourStep& s : t.steps) add(s.caption);
    }
    for (const Topic& t : a.topics) add(t.label);
    return out;
}

}  // namespace wwe
