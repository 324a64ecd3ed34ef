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
