#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/export.hpp"
#include "fixture.hpp"

using namespace wwe;

namespace {
int count(const std::string& s, const std::string& what) {
    int n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}
}  // namespace

TEST_CASE("citations and cited Markdown") {
    Corpus c = test::mini_corpus();
    CHECK(citation(c, 2) == "A. Writer, \u201cA Small Test Article\u201d, Test Times, May 2020, \u00b63");
    std::string md = passages_markdown(c, {2, 0}, "Front: Economic");
    CHECK(md.rfind("# A Small Test Article\n", 0) == 0);
    CHECK(md.find("Front: Economic") != std::string::npos);
    CHECK(md.find("2 passages.") != std::string::npos);
    CHECK(count(md, "\n> ") == 2);
    CHECK(count(md, "\u2014 A. Writer") == 2);
    CHECK(md.find("\u00b63\n") < md.find("\u00b61\n"));  // the order given
    CHECK(md.find("development & trade \\<fast\\>") != std::string::npos);  // escaped
    CHECK(passages_markdown(c, {}, "").find("0 passages.") != std::string::npos);
    // The article's own citation leaves out what a text opened at run time lacks.
    CHECK(work_citation(c.article.meta) == "A. Writer, \u201cA Small Test Article\u201d, Test Times, May 2020");
    Meta bare;
    bare.title = "Field notes";
    CHECK(work_citation(bare) == "\u201cField notes\u201d");
    c.article.meta.author.name.clear();
    c.article.meta.outlet.clear();
    CHECK(citation(c, 0) == "\u201cA Small Test Article\u201d, May 2020, \u00b61");
}

TEST_CASE("entities CSV, RFC 4180") {
    Corpus c = test::mini_corpus();
    int bri = c.article.find_node("bri"), aiib = c.article.find_node("aiib");
    std::string csv = entities_csv(c, {bri, aiib, 99});
    CHECK(csv.rfind("id,label,type,mentions,passages,description\r\n", 0) == 0);
    CHECK(count(csv, "\r\n") == 3);
    CHECK(csv.find("bri,Belt and Road Initiative,initiative,1,3,An initiative.\r\n") != std::string::npos);
    SUBCASE("quoting") {
        nlohmann::json j = nlohmann::json::parse(test::mini_json());
        j["entities"][0]["description"] = "Says \"yes\", twice";
        LoadResult r = load_article(j.dump());
        std::vector<Diagnostic> w;
        Corpus q = build_corpus(std::move(*r.article), w);
        CHECK(entities_csv(q, {bri}).find(",\"Says \"\"yes\"\", twice\"\r\n") != std::string::npos);
    }
}

TEST_CASE("map SVG: vector shapes, labels as text, escaped") {
    SvgMap m;
    m.width = 200;
    m.height = 100;
    m.title = "Map <of> ideas";
    m.nodes.push_back({10, 20, 5, 0x336699, false, 1, "win & win"});
    m.nodes.push_back({100, 50, 8, 0x993333, true, 0.3f, "\xe4\xb8\x80\xe5\xb8\xa6"});
    m.edges.push_back({0, 1, 1.5f, 0x777777, 0.5f, true, "instead of"});
    m.edges.push_back({0, 7, 1, 0, 1, false, "dangling"});  // skipped
    std::string svg = map_svg(m);
    CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(svg.find("<title>Map &lt;of&gt; ideas</title>") != std::string::npos);
    CHECK(svg.find(">win &amp; win</text>") != std::string::npos);
    CHECK(svg.find(">\xe4\xb8\x80\xe5\xb8\xa6</text>") != std::string::npos);
    CHECK(count(svg, "<circle") == 1);
    CHECK(count(svg, "<rect x=") == 1);
    CHECK(count(svg, "<line") == 1);
    CHECK(count(svg, "<path class=\"arrow\"") == 1);  // an arrowhead, SVG 1.1
    CHECK(svg.find("context-stroke") == std::string::npos);
    CHECK(svg.find(">instead of</text>") != std::string::npos);
    CHECK(svg.find("dangling") == std::string::npos);
    CHECK(svg.find("fill-opacity=\"0.3\"") != std::string::npos);
}

TEST_CASE("map SVG: a caption band under the map, in the theme's colours") {
    SvgMap m;
    m.width = 300;
    m.height = 200;
    m.nodes.push_back({10, 20, 5, 0x336699, false, 1, "node"});
    CHECK(m.caption_height() == 0);
    CHECK(map_svg(m).find("height=\"200\" viewBox=\"0 0 300 200\"") != std::string::npos);
    CHECK(map_svg(m).find("class=\"caption\"") == std::string::npos);
    m.caption = "Title & <more>";
    m.credit = "A. Writer, Test Times";
    m.text_color = 0xEEEEEE;
    m.muted_color = 0xAAAAAA;
    const float band = m.caption_height();
    CHECK(band > 30);
    const std::string svg = map_svg(m);
    // Taller by the band; the caption below the map's own height.
    CHECK(svg.find("viewBox=\"0 0 300 " + std::to_string(static_cast<int>(200 + band))) != std::string::npos);
    CHECK(svg.find(">Title &amp; &lt;more&gt;</text>") != std::string::npos);
    CHECK(svg.find(">A. Writer, Test Times</text>") != std::string::npos);
    CHECK(svg.find("<g class=\"labels\" fill=\"#EEEEEE\">") != std::string::npos);
    m.credit.clear();
    CHECK(m.caption_height() < band);
    // A second line of credit; a line too long for the width is cut with an ellipsis.
    m.credit = "A. Writer\n" + std::string(400, 'x');
    const std::string two = map_svg(m);
    CHECK(m.caption_height() > band);
    CHECK(two.find(">A. Writer</text>") != std::string::npos);
    CHECK(two.find("x\u2026</text>") != std::string::npos);
    CHECK(two.find(std::string(400, 'x')) == std::string::npos);
}

TEST_CASE("map SVG: right-to-left labels and caption keep their logical text with direction rtl") {
    // The SVG viewer orders and shapes the text (bidi, Arabic joining); the SVG says which
    // labels start right to left, keeping x their left edge (the canvas placed the box there).
    SvgMap m;
    m.width = 300;
    m.height = 200;
    const std::string arabic = "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86";  // الأمن
    m.nodes.push_back({10, 20, 5, 0x336699, false, 1, arabic + " 2030"});
    m.nodes.push_back({60, 20, 5, 0x336699, false, 1, "UN " + arabic});
    m.edges.push_back({0, 1, 1, 0x777777, 1, true, arabic});
    m.caption = arabic;
    m.credit = "A. Writer";
    const std::string svg = map_svg(m);
    CHECK(svg.find("direction=\"rtl\" text-anchor=\"end\">" + arabic + " 2030</text>") != std::string::npos);
    // A label that starts left to right is left alone (the viewer reorders the Arabic in it).
    CHECK(svg.find("\">UN " + arabic + "</text>") != std::string::npos);
    CHECK(svg.find("text-anchor=\"middle\" direction=\"rtl\"") != std::string::npos);
    // The caption stands at the right edge; the Latin credit at the left.
    CHECK(svg.find("<text x=\"288\" y=\"") != std::string::npos);
    CHECK(svg.find("direction=\"rtl\" text-anchor=\"start\" font-size=\"15\"") != std::string::npos);
    CHECK(svg.find("<text x=\"12\" y=\"") != std::string::npos);
    CHECK(svg.find(" font-size=\"11\" fill=\"#") != std::string::npos);
}

TEST_CASE("map SVG: the export frame — the map clipped to its area, measured labels and caption lines kept inside") {
    SvgMap m;
    m.width = 360;
    m.height = 300;
    m.nodes.push_back({350, 295, 12, 0x336699, false, 1, "common interests"});  // half out of the area
    m.nodes.back().label_placed = true;
    m.nodes.back().label_x = 200;
    m.nodes.back().label_y = 270;
    m.nodes.back().label_size = 13;
    m.nodes.back().label_width = 112;
    m.caption = "Build a New Type of International Relations Featuring Win-Win Cooperation";
    m.credit = "Wang Yi, Study Times, 20 June 2016 \xC2\xB7 concept map, Win-Win Explorer\n"
               "https://www.fmprc.gov.cn/mfa_eng/wjdt_665385/zyjh_665391/201606/t20160620_678182.html";
    // 8 px a character at 15 px bold, 6 px at 11 px.
    m.measure = [](std::string_view text, float px, bool bold) {
        float chars = 0;
        for (const char c : text)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) chars += 1;
        return chars * (bold ? 8.0f : 6.0f) * px / (bold ? 15.0f : 11.0f);
    };
    const std::string svg = map_svg(m);
    // Edges, nodes and labels are clipped to the map's area: nothing reaches the band.
    CHECK(svg.find("<clipPath id=\"map-area\"><rect width=\"360\" height=\"300\"/></clipPath>") != std::string::npos);
    CHECK(svg.find("<g class=\"map\" clip-path=\"url(#map-area)\">") < svg.find("<g class=\"edges\""));
    CHECK(svg.find("</g>\n</g>\n<g class=\"caption\">") != std::string::npos);
    // A label keeps the width the UI measured, in the UI's size, whatever font draws it.
    CHECK(svg.find("font-size=\"13\" textLength=\"112\" lengthAdjust=\"spacingAndGlyphs\">common interests</text>") !=
          std::string::npos);
    // The caption and the address wrap into lines that fit between the margins.
    const std::vector<CaptionLine> lines = caption_lines(m);
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0].bold);
    CHECK(lines[0].text.rfind("Build a New Type", 0) == 0);
    std::string caption, address;
    for (const CaptionLine& l : lines) {
        CAPTURE(l.text);
        CHECK(l.width <= 360 - 24);
        CHECK(l.width == doctest::Approx(m.measure(l.text, l.bold ? 15 : 11, l.bold)));
        CHECK(svg.find(">" + xml_escape(l.text) + "</text>") != std::string::npos);
        CHECK(svg.find("textLength=\"" + std::to_string(static_cast<int>(l.width))) != std::string::npos);
        if (l.bold) caption += (caption.empty() ? "" : " ") + l.text;
        if (l.text.find("://") != std::string::npos || (!address.empty() && !l.bold)) address += l.text;
    }
    CHECK(caption == m.caption);  // wrapped at spaces, nothing lost
    // The address breaks after a '/', whole again when its lines are put together.
    CHECK(address == "https://www.fmprc.gov.cn/mfa_eng/wjdt_665385/zyjh_665391/201606/t20160620_678182.html");
    // The band is as tall as its lines.
    CHECK(m.caption_height() > 26 + 21 * 2 + 15 * 2);
}
