// Win-Win Explorer UI: the app shell (see app.hpp).
#include "ui/app.hpp"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/deep_link.hpp"
#include "core/host_protocol.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ClosePopupsOverWindow
#include "ui/fonts.hpp"
#include "ui/views.hpp"

namespace wwe::ui {

namespace {
constexpr float kSmallWidth = 760.0f;   // CSS px: below, one panel at a time
constexpr float kMinViewShare = 0.45f;  // of the width, for the view between panels
constexpr double kPinchGuardSeconds = 0.3;
constexpr std::size_t kMaxAnnouncements = 16;  // kept until taken: the newest ones

std::vector<std::string> strings(const std::vector<Diagnostic>& problems) {
    std::vector<std::string> out;
    for (const Diagnostic& d : problems) out.push_back(d.to_string());
    return out;
}
}  // namespace

struct AppImpl {
    Controller core;
    Theme theme = default_theme();
    Fonts fonts;
    bool theme_applied = false;
    bool close_popups = false;  // menus left open by the last visitor close (home)
    double pinch_until = -1;

    // The shell's own state and each view's (no view writes another's).
    Layout layout;
    Brush brush;
    SearchBoxState search;
    ReaderState reader;
    MapViewState map;
    TableFilterState entities, glossary;
    ShareState share;
    GalleryState gallery;

    // Frame outputs, taken by the platform.
    std::vector<Download> downloads;
    std::vector<PreviewRequest> previews;
    std::vector<std::string> announcements;

    // The shell's reactions to what the controller did.
    void react(const Update& u) {
        if (u.home) {
            close_popups = true;
            layout.show_filters = false;
            reader.text_zoom = 1;
            reader.fling.stop();
        }
        if (u.tour_step) {
            layout.show_filters = false;
            reader.fling.stop();
        }
        if (!u.announcement.empty()) {
            announcements.push_back(u.announcement);
            if (announcements.size() > kMaxAnnouncements) announcements.erase(announcements.begin());
        }
    }

    Update apply(const Intent& intent, Origin origin, double now) {
        Update u = core.apply(intent, origin, now);
        react(u);
        return u;
    }

    void reset_views(std::string page_url) {
        layout = {};
        brush = {};
        search = {};
        reader = ReaderState();
        map = {};
        entities = {};
        glossary = {};
        share = {};
        share.page_url = std::move(page_url);
        gallery.cache.clear();
        theme = core.dark() ? dark_theme() : default_theme();
        theme_applied = false;
    }

    ViewContext context(const FrameInput& input, double now, ShellRequests& shell, std::vector<Intent>& intents) {
        return ViewContext{core,         core.corpus(), core.state(), core.derived(), core.embed(), theme,
                           fonts,        layout,        input,        now,            pinch_until,  brush,
                           shell,        intents};
    }
};

App::App() : impl_(std::make_unique<AppImpl>()) {}
App::~App() = default;

bool App::loaded() const { return impl_->core.loaded(); }
const Controller& App::controller() const { return impl_->core; }
Fonts& App::fonts() { return impl_->fonts; }
unsigned App::background_color() const { return impl_->theme.background; }

LoadReport App::load(std::string_view json_text) {
    LoadReport report = impl_->core.load(json_text);
    if (report.ok) impl_->reset_views(impl_->share.page_url);
    return report;
}

void App::fonts_changed() {
    impl_->reader.cache.clear();
    impl_->gallery.cache.clear();
}

std::string App::font_text() const { return impl_->core.font_text(); }

bool App::wants_frames() const {
    const AppImpl& m = *impl_;
    if (!m.core.loaded()) return false;
    return (m.core.state().view == View::Reader && reader_animating(m.reader)) || m.search.focus ||
           (m.core.state().view == View::Map && map_animating(m.map));
}

double App::next_wakeup() const {
    const AppImpl& m = *impl_;
    double at = m.core.next_wakeup();
    // "Copied" in the Share dialog goes away by itself.
    if (m.share.copied_at > 0) at = std::min(at, m.share.copied_at + 2.05);
    return at;
}

float App::ui_scale() const { return impl_->core.embed().scale; }

float App::reader_text_scale() const { return impl_->core.embed().scale * impl_->reader.text_zoom; }

void App::go_home(const std::string& reason, double now) {
    if (!loaded()) return;
    impl_->apply(intent::GoHome{reason}, Origin::Page, now);
}

std::vector<Download> App::take_downloads() {
    std::vector<Download> out;
    out.swap(impl_->downloads);
    return out;
}

std::vector<App::Preview> App::take_previews() {
    std::vector<Preview> out;
    for (PreviewRequest& p : impl_->previews) out.push_back({std::move(p.url), p.width, p.height});
    impl_->previews.clear();
    return out;
}

std::vector<std::string> App::take_announcements() {
    std::vector<std::string> out;
    out.swap(impl_->announcements);
    return out;
}

std::string App::export_svg() {
    if (!loaded()) return "";
    AppImpl& m = *impl_;
    ShellRequests shell;
    std::vector<Intent> intents;
    const FrameInput input;
    const ViewContext ctx = m.context(input, 0, shell, intents);
    return map_svg_text(ctx, m.map);
}

std::string App::export_markdown() const {
    if (!loaded()) return "";
    const Controller& c = impl_->core;
    return passages_markdown_text(c.corpus(), c.state(), c.derived().shown);
}

std::string App::export_csv() const { return loaded() ? entities_csv_text(impl_->core.corpus()) : ""; }

std::string App::map_nodes_json() const {
    if (!loaded()) return "[]";
    return wwe::ui::map_nodes_json(impl_->map, impl_->core.corpus(), impl_->core.embed().scale);
}

std::string App::state_json() const { return loaded() ? to_json(impl_->core.state(), impl_->core.corpus()).dump() : "null"; }

std::vector<std::string> App::set_state_json(std::string_view json_text, Origin origin, double now) {
    return strings(impl_->apply(intent::ApplyState{std::string(json_text)}, origin, now).problems);
}

std::vector<std::string> App::highlight(std::string_view node_id, Origin origin, double now) {
    return strings(impl_->apply(intent::Highlight{std::string(node_id)}, origin, now).problems);
}

std::string App::host_message(std::string_view json_text, double now) {
    AppImpl& m = *impl_;
    return handle_host_message(m.core, json_text, [&](const Intent& i) { return m.apply(i, Origin::Host, now); })
        .message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string App::fragment() const { return loaded() ? to_fragment(impl_->core.state(), impl_->core.corpus()) : ""; }

std::string App::committed_fragment() const {
    return loaded() ? to_fragment(impl_->core.committed(), impl_->core.corpus()) : "";
}

std::vector<std::string> App::open_fragment(std::string_view fragment, double now) {
    if (!loaded()) return {};
    return strings(impl_->apply(intent::OpenLink{std::string(fragment)}, Origin::Link, now).problems);
}

std::vector<std::string> App::open_location(std::string_view query, std::string_view fragment, bool prefers_dark,
                                            double now) {
    if (!loaded()) return {};
    AppImpl& m = *impl_;
    const Update u = m.core.open_location(query, fragment, prefers_dark, now);
    m.theme = m.core.dark() ? dark_theme() : default_theme();
    m.theme_applied = false;
    m.react(u);
    return strings(u.problems);
}

const EmbedOptions& App::embed() const { return impl_->core.embed(); }

std::string App::notice_json() const {
    const Notice& n = impl_->core.notice();
    return nlohmann::json{{"title", n.title}, {"problems", n.problems}}.dump();
}

void App::set_page_url(std::string url) { impl_->share.page_url = std::move(url); }

std::string App::query_json(std::string_view request_json, std::vector<std::string>& problems) const {
    return impl_->core.query_json(request_json, problems);
}

FrameReport App::frame(double now, const FrameInput& input) {
    AppImpl& m = *impl_;
    FrameReport report;
    if (!m.core.loaded()) return report;
    if (!m.theme_applied) {
        apply_theme(m.theme, ImGui::GetStyle(), m.core.embed().kiosk);
        m.theme_applied = true;
    }
    // The clock and the user's presence first: a kiosk's attract loop hands over.
    if (input.user_input) {
        report.intents.push_back(intent::Activity{});
        report.update.merge(m.apply(report.intents.back(), Origin::User, now));
    }
    {
        Update u = m.core.tick(now);
        m.react(u);
        report.update.merge(std::move(u));
    }
    if (m.close_popups) {  // nothing of the last visitor's stays open over the tour
        m.close_popups = false;
        ImGui::ClosePopupsOverWindow(nullptr, false);
    }
    ImGuiIO& io = ImGui::GetIO();
    if (input.find_key || (input.slash_key && !io.WantTextInput)) m.search.focus = true;
    if (input.gallery_key) m.gallery.open = !m.gallery.open;
    if (input.pinching) m.pinch_until = now + kPinchGuardSeconds;

    // History, undo and view keys act before the views draw, so this frame shows their result.
    {
        std::vector<Intent> keys;
        if (input.back_key) keys.push_back(intent::Back{});
        if (input.forward_key) keys.push_back(intent::Forward{});
        if (input.undo_key && !io.WantTextInput) keys.push_back(intent::Undo{});
        if (input.view_key >= 1 && input.view_key <= kViewCount && !io.WantTextInput &&
            view_offered(m.core.embed(), static_cast<View>(input.view_key - 1)))
            keys.push_back(intent::ShowView{static_cast<View>(input.view_key - 1)});
        for (Intent& k : keys) {
            report.update.merge(m.apply(k, Origin::User, now));
            report.intents.push_back(std::move(k));
        }
    }

    std::vector<Intent> intents;
    ShellRequests shell;
    ViewContext ctx = m.context(input, now, shell, intents);
    m.brush.next_passage = -1;

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
    const EmbedOptions& embed = m.core.embed();
    const ViewState& state = m.core.state();
    const bool chrome = embed.chrome != EmbedOptions::Chrome::None;
    // Layout: three columns (facets, view, details) when there is room; the facet panel folds
    // behind a "Filters" button when the view would get less than 45% of the width (or the
    // embed asks for it); below 760 CSS px one panel shows at a time.
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const bool has_details = selected_node(m.core.corpus(), state) >= 0 || state.selection.is_edge();
    const float facets_w = std::clamp(width * 0.2f, 220.0f, 280.0f);
    const float details_w = has_details ? std::clamp(width * 0.28f, 300.0f, 420.0f) : 0.0f;
    m.layout.small = width < kSmallWidth;
    m.layout.narrow = m.layout.small || embed.chrome == EmbedOptions::Chrome::Compact ||
                      width - facets_w - details_w < width * kMinViewShare;
    if (!has_details) m.layout.show_details = false;
    if (!m.layout.narrow) m.layout.show_filters = false;
    if (chrome) {
        draw_search_bar(ctx, m.search);
        draw_toolbar(ctx);
    } else {
        m.layout.show_filters = false;
    }
    draw_notice(ctx);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    auto panel = [&](const char* id, float w, auto&& draw, bool tinted, ImGuiWindowFlags flags = ImGuiWindowFlags_None) {
        if (tinted) ImGui::PushStyleColor(ImGuiCol_ChildBg, m.theme.panel);
        ImGui::BeginChild(id, ImVec2(w, avail.y), false,
                          flags | (tinted ? ImGuiWindowFlags_AlwaysUseWindowPadding : ImGuiWindowFlags_None));
        if (tinted) ImGui::PopStyleColor();
        draw();
        ImGui::EndChild();
    };
    // The centre: the view the state names (the reader scrolls itself; the map and the
    // timeline take the wheel for zooming).
    const char* center_id = "##reader";
    ImGuiWindowFlags center_flags = ImGuiWindowFlags_None;
    switch (state.view) {
    case View::Reader: break;
    case View::Map:
        center_id = "##map";
        center_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
        break;
    case View::Matrix: center_id = "##matrix"; break;
    case View::Timeline:
        center_id = "##timeline";
        center_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
        break;
    case View::Entities: center_id = "##entities"; break;
    case View::Glossary: center_id = "##glossary"; break;
    case View::Contrasts: center_id = "##contrasts"; break;
    }
    auto center = [&] {
        switch (state.view) {
        case View::Reader: draw_reader(ctx, m.reader); break;
        case View::Map: draw_map(ctx, m.map); break;
        case View::Matrix: draw_matrix(ctx); break;
        case View::Timeline: draw_timeline(ctx); break;
        case View::Entities: draw_entities(ctx, m.entities); break;
        case View::Glossary: draw_glossary(ctx, m.glossary); break;
        case View::Contrasts: draw_contrasts(ctx); break;
        }
    };
    auto facets = [&] { draw_facets(ctx); };
    auto details = [&] { draw_details(ctx); };
    if (m.layout.small) {
        // One panel: the filters or the details when asked for, else the view.
        if (m.layout.show_filters) panel("##facets", avail.x, facets, true);
        else if (m.layout.show_details && has_details) panel("##details", avail.x, details, true);
        else panel(center_id, avail.x, center, false, center_flags);
    } else {
        // [filters] view [details]: the filters unless folded (then shown on request, in
        // place of the details).
        const bool show_facets = !m.layout.narrow || m.layout.show_filters;
        const bool show_details = has_details && !(m.layout.narrow && m.layout.show_filters);
        const float left = show_facets ? facets_w : 0.0f;
        const float right = show_details ? details_w : 0.0f;
        const float center_w =
            avail.x - left - right - spacing * ((show_facets ? 1 : 0) + (show_details ? 1 : 0));
        if (show_facets) {
            panel("##facets", left, facets, true);
            ImGui::SameLine();
        }
        panel(center_id, center_w, center, false, center_flags);
        if (show_details) {
            ImGui::SameLine();
            panel("##details", right, details, true);
        }
    }
    ImGui::PopFont();
    ImGui::End();

    const bool popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);  // Esc is theirs
    ImGui::PushFont(m.fonts.body);
    if (shell.open_share) m.share.open = true;
    draw_share(ctx, m.share);
    draw_tour_caption(ctx);
    if (m.gallery.open) draw_gallery(ctx, m.gallery, m.reader);
    ImGui::PopFont();

    // Esc: first a manual tour or the selection, then the filter panel, then the search.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !popup_open) {
        const bool manual_tour = m.core.tour().playing() && !m.core.tour_autoplay();
        if (!manual_tour && state.selection.empty() && m.layout.show_filters) m.layout.show_filters = false;
        else intents.push_back(intent::Dismiss{});
    }
    m.brush.passage = m.brush.next_passage;

    // Apply what the views asked for, in order.
    for (Intent& i : intents) {
        Update u = m.apply(i, Origin::User, now);
        // The reader picked something: on a small screen, show it; the filters fold away.
        if (u.selection && !m.core.state().selection.empty()) {
            m.layout.show_details = true;
            m.layout.show_filters = false;
        }
        report.update.merge(std::move(u));
        report.intents.push_back(std::move(i));
    }
    switch (shell.panel) {
    case ShellRequests::Panel::Keep: break;
    case ShellRequests::Panel::View: m.layout.show_filters = m.layout.show_details = false; break;
    case ShellRequests::Panel::Filters: m.layout.show_filters = true; break;
    case ShellRequests::Panel::Details: m.layout.show_details = true; break;
    }
    if (shell.map_png) {
        Download d;
        d.filename = "concept-map.png";
        d.mime = "image/png";
        d.png = true;
        map_rect(m.map, d.x, d.y, d.w, d.h);
        if (d.w > 0) m.downloads.push_back(std::move(d));
    }
    if (shell.map_svg) m.downloads.push_back({"concept-map.svg", "image/svg+xml", map_svg_text(ctx, m.map)});
    for (Download& d : shell.downloads) m.downloads.push_back(std::move(d));
    for (PreviewRequest& p : shell.previews) m.previews.push_back(std::move(p));
    return report;
}

}  // namespace wwe::ui
