// libFuzzer target: the embed options from the page URL's query string, written back.
// Input: the text after '?' (tests/fuzz/corpus/embed/, embed.dict).
// Checks: no crash or sanitizer report; the options read write a query that reads back into
// the same options with no problem.
#include <cstdlib>

#include "core/embed.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const wwe::Corpus& corpus = wwe::fuzz::fixture_corpus();
    std::vector<wwe::Diagnostic> problems;
    const wwe::EmbedOptions options = wwe::embed_from_query(wwe::fuzz::as_text(data, size), corpus, problems);
    const std::string again = wwe::to_query(options);
    std::vector<wwe::Diagnostic> second;
    (void)wwe::embed_from_query(again, corpus, second);
    if (!second.empty()) std::abort();
    wwe::ViewState state;
    wwe::constrain(state, options, &problems);
    return 0;
}
