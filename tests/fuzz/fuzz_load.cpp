// libFuzzer target: an article file loaded, validated, indexed and queried.
// Input: the bytes of a data file (tests/fuzz/corpus/load/ seeds, load.dict).
// Checks: no crash, no sanitizer report, no exception; a file that loads is indexed and
// answers a query made of its own first words and facets.
#include <string>

#include "core/corpus.hpp"
#include "core/load.hpp"
#include "core/query.hpp"
#include "core/search.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wwe::LoadResult r = wwe::load_article(wwe::fuzz::as_text(data, size));
    if (!r.ok()) return 0;
    std::vector<wwe::Diagnostic> warnings;
    const wwe::Corpus corpus = wwe::build_corpus(std::move(*r.article), warnings);
    const wwe::Article& a = corpus.article;
    wwe::QueryRequest request;
    if (!a.passages.empty()) request.text = a.passages.front().text.substr(0, 40);
    if (!a.facets.empty() && !a.facets.front().values.empty())
        request.facets[a.facets.front().id] = {a.facets.front().values.front().id};
    wwe::QueryResult result = wwe::run_query(corpus, request);
    (void)wwe::to_json(corpus, result).dump();
    return 0;
}
