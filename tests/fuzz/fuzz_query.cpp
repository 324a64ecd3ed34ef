// libFuzzer target: the query parser with search, hit spans and snippets.
// Input: the search box's text (tests/fuzz/corpus/query/, query.dict).
// Checks: no crash or sanitizer report; every hit span lies inside its passage's text and
// every snippet is valid UTF-8.
#include <cstdlib>

#include "core/search.hpp"
#include "core/text.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const wwe::Corpus& corpus = wwe::fuzz::fixture_corpus();
    const std::string_view text = wwe::fuzz::as_text(data, size);
    const wwe::SearchQuery query = wwe::parse_query(corpus, text);
    const std::vector<wwe::SearchHit> hits = wwe::search(corpus, query);
    for (const wwe::SearchHit& hit : hits) {
        const std::string& passage = corpus.article.passages.at(static_cast<std::size_t>(hit.passage)).text;
        const std::vector<wwe::Span> spans = wwe::hit_spans(corpus, query, hit.passage);
        for (const wwe::Span& s : spans)
            if (s.begin > s.end || s.end > passage.size()) std::abort();
        const std::string snippet = wwe::make_snippet(passage, spans);
        if (wwe::utf8_invalid_at(snippet) != std::string_view::npos) std::abort();
    }
    return 0;
}
