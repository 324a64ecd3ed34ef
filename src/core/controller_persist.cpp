// The controller's part that keeps views between visits: the last view, saved views
// (bookmarks), the notebook's slot (persist.hpp holds the stored document's format).
#include <algorithm>

#include "controller.hpp"
#include "describe.hpp"
#include "text.hpp"

namespace wwe {

namespace {
const char* const kStoredNotice = "Views kept from an earlier visit could not all be used:";
const char* const kBookmarkNotice = "This saved view could not be shown in full:";
const char* const kStoredWhole = "what this browser kept";

Diagnostic refusal(std::string pointer, std::string expected, std::string found) {
    return {Severity::Error, std::move(pointer), std::move(expected), std::move(found)};
}

const std::vector<Bookmark> kNoBookmarks;
}  // namespace

std::string Controller::stored_context() const { return embed_.embed ? "embed:" + embed_.id : "app"; }

const std::vector<Bookmark>& Controller::bookmarks() const {
    if (!corpus_) return kNoBookmarks;
    const auto it = stored_.articles.find(article_key(corpus_->article));
    return it == stored_.articles.end() ? kNoBookmarks : it->second.bookmarks;
}

void Controller::set_stored_notebook(nlohmann::json notebook) {
    stored_.notebook = std::move(notebook);
    ++stored_serial_;
}

nlohmann::json Controller::article_notebook() const {
    if (!corpus_ || !stored_.notebook.is_object()) return nullptr;
    const auto it = stored_.notebook.find(article_key(corpus_->article));
    return it == stored_.notebook.end() ? nlohmann::json() : *it;
}

void Controller::set_article_notebook(nlohmann::json notebook) {
    if (!corpus_) return;
    const std::string key = article_key(corpus_->article);
    if (!stored_.notebook.is_object()) stored_.notebook = nlohmann::json::object();
    const auto it = stored_.notebook.find(key);
    if (notebook.is_null()) {
        if (it == stored_.notebook.end()) return;
        stored_.notebook.erase(it);
    } else {
        if (it != stored_.notebook.end() && *it == notebook) return;
        stored_.notebook[key] = std::move(notebook);
    }
    ++stored_serial_;
}

Update Controller::report_stored_problems(std::vector<Diagnostic> problems) {
    Update u;
    if (problems.empty()) return u;
    bound_problems(problems);
    Notice n = notice_.title == kStoredNotice ? notice_ : Notice{kStoredNotice, {}, {}};
    for (const Diagnostic& d : problems) n.add(d, kStoredWhole);
    set_notice(std::move(n), u);
    u.problems = std::move(problems);
    return u;
}

std::string Controller::stored_json() const { return write_stored(stored_); }

void Controller::remember_view() {
    if (!corpus_ || !storage_restored_ || embed_.kiosk) return;  // a kiosk starts afresh for every visitor
    stored_.articles[article_key(corpus_->article)].last[stored_context()] = to_json(committed_, *corpus_);
    ++stored_serial_;
}

Update Controller::restore_stored(std::string_view text, bool available, double now) {
    Update u;
    if (!corpus_) return u;
    now_ = now;
    storage_available_ = available;
    StoredRead read = read_stored(text, notebook_check_);
    stored_ = std::move(read.document);
    storage_restored_ = true;
    std::vector<Diagnostic> problems = std::move(read.problems);
    // The notebook slot: an object from article to its notebook (each checked by its owner).
    if (!stored_.notebook.is_null() && !stored_.notebook.is_object()) {
        problems.push_back({Severity::Warning, "/notebook", "an object from article to its notebook",
                            stored_.notebook.is_array() ? "an array" : "a " + std::string(stored_.notebook.type_name())});
        stored_.notebook = nullptr;
    } else if (stored_.notebook.is_object()) {
        for (auto it = stored_.notebook.begin(); it != stored_.notebook.end();) {
            if (it->is_object()) {
                ++it;
                continue;
            }
            problems.push_back({Severity::Warning, pointer_append("/notebook", it.key()), "a notebook (an object)",
                                std::string("a ") + it->type_name()});
            it = stored_.notebook.erase(it);
        }
    }

    // The bookmarks of this article that no longer fit it (an id removed from the data)
    // are kept as they are: opening one reports what is gone.
    Stored& mine = stored_.articles[article_key(corpus_->article)];
    const auto last = mine.last.find(stored_context());
    if (last != mine.last.end() && !opened_with_link_ && !embed_.kiosk) {
        std::vector<Diagnostic> state_problems;
        ViewState next = view_state_from_json(last->second, *corpus_, state_, state_problems);
        if (!view_offered(embed_, next.view)) next.view = state_.view;
        for (Diagnostic& d : state_problems) {
            d.pointer = "/last" + d.pointer;
            problems.push_back(std::move(d));
        }
        Update c = change(std::move(next), Origin::Link);
        u.merge(std::move(c));
        history_ = History(state_);
        committed_ = commit_key(state_);
        ++query_serial_;
    }
    bound_problems(problems);
    if (!problems.empty()) {
        Notice n{kStoredNotice, {}, {}};
        for (const Diagnostic& d : problems) n.add(d, kStoredWhole);
        set_notice(std::move(n), u);
    }
    u.problems = std::move(problems);
    ++stored_serial_;  // written back as read (a dropped part stays dropped)
    return u;
}

Update Controller::apply_stored(const Intent& intent, Origin origin) {
    Update r;
    Stored& mine = stored_.articles[article_key(corpus_->article)];
    std::vector<Bookmark>& marks = mine.bookmarks;
    auto valid = [&](int index) { return index >= 0 && index < static_cast<int>(marks.size()); };
    if (const auto* save = std::get_if<intent::SaveBookmark>(&intent)) {
        const std::string name = clean_bookmark_name(save->name);
        if (name.empty()) {
            r.problems.push_back(refusal("/name", "a name for the saved view", "\"\""));
            return r;
        }
        const auto same = std::find_if(marks.begin(), marks.end(), [&](const Bookmark& b) { return b.name == name; });
        if (same == marks.end() && marks.size() >= kMaxBookmarks) {
            r.problems.push_back(refusal("/bookmarks", "at most " + std::to_string(kMaxBookmarks) + " saved views",
                                         "all " + std::to_string(marks.size()) + " used: delete one first"));
            r.announcement = "Not saved: " + std::to_string(kMaxBookmarks) + " views are saved already.";
            return r;
        }
        Bookmark b{name, to_json(commit_key(state_), *corpus_)};
        if (same != marks.end()) *same = std::move(b);
        else marks.push_back(std::move(b));
        ++stored_serial_;
        r.announcement = "View saved as \"" + name + "\"" + (storage_available_ ? "." : " (for this visit only: the browser keeps nothing).");
    } else if (const auto* open = std::get_if<intent::OpenBookmark>(&intent)) {
        if (!valid(open->index)) {
            r.problems.push_back(refusal("/bookmarks", "a saved view", std::to_string(open->index)));
            return r;
        }
        const Bookmark& b = marks[static_cast<std::size_t>(open->index)];
        std::vector<Diagnostic> problems;
        ViewState next = view_state_from_json(b.state, *corpus_, state_, problems);
        if (!view_offered(embed_, next.view)) next.view = state_.view;
        const std::string name = b.name;
        r.merge(change(std::move(next), origin));
        ++query_serial_;
        for (Diagnostic& d : problems) r.problems.push_back(std::move(d));
        bound_problems(r.problems);
        if (!r.problems.empty()) {
            Notice n{kBookmarkNotice, {}, {}};
            for (const Diagnostic& d : r.problems) n.add(d, "the saved view");
            set_notice(std::move(n), r);
        }
        r.announcement = "Saved view \"" + name + "\" opened.";
    } else if (const auto* del = std::get_if<intent::DeleteBookmark>(&intent)) {
        if (!valid(del->index)) {
            r.problems.push_back(refusal("/bookmarks", "a saved view", std::to_string(del->index)));
            return r;
        }
        const std::string name = marks[static_cast<std::size_t>(del->index)].name;
        marks.erase(marks.begin() + del->index);
        ++stored_serial_;
        r.announcement = "Saved view \"" + name + "\" deleted.";
    } else if (std::holds_alternative<intent::ForgetStored>(intent)) {
        stored_ = {};
        ++stored_serial_;
        r.announcement = "Everything the explorer kept in this browser is forgotten.";
    }
    return r;
}

}  // namespace wwe
