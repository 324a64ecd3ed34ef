#include "semantics.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "concordance.hpp"
#include "date.hpp"
#include "describe.hpp"
#include "graph.hpp"
#include "matrix.hpp"
#include "query.hpp"
#include "text.hpp"

namespace wwe {

using nlohmann::json;

namespace {

// Links to nodes in one passage's text at most (each node's first mention is one; past this
// many the names read as text too).
constexpr int kMaxMentionLinks = 64;

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

class Builder {
public:
    explicit Builder(SemanticTree& tree) : t_(tree) {}

    // Marks element `i` as text in language `lang` (the mirror's lang attribute).
    void set_lang(int i, const std::string& lang) { t_.nodes[static_cast<std::size_t>(i)].lang = lang; }

    // Adds an element under `parent` (index); returns its index.
    int add(int parent, std::string id, SemanticRole role, std::string name = {}, std::uint16_t flags = 0) {
        SemanticNode n;
        n.id = std::move(id);
        n.role = role;
        n.name = std::move(name);
        n.parent = parent;
        n.flags = flags;
        t_.nodes.push_back(std::move(n));
        return static_cast<int>(t_.nodes.size()) - 1;
    }
    int button(int parent, std::string id, std::string name, Intent action, std::uint16_t flags = 0,
               SemanticRole role = SemanticRole::Button) {
        const int i = add(parent, std::move(id), role, std::move(name), flags | Semantic_Focusable);
        t_.nodes[static_cast<std::size_t>(i)].action = std::move(action);
        return i;
    }
    int command(int parent, std::string id, std::string name, SemanticCommand command, std::uint16_t flags = 0) {
        const int i = add(parent, std::move(id), SemanticRole::Button, std::move(name), flags | Semantic_Focusable);
        t_.nodes[static_cast<std::size_t>(i)].command = command;
        return i;
    }
    int heading(int parent, std::string id, std::string name, int level) {
        const int i = add(parent, std::move(id), SemanticRole::Heading, std::move(name));
        at(i).level = level;
        return i;
    }
    SemanticNode& at(int i) { return t_.nodes[static_cast<std::size_t>(i)]; }

private:
    SemanticTree& t_;
};

std::string node_kind_text(const Article& a, const Node& n) {
    std::string kind = to_string(n.kind);
    if (n.type >= 0) kind += ", " + a.node_types[static_cast<std::size_t>(n.type)].label;
    return kind;
}

std::string facet_value_text(const Article& a, int f, int v) {
    const Facet& facet = a.facets[static_cast<std::size_t>(f)];
    return facet.label + ": " + facet.values[static_cast<std::size_t>(v)].label;
}

Intent select_node(const Article& a, int n, int selected) {
    if (n == selected) return intent::Select{Selection{}};
    return intent::Select{{Selection::Kind::Node, a.nodes[static_cast<std::size_t>(n)].id}};
}

// The facet index a matrix axis shows (as the matrix view does: the state's, else the
// first facet for rows and the second for columns).
int axis_facet(const Article& a, const std::string& id, int fallback) {
    if (!id.empty()) {
        const int f = a.find_facet(id);
        if (f >= 0) return f;
    }
    if (a.facets.empty()) return -1;
    return fallback < static_cast<int>(a.facets.size()) ? fallback : 0;
}

// An excerpt of a passage's text for a list of passages ("Passage 3: ...").
std::string passage_line(const Corpus& c, int p, std::size_t bytes = 120) {
    return "Passage " + std::to_string(p + 1) + ": " + word_excerpt(c.article.passages[static_cast<std::size_t>(p)].text, bytes);
}

void passage_actions(Builder& b, const Presentation& pr, int parent, const std::string& id, int p);

// A list of passages as links; with `pr`, each with its actions ("…": copy, cite, link,
// collect) after it, as the details' evidence offers them.
void passage_links(Builder& b, const Corpus& c, const Derived& d, int parent, const std::string& prefix,
                   const std::vector<int>& passages, const Presentation* pr = nullptr) {
    for (const int p : passages) {
        const std::string& id = c.article.passages[static_cast<std::size_t>(p)].id;
        const int li = b.add(parent, prefix + "/" + id, SemanticRole::ListItem);
        const int link = b.button(li, prefix + "/" + id + "/open", passage_line(c, p), intent::OpenPassage{id, false}, 0,
                                  SemanticRole::Link);
        if (!d.passage_in(p)) b.at(link).description = "hidden by the current filters; opening it clears them";
        if (pr) passage_actions(b, *pr, li, prefix + "/" + id + "/actions", p);
    }
}

void build_search(Builder& b, const Controller& ctl, const Presentation& pr, int root) {
    const Corpus& c = ctl.corpus();
    const ViewState& s = ctl.state();
    const int search = b.add(root, "search", SemanticRole::Search, "Search the article");
    if (ctl.embed().kiosk) {
        const int topics = b.add(search, "topics", SemanticRole::Group, "Topics");
        for (std::size_t i = 0; i < c.article.topics.size(); ++i) {
            const Topic& t = c.article.topics[i];
            const bool on = s.query == t.query;
            b.button(topics, "topic/" + std::to_string(i), t.label, intent::SetQuery{on ? std::string() : t.query, false},
                     on ? Semantic_Pressed : 0);
        }
    } else {
        const int box = b.add(search, "search/box", SemanticRole::SearchBox, "Search the article", Semantic_Focusable);
        b.at(box).value = s.query;
        b.at(box).description = "Words, \"quoted phrases\" or names; shortcut: / or Ctrl+F";
    }
    b.add(search, "search/result", SemanticRole::Status, result_summary(c, s, static_cast<int>(ctl.derived().shown.size())));
    if (pr.folded) {
        int chosen = 0;
        for (const auto& [facet, values] : s.facets) chosen += static_cast<int>(values.size());
        b.command(search, "show-filters", chosen ? "Filters (" + std::to_string(chosen) + " chosen)" : "Filters",
                  pr.filters ? SemanticCommand::ShowView : SemanticCommand::ShowFilters,
                  pr.filters ? Semantic_Expanded : 0);
    }
}

void build_toolbar(Builder& b, const Controller& ctl, const Presentation& pr, int root) {
    const ViewState& s = ctl.state();
    const EmbedOptions& e = ctl.embed();
    const int bar = b.add(root, "toolbar", SemanticRole::Toolbar, "Explorer");
    const int back = b.button(bar, "back", "Back", intent::Back{}, ctl.can_back() ? 0 : Semantic_Disabled);
    b.at(back).description = "Alt+Left";
    const int forward = b.button(bar, "forward", "Forward", intent::Forward{}, ctl.can_forward() ? 0 : Semantic_Disabled);
    b.at(forward).description = "Alt+Right";
    const int tabs = b.add(bar, "tabs", SemanticRole::TabList, "Views");
    for (int v = 0; v < kViewCount; ++v) {
        const View view = static_cast<View>(v);
        if (!view_offered(e, view)) continue;
        const int tab = b.button(tabs, std::string("tab/") + to_string(view), view_label(view), intent::ShowView{view},
                                 s.view == view ? Semantic_Selected : 0, SemanticRole::Tab);
        b.at(tab).description = "Key " + std::to_string(v + 1);
    }
    if (!ctl.tours().empty()) {
        const int tours = b.command(bar, "tours", "Tour", SemanticCommand::OpenTours,
                                    Semantic_Expandable | Semantic_PopupMenu | (pr.tours_open ? Semantic_Expanded : 0));
        b.at(tours).description = "Guided tours of the article";
    }
    if (!e.kiosk) {
        const int notebook = b.command(bar, "notebook-button", "Notebook", SemanticCommand::OpenNotebook,
                                       Semantic_Expandable | Semantic_PopupDialog | (pr.notebook_open ? Semantic_Expanded : 0));
        b.at(notebook).description = "The passages you collected, with your notes";
        b.command(bar, "open", "Open a file (an article, or a text to explore)", SemanticCommand::OpenFile);
        b.command(bar, "share", "Share this view", SemanticCommand::OpenShare,
                  Semantic_Expandable | Semantic_PopupDialog | (pr.share_open ? Semantic_Expanded : 0));
        b.command(bar, "export", "Export", SemanticCommand::OpenExport,
                  Semantic_Expandable | Semantic_PopupMenu | (pr.export_open ? Semantic_Expanded : 0));
    }
    if (!e.kiosk) {  // saved views (persist.hpp): save, open, delete, forget everything
        const int saved = b.add(bar, "saved", SemanticRole::Group, "Saved views");
        const std::string name = suggested_bookmark_name(ctl.corpus(), s);
        const int save = b.button(saved, "saved/save", "Save this view", intent::SaveBookmark{name});
        b.at(save).description = "as \"" + name + "\"" + (ctl.storage_available() ? "" : ", for this visit only");
        for (std::size_t i = 0; i < ctl.bookmarks().size(); ++i) {
            const std::string id = "saved/" + std::to_string(i);
            // In the order the Saved pop-up draws them (Delete, then the name), so that the
            // arrow keys go the way the eye does.
            b.button(saved, id + "/delete", "Delete saved view: " + ctl.bookmarks()[i].name,
                     intent::DeleteBookmark{static_cast<int>(i)});
            b.button(saved, id + "/open", "Open saved view: " + ctl.bookmarks()[i].name,
                     intent::OpenBookmark{static_cast<int>(i)});
        }
        b.button(saved, "saved/forget", "Forget everything stored", intent::ForgetStored{});
    }
    if (pr.fullscreen_available && !e.kiosk) {
        b.command(bar, "fullscreen", pr.fullscreen ? "Exit full screen" : "Full screen", SemanticCommand::Fullscreen,
                  pr.fullscreen ? Semantic_Pressed : 0);
    }
    const int help = b.command(bar, "help", "Keyboard shortcuts", SemanticCommand::ShowHelp,
                               Semantic_Expandable | Semantic_PopupDialog | (pr.help_open ? Semantic_Expanded : 0));
    b.at(help).description = "?";
}

// The open menus of the toolbar (only while open: a closed menu has no tab stop).
void build_menus(Builder& b, const Controller& ctl, const Presentation& pr, int root) {
    const ViewState& s = ctl.state();
    if (pr.tours_open && !ctl.tours().empty()) {
        const int menu = b.add(root, "tours-menu", SemanticRole::Menu, "Guided tours");
        for (std::size_t i = 0; i < ctl.tours().size(); ++i) {
            const ResolvedTour& t = ctl.tours()[i];
            const int item = b.button(menu, "tour/" + t.id, t.label, intent::StartTour{static_cast<int>(i)},
                                      ctl.tour().playing() && ctl.tour().tour() == static_cast<int>(i) ? Semantic_Current : 0,
                                      SemanticRole::MenuItem);
            b.at(item).description = plural(static_cast<int>(t.steps.size()), "stop", "stops") +
                                     (t.description.empty() ? "" : ". " + t.description);
        }
    }
    if (pr.export_open && !ctl.embed().kiosk) {
        const int menu = b.add(root, "export-menu", SemanticRole::Menu, "Export");
        const auto item = [&](const char* id, std::string name, SemanticCommand command, std::uint16_t flags = 0) {
            const int i = b.command(menu, id, std::move(name), command, flags);
            b.at(i).role = SemanticRole::MenuItem;
            return i;
        };
        const int png = item("export/png", "Concept map as PNG image", SemanticCommand::ExportPng,
                             s.view == View::Map && pr.map_drawn ? 0 : Semantic_Disabled);
        if (s.view != View::Map) b.at(png).description = "open the map first (2)";
        item("export/svg", "Concept map as SVG", SemanticCommand::ExportSvg);
        item("export/markdown", "Passages shown (" + std::to_string(ctl.derived().shown.size()) + ") as Markdown with citations",
             SemanticCommand::ExportMarkdown);
        item("export/csv", "Entities table as CSV", SemanticCommand::ExportCsv);
        item("export/article", "Save as article (JSON)", SemanticCommand::ExportArticle);
    }
}

// The current filter, each part removable (a row of its own after the toolbar).
void build_chips(Builder& b, const Controller& ctl, int root) {
    const Article& a = ctl.corpus().article;
    const ViewState& s = ctl.state();
    const EmbedOptions& e = ctl.embed();
    if (s.facets.empty() && s.query.empty()) return;
    const int chips = b.add(root, "chips", SemanticRole::List, "Current filters");
    for (const auto& [facet_id, values] : s.facets) {
        const int f = a.find_facet(facet_id);
        if (f < 0) continue;
        const Facet& facet = a.facets[static_cast<std::size_t>(f)];
        for (const std::string& v : values) {
            const int vi = facet.find_value(v);
            if (vi < 0) continue;
            const auto lock = e.locked.find(facet_id);
            const bool locked = lock != e.locked.end() && lock->second.count(v);
            const int li = b.add(chips, "chip/" + facet_id + "/" + v, SemanticRole::ListItem);
            const int chip = b.button(li, "chip/" + facet_id + "/" + v + "/remove",
                                      (locked ? "" : "Remove ") + facet_value_text(a, f, vi),
                                      intent::ToggleFacetValue{facet_id, v}, locked ? Semantic_Disabled : 0);
            if (locked) b.at(chip).description = "set by the page this explorer is embedded in";
        }
    }
    if (!s.query.empty()) {
        const int li = b.add(chips, "chip/query", SemanticRole::ListItem);
        b.button(li, "chip/query/remove", "Remove the search " + quoted_query(s.query), intent::SetQuery{std::string(), false});
    }
    // After the list, not in it: a Tab stop of its own (the list is one, arrows within).
    b.button(root, "chip/clear/all", "Clear all filters and the search", intent::ClearFilters{});
}

// The notice: its title, what became of each part in plain words, then a "Details"
// disclosure; the technical lines (parser messages, JSON pointers) only while it is open.
void build_notice(Builder& b, const Controller& ctl, const Presentation& pr, int root) {
    const Notice& n = ctl.notice();
    if (n.empty()) return;
    const int alert = b.add(root, "notice", SemanticRole::Alert, n.title);
    const int list = b.add(alert, "notice/problems", SemanticRole::List);
    for (std::size_t i = 0; i < n.plain.size(); ++i)
        b.add(b.add(list, "notice/problem/" + std::to_string(i), SemanticRole::ListItem),
              "notice/problem/" + std::to_string(i) + "/text", SemanticRole::Text, n.plain[i]);
    if (!n.problems.empty()) {
        b.command(alert, "notice/details", "Details", SemanticCommand::NoticeDetails,
                  Semantic_Expandable | (pr.notice_details ? Semantic_Expanded : 0));
        if (pr.notice_details) {
            const int detail = b.add(alert, "notice/detail", SemanticRole::List, "Details");
            for (std::size_t i = 0; i < n.problems.size(); ++i)
                b.add(b.add(detail, "notice/detail/" + std::to_string(i), SemanticRole::ListItem),
                      "notice/detail/" + std::to_string(i) + "/text", SemanticRole::Text, n.problems[i]);
        }
    }
    b.button(alert, "notice/dismiss", "Dismiss the notice", intent::DismissNotice{});
}

// The problems panel as a dialog: the summary, then each problem in plain words with its
// place in the file (pointer, line) after them, then what the panel's buttons do.
void build_problems(Builder& b, const Controller& ctl, int root) {
    const OpenReport& r = ctl.open_report();
    const int dialog = b.add(root, "problems-dialog", SemanticRole::Dialog, r.summary);
    b.heading(dialog, "problems-dialog/title", r.summary, 2);
    const int list = b.add(dialog, "problems-dialog/list", SemanticRole::List, "Problems of the file");
    for (std::size_t i = 0; i < r.problems.size(); ++i) {
        const Problem& p = r.problems[i];
        const std::string id = "problems-dialog/problem/" + std::to_string(i);
        const int item = b.add(list, id, SemanticRole::ListItem);
        b.add(item, id + "/text", SemanticRole::Text, (p.severity == Severity::Error ? "Error: " : "Warning: ") + p.message);
        if (const std::string where = problem_place_text(p); !where.empty())
            b.add(item, id + "/where", SemanticRole::Text, where);
    }
    b.command(dialog, "problems-dialog/open", "Open another file...", SemanticCommand::OpenFile);
    b.command(dialog, "problems-dialog/close", "Close", SemanticCommand::CloseProblems);
}

void build_filters(Builder& b, const Controller& ctl, int root) {
    const Article& a = ctl.corpus().article;
    const ViewState& s = ctl.state();
    const auto& counts = ctl.derived().result.counts;
    const int panel = b.add(root, "filters", SemanticRole::Complementary, "Filters");
    b.add(panel, "filters/help", SemanticRole::Text, "Passages with any ticked value of a group, and of every group.");
    if (!s.facets.empty()) b.button(panel, "filters/clear", "Clear all filters", intent::ClearFacets{});
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        const Facet& facet = a.facets[f];
        const int group = b.add(panel, "facet/" + facet.id, SemanticRole::Group, facet.label);
        b.at(group).description = facet.description;
        const auto chosen = s.facets.find(facet.id);
        const auto lock = ctl.embed().locked.find(facet.id);
        for (std::size_t v = 0; v < facet.values.size(); ++v) {
            const FacetValue& value = facet.values[v];
            const bool on = chosen != s.facets.end() && chosen->second.count(value.id);
            const bool locked = lock != ctl.embed().locked.end();
            const int count = f < counts.size() && v < counts[f].size() ? counts[f][v] : 0;
            const int box = b.button(group, "facet/" + facet.id + "/" + value.id, value.label,
                                     intent::ToggleFacetValue{facet.id, value.id},
                                     (on ? Semantic_Checked : 0) | (locked ? Semantic_Disabled : 0), SemanticRole::Checkbox);
            b.at(box).description = plural(count, "passage", "passages") + (locked ? "; set by this page" : "");
        }
    }
}

// A passage's actions (copy, cite, link, collect), as the canvas's "…": a menu button `id`
// under `parent`, and while its menu is open (Presentation::passage_menu) the menu after it.
void passage_actions(Builder& b, const Presentation& pr, int parent, const std::string& id, int p) {
    const bool open = pr.passage_menu == id;
    const int button = b.command(parent, id, "Actions for passage " + std::to_string(p + 1), SemanticCommand::PassageMenu,
                                 Semantic_Expandable | Semantic_PopupMenu | (open ? Semantic_Expanded : 0));
    b.at(button).description = "copy, copy with citation, copy link, add to notebook (Shift+F10)";
    if (!open) return;
    const int menu = b.add(parent, "passage-menu", SemanticRole::Menu, "Passage " + std::to_string(p + 1));
    const auto item = [&](const char* key, std::string name, std::uint16_t flags = 0) {
        const int i = b.command(menu, std::string("passage-menu/") + key, std::move(name), SemanticCommand::PassageAction, flags);
        b.at(i).role = SemanticRole::MenuItem;
    };
    item("copy", "Copy");
    item("cite", "Copy with citation");
    item("link", "Copy link to this passage");
    if (pr.passage_menu_collected) item("collect", "In the notebook", Semantic_Disabled);
    else item("collect", "Add to notebook");
}

// The notebook window as a dialog: its exports, then each entry (its passage's number and
// text, the reader's note as a text box, open and remove), then Close.
void build_notebook(Builder& b, const Controller& ctl, const Presentation& pr, int root) {
    const Article& a = ctl.corpus().article;
    const Notebook& nb = pr.notebook;
    const int n = static_cast<int>(nb.entries.size());
    const int dialog = b.add(root, "notebook-dialog", SemanticRole::Dialog, "Notebook: " + plural(n, "passage", "passages"));
    const int exports = b.add(dialog, "notebook/export", SemanticRole::Group, "Save the notebook");
    const std::uint16_t none = n == 0 ? Semantic_Disabled : 0;
    b.at(b.command(exports, "notebook/export/markdown", "Markdown", SemanticCommand::NotebookExport, none)).description =
        "the passages with their citations and your notes";
    b.command(exports, "notebook/export/html", "HTML", SemanticCommand::NotebookExport, none);
    b.at(b.command(exports, "notebook/export/csl", "CSL-JSON (Zotero)", SemanticCommand::NotebookExport, none)).description =
        "for reference managers: Zotero imports it (File, Import)";
    b.add(dialog, "notebook/storage", SemanticRole::Paragraph,
          pr.notebook_storage_problem.empty() ? "Kept in this browser: a reload loses nothing." : pr.notebook_storage_problem);
    if (n == 0) {
        b.add(dialog, "notebook/empty", SemanticRole::Paragraph,
              "Nothing collected yet. Any passage can be added: use its actions (Shift+F10) in the reader, in Contexts, "
              "or in a map edge's evidence.");
    } else {
        const int list = b.add(dialog, "notebook/entries", SemanticRole::List, "Collected passages");
        for (int i = 0; i < n; ++i) {
            const NotebookEntry& e = nb.entries[static_cast<std::size_t>(i)];
            const int p = a.find_passage(e.passage);
            if (p < 0) continue;
            const std::string id = "notebook/entry/" + std::to_string(i);
            std::string head = "Passage " + std::to_string(p + 1);
            if (!e.query.empty()) head += ", from the search " + quoted_query(e.query);
            const int li = b.add(list, id, SemanticRole::ListItem, head);
            b.heading(li, id + "/head", head, 3);
            const std::string& text = a.passages[static_cast<std::size_t>(p)].text;
            const bool part = e.end > e.begin && e.end <= text.size();
            b.add(li, id + "/text", SemanticRole::Paragraph, part ? text.substr(e.begin, e.end - e.begin) : text);
            const int note = b.add(li, id + "/note", SemanticRole::TextBox, "Your note on passage " + std::to_string(p + 1),
                                   Semantic_Focusable);
            b.at(note).value = e.note;
            b.button(li, id + "/open", "Open passage " + std::to_string(p + 1) + " in the reader", intent::OpenPassage{e.passage});
            b.command(li, id + "/remove", "Remove passage " + std::to_string(p + 1) + " from the notebook",
                      SemanticCommand::NotebookRemove);
        }
    }
    b.command(dialog, "notebook-dialog/close", "Close the notebook", SemanticCommand::OpenNotebook);
}

// A passage: its number, its text with the mentions as links, its actions, its facet values
// as buttons.
void build_passage(Builder& b, const Controller& ctl, const Presentation& pr, int parent, int p, int selected) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const ViewState& s = ctl.state();
    const Passage& passage = a.passages[static_cast<std::size_t>(p)];
    const std::string pid = "passage/" + passage.id;
    const int group = b.add(parent, pid, SemanticRole::Group, "Passage " + std::to_string(p + 1),
                            s.passage == passage.id ? Semantic_Current : 0);
    const int para = b.add(group, pid + "/text", SemanticRole::Paragraph);
    // The mirror's page is in English (the interface): text in another language says which.
    if (other_language(a.meta.language, "en")) b.set_lang(para, a.meta.language);
    std::uint32_t at = 0;
    int k = 0;
    const auto run = [&](int i, std::uint32_t begin, std::uint32_t end) {
        b.at(i).passage = p;
        b.at(i).begin = begin;
        b.at(i).end = end;
    };
    const auto text_run = [&](std::uint32_t end) {
        if (end > at) run(b.add(para, pid + "/t" + std::to_string(k++), SemanticRole::Text, passage.text.substr(at, end - at)), at, end);
        at = end;
    };
    // Only a node's first mention in the passage is a link (as an encyclopedia links a name
    // once): the rest is read as text, so a passage naming one concept a thousand times is one
    // paragraph with one link, not a thousand links to tab through (or to send to the page).
    // (The nodes linked so far: at most kMaxMentionLinks, so a scan, not a table per passage
    // the size of the article's nodes.)
    std::vector<int> linked;
    for (const Mention& m : c.mentions[static_cast<std::size_t>(p)]) {
        if (m.begin < at) continue;
        if (static_cast<int>(linked.size()) >= kMaxMentionLinks ||
            std::find(linked.begin(), linked.end(), m.node) != linked.end())
            continue;
        linked.push_back(m.node);
        text_run(m.begin);
        const Node& node = a.nodes[static_cast<std::size_t>(m.node)];
        const int link = b.button(para, pid + "/m" + std::to_string(k++), passage.text.substr(m.begin, m.end - m.begin),
                                  select_node(a, m.node, selected), m.node == selected ? Semantic_Selected : 0,
                                  SemanticRole::Link);
        b.at(link).description = node.label + ", " + node_kind_text(a, node);
        run(link, m.begin, m.end);
        at = m.end;
    }
    text_run(static_cast<std::uint32_t>(passage.text.size()));
    passage_actions(b, pr, group, pid + "/actions", p);
    // Search hits, counted (the canvas marks them).
    if (ctl.derived().passage_in(p) && !s.query.empty()) {
        const std::size_t hits = hit_spans(c, ctl.derived().result.query, p).size();
        if (hits) b.at(group).description = plural(static_cast<int>(hits), "search hit", "search hits");
    }
    bool any = false;
    int tags = -1;
    for (const auto& [f, values] : passage.facets) {
        const Facet& facet = a.facets[static_cast<std::size_t>(f)];
        if (facet.built_in) continue;
        if (!any) tags = b.add(group, pid + "/tags", SemanticRole::List, "Themes");
        any = true;
        const auto chosen = s.facets.find(facet.id);
        for (const int v : values) {
            const FacetValue& value = facet.values[static_cast<std::size_t>(v)];
            const bool on = chosen != s.facets.end() && chosen->second.count(value.id);
            const int li = b.add(tags, pid + "/tag/" + facet.id + "/" + value.id, SemanticRole::ListItem);
            const int tag = b.button(li, pid + "/tag/" + facet.id + "/" + value.id + "/toggle", facet_value_text(a, f, v),
                                     intent::ToggleFacetValue{facet.id, value.id}, on ? Semantic_Pressed : 0);
            b.at(tag).description = on ? "a filter now; press to remove it" : "show only passages with it";
        }
    }
}

void build_reader(Builder& b, const Controller& ctl, const Presentation& pr, int main) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const ViewState& s = ctl.state();
    const Meta& meta = a.meta;
    b.heading(main, "reader/title", meta.title, 1);
    std::string byline = meta.author.name;
    if (!meta.author.role.empty()) byline += ", " + meta.author.role;
    byline += ". " + meta.outlet + (meta.published.empty() ? "" : ", " + format_date_text(meta.published)) + ".";
    if (!meta.subtitle.empty()) b.add(main, "reader/subtitle", SemanticRole::Paragraph, meta.subtitle);
    b.add(main, "reader/byline", SemanticRole::Paragraph, byline);
    const Derived& d = ctl.derived();
    if (d.shown.empty()) {
        std::string message = "No passage matches";
        if (!s.query.empty()) message += " " + quoted_query(s.query);
        if (!s.facets.empty()) message += s.query.empty() ? " the chosen filters" : " with the chosen filters";
        b.add(main, "reader/empty", SemanticRole::Paragraph, message + ". Try other words, or fewer filters.");
        b.button(main, "reader/clear", "Clear search and filters", intent::ClearFilters{});
        return;
    }
    // With a search: its best passages, as the reader's chips above the text (how each
    // matches, one activation from each).
    if (!s.query.empty()) {
        QueryRequest r;
        r.text = s.query;
        r.facets = s.facets;
        r.limit = 6;
        r.passages = false;
        const QueryResult res = run_query(c, r);
        if (!res.paragraphs.empty()) {
            const bool words = d.result.query.clauses.size() > 1;
            const int best = b.add(main, "reader/best", SemanticRole::Group, "Best matches");
            for (const QueryParagraph& q : res.paragraphs) {
                const char* how = q.match == SearchMatch::Phrase ? "exact phrase"
                                  : q.match == SearchMatch::Near ? "words together"
                                  : words                        ? "all words"
                                  : q.exact > 0                  ? "as typed"
                                                                 : "a variant";
                const Passage& passage = a.passages[static_cast<std::size_t>(q.passage)];
                b.button(best, "reader/best/" + passage.id, "Passage " + std::to_string(q.passage + 1) + ", " + how,
                         intent::OpenPassage{passage.id});
            }
        }
    }
    const int selected = s.selection.kind == Selection::Kind::Node ? a.find_node(s.selection.id) : -1;
    int last_section = -2;
    for (const int p : d.shown) {
        const Passage& passage = a.passages[static_cast<std::size_t>(p)];
        if (passage.section != last_section && passage.section >= 0) {
            const Section& section = a.sections[static_cast<std::size_t>(passage.section)];
            b.heading(main, "section/" + section.id, section.heading, 2);
        }
        last_section = passage.section;
        build_passage(b, ctl, pr, main, p, selected);
    }
}

void build_map(Builder& b, const Controller& ctl, const Presentation& pr, int main) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const ViewState& s = ctl.state();
    const Derived& d = ctl.derived();
    const int selected = s.selection.kind == Selection::Kind::Node ? a.find_node(s.selection.id) : -1;
    int concepts = 0;
    for (const Node& n : a.nodes) concepts += n.kind == NodeKind::Concept;
    b.add(main, "map/summary", SemanticRole::Paragraph,
          "Concept map of " + plural(concepts, "concept", "concepts") + " and " +
              plural(static_cast<int>(a.nodes.size()) - concepts, "entity", "entities") +
              ". Select one to read its relations and the passages that mention it.");
    // Options, as the map's controls: each choice a radio group (one tab stop, the arrow
    // keys choose), then the actions.
    const int options = b.add(main, "map/options", SemanticRole::Group, "Map options");
    const auto radio = [&](int group, std::string id, std::string name, Intent action, bool checked) {
        b.button(group, std::move(id), std::move(name), std::move(action), checked ? Semantic_Checked : 0, SemanticRole::Radio);
    };
    const int edge_group = b.add(options, "map/edges", SemanticRole::RadioGroup, "Edges");
    const std::pair<MapEdges, const char*> edges[] = {
        {MapEdges::Relations, "Relations"}, {MapEdges::Cooccurrence, "Shared passages"}, {MapEdges::Both, "Both"}};
    for (const auto& [mode, label] : edges)
        radio(edge_group, std::string("map/edges/") + to_string(mode), label, intent::SetMapEdges{mode}, s.map.edges == mode);
    if (s.map.edges != MapEdges::Relations) {  // the shared-passages edges' threshold, as the map's slider
        const int weight = b.add(options, "map/min-weight", SemanticRole::Slider, "Shared passages an edge needs at least",
                                 Semantic_Focusable);
        b.at(weight).value = std::to_string(s.map.min_weight);
        b.at(weight).min = 1;
        b.at(weight).max = 10;
        b.at(weight).step = 1;
    }
    const int depth_group = b.add(options, "map/depth", SemanticRole::RadioGroup, "Neighbourhood");
    for (int depth = 1; depth <= 2; ++depth)
        radio(depth_group, "map/depth/" + std::to_string(depth), depth == 1 ? "1 hop" : "2 hops", intent::SetDepth{depth},
              s.map.depth == depth);
    const int color_group = b.add(options, "map/color", SemanticRole::RadioGroup, "Colour by");
    radio(color_group, "map/color/type", "Type", intent::SetColorBy{std::string()}, s.map.color.empty());
    for (const Facet& f : a.facets) {
        if (f.built_in) continue;
        radio(color_group, "map/color/" + f.id, f.label, intent::SetColorBy{f.id}, s.map.color == f.id);
    }
    {
        const int legend = b.command(options, "map/legend", "Legend", SemanticCommand::MapLegend,
                                     pr.map_legend ? Semantic_Checked : 0);
        b.at(legend).role = SemanticRole::Checkbox;
        b.at(legend).description = "the node kinds' shapes and the colours' meaning, over the map";
    }
    b.button(options, "map/fit", "Fit the map into the view", intent::FitMap{});
    b.button(options, "map/relayout", "Lay the map out again", intent::Relayout{});
    b.button(options, "map/unpin", "Unpin all nodes", intent::UnpinAll{}, s.map.pins.empty() ? Semantic_Disabled : 0);

    const int nodes = b.add(main, "map/nodes", SemanticRole::List, "Nodes");
    std::vector<int> order(a.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {  // most mentioned first, as the eye reads the map
        return c.node_mentions[static_cast<std::size_t>(x)].size() > c.node_mentions[static_cast<std::size_t>(y)].size();
    });
    for (const int n : order) {
        const Node& node = a.nodes[static_cast<std::size_t>(n)];
        const int li = b.add(nodes, "map/node/" + node.id, SemanticRole::ListItem);
        const int mentions = static_cast<int>(c.node_mentions[static_cast<std::size_t>(n)].size());
        const int button = b.button(li, "map/node/" + node.id + "/select", node.label, select_node(a, n, selected),
                                    n == selected ? Semantic_Selected : 0);
        b.at(button).description = node_kind_text(a, node) + ", " + plural(mentions, "mention", "mentions") +
                                   (d.node_dimmed(n) ? "; not in the passages shown" : "") +
                                   (s.map.pins.count(node.id) ? "; pinned" : "");
    }
    const int table = b.add(main, "map/relations", SemanticRole::Table, "Relations");
    const int head = b.add(table, "map/relations/head", SemanticRole::Row);
    for (const char* h : {"From", "Relation", "To", "Evidence"})
        b.add(head, std::string("map/relations/head/") + h, SemanticRole::ColumnHeader, h);
    for (const Relation& r : a.relations) {
        const int row = b.add(table, "map/relation/" + r.id, SemanticRole::Row, std::string(),
                              s.selection == Selection{Selection::Kind::Relation, r.id} ? Semantic_Selected : 0);
        const std::string rid = "map/relation/" + r.id;
        b.button(b.add(row, rid + "/from", SemanticRole::Cell), rid + "/from/select",
                 a.nodes[static_cast<std::size_t>(r.source)].label, select_node(a, r.source, selected));
        b.add(b.add(row, rid + "/type", SemanticRole::Cell), rid + "/type/text", SemanticRole::Text,
              a.relation_types[static_cast<std::size_t>(r.type)].label);
        b.button(b.add(row, rid + "/to", SemanticRole::Cell), rid + "/to/select",
                 a.nodes[static_cast<std::size_t>(r.target)].label, select_node(a, r.target, selected));
        b.button(b.add(row, rid + "/evidence", SemanticRole::Cell), rid + "/evidence/select",
                 plural(static_cast<int>(r.evidence.size()), "passage", "passages"),
                 intent::Select{{Selection::Kind::Relation, r.id}});
    }
}

void build_matrix(Builder& b, const Controller& ctl, int main) {
    const Article& a = ctl.corpus().article;
    const ViewState& s = ctl.state();
    const Derived& d = ctl.derived();
    const int rf = axis_facet(a, s.matrix.rows, 0), cf = axis_facet(a, s.matrix.columns, 1);
    // Each axis a radio group of the facets (one tab stop, the arrow keys choose), as the
    // matrix's two combos.
    const int axes = b.add(main, "matrix/axes", SemanticRole::Group, "Matrix axes");
    const int row_group = b.add(axes, "matrix/rows", SemanticRole::RadioGroup, "Rows");
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        b.button(row_group, "matrix/rows/" + a.facets[f].id, a.facets[f].label,
                 intent::SetMatrixAxes{a.facets[f].id, s.matrix.columns}, static_cast<int>(f) == rf ? Semantic_Checked : 0,
                 SemanticRole::Radio);
    }
    const int column_group = b.add(axes, "matrix/columns", SemanticRole::RadioGroup, "Columns");
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        b.button(column_group, "matrix/columns/" + a.facets[f].id, a.facets[f].label,
                 intent::SetMatrixAxes{s.matrix.rows, a.facets[f].id}, static_cast<int>(f) == cf ? Semantic_Checked : 0,
                 SemanticRole::Radio);
    }
    if (rf < 0 || cf < 0) return;
    const Facet& rows = a.facets[static_cast<std::size_t>(rf)];
    const Facet& cols = a.facets[static_cast<std::size_t>(cf)];
    const FacetMatrix m = cross_tab(a, d.shown, rf, cf);
    const int table = b.add(main, "matrix", SemanticRole::Table, rows.label + " by " + cols.label + ": passages of the current result");
    const int head = b.add(table, "matrix/head", SemanticRole::Row);
    b.add(head, "matrix/head/corner", SemanticRole::ColumnHeader, rows.label + " \\ " + cols.label);
    for (const FacetValue& v : cols.values) b.add(head, "matrix/head/" + v.id, SemanticRole::ColumnHeader, v.label);
    // Passages with no value of a facet have their own column and row (as on the canvas),
    // so that the totals add up.
    const bool row_none = m.row_none_total > 0, col_none = m.column_none_total > 0;
    if (col_none) b.add(head, "matrix/head/none", SemanticRole::ColumnHeader, "No " + cols.label);
    b.add(head, "matrix/head/total", SemanticRole::ColumnHeader, "Total");
    auto text_cell = [&](int row, const std::string& id, int n) {
        b.add(b.add(row, id, SemanticRole::Cell), id + "/text", SemanticRole::Text, std::to_string(n));
    };
    for (std::size_t r = 0; r < rows.values.size(); ++r) {
        const std::string rid = "matrix/row/" + rows.values[r].id;
        const int row = b.add(table, rid, SemanticRole::Row);
        b.add(row, rid + "/head", SemanticRole::RowHeader, rows.values[r].label);
        for (std::size_t col = 0; col < cols.values.size(); ++col) {
            const int count = m.counts[r][col];
            const int cell = b.add(row, rid + "/" + cols.values[col].id, SemanticRole::Cell);
            FacetSelection facets = s.facets;
            facets[rows.id] = {rows.values[r].id};
            facets[cols.id].insert(cols.values[col].id);
            if (rf != cf) facets[cols.id] = {cols.values[col].id};
            const int button = b.button(cell, rid + "/" + cols.values[col].id + "/open", plural(count, "passage", "passages"),
                                        intent::SetFacets{facets, true}, count == 0 ? Semantic_Disabled : 0);
            b.at(button).description = rows.label + ": " + rows.values[r].label + " and " + cols.label + ": " +
                                       cols.values[col].label + (count ? "; opens them in the reader" : "");
        }
        if (col_none) text_cell(row, rid + "/none", m.column_none[r]);
        text_cell(row, rid + "/total", m.row_totals[r]);
    }
    if (row_none) {
        const int row = b.add(table, "matrix/row-none", SemanticRole::Row);
        b.add(row, "matrix/row-none/head", SemanticRole::RowHeader, "No " + rows.label);
        for (std::size_t col = 0; col < cols.values.size(); ++col)
            text_cell(row, "matrix/row-none/" + cols.values[col].id, m.row_none[col]);
        if (col_none) text_cell(row, "matrix/row-none/none", m.none_none);
        text_cell(row, "matrix/row-none/total", m.row_none_total);
    }
    const int total = b.add(table, "matrix/totals", SemanticRole::Row);
    b.add(total, "matrix/totals/head", SemanticRole::RowHeader, "Total");
    for (std::size_t col = 0; col < cols.values.size(); ++col)
        text_cell(total, "matrix/totals/" + cols.values[col].id, m.column_totals[col]);
    if (col_none) text_cell(total, "matrix/totals/none", m.column_none_total);
    text_cell(total, "matrix/totals/all", m.passages);
}

// The Contexts view: the concordance of the search text as a table (left, keyword, right),
// each row a link to its passage.
void build_contexts(Builder& b, const Controller& ctl, const Presentation& pr, int main) {
    const Corpus& c = ctl.corpus();
    const Derived& d = ctl.derived();
    if (d.result.query.empty()) {
        b.add(main, "contexts/empty", SemanticRole::Paragraph,
              "Search for a word or a name: every occurrence shows here with the words around it.");
        return;
    }
    const std::vector<ConcordanceRow> rows = concordance(c, d.result.query, d.shown);
    const int table = b.add(main, "contexts", SemanticRole::Table,
                            "Contexts of " + quoted_query(ctl.state().query) + ": " +
                                plural(static_cast<int>(rows.size()), "occurrence", "occurrences"));
    const int head = b.add(table, "contexts/head", SemanticRole::Row);
    b.add(head, "contexts/head/passage", SemanticRole::ColumnHeader, "Passage");
    b.add(head, "contexts/head/left", SemanticRole::ColumnHeader, "Before");
    b.add(head, "contexts/head/keyword", SemanticRole::ColumnHeader, "Keyword");
    b.add(head, "contexts/head/right", SemanticRole::ColumnHeader, "After");
    b.add(head, "contexts/head/actions", SemanticRole::ColumnHeader, "Actions");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ConcordanceRow& r = rows[i];
        const std::string id = "contexts/row/" + std::to_string(i);
        const int row = b.add(table, id, SemanticRole::Row);
        const std::string& pid = c.article.passages[static_cast<std::size_t>(r.passage)].id;
        const int cell = b.add(row, id + "/passage", SemanticRole::Cell);
        const int link = b.button(cell, id + "/open", "\u00b6" + std::to_string(r.passage + 1), intent::OpenPassage{pid}, 0,
                                  SemanticRole::Link);
        b.at(link).description = "Opens the passage in the reader";
        b.add(b.add(row, id + "/left", SemanticRole::Cell), id + "/left/text", SemanticRole::Text,
              (r.cut_left ? "\u2026" : "") + r.left);
        b.add(b.add(row, id + "/keyword", SemanticRole::Cell), id + "/keyword/text", SemanticRole::Text, r.keyword_text);
        b.add(b.add(row, id + "/right", SemanticRole::Cell), id + "/right/text", SemanticRole::Text,
              r.right + (r.cut_right ? "\u2026" : ""));
        passage_actions(b, pr, b.add(row, id + "/more", SemanticRole::Cell), id + "/actions", r.passage);
    }
}

// The Terms view: the words and names of the passages shown, with counts; a term searches.
void build_terms(Builder& b, const Controller& ctl, int main) {
    const Corpus& c = ctl.corpus();
    const Derived& d = ctl.derived();
    TermListOptions o;
    o.max_rows = 200;
    const std::vector<TermRow> rows = term_list(c, d.shown, o);
    const int table = b.add(main, "terms", SemanticRole::Table,
                            "Terms of the passages shown, most frequent first (stop words left out)");
    const int head = b.add(table, "terms/head", SemanticRole::Row);
    b.add(head, "terms/head/term", SemanticRole::ColumnHeader, "Term");
    b.add(head, "terms/head/count", SemanticRole::ColumnHeader, "Count");
    b.add(head, "terms/head/sections", SemanticRole::ColumnHeader, "By section");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TermRow& r = rows[i];
        const std::string id = "terms/row/" + std::to_string(i);
        const int row = b.add(table, id, SemanticRole::Row);
        const int cell = b.add(row, id + "/term", SemanticRole::Cell);
        const int button = b.button(cell, id + "/search", r.text, intent::SetQuery{r.query, false});
        b.at(button).description = r.node >= 0 ? "A name; searches its mentions" : "Searches this word";
        b.add(b.add(row, id + "/count", SemanticRole::Cell), id + "/count/text", SemanticRole::Text, std::to_string(r.count));
        std::string by;
        for (std::size_t s = 0; s < r.per_section.size(); ++s) {
            if (r.per_section[s] == 0) continue;
            if (!by.empty()) by += ", ";
            by += (s == 0 ? std::string("lead") : c.article.sections[s - 1].label) + ": " + std::to_string(r.per_section[s]);
        }
        b.add(b.add(row, id + "/sections", SemanticRole::Cell), id + "/sections/text", SemanticRole::Text, by);
    }
}

void build_timeline(Builder& b, const Controller& ctl, int main) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const Derived& d = ctl.derived();
    if (a.events.empty()) {
        b.add(main, "timeline/empty", SemanticRole::Paragraph, "The article has no dated events.");
        return;
    }
    b.button(main, "timeline/fit", "Show every event", intent::SetTimelineRange{0, 0});
    std::vector<int> order(a.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return a.events[static_cast<std::size_t>(x)].date < a.events[static_cast<std::size_t>(y)].date;
    });
    const int list = b.add(main, "timeline/events", SemanticRole::List, "Events, earliest first");
    for (const int e : order) {
        const Event& ev = a.events[static_cast<std::size_t>(e)];
        std::string date = format_date_text(ev.date);
        if (!ev.end.empty()) date += " to " + format_date_text(ev.end);
        if (ev.approximate) date = "about " + date;
        const int li = b.add(list, "event/" + ev.id, SemanticRole::ListItem);
        const int button = b.button(li, "event/" + ev.id + "/open", ev.label + ", " + date,
                                    intent::OpenPassage{a.passages[static_cast<std::size_t>(ev.passage)].id, false});
        b.at(button).description = "passage " + std::to_string(ev.passage + 1) +
                                   (d.passage_in(ev.passage) ? "" : "; hidden by the filters, opening it clears them");
    }
}

void build_node_table(Builder& b, const Controller& ctl, int main, NodeKind kind) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const Derived& d = ctl.derived();
    const ViewState& s = ctl.state();
    const int selected = s.selection.kind == Selection::Kind::Node ? a.find_node(s.selection.id) : -1;
    const bool entities = kind == NodeKind::Entity;
    const std::string prefix = entities ? "entity" : "concept";
    std::vector<int> rows;
    for (std::size_t n = 0; n < a.nodes.size(); ++n)
        if (a.nodes[n].kind == kind) rows.push_back(static_cast<int>(n));
    std::sort(rows.begin(), rows.end(), [&](int x, int y) {
        return fold_text(a.nodes[static_cast<std::size_t>(x)].label) < fold_text(a.nodes[static_cast<std::size_t>(y)].label);
    });
    const int table = b.add(main, entities ? "entities" : "glossary", SemanticRole::Table,
                            entities ? "Entities" : "Glossary of concepts");
    const int head = b.add(table, prefix + "/head", SemanticRole::Row);
    const std::vector<std::string> columns = entities ? std::vector<std::string>{"Name", "Type", "Mentions", "Passages"}
                                                      : std::vector<std::string>{"Concept", "Translations", "Description"};
    for (const std::string& h : columns) b.add(head, prefix + "/head/" + h, SemanticRole::ColumnHeader, h);
    for (const int n : rows) {
        const Node& node = a.nodes[static_cast<std::size_t>(n)];
        const std::string rid = prefix + "/" + node.id;
        const int row = b.add(table, rid, SemanticRole::Row, std::string(), n == selected ? Semantic_Selected : 0);
        const int name = b.button(b.add(row, rid + "/name", SemanticRole::Cell), rid + "/name/select", node.label,
                                  select_node(a, n, selected), n == selected ? Semantic_Selected : 0);
        if (d.node_dimmed(n)) b.at(name).description = "not mentioned in the passages shown";
        auto cell = [&](const std::string& key, const std::string& text) {
            b.add(b.add(row, rid + "/" + key, SemanticRole::Cell), rid + "/" + key + "/text", SemanticRole::Text, text);
        };
        if (entities) {
            cell("type", node.type >= 0 ? a.node_types[static_cast<std::size_t>(node.type)].label : "");
            cell("mentions", std::to_string(c.node_mentions[static_cast<std::size_t>(n)].size()));
            std::string passages;
            for (const int p : c.node_passages[static_cast<std::size_t>(n)])
                passages += (passages.empty() ? "" : ", ") + std::to_string(p + 1);
            cell("passages", passages.empty() ? "none" : passages);
        } else {
            // Each translation its own text run, with its language named and as its lang.
            const int terms = b.add(row, rid + "/terms", SemanticRole::Cell);
            for (std::size_t k = 0; k < node.aliases.size(); ++k) {
                const Alias& al = node.aliases[k];
                if (al.kind != AliasKind::Translation) continue;
                const int t = b.add(terms, rid + "/terms/" + std::to_string(k), SemanticRole::Text,
                                    al.text + " (" + language_name(al.lang) + ")");
                if (other_language(al.lang, a.meta.language)) b.set_lang(t, al.lang);
            }
            cell("description", node.description);
        }
    }
}

void build_contrasts(Builder& b, const Controller& ctl, int main) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const ViewState& s = ctl.state();
    const int selected = s.selection.kind == Selection::Kind::Node ? a.find_node(s.selection.id) : -1;
    const int table = b.add(main, "contrasts", SemanticRole::Table, "Oppositions the article draws");
    const int head = b.add(table, "contrasts/head", SemanticRole::Row);
    for (const char* h : {"What the article proposes", "What it sets against it", "Evidence"})
        b.add(head, std::string("contrasts/head/") + h, SemanticRole::ColumnHeader, h);
    for (const Relation& r : a.relations) {
        if (!a.relation_types[static_cast<std::size_t>(r.type)].contrast) continue;
        const std::string rid = "contrast/" + r.id;
        const int row = b.add(table, rid, SemanticRole::Row);
        b.button(b.add(row, rid + "/proposes", SemanticRole::Cell), rid + "/proposes/select",
                 a.nodes[static_cast<std::size_t>(r.source)].label, select_node(a, r.source, selected));
        b.button(b.add(row, rid + "/against", SemanticRole::Cell), rid + "/against/select",
                 a.nodes[static_cast<std::size_t>(r.target)].label, select_node(a, r.target, selected));
        const int evidence = b.add(row, rid + "/evidence", SemanticRole::Cell);
        passage_links(b, c, ctl.derived(), b.add(evidence, rid + "/evidence/list", SemanticRole::List), rid + "/p", r.evidence);
    }
}

void build_details(Builder& b, const Controller& ctl, const Presentation& pr, int root) {
    const Corpus& c = ctl.corpus();
    const Article& a = c.article;
    const Selection& sel = ctl.state().selection;
    if (sel.kind == Selection::Kind::Node) {
        const int n = a.find_node(sel.id);
        if (n < 0) return;
        const Node& node = a.nodes[static_cast<std::size_t>(n)];
        const int region = b.add(root, "details", SemanticRole::Region, "Details: " + node.label);
        b.heading(region, "details/heading", node.label, 2);
        b.add(region, "details/kind", SemanticRole::Paragraph, node_kind_text(a, node));
        if (!node.description.empty()) b.add(region, "details/description", SemanticRole::Paragraph, node.description);
        if (!node.aliases.empty()) {
            const int list = b.add(region, "details/aliases", SemanticRole::List, "Also written");
            for (std::size_t i = 0; i < node.aliases.size(); ++i) {
                const Alias& al = node.aliases[i];
                std::string note = al.kind == AliasKind::Variant ? "variant" : al.kind == AliasKind::Abbreviation ? "abbreviation"
                                                                                                               : language_name(al.lang);
                const int t = b.add(b.add(list, "details/alias/" + std::to_string(i), SemanticRole::ListItem),
                                    "details/alias/" + std::to_string(i) + "/text", SemanticRole::Text, al.text + " (" + note + ")");
                if (al.kind == AliasKind::Translation && other_language(al.lang, a.meta.language))
                    b.set_lang(t, al.lang);
            }
        }
        int relations = -1;
        for (const Relation& r : a.relations) {
            if (r.source != n && r.target != n) continue;
            if (relations < 0) relations = b.add(region, "details/relations", SemanticRole::List, "Relations");
            const std::string text = a.nodes[static_cast<std::size_t>(r.source)].label + " \xE2\x80\x94 " +
                                     a.relation_types[static_cast<std::size_t>(r.type)].label + " \xE2\x80\x94 " +
                                     a.nodes[static_cast<std::size_t>(r.target)].label;
            // The relation itself (the map's edge) with its evidence, as clicking the edge does.
            const int li = b.add(relations, "details/relation/" + r.id, SemanticRole::ListItem);
            const int button = b.button(li, "details/relation/" + r.id + "/open", text,
                                        intent::Select{{Selection::Kind::Relation, r.id}});
            b.at(button).description = "shows the relation and its evidence" + (r.note.empty() ? "" : ". " + r.note);
        }
        const auto& passages = c.node_passages[static_cast<std::size_t>(n)];
        const int mentions = static_cast<int>(c.node_mentions[static_cast<std::size_t>(n)].size());
        b.heading(region, "details/passages-heading",
                  passages.empty() ? "Not mentioned by name in the text"
                                   : "Mentioned in " + plural(static_cast<int>(passages.size()), "passage", "passages") +
                                         " (" + plural(mentions, "mention", "mentions") + ")",
                  3);
        passage_links(b, c, ctl.derived(), b.add(region, "details/passages", SemanticRole::List), "details/passage", passages);
        b.button(region, "details/close", "Close the details", intent::Select{Selection{}});
        return;
    }
    if (!sel.is_edge()) return;
    int x = -1, y = -1;
    const Relation* rel = nullptr;
    if (sel.kind == Selection::Kind::Relation) {
        for (const Relation& r : a.relations)
            if (r.id == sel.id) rel = &r;
        if (!rel) return;
        x = rel->source;
        y = rel->target;
    } else if (!pair_nodes(a, sel.id, x, y)) {
        return;
    }
    const std::string title = rel ? a.nodes[static_cast<std::size_t>(x)].label + " \xE2\x80\x94 " +
                                        a.relation_types[static_cast<std::size_t>(rel->type)].label + " \xE2\x80\x94 " +
                                        a.nodes[static_cast<std::size_t>(y)].label
                                  : a.nodes[static_cast<std::size_t>(x)].label + " and " + a.nodes[static_cast<std::size_t>(y)].label;
    const int region = b.add(root, "details", SemanticRole::Region, std::string("Details: ") + (rel ? "relation" : "shared passages"));
    b.heading(region, "details/heading", title, 2);
    if (rel && !rel->note.empty()) b.add(region, "details/description", SemanticRole::Paragraph, rel->note);
    b.button(region, "details/from", a.nodes[static_cast<std::size_t>(x)].label,
             intent::Select{{Selection::Kind::Node, a.nodes[static_cast<std::size_t>(x)].id}});
    b.button(region, "details/to", a.nodes[static_cast<std::size_t>(y)].label,
             intent::Select{{Selection::Kind::Node, a.nodes[static_cast<std::size_t>(y)].id}});
    const std::vector<int> passages = rel ? rel->evidence : shared_passages(c, x, y);
    b.heading(region, "details/passages-heading",
              "Evidence: " + plural(static_cast<int>(passages.size()), "passage", "passages"), 3);
    passage_links(b, c, ctl.derived(), b.add(region, "details/passages", SemanticRole::List), "details/passage", passages,
                  &pr);
    b.button(region, "details/close", "Close the details", intent::Select{Selection{}});
}

void build_tour(Builder& b, const Controller& ctl, int root) {
    const TourPlayer& player = ctl.tour();
    if (!player.playing() || player.tour() >= static_cast<int>(ctl.tours().size())) return;
    const ResolvedTour& tour = ctl.tours()[static_cast<std::size_t>(player.tour())];
    const int count = static_cast<int>(tour.steps.size());
    const int step = std::clamp(player.step(), 0, count - 1);
    const int region = b.add(root, "tour", SemanticRole::Region, "Tour: " + tour.label);
    b.add(region, "tour/stop", SemanticRole::Text, "Stop " + std::to_string(step + 1) + " of " + std::to_string(count));
    b.add(region, "tour/caption", SemanticRole::Paragraph, tour.steps[static_cast<std::size_t>(step)].caption);
    if (ctl.tour_autoplay()) return;
    b.button(region, "tour/back", "Previous stop", intent::PreviousStop{}, step == 0 ? Semantic_Disabled : 0);
    b.button(region, "tour/next", step + 1 < count ? "Next stop" : "Finish the tour", intent::NextStop{});
    b.button(region, "tour/close", "Close the tour", intent::StopTour{});
}

}  // namespace

const char* to_string(SemanticRole role) {
    switch (role) {
    case SemanticRole::Root: return "root";
    case SemanticRole::Search: return "search";
    case SemanticRole::SearchBox: return "searchbox";
    case SemanticRole::Status: return "status";
    case SemanticRole::Alert: return "alert";
    case SemanticRole::Toolbar: return "toolbar";
    case SemanticRole::Button: return "button";
    case SemanticRole::TabList: return "tablist";
    case SemanticRole::Tab: return "tab";
    case SemanticRole::Complementary: return "complementary";
    case SemanticRole::Main: return "main";
    case SemanticRole::Region: return "region";
    case SemanticRole::Group: return "group";
    case SemanticRole::Checkbox: return "checkbox";
    case SemanticRole::Heading: return "heading";
    case SemanticRole::Paragraph: return "paragraph";
    case SemanticRole::Text: return "text";
    case SemanticRole::Link: return "link";
    case SemanticRole::List: return "list";
    case SemanticRole::ListItem: return "listitem";
    case SemanticRole::Table: return "table";
    case SemanticRole::Row: return "row";
    case SemanticRole::ColumnHeader: return "columnheader";
    case SemanticRole::RowHeader: return "rowheader";
    case SemanticRole::Cell: return "cell";
    case SemanticRole::Dialog: return "dialog";
    case SemanticRole::Menu: return "menu";
    case SemanticRole::MenuItem: return "menuitem";
    case SemanticRole::RadioGroup: return "radiogroup";
    case SemanticRole::Radio: return "radio";
    case SemanticRole::Slider: return "slider";
    case SemanticRole::SpinButton: return "spinbutton";
    case SemanticRole::TextBox: return "textbox";
    }
    return "text";
}

const char* to_string(SemanticCommand command) {
    switch (command) {
    case SemanticCommand::None: return "";
    case SemanticCommand::OpenShare: return "open-share";
    case SemanticCommand::ExportPng: return "export-png";
    case SemanticCommand::ExportSvg: return "export-svg";
    case SemanticCommand::ExportMarkdown: return "export-markdown";
    case SemanticCommand::ExportCsv: return "export-csv";
    case SemanticCommand::ShowFilters: return "show-filters";
    case SemanticCommand::ShowView: return "show-view";
    case SemanticCommand::ShowHelp: return "show-help";
    case SemanticCommand::Fullscreen: return "fullscreen";
    case SemanticCommand::CloseDialog: return "close-dialog";
    case SemanticCommand::CopyLink: return "copy-link";
    case SemanticCommand::CopyEmbed: return "copy-embed";
    case SemanticCommand::Preview: return "preview";
    case SemanticCommand::OpenExport: return "open-export";
    case SemanticCommand::OpenTours: return "open-tours";
    case SemanticCommand::ShareOption: return "share-option";
    case SemanticCommand::OpenFile: return "open-file";
    case SemanticCommand::ExportArticle: return "export-article";
    case SemanticCommand::CloseProblems: return "close-problems";
    case SemanticCommand::OpenNotebook: return "open-notebook";
    case SemanticCommand::NoticeDetails: return "notice-details";
    case SemanticCommand::PassageMenu: return "passage-menu";
    case SemanticCommand::PassageAction: return "passage-action";
    case SemanticCommand::NotebookExport: return "notebook-export";
    case SemanticCommand::NotebookRemove: return "notebook-remove";
    case SemanticCommand::MapLegend: return "map-legend";
    }
    return "";
}

bool SemanticNode::same_as(const SemanticNode& o) const {
    return id == o.id && role == o.role && name == o.name && description == o.description && value == o.value &&
           level == o.level && lang == o.lang && flags == o.flags && activatable() == o.activatable() && min == o.min && max == o.max &&
           step == o.step;
}

int SemanticTree::find(const std::string& id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

// A list item with no name of its own is named after what it holds first (its button, its
// link, its text): a screen reader's list navigation says something for every item.
static void name_list_items(SemanticTree& tree) {
    for (const SemanticNode& n : tree.nodes) {
        if (n.name.empty()) continue;
        for (int a = n.parent; a >= 0; a = tree.nodes[static_cast<std::size_t>(a)].parent) {
            SemanticNode& up = tree.nodes[static_cast<std::size_t>(a)];
            if (up.role == SemanticRole::ListItem && up.name.empty()) up.name = n.name;
        }
    }
}

static SemanticTree build_semantics_unnamed(const Controller& ctl, const Presentation& pr) {
    SemanticTree tree;
    if (!ctl.loaded()) return tree;
    const Article& a = ctl.corpus().article;
    const ViewState& s = ctl.state();
    tree.title = std::string(view_label(s.view)) + " \xC2\xB7 " + a.meta.title + " \xE2\x80\x94 Win-Win Explorer";
    Builder b(tree);
    const int root = b.add(-1, "explorer", SemanticRole::Root, "Win-Win Explorer: " + a.meta.title);
    if (pr.chrome && !ctl.refused()) {
        build_search(b, ctl, pr, root);
        build_toolbar(b, ctl, pr, root);
        build_menus(b, ctl, pr, root);
        build_chips(b, ctl, root);
    }
    // A file that could not be opened: its problems are in the panel's dialog only (once).
    if (!(pr.problems_open && ctl.notice_is_open_report())) build_notice(b, ctl, pr, root);
    if (!pr.undrawable.empty()) {  // said, not drawn as "?" (and not hidden from a screen reader)
        const int region = b.add(root, "undrawable", SemanticRole::Region, "Characters that cannot be drawn");
        b.add(region, "undrawable/text", SemanticRole::Paragraph, pr.undrawable);
    }
    if (pr.problems_open) build_problems(b, ctl, root);
    if (ctl.refused()) return tree;  // a lock that cannot hold: nothing but the notice
    if (pr.filters) {
        build_filters(b, ctl, root);
        // An imported text's suggested key terms: one click makes one a concept.
        if (ctl.source_kind() != FileKind::Article && !ctl.embed().kiosk && !ctl.key_terms().empty()) {
            const int terms = b.add(root, "terms", SemanticRole::Group, "Suggested key terms");
            const std::vector<KeyTerm>& kt = ctl.key_terms();
            for (std::size_t i = 0; i < kt.size() && i < 16; ++i)
                b.button(terms, "term/" + std::to_string(i), "Make \u201C" + kt[i].label + "\u201D a concept",
                         intent::AcceptTerm{kt[i].label});
        }
    }
    const int main = b.add(root, "view", SemanticRole::Main, std::string(view_label(s.view)) + " view");
    switch (s.view) {
    case View::Reader: build_reader(b, ctl, pr, main); break;
    case View::Map: build_map(b, ctl, pr, main); break;
    case View::Matrix: build_matrix(b, ctl, main); break;
    case View::Timeline: build_timeline(b, ctl, main); break;
    case View::Entities: build_node_table(b, ctl, main, NodeKind::Entity); break;
    case View::Glossary: build_node_table(b, ctl, main, NodeKind::Concept); break;
    case View::Contrasts: build_contrasts(b, ctl, main); break;
    case View::Contexts: build_contexts(b, ctl, pr, main); break;
    case View::Terms: build_terms(b, ctl, main); break;
    }
    if (pr.details) build_details(b, ctl, pr, root);
    build_tour(b, ctl, root);
    if (pr.notebook_open) build_notebook(b, ctl, pr, root);
    return tree;
}

SemanticTree build_semantics(const Controller& ctl, const Presentation& pr) {
    SemanticTree tree = build_semantics_unnamed(ctl, pr);
    name_list_items(tree);
    return tree;
}

//------------------------------------------------------------------------------------------
// Patches
//------------------------------------------------------------------------------------------

std::vector<SemanticOp> diff(const SemanticTree& before, const SemanticTree& after) {
    std::vector<SemanticOp> ops;
    std::unordered_map<std::string, int> old_index;
    old_index.reserve(before.nodes.size());
    for (std::size_t i = 0; i < before.nodes.size(); ++i) old_index.emplace(before.nodes[i].id, static_cast<int>(i));
    std::unordered_map<std::string, int> new_index;
    new_index.reserve(after.nodes.size());
    for (std::size_t i = 0; i < after.nodes.size(); ++i) new_index.emplace(after.nodes[i].id, static_cast<int>(i));

    auto parent_id = [](const SemanticTree& t, const SemanticNode& n) {
        return n.parent < 0 ? std::string() : t.nodes[static_cast<std::size_t>(n.parent)].id;
    };
    // Removed (or moved to another parent, or of another role: removed and added again).
    std::vector<char> readd(after.nodes.size(), 0);
    for (const SemanticNode& n : before.nodes) {
        const auto it = new_index.find(n.id);
        const bool gone = it == new_index.end();
        const bool moved = !gone && (after.nodes[static_cast<std::size_t>(it->second)].role != n.role ||
                                     parent_id(after, after.nodes[static_cast<std::size_t>(it->second)]) != parent_id(before, n));
        if (gone || moved) {
            // Only the top of a removed subtree needs an op: its parent's removal takes it.
            const bool parent_removed = n.parent >= 0 && !new_index.count(before.nodes[static_cast<std::size_t>(n.parent)].id);
            if (!parent_removed || moved) {
                SemanticOp op;
                op.kind = SemanticOp::Kind::Remove;
                op.id = n.id;
                ops.push_back(std::move(op));
            }
            if (moved) readd[static_cast<std::size_t>(it->second)] = 1;
        }
    }
    // Added and changed.
    for (std::size_t i = 0; i < after.nodes.size(); ++i) {
        const SemanticNode& n = after.nodes[i];
        const auto it = old_index.find(n.id);
        if (it == old_index.end() || readd[i]) {
            SemanticOp op;
            op.kind = SemanticOp::Kind::Add;
            op.node = n;
            ops.push_back(std::move(op));
        } else if (!n.same_as(before.nodes[static_cast<std::size_t>(it->second)])) {
            SemanticOp op;
            op.kind = SemanticOp::Kind::Update;
            op.node = n;
            ops.push_back(std::move(op));
        }
    }
    // Children lists that changed.
    auto children = [](const SemanticTree& t) {
        std::map<std::string, std::vector<std::string>> out;
        for (const SemanticNode& n : t.nodes) {
            if (n.parent < 0) continue;  // the root: the mirror's container
            out[t.nodes[static_cast<std::size_t>(n.parent)].id].push_back(n.id);
        }
        return out;
    };
    const auto old_children = children(before), new_children = children(after);
    for (const auto& [parent, list] : new_children) {
        const auto it = old_children.find(parent);
        bool changed = it == old_children.end() || it->second != list;
        if (!changed) {
            for (const std::string& id : list) changed = changed || readd[static_cast<std::size_t>(new_index.at(id))];
        }
        if (!changed) continue;
        SemanticOp op;
        op.kind = SemanticOp::Kind::Order;
        op.id = parent;
        op.children = list;
        ops.push_back(std::move(op));
    }
    for (const auto& [parent, list] : old_children) {  // emptied lists
        if (new_children.count(parent) || !new_index.count(parent)) continue;
        SemanticOp op;
        op.kind = SemanticOp::Kind::Order;
        op.id = parent;
        ops.push_back(std::move(op));
    }
    if (before.title != after.title) {
        SemanticOp op;
        op.kind = SemanticOp::Kind::Title;
        op.text = after.title;
        ops.push_back(std::move(op));
    }
    return ops;
}

json to_json(const SemanticOp& op, const SemanticTree& tree) {
    switch (op.kind) {
    case SemanticOp::Kind::Remove: return {{"op", "remove"}, {"id", op.id}};
    case SemanticOp::Kind::Order: return {{"op", "order"}, {"id", op.id}, {"children", op.children}};
    case SemanticOp::Kind::Title: return {{"op", "title"}, {"text", op.text}};
    case SemanticOp::Kind::Add:
    case SemanticOp::Kind::Update: break;
    }
    const SemanticNode& n = op.node;
    json flags = json::array();
    const std::pair<SemanticFlags, const char*> names[] = {
        {Semantic_Checked, "checked"},   {Semantic_Selected, "selected"}, {Semantic_Pressed, "pressed"},
        {Semantic_Disabled, "disabled"}, {Semantic_Current, "current"},   {Semantic_Expanded, "expanded"},
        {Semantic_Focusable, "focusable"}, {Semantic_Expandable, "expandable"}, {Semantic_PopupMenu, "popup-menu"},
        {Semantic_PopupDialog, "popup-dialog"}, {Semantic_ReadOnly, "readonly"}};
    for (const auto& [flag, name] : names)
        if (n.flags & flag) flags.push_back(name);
    json out = {{"op", op.kind == SemanticOp::Kind::Add ? "add" : "update"},
                {"id", n.id},
                {"parent", n.parent < 0 || static_cast<std::size_t>(n.parent) >= tree.nodes.size()
                               ? json(nullptr)
                               : json(tree.nodes[static_cast<std::size_t>(n.parent)].id)},
                {"role", to_string(n.role)},
                {"name", n.name},
                {"flags", std::move(flags)},
                {"activatable", n.activatable()}};
    if (!n.description.empty()) out["description"] = n.description;
    if (n.role == SemanticRole::SearchBox || n.role == SemanticRole::Slider || n.role == SemanticRole::SpinButton ||
        n.role == SemanticRole::TextBox)
        out["value"] = n.value;
    if (n.role == SemanticRole::Slider || n.role == SemanticRole::SpinButton) {
        out["min"] = n.min;
        out["max"] = n.max;
        out["step"] = n.step;
    }
    if (n.level > 0) out["level"] = n.level;
    if (!n.lang.empty()) out["lang"] = n.lang;
    return out;
}

}  // namespace wwe
