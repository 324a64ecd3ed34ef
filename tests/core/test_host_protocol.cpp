// The host-page protocol: messages read with the host limits, checked member by member,
// applied as intents of origin Host; replies with the request id, state and problems.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/host_protocol.hpp"
#include "fixture.hpp"

using namespace wwe;
using nlohmann::json;

namespace {
struct Host {
    Controller c;
    std::vector<Origin> origins;  // of each intent applied
    Host(std::string_view query = "embed") {
        REQUIRE(c.load(test::mini_json()).ok);
        c.open_location(query, "", {}, 0);
    }
    json send(const json& message) { return send_text(message.dump()); }
    json send_text(std::string_view text) {
        return handle_host_message(c, text, [&](const Intent& i) {
                   origins.push_back(Origin::Host);
                   return c.apply(i, Origin::Host, 1);
               }).message;
    }
};
const json kV1 = {{"protocol", "win-win-explorer"}, {"version", 1}};
json msg(json fields) {
    json m = kV1;
    m.update(fields);
    return m;
}
}  // namespace

TEST_CASE("host protocol: setState, highlight, query and getState answer with the state") {
    Host h;
    json r = h.send(msg({{"type", "setState"}, {"requestId", 7}, {"state", {{"view", "map"}, {"query", "security"}}}}));
    CHECK(r["type"] == "result");
    CHECK(r["requestId"] == 7);
    CHECK(r["request"] == "setState");
    CHECK(r["problems"].empty());
    CHECK(r["state"]["view"] == "map");
    CHECK(r["fragment"].get<std::string>().find("q=security") != std::string::npos);
    CHECK(h.c.state().query == "security");
    CHECK(h.origins.size() == 1);

    r = h.send(msg({{"type", "highlight"}, {"requestId", "h"}, {"node", "bri"}}));
    CHECK(r["state"]["selection"]["id"] == "bri");
    r = h.send(msg({{"type", "highlight"}, {"node", "nobody"}}));
    CHECK(r["type"] == "result");
    CHECK(r["requestId"].is_null());
    CHECK(r["problems"].size() == 1);

    r = h.send(msg({{"type", "query"}, {"requestId", "q"}, {"request", {{"facets", {{"front", {"security"}}}}}}}));
    CHECK(r["result"]["paragraphs"].is_array());
    CHECK(h.c.state().query == "security");  // a query changes nothing
    CHECK(h.send(msg({{"type", "getState"}}))["state"]["view"] == "map");
    CHECK(h.origins.size() == 3);
    // An embed shows no notice about the host's requests.
    CHECK(h.c.notice().empty());
}

TEST_CASE("host protocol: invalid messages get an error naming what is wrong, and change nothing") {
    Host h;
    const ViewState before = h.c.state();
    struct Case {
        json message;
        const char* needle;
        bool id_kept;
    };
    const Case cases[] = {
        {msg({{"type", "setState"}, {"requestId", "e1"}, {"state", "view=map"}}), "state:", true},
        {msg({{"type", "explode"}, {"requestId", "e2"}}), "type:", true},
        {json{{"protocol", "win-win-explorer"}, {"version", 2}, {"type", "getState"}, {"requestId", "e3"}}, "version:", true},
        {msg({{"type", "highlight"}, {"requestId", "e4"}, {"node", 42}}), "node:", true},
        {msg({{"type", "getState"}, {"requestId", {{"nested", true}}}}), "requestId:", false},
        {msg({{"type", "getState"}, {"requestId", std::string(5000, 'x')}}), "requestId:", false},
        {msg({{"type", "query"}, {"request", {1, 2}}}), "request:", false},
    };
    for (const Case& k : cases) {
        CAPTURE(k.message.dump().substr(0, 120));
        const json r = h.send(k.message);
        CHECK(r["type"] == "error");
        REQUIRE(r["problems"].size() == 1);
        CHECK(r["problems"][0].get<std::string>().find(k.needle) != std::string::npos);
        CHECK(r["message"].get<std::string>().find("Message not obeyed") == 0);
        CHECK(r["requestId"].is_null() != k.id_kept);
        CHECK(r.dump().size() < 2000);  // nothing big is echoed back
    }
    CHECK(h.c.state() == before);
    CHECK(h.origins.empty());
}

TEST_CASE("host protocol: hostile texts are refused by the reader before anything recursive runs") {
    Host h;
    CHECK(h.send_text(std::string(300000, ' ') + "{}")["type"] == "error");        // too big
    CHECK(h.send_text(std::string(5000, '[') + std::string(5000, ']'))["type"] == "error");  // too deep
    CHECK(h.send_text("{\"protocol\": \"win-win-explorer\", \"version\": 1, \"type\": \"getState\"")["type"] == "error");
    CHECK(h.send_text("\xff\xfe")["type"] == "error");
    CHECK(h.send_text("\"just a string\"")["problems"][0].get<std::string>().find("an object") != std::string::npos);
    Controller none;
    CHECK(handle_host_message(none, "{}", [](const Intent&) { return Update{}; }).message["type"] == "error");
}

TEST_CASE("host protocol: the embed's locks hold against the host, and the reply says so") {
    Host h("embed&lock.front=economic");
    const json r = h.send(msg({{"type", "setState"}, {"requestId", "lock"}, {"state", {{"facets", {{"front", {"security"}}}}}}}));
    CHECK(r["problems"].size() == 1);
    CHECK(r["state"]["facets"] == json{{"front", {"economic"}}});
}

TEST_CASE("host protocol: a message nested too deeply is answered with the depth limit and its requestId") {
    Host h;
    const ViewState before = h.c.state();
    for (const std::size_t depth : {17u, 2500u, 100000u}) {
        CAPTURE(depth);
        const std::string deep = std::string(depth, '[') + std::string(depth, ']');
        for (const std::string& text :
             {"{\"protocol\": \"win-win-explorer\", \"version\": 1, \"type\": \"setState\", \"requestId\": \"deep\", "
              "\"state\": {\"facets\": " + deep + "}}",
              "{\"protocol\": \"win-win-explorer\", \"version\": 1, \"type\": \"setState\", \"state\": {\"facets\": " +
                  deep + "}, \"requestId\": \"deep\"}"}) {
            const json r = h.send_text(text);
            CHECK(r["type"] == "error");
            CHECK(r["requestId"] == "deep");
            REQUIRE(r["problems"].size() == 1);
            CHECK(r["problems"][0] == "message: expected JSON nested at most 16 levels deep, found level 17 at line 1, column " +
                                          std::to_string(text.find('[') + 15));
        }
    }
    // An id that could not be echoed in a valid message is not echoed here either.
    const std::string deep = std::string(3000, '[') + std::string(3000, ']');
    CHECK(h.send_text("{\"requestId\": \"" + std::string(5000, 'x') + "\", \"state\": " + deep + "}")["requestId"].is_null());
    CHECK(h.send_text("{\"requestId\": {\"a\": 1}, \"state\": " + deep + "}")["requestId"].is_null());
    CHECK(h.send_text("{\"x\": {\"requestId\": \"inner\"}, \"state\": " + deep + "}")["requestId"].is_null());
    CHECK(h.send_text("{\"requestId\": 12, \"state\": " + deep)["requestId"] == 12);  // cut short: still read
    CHECK(h.c.state() == before);
    CHECK(h.origins.empty());
}

TEST_CASE("host protocol: a message over the size limit names the limit of its kind") {
    Host h;
    const std::string pad(300000, ' ');
    const std::string set = "{\"protocol\": \"win-win-explorer\", \"version\": 1, \"type\": \"setState\", "
                            "\"requestId\": \"s\", \"state\": {}" + pad + "}";
    json r = h.send_text(set);
    CHECK(r["requestId"] == "s");
    CHECK(r["problems"][0] == "message: expected a message of at most 262144 bytes (256 KiB; only a load message may be "
                              "larger, up to 8 MiB), found " + std::to_string(set.size()) + " bytes");
    const std::string big(9u << 20, 'a');
    const std::string load = "{\"protocol\": \"win-win-explorer\", \"version\": 1, \"type\": \"load\", "
                             "\"requestId\": \"l\", \"text\": \"" + big + "\"}";
    r = h.send_text(load);
    CHECK(r["type"] == "error");
    CHECK(r["requestId"] == "l");
    CHECK(r["problems"][0] == "message: expected a load message of at most 8388608 bytes (8 MiB, the limit of a host "
                              "message carrying a file), found " + std::to_string(load.size()) + " bytes");
    r = h.send_text("{\"type\": \"setState\", \"requestId\": \"g\", \"state\": {\"query\": \"" + big + "\"}}");
    CHECK(r["requestId"] == "g");
    CHECK(r["problems"][0].get<std::string>().rfind("message: expected a message of at most 262144 bytes (256 KiB;", 0) == 0);
    CHECK(h.origins.empty());
}
