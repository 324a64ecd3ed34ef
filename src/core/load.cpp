#include "load.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "date.hpp"
#include "json_reader.hpp"
#include "text.hpp"

namespace wwe {

using nlohmann::json;

int LoadResult::error_count() const {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}
int LoadResult::warning_count() const {
    return static_cast<int>(diagnostics.size()) - error_count();
}

namespace {

// Limits that keep a hostile or broken file from exhausting memory or the UI (the file's
// size and nesting: kArticleJsonLimits in json_reader.hpp).
constexpr std::size_t kMaxIdBytes = 128;
constexpr std::size_t kMaxLabelBytes = 400;
constexpr std::size_t kMaxDescriptionBytes = 8000;
constexpr std::size_t kMaxTourSteps = 200;
constexpr std::size_t kMaxTextBytes = 200000;
constexpr std::size_t kMaxPassages = 100000;  // the benchmark's largest corpus (docs/benchmarks.md)

const char* type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "a value";
    }
}

// A short, printable excerpt of a value for messages: its type, and its text if short.
std::string describe(const json& j) {
    if (j.is_object() || j.is_array()) return std::string(type_name(j)) + (j.empty() ? " (empty)" : "");
    std::string dumped = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return utf8_truncate(dumped, 80);
}

bool valid_id(const std::string& s) {
    if (s.empty() || s.size() > kMaxIdBytes) return false;
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok_first(s[0])) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return ok_first(c) || c == '_' || c == '-'; });
}

class Validator {
public:
    std::vector<Diagnostic> diagnostics;

    // An id refused where it is declared (not an id): the references that name it again are
    // follow-ons of that one error, counted there (summarise_follow_ons) instead of each
    // reported as a dangling reference. Keyed by the kind of thing and the id as written.
    struct Refused {
        std::size_t diagnostic = 0;           // the declaration's error
        std::size_t references = 0;           // follow-ons
        std::vector<std::string> first;       // the pointers of the first few
    };
    std::unordered_map<std::string, Refused> refused;

    static std::string refused_key(std::string_view kind, std::string_view id) {
        std::string key(kind);
        key += '\n';
        key.append(id);
        return key;
    }

    // Whether `val` names an id of `kind` refused at its declaration; counts it there.
    bool follow_on(std::string_view kind, const json& val, const std::string& pointer) {
        return val.is_string() && follow_on(kind, val.get_ref<const std::string&>(), pointer);
    }
    bool follow_on(std::string_view kind, const std::string& id, const std::string& pointer) {
        auto it = refused.find(refused_key(kind, id));
        if (it == refused.end()) return false;
        if (++it->second.references <= 3) it->second.first.push_back(pointer);
        return true;
    }

    // "found \"Win Win\" (and 12 references to it, not reported again: /relations/0/source, ...)".
    void summarise_follow_ons() {
        for (const auto& [key, r] : refused) {
            if (r.references == 0) continue;
            std::string where;
            for (const std::string& p : r.first) where += (where.empty() ? "" : ", ") + p;
            if (r.references > r.first.size()) where += ", ...";
            diagnostics[r.diagnostic].found += " (and " + std::to_string(r.references) +
                                               (r.references == 1 ? " reference" : " references") +
                                               " to it, not reported again: " + where + ")";
        }
    }

    void error(const std::string& pointer, std::string expected, std::string found) {
        diagnostics.push_back({Severity::Error, pointer, std::move(expected), std::move(found)});
    }

    // Checks that j is an object whose members are among `allowed` (x-* always allowed) and
    // that `required` are present. Returns false when j is not an object.
    bool object(const json& j, const std::string& p, std::initializer_list<const char*> required,
                std::initializer_list<const char*> optional) {
        if (!j.is_object()) {
            error(p, "an object", describe(j));
            return false;
        }
        for (const char* r : required)
            if (!j.contains(r)) error(pointer_append(p, r), std::string("member '") + r + "'", "nothing");
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            if (k.rfind("x-", 0) == 0) continue;
            bool known = std::any_of(required.begin(), required.end(), [&](const char* r) { return k == r; }) ||
                         std::any_of(optional.begin(), optional.end(), [&](const char* o) { return k == o; });
            if (!known) {
                std::string names;
                for (auto list : {required, optional})
                    for (const char* n : list) names += (names.empty() ? "" : ", ") + std::string(n);
                error(pointer_append(p, k), "one of the members " + names + " (or an x-* extension)",
                      "unknown member '" + utf8_truncate(k, 60) + "'");
            }
        }
        return true;
    }

    // A string member; absent optional members give "". Checks the length limit.
    std::string string(const json& obj, const char* key, const std::string& p, std::size_t max_bytes,
                       bool required = true, bool non_empty = true) {
        auto it = obj.find(key);
        if (it == obj.end()) return {};  // reported by object()
        const std::string mp = pointer_append(p, key);
        if (!it->is_string()) {
            error(mp, "a string", describe(*it));
            return {};
        }
        const std::string& s = it->get_ref<const std::string&>();
        if (non_empty && required && s.empty()) error(mp, "a non-empty string", "\"\"");
        if (s.size() > max_bytes)
            error(mp, "at most " + std::to_string(max_bytes) + " bytes", std::to_string(s.size()) + " bytes");
        return s;
    }

    // An id member; "" when absent or not an id (reported). With `declares` (the kind of
    // thing the id names), a refused id is remembered for its references (follow_on).
    std::string id(const json& obj, const char* key, const std::string& p, std::string_view declares = {}) {
        auto it = obj.find(key);
        if (it == obj.end()) return {};
        if (!it->is_string() || !valid_id(it->get<std::string>())) {
            error(pointer_append(p, key), "an id (lower-case letters, digits, '_' or '-', at most 128 bytes)",
                  describe(*it));
            if (!declares.empty() && it->is_string())
                refused.emplace(refused_key(declares, it->get_ref<const std::string&>()),
                                Refused{diagnostics.size() - 1, 0, {}});
            return {};
        }
        return it->get<std::string>();
    }

    // A date member (date.hpp): its text, and in `parsed` (if given) the date; a string that
    // is not a calendar date is reported and gives "".
    std::string date(const json& obj, const char* key, const std::string& p, std::optional<Date>* parsed = nullptr) {
        auto it = obj.find(key);
        if (it == obj.end()) return {};
        std::optional<Date> d = it->is_string() ? parse_date(it->get_ref<const std::string&>()) : std::nullopt;
        if (!d) {
            const std::string why = it->is_string() ? date_problem(it->get_ref<const std::string&>()) : std::string();
            error(pointer_append(p, key), "a calendar date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
                  describe(*it) + (why.empty() ? "" : ": " + why));
            return {};
        }
        if (parsed) *parsed = d;
        return it->get<std::string>();
    }

    // An array member; returns nullptr (and reports) when present but not an array.
    const json* array(const json& obj, const char* key, const std::string& p) {
        auto it = obj.find(key);
        if (it == obj.end()) return nullptr;
        if (!it->is_array()) {
            error(pointer_append(p, key), "an array", describe(*it));
            return nullptr;
        }
        return &*it;
    }

    // Records `id` in `seen`; reports a duplicate.
    void unique(std::unordered_map<std::string, std::string>& seen, const std::string& value,
                const std::string& p, const char* what) {
        if (value.empty()) return;
        auto [it, inserted] = seen.emplace(value, p);
        if (!inserted)
            error(p, std::string("a unique ") + what + " id", "\"" + value + "\", already used at " + it->second);
    }
};

class Loader {
public:
    LoadResult run(std::string_view text) {
        LoadResult result;
        JsonRead doc = read_json(text, kArticleJsonLimits);
        if (!doc.ok) {
            v_.diagnostics = std::move(doc.problems);
            return finish(result);
        }
        v_.diagnostics = duplicate_keys(text);
        read(doc.value);
        v_.summarise_follow_ons();
        control_characters(doc.value);
        if (std::none_of(v_.diagnostics.begin(), v_.diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; }))
            result.article = std::move(a_);
        else if (complete_lists(doc.value)) result.partial = text_part(std::move(a_));
        return finish(result);
    }

private:
    Validator v_;
    Article a_;

    // Whether every item of the lists the text's warnings read was read (an item that is
    // no object is skipped, which would shift the warnings' pointers), and the passages
    // were not refused whole for their number.
    bool complete_lists(const json& doc) const {
        if (!doc.is_object()) return false;
        auto count = [&](const char* list) -> std::size_t {
            auto it = doc.find(list);
            return it != doc.end() && it->is_array() ? it->size() : 0;
        };
        if (a_.passages.size() != count("passages") || a_.passages.empty()) return false;
        if (a_.nodes.size() != count("concepts") + count("entities")) return false;
        std::size_t facets = 0;
        for (const Facet& f : a_.facets)
            if (!f.built_in) ++facets;
        if (facets != count("facets")) return false;
        for (std::size_t f = 0; f < facets; ++f) {
            const json& values = doc.find("facets")->at(f);
            if (!values.contains("values") || !values["values"].is_array() ||
                values["values"].size() != a_.facets[f].values.size())
                return false;
        }
        return true;
    }

    // What of an article text_warnings reads: no references between its parts.
    static Article text_part(Article a) {
        a.relations.clear();
        a.events.clear();
        a.quantities.clear();
        a.tours.clear();
        a.topics.clear();
        for (Node& n : a.nodes) n.type = -1;
        return a;
    }

    // A warning for each string (value or member name) with a control character other than
    // tab, line feed and carriage return (is_control: C0, DEL, C1): they are no text, and a
    // terminal runs some of them (ESC starts an escape sequence). At most kMaxControlWarnings,
    // then one that counts the rest; none where the same pointer already has an error (an
    // id with a NUL is refused as an id).
    static constexpr std::size_t kMaxControlWarnings = 20;
    static constexpr const char* kNoControls = "text without control characters (U+0000-U+001F but tab and line breaks, U+007F-U+009F)";

    void control_characters(const json& doc) {
        std::set<std::string> errors;
        for (const Diagnostic& d : v_.diagnostics)
            if (d.severity == Severity::Error) errors.insert(d.pointer);
        std::size_t listed = 0, more = 0;
        auto check = [&](const std::string& s, const std::string& p, const char* what) {
            std::size_t count = 0, first_at = 0, index = 0;
            char32_t first = 0;
            for (std::size_t i = 0; i < s.size(); ++index) {
                const char32_t cp = utf8_next(s, i);
                if (!is_control(cp) || cp == '\t' || cp == '\n' || cp == '\r') continue;
                if (count++ == 0) {
                    first = cp;
                    first_at = index + 1;
                }
            }
            if (count == 0 || errors.count(p)) return;
            if (listed >= kMaxControlWarnings) {
                ++more;
                return;
            }
            ++listed;
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(first));
            std::string found = std::string(code) + " at character " + std::to_string(first_at) + what;
            if (count > 1) found += " (and " + std::to_string(count - 1) + " more)";
            v_.diagnostics.push_back({Severity::Warning, p, kNoControls, std::move(found)});
        };
        // The document is at most kArticleJsonLimits.max_depth deep (read_json): a bounded recursion.
        auto walk = [&](auto& self, const json& j, const std::string& p) -> void {
            if (j.is_string()) {
                check(j.get_ref<const std::string&>(), p, "");
            } else if (j.is_object()) {
                for (auto it = j.begin(); it != j.end(); ++it) {
                    const std::string mp = pointer_append(p, it.key());
                    check(it.key(), mp, " of the member name");
                    self(self, it.value(), mp);
                }
            } else if (j.is_array()) {
                for (std::size_t i = 0; i < j.size(); ++i) self(self, j[i], pointer_append(p, i));
            }
        };
        walk(walk, doc, "");
        if (more > 0)
            v_.diagnostics.push_back({Severity::Warning, "", kNoControls,
                                      std::to_string(more) + " more strings with control characters, not listed"});
    }

    LoadResult& finish(LoadResult& r) {
        r.diagnostics = std::move(v_.diagnostics);
        return r;
    }

    void read(const json& doc) {
        if (!v_.object(doc, "",
                       {"format", "version", "meta", "sections", "passages", "facets", "node_types", "concepts",
                        "entities", "relation_types", "relations"},
                       {"$schema", "id", "events", "quantities", "tours", "topics", "node_groups", "stop_words"}))
            return;
        a_.id = v_.id(doc, "id", "");
        if (auto it = doc.find("format"); it != doc.end() && *it != kFormatName)
            v_.error("/format", std::string("\"") + kFormatName + "\"", describe(*it));
        if (auto it = doc.find("version"); it != doc.end()) {
            const bool whole = it->is_number_float() && std::isfinite(it->get<double>()) &&
                               it->get<double>() == std::floor(it->get<double>());
            if (whole)  // 99999999999999999999 is past every integer type: a version, but not one we read
                v_.error("/version", "format version " + std::to_string(kFormatVersion) + " (this program reads only it)",
                         "unsupported version " + describe(*it));
            else if (!it->is_number_integer()) v_.error("/version", "an integer", describe(*it));
            else if (it->get<long long>() != kFormatVersion)
                v_.error("/version", "format version " + std::to_string(kFormatVersion) + " (this program reads only it)",
                         describe(*it));
        }
        if (auto it = doc.find("meta"); it != doc.end()) read_meta(*it);
        read_facets(doc);
        read_sections(doc);
        read_node_groups(doc);
        read_node_types(doc);     // needs node groups
        read_relation_types(doc);
        read_nodes(doc);          // needs node types
        add_section_facet();      // needs sections
        read_passages(doc);       // needs sections and facets
        read_relations(doc);      // needs nodes, passages, relation types
        read_events(doc);
        read_quantities(doc);
        read_tours(doc);
        read_topics(doc);
        read_stop_words(doc);
        if (a_.id.empty()) a_.id = default_article_id(a_.meta.title);
    }

    // Reads the array member `list` of `parent` (at pointer `base`): for each item that is an
    // object with the `required` and no other than the `optional` members, checks that its id
    // is unique in `seen` and calls fn(item, item's pointer, id).
    // `scope` qualifies the kind for refused ids (follow_on): a facet's values are its own.
    template <class Fn>
    void each(const json& parent, const char* list, const std::string& base, std::initializer_list<const char*> required,
              std::initializer_list<const char*> optional, const char* kind,
              std::unordered_map<std::string, std::string>& seen, Fn&& fn, const std::string& scope = {}) {
        const json* arr = v_.array(parent, list, base);
        if (!arr) return;
        const std::string list_pointer = pointer_append(base, list);
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const json& item = (*arr)[i];
            const std::string p = pointer_append(list_pointer, i);
            if (!v_.object(item, p, required, optional)) continue;
            std::string id = v_.id(item, "id", p, std::string(kind) + scope);
            v_.unique(seen, id, pointer_append(p, "id"), kind);
            fn(item, p, std::move(id));
        }
    }

    // The same, with ids unique within this list.
    template <class Fn>
    void each(const json& parent, const char* list, const std::string& base, std::initializer_list<const char*> required,
              std::initializer_list<const char*> optional, const char* kind, Fn&& fn, const std::string& scope = {}) {
        std::unordered_map<std::string, std::string> seen;
        each(parent, list, base, required, optional, kind, seen, std::forward<Fn>(fn), scope);
    }

    void read_meta(const json& m) {
        const std::string p = "/meta";
        if (!v_.object(m, p, {"title", "author", "outlet", "source", "language"},
                       {"subtitle", "published", "posted", "publisher"}))
            return;
        Meta& meta = a_.meta;
        meta.title = v_.string(m, "title", p, kMaxLabelBytes);
        meta.subtitle = v_.string(m, "subtitle", p, kMaxLabelBytes, false);
        meta.outlet = v_.string(m, "outlet", p, kMaxLabelBytes);
        meta.published = v_.date(m, "published", p);
        meta.posted = v_.date(m, "posted", p);
        meta.publisher = v_.string(m, "publisher", p, kMaxLabelBytes, false);
        meta.source = v_.string(m, "source", p, kMaxDescriptionBytes);
        meta.language = v_.string(m, "language", p, 35);
        if (auto it = m.find("author"); it != m.end()) {
            const std::string ap = pointer_append(p, "author");
            if (v_.object(*it, ap, {"name"}, {"role"})) {
                meta.author.name = v_.string(*it, "name", ap, kMaxLabelBytes);
                meta.author.role = v_.string(*it, "role", ap, kMaxLabelBytes, false);
            }
        }
    }

    void read_facets(const json& doc) {
        each(doc, "facets", "", {"id", "label", "description", "values"}, {}, "facet",
             [&](const json& f, const std::string& p, std::string id) {
            Facet facet;
            facet.id = std::move(id);
            if (facet.id == kSectionFacetId)
                v_.error(pointer_append(p, "id"), "a facet other than 'section' (it is built from /sections)",
                         "\"section\"");
            facet.label = v_.string(f, "label", p, kMaxLabelBytes);
            facet.description = v_.string(f, "description", p, kMaxDescriptionBytes);
            if (auto it = f.find("values"); it != f.end() && it->is_array() && it->empty())
                v_.error(pointer_append(p, "values"), "at least one value", "an empty array");
            each(f, "values", p, {"id", "label", "description"}, {}, "facet value",
                 [&](const json& val, const std::string& vp, std::string value_id) {
                FacetValue fv;
                fv.id = std::move(value_id);
                fv.label = v_.string(val, "label", vp, kMaxLabelBytes);
                fv.description = v_.string(val, "description", vp, kMaxDescriptionBytes);
                facet.values.push_back(std::move(fv));
            }, " of " + facet.id);
            a_.facets.push_back(std::move(facet));
        });
    }

    void read_sections(const json& doc) {
        each(doc, "sections", "", {"id", "number", "heading", "label"}, {}, "section",
             [&](const json& s, const std::string& p, std::string id) {
            Section section;
            section.id = std::move(id);
            if (auto it = s.find("number"); it != s.end()) {
                const long long position = static_cast<long long>(a_.sections.size()) + 1;
                if (!it->is_number_integer() || it->get<long long>() != position)
                    v_.error(pointer_append(p, "number"), "the section's position, " + std::to_string(position),
                             describe(*it));
                else
                    section.number = static_cast<int>(position);
            }
            section.heading = v_.string(s, "heading", p, kMaxDescriptionBytes);
            section.label = v_.string(s, "label", p, kMaxLabelBytes);
            a_.sections.push_back(std::move(section));
        });
    }

    void add_section_facet() {
        Facet facet;
        facet.id = kSectionFacetId;
        facet.label = "Section";
        facet.description = "The part of the article a passage belongs to.";
        facet.built_in = true;
        for (const Section& s : a_.sections) facet.values.push_back({s.id, s.label, s.heading});
        a_.facets.push_back(std::move(facet));
    }

    void read_node_groups(const json& doc) {
        if (!doc.contains("node_groups")) return;
        each(doc, "node_groups", "", {"id", "label", "shape"}, {"description"}, "node group",
             [&](const json& g, const std::string& p, std::string id) {
            NodeGroup group;
            group.id = std::move(id);
            group.label = v_.string(g, "label", p, kMaxLabelBytes);
            group.description = v_.string(g, "description", p, kMaxDescriptionBytes, false);
            const std::string shape = v_.string(g, "shape", p, 16);
            if (g.contains("shape") && g["shape"].is_string() && !node_shape_from_string(shape, group.shape))
                v_.error(pointer_append(p, "shape"), "\"circle\", \"square\", \"diamond\", \"triangle\" or \"hexagon\"",
                         describe(g["shape"]));
            a_.node_groups.push_back(std::move(group));
        });
    }

    void read_stop_words(const json& doc) {
        auto it = doc.find("stop_words");
        if (it == doc.end()) return;
        if (!it->is_array()) {
            v_.error("/stop_words", "an array of words", describe(*it));
            return;
        }
        a_.stop_words_given = true;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& w = (*it)[i];
            if (!w.is_string() || w.get_ref<const std::string&>().empty() || w.get_ref<const std::string&>().size() > 64)
                v_.error(pointer_append("/stop_words", i), "a word (a string of 1 to 64 bytes)", describe(w));
            else
                a_.stop_words.push_back(w.get<std::string>());
        }
    }

    void read_node_types(const json& doc) {
        each(doc, "node_types", "", {"id", "label", "kind", "description"}, {"group"}, "node type",
             [&](const json& t, const std::string& p, std::string id) {
            NodeType type;
            if (auto g = t.find("group"); g != t.end()) {
                const std::string gid = g->is_string() ? g->get<std::string>() : std::string();
                const auto at = std::find_if(a_.node_groups.begin(), a_.node_groups.end(),
                                             [&](const NodeGroup& x) { return x.id == gid; });
                if (at == a_.node_groups.end()) {
                    if (!v_.follow_on("node group", *g, pointer_append(p, "group")))
                        v_.error(pointer_append(p, "group"), "the id of a node group (\"node_groups\")", describe(*g));
                } else
                    type.group = static_cast<int>(at - a_.node_groups.begin());
            }
            type.id = std::move(id);
            type.label = v_.string(t, "label", p, kMaxLabelBytes);
            type.description = v_.string(t, "description", p, kMaxDescriptionBytes);
            std::string kind = v_.string(t, "kind", p, 16);
            if (kind == "entity") type.kind = NodeKind::Entity;
            else if (kind != "concept" && t.contains("kind") && t["kind"].is_string())
                v_.error(pointer_append(p, "kind"), "\"concept\" or \"entity\"", describe(t["kind"]));
            a_.node_types.push_back(std::move(type));
        });
    }

    void read_relation_types(const json& doc) {
        each(doc, "relation_types", "", {"id", "label", "description"}, {"contrast"}, "relation type",
             [&](const json& t, const std::string& p, std::string id) {
            RelationType type;
            type.id = std::move(id);
            type.label = v_.string(t, "label", p, kMaxLabelBytes);
            type.description = v_.string(t, "description", p, kMaxDescriptionBytes);
            if (auto it = t.find("contrast"); it != t.end()) {
                if (!it->is_boolean()) v_.error(pointer_append(p, "contrast"), "a boolean", describe(*it));
                else type.contrast = it->get<bool>();
            }
            a_.relation_types.push_back(std::move(type));
        });
    }

    // Facet tags {facet: [values]}; section is not allowed here.
    FacetTags read_tags(const json& obj, const std::string& p) {
        FacetTags tags;
        auto it = obj.find("facets");
        if (it == obj.end()) return tags;
        const std::string fp = pointer_append(p, "facets");
        if (!it->is_object()) {
            v_.error(fp, "an object from facet id to an array of value ids", describe(*it));
            return tags;
        }
        for (auto f = it->begin(); f != it->end(); ++f) {
            if (f.key().rfind("x-", 0) == 0) continue;  // an extension
            const std::string kp = pointer_append(fp, f.key());
            int fi = a_.find_facet(f.key());
            if (fi < 0 && v_.follow_on("facet", f.key(), kp)) continue;
            if (fi < 0 || a_.facets[fi].built_in) {
                std::string names;
                for (const Facet& facet : a_.facets)
                    if (!facet.built_in) names += (names.empty() ? "" : ", ") + facet.id;
                v_.error(kp, "a declared facet (" + names + ")", "\"" + utf8_truncate(f.key(), 60) + "\"");
                continue;
            }
            if (!f->is_array()) {
                v_.error(kp, "an array of value ids", describe(*f));
                continue;
            }
            const Facet& facet = a_.facets[fi];
            std::vector<int>& values = tags[fi];
            for (std::size_t k = 0; k < f->size(); ++k) {
                const json& val = (*f)[k];
                int vi = val.is_string() ? facet.find_value(val.get<std::string>()) : -1;
                if (vi < 0 && v_.follow_on("facet value of " + facet.id, val, pointer_append(kp, k))) continue;
                if (vi < 0) {
                    std::string names;
                    for (const FacetValue& fv : facet.values) names += (names.empty() ? "" : ", ") + fv.id;
                    v_.error(pointer_append(kp, k), "a value of facet '" + facet.id + "' (" + names + ")",
                             describe(val));
                    continue;
                }
                if (std::find(values.begin(), values.end(), vi) != values.end())
                    v_.error(pointer_append(kp, k), "each value once", describe(val) + " again");
                else
                    values.push_back(vi);
            }
            std::sort(values.begin(), values.end());
            if (values.empty()) tags.erase(fi);
        }
        return tags;
    }

    void read_nodes(const json& doc) {
        std::unordered_map<std::string, std::string> seen;
        for (NodeKind kind : {NodeKind::Concept, NodeKind::Entity}) {
            const char* list = kind == NodeKind::Concept ? "concepts" : "entities";
            each(doc, list, "", {"id", "label", "type", "description"}, {"aliases", "facets", "match"},
                 "concept or entity", seen, [&](const json& n, const std::string& p, std::string id) {
                Node node;
                node.kind = kind;
                node.id = std::move(id);
                node.label = v_.string(n, "label", p, kMaxLabelBytes);
                node.description = v_.string(n, "description", p, kMaxDescriptionBytes);
                const auto named = n.find("type");
                std::string type = named != n.end() && v_.follow_on("node type", *named, pointer_append(p, "type"))
                                       ? std::string()
                                       : v_.id(n, "type", p);
                if (!type.empty()) {
                    auto it = std::find_if(a_.node_types.begin(), a_.node_types.end(),
                                           [&](const NodeType& t) { return t.id == type && t.kind == kind; });
                    if (it == a_.node_types.end()) {
                        std::string names;
                        for (const NodeType& t : a_.node_types)
                            if (t.kind == kind) names += (names.empty() ? "" : ", ") + t.id;
                        v_.error(pointer_append(p, "type"),
                                 std::string("a node type of kind ") + to_string(kind) + " (" + names + ")",
                                 "\"" + type + "\"");
                    } else {
                        node.type = static_cast<int>(it - a_.node_types.begin());
                    }
                }
                if (auto it = n.find("match"); it != n.end()) {
                    if (!it->is_boolean()) v_.error(pointer_append(p, "match"), "a boolean", describe(*it));
                    else node.match = it->get<bool>();
                }
                if (const json* aliases = v_.array(n, "aliases", p)) {
                    for (std::size_t k = 0; k < aliases->size(); ++k) {
                        const json& al = (*aliases)[k];
                        const std::string ap = pointer_append(pointer_append(p, "aliases"), k);
                        if (!v_.object(al, ap, {"text", "kind"}, {"lang"})) continue;
                        Alias alias;
                        alias.text = v_.string(al, "text", ap, kMaxLabelBytes);
                        alias.lang = v_.string(al, "lang", ap, 35, false);
                        std::string k_ = v_.string(al, "kind", ap, 16);
                        if (k_ == "variant") alias.kind = AliasKind::Variant;
                        else if (k_ == "abbreviation") alias.kind = AliasKind::Abbreviation;
                        else if (k_ == "translation") alias.kind = AliasKind::Translation;
                        else if (al.contains("kind") && al["kind"].is_string())
                            v_.error(pointer_append(ap, "kind"), "\"variant\", \"abbreviation\" or \"translation\"",
                                     describe(al["kind"]));
                        if (alias.kind == AliasKind::Translation && alias.lang.empty())
                            v_.error(pointer_append(ap, "lang"), "a language tag for a translation (e.g. \"zh-Hans\")",
                                     "nothing");
                        node.aliases.push_back(std::move(alias));
                    }
                }
                node.facets = read_tags(n, p);
                a_.nodes.push_back(std::move(node));
            });
        }
    }

    void read_passages(const json& doc) {
        if (auto it = doc.find("passages"); it != doc.end() && it->is_array() && it->empty())
            v_.error("/passages", "at least one passage", "an empty array");
        if (auto it = doc.find("passages"); it != doc.end() && it->is_array() && it->size() > kMaxPassages) {
            v_.error("/passages", "at most " + std::to_string(kMaxPassages) + " passages", std::to_string(it->size()));
            return;  // not read: the limit keeps the index within what the browser holds
        }
        const int section_facet = a_.find_facet(kSectionFacetId);
        int last_section = -1;
        each(doc, "passages", "", {"id", "section", "text"}, {"facets"}, "passage",
             [&](const json& j, const std::string& p, std::string id) {
            Passage passage;
            passage.id = std::move(id);
            passage.text = v_.string(j, "text", p, kMaxTextBytes);
            if (auto it = j.find("section"); it != j.end() && !it->is_null()) {
                int si = it->is_string() ? a_.find_section(it->get<std::string>()) : -1;
                if (si < 0 && v_.follow_on("section", *it, pointer_append(p, "section"))) {
                } else if (si < 0) {
                    std::vector<std::string> ids;
                    for (const Section& s : a_.sections) ids.push_back(s.id);
                    v_.error(pointer_append(p, "section"),
                             "a section id (" + id_choices(ids, it->is_string() ? it->get<std::string>() : "") + ") or null",
                             describe(*it));
                } else if (si < last_section) {
                    v_.error(pointer_append(p, "section"),
                             "sections in article order (after '" + a_.sections[last_section].id + "')", describe(*it));
                } else {
                    passage.section = last_section = si;
                }
            } else if (it != j.end() && last_section >= 0) {
                v_.error(pointer_append(p, "section"), "a section id (null only before the first heading)", "null");
            }
            passage.facets = read_tags(j, p);
            if (passage.section >= 0 && section_facet >= 0) passage.facets[section_facet] = {passage.section};
            a_.passages.push_back(std::move(passage));
        });
    }

    // A node reference; returns -1 (and reports) when it does not resolve.
    int node_ref(const json& obj, const char* key, const std::string& p) {
        auto it = obj.find(key);
        if (it == obj.end()) return -1;
        int ni = it->is_string() ? a_.find_node(it->get<std::string>()) : -1;
        if (ni < 0 && !v_.follow_on("concept or entity", *it, pointer_append(p, key)))
            v_.error(pointer_append(p, key), "the id of a concept or entity", describe(*it));
        return ni;
    }

    int passage_ref(const json& val, const std::string& p) {
        int pi = val.is_string() ? a_.find_passage(val.get<std::string>()) : -1;
        if (pi < 0 && !v_.follow_on("passage", val, p)) v_.error(p, "the id of a passage", describe(val));
        return pi;
    }

    std::vector<int> node_list(const json& obj, const std::string& p) {
        std::vector<int> out;
        if (const json* arr = v_.array(obj, "nodes", p)) {
            for (std::size_t k = 0; k < arr->size(); ++k) {
                const json& val = (*arr)[k];
                int ni = val.is_string() ? a_.find_node(val.get<std::string>()) : -1;
                const std::string np = pointer_append(pointer_append(p, "nodes"), k);
                if (ni >= 0) out.push_back(ni);
                else if (!v_.follow_on("concept or entity", val, np))
                    v_.error(np, "the id of a concept or entity", describe(val));
            }
        }
        return out;
    }

    void read_relations(const json& doc) {
        each(doc, "relations", "", {"id", "source", "target", "type", "evidence"}, {"note"}, "relation",
             [&](const json& r, const std::string& p, std::string id) {
            Relation rel;
            rel.id = std::move(id);
            rel.source = node_ref(r, "source", p);
            rel.target = node_ref(r, "target", p);
            if (rel.source >= 0 && rel.source == rel.target)
                v_.error(pointer_append(p, "target"), "a node other than the source", describe(r["target"]));
            if (auto it = r.find("type"); it != r.end()) {
                auto t = std::find_if(a_.relation_types.begin(), a_.relation_types.end(),
                                      [&](const RelationType& rt) { return it->is_string() && rt.id == it->get<std::string>(); });
                if (t == a_.relation_types.end()) {
                    if (!v_.follow_on("relation type", *it, pointer_append(p, "type")))
                        v_.error(pointer_append(p, "type"), "the id of a relation type", describe(*it));
                }
                else rel.type = static_cast<int>(t - a_.relation_types.begin());
            }
            rel.note = v_.string(r, "note", p, kMaxDescriptionBytes, false);
            if (const json* ev = v_.array(r, "evidence", p)) {
                if (ev->empty()) v_.error(pointer_append(p, "evidence"), "at least one passage", "an empty array");
                for (std::size_t k = 0; k < ev->size(); ++k)
                    if (int pi = passage_ref((*ev)[k], pointer_append(pointer_append(p, "evidence"), k)); pi >= 0)
                        rel.evidence.push_back(pi);
                std::sort(rel.evidence.begin(), rel.evidence.end());
                rel.evidence.erase(std::unique(rel.evidence.begin(), rel.evidence.end()), rel.evidence.end());
            }
            a_.relations.push_back(std::move(rel));
        });
    }

    void read_events(const json& doc) {
        each(doc, "events", "", {"id", "label", "date", "passage"}, {"end", "approximate", "nodes"}, "event",
             [&](const json& e, const std::string& p, std::string id) {
            Event ev;
            ev.id = std::move(id);
            ev.label = v_.string(e, "label", p, kMaxLabelBytes);
            std::optional<Date> begin, end;
            ev.date = v_.date(e, "date", p, &begin);
            ev.end = v_.date(e, "end", p, &end);
            if (begin && end && day_number(*end) < day_number(*begin))  // "2013" may end "2013-01"
                v_.error(pointer_append(p, "end"), "a date not before " + ev.date, "\"" + ev.end + "\"");
            if (auto it = e.find("approximate"); it != e.end()) {
                if (!it->is_boolean()) v_.error(pointer_append(p, "approximate"), "a boolean", describe(*it));
                else ev.approximate = it->get<bool>();
            }
            if (auto it = e.find("passage"); it != e.end()) ev.passage = passage_ref(*it, pointer_append(p, "passage"));
            ev.nodes = node_list(e, p);
            a_.events.push_back(std::move(ev));
        });
    }

    void read_tours(const json& doc) {
        each(doc, "tours", "", {"id", "label", "steps"}, {"description"}, "tour",
             [&](const json& t, const std::string& p, std::string id) {
            Tour tour;
            tour.id = std::move(id);
            tour.label = v_.string(t, "label", p, kMaxLabelBytes);
            tour.description = v_.string(t, "description", p, kMaxDescriptionBytes, false);
            if (const json* steps = v_.array(t, "steps", p)) {
                if (steps->empty()) v_.error(pointer_append(p, "steps"), "at least one step", "an empty array");
                if (steps->size() > kMaxTourSteps)
                    v_.error(pointer_append(p, "steps"), "at most " + std::to_string(kMaxTourSteps) + " steps",
                             std::to_string(steps->size()));
                for (std::size_t i = 0; i < steps->size() && i < kMaxTourSteps; ++i) {
                    const json& s = (*steps)[i];
                    const std::string sp = pointer_append(pointer_append(p, "steps"), i);
                    if (!v_.object(s, sp, {"caption", "state"}, {"seconds"})) continue;
                    TourStep step;
                    step.caption = v_.string(s, "caption", sp, kMaxDescriptionBytes);
                    // find, not operator[]: a step without "state" (reported by object()) has none.
                    if (const auto state = s.find("state"); state != s.end()) {
                        if (!state->is_object())
                            v_.error(pointer_append(sp, "state"), "an object (a view state)", describe(*state));
                        else step.state_json = state->dump();
                    }
                    if (auto it = s.find("seconds"); it != s.end()) {
                        if (!it->is_number() || it->get<double>() < 1 || it->get<double>() > 600)
                            v_.error(pointer_append(sp, "seconds"), "a number of seconds from 1 to 600", describe(*it));
                        else step.seconds = it->get<double>();
                    }
                    tour.steps.push_back(std::move(step));
                }
            }
            a_.tours.push_back(std::move(tour));
        });
    }

    void read_topics(const json& doc) {
        const json* topics = v_.array(doc, "topics", "");
        if (!topics) return;
        for (std::size_t i = 0; i < topics->size(); ++i) {
            const std::string p = pointer_append("/topics", i);
            if (!v_.object((*topics)[i], p, {"label", "query"}, {})) continue;
            a_.topics.push_back({v_.string((*topics)[i], "label", p, kMaxLabelBytes),
                                 v_.string((*topics)[i], "query", p, kMaxLabelBytes)});
        }
    }

    void read_quantities(const json& doc) {
        each(doc, "quantities", "", {"id", "label", "value", "unit", "passage"}, {"qualifier", "nodes"}, "quantity",
             [&](const json& q, const std::string& p, std::string id) {
            Quantity qty;
            qty.id = std::move(id);
            qty.label = v_.string(q, "label", p, kMaxLabelBytes);
            qty.unit = v_.string(q, "unit", p, kMaxLabelBytes);
            qty.qualifier = v_.string(q, "qualifier", p, kMaxLabelBytes, false);
            if (auto it = q.find("value"); it != q.end()) {
                if (!it->is_number()) v_.error(pointer_append(p, "value"), "a number", describe(*it));
                else qty.value = it->get<double>();
            }
            if (auto it = q.find("passage"); it != q.end())
                qty.passage = passage_ref(*it, pointer_append(p, "passage"));
            qty.nodes = node_list(q, p);
            a_.quantities.push_back(std::move(qty));
        });
    }
};

}  // namespace

LoadResult load_article(std::string_view json_text) {
    try {
        return Loader().run(json_text);
    } catch (const std::exception& e) {  // e.g. std::bad_alloc: still an error value
        LoadResult r;
        r.diagnostics.push_back({Severity::Error, "", "a loadable article", std::string("an internal failure: ") + e.what()});
        return r;
    }
}

LoadResult load_article_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult r;
        r.diagnostics.push_back({Severity::Error, "", "a readable file", "cannot open '" + path + "'"});
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return load_article(ss.str());
}

}  // namespace wwe
