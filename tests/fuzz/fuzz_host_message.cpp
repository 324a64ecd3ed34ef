// libFuzzer target: the host page's postMessage handler on a controller with the fixture.
// Input: the message text (tests/fuzz/corpus/host_message/, json.dict).
// Checks: no crash or sanitizer report; every reply is JSON the page can post back (it
// serialises) and stays small (bounded echo of the request id and of problem lists).
#include <cstdlib>

#include "core/host_protocol.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::unique_ptr<wwe::Controller> c = wwe::fuzz::fixture_controller();
    double now = 1.0;
    auto apply = [&](const wwe::Intent& i) { return c->apply(i, wwe::Origin::Host, now += 1.0); };
    const wwe::HostReply reply = wwe::handle_host_message(*c, wwe::fuzz::as_text(data, size), apply);
    const std::string out = reply.message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (out.empty()) std::abort();
    (void)c->tick(now + 10.0);
    return 0;
}
