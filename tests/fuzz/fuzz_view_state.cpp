// libFuzzer target: a view state from JSON (setState, tour steps), read through the core's
// JSON reader with the view-state limits, then written back.
// Input: a JSON text (tests/fuzz/corpus/view_state/, json.dict).
// Checks: no crash or sanitizer report; the state read writes JSON that reads back into
// the same state with no problem.
#include <cstdlib>

#include "core/json_reader.hpp"
#include "core/view_state.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const wwe::Corpus& corpus = wwe::fuzz::fixture_corpus();
    wwe::JsonRead read = wwe::read_json(wwe::fuzz::as_text(data, size), wwe::kViewStateJsonLimits);
    if (!read.ok) return 0;
    std::vector<wwe::Diagnostic> problems;
    const wwe::ViewState state = wwe::view_state_from_json(read.value, corpus, {}, problems);
    const nlohmann::json written = wwe::to_json(state, corpus);
    std::vector<wwe::Diagnostic> second;
    const wwe::ViewState reread = wwe::view_state_from_json(written, corpus, {}, second);
    if (!second.empty() || !(reread == state)) std::abort();
    return 0;
}
