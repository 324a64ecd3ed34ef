// Win-Win Explorer UI: the app shell (see app.hpp).
#include "ui/app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/deep_link.hpp"
#include "core/export.hpp"
#include "core/host_protocol.hpp"
#include "core/json_reader.hpp"
#include "core/notebook.hpp"
#include "core/persist.hpp"
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
constexpr std::size_t kMaxPendingOps = 20000;  // semantic ops nobody took: start the mirror over
constexpr double kToastSeconds = 2.5;

// "#rrggbb" of a theme colour (ImU32 is 0xAABBGGRR).
std::string css_color(ImU32 c) {
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", static_cast<unsigned>(c & 0xFF), static_cast<unsigned>((c >> 8) & 0xFF),
                  static_cast<unsigned>((c >> 16) & 0xFF));
    return out;
}

// The concept map as a file: SVG, or a PNG the platform rasterises from the same SVG at 2x
// (the labels as on screen, the article's title and source under the map, no UI hints).
Download map_download(const ViewContext& ctx, MapViewState& map, bool png) {
    Download d;
    d.filename = png ? "concept-map.png" : "concept-map.svg";
    d.mime = png ? "image/png" : "image/svg+xml";
    d.text = map_svg_text(ctx, map);
    d.png = png;
    return d;
}

// The line over the views that says which characters no font draws (never a silent "?").
std::string undrawable_line(const std::vector<char32_t>& missing) {
    return "Some characters of this article cannot be drawn here: " + describe_code_points(missing) + ".";
}

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
    std::vector<char32_t> missing_glyphs;  // what no font draws (set_missing_glyphs)
    bool theme_applied = false;
    bool close_popups = false;  // menus left open by the last visitor close (home)
    double pinch_until = -1;
    double last_frame = -1;     // the time of the last frame drawn

    // The shell's own state and each view's (no view writes another's).
    Layout layout;
    Brush brush;
    SearchBoxState search;
    ReaderState reader;
    MapViewState map;
    TableFilterState entities, glossary;
    ContextsState contexts;
    TermsState terms;
    NotebookState notebook_ui;
    Notebook notebook;                  // the passages collected (saved by the platform)
    std::string notebook_saved;         // its JSON as last handed to the platform
    bool notebook_restored = false;     // the platform gave the stored notebook (or had none)
    std::string notebook_article;       // article_key() of the article the notebook is of
    std::string toast;                  // a short confirmation ("Saved notebook.md"), drawn over the view
    double toast_at = -1;
    ShareState share;
    GalleryState gallery;
    HelpState help;
    ProblemsState problems;
    std::uint64_t problems_closed = 0;  // the open report whose panel was closed last (its notice went with it)
    NoticeState notice_ui;
    bool fullscreen_request = false;    // toggle asked for since take_fullscreen_request()
    bool open_request = false;          // the reader asked to pick a file (take_open_request())
    std::uint64_t article_serial = 0;   // the controller's article the views were reset for

    // The semantic layer: the tree the page's mirror shows and where its elements are.
    SemanticTree tree;
    Presentation shown;             // the presentation `tree` was built for
    bool help_shown = false;        // and whether the keyboard help was open
    bool semantics_dirty = true;    // the controller's state changed since
    std::unordered_map<std::string, std::string> placed;  // id -> its place op as last sent
    nlohmann::json semantic_ops = nlohmann::json::array();
    std::vector<std::pair<std::string, bool>> to_announce;  // text, assertive
    std::string focused;            // the mirror's element with the page's focus
    std::string focus_request;      // move the page's focus there with the next ops
    std::string reveal;             // the focused element, until a frame drew it (scrolled into view)
    // Containers that come and go (the details, dialogs, menus): the element that had the
    // focus when each appeared, where the focus goes back when it goes.
    std::unordered_map<std::string, std::string> openers;
    std::vector<std::string> focus_candidates;  // a chip was removed: the first of these still there
    bool export_open = false, tours_open = false;  // the toolbar's menus, as last drawn
    std::string passage_menu;       // the "…" whose passage menu was open last frame ("" none)
    int passage_menu_passage = -1;  // its passage
    bool style_sent = false;        // the mirror has the theme's colours (a "style" op)
    bool map_drawn = false;

    // Frame outputs, taken by the platform.
    std::vector<Download> downloads;
    std::vector<PreviewRequest> previews;
    std::vector<std::string> announcements;

    void show_toast(std::string text, double now) {
        to_announce.emplace_back(text, false);
        toast = std::move(text);
        toast_at = now;
    }

    // The notebook of the article shown, from the stored document's notebook slot
    // (Controller::article_notebook): its entries that fit the article are kept, the others
    // reported in the notice of what was kept. Returns those problems in words.
    std::vector<std::string> take_stored_notebook() {
        const std::string key = article_key(core.corpus().article);
        if (notebook_article != key) notebook = {};  // another article's passages do not carry over
        notebook_article = key;
        const nlohmann::json kept = core.article_notebook();
        Notebook nb;
        std::vector<Diagnostic> found;
        if (!kept.is_null()) nb = notebook_from_json(kept, core.corpus(), found);
        for (Diagnostic& d : found) d.pointer = pointer_append("/notebook", key) + d.pointer;
        for (NotebookEntry& e : notebook.entries) nb.add(std::move(e));  // what was added before storage was read
        notebook = std::move(nb);
        notebook_restored = true;
        notebook_saved.clear();  // the next frame keeps what was read (a dropped entry stays dropped)
        if (found.empty()) return {};
        const Update p = core.report_stored_problems(std::move(found));
        react(p);
        return strings(p.problems);
    }

    // The shell's reactions to what the controller did.
    void react(const Update& u) {
        if (core.loaded() && core.article_serial() != article_serial) {  // another article: views start over
            article_serial = core.article_serial();
            const ProblemsState kept = problems;
            reset_views(share.page_url);
            problems = kept;
            semantics_dirty = true;
            if (notebook_restored) take_stored_notebook();  // opened at run time: its own notebook
        }
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
            to_announce.emplace_back(u.announcement, u.notice && !core.notice().empty());
            if (to_announce.size() > kMaxAnnouncements) to_announce.erase(to_announce.begin());
        }
        if (u.changed()) semantics_dirty = true;
    }

    Presentation presentation() const {
        Presentation p;
        const ViewState& s = core.state();
        const bool has_details = !s.selection.empty() && (s.selection.kind == Selection::Kind::Node || s.selection.is_edge());
        p.chrome = core.embed().chrome != EmbedOptions::Chrome::None;
        p.folded = layout.narrow && p.chrome;
        p.filters = layout.small ? layout.show_filters : (!layout.narrow || layout.show_filters);
        p.details = has_details && (layout.small ? layout.show_details && !layout.show_filters
                                                 : !(layout.narrow && layout.show_filters));
        p.share_open = share.showing;
        p.help_open = help.open;
        p.export_open = export_open;
        p.tours_open = tours_open;
        p.map_drawn = map_drawn;
        p.map_legend = map.show_legend;
        p.fullscreen_available = layout.fullscreen_available;
        p.fullscreen = layout.fullscreen;
        p.problems_open = problems_showing(core, problems);
        p.notebook_open = notebook_ui.open;
        if (notebook_ui.open) {
            p.notebook = notebook;
            p.notebook_storage_problem = notebook_ui.storage_problem;
        }
        p.notice_details = notice_ui.details && notice_ui.shown == core.notice();
        p.passage_menu = passage_menu;
        const auto& passages = core.corpus().article.passages;
        if (!passage_menu.empty() && passage_menu_passage >= 0 && passage_menu_passage < static_cast<int>(passages.size()))
            p.passage_menu_collected = notebook.contains(passages[static_cast<std::size_t>(passage_menu_passage)].id);
        if (!missing_glyphs.empty()) p.undrawable = undrawable_line(missing_glyphs);
        return p;
    }

    // After each frame: the tree's patches when the state or the presentation changed, the
    // places that moved, what to announce.
    void update_semantics(const SemanticPlaces& places) {
        if (semantic_ops.size() > kMaxPendingOps) {  // nobody reads them: start over when someone does
            semantic_ops = nlohmann::json::array({{{"op", "reset"}}});
            tree = {};
            placed.clear();
            semantics_dirty = true;
            style_sent = false;
        }
        if (!style_sent) {  // the colours of the mirror's own text (the search field), focus ring
            semantic_ops.push_back({{"op", "style"},
                                    {"dark", core.dark()},
                                    {"theme", to_string(core.theme())},
                                    {"text", css_color(theme.text)},
                                    {"muted", css_color(theme.text_muted)},
                                    {"background", css_color(theme.background)},
                                    {"surface", css_color(theme.surface)},
                                    {"accent", css_color(theme.accent)},
                                    // the search field's text (CSS px): the canvas's body text
                                    // there, whatever the frame's padding (fingers: taller)
                                    {"font", std::round(FontParams{}.body_size * 16.0f / 17.0f * core.embed().scale * 10.0f) / 10.0f}});
            style_sent = true;
        }
        const Presentation p = presentation();
        if (semantics_dirty || !(p == shown) || help.open != help_shown) {
            SemanticTree next = build_semantics(core, p);
            if (p.share_open && !next.nodes.empty()) share_semantics(next, 0, share);
            if (help.open && !next.nodes.empty()) help_semantics(next, 0);
            help_shown = help.open;
            return_focus(next);
            for (const SemanticOp& op : diff(tree, next)) semantic_ops.push_back(to_json(op, next));
            tree = std::move(next);
            shown = p;
            semantics_dirty = false;
        }
        place(places);
        for (auto& [text, assertive] : to_announce)
            semantic_ops.push_back({{"op", "announce"}, {"text", std::move(text)}, {"assertive", assertive}});
        to_announce.clear();
        if (!focus_request.empty() && tree.find(focus_request) >= 0) {
            semantic_ops.push_back({{"op", "focus"}, {"id", focus_request}});
            focus_request.clear();
        }
    }

    // Where the focus goes when what holds it goes: a container (details, dialog, menu) that
    // closes gives it back to what opened it; a removed chip to the next chip, else the
    // previous one, else the search box.
    void return_focus(const SemanticTree& next) {
        auto inside = [&](const std::string& id, const std::string& container) {
            for (int i = tree.find(id); i >= 0; i = tree.nodes[static_cast<std::size_t>(i)].parent)
                if (tree.nodes[static_cast<std::size_t>(i)].id == container) return true;
            return false;
        };
        for (const char* container : {"details", "help-dialog", "share-dialog", "export-menu", "tours-menu", "passage-menu",
                                      "notebook-dialog"}) {
            const bool had = tree.find(container) >= 0, has = next.find(container) >= 0;
            if (!had && has) {
                openers[container] = focused;
            } else if (had && !has) {
                const std::string opener = openers[container];
                openers.erase(container);
                if (focused.empty() || !inside(focused, container)) continue;  // the focus is elsewhere
                if (!opener.empty() && next.find(opener) >= 0) focus_request = opener;
                else if (focus_request.empty() || next.find(focus_request) < 0) focus_request = "search/box";
            }
        }
        if (!focus_candidates.empty()) {
            for (const std::string& id : focus_candidates) {
                if (next.find(id) < 0) continue;
                focus_request = id;
                break;
            }
            focus_candidates.clear();
        }
    }

    // Place ops: each drawn element relative to its nearest drawn ancestor, in CSS px.
    void place(const SemanticPlaces& places) {
        const float scale = core.embed().scale;
        const std::size_t n = tree.nodes.size();
        std::vector<ImRect> box(n);
        std::vector<char> has(n, 0);
        std::unordered_map<std::string, std::string> now;
        auto rounded = [&](float v) { return std::round(v * scale * 10.0f) / 10.0f; };
        for (std::size_t i = 0; i < n; ++i) {
            const SemanticNode& node = tree.nodes[i];
            nlohmann::json pieces;
            const auto rect = places.rects.find(node.id);
            if (rect != places.rects.end()) {
                box[i] = rect->second;
                has[i] = 1;
            } else if (node.passage >= 0 && node.end > node.begin) {
                const auto text = places.passages.find(node.passage);
                if (text == places.passages.end()) continue;
                const std::string& passage = core.corpus().article.passages[static_cast<std::size_t>(node.passage)].text;
                const SemanticPlaces::Text& t = text->second;
                ImRect b(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
                std::vector<ImRect> rects;
                std::vector<const RichFragment*> frags;
                for (const RichFragment& f : t.fragments) {
                    if (f.begin < node.begin || f.end > node.end || f.end <= f.begin) continue;
                    const ImRect r(ImVec2(t.origin.x + f.x, t.origin.y + f.y),
                                   ImVec2(t.origin.x + f.x + f.width, t.origin.y + f.y + t.line_height));
                    b.Add(r);
                    rects.push_back(r);
                    frags.push_back(&f);
                }
                if (frags.empty()) continue;
                box[i] = b;
                has[i] = 1;
                pieces = nlohmann::json::array();
                for (std::size_t k = 0; k < frags.size(); ++k) {
                    // A piece runs to the next one: the space where a line wraps (drawn by no
                    // fragment) stays in the text, so the run reads and copies whole.
                    std::size_t until = static_cast<std::size_t>(frags[k]->end);
                    if (k + 1 < frags.size()) {
                        until = std::max(until, static_cast<std::size_t>(frags[k + 1]->begin));
                    } else {
                        while (until < node.end && until < passage.size() && (passage[until] == ' ' || passage[until] == '\n'))
                            ++until;
                    }
                    pieces.push_back({{"text", passage.substr(frags[k]->begin, until - frags[k]->begin)},
                                      {"x", rounded(rects[k].Min.x - b.Min.x)},
                                      {"y", rounded(rects[k].Min.y - b.Min.y)},
                                      {"w", rounded(rects[k].GetWidth())},
                                      {"h", rounded(rects[k].GetHeight())},
                                      {"size", rounded(t.font_size)}});
                    if (until > frags[k]->end) pieces.back()["gap"] = until - frags[k]->end;  // bytes not drawn
                }
            } else {
                continue;
            }
            ImVec2 anchor(0, 0);
            for (int a = node.parent; a >= 0; a = tree.nodes[static_cast<std::size_t>(a)].parent) {
                if (has[static_cast<std::size_t>(a)]) {
                    anchor = box[static_cast<std::size_t>(a)].Min;
                    break;
                }
            }
            nlohmann::json op = {{"op", "place"},
                                 {"id", node.id},
                                 {"x", rounded(box[i].Min.x - anchor.x)},
                                 {"y", rounded(box[i].Min.y - anchor.y)},
                                 {"w", rounded(box[i].GetWidth())},
                                 {"h", rounded(box[i].GetHeight())}};
            if (!pieces.is_null()) op["pieces"] = std::move(pieces);
            std::string text = op.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            const auto before = placed.find(node.id);
            if (before == placed.end() || before->second != text) semantic_ops.push_back(std::move(op));
            now.emplace(node.id, std::move(text));
        }
        for (const auto& [id, text] : placed)
            if (!now.count(id) && tree.find(id) >= 0) semantic_ops.push_back({{"op", "unplace"}, {"id", id}});
        placed = std::move(now);
    }

    // Opens the passage menu of the mirror's actions element `id` ("passage/p3/actions"), the
    // focus on its first item; closes it when it is open (the focus back on `id`).
    void toggle_passage_menu(const std::string& id) {
        if (passage_menu == id) {
            layout.passage_menu_close = true;
            focus_request = id;
        } else {
            layout.passage_menu_open = id;
            focus_request = "passage-menu/copy";
        }
        semantics_dirty = true;
    }

    // Esc's first step: closes the topmost dialog (the problems panel, then the keyboard
    // help, then the Share dialog), the focus back on what opened it. False when none is open.
    bool close_dialog() {
        if (problems_showing(core, problems)) {
            problems.dismissed = core.open_report().serial;
            focus_request = "open";
        } else if (help.open) {
            help.open = false;
            focus_request = "help";
        } else if (share.showing) {
            share.close = true;
            focus_request = "share";
        } else if (notebook_ui.open) {
            notebook_ui.open = false;
            focus_request = "notebook-button";
        } else {
            return false;
        }
        semantics_dirty = true;
        return true;
    }

    // What the mirror's element `id` does, as the canvas control would.
    void activate(const std::string& id, double now) {
        const int i = tree.find(id);
        if (i < 0) return;
        const SemanticNode node = tree.nodes[static_cast<std::size_t>(i)];
        if (id.rfind("chip/", 0) == 0) {  // the chip goes: the focus to its neighbour
            std::vector<std::string> chips;
            for (const SemanticNode& n : tree.nodes)
                if (n.id.rfind("chip/", 0) == 0 && (n.flags & Semantic_Focusable)) chips.push_back(n.id);
            const auto at = std::find(chips.begin(), chips.end(), id);
            focus_candidates.assign(at == chips.end() ? at : at + 1, chips.end());
            for (auto k = at; k != chips.begin();) focus_candidates.push_back(*--k);
            focus_candidates.push_back("search/box");
        }
        if (node.role == SemanticRole::MenuItem && node.command != SemanticCommand::PassageAction) {  // a menu closes when an item is chosen
            layout.menu_request = Layout::Menu::Close;
            focus_request = tree.find("export-menu") >= 0 && id.rfind("export/", 0) == 0 ? "export" : "tours";
        }
        if (node.action) {
            // A passage opened (a Contexts row, an evidence list): the focus on that passage,
            // not on whatever comes first in the reader once what had the focus is gone.
            if (const auto* open = std::get_if<intent::OpenPassage>(&*node.action)) focus_request = "passage/" + open->passage;
            const Update u = apply(*node.action, Origin::User, now);
            if (u.selection && !core.state().selection.empty()) {
                layout.show_details = true;
                layout.show_filters = false;
            }
        }
        const std::size_t downloads_before = downloads.size();
        switch (node.command) {
        case SemanticCommand::None: break;
        case SemanticCommand::OpenShare:
            share.open = true;
            focus_request = "share-dialog/copy-link";
            break;
        case SemanticCommand::ExportPng:
        case SemanticCommand::ExportSvg: {
            ShellRequests shell;
            std::vector<Intent> intents;
            SemanticPlaces places;
            const FrameInput input;
            const ViewContext ctx = context(input, now, shell, intents, places);
            downloads.push_back(map_download(ctx, map, node.command == SemanticCommand::ExportPng));
            break;
        }
        case SemanticCommand::ExportMarkdown:
            downloads.push_back({"passages.md", "text/markdown",
                                 passages_markdown_text(core.corpus(), core.state(), core.derived().shown)});
            break;
        case SemanticCommand::ExportCsv:
            downloads.push_back({"entities.csv", "text/csv", entities_csv_text(core.corpus())});
            break;
        case SemanticCommand::ShowFilters: layout.show_filters = true; break;
        case SemanticCommand::ShowView: layout.show_filters = layout.show_details = false; break;
        case SemanticCommand::ShowHelp:
            help.open = !help.open;
            focus_request = help.open ? "help-dialog/close" : "help";
            break;
        case SemanticCommand::CloseDialog:
            share.close = true;
            focus_request = "share";
            break;
        case SemanticCommand::CopyLink:
            ImGui::SetClipboardText(share.link.c_str());
            share.copied_at = now;
            share.copied_what = "link";
            to_announce.emplace_back("Link copied.", false);
            break;
        case SemanticCommand::CopyEmbed:
            ImGui::SetClipboardText(share.snippet.c_str());
            share.copied_at = now;
            share.copied_what = "embed code";
            to_announce.emplace_back("Embed code copied.", false);
            break;
        case SemanticCommand::Preview:
            if (!share.preview_url.empty()) previews.push_back({share.preview_url, share.width, share.height});
            break;
        case SemanticCommand::Fullscreen: fullscreen_request = true; break;
        case SemanticCommand::OpenExport:
            layout.menu_request = export_open ? Layout::Menu::Close : Layout::Menu::OpenExport;
            focus_request = export_open ? "export" : "export/png";
            break;
        case SemanticCommand::OpenTours:
            if (!tours_open && !core.tours().empty()) focus_request = "tour/" + core.tours().front().id;
            else focus_request = "tours";
            layout.menu_request = tours_open ? Layout::Menu::Close : Layout::Menu::OpenTours;
            break;
        case SemanticCommand::ShareOption: {
            std::string said = share_option(share, id, "");
            if (!said.empty()) to_announce.emplace_back(std::move(said), false);
            break;
        }
        case SemanticCommand::OpenFile: open_request = true; break;
        case SemanticCommand::CloseProblems:
            problems.dismissed = core.open_report().serial;
            focus_request = "open";
            break;
        case SemanticCommand::MapLegend:
            map.show_legend = !map.show_legend;
            break;
        case SemanticCommand::OpenNotebook:  // as the toolbar's button: open (to the front) or close
            notebook_ui.open = !notebook_ui.open;
            notebook_ui.focus = notebook_ui.open;
            // The focus into the dialog (its first note, else Close), and back to the button.
            focus_request = !notebook_ui.open           ? "notebook-button"
                            : notebook.entries.empty() ? "notebook-dialog/close"
                                                       : "notebook/entry/0/note";
            break;
        case SemanticCommand::NotebookExport:
            if (id == "notebook/export/markdown")
                downloads.push_back({"notebook.md", "text/markdown", notebook_markdown(core.corpus(), notebook, share.page_url)});
            else if (id == "notebook/export/html")
                downloads.push_back({"notebook.html", "text/html", notebook_html(core.corpus(), notebook, share.page_url)});
            else if (id == "notebook/export/csl")
                downloads.push_back({"notebook.json", "application/vnd.citationstyles.csl+json",
                                     notebook_csl_json(core.corpus(), notebook, share.page_url)});
            break;
        case SemanticCommand::NotebookRemove: {  // "notebook/entry/<i>/remove"; the focus to the next entry, else Close
            const std::size_t e = std::strtoul(id.c_str() + std::strlen("notebook/entry/"), nullptr, 10);
            if (notebook.remove(e)) {
                to_announce.emplace_back("Removed from the notebook.", false);
                focus_request = e < notebook.entries.size()  ? "notebook/entry/" + std::to_string(e) + "/remove"
                                : notebook.entries.empty()   ? std::string("notebook-dialog/close")
                                                             : "notebook/entry/" + std::to_string(e - 1) + "/remove";
            }
            break;
        }
        case SemanticCommand::PassageMenu: toggle_passage_menu(id); break;
        case SemanticCommand::PassageAction:  // chosen on the canvas's menu, as a click would (next frame)
            layout.passage_menu_choose = id.substr(id.rfind('/') + 1);
            if (!passage_menu.empty()) focus_request = passage_menu;
            break;
        case SemanticCommand::NoticeDetails:
            notice_ui.details = !(notice_ui.details && notice_ui.shown == core.notice());
            notice_ui.shown = core.notice();
            focus_request = "notice/details";
            break;
        case SemanticCommand::ExportArticle:
            downloads.push_back({core.corpus().article.id + ".json", "application/json", core.article_json()});
            break;
        }
        // A short confirmation, as for the canvas's buttons.
        for (std::size_t k = downloads_before; k < downloads.size(); ++k) show_toast("Saved " + downloads[k].filename, now);
        semantics_dirty = true;
    }


    Update apply(const Intent& intent, Origin origin, double now) {
        Update u = core.apply(intent, origin, now);
        if (std::holds_alternative<intent::ForgetStored>(intent)) {  // the notebook is stored too
            notebook = {};
            notebook_saved = to_json(notebook, core.corpus()).dump();
        }
        react(u);
        return u;
    }

    void reset_views(std::string page_url) {
        const Layout page = layout;  // what the page said, not the views' (full screen)
        layout = {};
        layout.fullscreen_available = page.fullscreen_available;
        layout.fullscreen = page.fullscreen;
        brush = {};
        const bool dom_search = search.dom;  // the page's field stays the page's
        search = {};
        search.dom = dom_search;
        reader = ReaderState();
        map = {};
        entities = {};
        glossary = {};
        share = {};
        share.page_url = std::move(page_url);
        contexts = {};
        terms = {};
        gallery.cache.clear();
        theme = theme_for(core.theme());
        theme_applied = false;
    }

    ViewContext context(const FrameInput& input, double now, ShellRequests& shell, std::vector<Intent>& intents,
                        SemanticPlaces& places) {
        return ViewContext{core,  core.corpus(), core.state(), core.derived(), core.embed(), theme,  fonts,
                           layout, input,        now,          pinch_until,    brush,        shell, intents,
                           places, share.page_url, notebook};
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
    if (report.ok) {
        impl_->reset_views(impl_->share.page_url);
        impl_->article_serial = impl_->core.article_serial();
    }
    return report;
}

Update App::open_article(std::string_view text, std::string_view name, std::string_view date, Origin origin, double now) {
    if (!loaded()) return {};
    return impl_->apply(intent::OpenArticle{std::string(text), std::string(name), std::string(date)}, origin, now);
}

bool App::take_open_request() {
    const bool asked = impl_->open_request;
    impl_->open_request = false;
    return asked;
}

std::string App::article_json() const {
    const OpenReport& r = impl_->core.open_report();
    nlohmann::json problems = nlohmann::json::array();
    for (const Problem& p : r.problems)
        problems.push_back({{"severity", p.severity == Severity::Error ? "error" : "warning"},
                            {"message", p.message},
                            {"pointer", p.pointer},
                            {"line", p.line},
                            {"column", p.column}});
    for (std::size_t i = 0; i < r.problems.size(); ++i)
        if (!r.problems[i].passage_id.empty()) problems[i]["passage_id"] = r.problems[i].passage_id;
    nlohmann::json out = {{"name", r.name}, {"kind", to_string(r.kind)}, {"opened", r.opened},
                          {"summary", r.summary}, {"problems", std::move(problems)}};
    if (loaded()) {
        const Article& a = impl_->core.corpus().article;
        nlohmann::json facets = nlohmann::json::array();
        for (const Facet& f : a.facets) {
            if (f.built_in) continue;
            nlohmann::json values = nlohmann::json::array();
            for (const FacetValue& v : f.values) values.push_back({{"id", v.id}, {"label", v.label}});
            facets.push_back({{"id", f.id}, {"label", f.label}, {"values", std::move(values)}});
        }
        out["article"] = {{"id", a.id}, {"title", a.meta.title}, {"language", a.meta.language},
                          {"passages", a.passages.size()}, {"facets", std::move(facets)}};
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void App::fonts_changed() {
    impl_->reader.cache.clear();
    impl_->gallery.cache.clear();
}

std::string App::font_text() const { return impl_->core.font_text(); }

void App::set_missing_glyphs(std::vector<char32_t> missing) { impl_->missing_glyphs = std::move(missing); }
const std::vector<char32_t>& App::missing_glyphs() const { return impl_->missing_glyphs; }

namespace {
float settled_zoom(const AppImpl& m) { return std::round(m.reader.text_zoom * 20.0f) / 20.0f; }  // steps of 5 %
}  // namespace

bool App::wants_frames() const {
    const AppImpl& m = *impl_;
    if (!m.core.loaded()) return false;
    return (m.core.state().view == View::Reader && reader_animating(m.reader)) || m.search.focus || TouchScrolling() ||
           (m.core.state().view == View::Map && map_animating(m.map));
}

double App::next_wakeup() const {
    const AppImpl& m = *impl_;
    double at = m.core.next_wakeup();
    // "Copied" in the Share dialog goes away by itself.
    if (m.share.copied_at > 0) at = std::min(at, m.share.copied_at + 2.05);
    if (m.toast_at >= 0) at = std::min(at, m.toast_at + kToastSeconds + 0.05);
    // A pinch of the reader ended: its fonts are rasterised again at the new size then.
    if (m.fonts.reader_body && settled_zoom(m) != m.fonts.reader_zoom) at = std::min(at, std::max(m.pinch_until, m.last_frame));
    return at;
}

float App::ui_scale() const { return impl_->core.embed().scale; }

float App::reader_text_scale() const { return impl_->core.embed().scale * impl_->reader.text_zoom; }

float App::reader_font_zoom() const {
    const AppImpl& m = *impl_;
    if (m.last_frame < m.pinch_until) return m.fonts.reader_zoom;  // still pinching: no rebuild per move
    return settled_zoom(m);
}

void App::go_home(const std::string& reason, double now) {
    if (!loaded()) return;
    impl_->apply(intent::GoHome{reason}, Origin::Page, now);
}

void App::set_fullscreen(bool available, bool on) {
    if (impl_->layout.fullscreen_available != available || impl_->layout.fullscreen != on) impl_->semantics_dirty = true;
    impl_->layout.fullscreen_available = available;
    impl_->layout.fullscreen = on;
}

bool App::take_fullscreen_request() {
    const bool asked = impl_->fullscreen_request;
    impl_->fullscreen_request = false;
    return asked;
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
    SemanticPlaces places;
    const FrameInput input;
    const ViewContext ctx = m.context(input, 0, shell, intents, places);
    return map_svg_text(ctx, m.map);
}

std::string App::take_semantics() {
    AppImpl& m = *impl_;
    if (m.semantic_ops.empty()) return "";
    std::string out = m.semantic_ops.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    m.semantic_ops = nlohmann::json::array();
    return out;
}

void App::semantic_action(std::string_view id, double now) {
    if (loaded()) impl_->activate(std::string(id), now);
}

void App::semantic_focus(std::string_view id) {
    AppImpl& m = *impl_;
    if (!loaded()) return;
    m.focused = std::string(id);
    const int i = m.tree.find(m.focused);
    if (i < 0) return;
    m.reveal = m.focused;  // the window that draws it scrolls it into view
    // A passage, or something in it, not in view (a theme chip below the fold of a passage
    // whose first lines show): the reader scrolls to the passage, as a browser scrolls a
    // focused element into view. (Its text runs are placed piece by piece: a run in view is.)
    for (int k = i; k >= 0; k = m.tree.nodes[static_cast<std::size_t>(k)].parent) {
        const SemanticNode& n = m.tree.nodes[static_cast<std::size_t>(k)];
        if (n.id.rfind("passage/", 0) != 0 || n.id.find('/', 8) != std::string::npos) continue;
        const int p = m.core.corpus().article.find_passage(n.id.substr(8));
        if (p >= 0 && !m.placed.count(m.focused)) m.reader.scroll_to = p;
        break;
    }
}

void App::semantic_key(std::string_view key, double now) {
    AppImpl& m = *impl_;
    if (!loaded()) return;
    const ViewState& s = m.core.state();
    using K = ReaderState::Key;
    if (key == "close-menus") {
        if (m.export_open || m.tours_open) m.layout.menu_request = Layout::Menu::Close;
        if (!m.passage_menu.empty()) m.layout.passage_menu_close = true;
        return;
    }
    if (key == "context-menu") {  // Shift+F10, the menu key: the focused passage's (or row's) actions
        for (int k = m.tree.find(m.focused); k >= 0; k = m.tree.nodes[static_cast<std::size_t>(k)].parent) {
            const std::string actions = m.tree.nodes[static_cast<std::size_t>(k)].id + "/actions";
            const int a = m.tree.find(actions);
            if (a < 0 || m.tree.nodes[static_cast<std::size_t>(a)].command != SemanticCommand::PassageMenu) continue;
            if (m.passage_menu != actions) m.toggle_passage_menu(actions);
            break;
        }
        return;
    }
    if (key == "escape") {
        if (!m.passage_menu.empty()) {
            m.layout.passage_menu_close = true;
            m.focus_request = m.passage_menu;
        } else if (m.export_open || m.tours_open) {
            m.layout.menu_request = Layout::Menu::Close;
            m.focus_request = m.export_open ? "export" : "tours";
        } else if (!m.close_dialog()) {
            const bool manual_tour = m.core.tour().playing() && !m.core.tour_autoplay();
            if (!manual_tour && s.selection.empty() && m.layout.show_filters) m.layout.show_filters = false;
            else m.apply(intent::Dismiss{}, Origin::User, now);
        }
        m.semantics_dirty = true;
    } else if (key == "search") {
        m.focus_request = "search/box";
        m.semantics_dirty = true;
    } else if (key == "help") {
        m.help.open = !m.help.open;
        m.focus_request = m.help.open ? "help-dialog/close" : "help";
    } else if (key == "back") {
        m.apply(intent::Back{}, Origin::User, now);
    } else if (key == "forward") {
        m.apply(intent::Forward{}, Origin::User, now);
    } else if (key == "undo") {
        m.apply(intent::Undo{}, Origin::User, now);
    } else if (key.size() == 6 && key.rfind("view-", 0) == 0 && key[5] >= '1' && key[5] <= '9') {
        const View v = static_cast<View>(key[5] - '1');
        if (view_offered(m.core.embed(), v)) m.apply(intent::ShowView{v}, Origin::User, now);
    } else if (key == "page-down") {
        m.reader.key = K::PageDown;
    } else if (key == "page-up") {
        m.reader.key = K::PageUp;
    } else if (key == "home") {
        m.reader.key = K::Home;
    } else if (key == "end") {
        m.reader.key = K::End;
    } else if (key == "down") {
        m.reader.key = K::LineDown;
    } else if (key == "up") {
        m.reader.key = K::LineUp;
    }
}

void App::semantic_value(std::string_view id, std::string_view text, int caret) {
    AppImpl& m = *impl_;
    if (!loaded() || m.tree.find(std::string(id)) < 0) return;
    constexpr std::string_view entry = "notebook/entry/";
    if (id.rfind(entry, 0) == 0 && id.size() > 5 && id.substr(id.size() - 5) == "/note") {  // a notebook entry's note
        const std::size_t i = std::strtoul(std::string(id.substr(entry.size())).c_str(), nullptr, 10);
        m.notebook.set_note(i, std::string(text));
        m.semantics_dirty = true;
        return;
    }
    if (id == "map/min-weight") {  // the map's slider: a whole number of passages, 1 to 10
        const int w = std::atoi(std::string(text).c_str());
        if (w >= 1) m.apply(intent::SetMinWeight{std::clamp(w, 1, 10)}, Origin::User, 0);
        m.semantics_dirty = true;
        return;
    }
    share_option(m.share, id, text, caret);
    m.semantics_dirty = true;
}

void App::semantic_input(std::string_view text, bool typing, double now) {
    AppImpl& m = *impl_;
    if (!loaded()) return;
    m.apply(intent::SetQuery{std::string(text), typing}, Origin::User, now);
    if (!typing) m.apply(intent::SettleQuery{}, Origin::User, now);
}

void App::set_dom_search(bool dom) { impl_->search.dom = dom; }

std::string App::export_markdown() const {
    if (!loaded()) return "";
    const Controller& c = impl_->core;
    return passages_markdown_text(c.corpus(), c.state(), c.derived().shown);
}

std::string App::citation(int index) const {
    if (!loaded() || index < 0 || index >= static_cast<int>(impl_->core.corpus().article.passages.size())) return "";
    return wwe::citation(impl_->core.corpus(), index);
}

std::string App::notebook_json() const {
    if (!loaded()) return "null";
    nlohmann::json j = to_json(impl_->notebook, impl_->core.corpus());
    // Where the browser refuses storage: why, as the notebook window says it.
    if (!impl_->notebook_ui.storage_problem.empty()) j["storage_problem"] = impl_->notebook_ui.storage_problem;
    return j.dump();
}

std::string App::take_notebook_save() {
    AppImpl& m = *impl_;
    if (!loaded() || !m.notebook_restored) return "";
    nlohmann::json j = to_json(m.notebook, m.core.corpus());
    std::string now = j.dump();
    if (now == m.notebook_saved) return "";
    m.notebook_saved = now;
    // Into the stored document's notebook slot (persist.hpp), written with the views.
    m.core.set_article_notebook(m.notebook.entries.empty() ? nlohmann::json() : std::move(j));
    return now;
}

std::vector<std::string> App::restore_notebook(std::string_view json_text, std::string storage_problem) {
    AppImpl& m = *impl_;
    std::vector<std::string> out;
    m.notebook_ui.storage_problem = std::move(storage_problem);
    m.notebook_restored = true;
    if (!loaded()) return out;
    if (json_text.empty()) {
        m.notebook_saved = to_json(m.notebook, m.core.corpus()).dump();
        return out;
    }
    std::vector<Diagnostic> problems;
    const JsonRead read = read_json(json_text, kNotebookJsonLimits);
    if (!read.ok) {
        out.push_back("The notebook kept in this browser could not be read; it starts empty.");
        return out;
    }
    Notebook nb = notebook_from_json(read.value, m.core.corpus(), problems);
    for (const Diagnostic& d : problems) out.push_back(d.to_string());
    // What was collected before this page loaded comes first; anything added meanwhile follows.
    for (NotebookEntry& e : m.notebook.entries) nb.add(std::move(e));
    m.notebook = std::move(nb);
    m.notebook_saved.clear();  // take_notebook_save() hands it on (into the stored document)
    return out;
}

std::string App::export_notebook(std::string_view format) const {
    if (!loaded()) return "";
    const AppImpl& m = *impl_;
    if (format == "markdown") return notebook_markdown(m.core.corpus(), m.notebook, m.share.page_url);
    if (format == "html") return notebook_html(m.core.corpus(), m.notebook, m.share.page_url);
    if (format == "csl-json") return notebook_csl_json(m.core.corpus(), m.notebook, m.share.page_url);
    return "";
}

std::vector<std::string> App::add_to_notebook(std::string_view passage_id, std::string_view note) {
    AppImpl& m = *impl_;
    if (!loaded()) return {"no article is loaded"};
    if (m.core.corpus().article.find_passage(std::string(passage_id)) < 0)
        return {"error: /passage: expected the id of a passage, found \"" + std::string(passage_id) + "\""};
    NotebookEntry e;
    e.passage = std::string(passage_id);
    e.note = std::string(note);
    e.query = m.core.state().query;
    e.from = "page";
    if (!m.notebook.add(std::move(e))) return {"the passage is in the notebook already (or it is full)"};
    return {};
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

std::vector<std::string> App::open_location(std::string_view query, std::string_view fragment,
                                            const SystemPreferences& prefers, double now) {
    if (!loaded()) return {};
    AppImpl& m = *impl_;
    const Update u = m.core.open_location(query, fragment, prefers, now);
    m.theme = theme_for(m.core.theme());
    m.theme_applied = false;
    m.react(u);
    return strings(u.problems);
}

std::vector<std::string> App::restore_stored(std::string_view stored, bool available, double now) {
    if (!loaded()) return {};
    AppImpl& m = *impl_;
    const Update u = m.core.restore_stored(stored, available, now);
    m.react(u);
    std::vector<std::string> out = strings(u.problems);
    // The notebook of this article, from the stored document's notebook slot: its entries
    // that fit the article are kept, the others reported in the same notice.
    m.notebook_ui.storage_problem =
        available ? "" : "This browser does not let the page keep data: the notebook lasts until the page is closed. Export it to keep it.";
    for (std::string& line : m.take_stored_notebook()) out.push_back(std::move(line));
    return out;
}

void App::set_preferences(const SystemPreferences& prefers) {
    AppImpl& m = *impl_;
    const bool touch = m.core.touch_targets();
    if (!m.core.set_preferences(prefers) && touch == m.core.touch_targets()) return;
    m.theme = theme_for(m.core.theme());
    m.theme_applied = false;  // the next frame applies it and tells the mirror (a "style" op)
}

const EmbedOptions& App::embed() const { return impl_->core.embed(); }

std::string App::notice_json() const {
    const Notice& n = impl_->core.notice();
    // The problems may quote the file's bytes (a "last read" of a broken file): never a throw.
    return nlohmann::json{{"title", n.title}, {"plain", n.plain}, {"problems", n.problems}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
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
        apply_theme(m.theme, ImGui::GetStyle(), m.core.touch_targets(), Controller::kTouchTarget / m.core.embed().scale);
        m.theme_applied = true;
        m.style_sent = false;
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
    // The problems panel closed (its button, Esc, the mirror): the notice of the same open
    // goes with it, the problems were shown once.
    if (m.problems.dismissed != m.problems_closed) {
        m.problems_closed = m.problems.dismissed;
        if (m.problems.dismissed == m.core.open_report().serial && m.core.notice_is_open_report()) {
            report.intents.push_back(intent::DismissNotice{});
            report.update.merge(m.apply(report.intents.back(), Origin::User, now));
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    if (input.find_key || (input.slash_key && !io.WantTextInput)) m.search.focus = true;
    if (input.gallery_key) m.gallery.open = !m.gallery.open;
    if (input.pinching) m.pinch_until = now + kPinchGuardSeconds;
    m.last_frame = now;

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
    SemanticPlaces places;
    places.reveal = m.reveal;
    places.focused = m.focused;
    m.layout.saved_focus = m.focused.rfind("saved/", 0) == 0;
    ViewContext ctx = m.context(input, now, shell, intents, places);
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
    // The details column's width is counted whether or not something is selected: opening
    // the details never folds the filters, and the reader keeps the measure it has with them
    // (a steady page: nothing re-wraps under the pointer that just picked a node).
    const float details_room = std::clamp(width * 0.28f, 300.0f, 420.0f);
    const float details_w = has_details ? details_room : 0.0f;
    m.layout.small = width < kSmallWidth;
    m.layout.narrow = m.layout.small || embed.chrome == EmbedOptions::Chrome::Compact ||
                      width - facets_w - details_room < width * kMinViewShare;
    if (!has_details) m.layout.show_details = false;
    if (!m.layout.narrow) m.layout.show_filters = false;
    if (m.core.refused()) {  // a lock that cannot hold: nothing but the notice saying why
        draw_notice(ctx, m.notice_ui);
        ImGui::PopFont();
        ImGui::End();
        m.update_semantics(places);
        return report;
    }
    if (chrome) {
        draw_search_bar(ctx, m.search);
        draw_toolbar(ctx);
    } else {
        m.layout.show_filters = false;
    }
    // A file that could not be opened: its problems are in the panel only (shown once).
    if (!(problems_showing(m.core, m.problems) && m.core.notice_is_open_report())) draw_notice(ctx, m.notice_ui);
    if (!m.missing_glyphs.empty()) {
        // Characters no font has: said, not drawn as "?".
        ImGui::PushFont(m.fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, m.theme.text_muted);
        const std::string line = undrawable_line(m.missing_glyphs);
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    auto panel = [&](const char* id, float w, auto&& draw, bool tinted, ImGuiWindowFlags flags = ImGuiWindowFlags_None) {
        if (tinted) ImGui::PushStyleColor(ImGuiCol_ChildBg, m.theme.panel);
        ImGui::BeginChild(id, ImVec2(w, avail.y), false,
                          flags | (tinted ? ImGuiWindowFlags_AlwaysUseWindowPadding : ImGuiWindowFlags_None));
        if (tinted) ImGui::PopStyleColor();
        draw();
        ImGui::EndChild();
        // The panel's landmark sits over it (its elements are placed within).
        const char* landmark = std::string_view(id) == "##facets" ? "filters" : std::string_view(id) == "##details" ? "details" : "view";
        places.place_item(landmark);
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
    case View::Contexts:
        center_id = "##contexts";
        center_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;  // the table scrolls
        break;
    case View::Terms:
        center_id = "##terms";
        center_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
        break;
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
        case View::Contexts: draw_contexts(ctx, m.contexts); break;
        case View::Terms: draw_terms(ctx, m.terms); break;
        }
    };
    auto facets = [&] {
        draw_facets(ctx);
        draw_key_terms(ctx);
    };
    auto details = [&] { draw_details(ctx); };
    m.layout.steady_width = 0;
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
        // The centre's width with the details beside it (the reader's measure follows it).
        const bool details_fit = !(m.layout.narrow && m.layout.show_filters);
        m.layout.steady_width = details_fit ? avail.x - left - details_room - spacing * ((show_facets ? 1 : 0) + 1)
                                            : center_w;
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
    if (shell.fullscreen) m.fullscreen_request = true;
    draw_share(ctx, m.share);
    draw_problems(ctx, m.problems);
    if (shell.open_file) m.open_request = true;
    draw_tour_caption(ctx);
    if (m.gallery.open) draw_gallery(ctx, m.gallery, m.reader);
    if (m.help.open) draw_help(ctx, m.help);
    if (shell.open_notebook) {  // the toolbar's button: open (to the front) or close
        m.notebook_ui.open = !m.notebook_ui.open;
        m.notebook_ui.focus = m.notebook_ui.open;
    }
    draw_notebook(ctx, m.notebook_ui, m.notebook);
    // A short confirmation over the bottom of the view (it covers nothing one would click).
    if (!m.toast.empty() && now - m.toast_at < kToastSeconds) {
        const ImVec2 ts = ImGui::CalcTextSize(m.toast.c_str());
        const ImVec2 pad(14, 8);
        const ImVec2 at((io.DisplaySize.x - ts.x) * 0.5f - pad.x, io.DisplaySize.y - ts.y - 2 * pad.y - 16);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(at, ImVec2(at.x + ts.x + 2 * pad.x, at.y + ts.y + 2 * pad.y), m.theme.text, 8.0f);
        fg->AddText(ImVec2(at.x + pad.x, at.y + pad.y), m.theme.background, m.toast.c_str());
    }
    ImGui::PopFont();

    // Esc: first the topmost dialog (a pop-up closes itself), then a manual tour or the
    // selection, then the filter panel, then the search.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !popup_open && !m.close_dialog()) {
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
    if (shell.map_png) shell.downloads.push_back(map_download(ctx, m.map, true));
    if (shell.map_svg) shell.downloads.push_back(map_download(ctx, m.map, false));
    for (Download& d : shell.downloads) {
        m.show_toast("Saved " + d.filename, now);
        m.downloads.push_back(std::move(d));
    }
    for (NotebookEntry& e : shell.notebook_add) {
        const std::string pid = e.passage;
        const int p = m.core.corpus().article.find_passage(pid);
        if (m.notebook.add(std::move(e))) {
            m.show_toast("Passage " + std::to_string(p + 1) + " added to the notebook (" +
                             std::to_string(m.notebook.entries.size()) + ")",
                         now);
        } else {
            m.show_toast(m.notebook.entries.size() >= kMaxNotebookEntries ? "The notebook is full (500 passages)"
                                                                         : "Already in the notebook",
                         now);
        }
    }
    if (!shell.copied.empty()) m.show_toast(shell.copied, now);
    for (PreviewRequest& p : shell.previews) m.previews.push_back(std::move(p));
    {
        float x, y, w, h;
        map_rect(m.map, x, y, w, h);
        m.map_drawn = w > 0;
    }
    // The menus as drawn; the mirror's request is done (a closed menu stays closed).
    if (m.export_open != shell.export_open || m.tours_open != shell.tours_open) m.semantics_dirty = true;
    m.export_open = shell.export_open;
    m.tours_open = shell.tours_open;
    m.layout.menu_request = Layout::Menu::Keep;
    if (m.passage_menu != shell.passage_menu) m.semantics_dirty = true;
    m.passage_menu = shell.passage_menu;
    m.passage_menu_passage = shell.passage_menu_passage;
    // The mirror's request is done once a frame drew the menu (or it is not drawn: let go).
    m.layout.passage_menu_open.clear();
    m.layout.passage_menu_choose.clear();
    m.layout.passage_menu_close = false;
    m.reveal.clear();  // scrolled to (the scroll shows in the trailing frames of the focus's input)
    m.update_semantics(places);
    return report;
}

}  // namespace wwe::ui
