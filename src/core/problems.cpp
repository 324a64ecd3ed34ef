#include "problems.hpp"

#include <algorithm>
#include <cstdlib>

#include "json_reader.hpp"
#include "text.hpp"

namespace wwe {

namespace {

// The format's lists and what one item of each is called.
struct ListName {
    const char* list;
    const char* item;
};
constexpr ListName kLists[] = {
    {"passages", "Passage"},      {"sections", "Section"},   {"facets", "Facet"},
    {"values", "value"},          {"node_types", "Node type"}, {"concepts", "Concept"},
    {"entities", "Entity"},       {"aliases", "alias"},      {"relation_types", "Relation type"},
    {"relations", "Relation"},    {"evidence", "evidence"},  {"events", "Event"},
    {"quantities", "Quantity"},   {"tours", "Tour"},         {"steps", "step"},
    {"topics", "Topic"},          {"nodes", "node"},
};

std::vector<std::string> split_pointer(std::string_view pointer) {
    std::vector<std::string> out;
    if (pointer.empty() || pointer.front() != '/') return out;
    std::size_t at = 1;
    while (true) {
        const std::size_t slash = pointer.find('/', at);
        std::string_view raw = pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
        std::string seg;
        for (std::size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
                seg += raw[k + 1] == '0' ? '~' : '/';
                ++k;
            } else {
                seg += raw[k];
            }
        }
        out.push_back(std::move(seg));
        if (slash == std::string_view::npos) break;
        at = slash + 1;
    }
    return out;
}

bool is_index(const std::string& s) {
    if (s.empty() || s.size() > 9) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// --- a minimal JSON scanner: just enough to walk to a pointer -----------------------------

void skip_ws(std::string_view t, std::size_t& i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
}

// At a '"': reads the string (escapes decoded when `out`), leaves i after the closing quote.
bool read_string(std::string_view t, std::size_t& i, std::string* out) {
    if (i >= t.size() || t[i] != '"') return false;
    ++i;
    while (i < t.size()) {
        const char c = t[i++];
        if (c == '"') return true;
        if (c != '\\') {
            if (out) *out += c;
            continue;
        }
        if (i >= t.size()) return false;
        const char e = t[i++];
        if (!out) {
            if (e == 'u') i += 4;
            continue;
        }
        switch (e) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case 'r': *out += '\r'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'u':
            if (i + 4 <= t.size()) {
                const std::string hex(t.substr(i, 4));
                utf8_append(*out, static_cast<char32_t>(std::strtoul(hex.c_str(), nullptr, 16)));
            }
            i += 4;
            break;
        default: *out += e; break;
        }
    }
    return false;
}

// Skips one value (iteratively: brackets are counted, strings skipped).
void skip_value(std::string_view t, std::size_t& i) {
    skip_ws(t, i);
    if (i >= t.size()) return;
    if (t[i] == '"') {
        read_string(t, i, nullptr);
        return;
    }
    if (t[i] != '{' && t[i] != '[') {
        while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
               t[i] != '\r' && t[i] != '\t')
            ++i;
        return;
    }
    int depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
            read_string(t, i, nullptr);
            continue;
        }
        ++i;
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) return;
    }
}

// Moves i from a container's opening bracket to the value of member or item `seg`; false
// (i unspecified) when there is none.
bool enter(std::string_view t, std::size_t& i, const std::string& seg) {
    if (i >= t.size()) return false;
    if (t[i] == '{') {
        ++i;
        while (true) {
            skip_ws(t, i);
            if (i >= t.size() || t[i] != '"') return false;
            std::string key;
            if (!read_string(t, i, &key)) return false;
            skip_ws(t, i);
            if (i >= t.size() || t[i] != ':') return false;
            ++i;
            skip_ws(t, i);
            if (key == seg) return true;
            skip_value(t, i);
            skip_ws(t, i);
            if (i >= t.size() || t[i] != ',') return false;
            ++i;
        }
    }
    if (t[i] == '[') {
        if (!is_index(seg)) return false;
        const long wanted = std::strtol(seg.c_str(), nullptr, 10);
        ++i;
        for (long k = 0;; ++k) {
            skip_ws(t, i);
            if (i >= t.size() || t[i] == ']') return false;
            if (k == wanted) return true;
            skip_value(t, i);
            skip_ws(t, i);
            if (i >= t.size() || t[i] != ',') return false;
            ++i;
        }
    }
    return false;
}

TextPosition position_of(std::string_view t, std::size_t offset) {
    TextPosition at{1, 1};
    for (std::size_t k = 0; k < offset && k < t.size(); ++k) {
        if (t[k] == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    return at;
}

}  // namespace

std::string plain_place(std::string_view pointer) {
    if (pointer.empty()) return "The file";
    if (pointer.front() != '/') return std::string(pointer);
    const std::vector<std::string> segs = split_pointer(pointer);
    std::string out;
    auto add = [&](const std::string& part) {
        if (!out.empty()) out += ", ";
        out += part;
    };
    for (std::size_t k = 0; k < segs.size(); ++k) {
        const std::string& seg = segs[k];
        const ListName* list = nullptr;
        for (const ListName& l : kLists)
            if (seg == l.list) list = &l;
        if (list && k + 1 < segs.size() && is_index(segs[k + 1])) {
            add(std::string(list->item) + " " + std::to_string(std::atol(segs[k + 1].c_str()) + 1));
            ++k;
        } else if (k == 0 && seg == "meta") {
            add("The article's details (meta)");
        } else if (is_index(seg)) {
            add("item " + std::to_string(std::atol(seg.c_str()) + 1));
        } else {
            add(seg);
        }
    }
    if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') out.front() = static_cast<char>(out.front() - 'a' + 'A');
    return out;
}

TextPosition locate_pointer(std::string_view json_text, std::string_view pointer) {
    std::size_t i = 0;
    skip_ws(json_text, i);
    if (i >= json_text.size()) return {};
    std::size_t found = i;
    for (const std::string& seg : split_pointer(pointer)) {
        std::size_t at = found;
        if (!enter(json_text, at, seg)) break;  // missing: the parent's place
        found = at;
    }
    return position_of(json_text, found);
}

std::string passage_id_at(std::string_view json_text, std::string_view pointer) {
    const std::vector<std::string> segs = split_pointer(pointer);
    if (segs.size() < 2 || segs[0] != "passages" || !is_index(segs[1]) || json_text.empty()) return {};
    std::size_t i = 0;
    skip_ws(json_text, i);
    for (const std::string& seg : {segs[0], segs[1], std::string("id")}) {
        if (!enter(json_text, i, seg)) return {};
    }
    std::string id;
    if (i >= json_text.size() || json_text[i] != '"' || !read_string(json_text, i, &id)) return {};
    // Only an id of the format's shape (an invalid one is the problem itself, said in it).
    const bool valid = !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    return valid ? id : std::string();
}

std::vector<Problem> explain(const std::vector<Diagnostic>& diagnostics, std::string_view json_text,
                             std::size_t max_located) {
    std::vector<Problem> out;
    out.reserve(diagnostics.size());
    std::size_t located = 0;
    for (const Diagnostic& d : diagnostics) {
        Problem p;
        p.severity = d.severity;
        p.pointer = d.pointer;
        p.message = plain_place(d.pointer);
        if (located < max_located) p.passage_id = passage_id_at(json_text, d.pointer);
        if (!p.passage_id.empty()) {  // after "Passage 4", the place's first part
            const std::size_t end = p.message.find(',');
            p.message.insert(end == std::string::npos ? p.message.size() : end, " (" + p.passage_id + ")");
        }
        p.message += ": expected " + d.expected;
        if (!d.found.empty()) p.message += ", found " + d.found;
        const bool json_pointer = d.pointer.empty() || d.pointer.front() == '/';
        if (json_pointer && !d.pointer.empty() && !json_text.empty() && located < max_located) {
            const TextPosition at = locate_pointer(json_text, d.pointer);
            p.line = at.line;
            p.column = at.column;
            ++located;
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string problem_place_text(const Problem& p) {
    std::string where;
    if (!p.pointer.empty()) where = "JSON pointer " + p.pointer;
    if (!where.empty() && !p.passage_id.empty()) where += " (" + p.passage_id + ")";
    if (p.line > 0)
        where += (where.empty() ? "" : " \xC2\xB7 ") + std::string("line ") + std::to_string(p.line) + ", column " +
                 std::to_string(p.column);
    return where;
}

namespace {
// A part of a view state in words, by its member path ("query", "facets/front",
// "map/pins") or its link parameter ("q", "f.front", "pin"); "" when it is not one.
std::string state_part(const std::vector<std::string>& segs) {
    if (segs.empty()) return "";
    const std::string& m = segs[0];
    auto sub = [&](const char* name) { return segs.size() > 1 && segs[1] == name; };
    if (m == "view" || m == "v") return "the view";
    if (m == "query" || m == "q") return "the search";
    if (m == "facets") return segs.size() > 1 ? "the filter \u201C" + segs[1] + "\u201D" : "the filters";
    if (m.rfind("f.", 0) == 0) return "the filter \u201C" + m.substr(2) + "\u201D";
    if (m == "selection" || m == "sel") return "the selection";
    if (m == "passage" || m == "p") return "the reading position";
    if (m == "version" || m == "ver") return "the version";
    if (m == "node") return "the concept or entity to highlight";
    if (m == "pin" || (m == "map" && sub("pins"))) return "the map's pinned nodes";
    if (m == "mv" || (m == "map" && (segs.size() == 1 || sub("x") || sub("y") || sub("zoom")))) return "the map's position";
    if (m == "e" || m == "w" || m == "d" || m == "c" || m == "s" || m == "map") return "a setting of the map";
    if (m == "mr" || (m == "matrix" && sub("rows"))) return "the matrix's rows";
    if (m == "mc" || (m == "matrix" && sub("columns"))) return "the matrix's columns";
    if (m == "matrix") return "the matrix's axes";
    if (m == "t" || m == "timeline") return "the timeline's years";
    return "";
}

std::string capitalised(std::string s) {
    if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') s.front() = static_cast<char>(s.front() - 'a' + 'A');
    return s;
}

// "9951 more not shown" (bound_problems' last line) -> "9951"; "" when it is not that line.
std::string more_not_shown(const Diagnostic& d) {
    const std::string tail = " more not shown";
    if (!d.pointer.empty() || d.expected.rfind("at most ", 0) != 0 || d.found.size() <= tail.size() ||
        d.found.compare(d.found.size() - tail.size(), tail.size(), tail) != 0)
        return "";
    return d.found.substr(0, d.found.size() - tail.size());
}
}  // namespace

std::string plain_problem(const Diagnostic& d, std::string_view whole) {
    const std::string& p = d.pointer;
    if (const std::string more = more_not_shown(d); !more.empty()) return more + " more problems are not listed.";
    if (p.empty()) return capitalised(std::string(whole)) + " could not be used.";
    if (p.front() == '#') {  // a parameter of a link (deep_link.hpp)
        const std::string key = p.substr(1);
        if (key.empty()) return "The link is too long: only its first part was used.";
        if (key == "art") return "The link was made for another article, so this article's start is shown.";
        const std::string part = state_part({key});
        if (part.empty()) return "A part of the link the explorer does not know (\u201C" + key + "\u201D) was left out.";
        return capitalised(part) + " in the link was left out.";
    }
    if (p.front() == '?') {  // an option of the page's address (embed.hpp)
        const std::string key = p.substr(1);
        if (key.empty()) return "The page's options are too long and were all left out.";
        if (key.rfind("lock.", 0) == 0) return "The page's lock on \u201C" + key.substr(5) + "\u201D could not be kept.";
        return "The page's option \u201C" + key + "\u201D was left out.";
    }
    const std::vector<std::string> segs = split_pointer(p);
    if (segs.empty()) return capitalised(std::string(whole)) + " could not be used.";
    if (segs[0] == "last") {  // the view of the last visit (persist.hpp)
        const std::string part = state_part({segs.begin() + 1, segs.end()});
        return part.empty() ? "The view of your last visit could not be shown in full."
                            : "From your last visit, " + part + " could not be shown again.";
    }
    if (segs[0] == "notebook") return "Part of your notebook kept in this browser could not be used.";
    if (segs[0] == "articles" || segs[0] == "bookmarks") return "Some views kept in this browser could not be used.";
    const std::string part = state_part(segs);
    if (!part.empty()) return capitalised(part) + " was ignored.";
    return "Part of " + std::string(whole) + " (" + plain_place(p) + ") could not be used.";
}

std::string applied_parts(const std::vector<std::pair<std::string, std::vector<std::string>>>& members,
                          const std::vector<Diagnostic>& problems) {
    // How the problems touch the part at `pointer`: 0 not at all, 1 below it only, 2 all of it.
    auto touched = [&](const std::string& pointer) {
        int t = 0;
        for (const Diagnostic& d : problems) {
            if (d.pointer.empty() || d.pointer == pointer) return 2;
            if (d.pointer.size() > pointer.size() && d.pointer.compare(0, pointer.size(), pointer) == 0 &&
                d.pointer[pointer.size()] == '/')
                t = 1;
        }
        return t;
    };
    std::vector<std::string> applied;
    auto add = [&](std::string part, int t) {
        if (part.empty() || t == 2) return;
        applied.push_back(t == 1 ? part + " (in part)" : std::move(part));
    };
    for (const auto& [member, facets] : members) {
        if (member == "version" || member == "article") continue;
        const std::string at = pointer_append("", member);
        const int t = touched(at);
        if (member != "facets" || t != 1) {
            add(state_part({member}), t);
            continue;
        }
        for (const std::string& f : facets) add(state_part({member, f}), touched(pointer_append(at, f)));
    }
    if (touched("") == 2 || applied.empty()) return "Nothing of the requested view was applied.";
    std::string out = "Applied: ";
    for (std::size_t i = 0; i < applied.size(); ++i) {
        if (i > 0) out += i + 1 == applied.size() ? " and " : ", ";
        out += applied[i];
    }
    return out + ".";
}

}  // namespace wwe
