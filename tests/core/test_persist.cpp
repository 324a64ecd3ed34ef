// What is kept between visits: the stored document (persist.hpp) and the controller's
// last view, saved views and notebook slot.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/controller.hpp"
#include "core/persist.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

namespace {

struct Visit {
    Controller c;
    Update restored;
    explicit Visit(const std::string& stored, std::string_view query = "", std::string_view fragment = "",
                   bool available = true) {
        REQUIRE(c.load(test::mini_json()).ok);
        c.open_location(query, fragment, {}, 0);
        restored = c.restore_stored(stored, available, 0);
    }
    Update user(const Intent& i, double t = 1) { return c.apply(i, Origin::User, t); }
};

}  // namespace

TEST_CASE("persist: the stored document round-trips, nothing stored is an empty document") {
    StoredDocument d;
    d.articles["A | 2016"].last["app"] = json{{"view", "map"}};
    d.articles["A | 2016"].bookmarks.push_back({"Security", json{{"query", "security"}}});
    d.articles["B | 2020"].bookmarks.push_back({"Other", json::object()});
    d.notebook = json{{"notes", json::array({"a"})}};
    StoredRead r = read_stored(write_stored(d));
    CHECK(r.problems.empty());
    CHECK_FALSE(r.ignored);
    CHECK(r.document == d);
    StoredRead none = read_stored("");
    CHECK(none.problems.empty());
    CHECK(none.document.articles.empty());
}

TEST_CASE("persist: a corrupt or foreign value is ignored whole with one problem, bad parts are dropped") {
    for (const char* text : {"{not json", "[1,2]", "{\"format\":\"something-else\",\"version\":1}", "42",
                             "{\"format\":\"win-win-explorer/stored\",\"version\":99999999999999999999}",
                             "{\"format\":\"win-win-explorer/stored\"}", "\xff\xfe"}) {
        StoredRead r = read_stored(text);
        CHECK_MESSAGE(r.ignored, text);
        CHECK(r.problems.size() == 1);
        CHECK(r.document.articles.empty());
    }
    StoredRead deep = read_stored(std::string(100000, '[') + std::string(100000, ']'));
    CHECK(deep.ignored);
    StoredRead part = read_stored(R"({"format":"win-win-explorer/stored","version":1,"articles":{"A":{
        "last":{"app":7},"bookmarks":[{"name":"ok","state":{}},{"name":"","state":{}},{"state":{}},5,
        {"name":"  tab\there  ","state":{"view":"map"}}],"extra":1}},"mystery":true})");
    CHECK_FALSE(part.ignored);
    REQUIRE(part.document.articles.count("A"));
    const Stored& a = part.document.articles.at("A");
    CHECK(a.last.empty());
    REQUIRE(a.bookmarks.size() == 2);
    CHECK(a.bookmarks[1].name == "tab here");
    CHECK(part.problems.size() == 6);  // last/app, 3 bookmarks, extra, mystery
}

TEST_CASE("persist: the notebook slot is opaque and checked by its owner's hook") {
    const std::string text = R"({"format":"win-win-explorer/stored","version":1,"notebook":{"x":{"v":1}}})";
    CHECK(read_stored(text).document.notebook == json{{"x", {{"v", 1}}}});
    StoredRead refused = read_stored(text, [](const json& j) { return j.contains("notes") ? "" : "no notes"; });
    CHECK(refused.document.notebook.is_null());
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].to_string() == "warning: /notebook: expected a notebook, found no notes");
    Visit v(text);
    CHECK(v.c.stored_notebook() == json{{"x", {{"v", 1}}}});  // another article's notebook, kept as it is
    const auto serial = v.c.stored_serial();
    v.c.set_stored_notebook(json{{"x", {{"v", 2}}}});
    CHECK(v.c.stored_serial() != serial);
    CHECK(read_stored(v.c.stored_json()).document.notebook == json{{"x", {{"v", 2}}}});
}

TEST_CASE("persist: the last view comes back on a new visit, not over a link, not in a kiosk") {
    std::string stored;
    {
        Visit first("");
        first.user(intent::ShowView{View::Map});
        first.user(intent::SetFacets{FacetSelection{{"front", {"security"}}}}, 2);
        stored = first.c.stored_json();
    }
    Visit again(stored);
    CHECK(again.c.state().view == View::Map);
    CHECK(again.c.state().facets == FacetSelection{{"front", {"security"}}});
    CHECK(again.c.notice().empty());
    CHECK_FALSE(again.c.can_back());  // the visit starts there
    Visit linked(stored, "", "v=timeline");
    CHECK(linked.c.state().view == View::Timeline);
    Visit kiosk(stored, "kiosk");
    CHECK(kiosk.c.state().view == View::Reader);
    kiosk.c.apply(intent::ShowView{View::Map}, Origin::User, 1);
    CHECK(read_stored(kiosk.c.stored_json()).document.articles.begin()->second.last.at("app")["view"] == "map");  // kept, not overwritten
    Visit embed(stored, "embed=e1");
    CHECK(embed.c.state().view == View::Reader);  // an embed keeps its own last view
}

TEST_CASE("persist: a stale last view applies its valid parts and says what is gone") {
    const std::string text = R"({"format":"win-win-explorer/stored","version":1,"articles":{")" +
                             article_key(test::mini_corpus().article) +
                             R"(":{"last":{"app":{"view":"map","passage":"p99","facets":{"front":["naval"]}}}}}})";
    Visit v(text);
    CHECK(v.c.state().view == View::Map);
    CHECK(v.restored.problems.size() == 2);
    CHECK(v.c.notice().title == "Views kept from an earlier visit could not all be used:");
    CHECK(v.c.notice().problems[1].find("/last/passage") != std::string::npos);
    Visit corrupt("{broken");
    CHECK(corrupt.c.state().view == View::Reader);
    CHECK(corrupt.c.notice().problems.size() == 1);
}

TEST_CASE("persist: saved views have names, open, are replaced by name, deleted and forgotten") {
    Visit v("", "", "", /*available=*/false);
    CHECK_FALSE(v.c.storage_available());
    v.user(intent::ShowView{View::Matrix});
    v.user(intent::SetQuery{"security"}, 2);
    Update saved = v.user(intent::SaveBookmark{"  Security\nmatrix "}, 3);
    CHECK(saved.announcement == "View saved as \"Security matrix\" (for this visit only: the browser keeps nothing).");
    REQUIRE(v.c.bookmarks().size() == 1);
    CHECK(v.c.bookmarks()[0].name == "Security matrix");
    CHECK(v.user(intent::SaveBookmark{" \t "}, 3).problems.size() == 1);
    v.user(intent::ClearFilters{}, 4);
    v.user(intent::ShowView{View::Reader}, 5);
    Update opened = v.user(intent::OpenBookmark{0}, 6);
    CHECK(v.c.state().view == View::Matrix);
    CHECK(v.c.state().query == "security");
    CHECK(opened.committed);
    CHECK(v.c.can_back());  // opening a saved view is a history step
    v.user(intent::ShowView{View::Map}, 7);
    v.user(intent::SaveBookmark{"Security matrix"}, 8);  // same name: replaced
    REQUIRE(v.c.bookmarks().size() == 1);
    CHECK(v.c.bookmarks()[0].state["view"] == "map");
    CHECK(v.user(intent::OpenBookmark{5}, 9).problems.size() == 1);
    v.user(intent::SaveBookmark{"Second"}, 9);
    v.user(intent::DeleteBookmark{0}, 10);
    REQUIRE(v.c.bookmarks().size() == 1);
    CHECK(v.c.bookmarks()[0].name == "Second");
    // What the next visit reads.
    Visit next(v.c.stored_json());
    CHECK(next.c.bookmarks().size() == 1);
    CHECK(next.c.state().view == View::Map);
    next.user(intent::ForgetStored{});
    CHECK(next.c.bookmarks().empty());
    CHECK(read_stored(next.c.stored_json()).document.articles.empty());
}

TEST_CASE("persist: at most kMaxBookmarks saved views") {
    Visit v("");
    for (std::size_t i = 0; i < kMaxBookmarks; ++i) v.user(intent::SaveBookmark{"v" + std::to_string(i)});
    Update refused = v.user(intent::SaveBookmark{"one more"});
    CHECK(refused.problems.size() == 1);
    CHECK(v.c.bookmarks().size() == kMaxBookmarks);
    CHECK(v.user(intent::SaveBookmark{"v3"}).problems.empty());  // replacing is fine
}

TEST_CASE("persist: the notebook slot holds one notebook per article, forgetting clears it") {
    Visit v("");
    CHECK(v.c.article_notebook().is_null());
    const json nb = {{"format", "win-win-explorer/notebook"}, {"version", 1}, {"entries", json::array()}};
    const auto serial = v.c.stored_serial();
    v.c.set_article_notebook(nb);
    CHECK(v.c.stored_serial() != serial);
    const auto same = v.c.stored_serial();
    v.c.set_article_notebook(nb);
    CHECK(v.c.stored_serial() == same);  // unchanged: nothing to write
    const std::string stored = v.c.stored_json();
    CHECK(read_stored(stored).document.notebook.size() == 1);
    Visit again(stored);
    CHECK(again.c.article_notebook() == nb);
    CHECK(again.c.notice().empty());
    again.user(intent::ForgetStored{});
    CHECK(again.c.article_notebook().is_null());
    CHECK(read_stored(again.c.stored_json()).document.notebook.is_null());
}

TEST_CASE("persist: a notebook slot or part of the wrong shape is dropped with a notice, the views stay") {
    const std::string head = R"({"format":"win-win-explorer/stored","version":1,"articles":{},"notebook":)";
    Visit wrong(head + "[1,2]}");
    CHECK(wrong.c.article_notebook().is_null());
    REQUIRE_FALSE(wrong.c.notice().empty());
    REQUIRE(wrong.c.notice().problems.size() == 1);
    CHECK(wrong.c.notice().problems[0] == "warning: /notebook: expected an object from article to its notebook, found an array");
    Visit part(head + R"({"other | 2020":"corrupt"}})");
    REQUIRE(part.c.notice().problems.size() == 1);
    CHECK(part.c.notice().problems[0].find("/notebook/other | 2020") != std::string::npos);
    SUBCASE("the shell's own problems with a part join the same notice") {
        Visit v("");
        const Update u = v.c.report_stored_problems({{Severity::Warning, "/notebook/x/entries/0", "a passage of this article", "\"p9\""}});
        CHECK(u.notice);
        REQUIRE(v.c.notice().problems.size() == 1);
        CHECK(v.c.notice().problems[0] == "warning: /notebook/x/entries/0: expected a passage of this article, found \"p9\"");
    }
}
