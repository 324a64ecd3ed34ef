// Win-Win Explorer core: the host-page protocol — one message of the page embedding the
// explorer, read, checked and turned into intents of origin Host; and the reply to post.
//
// Index
//   - kHostProtocol, kHostProtocolVersion ... the envelope's names
//   - HostReply ............................. what to post back: "result" or "error"
//   - handle_host_message ................... read (json_reader limits), check, apply
//
// Messages (docs/embedding.md, "Host-page API"), each a JSON object
//   {"protocol": "win-win-explorer", "version": 1, "type": ..., "requestId": string|number}
// with, by type:
//   setState   "state": a partial view state       -> intent::ApplyState
//   query      "request": {"text", "facets"}       -> Controller::query_json (no change)
//   highlight  "node": a concept or entity id      -> intent::Highlight
//   load       "text": a file's contents (article JSON, plain text, Markdown), "name": its
//              file name (the kind; default "article.json") -> intent::OpenArticle; the
//              message may be up to 8 MiB (kHostLoadJsonLimits), the others 256 KiB
//   getState   -                                   -> nothing to apply
// Replies:
//   {"type": "result", "requestId", "request": the type, "state", "fragment", "problems",
//    ["result": for query, the JSON of `explorer query --json`; for load {"opened",
//    "summary", "problems": [{"severity", "message", "pointer", "line"}], "article": {"id",
//    "title"}}]}
//   {"type": "error", "requestId" (null when it was unusable), "message", "problems"}
// The transport (the parent window only, the ?origins= allow-list, messages of other
// protocols ignored) is the page's (web/shell.js); everything about the content is here.
#pragma once

#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "controller.hpp"

namespace wwe {

inline constexpr const char* kHostProtocol = "win-win-explorer";
inline constexpr int kHostProtocolVersion = 1;
inline constexpr std::size_t kMaxRequestIdBytes = 200;
inline constexpr std::size_t kMaxHostNodeIdBytes = 200;

struct HostReply {
    nlohmann::json message;  // {"type": "result" | "error", ...} without the envelope
    Update update;           // what the intent changed (nothing for errors, query, getState)
};

// Reads `text` (a message as JSON text) and, when it is valid, applies it through `apply`
// (which must call Controller::apply with Origin::Host at the current time, so the caller
// can react to the Update as it does to every other). `controller` answers the reply's
// state, fragment and queries. Never throws.
HostReply handle_host_message(const Controller& controller, std::string_view text,
                              const std::function<Update(const Intent&)>& apply);

}  // namespace wwe
