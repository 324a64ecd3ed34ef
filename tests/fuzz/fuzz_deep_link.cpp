// libFuzzer target: the deep-link decoder (a URL fragment into a view state) and back.
// Input: the text after '#' (tests/fuzz/corpus/deep_link/, deep_link.dict).
// Checks: no crash or sanitizer report; the state read writes a fragment that reads back
// into the same state with no problem (the link the app shares is always understood).
#include <cstdlib>

#include "core/deep_link.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const wwe::Corpus& corpus = wwe::fuzz::fixture_corpus();
    std::vector<wwe::Diagnostic> problems;
    const wwe::ViewState state = wwe::from_fragment(wwe::fuzz::as_text(data, size), corpus, problems);
    const std::string again = wwe::to_fragment(state, corpus);
    std::vector<wwe::Diagnostic> second;
    const wwe::ViewState reread = wwe::from_fragment(again, corpus, second);
    if (!second.empty() || !(reread == state)) std::abort();  // a written link must read back
    return 0;
}
