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

// The envelope's "requestId" and "type" of a message read_json refused (too large, too
// deep): nlohmann's SAX parser is iterative, so this flat pass is safe at any depth; it
// keeps only top-level scalars and stops at a syntax error with what it found so far.
class EnvelopeScan final : public nlohmann::json_sax<json> {
public:
    json request_id = nullptr;  // when a usable one was read: a short string or a finite number
    std::string type;           // "" when none was read

    bool null() override { return value(nullptr); }
    bool boolean(bool b) override { return value(b); }
    bool number_integer(number_integer_t n) override { return value(n); }
    bool number_unsigned(number_unsigned_t n) override { return value(n); }
    bool number_float(number_float_t n, const string_t&) override { return value(std::isfinite(n) ? json(n) : json()); }
    bool string(string_t& s) override { return value(s.size() <= kMaxRequestIdBytes ? json(s) : json()); }
    bool binary(binary_t&) override { return value(nullptr); }
    bool start_object(std::size_t) override { return open(); }
    bool key(string_t& k) override {
        if (depth_ == 1) key_ = k.size() <= 16 ? k : "";
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    int depth_ = 0;
    std::string key_;
    bool open() {
        if (depth_ == 1) key_.clear();  // an object or array member: neither id nor type
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }
    bool value(json v) {
        if (depth_ != 1) return true;
        if (key_ == "requestId") request_id = v.is_string() || v.is_number() ? std::move(v) : json();
        else if (key_ == "type" && v.is_string()) type = v.get<std::string>();
        key_.clear();
        return true;
    }
};

EnvelopeScan scan_envelope(std::string_view text) {
    EnvelopeScan scan;
    try {
        json::sax_parse(text, &scan);
    } catch (const std::exception&) {  // an allocation failure: whatever was read
    }
    return scan;
}

std::string kib(std::size_t bytes) {
    return bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes >> 10) + " KiB";
}

}  // namespace

HostReply handle_host_message(const Controller& c, std::string_view text,
                              const std::function<Update(const Intent&)>& apply) {
    if (!c.loaded()) return error(nullptr, "no article is loaded");
    // Only a load message may be larger than a host message's limit (it carries a file).
    const bool big = text.size() > kHostMessageJsonLimits.max_bytes;
    if (text.size() > kHostLoadJsonLimits.max_bytes) {  // too large even for a load message
        const EnvelopeScan scan = scan_envelope(text);
        const std::size_t limit = (scan.type == "load" ? kHostLoadJsonLimits : kHostMessageJsonLimits).max_bytes;
        return error(scan.request_id,
                     "message: expected " +
                         std::string(scan.type == "load" ? "a load message of at most " : "a message of at most ") +
                         std::to_string(limit) + " bytes (" + kib(limit) +
                         (scan.type == "load" ? ", the limit of a host message carrying a file"
                                              : "; only a load message may be larger, up to " +
                                                    kib(kHostLoadJsonLimits.max_bytes)) +
                         "), found " + std::to_string(text.size()) + " bytes");
    }
    JsonRead read = read_json(text, big ? kHostLoadJsonLimits : kHostMessageJsonLimits);
    if (!read.ok) {  // still answer to the request: its id read by a pass that cannot overflow
        const Diagnostic& d = read.problems.front();
        return error(scan_envelope(text).request_id, "message: expected " + d.expected + ", found " + d.found);
    }
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
        return error(request_id, "message: expected a message of at most " +
                                     std::to_string(kHostMessageJsonLimits.max_bytes) + " bytes (" +
                                     kib(kHostMessageJsonLimits.max_bytes) +
                                     "; only a load message may be larger, up to " +
                                     kib(kHostLoadJsonLimits.max_bytes) + "), found " + std::to_string(text.size()) +
                                     " bytes");

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
