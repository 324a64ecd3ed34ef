// Plain text and Markdown become articles; key terms; concepts added to a document.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/import_text.hpp"
#include "core/load.hpp"
#include "core/text.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

namespace {
std::string data(const char* name) { return test::read_file(std::string(WWE_TEST_DATA) + "/" + name); }

// The imported document, loaded back by the core loader (it must be a valid article).
Corpus load_back(const ImportResult& r) {
    REQUIRE(r.ok());
    LoadResult loaded = load_article(r.article.dump());
    for (const Diagnostic& d : loaded.diagnostics) INFO(d.to_string());
    REQUIRE(loaded.ok());
    std::vector<Diagnostic> warnings;
    return build_corpus(std::move(*loaded.article), warnings);
}

bool has_label(const std::vector<KeyTerm>& terms, const std::string& label) {
    return std::any_of(terms.begin(), terms.end(), [&](const KeyTerm& t) { return t.label == label; });
}
}  // namespace

TEST_CASE("file kinds come from the name's extension, else from the first character") {
    CHECK(file_kind("a.json", "x") == FileKind::Article);
    CHECK(file_kind("notes.MD", "{") == FileKind::Markdown);
    CHECK(file_kind("notes.markdown", "") == FileKind::Markdown);
    CHECK(file_kind("speech.txt", "{ not json") == FileKind::Text);
    CHECK(file_kind("pasted", "  \n{\"format\": 1}") == FileKind::Article);
    CHECK(file_kind("pasted", "Dear friends") == FileKind::Text);
}

TEST_CASE("a plain-text speech: short title lines are the title, paragraphs are passages") {
    ImportOptions o;
    o.name = "speech.txt";
    o.date = "2026-11-28";
    const ImportResult r = import_text(data("speech.txt"), FileKind::Text, o);
    const Corpus c = load_back(r);
    const Article& a = c.article;
    CHECK(a.meta.title == "Opening the Harbour Library");
    CHECK(a.meta.published == "2026-11-28");
    CHECK(a.meta.source == "speech.txt");
    CHECK(a.meta.language == "en");
    CHECK(a.id == "opening-the-harbour-library");
    REQUIRE(a.passages.size() == 8);  // "Thank you." ends with a full stop: a passage
    CHECK(a.passages[0].text.rfind("Friends, neighbours", 0) == 0);
    CHECK(a.passages[1].text.find("\n") == std::string::npos);
    CHECK(a.sections.empty());
    // Key terms were made concepts at once: the map has nodes, mentions are found.
    CHECK(!a.nodes.empty());
    CHECK(a.nodes.size() <= 12);
    CHECK(a.find_node("reading-room") >= 0);
    CHECK(a.find_node("public-library") >= 0);
    CHECK(!c.node_passages[static_cast<std::size_t>(a.find_node("reading-room"))].empty());
    // What the text cannot say is reported, not invented silently.
    auto warned = [&](const char* pointer) {
        return std::any_of(r.problems.begin(), r.problems.end(),
                           [&](const Diagnostic& d) { return d.pointer == pointer && d.severity == Severity::Warning; });
    };
    CHECK(warned("/meta/author/name"));
    CHECK(warned("/meta/language"));
    CHECK(!warned("/meta/published"));
}

TEST_CASE("Markdown: front matter, headings become sections, inline marks go, lists keep bullets") {
    ImportOptions o;
    o.name = "field-notes.md";
    const ImportResult r = import_text(data("field-notes.md"), FileKind::Markdown, o);
    const Corpus c = load_back(r);
    const Article& a = c.article;
    CHECK(a.meta.title == "Field Notes from the Salt Marsh");
    CHECK(a.meta.author.name == "A. Teacher");
    CHECK(a.meta.published == "2026-05-14");
    REQUIRE(a.sections.size() == 3);
    CHECK(a.sections[0].heading == "First visit: the tide");
    CHECK(a.sections[2].id == "s3");
    CHECK(a.passages[0].section == -1);  // the lead, before the first section heading
    const std::string& grass = a.passages[1].text;
    CHECK(grass.find("*") == std::string::npos);
    CHECK(grass.find("salt marsh grass") != std::string::npos);
    bool bullets = false;
    for (const Passage& p : a.passages) bullets = bullets || p.text.find("\u2022 curlew on the mud flats") != std::string::npos;
    CHECK(bullets);
    CHECK(a.find_node("mud-flats") >= 0);
}

TEST_CASE("Markdown details: Setext headings, links, images, code fences, thematic breaks") {
    const char* md =
        "Title Here\n==========\n\nSee [the site](https://example.org) and ![a photo](p.png) now.\n\n"
        "---\n\nPart\n----\n\n```\ncode stays\n```\n\nsnake_case and _emphasis_ and \\*stars\\*.\n";
    const ImportResult r = import_text(md, FileKind::Markdown, {"x.md", "2020", 0});
    const Corpus c = load_back(r);
    const Article& a = c.article;
    CHECK(a.meta.title == "Title Here");
    REQUIRE(a.sections.size() == 1);
    CHECK(a.sections[0].heading == "Part");
    REQUIRE(a.passages.size() == 3);
    CHECK(a.passages[0].text == "See the site and  now.");
    CHECK(a.passages[1].text == "code stays");
    CHECK(a.passages[2].text == "snake_case and emphasis and *stars*.");
}

TEST_CASE("plain text with Markdown headings: the title and section headings lose their # marks") {
    const char* txt =
        "# The Harbour Speech\n\nFriends, the library opens today for every reader of the town.\n\n"
        "## Part two ##\n\nThe reading room keeps its doors open late for the night shift.\n\n"
        "### Closing\n\nThank you all for coming to the harbour this morning.\n";
    const ImportResult r = import_text(txt, FileKind::Text, {"speech.txt", "2026-01-02", 0});
    const Corpus c = load_back(r);
    const Article& a = c.article;
    CHECK(a.meta.title == "The Harbour Speech");
    REQUIRE(a.sections.size() == 2);
    CHECK(a.sections[0].heading == "Part two");
    CHECK(a.sections[1].heading == "Closing");
    CHECK(a.passages.size() == 3);
    for (const Passage& p : a.passages) CHECK(p.text.find('#') == std::string::npos);
}

TEST_CASE("a text without a date gets none (not 1 January 1970), its file's date when given") {
    const char* txt = "Friends, the library opens today for every reader of the town and the harbour.\n";
    const ImportResult none = import_text(txt, FileKind::Text, {"speech.txt", "", 0});
    CHECK(!none.article.at("meta").contains("published"));
    const Corpus c = load_back(none);
    CHECK(c.article.meta.published.empty());
    CHECK(std::any_of(none.problems.begin(), none.problems.end(), [](const Diagnostic& d) {
        return d.pointer == "/meta/published" && d.found.find("1970") == std::string::npos;
    }));
    const ImportResult dated = import_text(txt, FileKind::Text, {"speech.txt", "2026-11-30", 0});
    CHECK(load_back(dated).article.meta.published == "2026-11-30");
}

TEST_CASE("texts that cannot be articles are errors, unwrapped paragraphs are one per line") {
    CHECK(!import_text("", FileKind::Text, {}).ok());
    CHECK(!import_text("# Only a heading\n", FileKind::Markdown, {}).ok());
    const ImportResult bad = import_text("caf\xE9 au lait", FileKind::Text, {});
    REQUIRE(!bad.ok());
    CHECK(bad.problems[0].expected.find("UTF-8") != std::string::npos);
    const std::string line(200, 'a');
    std::string two = "Alpha " + line + ".\nBeta " + line + ".\n";
    const ImportResult r = import_text(two, FileKind::Text, {"lines.txt", "2021-02", 0});
    const Corpus c = load_back(r);
    CHECK(c.article.passages.size() == 2);
    CHECK(c.article.meta.title == "lines");  // no heading: the file's name
}

TEST_CASE("key terms: content words and collocations, no stop words, not already nodes") {
    ImportOptions o;
    o.name = "speech.txt";
    o.date = "2026";
    o.concepts = 0;
    const Corpus c = load_back(import_text(data("speech.txt"), FileKind::Text, o));
    const std::vector<KeyTerm> terms = key_terms(c, 30);
    REQUIRE(!terms.empty());
    CHECK(has_label(terms, "harbour"));
    CHECK(has_label(terms, "reading room"));
    CHECK(has_label(terms, "fishing families"));
    for (const KeyTerm& t : terms) {
        CHECK(t.label != "the");
        CHECK(t.label != "and");
        CHECK(t.passages >= 2);
    }
    // The mini article's own node names are no suggestions.
    const Corpus mini = test::mini_corpus();
    for (const KeyTerm& t : key_terms(mini, 50)) CHECK(t.label != "security");
}

TEST_CASE("add_concept: a unique id, the term type added when missing, the result loads") {
    json doc = json::parse(test::mini_json());
    std::vector<Diagnostic> problems;
    REQUIRE(add_concept(doc, {"Security", 3, 2}, problems));
    REQUIRE(add_concept(doc, {"security", 3, 2}, problems));
    const json& concepts = doc["concepts"];
    CHECK(concepts[concepts.size() - 2]["id"] == "security");
    CHECK(concepts[concepts.size() - 1]["id"] == "security-2");
    LoadResult loaded = load_article(doc.dump());
    CHECK(loaded.ok());
    json empty = json::object();
    CHECK(!add_concept(empty, {"x", 1, 1}, problems));
}

TEST_CASE("key terms in the text's language: French and Russian stop words, stems and folding") {
    // No concepts made at import: every key term stays a suggestion of key_terms().
    auto terms_of = [](const char* name, std::string& language) {
        ImportOptions o;
        o.name = name;
        o.date = "2026-12-01";
        o.concepts = 0;
        const Corpus c = load_back(import_text(data(name), FileKind::Text, o));
        language = c.article.meta.language;
        return key_terms(c, 60);
    };
    auto find = [](const std::vector<KeyTerm>& terms, const char* label) -> const KeyTerm* {
        for (const KeyTerm& t : terms)
            if (fold_text(t.label) == label) return &t;
        return nullptr;
    };
    SUBCASE("French: the language guessed from its stop words, French function words left out") {
        std::string language;
        const std::vector<KeyTerm> terms = terms_of("riviere.txt", language);
        CHECK(language == "fr");
        for (const char* stop : {"nous", "dans", "pour", "avec", "cette", "sont", "des", "les", "une", "ont"})
            CHECK_MESSAGE(find(terms, stop) == nullptr, stop);
        // "rivière" and "rivières" are one term (the French stemmer), counted together.
        const KeyTerm* river = find(terms, "rivière");
        REQUIRE(river != nullptr);
        CHECK(river->count == 7);
        CHECK(find(terms, "jardins partagés") != nullptr);
        CHECK(find(terms, "eau") != nullptr);  // l'eau: the elision split off
    }
    SUBCASE("Russian: inflected forms are one term, Russian function words left out") {
        std::string language;
        const std::vector<KeyTerm> terms = terms_of("biblioteka.txt", language);
        CHECK(language == "ru");
        for (const char* stop : {"это", "для", "мы", "все", "они", "без", "здесь"})
            CHECK_MESSAGE(find(terms, stop) == nullptr, stop);
        // библиотеку, библиотека, библиотеке: one term, labelled with its most frequent form.
        const KeyTerm* library = find(terms, "библиотеку");
        REQUIRE(library != nullptr);
        CHECK(library->count == 6);
        CHECK(library->passages == 6);
        const KeyTerm* pair = find(terms, "городская библиотека");
        REQUIRE(pair != nullptr);
        CHECK(pair->count == 3);  // городскую библиотеку, Городская библиотека, городская библиотека
    }
    SUBCASE("Arabic: function words and their prefixed forms left out, content words kept") {
        const std::string text =
            "التعاون في التجارة والطاقة يفتح أبوابا جديدة للتنمية، وفي كل بلد من البلدان التي نعرفها.\n\n"
            "التعاون بين الشعوب هو الطريق إلى السلام، ومن دون التعاون لا يتحقق الأمن الذي نريده.\n\n"
            "والتي تعمل من أجل التعاون في المنطقة هي الشعوب نفسها، فإن التعاون يبني الأمن.\n\n"
            "وهو التعاون الذي يحمي الجميع في كل مكان، ولا أمن بلا تنمية ولا تنمية بلا أمن.\n";
        ImportOptions o;
        o.name = "taawun.txt";
        o.concepts = 0;
        const Corpus c = load_back(import_text(text, FileKind::Text, o));
        CHECK(c.article.meta.language == "ar");
        const std::vector<KeyTerm> terms = key_terms(c, 60);
        for (const char* stop : {"في", "من", "هو", "هي", "التي", "الذي", "وفي", "ومن", "والتي", "وهو", "فإن", "ولا",
                                 "لا", "كل", "بين", "إلى"})
            CHECK_MESSAGE(find(terms, stop) == nullptr, stop);
        CHECK(find(terms, "التعاون") != nullptr);
    }
    SUBCASE("an article's own stop list is used for its key terms") {
        ImportOptions o;
        o.name = "riviere.txt";
        o.concepts = 0;
        ImportResult r = import_text(data("riviere.txt"), FileKind::Text, o);
        REQUIRE(r.ok());
        r.article["stop_words"] = json::array({"rivière", "rivières"});
        LoadResult loaded = load_article(r.article.dump());
        REQUIRE(loaded.ok());
        std::vector<Diagnostic> ignored;
        const Corpus c = build_corpus(std::move(*loaded.article), ignored);
        const std::vector<KeyTerm> terms = key_terms(c, 60);
        CHECK(find(terms, "rivière") == nullptr);
        CHECK(find(terms, "eau") != nullptr);
    }
}
