// Win-Win Explorer core: the semantic tree — the whole interface as accessible elements,
// generated from the controller, and the patches that keep a mirror of it up to date.
//
// Index
//   - SemanticRole ....... what an element is (landmark, heading, checkbox, tab, table ...)
//   - SemanticNode ....... one element: a stable id, role, name, states, and what activating
//                          it does (a core intent, or a command the UI shell carries out)
//   - SemanticTree ....... the elements in document order, each with its parent; the title
//   - Presentation ....... what the shell shows that the controller does not know (panels,
//                          dialogs): the tree follows the screen
//   - build_semantics .... Controller state + Presentation -> SemanticTree
//   - SemanticOp, diff ... the operations that turn one tree into the next (add, update,
//                          remove, order), and their JSON for the page
//
// The platform keeps a DOM mirror of the tree over the canvas (as PDF.js lays a text layer
// over its pages and Flutter's web engine keeps a semantics tree of DOM nodes): screen
// readers read it, the browser's Tab order and find-in-page work on it, and activating an
// element (a click, Enter, Space, a screen reader's action) sends the element's intent. The
// mirror is changed only by diff: a state that did not change costs no DOM work. Element
// ids are stable across states ("facet/front/security", "passage/p3", "tab/map"), so focus
// and screen-reader positions survive updates. Names and texts are plain text, never markup.
// A passage is a paragraph of text runs; a node's first mention in it is a link to the node
// (at most 64 links a passage), later mentions are read as text, so the size of the tree
// follows the text, not the number of mentions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "controller.hpp"
#include "notebook.hpp"

namespace wwe {

enum class SemanticRole : std::uint8_t {
    Root,           // the explorer as a whole (its name: the article and the view)
    Search,         // landmark: the search form
    SearchBox,      // the search field (its value is the query)
    Status,         // polite live text (the result line)
    Alert,          // assertive: a notice of problems
    Toolbar,        // a row of buttons (history, views, share, export)
    Button,
    TabList,
    Tab,
    Complementary,  // landmark: the filters
    Main,           // landmark: the current view
    Region,         // landmark with a name: the details panel, the tour caption
    Group,          // a labelled set (a facet's values, an export menu)
    Checkbox,
    Heading,        // level 1-6
    Paragraph,
    Text,           // a run of text inside a paragraph or a cell
    Link,           // inline and activatable (a mention in a passage, a passage in a list)
    List,
    ListItem,
    Table,
    Row,
    ColumnHeader,
    RowHeader,
    Cell,
    Dialog,         // modal
    Menu,           // an open pop-up menu (Export, Tour): arrow keys within, Esc closes
    MenuItem,
    RadioGroup,     // a labelled set of radios (one of them checked)
    Radio,
    Slider,         // a number in [min, max] by `step`; its value in `value`
    SpinButton,     // a whole number typed in, in [min, max]
    TextBox,        // one line of text typed in (not the search field)
};
const char* to_string(SemanticRole role);

enum SemanticFlags : std::uint16_t {
    Semantic_None = 0,
    Semantic_Checked = 1 << 0,    // checkbox ticked
    Semantic_Selected = 1 << 1,   // the selected tab, row, node
    Semantic_Pressed = 1 << 2,    // a toggle button that is on
    Semantic_Disabled = 1 << 3,   // shown but not usable (a locked facet value)
    Semantic_Current = 1 << 4,    // the current item of a set (the passage read, the tour stop)
    Semantic_Expanded = 1 << 5,   // a control whose panel is open
    Semantic_Focusable = 1 << 6,  // gets a tab stop or an arrow-key stop (activatable ones do)
    Semantic_Expandable = 1 << 7, // says expanded or collapsed from the start (menu buttons, disclosures)
    Semantic_PopupMenu = 1 << 8,  // activating it opens a menu (aria-haspopup="menu")
    Semantic_PopupDialog = 1 << 9,  // ... a dialog
    Semantic_ReadOnly = 1 << 10,    // a text box to read, select and copy, not to edit (a link, embed code)
};

// What activating an element does besides (or instead of) a core intent: things only the
// shell can do (its dialogs, panels, downloads).
enum class SemanticCommand : std::uint8_t {
    None,
    OpenShare,     // the Share dialog
    ExportPng,     // downloads of the export menu
    ExportSvg,
    ExportMarkdown,
    ExportCsv,
    ShowFilters,   // folded layouts: show the filter panel
    ShowView,      // folded layouts: back to the view
    ShowHelp,      // the keyboard help
    CloseDialog,   // the open dialog
    CopyLink,      // the Share dialog: copy the link to this view
    CopyEmbed,     // the Share dialog: copy the embed code
    Preview,       // the Share dialog: preview the embed
    Fullscreen,    // enter or leave full screen (where the page allows it)
    OpenExport,    // the Export menu (open or close it)
    OpenTours,     // the Tour menu
    ShareOption,   // the Share dialog: an option, named by the element's id ("share-dialog/view/map")
    OpenFile,      // pick a file to open (an article, a text)
    ExportArticle, // Save as article: the article as a file of the format
    CloseProblems, // the problems panel (what opening a file found): close it
    OpenNotebook,  // the notebook window (open it, or close it)
    NoticeDetails, // the notice's "Details": show or hide its technical lines
    PassageMenu,   // a passage's actions ("passage/p3/actions", "contexts/row/2/actions"): open
                   // or close its menu
    PassageAction, // an item of that menu, named by the element's id ("passage-menu/copy")
    NotebookExport,  // the notebook's downloads, by id ("notebook/export/markdown", ".../html", ".../csl")
    NotebookRemove,  // remove a notebook entry ("notebook/entry/<i>/remove")
    MapLegend,       // the map's Legend checkbox: show or hide the legend
};
const char* to_string(SemanticCommand command);

struct SemanticNode {
    std::string id;            // stable: the same thing has the same id in every state
    SemanticRole role = SemanticRole::Text;
    std::string name;          // the accessible name (plain text)
    std::string description;   // more about it (counts, tags, the shortcut)
    std::string value;         // the search box's text; a slider's, spin button's or text box's value
    double min = 0, max = 0, step = 0;  // Slider, SpinButton: the range and the step
    int level = 0;             // headings: 1-6
    std::string lang;          // BCP 47 of its text when another language than the article's
    int parent = -1;           // index of the parent in SemanticTree::nodes (-1: the root)
    std::uint16_t flags = Semantic_None;
    std::optional<Intent> action;                      // the intent activating it sends
    SemanticCommand command = SemanticCommand::None;   // or what the shell does
    int passage = -1;                  // a passage's text run: the passage (index) and the
    std::uint32_t begin = 0, end = 0;  // bytes of its text the run covers (Text, Link)

    bool activatable() const { return action.has_value() || command != SemanticCommand::None; }
    // Equal in everything a mirror shows (the action is implied by the id and the state).
    bool same_as(const SemanticNode& other) const;
};

struct SemanticTree {
    std::vector<SemanticNode> nodes;  // document order; nodes[0] is the root
    std::string title;                // the page title: the article and the view
    int find(const std::string& id) const;  // index, or -1
};

// What the shell shows that the controller cannot know.
struct Presentation {
    bool chrome = true;          // the search bar and the toolbar are shown (embed chrome != none)
    bool filters = true;         // the filter panel is shown (not folded away)
    bool details = true;         // a selection's details panel is shown
    bool folded = false;         // the filters are folded behind a button (narrow layouts)
    bool share_open = false;     // the Share dialog is open (its content is the shell's)
    bool help_open = false;      // the keyboard help is open (its content is the shell's)
    bool export_open = false;    // the Export menu is open (its items are in the tree only then)
    bool tours_open = false;     // the Tour menu is open
    bool map_drawn = false;      // the map has been drawn (its PNG can be exported)
    bool map_legend = true;      // the map's legend is asked for (its Legend checkbox)
    bool fullscreen_available = false;  // the page may go full screen (an iframe needs allow="fullscreen")
    bool fullscreen = false;            // it is full screen now
    bool problems_open = false;  // the problems panel shows the last open's problems (Controller::open_report)
    bool notebook_open = false;  // the notebook window shows
    Notebook notebook;           // while it shows: what it lists (the shell keeps the notebook)
    std::string notebook_storage_problem;  // why it is kept in memory only ("" = saved in the browser)
    bool notice_details = false; // the notice's "Details" are open (its technical lines are shown)
    std::string undrawable;      // the line saying which characters cannot be drawn ("" = all are)
    std::string passage_menu;    // the actions element whose passage menu is open
                                 // ("passage/p3/actions", "contexts/row/2/actions"); "" none
    bool passage_menu_collected = false;  // that menu's passage is in the notebook already
    bool operator==(const Presentation&) const = default;
};

// The tree for the controller's current state as the shell presents it.
SemanticTree build_semantics(const Controller& controller, const Presentation& presentation);

//------------------------------------------------------------------------------------------
// Patches
//------------------------------------------------------------------------------------------

struct SemanticOp {
    enum class Kind : std::uint8_t {
        Add,     // create `node` (detached until an Order op places it)
        Update,  // `node` changed (same id)
        Remove,  // the element `id` and its subtree go
        Order,   // the children of `id` are `children`, in this order (existing and added)
        Title,   // the page title is `text`
    } kind = Kind::Add;
    SemanticNode node;                  // Add, Update
    std::string id;                     // Remove, Order (parent id; "" = the root's children)
    std::vector<std::string> children;  // Order
    std::string text;                   // Title
};

// The operations that turn the mirror of `before` into `after`: elements added, changed or
// removed, the children of every parent whose list changed, and the title. Empty when the
// trees show the same.
std::vector<SemanticOp> diff(const SemanticTree& before, const SemanticTree& after);

// One op as the page's mirror reads it:
//   {"op": "add"|"update", "id", "parent", "role", "name", "description", "value",
//    "level", "min", "max", "step", "flags": [..names..], "activatable": bool}
//   {"op": "remove", "id"}   {"op": "order", "id", "children": [ids]}   {"op": "title", "text"}
nlohmann::json to_json(const SemanticOp& op, const SemanticTree& tree);

}  // namespace wwe
