#include "persist.hpp"

#include "text.hpp"

namespace wwe {

using nlohmann::json;

namespace {

std::string shown(const json& j) {
    if (j.is_object()) return j.empty() ? "an object (empty)" : "an object";
    if (j.is_array()) return j.empty() ? "an array (empty)" : "an array";
    return utf8_truncate(j.dump(-1, ' ', false, json::error_handler_t::replace), 60);
}

StoredRead ignore(std::string expected, std::string found) {
    StoredRead r;
    r.ignored = true;
    r.problems.push_back({Severity::Warning, "", std::move(expected), std::move(found)});
    return r;
}

void read_part(const json& part, const std::string& p, Stored& out, std::vector<Diagnostic>& problems) {
    auto warn = [&](std::string where, std::string expected, std::string found) {
        problems.push_back({Severity::Warning, std::move(where), std::move(expected), std::move(found)});
    };
    if (!part.is_object()) {
        warn(p, "an object {last, bookmarks}", shown(part));
        return;
    }
    if (const auto last = part.find("last"); last != part.end()) {
        if (!last->is_object()) {
            warn(pointer_append(p, "last"), "an object from context to view state", shown(*last));
        } else {
            for (auto it = last->begin(); it != last->end(); ++it) {
                if (it->is_object() && it.key().size() <= 200) out.last[it.key()] = *it;
                else warn(pointer_append(pointer_append(p, "last"), it.key()), "a view state (an object)", shown(*it));
            }
        }
    }
    if (const auto marks = part.find("bookmarks"); marks != part.end()) {
        const std::string bp = pointer_append(p, "bookmarks");
        if (!marks->is_array()) {
            warn(bp, "an array of {name, state}", shown(*marks));
        } else {
            for (std::size_t i = 0; i < marks->size(); ++i) {
                const json& b = (*marks)[i];
                const std::string ip = pointer_append(bp, i);
                if (out.bookmarks.size() == kMaxBookmarks) {
                    warn(ip, "at most " + std::to_string(kMaxBookmarks) + " bookmarks",
                         std::to_string(marks->size()) + " (the rest are dropped)");
                    break;
                }
                const auto name = b.is_object() ? b.find("name") : b.end();
                const auto state = b.is_object() ? b.find("state") : b.end();
                if (!b.is_object() || name == b.end() || !name->is_string() || state == b.end() || !state->is_object()) {
                    warn(ip, "a bookmark {\"name\": a string, \"state\": an object}", shown(b));
                    continue;
                }
                const std::string clean = clean_bookmark_name(name->get_ref<const std::string&>());
                if (clean.empty()) {
                    warn(pointer_append(ip, "name"), "a name", shown(*name));
                    continue;
                }
                out.bookmarks.push_back({clean, *state});
            }
        }
    }
    for (auto it = part.begin(); it != part.end(); ++it)
        if (it.key() != "last" && it.key() != "bookmarks")
            warn(pointer_append(p, it.key()), "last or bookmarks", "unknown member '" + utf8_truncate(it.key(), 60) + "'");
}

}  // namespace

StoredRead read_stored(std::string_view text, const NotebookCheck& check_notebook) {
    if (text.empty()) return {};
    try {
        JsonRead read = read_json(text, kStoredJsonLimits);
        if (!read.ok) return ignore(read.problems.front().expected, read.problems.front().found);
        const json& doc = read.value;
        if (!doc.is_object()) return ignore("an object (the explorer's stored views)", shown(doc));
        const auto format = doc.find("format");
        if (format == doc.end() || *format != kStoredFormat)
            return ignore(std::string("\"format\": \"") + kStoredFormat + "\"",
                          format == doc.end() ? "no format (another program's value)" : shown(*format));
        const auto version = doc.find("version");
        if (version == doc.end() || !version->is_number_unsigned() || version->get<std::uint64_t>() != kStoredVersion)
            return ignore("stored version " + std::to_string(kStoredVersion) + " (this program reads only it)",
                          version == doc.end() ? "no version" : "unsupported version " + shown(*version));

        StoredRead r;
        if (const auto articles = doc.find("articles"); articles != doc.end()) {
            if (!articles->is_object()) {
                r.problems.push_back({Severity::Warning, "/articles", "an object from article to its views", shown(*articles)});
            } else {
                for (auto it = articles->begin(); it != articles->end(); ++it) {
                    if (r.document.articles.size() == kMaxStoredArticles) {
                        r.problems.push_back({Severity::Warning, "/articles",
                                              "at most " + std::to_string(kMaxStoredArticles) + " articles",
                                              std::to_string(articles->size()) + " (the rest are dropped)"});
                        break;
                    }
                    Stored part;
                    read_part(*it, pointer_append("/articles", it.key()), part, r.problems);
                    r.document.articles.emplace(it.key(), std::move(part));
                }
            }
        }
        if (const auto notebook = doc.find("notebook"); notebook != doc.end() && !notebook->is_null()) {
            const std::string why = check_notebook ? check_notebook(*notebook) : std::string();
            if (why.empty()) r.document.notebook = *notebook;
            else r.problems.push_back({Severity::Warning, "/notebook", "a notebook", utf8_truncate(why, 200)});
        }
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            const std::string& k = it.key();
            if (k != "format" && k != "version" && k != "articles" && k != "notebook")
                r.problems.push_back({Severity::Warning, pointer_append("", k), "format, version, articles or notebook",
                                      "unknown member '" + utf8_truncate(k, 60) + "'"});
        }
        bound_problems(r.problems);
        return r;
    } catch (const std::exception& e) {  // an allocation failure: still a value
        return ignore("a readable stored value", std::string("an internal failure: ") + e.what());
    }
}

std::string write_stored(const StoredDocument& d) {
    json articles = json::object();
    for (const auto& [key, part] : d.articles) {
        json last = json::object();
        for (const auto& [context, state] : part.last) last[context] = state;
        json marks = json::array();
        for (const Bookmark& b : part.bookmarks) marks.push_back({{"name", b.name}, {"state", b.state}});
        articles[key] = {{"last", std::move(last)}, {"bookmarks", std::move(marks)}};
    }
    const json doc = {{"format", kStoredFormat},
                      {"version", kStoredVersion},
                      {"articles", std::move(articles)},
                      {"notebook", d.notebook}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string article_key(const Article& a) {
    return utf8_truncate(a.meta.title + " | " + a.meta.published, 200);
}

std::string clean_bookmark_name(std::string_view name) {
    std::string out = utf8_truncate(name, kMaxBookmarkNameBytes * 4);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    const std::size_t first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    out = out.substr(first, out.find_last_not_of(' ') - first + 1);
    return out.size() <= kMaxBookmarkNameBytes ? out : utf8_truncate(out, kMaxBookmarkNameBytes - 3);  // + "…"
}

}  // namespace wwe
