#include "host_protocol.hpp"

#include <cmath>

#include "deep_link.hpp"
#include "json_reader.hpp"
#include "text.hpp"

namespace wwe {

using nlohmann::json;

namespace {

const char* type_name(const json& j) {
    switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "a value";
    }
}

std::string shown(const json& j) {
    return utf8_truncate(j.dump(-1, ' ', false, json::error_handler_t::replace), 80);
}

HostReply error(json request_id, const std::string& problem) {
    HostReply r;
    r.message = {{"type", "error"},
                 {"requestId", std::move(request_id)},
                 {"message", "Message not obeyed: " + problem},
                 {"problems", json::array({problem})}};
    return r;
}

}  // namespace

HostReply handle_host_message(const Controller& c, std::string_view text,
                              const std::function<Update(const Intent&)>& apply) {
    if (!c.loaded()) return error(nullptr, "no article is loaded");
    // Only a load message may be larger than a host message's limit (it carries a file).
    const bool big = text.size() > kHostMessageJsonLimits.max_bytes;
    JsonRead read = read_json(text, big ? kHostLoadJsonLimits : kHostMessageJsonLimits);
    if (!read.ok) return error(nullptr, read.problems.front().to_string());
    const json& m = read.value;
    if (!m.is_object()) return error(nullptr, std::string("message: expected an object, found ") + type_name(m));

    // The request id comes back in every answer: only short strings and finite numbers.
    json request_id = nullptr;
    if (const auto it = m.find("requestId"); it != m.end()) {
        const bool ok = (it->is_string() && it->get_ref<const std::string&>().size() <= kMaxRequestIdBytes) ||
                        (it->is_number() && std::isfinite(it->get<double>()));
        if (!ok) {
            return error(nullptr, it->is_string() ? "requestId: expected at most 200 bytes, found " +
                                                        std::to_string(it->get_ref<const std::string&>().size())
                                                  : std::string("requestId: expected a string or a number, found ") +
                                                        type_name(*it));
        }
        request_id = *it;
    }
    const auto version = m.find("version");
    if (version == m.end() || !version->is_number_integer() || version->get<long long>() != kHostProtocolVersion)
        return error(request_id, "version: expected 1, found " + (version == m.end() ? "nothing" : shown(*version)));
    const auto type = m.find("type");
    const std::string kind = type != m.end() && type->is_string() ? type->get<std::string>() : "";
    if (big && kind != "load")
        return error(request_id, "message: expected at most " + std::to_string(kHostMessageJsonLimits.max_bytes) +
                                     " bytes (only a load message may be larger), found " + std::to_string(text.size()));

    HostReply reply;
    json result = nullptr;
    std::vector<std::string> problems;
    if (kind == "setState") {
        const auto state = m.find("state");
        if (state == m.end() || !state->is_object())
            return error(request_id, "state: expected an object (the view state, see getState)");
        reply.update = apply(intent::ApplyState{state->dump()});
        for (const Diagnostic& d : reply.update.problems) problems.push_back(d.to_string());
    } else if (kind == "query") {
        const auto request = m.find("request");
        if (request != m.end() && !request->is_object())
            return error(request_id, "request: expected an object {text, facets}");
        const std::string out = c.query_json(request == m.end() ? "{}" : request->dump(), problems);
        result = json::parse(out, nullptr, /*allow_exceptions=*/false);
    } else if (kind == "highlight") {
        const auto node = m.find("node");
        if (node == m.end() || !node->is_string() || node->get_ref<const std::string&>().size() > kMaxHostNodeIdBytes)
            return error(request_id, "node: expected the id of a concept or entity");
        reply.update = apply(intent::Highlight{node->get<std::string>()});
        for (const Diagnostic& d : reply.update.problems) problems.push_back(d.to_string());
    } else if (kind == "load") {
        const auto file = m.find("text");
        if (file == m.end() || !file->is_string())
            return error(request_id, "text: expected the file's contents as a string (an article's JSON, plain text or Markdown)");
        std::string name = "article.json";
        if (const auto n = m.find("name"); n != m.end()) {
            if (!n->is_string() || n->get_ref<const std::string&>().size() > kMaxHostNodeIdBytes)
                return error(request_id, "name: expected a file name of at most 200 bytes (\"speech.txt\")");
            name = n->get<std::string>();
        }
        reply.update = apply(intent::OpenArticle{file->get<std::string>(), name, ""});
        for (const Diagnostic& d : reply.update.problems) problems.push_back(d.to_string());
        const OpenReport& report = c.open_report();
        json all = json::array();
        for (const Problem& p : report.problems)
            all.push_back({{"severity", p.severity == Severity::Error ? "error" : "warning"},
                           {"message", p.message},
                           {"pointer", p.pointer},
                           {"line", p.line}});
        result = {{"opened", report.opened}, {"summary", report.summary}, {"problems", std::move(all)},
                  {"article", {{"id", c.corpus().article.id}, {"title", c.corpus().article.meta.title}}}};
    } else if (kind != "getState") {
        return error(request_id, "type: expected setState, query, highlight, load or getState, found " +
                                     (type == m.end() ? std::string("nothing") : shown(*type)));
    }
    reply.message = {{"type", "result"},
                     {"requestId", request_id},
                     {"request", kind},
                     {"problems", problems},
                     {"state", to_json(c.state(), c.corpus())},
                     {"fragment", to_fragment(c.state(), c.corpus())}};
    if (kind == "query" || kind == "load") reply.message["result"] = std::move(result);
    return reply;
}

}  // namespace wwe
