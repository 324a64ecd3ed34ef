// Our search for the benchmark (bench/search.mjs), natively and as WebAssembly. Not part of
// the app. Both builds run the shipped path: load_article (parse + validate the article
// file) and build_corpus (tokens, mentions, index), then run_query with a limit of 20
// (ranked top 20 with hit spans and snippets, facet counts, matched nodes: what
// explorer.query({text, limit: 20}) returns before it is written as JSON).
//
// Native: search_native ARTICLE QUERIES1 QUERIES2 ROUNDS BUILDS
//   prints one JSON object: load and index times of each build (ms), memory, and the time of
//   every query in every round (ms), queries read one per line.
// WebAssembly: the wwe_bench_* functions below, timed from JavaScript.
//
// Memory is what malloc has handed out (the corpus: text, words, index, mentions) after
// the article file's text and the parse tree are freed, as a difference from before.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/corpus.hpp"
#include "core/load.hpp"
#include "core/query.hpp"

namespace {

std::size_t heap_in_use() {
#ifdef __EMSCRIPTEN__
    const struct mallinfo m = mallinfo();
    return static_cast<std::size_t>(m.uordblks);
#else
    const struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
#endif
}

std::unique_ptr<wwe::Corpus> corpus;
std::size_t corpus_bytes = 0;
std::size_t text_bytes = 0;

// 0 on success; the number of errors otherwise (printed to stderr).
int load(std::string_view json, double* load_ms, double* index_ms) {
    using clock = std::chrono::steady_clock;
    corpus.reset();
    const std::size_t before = heap_in_use();
    const auto t0 = clock::now();
    wwe::LoadResult loaded = wwe::load_article(json);
    const auto t1 = clock::now();
    if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        return loaded.error_count();
    }
    std::vector<wwe::Diagnostic> diagnostics;
    corpus = std::make_unique<wwe::Corpus>(wwe::build_corpus(std::move(*loaded.article), diagnostics));
    const auto t2 = clock::now();
    loaded = {};
    corpus_bytes = heap_in_use() - before;
    text_bytes = 0;
    for (const auto& p : corpus->article.passages) text_bytes += p.text.size();
    if (load_ms) *load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    if (index_ms) *index_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
    return 0;
}

// Runs one query; returns the number of passages matching (the top 20 are ranked, with
// snippets). `checksum` accumulates the snippet bytes so that nothing is optimised away.
std::size_t checksum = 0;
int query(const std::string& text) {
    wwe::QueryRequest request;
    request.text = text;
    request.limit = 20;
    request.passages = false;  // what explorer.query() asks for: their number
    const wwe::QueryResult r = wwe::run_query(*corpus, request);
    for (const auto& p : r.paragraphs) checksum += p.snippet.size();
    return static_cast<int>(r.total);
}

}  // namespace

#ifdef __EMSCRIPTEN__
extern "C" {
double last_load_ms = 0, last_index_ms = 0;
int wwe_bench_load(const char* json, int length) {
    return load(std::string_view(json, static_cast<std::size_t>(length)), &last_load_ms, &last_index_ms);
}
double wwe_bench_load_ms() { return last_load_ms; }
double wwe_bench_index_ms() { return last_index_ms; }
double wwe_bench_corpus_bytes() { return static_cast<double>(corpus_bytes); }
double wwe_bench_text_bytes() { return static_cast<double>(text_bytes); }
int wwe_bench_query(const char* text) { return query(text); }
double wwe_bench_checksum() { return static_cast<double>(checksum); }
void wwe_bench_free() { corpus.reset(); }
}
#else
namespace {
std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> read_lines(const char* path) {
    std::vector<std::string> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

long rss_bytes() {
    std::ifstream in("/proc/self/statm");
    long pages = 0, resident = 0;
    in >> pages >> resident;
    return resident * 4096;
}

// This thread's CPU time (ms): what a query costs, without the time other processes on a
// shared machine take from it.
double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void print_array(const char* name, const std::vector<double>& v, bool last = false) {
    std::printf("\"%s\":[", name);
    for (std::size_t i = 0; i < v.size(); ++i) std::printf("%s%.6f", i ? "," : "", v[i]);
    std::printf("]%s", last ? "" : ",");
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s ARTICLE QUERIES1 QUERIES2 ROUNDS BUILDS\n", argv[0]);
        return 2;
    }
    // WWE_BENCH_DUMP=FILE: every query's whole result written to FILE (scores to 17 digits),
    // with and without a facet filter, to compare two builds' answers byte for byte.
    const char* dump_path = std::getenv("WWE_BENCH_DUMP");
    std::vector<double> load_ms, index_ms;
    long rss_delta = 0;
    const int builds = std::atoi(argv[5]);
    for (int b = 0; b < builds; ++b) {
        std::string json = read_file(argv[1]);
        corpus.reset();
        const long rss_before = rss_bytes();
        double l = 0, x = 0;
        if (const int errors = load(json, &l, &x)) {
            std::fprintf(stderr, "%s: %d errors\n", argv[1], errors);
            return 1;
        }
        json.clear();
        json.shrink_to_fit();
        rss_delta = rss_bytes() - rss_before;
        load_ms.push_back(l);
        index_ms.push_back(x);
    }
    if (dump_path) {
        std::FILE* out = std::fopen(dump_path, "w");
        for (int set = 0; set < 2; ++set)
            for (const auto& q : read_lines(argv[2 + set]))
                for (int filtered = 0; filtered < 2; ++filtered) {
                    wwe::QueryRequest request;
                    request.text = q;
                    request.limit = 20;
                    if (filtered) request.facets[corpus->article.facets.front().id].insert(corpus->article.facets.front().values[1].id);
                    const wwe::QueryResult r = wwe::run_query(*corpus, request);
                    std::fprintf(out, "%s|%d total %zu\n", q.c_str(), filtered, r.total);
                    for (const auto& p : r.paragraphs)
                        std::fprintf(out, "  %d %.17g %d %d %d %s\n", p.passage, p.score, static_cast<int>(p.match), p.exact,
                                     static_cast<int>(p.tier), p.snippet.c_str());
                    for (const auto& f : r.counts)
                        for (int n : f) std::fprintf(out, " %d", n);
                    std::fprintf(out, "\n nodes");
                    for (int n : r.nodes) std::fprintf(out, " %d", n);
                    std::fprintf(out, "\n");
                }
        std::fclose(out);
    }
    using clock = std::chrono::steady_clock;
    const int rounds = std::atoi(argv[4]);
    std::vector<double> times[2], cpu[2];
    std::vector<double> matches[2];
    for (int set = 0; set < 2; ++set) {
        const std::vector<std::string> qs = read_lines(argv[2 + set]);
        for (const auto& q : qs) query(q);  // warm-up
        for (int r = 0; r < rounds; ++r)
            for (const auto& q : qs) {
                const auto t0 = clock::now();
                const double c0 = thread_cpu_ms();
                const int n = query(q);
                cpu[set].push_back(thread_cpu_ms() - c0);
                times[set].push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
                if (r == 0) matches[set].push_back(n);
            }
    }
    std::printf("{");
    print_array("load_ms", load_ms);
    print_array("index_ms", index_ms);
    std::printf("\"corpus_bytes\":%zu,\"text_bytes\":%zu,\"rss_delta\":%ld,\"checksum\":%zu,", corpus_bytes, text_bytes,
                rss_delta, checksum);
    print_array("one", times[0]);
    print_array("two", times[1]);
    print_array("one_cpu", cpu[0]);
    print_array("two_cpu", cpu[1]);
    print_array("one_matches", matches[0]);
    print_array("two_matches", matches[1], true);
    std::printf("}\n");
    return 0;
}
#endif
