#include "notebook.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "date.hpp"
#include "deep_link.hpp"
#include "export.hpp"
#include "json_reader.hpp"
#include "view_state.hpp"

namespace wwe {

using nlohmann::json;

namespace {

constexpr const char* kFormat = "win-win-explorer/notebook";


std::string cut(std::string s, std::size_t max) { return s.size() > max ? utf8_truncate(s, max) : s; }

const char* from_label(const std::string& from) {
    if (from == "search") return "a search";
    if (from == "map") return "the concept map";
    if (from == "contexts") return "the contexts";
    return "the reader";
}

std::string link_of(const Corpus& corpus, const NotebookEntry& e, const std::string& base) {
    if (base.empty()) return "";
    const int p = corpus.article.find_passage(e.passage);
    return p < 0 ? "" : base + "#" + passage_fragment(corpus, p);
}

}  // namespace

bool Notebook::add(NotebookEntry entry) {
    if (entries.size() >= kMaxNotebookEntries) return false;
    for (const NotebookEntry& e : entries)
        if (e.passage == entry.passage && e.begin == entry.begin && e.end == entry.end) return false;
    entry.note = cut(std::move(entry.note), kMaxNoteBytes);
    entries.push_back(std::move(entry));
    return true;
}

bool Notebook::remove(std::size_t i) {
    if (i >= entries.size()) return false;
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

bool Notebook::set_note(std::size_t i, std::string note) {
    if (i >= entries.size()) return false;
    entries[i].note = cut(std::move(note), kMaxNoteBytes);
    return true;
}

bool Notebook::contains(const std::string& passage) const {
    return std::any_of(entries.begin(), entries.end(), [&](const NotebookEntry& e) { return e.passage == passage; });
}

std::string passage_fragment(const Corpus& corpus, int passage) {
    ViewState s;
    s.view = View::Reader;
    if (passage >= 0 && passage < static_cast<int>(corpus.article.passages.size()))
        s.passage = corpus.article.passages[static_cast<std::size_t>(passage)].id;
    return to_fragment(s, corpus);
}

std::string entry_text(const Corpus& corpus, const NotebookEntry& e) {
    const int p = corpus.article.find_passage(e.passage);
    if (p < 0) return "";
    const std::string& text = corpus.article.passages[static_cast<std::size_t>(p)].text;
    if (e.end > e.begin && e.end <= text.size()) return text.substr(e.begin, e.end - e.begin);
    return text;
}

json to_json(const Notebook& notebook, const Corpus& corpus) {
    json entries = json::array();
    for (const NotebookEntry& e : notebook.entries) {
        json j = {{"passage", e.passage}, {"note", e.note}, {"query", e.query}, {"from", e.from}};
        if (e.end > e.begin) j["quote"] = {e.begin, e.end};
        entries.push_back(std::move(j));
    }
    return {{"format", kFormat},
            {"version", kNotebookVersion},
            {"article", corpus.article.meta.title},
            {"entries", std::move(entries)}};
}

Notebook notebook_from_json(const json& j, const Corpus& corpus, std::vector<Diagnostic>& problems) {
    Notebook nb;
    if (!j.is_object()) {
        problems.push_back({Severity::Error, "", "a notebook (an object)", j.type_name()});
        return nb;
    }
    if (auto f = j.find("format"); f == j.end() || *f != kFormat)
        problems.push_back({Severity::Error, "/format", std::string("\"") + kFormat + "\"",
                            f == j.end() ? "nothing" : utf8_truncate(f->dump(), 60)});
    if (auto v = j.find("version"); v == j.end() || !v->is_number_integer() || v->get<long long>() != kNotebookVersion) {
        problems.push_back({Severity::Error, "/version", "notebook version 1",
                            v == j.end() ? "nothing" : utf8_truncate(v->dump(), 60)});
        return nb;  // a future version: not guessed at
    }
    if (auto a = j.find("article"); a != j.end() && a->is_string() && *a != corpus.article.meta.title)
        problems.push_back({Severity::Warning, "/article", "a notebook of this article",
                            "one of \"" + utf8_truncate(a->get<std::string>(), 80) + "\""});
    const auto e = j.find("entries");
    if (e == j.end() || !e->is_array()) {
        problems.push_back({Severity::Error, "/entries", "an array of entries", e == j.end() ? "nothing" : e->type_name()});
        return nb;
    }
    for (std::size_t i = 0; i < e->size(); ++i) {
        const json& x = (*e)[i];
        const std::string p = pointer_append("/entries", i);
        if (!x.is_object()) {
            problems.push_back({Severity::Error, p, "an entry (an object)", x.type_name()});
            continue;
        }
        NotebookEntry entry;
        auto str = [&](const char* key, std::string& out, std::size_t max) {
            auto it = x.find(key);
            if (it == x.end()) return true;
            if (!it->is_string()) {
                problems.push_back({Severity::Error, pointer_append(p, key), "a string", it->type_name()});
                return false;
            }
            out = cut(it->get<std::string>(), max);
            return true;
        };
        if (!str("passage", entry.passage, 200) || !str("note", entry.note, kMaxNoteBytes) ||
            !str("query", entry.query, 1000) || !str("from", entry.from, 20))
            continue;
        const int passage = corpus.article.find_passage(entry.passage);
        if (passage < 0) {
            problems.push_back({Severity::Error, pointer_append(p, "passage"), "a passage of the article",
                                "\"" + utf8_truncate(entry.passage, 80) + "\""});
            continue;
        }
        if (auto q = x.find("quote"); q != x.end()) {
            const std::size_t size = corpus.article.passages[static_cast<std::size_t>(passage)].text.size();
            const bool ok = q->is_array() && q->size() == 2 && (*q)[0].is_number_unsigned() && (*q)[1].is_number_unsigned() &&
                            (*q)[0].get<std::uint64_t>() < (*q)[1].get<std::uint64_t>() && (*q)[1].get<std::uint64_t>() <= size;
            if (!ok) {
                problems.push_back({Severity::Error, pointer_append(p, "quote"),
                                    "[begin, end] bytes within the passage", utf8_truncate(q->dump(), 60)});
            } else {
                entry.begin = (*q)[0].get<std::uint32_t>();
                entry.end = (*q)[1].get<std::uint32_t>();
            }
        }
        if (!nb.add(std::move(entry)))
            problems.push_back({Severity::Warning, p, "a passage not in the notebook yet (at most 500)", "a repeat"});
    }
    return nb;
}

std::string notebook_markdown(const Corpus& corpus, const Notebook& nb, const std::string& base) {
    const Meta& m = corpus.article.meta;
    std::string out = "# Notebook: " + markdown_escape(m.title) + "\n\n";
    out += markdown_escape(m.author.name) + ". *" + markdown_escape(m.outlet) + "*" + (m.published.empty() ? "" : ", " + format_date_text(m.published)) + ".";
    if (!m.source.empty()) out += " Source: " + markdown_escape(m.source);
    out += "\n\n" + std::to_string(nb.entries.size()) + (nb.entries.size() == 1 ? " passage" : " passages") + ".\n";
    for (const NotebookEntry& e : nb.entries) {
        const int p = corpus.article.find_passage(e.passage);
        if (p < 0) continue;
        out += "\n> " + markdown_escape(entry_text(corpus, e)) + "\n\n";
        out += "\u2014 " + markdown_escape(citation(corpus, p));
        const std::string link = link_of(corpus, e, base);
        if (!link.empty()) out += " ([link](<" + link + ">))";
        out += "\n";
        if (!e.query.empty()) out += "\nFound with the search *" + markdown_escape(e.query) + "* in " + from_label(e.from) + ".\n";
        if (!e.note.empty()) out += "\n**Note:** " + markdown_escape(e.note) + "\n";
    }
    return out;
}

std::string notebook_html(const Corpus& corpus, const Notebook& nb, const std::string& base) {
    const Meta& m = corpus.article.meta;
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + xml_escape(m.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>Notebook: " + xml_escape(m.title) + "</title>\n</head>\n<body>\n";
    out += "<h1>Notebook: " + xml_escape(m.title) + "</h1>\n";
    out += "<p>" + xml_escape(m.author.name) + ". <cite>" + xml_escape(m.outlet) + "</cite>" +
           (m.published.empty() ? "" : ", " + xml_escape(format_date_text(m.published))) + ".</p>\n";
    for (const NotebookEntry& e : nb.entries) {
        const int p = corpus.article.find_passage(e.passage);
        if (p < 0) continue;
        const std::string link = link_of(corpus, e, base);
        out += "<figure>\n<blockquote";
        if (!link.empty()) out += " cite=\"" + xml_escape(link) + "\"";
        out += "><p>" + xml_escape(entry_text(corpus, e)) + "</p></blockquote>\n<figcaption>\u2014 " +
               xml_escape(citation(corpus, p));
        if (!link.empty()) out += " (<a href=\"" + xml_escape(link) + "\">link</a>)";
        out += "</figcaption>\n</figure>\n";
        if (!e.query.empty())
            out += "<p>Found with the search <q>" + xml_escape(e.query) + "</q> in " + from_label(e.from) + ".</p>\n";
        if (!e.note.empty()) out += "<p><strong>Note:</strong> " + xml_escape(e.note) + "</p>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

std::string notebook_csl_json(const Corpus& corpus, const Notebook& nb, const std::string& base) {
    const Meta& m = corpus.article.meta;
    json issued = json::object();
    if (const auto d = parse_date(m.published)) {
        json parts = json::array({d->year});
        if (d->month > 0) parts.push_back(d->month);
        if (d->day > 0) parts.push_back(d->day);
        issued["date-parts"] = json::array({parts});
    }
    json items = json::array();
    int k = 0;
    for (const NotebookEntry& e : nb.entries) {
        const int p = corpus.article.find_passage(e.passage);
        if (p < 0) continue;
        json item = {{"id", "wwe-" + std::to_string(++k) + "-" + e.passage},
                     {"type", "article-newspaper"},
                     {"title", m.title},
                     {"author", json::array({{{"literal", m.author.name}}})},
                     {"container-title", m.outlet},
                     {"language", m.language},
                     {"locator", std::to_string(p + 1)},
                     {"label", "paragraph"}};
        if (!issued.empty()) item["issued"] = issued;
        if (!m.publisher.empty()) item["publisher"] = m.publisher;
        const int s = corpus.article.passages[static_cast<std::size_t>(p)].section;
        if (s >= 0) item["section"] = corpus.article.sections[static_cast<std::size_t>(s)].label;
        const std::string link = link_of(corpus, e, base);
        if (!link.empty()) item["URL"] = link;
        std::string note = "\u00b6" + std::to_string(p + 1) + ": \u201c" + entry_text(corpus, e) + "\u201d";
        if (!e.note.empty()) note += "\n\nNote: " + e.note;
        if (!e.query.empty()) note += "\n\nFound with the search \u201c" + e.query + "\u201d.";
        item["note"] = note;
        items.push_back(std::move(item));
    }
    return items.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace wwe
