// Win-Win Explorer UI: the app (see app.hpp).
#include "ui/app.hpp"

#include <algorithm>
#include <exception>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/deep_link.hpp"
#include "core/history.hpp"
#include "core/load.hpp"
#include "core/tour.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ClosePopupsOverWindow
#include "ui/fonts.hpp"
#include "ui/views.hpp"

namespace wwe::ui {

struct AppImpl {
    std::unique_ptr<Corpus> corpus;
    ViewState state;
    Derived derived;
    UiState ui;
    Theme theme = default_theme();
    Fonts fonts;
    bool theme_applied = false;
    EmbedOptions embed;   // from the page's query string
    ViewState defaults;   // where a link starts: the embed's first view, its locked facets

    // Exploration history: a state is recorded when a committed part of it changes (not the
    // reader's scroll position or the map viewport alone; search text once it settles).
    History history;
    ViewState committed;              // the last recorded state, reduced by commit_key()
    double query_changed_at = -1;     // seconds; the search text is waiting to settle
    struct FilterStep {
        FacetSelection facets;
        std::string query;
    };
    std::vector<FilterStep> filter_undo;  // filters before each recorded filter change
    bool undoing = false;

    static constexpr double kQuerySettleSeconds = 0.8;

    enum class Origin { Ui, External };

    static ViewState commit_key(ViewState s) {
        s.passage.clear();
        s.map.x = s.map.y = s.map.zoom = 0;
        return s;
    }

    // Records the state in the history when a committed part changed.
    void commit(double time, bool typing) {
        const ViewState key = commit_key(state);
        if (key == committed) {
            query_changed_at = -1;
            return;
        }
        ViewState without_query = key;
        without_query.query = committed.query;
        if (without_query == committed && typing) {  // only the search text, still typing
            if (query_changed_at < 0) query_changed_at = time;
            if (time - query_changed_at < kQuerySettleSeconds) return;
        }
        query_changed_at = -1;
        if (!undoing && (key.facets != committed.facets || key.query != committed.query)) {
            filter_undo.push_back({committed.facets, committed.query});
            if (filter_undo.size() > 100) filter_undo.erase(filter_undo.begin());
        }
        undoing = false;
        history.push(state);
        committed = key;
    }

    void go(const ViewState& target) {
        apply(target, Origin::External);
        committed = commit_key(state);
        query_changed_at = -1;
        ui.search_buffer = state.query;
    }

    // Recomputes what depends on the facets and the search text.
    void recompute() {
        QueryRequest request;
        request.text = state.query;
        request.facets = state.facets;
        derived.result = run_query(*corpus, request);
        derived.rank.assign(corpus->article.passages.size(), -1);
        derived.shown.clear();
        for (std::size_t i = 0; i < derived.result.paragraphs.size(); ++i) {
            const int p = derived.result.paragraphs[i].passage;
            derived.rank[p] = static_cast<int>(i);
            derived.shown.push_back(p);
        }
        std::sort(derived.shown.begin(), derived.shown.end());
        derived.filtered = !state.facets.empty() || !state.query.empty();
        derived.node_in.assign(corpus->article.nodes.size(), 0);
        for (std::size_t n = 0; n < corpus->node_passages.size(); ++n) {
            for (const int p : corpus->node_passages[n]) {
                if (derived.rank[static_cast<std::size_t>(p)] >= 0) {
                    derived.node_in[n] = 1;
                    break;
                }
            }
        }
        ++derived.version;
    }

    // Makes `next` the current state. Origin::External (setState) also scrolls the reader
    // to next.passage; a new result set starts the reader at the top.
    void apply(ViewState next, Origin origin) {
        constrain(next, embed, nullptr);
        const bool result_changed = next.facets != state.facets || next.query != state.query;
        const bool passage_changed = next.passage != state.passage;
        if (result_changed && !passage_changed && origin == Origin::Ui) next.passage.clear();
        state = std::move(next);
        if (result_changed) recompute();
        if (result_changed || (passage_changed && origin == Origin::External)) {
            const int p = state.passage.empty() ? -1 : corpus->article.find_passage(state.passage);
            ui.scroll_request = p >= 0 ? p : kScrollTop;
        }
    }

    static constexpr int kScrollTop = -2;  // UiState::scroll_request: the top of the reader
    static constexpr float kSmallWidth = 760.0f;   // CSS px: below, one panel at a time
    static constexpr float kMinViewShare = 0.45f;  // of the width, for the view between panels

    double last_input = -1;  // seconds: the user's last input (a kiosk's idle clock)
    bool close_popups = false;  // menus left open by the last visitor close (home())

    // Shows the playing tour's current step (not a history step: a tour is not exploration).
    void show_tour_step() {
        if (!ui.tour.playing()) return;
        const ResolvedTour& tour = ui.tours[static_cast<std::size_t>(ui.tour.tour())];
        const int step = ui.tour.step();
        if (step < 0 || step >= static_cast<int>(tour.steps.size())) return;
        go(tour.steps[static_cast<std::size_t>(step)].state);
        ui.edge = EdgePick{};
        ui.show_filters = false;
        ui.reader_fling.stop();
    }

    // The kiosk's attract loop: home, then its tour over and over.
    void start_attract(double time) {
        home();
        last_input = time;
        int index = 0;
        for (std::size_t i = 0; i < ui.tours.size(); ++i)
            if (ui.tours[i].id == embed.tour) index = static_cast<int>(i);
        if (ui.tours.empty()) return;
        ui.tour.start(index, time, /*loop=*/true, embed.tour_speed);
        ui.tour_autoplay = true;
        show_tour_step();
    }

    void home() {
        close_popups = true;
        ui.tour.stop();
        ui.tour_autoplay = false;
        go(defaults);
        history = History(state);
        filter_undo.clear();
        ui.edge = EdgePick{};
        ui.show_filters = false;
        ui.text_zoom = 1;
        ui.reader_fling.stop();
        ui.notice.clear();
        ui.notice_title.clear();
    }

    // Tours: the attract loop, then what the views asked for this frame.
    void play_tours(double time, bool user_input) {
        if (user_input) {
            if (ui.tour_autoplay && ui.tour.playing()) {  // a visitor: the screen is theirs
                ui.tour.stop();
                ui.tour_autoplay = false;
            }
            last_input = time;
        }
        if (last_input < 0) last_input = time;
        if (embed.kiosk && !ui.tour.playing() && time - last_input >= embed.idle_seconds) start_attract(time);
        if (ui.tour_autoplay && ui.tour.update(ui.tours, time)) show_tour_step();
    }

    void tour_commands(double time) {
        using C = UiState::TourCommand;
        const C command = ui.tour_command;
        ui.tour_command = C::None;
        switch (command) {
        case C::Start:
            if (ui.tour_to_start >= 0 && ui.tour_to_start < static_cast<int>(ui.tours.size())) {
                ui.tour.start(ui.tour_to_start, time, /*loop=*/false, embed.tour_speed);
                ui.tour_autoplay = false;
                show_tour_step();
            }
            break;
        case C::Next: ui.tour.next(ui.tours, time); show_tour_step(); break;
        case C::Previous: ui.tour.previous(time); show_tour_step(); break;
        case C::Stop: ui.tour.stop(); ui.tour_autoplay = false; break;
        case C::None: break;
        }
    }
};

App::App() : impl_(std::make_unique<AppImpl>()) {}
App::~App() = default;

bool App::loaded() const { return impl_->corpus != nullptr; }
Fonts& App::fonts() { return impl_->fonts; }
unsigned App::background_color() const { return impl_->theme.background; }

LoadReport App::load(std::string_view json_text) {
    LoadReport report;
    try {
        LoadResult result = load_article(json_text);
        std::vector<Diagnostic> diagnostics = std::move(result.diagnostics);
        std::unique_ptr<Corpus> corpus;
        if (result.ok()) corpus = std::make_unique<Corpus>(build_corpus(std::move(*result.article), diagnostics));
        for (const Diagnostic& d : diagnostics) {
            (d.severity == Severity::Error ? report.errors : report.warnings).push_back(d.to_string());
        }
        std::vector<ResolvedTour> tours;
        if (corpus) {
            std::vector<Diagnostic> tour_problems;
            tours = resolve_tours(*corpus, tour_problems);
            for (const Diagnostic& d : tour_problems) report.errors.push_back(d.to_string());
        }
        if (!corpus || !report.errors.empty()) return report;
        impl_->corpus = std::move(corpus);
        impl_->embed = EmbedOptions{};
        impl_->defaults = ViewState{};
        impl_->state = ViewState{};
        const std::string page_url = impl_->ui.page_url;
        impl_->ui = UiState{};
        impl_->ui.page_url = page_url;
        impl_->ui.tours = std::move(tours);
        impl_->last_input = -1;
        impl_->recompute();
        impl_->history = History(impl_->state);
        impl_->committed = AppImpl::commit_key(impl_->state);
        impl_->filter_undo.clear();
        report.ok = true;
    } catch (const std::exception& e) {
        report.ok = false;
        report.errors.push_back(std::string("error: internal error while loading: ") + e.what());
    }
    return report;
}

void App::fonts_changed() {
    impl_->ui.reader_cache.clear();
    impl_->ui.gallery_cache.clear();
}

std::string App::font_text() const {
    std::string out;
    if (!impl_->corpus) return out;
    const Article& a = impl_->corpus->article;
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
    for (const Tour& t : a.tours) {
        add(t.label);
        add(t.description);
        for (const TourStep& s : t.steps) add(s.caption);
    }
    for (const Topic& t : a.topics) add(t.label);
    return out;
}

bool App::wants_frames() const {
    const UiState& ui = impl_->ui;
    return ui.scroll_request != -1 || ui.scroll_settle > 0 || ui.flash_passage >= 0 ||
           ui.focus_search || impl_->query_changed_at >= 0 || ui.reader_fling.coasting ||
           (impl_->state.view == View::Map && map_animating(ui));
}

double App::next_wakeup() const {
    const AppImpl& m = *impl_;
    double at = std::numeric_limits<double>::infinity();
    if (!m.corpus) return at;
    if (m.ui.tour_autoplay && m.ui.tour.playing()) at = std::min(at, m.ui.tour.step_end(m.ui.tours));
    if (m.embed.kiosk && !m.ui.tour.playing() && m.last_input >= 0) at = std::min(at, m.last_input + m.embed.idle_seconds);
    return at;
}

float App::ui_scale() const { return impl_->embed.scale; }

float App::reader_text_scale() const { return impl_->embed.scale * impl_->ui.text_zoom; }

void App::go_home(const std::string& reason) {
    if (!impl_->corpus) return;
    impl_->home();
    if (!reason.empty()) {
        impl_->ui.notice = {reason};
        impl_->ui.notice_title = "The explorer started again from its home view:";
    }
}

std::vector<Download> App::take_downloads() {
    std::vector<Download> out;
    out.swap(impl_->ui.downloads);
    return out;
}

std::string App::export_svg() {
    if (!impl_->corpus) return "";
    return map_svg_text(*impl_->corpus, impl_->state, impl_->derived, impl_->ui, impl_->theme, impl_->fonts);
}

std::string App::export_markdown() const {
    if (!impl_->corpus) return "";
    return passages_markdown_text(*impl_->corpus, impl_->state, impl_->derived);
}

std::string App::export_csv() const {
    if (!impl_->corpus) return "";
    return entities_csv_text(*impl_->corpus);
}

std::string App::map_nodes_json() const {
    if (!impl_->corpus) return "[]";
    return wwe::ui::map_nodes_json(impl_->ui, *impl_->corpus, impl_->embed.scale);
}

std::string App::state_json() const {
    if (!impl_->corpus) return "null";
    return to_json(impl_->state, *impl_->corpus).dump();
}

std::vector<std::string> App::set_state_json(std::string_view json_text) {
    std::vector<std::string> out;
    if (!impl_->corpus) {
        out.push_back("error: : expected a loaded article, found none");
        return out;
    }
    nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    std::vector<Diagnostic> problems;
    if (j.is_discarded()) {
        out.push_back("error: : expected a JSON object, found invalid JSON");
    } else {
        ViewState next = view_state_from_json(j, *impl_->corpus, impl_->state, problems);
        if (!view_offered(impl_->embed, next.view)) {  // refused: the view stays as it is
            problems.push_back({Severity::Error, "/view", "a view this embed offers",
                                std::string("view \"") + to_string(next.view) + "\""});
            next.view = impl_->state.view;
        }
        constrain(next, impl_->embed, &problems);
        impl_->apply(std::move(next), AppImpl::Origin::External);
        for (const Diagnostic& d : problems) out.push_back(d.to_string());
    }
    // In an embed the host page asked: it gets the problems in its answer, and the readers
    // of the embed are not shown messages about the host's requests.
    if (!impl_->embed.embed) {
        impl_->ui.notice = out;
        impl_->ui.notice_title = out.empty() ? "" : "Part of the requested view could not be shown:";
    }
    return out;
}

std::string App::fragment() const {
    return impl_->corpus ? to_fragment(impl_->state, *impl_->corpus) : std::string();
}

std::string App::committed_fragment() const {
    return impl_->corpus ? to_fragment(impl_->committed, *impl_->corpus) : std::string();
}

std::vector<std::string> App::open_fragment(std::string_view fragment) {
    std::vector<std::string> out;
    if (!impl_->corpus) return out;
    std::vector<Diagnostic> problems;
    ViewState next = from_fragment(fragment, *impl_->corpus, problems, impl_->defaults);
    constrain(next, impl_->embed, &problems);
    impl_->go(next);
    impl_->history.push(impl_->state);
    for (const Diagnostic& d : problems) out.push_back(d.to_string());
    impl_->ui.notice = out;
    impl_->ui.notice_title = out.empty() ? "" : "Part of this link could not be shown:";
    return out;
}

std::vector<std::string> App::open_location(std::string_view query, std::string_view fragment, bool prefers_dark) {
    std::vector<std::string> out;
    if (!impl_->corpus) return out;
    AppImpl& m = *impl_;
    std::vector<Diagnostic> problems;
    m.embed = embed_from_query(query, *m.corpus, problems);
    const bool dark = m.embed.theme == EmbedOptions::Theme::Dark ||
                      (m.embed.theme == EmbedOptions::Theme::Auto && prefers_dark);
    m.theme = dark ? dark_theme() : default_theme();
    m.theme_applied = false;
    m.defaults = ViewState{};
    if (!m.embed.views.empty()) m.defaults.view = m.embed.views.front();
    constrain(m.defaults, m.embed, nullptr);
    for (const Diagnostic& d : problems) out.push_back(d.to_string());
    for (std::string& p : open_fragment(fragment)) out.push_back(std::move(p));
    if (m.embed.kiosk) m.defaults = m.state;  // a kiosk's home is the view it was opened on
    m.history = History(m.state);
    m.filter_undo.clear();
    m.ui.notice = out;
    m.ui.notice_title = out.empty() ? "" : "Part of this link could not be shown:";
    return out;
}

const EmbedOptions& App::embed() const { return impl_->embed; }

std::string App::notice_json() const {
    return nlohmann::json{{"title", impl_->ui.notice_title}, {"problems", impl_->ui.notice}}.dump();
}

void App::set_page_url(std::string url) { impl_->ui.page_url = std::move(url); }

std::vector<std::string> App::highlight(std::string_view node_id) {
    std::vector<std::string> out;
    if (!impl_->corpus) {
        out.push_back("error: : expected a loaded article, found none");
        return out;
    }
    const std::string id(node_id);
    if (impl_->corpus->article.find_node(id) < 0) {
        out.push_back(Diagnostic{Severity::Error, "/node", "a concept or entity id of the article",
                                 "\"" + utf8_truncate(id, 60) + "\""}.to_string());
    } else {
        ViewState next = impl_->state;
        next.selection = {Selection::Kind::Node, id};
        impl_->ui.edge = EdgePick{};
        impl_->apply(std::move(next), AppImpl::Origin::External);
    }
    if (!impl_->embed.embed) {
        impl_->ui.notice = out;
        impl_->ui.notice_title = out.empty() ? "" : "The page asked for something the explorer could not show:";
    }
    return out;
}

std::vector<App::Preview> App::take_previews() {
    std::vector<Preview> out;
    for (PreviewRequest& p : impl_->ui.previews) out.push_back({std::move(p.url), p.width, p.height});
    impl_->ui.previews.clear();
    return out;
}

std::string App::query_json(std::string_view request_json, std::vector<std::string>& problems) const {
    if (!impl_->corpus) {
        problems.push_back("error: : expected a loaded article, found none");
        return "null";
    }
    nlohmann::json j = nlohmann::json::parse(request_json, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        problems.push_back("error: : expected a JSON object, found invalid JSON");
        j = nlohmann::json::object();
    }
    std::vector<Diagnostic> diagnostics;
    const QueryRequest request = query_request_from_json(j, diagnostics);
    for (const Diagnostic& d : diagnostics) problems.push_back(d.to_string());
    return to_json(*impl_->corpus, run_query(*impl_->corpus, request)).dump();
}

void App::frame(double time, const FrameInput& input) {
    AppImpl& m = *impl_;
    if (!m.corpus) return;
    if (!m.theme_applied) {
        apply_theme(m.theme, ImGui::GetStyle(), m.embed.kiosk);
        m.theme_applied = true;
    }
    m.play_tours(time, input.user_input);
    if (m.close_popups) {  // nothing of the last visitor's stays open over the tour
        m.close_popups = false;
        ImGui::ClosePopupsOverWindow(nullptr, false);
    }
    ImGuiIO& io = ImGui::GetIO();
    if (input.find_key || (input.slash_key && !io.WantTextInput)) m.ui.focus_search = true;
    if (input.gallery_key) m.ui.show_gallery = !m.ui.show_gallery;

    // History and undo act before the views draw, so this frame shows their result.
    int history_step = input.back_key ? -1 : input.forward_key ? 1 : 0;
    if (history_step != 0 || input.undo_key) m.commit(time, false);  // a pending search first
    if (history_step < 0 && m.history.can_back()) m.go(m.history.back());
    if (history_step > 0 && m.history.can_forward()) m.go(m.history.forward());
    history_step = 0;
    if (input.undo_key && !io.WantTextInput && !m.filter_undo.empty()) {
        ViewState undone = m.state;
        undone.facets = m.filter_undo.back().facets;
        undone.query = m.filter_undo.back().query;
        m.filter_undo.pop_back();
        m.undoing = true;
        m.apply(std::move(undone), AppImpl::Origin::Ui);
        m.ui.search_buffer = m.state.query;
    }

    ViewState next = m.state;
    if (input.view_key >= 1 && input.view_key <= kViewCount && !io.WantTextInput &&
        view_offered(m.embed, static_cast<View>(input.view_key - 1))) {
        next.view = static_cast<View>(input.view_key - 1);
    }
    ViewContext ctx{*m.corpus, m.state, next, m.derived, m.ui, m.theme, m.fonts, m.embed, time};
    m.ui.hovered_passage_next = -1;
    m.ui.pinch_scale = input.pinch_scale;
    m.ui.pinch_center = ImVec2(input.pinch_x, input.pinch_y);
    if (input.pinching) m.ui.pinch_until = time + 0.3;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                        ImGuiWindowFlags_NoScrollWithMouse |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##explorer", nullptr, root_flags);
    ImGui::PushFont(m.fonts.body);
    // Chrome: "none" shows the view alone, "compact" folds the facet panel (as on narrow
    // screens), "full" shows everything the width allows.
    const bool chrome = m.embed.chrome != EmbedOptions::Chrome::None;
    // Layout: three columns (facets, view, details) when there is room; the facet panel folds
    // behind a "Filters" button when the view would get less than 45% of the width (or the
    // embed asks for it); below 760 CSS px one panel shows at a time.
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const bool has_details = selected_node(*m.corpus, m.state) >= 0 || !m.ui.edge.empty();
    const float facets_w = std::clamp(width * 0.2f, 220.0f, 280.0f);
    const float details_w = has_details ? std::clamp(width * 0.28f, 300.0f, 420.0f) : 0.0f;
    m.ui.small = width < AppImpl::kSmallWidth;
    m.ui.narrow = m.ui.small || m.embed.chrome == EmbedOptions::Chrome::Compact ||
                  width - facets_w - details_w < width * AppImpl::kMinViewShare;
    if (!has_details) m.ui.show_details = false;
    if (chrome) {
        draw_search_bar(ctx);
        draw_toolbar(ctx, m.history.can_back(), m.history.can_forward(), history_step);
    } else {
        m.ui.show_filters = false;
    }
    draw_notice(ctx);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    auto panel = [&](const char* id, float panel_w, void (*draw)(ViewContext&), bool tinted,
                     ImGuiWindowFlags flags = ImGuiWindowFlags_None) {
        if (tinted) ImGui::PushStyleColor(ImGuiCol_ChildBg, m.theme.panel);
        ImGui::BeginChild(id, ImVec2(panel_w, avail.y), false,
                          flags | (tinted ? ImGuiWindowFlags_AlwaysUseWindowPadding : ImGuiWindowFlags_None));
        if (tinted) ImGui::PopStyleColor();
        draw(ctx);
        ImGui::EndChild();
    };
    // The centre: the view the state names (the reader scrolls itself; the map and the
    // timeline take the wheel for zooming).
    void (*center)(ViewContext&) = draw_reader;
    const char* center_id = "##reader";
    ImGuiWindowFlags center_flags = ImGuiWindowFlags_None;
    switch (m.state.view) {
    case View::Reader: break;
    case View::Map:
        center = draw_map;
        center_id = "##map";
        center_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
        break;
    case View::Matrix: center = draw_matrix; center_id = "##matrix"; break;
    case View::Timeline:
        center = draw_timeline;
        center_id = "##timeline";
        center_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
        break;
    case View::Entities: center = draw_entities; center_id = "##entities"; break;
    case View::Glossary: center = draw_glossary; center_id = "##glossary"; break;
    case View::Contrasts: center = draw_contrasts; center_id = "##contrasts"; break;
    }
    if (m.ui.small) {
        // One panel: the filters or the details when asked for, else the view.
        if (m.ui.show_filters) panel("##facets", avail.x, draw_facets, true);
        else if (m.ui.show_details && has_details) panel("##details", avail.x, draw_details, true);
        else panel(center_id, avail.x, center, false, center_flags);
    } else {
        // [filters] view [details]: the filters unless folded (then shown on request, in
        // place of the details).
        const bool facets = !m.ui.narrow || m.ui.show_filters;
        if (!m.ui.narrow) m.ui.show_filters = false;
        const bool details = has_details && !(m.ui.narrow && m.ui.show_filters);
        const float left = facets ? facets_w : 0.0f;
        const float right = details ? details_w : 0.0f;
        const float center_w = avail.x - left - right - spacing * ((facets ? 1 : 0) + (details ? 1 : 0));
        if (facets) {
            panel("##facets", left, draw_facets, true);
            ImGui::SameLine();
        }
        panel(center_id, center_w, center, false, center_flags);
        if (details) {
            ImGui::SameLine();
            panel("##details", right, draw_details, true);
        }
    }
    ImGui::PopFont();
    ImGui::End();

    const bool popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);  // Esc is theirs
    ImGui::PushFont(m.fonts.body);
    draw_share(ctx);
    draw_tour_caption(ctx);
    ImGui::PopFont();

    if (m.ui.show_gallery) {
        ImGui::PushFont(m.fonts.body);
        draw_gallery(ctx);
        ImGui::PopFont();
    }

    // Esc: first the selection, then the filter panel, then the search.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
        !popup_open) {
        if (m.ui.tour.playing() && !m.ui.tour_autoplay) {
            m.ui.tour_command = UiState::TourCommand::Stop;
        } else if (next.selection.kind != Selection::Kind::None || !m.ui.edge.empty()) {
            next.selection = Selection{};
            m.ui.edge = EdgePick{};
        } else if (m.ui.show_filters) {
            m.ui.show_filters = false;
        } else {
            next.query.clear();
            m.ui.search_buffer.clear();
        }
    }
    if (m.ui.flash_passage >= 0 && time - m.ui.flash_start > 1.6) m.ui.flash_passage = -1;
    m.ui.hovered_passage = m.ui.hovered_passage_next;
    if (next.selection != m.state.selection && next.selection.kind != Selection::Kind::None) {
        m.ui.edge = EdgePick{};
        m.ui.show_details = true;  // the reader picked something: on a small screen, show it
    }
    if (next != m.state) m.apply(std::move(next), AppImpl::Origin::Ui);
    if (history_step < 0 && m.history.can_back()) m.go(m.history.back());
    if (history_step > 0 && m.history.can_forward()) m.go(m.history.forward());
    m.commit(time, m.ui.search_active);
    m.tour_commands(time);
}

}  // namespace wwe::ui
