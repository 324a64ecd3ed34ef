// libFuzzer target: the plain-text and Markdown import (core import_text), then the corpus
// built from the article it makes and the key terms suggested for it.
// Input: one byte choosing the kind (its low bit: 0 plain text, 1 Markdown; seeds start with
// the digit '0' or '1'), then the text (tests/fuzz/corpus/import/, import.dict).
// Checks: no crash, sanitizer report, leak or exception; a refused text says why (an
// error); an imported one is an article load_article accepts with no error, indexes, and
// whose key terms are well formed (a label, counts that agree) and each become a concept
// the article still loads with.
#include <cstdlib>
#include <string>

#include "core/corpus.hpp"
#include "core/import_text.hpp"
#include "core/load.hpp"
#include "fuzz_common.hpp"

namespace {

void check(bool condition) {
    if (!condition) std::abort();
}

bool no_error(const std::vector<wwe::Diagnostic>& ds) {
    for (const wwe::Diagnostic& d : ds)
        if (d.severity == wwe::Severity::Error) return false;
    return true;
}

// Loads and indexes `doc`; aborts when it has an error.
wwe::Corpus load(const nlohmann::json& doc) {
    wwe::LoadResult r = wwe::load_article(doc.dump(2));
    check(r.ok() && no_error(r.diagnostics));
    std::vector<wwe::Diagnostic> warnings;
    wwe::Corpus corpus = wwe::build_corpus(std::move(*r.article), warnings);
    check(no_error(warnings));
    return corpus;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const wwe::FileKind kind = (data[0] & 1) ? wwe::FileKind::Markdown : wwe::FileKind::Text;
    wwe::ImportOptions options;
    options.name = kind == wwe::FileKind::Markdown ? "fuzzed.md" : "fuzzed.txt";
    wwe::ImportResult imported = wwe::import_text(wwe::fuzz::as_text(data + 1, size - 1), kind, options);
    if (!imported.ok()) {
        check(!no_error(imported.problems));
        return 0;
    }
    check(no_error(imported.problems));
    const wwe::Corpus corpus = load(imported.article);
    const std::vector<wwe::KeyTerm> terms = wwe::key_terms(corpus, 30);
    check(terms.size() <= 30);
    for (const wwe::KeyTerm& t : terms) check(!t.label.empty() && t.passages >= 1 && t.count >= t.passages);
    // Every suggestion can be accepted (the reader's "make it a concept").
    nlohmann::json doc = imported.article;
    std::vector<wwe::Diagnostic> problems;
    for (std::size_t k = 0; k < terms.size() && k < 3; ++k) check(wwe::add_concept(doc, terms[k], problems));
    check(problems.empty());
    if (!terms.empty()) (void)load(doc);
    return 0;
}
