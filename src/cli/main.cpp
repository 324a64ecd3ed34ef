// explorer: the command-line tool over Win-Win Explorer's core.
//
//   explorer validate [FILE]
//   explorer stats [--data FILE] [--json]
//   explorer query [--data FILE] [--text T] [--facet ID=VALUE]... [--json]
//   explorer list facets|concepts|entities|events|relations [--data FILE] [--json]
//   explorer contexts --text T [--facet ID=VALUE]... [--sort article|left|right] [--data FILE]
//   explorer terms [--facet ID=VALUE]... [--stop-words] [--limit N] [--data FILE]
//   explorer import FILE [-o OUT.json]
//   explorer bundle FILE -o OUT.html [--template PAGE]
//
// Exit status: 0 success (an empty result is a success), 1 invalid data (messages on
// standard error), 2 bad usage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/concordance.hpp"
#include "core/bundle.hpp"
#include "core/corpus.hpp"
#include "core/import_text.hpp"
#include "core/load.hpp"
#include "core/problems.hpp"
#include "core/query.hpp"
#include "core/text.hpp"
#include "core/tour.hpp"

namespace {

using nlohmann::json;

constexpr int kOk = 0, kInvalidData = 1, kUsage = 2;

const char* kUsageText = R"(usage:
  explorer validate [FILE]
  explorer stats [--data FILE] [--json]
  explorer query [--data FILE] [--text T] [--facet ID=VALUE]... [--json]
  explorer list facets|concepts|entities|events|relations [--data FILE] [--json]
  explorer contexts --text T [--facet ID=VALUE]... [--sort article|left|right] [--data FILE]
  explorer terms [--facet ID=VALUE]... [--stop-words] [--limit N] [--data FILE]
  explorer import FILE [-o OUT.json]
  explorer bundle FILE -o OUT.html [--template PAGE]

import: the article a text (.txt, .md) makes, as JSON (what Save as article saves).
FILE and --data default to assets/article.json.
bundle: a standalone offline explorer (one HTML file, works from file://) for FILE, an
  article (.json) or a text (.txt, .md); PAGE defaults to explorer-standalone.html beside
  the program, in its dist/, in ../share/win-win-explorer/, or in the build's dist/.
query: --facet may repeat; values of one facet are ORed, facets are ANDed.
Exit status: 0 success, 1 invalid data, 2 bad usage.
)";

// Text from the data as printed on a terminal: its control characters (ESC, BEL, C1 ...)
// escaped as \u001b, never sent raw (text.hpp escape_controls). Every string of an article
// that the CLI prints goes through one of these two.
std::string safe(std::string_view s) { return wwe::escape_controls(s); }

// A JSON value as printed: indented, its strings' C1 controls and DEL escaped too (the C0
// ones JSON escapes itself), so the same value a JSON reader reads.
// (A template: json and ordered_json, whose members keep their order, print alike.)
template <class Json>
std::string safe_json(const Json& j) {
    return wwe::escape_controls(j.dump(2, ' ', false, Json::error_handler_t::replace), "\n");
}

// "1 passage", "2 passages".
std::string count(std::size_t n, const char* singular, const char* plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

int usage(const std::string& message) {
    std::cerr << "explorer: " << message << "\n" << kUsageText;
    return kUsage;
}

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::optional<std::string> data;
    std::optional<std::string> text;
    std::vector<std::string> facets;
    std::optional<std::string> out;
    std::optional<std::string> templ;
    bool json = false;
    std::string sort = "article";  // contexts
    bool stop_words = false;       // terms
    int limit = 40;                // terms
};

// Parses argv; returns an error message on bad usage.
std::optional<std::string> parse_args(int argc, char** argv, Args& args) {
    if (argc < 2) return "no command";
    args.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= argc) return std::nullopt;
            (void)name;
            return std::string(argv[++i]);
        };
        if (a == "--json") {
            args.json = true;
        } else if (a == "--stop-words") {
            args.stop_words = true;
        } else if (a == "--sort" || a == "--limit") {
            auto v = value(a.c_str());
            if (!v) return a + " needs a value";
            if (a == "--sort") {
                if (*v != "article" && *v != "left" && *v != "right") return "--sort takes article, left or right";
                args.sort = *v;
            } else {
                try {
                    args.limit = std::stoi(*v);
                } catch (...) {
                    return "--limit takes a number";
                }
                if (args.limit < 1 || args.limit > 10000) return "--limit takes a number from 1 to 10000";
            }
                } else if (a == "--data" || a == "--text" || a == "--facet" || a == "-o" || a == "--out" || a == "--template") {
            auto v = value(a.c_str());
            if (!v) return a + " needs a value";
            if (a == "--data") args.data = *v;
            else if (a == "--text") args.text = *v;
            else if (a == "-o" || a == "--out") args.out = *v;
            else if (a == "--template") args.templ = *v;
            else args.facets.push_back(*v);
        } else if (a.rfind("--data=", 0) == 0) {
            args.data = a.substr(7);
        } else if (a.rfind("--text=", 0) == 0) {
            args.text = a.substr(7);
        } else if (a.rfind("--facet=", 0) == 0) {
            args.facets.push_back(a.substr(8));
        } else if (a.rfind("--", 0) == 0) {
            return "unknown option '" + a + "'";
        } else {
            args.positional.push_back(a);
        }
    }
    return std::nullopt;
}

std::string default_data_path() {
    const std::string local = "assets/article.json";
    if (std::filesystem::exists(local)) return local;
#ifdef WWE_DEFAULT_DATA
    if (std::filesystem::exists(WWE_DEFAULT_DATA)) return WWE_DEFAULT_DATA;
#endif
    return local;
}

std::optional<std::string> read_text(const std::string& path);

// A problem of the file with `text` as printed: the passage's own id next to a pointer into it.
std::string shown(const wwe::Diagnostic& d, const std::optional<std::string>& text) {
    return d.to_string(text ? wwe::passage_id_at(*text, d.pointer) : std::string());
}

// Loads and indexes the article; prints errors (and, if asked, warnings) to stderr.
std::optional<wwe::Corpus> load(const std::string& path, bool print_warnings) {
    const std::optional<std::string> text = read_text(path);
    wwe::LoadResult r = text ? wwe::load_article(*text) : wwe::load_article_file(path);  // the latter says why
    std::vector<wwe::Diagnostic> more;
    std::optional<wwe::Corpus> corpus;
    if (r.ok()) corpus = wwe::build_corpus(std::move(*r.article), more);
    else if (print_warnings) wwe::text_warnings(r.partial, more);
    if (corpus) wwe::resolve_tours(*corpus, more);  // tours name views, values and nodes
    r.diagnostics.insert(r.diagnostics.end(), more.begin(), more.end());
    if (r.error_count() > 0) corpus.reset();
    for (const wwe::Diagnostic& d : r.diagnostics)
        if (d.severity == wwe::Severity::Error || print_warnings) std::cerr << safe(path + ": " + shown(d, text)) << "\n";
    if (!corpus) std::cerr << path << ": " << count(r.error_count(), "error", "errors") << "; the file cannot be used\n";
    return corpus;
}

int cmd_validate(const Args& args) {
    if (args.positional.size() > 1) return usage("validate takes one FILE");
    std::string path = !args.positional.empty() ? args.positional[0] : args.data.value_or(default_data_path());
    const std::optional<std::string> text = read_text(path);
    wwe::LoadResult r = text ? wwe::load_article(*text) : wwe::load_article_file(path);  // the latter says why
    std::vector<wwe::Diagnostic> diags = r.diagnostics;
    std::optional<wwe::Corpus> corpus;
    if (r.ok()) corpus = wwe::build_corpus(std::move(*r.article), diags);
    else wwe::text_warnings(r.partial, diags);  // the text's warnings next to the errors
    if (corpus) wwe::resolve_tours(*corpus, diags);
    int errors = 0, warnings = 0;
    for (const wwe::Diagnostic& d : diags) {
        std::cerr << safe(path + ": " + shown(d, text)) << "\n";
        (d.severity == wwe::Severity::Error ? errors : warnings)++;
    }
    if (args.json) {
        json list = json::array();
        for (const wwe::Diagnostic& d : diags) {
            list.push_back({{"severity", d.severity == wwe::Severity::Error ? "error" : "warning"},
                            {"pointer", d.pointer}, {"expected", d.expected}, {"found", d.found}});
            if (const std::string id = text ? wwe::passage_id_at(*text, d.pointer) : ""; !id.empty())
                list.back()["passage_id"] = id;
        }
        std::cout << safe_json(json{{"file", path}, {"valid", errors == 0}, {"errors", errors}, {"warnings", warnings},
                               {"diagnostics", list}})
                  << "\n";
    } else if (errors == 0) {
        std::cout << path << ": valid (" << count(corpus->article.passages.size(), "passage", "passages") << ", "
                  << count(warnings, "warning", "warnings") << ")\n";
    } else {
        std::cout << path << ": invalid (" << count(errors, "error", "errors") << ", "
                  << count(warnings, "warning", "warnings") << ")\n";
    }
    return errors == 0 ? kOk : kInvalidData;
}

int cmd_stats(const Args& args, const wwe::Corpus& c) {
    const wwe::Article& a = c.article;
    int concepts = static_cast<int>(std::count_if(a.nodes.begin(), a.nodes.end(),
                                                  [](const wwe::Node& n) { return n.kind == wwe::NodeKind::Concept; }));
    std::size_t words = 0, mentions = 0;
    for (const auto& w : c.words) words += w.size();
    for (const auto& m : c.node_mentions) mentions += m.size();
    json facets = json::object();
    for (const wwe::Facet& f : a.facets) facets[f.id] = f.values.size();
    json j = {{"title", a.meta.title},
              {"author", a.meta.author.name},
              {"published", a.meta.published},
              {"sections", a.sections.size()},
              {"passages", a.passages.size()},
              {"words", words},
              {"facets", facets},
              {"concepts", concepts},
              {"entities", static_cast<int>(a.nodes.size()) - concepts},
              {"mentions", mentions},
              {"relations", a.relations.size()},
              {"events", a.events.size()},
              {"quantities", a.quantities.size()}};
    if (args.json) {
        std::cout << safe_json(j) << "\n";
        return kOk;
    }
    std::cout << safe(a.meta.title) << "\n"
              << safe(a.meta.author.name + ", " + a.meta.outlet + ", " + a.meta.published) << "\n\n";
    for (const char* key : {"sections", "passages", "words", "concepts", "entities", "mentions", "relations", "events", "quantities"})
        std::printf("%-11s %6d\n", key, j[key].get<int>());
    std::cout << "facets     ";
    for (const wwe::Facet& f : a.facets) std::cout << " " << f.id << "(" << f.values.size() << ")";
    std::cout << "\n";
    return kOk;
}

int cmd_query(const Args& args, const wwe::Corpus& c) {
    wwe::QueryRequest request;
    request.text = args.text.value_or("");
    for (const std::string& f : args.facets) {
        auto eq = f.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == f.size())
            return usage("--facet takes ID=VALUE, got '" + f + "'");
        request.facets[f.substr(0, eq)].insert(f.substr(eq + 1));
    }
    request.passages = false;  // the JSON gives their number only
    wwe::QueryResult result = wwe::run_query(c, request);
    if (!result.problems.empty()) {
        for (const wwe::Diagnostic& d : result.problems) std::cerr << "explorer: --facet " << safe(d.to_string()) << "\n";
        return kUsage;
    }
    if (args.json) {
        std::cout << safe_json(wwe::to_json(c, result)) << "\n";
        return kOk;
    }
    std::cout << count(result.paragraphs.size(), "passage", "passages") << "\n";
    if (const std::string note = wwe::search_note(result.query); !note.empty()) std::cout << safe(note) << ".\n";
    wwe::SnippetOptions plain;
    plain.open = "[";
    plain.close = "]";
    plain.escape_html = false;
    for (const wwe::QueryParagraph& p : result.paragraphs) {
        const wwe::Passage& passage = c.article.passages[p.passage];
        std::printf("\n¶%d  %s", p.passage + 1, passage.id.c_str());
        if (!request.text.empty()) std::printf("  (score %.3f, %s)", p.score, wwe::match_tier_label(p.tier));
        std::printf("\n  %s\n", safe(wwe::make_snippet(passage.text, p.hits, plain)).c_str());
    }
    return kOk;
}

int cmd_list(const Args& args, const wwe::Corpus& c) {
    if (args.positional.size() != 1) return usage("list takes one of facets, concepts, entities, events, relations");
    const std::string what = args.positional[0];
    const wwe::Article& a = c.article;
    json out = json::array();
    auto ids = [&](const std::vector<int>& passages) {
        json list = json::array();
        for (int p : passages) list.push_back(a.passages[p].id);
        return list;
    };
    if (what == "facets") {
        for (std::size_t f = 0; f < a.facets.size(); ++f) {
            const wwe::Facet& facet = a.facets[f];
            json values = json::array();
            for (std::size_t v = 0; v < facet.values.size(); ++v) {
                int n = 0;
                for (const wwe::Passage& p : a.passages) {
                    auto it = p.facets.find(static_cast<int>(f));
                    if (it != p.facets.end() && std::find(it->second.begin(), it->second.end(), static_cast<int>(v)) != it->second.end()) ++n;
                }
                values.push_back({{"id", facet.values[v].id}, {"label", facet.values[v].label}, {"passages", n}});
            }
            out.push_back({{"id", facet.id}, {"label", facet.label}, {"values", values}});
        }
    } else if (what == "concepts" || what == "entities") {
        wwe::NodeKind kind = what == "concepts" ? wwe::NodeKind::Concept : wwe::NodeKind::Entity;
        for (std::size_t n = 0; n < a.nodes.size(); ++n) {
            const wwe::Node& node = a.nodes[n];
            if (node.kind != kind) continue;
            json aliases = json::array();
            for (const wwe::Alias& al : node.aliases) {
                json aj = {{"text", al.text}, {"kind", wwe::to_string(al.kind)}};
                if (!al.lang.empty()) aj["lang"] = al.lang;
                aliases.push_back(aj);
            }
            out.push_back({{"id", node.id}, {"label", node.label}, {"type", a.node_types[node.type].id},
                           {"mentions", c.node_mentions[n].size()}, {"passages", ids(c.node_passages[n])},
                           {"aliases", aliases}, {"description", node.description}});
        }
    } else if (what == "events") {
        for (const wwe::Event& e : a.events) {
            json j = {{"id", e.id}, {"label", e.label}, {"date", e.date}, {"passage", a.passages[e.passage].id}};
            if (!e.end.empty()) j["end"] = e.end;
            if (e.approximate) j["approximate"] = true;
            out.push_back(j);
        }
    } else if (what == "relations") {
        for (const wwe::Relation& r : a.relations)
            out.push_back({{"id", r.id}, {"source", a.nodes[r.source].id}, {"type", a.relation_types[r.type].id},
                           {"target", a.nodes[r.target].id}, {"evidence", ids(r.evidence)}});
    } else {
        return usage("list takes one of facets, concepts, entities, events, relations, not '" + what + "'");
    }
    if (args.json) {
        std::cout << safe_json(out) << "\n";
        return kOk;
    }
    auto str = [](const json& j) { return safe(j.get_ref<const std::string&>()); };
    for (const json& j : out) {
        if (what == "facets") {
            std::cout << str(j["label"]) << " (" << str(j["id"]) << ")\n";
            for (const json& v : j["values"])
                std::cout << "  " << str(j["id"]) << "=" << str(v["id"]) << "  " << str(v["label"]) << "  ("
                          << count(v["passages"].get<std::size_t>(), "passage", "passages") << ")\n";
        } else if (what == "events") {
            std::cout << str(j["date"]) << (j.contains("end") ? "–" + str(j["end"]) : "")
                      << (j.contains("approximate") ? " (approx.)" : "") << "  " << str(j["label"]) << "  ["
                      << str(j["passage"]) << "]\n";
        } else if (what == "relations") {
            std::cout << str(j["source"]) << " --" << str(j["type"]) << "--> " << str(j["target"]) << "  "
                      << safe(j["evidence"].dump()) << "\n";
        } else {
            std::cout << str(j["id"]) << "  " << str(j["label"]) << "  (" << str(j["type"]) << ", " << count(j["mentions"].get<std::size_t>(), "mention", "mentions")
                      << ")\n";
        }
    }
    return kOk;
}

// The facets of --facet into `facets`; an error message on bad usage.
std::optional<std::string> facet_args(const Args& args, wwe::FacetSelection& facets) {
    for (const std::string& f : args.facets) {
        auto eq = f.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) return "--facet takes ID=VALUE, got '" + f + "'";
        facets[f.substr(0, eq)].insert(f.substr(eq + 1));
    }
    return std::nullopt;
}

// The passages a listing command works on: `text` and --facet, without details. An exit
// status when the facets are bad usage (their problems printed), else nullopt.
std::optional<int> listing_query(const Args& args, const wwe::Corpus& c, std::string text, wwe::QueryResult& result) {
    wwe::QueryRequest request;
    request.text = std::move(text);
    if (auto e = facet_args(args, request.facets)) return usage(*e);
    request.details = false;
    result = wwe::run_query(c, request);
    if (result.problems.empty()) return std::nullopt;
    for (const wwe::Diagnostic& d : result.problems) std::cerr << "explorer: --facet " << safe(d.to_string()) << "\n";
    return kUsage;
}

// The concordance (KWIC): each occurrence with its left context right-aligned on the keyword.
int cmd_contexts(const Args& args, const wwe::Corpus& c) {
    const std::string text = args.text.value_or("");
    if (text.empty()) return usage("contexts needs --text");
    wwe::QueryResult result;
    if (auto status = listing_query(args, c, text, result)) return *status;
    wwe::ConcordanceOptions o;
    o.context_chars = 40;
    o.sort = args.sort == "left" ? wwe::ConcordanceSort::Left : args.sort == "right" ? wwe::ConcordanceSort::Right
                                                                                       : wwe::ConcordanceSort::Article;
    const auto rows = wwe::concordance(c, result.query, result.passages, o);
    std::cout << count(rows.size(), "occurrence", "occurrences") << " of " << safe(text) << "\n";
    auto width = [](const std::string& s) {  // code points
        std::size_t n = 0;
        for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
        return n;
    };
    for (const wwe::ConcordanceRow& r : rows) {
        const std::string left = (r.cut_left ? "\u2026" : "") + safe(r.left);
        const std::size_t w = width(left);
        std::printf("\u00b6%-3d %s%s [%s] %s%s\n", r.passage + 1, std::string(w < 42 ? 42 - w : 0, ' ').c_str(),
                    left.c_str(), safe(r.keyword_text).c_str(), safe(r.right).c_str(), r.cut_right ? "\u2026" : "");
    }
    return kOk;
}

// The term list: words and names by frequency, with their counts per section.
int cmd_terms(const Args& args, const wwe::Corpus& c) {
    wwe::QueryResult result;
    if (auto status = listing_query(args, c, "", result)) return *status;
    wwe::TermListOptions o;
    o.stop_words = args.stop_words;
    o.max_rows = static_cast<std::size_t>(args.limit);
    const auto rows = wwe::term_list(c, result.passages, o);
    std::cout << "term                                      count  lead";
    for (std::size_t s = 0; s < c.article.sections.size(); ++s) std::printf(" %4zu", s + 1);
    std::cout << "\n";
    for (const wwe::TermRow& r : rows) {
        std::string label = safe(r.text) + (r.node >= 0 ? " (name)" : r.stop ? " (stop word)" : "");
        std::printf("%-42s %5d ", wwe::utf8_truncate(label, 42).c_str(), r.count);
        for (const int n : r.per_section) std::printf(" %4d", n);
        std::cout << "\n";
    }
    return kOk;
}

std::optional<std::string> read_text(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    std::string text;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    return text;
}

// The article of FILE as JSON text: the file itself, or the article import_text makes of
// a text (.txt, .md); its problems printed; "" (exit status 1) when it cannot be used.
std::string article_of(const std::string& path) {
    const std::optional<std::string> text = read_text(path);
    if (!text) {
        std::cerr << path << ": cannot be read\n";
        return "";
    }
    std::string article = *text;
    std::vector<wwe::Diagnostic> diags;
    const wwe::FileKind kind = wwe::file_kind(path, article);
    if (kind != wwe::FileKind::Article) {
        wwe::ImportOptions options;
        options.name = std::filesystem::path(path).filename().string();
        std::error_code ec;
        const auto written = std::filesystem::last_write_time(path, ec);
        if (!ec) {
            // file_clock and system_clock differ by a constant: carry the offset over.
            const auto sys = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
                written - std::filesystem::file_time_type::clock::now() + std::chrono::system_clock::now());
            const std::time_t t = std::chrono::system_clock::to_time_t(sys);
            char date[16];
            if (std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&t))) options.date = date;
        }
        wwe::ImportResult imported = wwe::import_text(article, kind, options);
        diags = imported.problems;
        article = imported.ok() ? imported.article.dump(2) + "\n" : "";
    }
    int errors = 0;
    if (!article.empty()) {
        wwe::LoadResult r = wwe::load_article(article);
        diags.insert(diags.end(), r.diagnostics.begin(), r.diagnostics.end());
        if (r.ok()) {
            std::vector<wwe::Diagnostic> more;
            wwe::Corpus corpus = wwe::build_corpus(std::move(*r.article), more);
            wwe::resolve_tours(corpus, more);
            diags.insert(diags.end(), more.begin(), more.end());
        }
    }
    for (const wwe::Diagnostic& d : diags) {
        std::cerr << safe(path + ": " + d.to_string()) << "\n";
        if (d.severity == wwe::Severity::Error) ++errors;
    }
    if (article.empty() || errors > 0) {
        std::cerr << path << ": " << count(static_cast<std::size_t>(std::max(errors, 1)), "error", "errors")
                  << "; the file cannot be used\n";
        return "";
    }
    return article;
}

bool write_file(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
        std::cerr << path << ": cannot be written\n";
        return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) std::cerr << path << ": cannot be written (" << ec.message() << ")\n";
    return !ec;
}

// explorer import FILE [-o OUT.json]: the article a text makes (what "Save as article" saves).
int cmd_import(const Args& args) {
    if (args.positional.size() != 1) return usage("import takes one FILE (a text .txt/.md, or an article .json)");
    const std::string article = article_of(args.positional[0]);
    if (article.empty()) return kInvalidData;
    if (!args.out) {
        std::cout << wwe::escape_controls(article, "\t\n\r");  // the same JSON; no raw C1 on the terminal
        return kOk;
    }
    return write_file(*args.out, article) ? kOk : kInvalidData;
}

// The directory of the running program (Linux: /proc/self/exe), or "" when unknown.
std::string program_dir() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return "";
    return exe.parent_path().string();
}

// explorer bundle FILE -o OUT: the standalone page with FILE's article in its slot.
int cmd_bundle(const Args& args) {
    if (args.positional.size() != 1) return usage("bundle takes one FILE (an article .json, or a text .txt/.md)");
    if (!args.out) return usage("bundle needs -o OUT.html");
    const std::string path = args.positional[0];
    std::string templ;
    std::optional<std::string> page;
    if (args.templ) {
        templ = *args.templ;
        page = read_text(templ);
        if (!page) {
            std::cerr << templ << ": cannot be read (give --template PATH/" << wwe::kBundleTemplateName << ")\n";
            return kInvalidData;
        }
    } else {
        const std::vector<std::string> places = wwe::bundle_template_places(program_dir(), WWE_BUILD_DIST);
        for (const std::string& place : places) {
            if (!std::filesystem::is_regular_file(place)) continue;
            page = read_text(place);
            if (page) {
                templ = place;
                break;
            }
        }
        if (!page) {
            std::cerr << "explorer bundle: " << wwe::bundle_template_missing(places) << "\n";
            return kInvalidData;
        }
    }
    const std::string article = article_of(path);
    if (article.empty()) return kInvalidData;
    std::string error;
    const std::optional<std::string> out = wwe::bundle_page(*page, article, error);
    if (!out) {
        std::cerr << templ << ": " << error << "\n";
        return kInvalidData;
    }
    if (!write_file(*args.out, *out)) return kInvalidData;
    std::cout << *args.out << ": a standalone explorer of " << path << " (" << out->size() / 1024 << " KiB)\n";
    return kOk;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    // --help anywhere ("explorer validate --help" too) prints the usage.
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h" || (i == 1 && a == "help")) {
            std::cout << kUsageText;
            return kOk;
        }
    }
    if (auto error = parse_args(argc, argv, args)) return usage(*error);
    if (args.command == "validate") return cmd_validate(args);
    if (args.command == "bundle") return cmd_bundle(args);
    if (args.command == "import") return cmd_import(args);
    if (args.command != "stats" && args.command != "query" && args.command != "list" && args.command != "contexts" &&
        args.command != "terms")
        return usage("unknown command '" + args.command + "'");
    if (args.command != "list" && !args.positional.empty()) return usage("unexpected argument '" + args.positional[0] + "'");
    const bool filters = args.command == "query" || args.command == "contexts" || args.command == "terms";
    if (!filters && (args.text || !args.facets.empty())) return usage("--text and --facet go with query");
    if (args.command == "terms" && args.text) return usage("terms takes no --text (it counts the passages the facets leave)");
    std::optional<wwe::Corpus> corpus = load(args.data.value_or(default_data_path()), false);
    if (!corpus) return kInvalidData;
    if (args.command == "stats") return cmd_stats(args, *corpus);
    if (args.command == "query") return cmd_query(args, *corpus);
    if (args.command == "contexts") return cmd_contexts(args, *corpus);
    if (args.command == "terms") return cmd_terms(args, *corpus);
    return cmd_list(args, *corpus);
}
