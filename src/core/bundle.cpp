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

std::vector<std::string> bundle_template_places(std::string_view program_dir, std::string_view build_dist) {
    std::vector<std::string> places;
    std::string dir(program_dir);
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (!dir.empty()) {
        places.push_back(dir + "/" + kBundleTemplateName);
        places.push_back(dir + "/dist/" + kBundleTemplateName);
        places.push_back(dir + "/../share/win-win-explorer/" + kBundleTemplateName);
    }
    if (!build_dist.empty()) {
        std::string d(build_dist);
        while (d.size() > 1 && d.back() == '/') d.pop_back();
        places.push_back(d + "/" + kBundleTemplateName);
    }
    return places;
}

std::string bundle_template_missing(const std::vector<std::string>& places) {
    std::string out = "no page template (" + std::string(kBundleTemplateName) + ") found; looked in:";
    for (const std::string& p : places) out += "\n  " + p;
    out += "\nbuild the web app first (tools/build-web.sh writes dist/), or give --template PATH/";
    out += kBundleTemplateName;
    return out;
}

}  // namespace wwe
