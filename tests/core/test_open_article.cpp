// The controller replaces its article at run time: problems reported, the previous article
// kept when the new one is unusable, links and states bound to their article, key terms
// accepted, locks re-checked.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "core/deep_link.hpp"
#include "core/host_protocol.hpp"
#include "core/import_text.hpp"
#include "core/load.hpp"
#include "fixture.hpp"

using namespace wwe;
namespace in = wwe::intent;

namespace {
std::string data(const char* name) { return test::read_file(std::string(WWE_TEST_DATA) + "/" + name); }

struct Opened {
    Controller c;
    explicit Opened(std::string_view query = "") {
        REQUIRE(c.load(test::mini_json()).ok);
        c.open_location(query, "", {}, 0);
    }
    Update open(const std::string& name, Origin origin = Origin::User) {
        return c.apply(in::OpenArticle{data(name.c_str()), name, "2026-12-01"}, origin, 1);
    }
};
}  // namespace

TEST_CASE("open: another JSON article replaces the shown one, with its own home view") {
    Opened o;
    o.c.apply(in::ToggleFacetValue{"front", "security"}, Origin::User, 0.5);
    const std::uint64_t serial = o.c.article_serial();
    const Update u = o.open("river-compact.json");
    CHECK(u.problems.empty());
    CHECK(u.state);
    CHECK(o.c.article_serial() > serial);
    CHECK(o.c.corpus().article.id == "millbrook-river-compact");
    CHECK(o.c.state().facets.empty());
    CHECK(!o.c.can_back());
    CHECK(o.c.open_report().opened);
    CHECK(o.c.open_report().summary == "\u201Criver-compact.json\u201D was opened: 5 passages.");
    CHECK(o.c.derived().shown.size() == 5);
    CHECK(o.c.source_kind() == FileKind::Article);
    CHECK(o.c.article_json() == data("river-compact.json"));
}

TEST_CASE("open: an unusable file keeps the article and view, and reports every problem with its line") {
    Opened o;
    o.c.apply(in::ToggleFacetValue{"front", "security"}, Origin::User, 0.5);
    const ViewState before = o.c.state();
    const Update u = o.open("broken.json");
    CHECK(!u.problems.empty());
    CHECK(o.c.corpus().article.meta.title == "A Small Test Article");
    CHECK(o.c.state() == before);
    const OpenReport& r = o.c.open_report();
    CHECK(!r.opened);
    CHECK(r.errors() == static_cast<int>(u.problems.size()));
    CHECK(r.summary.find("could not be opened") != std::string::npos);
    CHECK(r.summary.find("The article shown is unchanged.") != std::string::npos);
    bool lines = false;
    for (const Problem& p : r.problems) lines = lines || p.line > 0;
    CHECK(lines);
    // The user sees the problems in the notice, in plain words.
    CHECK(o.c.notice().title == r.summary);
    CHECK(o.c.notice().plain.front() == r.problems.front().message);
    // The detail adds where (the JSON pointer, the line) after the same words.
    CHECK(o.c.notice().problems.front().rfind(r.problems.front().message, 0) == 0);
    CHECK(o.c.notice().problems.front().find("JSON pointer") != std::string::npos);
    // Not JSON at all: one problem with its line; the article stays.
    const Update v = o.c.apply(in::OpenArticle{"{\n  \"format\": ,\n}", "x.json", ""}, Origin::Page, 2);
    REQUIRE(v.problems.size() == 1);
    CHECK(o.c.open_report().problems.front().message.find("line 2") != std::string::npos);
    CHECK(o.c.corpus().article.meta.title == "A Small Test Article");
}

TEST_CASE("open: a host's failed open goes back in the reply, not to the notice") {
    Opened o;
    const Update u = o.open("broken.json", Origin::Host);
    CHECK(!u.problems.empty());
    CHECK(o.c.notice().empty());
}

TEST_CASE("open: a plain-text speech becomes an article with a map on shared passages at once") {
    Opened o;
    const Update u = o.open("speech.txt");
    CHECK(u.problems.empty());
    const Article& a = o.c.corpus().article;
    CHECK(a.meta.title == "Opening the Harbour Library");
    CHECK(o.c.source_kind() == FileKind::Text);
    CHECK(o.c.state().map.edges == MapEdges::Cooccurrence);
    CHECK(o.c.home().map.edges == MapEdges::Cooccurrence);
    CHECK(o.c.open_report().warnings() >= 1);  // the author is not given
    // Search works at once.
    o.c.apply(in::SetQuery{"reading room"}, Origin::Page, 2);
    CHECK(!o.c.derived().shown.empty());
    CHECK(o.c.derived().shown.size() < a.passages.size());
    // The saved article is valid and reopens as an article file.
    const std::string saved = o.c.article_json();
    CHECK(load_article(saved).ok());
    Controller again;
    REQUIRE(again.load(test::mini_json()).ok);
    again.open_location("", "", {}, 0);
    CHECK(again.apply(in::OpenArticle{saved, "opening-the-harbour-library.json", ""}, Origin::User, 1).problems.empty());
    CHECK(again.corpus().article.passages.size() == a.passages.size());
}

TEST_CASE("accept a key term: it becomes a concept, the view stays, the saved article has it") {
    Opened o;
    o.open("speech.txt");
    o.c.apply(in::ShowView{View::Map}, Origin::User, 2);
    const std::vector<KeyTerm> terms = o.c.key_terms();
    REQUIRE(!terms.empty());
    const std::string label = terms.front().label;
    const std::size_t nodes = o.c.corpus().article.nodes.size();
    const Update u = o.c.apply(in::AcceptTerm{label}, Origin::User, 3);
    for (const Diagnostic& d : u.problems) MESSAGE(d.to_string());
    CHECK(u.problems.empty());
    CHECK(o.c.corpus().article.nodes.size() == nodes + 1);
    CHECK(o.c.corpus().article.nodes.back().label == label);
    CHECK(o.c.state().view == View::Map);
    CHECK(o.c.source_kind() == FileKind::Text);
    for (const KeyTerm& t : o.c.key_terms()) CHECK(t.label != label);
    CHECK(o.c.article_json().find("\"label\": \"" + label + "\"") != std::string::npos);
    CHECK(!o.c.apply(in::AcceptTerm{"no such term"}, Origin::User, 4).problems.empty());
}

TEST_CASE("links and states name their article: one made for another article applies nothing") {
    Opened o;
    ViewState s;
    s.facets["front"] = {"security"};
    const std::string link = to_fragment(s, o.c.corpus());
    CHECK(link.find("&art=a-small-test-article") != std::string::npos);
    o.open("river-compact.json");
    // (A link for an article opened earlier in this session opens it again: next test.)
    const std::string other = "f.front=security&art=an-article-never-opened-here";
    const Update u = o.c.apply(in::OpenLink{other}, Origin::Link, 2);
    REQUIRE(u.problems.size() == 1);
    CHECK(u.problems[0].pointer == "#art");
    CHECK(o.c.state().facets.empty());
    CHECK(o.c.notice().problems.size() == 1);
    // The same for a view state from another article.
    const Update v = o.c.apply(in::ApplyState{R"({"article": "a-small-test-article", "view": "map"})"}, Origin::Page, 3);
    REQUIRE(v.problems.size() == 1);
    CHECK(v.problems[0].pointer == "/article");
    CHECK(o.c.state().view == View::Reader);
    // Its own links and states apply; a link without art= (older links) too.
    CHECK(o.c.apply(in::OpenLink{"v=map&f.topic=water&art=millbrook-river-compact"}, Origin::Link, 4).problems.empty());
    CHECK(o.c.state().facets.at("topic").count("water"));
    CHECK(o.c.apply(in::OpenLink{"v=reader&f.party=upper"}, Origin::Link, 5).problems.empty());
}

TEST_CASE("locks: an unknown facet refuses to open unlocked, a new article must have the locked facets") {
    Opened bad("embed&lock.colour=red");
    CHECK(bad.c.refused());
    CHECK(bad.c.notice().title.find("shows nothing") != std::string::npos);
    Opened ok("embed&lock.front=security");
    CHECK(!ok.c.refused());
    const Update u = ok.open("river-compact.json", Origin::Host);
    REQUIRE(!u.problems.empty());
    CHECK(u.problems[0].pointer == "?lock.front");
    CHECK(ok.c.corpus().article.meta.title == "A Small Test Article");
    CHECK(ok.c.state().facets.at("front").count("security"));
}

TEST_CASE("host protocol: a load message opens a file, only it may be large") {
    Opened o;
    auto send = [&](const nlohmann::json& m) {
        return handle_host_message(o.c, m.dump(), [&](const Intent& i) { return o.c.apply(i, Origin::Host, 2); }).message;
    };
    const nlohmann::json base = {{"protocol", "win-win-explorer"}, {"version", 1}, {"requestId", 7}};
    nlohmann::json m = base;
    m["type"] = "load";
    m["text"] = data("speech.txt");
    m["name"] = "speech.txt";
    const nlohmann::json ok = send(m);
    CHECK(ok["type"] == "result");
    CHECK(ok["result"]["opened"] == true);
    CHECK(ok["result"]["article"]["title"] == "Opening the Harbour Library");
    m["text"] = "{";
    m["name"] = "bad.json";
    const nlohmann::json bad = send(m);
    CHECK(bad["result"]["opened"] == false);
    CHECK(!bad["problems"].empty());
    CHECK(o.c.corpus().article.meta.title == "Opening the Harbour Library");
    nlohmann::json missing = base;
    missing["type"] = "load";
    CHECK(send(missing)["type"] == "error");
    nlohmann::json huge = base;
    huge["type"] = "setState";
    huge["state"] = {{"query", std::string(300000, 'a')}};
    CHECK(send(huge)["type"] == "error");
}

TEST_CASE("back after an open: a link for an earlier article of the session opens it again, with its view") {
    Opened o;
    o.c.apply(in::ToggleFacetValue{"front", "security"}, Origin::User, 0.5);
    const std::string first = to_fragment(o.c.committed(), o.c.corpus());  // the entry Back returns to
    o.open("speech.txt");
    o.c.apply(in::ShowView{View::Map}, Origin::User, 2);
    const std::string label = o.c.key_terms().front().label;
    REQUIRE(o.c.apply(in::AcceptTerm{label}, Origin::User, 3).problems.empty());
    const std::string second = to_fragment(o.c.committed(), o.c.corpus());
    const std::string speech_id = o.c.corpus().article.id;

    // Back: the browser brings the first entry's link; the first article opens with its view.
    const std::uint64_t serial = o.c.article_serial();
    Update back = o.c.apply(in::OpenLink{first}, Origin::Link, 4);
    CHECK(back.problems.empty());
    CHECK(back.home);
    CHECK(o.c.article_serial() > serial);  // the views and the atlas start over
    CHECK(o.c.corpus().article.id == "a-small-test-article");
    CHECK(o.c.state().facets.at("front").count("security"));
    CHECK(back.announcement.find("\u201CA Small Test Article\u201D is open again.") == 0);
    CHECK(o.c.notice().empty());
    CHECK(o.c.source_kind() == FileKind::Article);

    // Forward: the text again, a text still (key terms offered), with the accepted concept.
    Update forward = o.c.apply(in::OpenLink{second}, Origin::Link, 5);
    CHECK(forward.problems.empty());
    CHECK(o.c.corpus().article.id == speech_id);
    CHECK(o.c.state().view == View::Map);
    CHECK(o.c.source_kind() == FileKind::Text);
    CHECK(o.c.corpus().article.find_node(o.c.corpus().article.nodes.back().id) >= 0);
    CHECK(o.c.corpus().article.nodes.back().label == label);

    // A link from the page's script or a host never swaps the article.
    const Update page = o.c.apply(in::OpenLink{first}, Origin::Page, 6);
    CHECK(o.c.corpus().article.id == speech_id);
    CHECK(!page.problems.empty());

    // Only the last kSessionArticles are kept: after four more, the first is refused plainly.
    for (const char* name : {"river-compact.json", "french.json", "russian.json", "chinese.json"}) o.open(name);
    const std::string shown = o.c.corpus().article.id;
    const Update gone = o.c.apply(in::OpenLink{first}, Origin::Link, 7);
    REQUIRE(gone.problems.size() == 1);
    CHECK(gone.problems[0].pointer == "#art");
    CHECK(o.c.corpus().article.id == shown);
    CHECK(!o.c.notice().problems.empty());
}

TEST_CASE("back to the page's first entry (no fragment) after an open: the page's article again") {
    SUBCASE("the shipped article") {
        Opened o;
        o.open("river-compact.json");
        REQUIRE(o.c.corpus().article.id == "millbrook-river-compact");
        const Update back = o.c.apply(in::OpenLink{""}, Origin::Link, 2);
        CHECK(back.problems.empty());
        CHECK(o.c.corpus().article.id == "a-small-test-article");
        const Update again = o.c.apply(in::OpenLink{"#"}, Origin::Link, 3);
        CHECK(again.problems.empty());
        CHECK(o.c.corpus().article.id == "a-small-test-article");
    }
    SUBCASE("the text of ?data= is the page's article once open") {
        Opened o("data=texts/riviere.txt");
        o.open("riviere.txt");
        const std::string text_id = o.c.corpus().article.id;
        REQUIRE(text_id != "a-small-test-article");
        o.open("river-compact.json");
        o.c.apply(in::OpenLink{""}, Origin::Link, 2);
        CHECK(o.c.corpus().article.id == text_id);
    }
}

TEST_CASE("?data= with a text: the page's link waits for it and applies to it once it is open") {
    ImportOptions io;
    io.name = "riviere.txt";
    const std::string text = data("riviere.txt");
    const std::string id = import_text(text, FileKind::Text, io).article.at("id").get<std::string>();
    auto start = [](Controller& c, std::string_view query, std::string_view fragment) {
        REQUIRE(c.load(test::mini_json()).ok);
        c.open_location(query, fragment, {}, 0);
    };
    SUBCASE("a link for the text: not applied to the shipped article, applied to the text") {
        Controller c;
        start(c, "data=texts/riviere.txt", "v=map&q=eau&art=" + id);
        CHECK(c.link_waits());
        CHECK(c.state().view == View::Reader);  // the shipped article: its home view, no notice
        CHECK(c.state().query.empty());
        CHECK(c.notice().empty());
        const Update u = c.apply(in::OpenArticle{text, "riviere.txt", ""}, Origin::User, 1);
        CHECK(u.problems.empty());
        CHECK(!c.link_waits());
        CHECK(c.corpus().article.id == id);
        CHECK(c.state().view == View::Map);
        CHECK(c.state().query == "eau");
    }
    SUBCASE("a link made for another article: refused with the link notice once the text is open") {
        Controller c;
        start(c, "data=riviere.TXT", "v=map&f.front=security&art=a-small-test-article");
        CHECK(c.link_waits());
        CHECK(c.state().facets.empty());  // not applied to the shipped article it was made for
        const Update u = c.apply(in::OpenArticle{text, "riviere.txt", ""}, Origin::User, 1);
        REQUIRE(u.problems.size() == 1);
        CHECK(u.problems[0].pointer == "#art");
        CHECK(c.corpus().article.id == id);
        CHECK(c.state().view != View::Map);
        CHECK(!c.notice().problems.empty());
    }
    SUBCASE("the text cannot be opened: the link is dropped, and the notice says so") {
        Controller c;
        start(c, "data=missing.md", "v=map");
        CHECK(c.link_waits());
        c.apply(in::OpenArticle{"", "missing.md", ""}, Origin::User, 1);
        CHECK(!c.link_waits());
        CHECK(c.corpus().article.id == "a-small-test-article");
        bool said = false;
        for (const std::string& p : c.notice().problems) said = said || p.find("The link's view was not shown") == 0;
        CHECK(said);
    }
    SUBCASE("a JSON article in ?data= is the article itself: its link applies at once") {
        Controller c;
        start(c, "data=article.json", "v=map&art=a-small-test-article");
        CHECK(!c.link_waits());
        CHECK(c.state().view == View::Map);
    }
}
