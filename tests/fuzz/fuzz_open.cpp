// libFuzzer target: the run-time loader, what the app does when the reader opens a file
// (core intent::OpenArticle through Controller::install and problems.cpp's explain), on a
// controller that already shows the fixture article.
// Input: one byte choosing the file's name, then the file's bytes
// (tests/fuzz/corpus/open/, open.dict). The low two bits of the first byte:
//   0 "fuzzed.json" (an article), 1 "fuzzed.txt" (plain text), 2 "fuzzed.md" (Markdown),
//   3 "fuzzed" (no extension: an article when the text starts with '{', else text).
// Seeds start with the digit '0'..'3', whose low bits are the choice.
// Checks: no crash, sanitizer report or leak; no "internal error" (an exception caught by
// the controller); a refused file leaves the article, the view and the article document as
// they were, with at least one error in the report and a summary; an opened file answers a
// query of its own words and its first key term is accepted as a concept.
#include <cstdlib>
#include <string>

#include "fuzz_common.hpp"

namespace {

const char* const kNames[] = {"fuzzed.json", "fuzzed.txt", "fuzzed.md", "fuzzed"};

void check(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string name = kNames[data[0] & 3];
    const std::string text(wwe::fuzz::as_text(data + 1, size - 1));
    std::unique_ptr<wwe::Controller> c = wwe::fuzz::fixture_controller();
    double now = 1.0;
    // A view of the fixture to keep: a search.
    (void)c->apply(wwe::intent::SetQuery{"win"}, wwe::Origin::User, now += 1.0);
    const std::string before_json = c->article_json();
    const wwe::ViewState before_state = c->state();
    const std::uint64_t before_serial = c->article_serial();

    const wwe::Update u = c->apply(wwe::intent::OpenArticle{text, name, ""}, wwe::Origin::User, now += 1.0);
    const wwe::OpenReport& report = c->open_report();
    for (const wwe::Problem& p : report.problems) check(p.message.find("an internal error") == std::string::npos);
    check(!report.summary.empty());
    if (!report.opened) {
        check(report.errors() > 0 && !u.problems.empty());
        check(c->article_json() == before_json && c->state() == before_state && c->article_serial() == before_serial);
        check(!c->notice().empty());
        return 0;
    }
    check(c->article_serial() != before_serial);
    // The new article answers a query of its first words, and a key term becomes a concept.
    const wwe::Article& a = c->corpus().article;
    check(!a.passages.empty());
    nlohmann::json request = {{"text", a.passages.front().text.substr(0, 40)}};
    std::vector<std::string> problems;
    (void)c->query_json(request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), problems);
    const std::vector<wwe::KeyTerm> terms = c->key_terms();
    if (!terms.empty()) {
        const wwe::Update accepted = c->apply(wwe::intent::AcceptTerm{terms.front().label}, wwe::Origin::User, now += 1.0);
        check(accepted.problems.empty());
    }
    (void)c->tick(now + 10.0);
    return 0;
}
