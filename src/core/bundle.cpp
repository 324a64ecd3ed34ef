#include "bundle.hpp"

namespace wwe {

namespace {
std::size_t count_of(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}
}  // namespace

std::optional<std::string> bundle_page(std::string_view template_html, std::string_view article_json, std::string& error) {
    const std::string_view begin(kArticleSlotBegin), end(kArticleSlotEnd);
    if (count_of(template_html, begin) != 1 || count_of(template_html, end) != 1) {
        error = "the template must contain " + std::string(begin) + " and " + std::string(end) +
                " exactly once each (is it the standalone page of a build of this version?)";
        return std::nullopt;
    }
    const std::size_t b = template_html.find(begin), e = template_html.find(end);
    if (e < b) {
        error = "the template's article markers are in the wrong order";
        return std::nullopt;
    }
    std::string out;
    out.reserve(template_html.size() + article_json.size());
    out.append(template_html.substr(0, b + begin.size()));
    out += "<script type=\"application/json\" id=\"wwe-article\">";
    for (const char c : article_json) {
        if (c == '<') out += "\\u003c";
        else out += c;
    }
    out += "</script>";
    out.append(template_html.substr(e));
    return out;
}

}  // namespace wwe
