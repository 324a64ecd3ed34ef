// Win-Win Explorer UI: the app (see app.hpp).
#include "ui/app.hpp"

#include <algorithm>
#include <exception>

#include <nlohmann/json.hpp>

#include "core/load.hpp"
#include "imgui.h"
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

    enum class Origin { Ui, External };

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
        ++derived.version;
    }

    // Makes `next` the current state. Origin::External (setState) also scrolls the reader
    // to next.passage; a new result set starts the reader at the top.
    void apply(ViewState next, Origin origin) {
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
        if (!corpus || !report.errors.empty()) return report;
        impl_->corpus = std::move(corpus);
        impl_->state = ViewState{};
        impl_->ui = UiState{};
        impl_->recompute();
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
    return out;
}

bool App::wants_frames() const {
    const UiState& ui = impl_->ui;
    return ui.scroll_request != -1 || ui.scroll_settle > 0 || ui.flash_passage >= 0 ||
           ui.focus_search;
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
        impl_->apply(std::move(next), AppImpl::Origin::External);
        for (const Diagnostic& d : problems) out.push_back(d.to_string());
    }
    impl_->ui.notice = out;
    impl_->ui.notice_title = out.empty() ? "" : "Part of the requested view could not be shown:";
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
        apply_theme(m.theme, ImGui::GetStyle());
        m.theme_applied = true;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (input.find_key || (input.slash_key && !io.WantTextInput)) m.ui.focus_search = true;
    if (input.gallery_key) m.ui.show_gallery = !m.ui.show_gallery;

    ViewState next = m.state;
    ViewContext ctx{*m.corpus, m.state, next, m.derived, m.ui, m.theme, m.fonts, time};

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                        ImGuiWindowFlags_NoScrollWithMouse |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##explorer", nullptr, root_flags);
    ImGui::PushFont(m.fonts.body);
    draw_search_bar(ctx);
    draw_notice(ctx);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const bool has_details = selected_node(*m.corpus, m.state) >= 0;
    m.ui.narrow = avail.x < 760.0f;
    auto panel = [&](const char* id, float width, void (*draw)(ViewContext&), bool tinted) {
        if (tinted) ImGui::PushStyleColor(ImGuiCol_ChildBg, m.theme.panel);
        ImGui::BeginChild(id, ImVec2(width, avail.y), false,
                          tinted ? ImGuiWindowFlags_AlwaysUseWindowPadding : ImGuiWindowFlags_None);
        if (tinted) ImGui::PopStyleColor();
        draw(ctx);
        ImGui::EndChild();
    };
    if (m.ui.narrow) {
        if (m.ui.show_filters) {
            panel("##facets", avail.x, draw_facets, true);
        } else if (has_details) {
            panel("##details", avail.x, draw_details, true);
        } else {
            panel("##reader", avail.x, draw_reader, false);
        }
    } else {
        m.ui.show_filters = false;
        const float facets_w = std::clamp(avail.x * 0.2f, 220.0f, 280.0f);
        const float details_w = has_details ? std::clamp(avail.x * 0.28f, 300.0f, 420.0f) : 0.0f;
        const float reader_w = avail.x - facets_w - details_w - spacing * (has_details ? 2 : 1);
        panel("##facets", facets_w, draw_facets, true);
        ImGui::SameLine();
        panel("##reader", reader_w, draw_reader, false);
        if (has_details) {
            ImGui::SameLine();
            panel("##details", details_w, draw_details, true);
        }
    }
    ImGui::PopFont();
    ImGui::End();

    if (m.ui.show_gallery) {
        ImGui::PushFont(m.fonts.body);
        draw_gallery(ctx);
        ImGui::PopFont();
    }

    // Esc: first the selection, then the filter panel, then the search.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        if (next.selection.kind != Selection::Kind::None) {
            next.selection = Selection{};
        } else if (m.ui.show_filters) {
            m.ui.show_filters = false;
        } else {
            next.query.clear();
            m.ui.search_buffer.clear();
        }
    }
    if (m.ui.flash_passage >= 0 && time - m.ui.flash_start > 1.6) m.ui.flash_passage = -1;
    if (next != m.state) m.apply(std::move(next), AppImpl::Origin::Ui);
}

}  // namespace wwe::ui
