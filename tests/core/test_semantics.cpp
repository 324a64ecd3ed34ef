// The semantic tree: what a screen reader finds for a state, that activating an element
// sends the intent of the canvas control, and that the patches turn one mirror into the next.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "core/describe.hpp"
#include "core/semantics.hpp"
#include "fixture.hpp"

using namespace wwe;

namespace {

struct Fixture {
    Controller c;
    Fixture() {
        REQUIRE(c.load(test::mini_json()).ok);
        c.open_location("", "", {}, 0);
    }
    SemanticTree tree(const Presentation& p = {}) const { return build_semantics(c, p); }
};

const SemanticNode* node(const SemanticTree& t, const std::string& id) {
    const int i = t.find(id);
    return i < 0 ? nullptr : &t.nodes[static_cast<std::size_t>(i)];
}

std::vector<const SemanticNode*> with_role(const SemanticTree& t, SemanticRole role) {
    std::vector<const SemanticNode*> out;
    for (const SemanticNode& n : t.nodes)
        if (n.role == role) out.push_back(&n);
    return out;
}

// A model of the page's mirror: elements by id with their properties and children, built
// only from ops, as web code would.
struct Mirror {
    struct Element {
        nlohmann::json props;
        std::vector<std::string> children;
    };
    std::map<std::string, Element> elements;
    std::vector<std::string> top;  // the root's children
    std::string title;

    // As the DOM does: the element leaves its parent's children, with its subtree.
    void remove(const std::string& id) {
        const auto it = elements.find(id);
        if (it == elements.end()) return;
        for (const std::string& child : std::vector<std::string>(it->second.children)) remove(child);
        elements.erase(it);
        for (auto& [other, e] : elements) std::erase(e.children, id);
        std::erase(top, id);
    }
    void apply(const std::vector<SemanticOp>& ops, const SemanticTree& tree) {
        for (const SemanticOp& op : ops) {
            const nlohmann::json j = to_json(op, tree);
            const std::string kind = j["op"];
            if (kind == "add" || kind == "update") {
                Element& e = elements[j["id"]];
                e.props = j;
                e.props.erase("op");
            } else if (kind == "remove") {
                remove(j["id"]);
            } else if (kind == "order") {
                std::vector<std::string> list = j["children"];
                if (j["id"] == tree.nodes[0].id) top = list;
                else elements[j["id"]].children = list;
            } else if (kind == "title") {
                title = j["text"];
            }
        }
    }
    // True when the mirror shows exactly `tree` (below its root); else `why` says what differs.
    bool shows(const SemanticTree& tree) const {
        std::string why;
        return shows(tree, why);
    }
    bool shows(const SemanticTree& tree, std::string& why) const {
        std::size_t count = 0;
        for (std::size_t i = 1; i < tree.nodes.size(); ++i) {
            const SemanticNode& n = tree.nodes[i];
            const auto it = elements.find(n.id);
            if (it == elements.end()) {
                why = "missing " + n.id;
                return false;
            }
            SemanticOp op;
            op.kind = SemanticOp::Kind::Update;
            op.node = n;
            nlohmann::json want = to_json(op, tree);
            want.erase("op");
            if (it->second.props != want) {
                why = "props of " + n.id + ": " + it->second.props.dump() + " vs " + want.dump();
                return false;
            }
            ++count;
        }
        // Children lists in order, from the root down.
        std::map<std::string, std::vector<std::string>> kids;
        for (const SemanticNode& n : tree.nodes)
            if (n.parent >= 0) kids[tree.nodes[static_cast<std::size_t>(n.parent)].id].push_back(n.id);
        if (top != kids[tree.nodes[0].id]) {
            why = "top children";
            return false;
        }
        for (const auto& [id, e] : elements)
            if (id != tree.nodes[0].id && e.children != kids[id]) {
                why = "children of " + id + ": " + nlohmann::json(e.children).dump() + " vs " + nlohmann::json(kids[id]).dump();
                return false;
            }
        if (count != elements.size() - (elements.count(tree.nodes[0].id) ? 1 : 0)) {
            why = "extra elements: " + std::to_string(elements.size()) + " vs " + std::to_string(count);
            return false;
        }
        if (title != tree.title) why = "title";
        return title == tree.title;
    }
};

}  // namespace

TEST_CASE("semantics: the reader's tree has the landmarks, the title and sections as headings, every passage, every facet value") {
    Fixture f;
    const SemanticTree t = f.tree();
    const Article& a = f.c.corpus().article;
    REQUIRE_FALSE(t.nodes.empty());
    CHECK(t.nodes[0].role == SemanticRole::Root);
    CHECK(t.title.find(a.meta.title) != std::string::npos);
    CHECK(t.title.rfind("Reader", 0) == 0);
    std::set<std::string> ids;
    for (const SemanticNode& n : t.nodes) CHECK_MESSAGE(ids.insert(n.id).second, "duplicate id " << n.id);
    for (SemanticRole landmark : {SemanticRole::Search, SemanticRole::Complementary, SemanticRole::Main})
        CHECK(with_role(t, landmark).size() == 1);
    const SemanticNode* box = node(t, "search/box");
    REQUIRE(box);
    CHECK(box->name == "Search the article");
    CHECK(node(t, "search/result")->role == SemanticRole::Status);
    // Headings: the title (1) and each section of the passages shown (2).
    const auto headings = with_role(t, SemanticRole::Heading);
    REQUIRE_FALSE(headings.empty());
    CHECK(headings[0]->name == a.meta.title);
    CHECK(headings[0]->level == 1);
    int sections = 0;
    for (const SemanticNode* h : headings) sections += h->level == 2;
    CHECK(sections == static_cast<int>(a.sections.size()));
    // Every passage, its text whole when the runs are read in order.
    for (std::size_t p = 0; p < a.passages.size(); ++p) {
        const std::string pid = "passage/" + a.passages[p].id;
        REQUIRE(node(t, pid));
        std::string text;
        const int para = t.find(pid + "/text");
        for (const SemanticNode& n : t.nodes)
            if (n.parent == para) text += n.name;
        CHECK(text == a.passages[p].text);
    }
    // Every facet value is a named checkbox with its count.
    int boxes = 0;
    for (const Facet& facet : a.facets)
        for (const FacetValue& v : facet.values) {
            const SemanticNode* n = node(t, "facet/" + facet.id + "/" + v.id);
            REQUIRE(n);
            CHECK(n->role == SemanticRole::Checkbox);
            CHECK(n->name == v.label);
            CHECK(n->description.find("passage") != std::string::npos);
            CHECK((n->flags & Semantic_Checked) == 0);
            ++boxes;
        }
    CHECK(static_cast<int>(with_role(t, SemanticRole::Checkbox).size()) == boxes);
    // The view tabs.
    CHECK(with_role(t, SemanticRole::Tab).size() == static_cast<std::size_t>(kViewCount));
    CHECK((node(t, "tab/reader")->flags & Semantic_Selected) != 0);
}

TEST_CASE("semantics: activating an element sends the canvas control's intent") {
    Fixture f;
    SemanticTree t = f.tree();
    const SemanticNode* box = node(t, "facet/front/security");
    REQUIRE(box);
    REQUIRE(box->action);
    f.c.apply(*box->action, Origin::User, 1);
    CHECK(f.c.state().facets.at("front").count("security"));
    t = f.tree();
    CHECK((node(t, "facet/front/security")->flags & Semantic_Checked) != 0);
    CHECK(node(t, "chip/front/security/remove"));
    // A mention link selects its node; the details region appears.
    const SemanticNode* mention = nullptr;
    for (const SemanticNode& n : t.nodes)
        if (n.role == SemanticRole::Link && n.id.find("/m") != std::string::npos) mention = &n;
    REQUIRE(mention);
    f.c.apply(*mention->action, Origin::User, 2);
    t = f.tree();
    REQUIRE(node(t, "details"));
    CHECK(node(t, "details")->role == SemanticRole::Region);
    // The tab of another view.
    f.c.apply(*node(t, "tab/matrix")->action, Origin::User, 3);
    t = f.tree();
    CHECK(t.title.rfind("Matrix", 0) == 0);
    REQUIRE(node(t, "matrix"));
    CHECK(node(t, "matrix")->role == SemanticRole::Table);
    CHECK_FALSE(with_role(t, SemanticRole::RowHeader).empty());
    // Shell commands are not intents.
    CHECK(node(t, "share")->command == SemanticCommand::OpenShare);
    CHECK_FALSE(node(t, "share")->action);
}

TEST_CASE("semantics: the matrix table has the canvas's \"No <facet>\" column, so its totals add up") {
    Fixture f;
    f.c.apply(intent::ShowView{View::Matrix}, Origin::User, 1);
    SemanticTree t = f.tree();
    // mini.json: p1 has a dimension and no front.
    REQUIRE(node(t, "matrix/head/none"));
    CHECK(node(t, "matrix/head/none")->name == "No Front");
    CHECK(node(t, "matrix/row/partnership/none/text")->name == "1");
    CHECK(node(t, "matrix/totals/none/text")->name == "1");
    CHECK(node(t, "matrix/totals/all/text")->name == "4");
    CHECK_FALSE(node(t, "matrix/row-none"));  // every passage has a dimension
    // Filtered to a front, no passage lacks one: the column goes.
    f.c.apply(intent::SetFacets{{{"front", {"security"}}}, false}, Origin::User, 2);
    t = f.tree();
    CHECK_FALSE(node(t, "matrix/head/none"));
    CHECK(node(t, "matrix/totals/all/text")->name == "2");
}

TEST_CASE("semantics: the views are tables and lists: map nodes and relations, timeline events, entities, glossary") {
    Fixture f;
    for (const View v : {View::Map, View::Timeline, View::Entities, View::Glossary, View::Contrasts}) {
        f.c.apply(intent::ShowView{v}, Origin::User, 1);
        const SemanticTree t = f.tree();
        CAPTURE(to_string(v));
        CHECK(with_role(t, SemanticRole::Main).size() == 1);
        switch (v) {
        case View::Map:
            CHECK(node(t, "map/nodes")->role == SemanticRole::List);
            CHECK(node(t, "map/relations")->role == SemanticRole::Table);
            CHECK(node(t, "map/node/bri/select"));
            break;
        case View::Timeline: CHECK(node(t, "event/e1/open")); break;
        case View::Entities: CHECK(node(t, "entity/bri/name/select")); break;
        case View::Glossary: CHECK(node(t, "concept/win-win/name/select")); break;
        default: CHECK(node(t, "contrasts")); break;
        }
    }
}

TEST_CASE("semantics: the same state gives no patch, a change gives just the elements that changed") {
    Fixture f;
    const SemanticTree a = f.tree();
    CHECK(diff(a, f.tree()).empty());
    f.c.apply(intent::ToggleFacetValue{"front", "security"}, Origin::User, 1);
    const SemanticTree b = f.tree();
    const std::vector<SemanticOp> ops = diff(a, b);
    REQUIRE_FALSE(ops.empty());
    bool checkbox = false, status = false;
    for (const SemanticOp& op : ops) {
        CHECK(op.kind != SemanticOp::Kind::Title);  // still the reader
        if (op.kind == SemanticOp::Kind::Update && op.node.id == "facet/front/security") checkbox = true;
        if (op.kind == SemanticOp::Kind::Update && op.node.id == "search/result") status = true;
    }
    CHECK(checkbox);
    CHECK(status);
    CHECK(ops.size() < a.nodes.size() / 2);  // a patch, not a rebuild
}

TEST_CASE("semantics: patches turn the mirror of any state into the mirror of any other (property)") {
    Fixture f;
    std::mt19937 rng(1010);
    Mirror mirror;
    SemanticTree shown;  // what the mirror shows
    const SemanticTree first = f.tree();
    mirror.apply(diff(shown, first), first);
    REQUIRE(mirror.shows(first));
    shown = first;
    for (int round = 0; round < 120; ++round) {
        const ViewState s = test::random_state(f.c.corpus(), rng);
        f.c.apply(intent::ApplyState{to_json(s, f.c.corpus()).dump()}, Origin::Page, round);
        Presentation p;
        p.filters = rng() % 4 != 0;
        p.details = rng() % 3 != 0;
        p.chrome = rng() % 5 != 0;
        p.folded = rng() % 2 == 0;
        const SemanticTree next = f.tree(p);
        mirror.apply(diff(shown, next), next);
        std::string why;
        const bool same = mirror.shows(next, why);
        INFO("round " << round << ": " << why);
        REQUIRE(same);
        shown = next;
    }
}

TEST_CASE("semantics: the toolbar's menu buttons say collapsed, a menu's items exist only while it is open") {
    Fixture f;
    SemanticTree t = f.tree();
    for (const char* id : {"share", "export", "help"}) {
        REQUIRE(node(t, id));
        CHECK((node(t, id)->flags & Semantic_Expandable) != 0);
        CHECK((node(t, id)->flags & Semantic_Expanded) == 0);
    }
    CHECK((node(t, "export")->flags & Semantic_PopupMenu) != 0);
    CHECK((node(t, "share")->flags & Semantic_PopupDialog) != 0);
    CHECK(node(t, "export")->command == SemanticCommand::OpenExport);
    CHECK_FALSE(node(t, "export-menu"));
    CHECK_FALSE(node(t, "export/png"));
    Presentation open;
    open.export_open = true;
    t = f.tree(open);
    CHECK((node(t, "export")->flags & Semantic_Expanded) != 0);
    REQUIRE(node(t, "export-menu"));
    CHECK(node(t, "export-menu")->role == SemanticRole::Menu);
    CHECK(node(t, "export-menu")->parent == 0);  // not in the toolbar: a composite of its own
    int items = 0;
    for (const SemanticNode& n : t.nodes) {
        if (n.parent != t.find("export-menu")) continue;
        CHECK(n.role == SemanticRole::MenuItem);
        CHECK(n.activatable());
        ++items;
    }
    CHECK(items == 5);
    const nlohmann::json j = to_json(SemanticOp{SemanticOp::Kind::Add, *node(t, "export"), {}, {}, {}}, t);
    CHECK(j["flags"].dump().find("popup-menu") != std::string::npos);
    CHECK(j["flags"].dump().find("expandable") != std::string::npos);
}

TEST_CASE("semantics: the Notebook button is in the toolbar, a dialog button saying whether the notebook is open") {
    Fixture f;
    SemanticTree t = f.tree();
    const SemanticNode* button = node(t, "notebook-button");
    REQUIRE(button);
    CHECK(button->role == SemanticRole::Button);
    CHECK(button->name == "Notebook");
    CHECK(button->parent == t.find("toolbar"));
    CHECK(button->command == SemanticCommand::OpenNotebook);
    CHECK((button->flags & Semantic_Focusable) != 0);
    CHECK((button->flags & Semantic_PopupDialog) != 0);
    CHECK((button->flags & Semantic_Expandable) != 0);
    CHECK((button->flags & Semantic_Expanded) == 0);
    Presentation open;
    open.notebook_open = true;
    t = f.tree(open);
    CHECK((node(t, "notebook-button")->flags & Semantic_Expanded) != 0);
    const nlohmann::json j = to_json(SemanticOp{SemanticOp::Kind::Add, *node(t, "notebook-button"), {}, {}, {}}, t);
    CHECK(j["flags"].dump().find("popup-dialog") != std::string::npos);
    CHECK(j["flags"].dump().find("expanded") != std::string::npos);
    // Not on a kiosk (nothing is collected there).
    Controller kiosk;
    REQUIRE(kiosk.load(test::mini_json()).ok);
    kiosk.open_location("kiosk", "", {}, 0);
    CHECK_FALSE(node(build_semantics(kiosk, {}), "notebook-button"));
}

TEST_CASE("semantics: the map's and the matrix's choices are radio groups, one radio checked, each sending its intent") {
    Fixture f;
    f.c.apply(intent::ShowView{View::Map}, Origin::User, 1);
    // Each group: radios only, exactly one checked (the state's), every radio activatable.
    const auto check_group = [](const SemanticTree& t, const std::string& id, const std::string& checked) {
        CAPTURE(id);
        const SemanticNode* group = node(t, id);
        REQUIRE(group);
        CHECK(group->role == SemanticRole::RadioGroup);
        CHECK_FALSE(group->name.empty());
        int radios = 0;
        std::string on;
        for (const SemanticNode& n : t.nodes) {
            if (n.parent != t.find(id)) continue;
            CHECK(n.role == SemanticRole::Radio);
            CHECK(n.activatable());
            CHECK((n.flags & Semantic_Pressed) == 0);  // checked, not pressed
            ++radios;
            if (n.flags & Semantic_Checked) on += (on.empty() ? "" : ",") + n.id;
        }
        CHECK(radios >= 2);
        CHECK(on == checked);
    };
    SemanticTree t = f.tree();
    check_group(t, "map/edges", "map/edges/relations");
    check_group(t, "map/depth", "map/depth/1");
    check_group(t, "map/color", "map/color/type");
    CHECK(node(t, "map/edges")->parent == t.find("map/options"));
    CHECK(node(t, "map/fit")->role == SemanticRole::Button);  // actions stay buttons
    // Choosing one checks it and unchecks the others.
    for (const char* id : {"map/edges/both", "map/depth/2", "map/color/front"}) {
        REQUIRE(node(t, id));
        f.c.apply(*node(t, id)->action, Origin::User, 2);
    }
    t = f.tree();
    CHECK(f.c.state().map.edges == MapEdges::Both);
    CHECK(f.c.state().map.depth == 2);
    CHECK(f.c.state().map.color == "front");
    check_group(t, "map/edges", "map/edges/both");
    check_group(t, "map/depth", "map/depth/2");
    check_group(t, "map/color", "map/color/front");
    const nlohmann::json j = to_json(SemanticOp{SemanticOp::Kind::Add, *node(t, "map/depth/2"), {}, {}, {}}, t);
    CHECK(j["role"] == "radio");
    CHECK(j["flags"].dump().find("checked") != std::string::npos);

    f.c.apply(intent::ShowView{View::Matrix}, Origin::User, 3);
    t = f.tree();
    const Article& a = f.c.corpus().article;
    check_group(t, "matrix/rows", "matrix/rows/" + a.facets[0].id);
    check_group(t, "matrix/columns", "matrix/columns/" + a.facets[1].id);
    f.c.apply(*node(t, "matrix/rows/" + a.facets[1].id)->action, Origin::User, 4);
    check_group(f.tree(), "matrix/rows", "matrix/rows/" + a.facets[1].id);
}

TEST_CASE("semantics: the filter chips are a row of their own, after the toolbar") {
    Fixture f;
    f.c.apply(intent::ToggleFacetValue{"front", "security"}, Origin::User, 1);
    const SemanticTree t = f.tree();
    REQUIRE(node(t, "chips"));
    CHECK(node(t, "chips")->parent == 0);
    CHECK(t.find("chips") > t.find("toolbar"));
}

TEST_CASE("semantics: passage links are named with whole words and one ellipsis, opening one says what it is") {
    CHECK(word_excerpt("short text", 100) == "short text");
    CHECK(word_excerpt("the quick brown fox jumps", 12) == "the quick\xE2\x80\xA6");  // not "the quick br"
    CHECK(word_excerpt("one, two three", 5) == "one\xE2\x80\xA6");                    // no dangling comma
    CHECK(word_excerpt("wait\xE2\x80\xA6 and more words here", 8) == "wait\xE2\x80\xA6");   // never two ellipses
    CHECK(word_excerpt("end of a sentence. Next one", 19) == "end of a sentence\xE2\x80\xA6");
    CHECK(word_excerpt("unbreakablewordwithoutspaces", 10) == "unbreakabl\xE2\x80\xA6");
    Fixture f;
    const Corpus& c = f.c.corpus();
    for (std::size_t p = 0; p < c.article.passages.size(); ++p) {
        const std::string said = passage_opened_text(c, static_cast<int>(p));
        CHECK(said.rfind("Passage " + std::to_string(p + 1), 0) == 0);
        const int s = c.article.passages[p].section;
        if (s >= 0) CHECK(said.find(c.article.sections[static_cast<std::size_t>(s)].heading) != std::string::npos);
    }
    const Update u = f.c.apply(intent::OpenPassage{c.article.passages.back().id, false}, Origin::User, 1);
    CHECK(u.announcement.find(passage_opened_text(c, static_cast<int>(c.article.passages.size()) - 1)) != std::string::npos);
}

TEST_CASE("semantics: Contexts and Terms are tables, a concordance row opens its passage, a term searches") {
    Fixture f;
    f.c.apply(intent::ShowView{View::Contexts}, Origin::User, 1);
    CHECK(node(f.tree(), "contexts/empty"));  // no search yet: what to do
    f.c.apply(intent::SetQuery{"security", false}, Origin::User, 2);
    SemanticTree t = f.tree();
    REQUIRE(node(t, "contexts"));
    CHECK(node(t, "contexts")->role == SemanticRole::Table);
    const SemanticNode* open = node(t, "contexts/row/0/open");
    REQUIRE(open);
    REQUIRE(open->action);
    CHECK(std::holds_alternative<intent::OpenPassage>(*open->action));
    CHECK(node(t, "contexts/row/0/keyword/text")->name.find("ecurity") != std::string::npos);
    f.c.apply(intent::SetQuery{"", false}, Origin::User, 3);
    f.c.apply(intent::ShowView{View::Terms}, Origin::User, 4);
    t = f.tree();
    REQUIRE(node(t, "terms"));
    CHECK(node(t, "terms")->role == SemanticRole::Table);
    const SemanticNode* search = node(t, "terms/row/0/search");
    REQUIRE(search);
    REQUIRE(search->action);
    CHECK(std::holds_alternative<intent::SetQuery>(*search->action));
}

TEST_CASE("semantics: the problems panel is a dialog listing each problem, words first, then where") {
    Fixture f;
    const Update u = f.c.apply(intent::OpenArticle{"{\n  \"format\": 3\n}", "broken.json", ""}, Origin::User, 1);
    REQUIRE_FALSE(u.problems.empty());
    CHECK(node(f.tree(), "problems-dialog") == nullptr);  // only while the panel shows
    Presentation p;
    p.problems_open = true;
    const SemanticTree t = f.tree(p);
    const SemanticNode* dialog = node(t, "problems-dialog");
    REQUIRE(dialog != nullptr);
    CHECK(dialog->role == SemanticRole::Dialog);
    CHECK(dialog->name == f.c.open_report().summary);
    const SemanticNode* list = node(t, "problems-dialog/list");
    REQUIRE(list != nullptr);
    CHECK(list->role == SemanticRole::List);
    const std::vector<Problem>& problems = f.c.open_report().problems;
    REQUIRE_FALSE(problems.empty());
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const std::string id = "problems-dialog/problem/" + std::to_string(i);
        REQUIRE(node(t, id) != nullptr);
        CHECK(node(t, id)->role == SemanticRole::ListItem);
        REQUIRE(node(t, id + "/text") != nullptr);
        CHECK(node(t, id + "/text")->name == (problems[i].severity == Severity::Error ? "Error: " : "Warning: ") + problems[i].message);
        // The place comes after the words, as on screen.
        if (!problem_place_text(problems[i]).empty()) {
            REQUIRE(node(t, id + "/where") != nullptr);
            CHECK(t.find(id + "/where") > t.find(id + "/text"));
        }
    }
    CHECK(node(t, "problems-dialog/close")->command == SemanticCommand::CloseProblems);
    CHECK(node(t, "problems-dialog/open")->command == SemanticCommand::OpenFile);
}

TEST_CASE("semantics: characters that cannot be drawn are said in a region of their own") {
    Fixture f;
    CHECK(node(f.tree(), "undrawable") == nullptr);
    Presentation p;
    p.undrawable = "Some characters of this article cannot be drawn here: U+1F600.";
    const SemanticTree t = f.tree(p);
    REQUIRE(node(t, "undrawable") != nullptr);
    CHECK(node(t, "undrawable")->role == SemanticRole::Region);
    CHECK(node(t, "undrawable")->name == "Characters that cannot be drawn");
    REQUIRE(node(t, "undrawable/text") != nullptr);
    CHECK(node(t, "undrawable/text")->name == p.undrawable);
}

TEST_CASE("semantics: a notice reads plain words first, its technical lines only behind an open Details") {
    Controller c;
    REQUIRE(c.load(test::mini_json()).ok);
    c.open_location("", "q=%ZZ&v=map", {}, 0);
    REQUIRE_FALSE(c.notice().empty());
    const SemanticTree folded = build_semantics(c, {});
    const SemanticNode* alert = node(folded, "notice");
    REQUIRE(alert);
    CHECK(alert->name == "Part of this link could not be shown:");
    const SemanticNode* first = node(folded, "notice/problem/0/text");
    REQUIRE(first);
    CHECK(first->name == "The search in the link was left out.");
    const SemanticNode* details = node(folded, "notice/details");
    REQUIRE(details);
    CHECK(details->role == SemanticRole::Button);
    CHECK(details->command == SemanticCommand::NoticeDetails);
    CHECK((details->flags & Semantic_Expandable) != 0);
    CHECK((details->flags & Semantic_Expanded) == 0);
    CHECK(node(folded, "notice/detail") == nullptr);
    for (const SemanticNode& n : folded.nodes) CHECK(n.name.find("%XX") == std::string::npos);

    Presentation open;
    open.notice_details = true;
    const SemanticTree shown = build_semantics(c, open);
    CHECK((node(shown, "notice/details")->flags & Semantic_Expanded) != 0);
    const SemanticNode* line = node(shown, "notice/detail/0/text");
    REQUIRE(line);
    CHECK(line->name.find("expected valid %XX escapes") != std::string::npos);
}

TEST_CASE("semantics: a relation listed in a node's details selects the relation (the edge, its evidence), not the other node") {
    Fixture f;
    f.c.apply(intent::Select{{Selection::Kind::Node, "win-win"}}, Origin::User, 1);
    SemanticTree t = f.tree();
    const SemanticNode* open = node(t, "details/relation/r1/open");
    REQUIRE(open);
    REQUIRE(open->action);
    CHECK(open->description.find("the relation and its evidence") != std::string::npos);
    f.c.apply(*open->action, Origin::User, 2);
    CHECK(f.c.state().selection.kind == Selection::Kind::Relation);
    CHECK(f.c.state().selection.id == "r1");
    t = f.tree();
    REQUIRE(node(t, "details"));
    CHECK(node(t, "details")->name == "Details: relation");
}
