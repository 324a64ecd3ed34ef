// Win-Win Explorer core: deep links — the view state in a URL fragment.
//
// Index
//   - to_fragment ....... ViewState -> "v=reader&f.front=security,economic&q=..."
//   - from_fragment ..... fragment -> ViewState, every bad part reported and skipped
//   - parse_url_parameters, split_list ... the name=value syntax (also embed options)
//   - percent_encode / percent_decode (RFC 3986)
//
// Format (docs/embedding.md), parameters in this order, each optional:
//   v=<view>                 the view (default reader)
//   f.<facet>=<v1>,<v2>      chosen values of one facet (ids from the data)
//   q=<text>                 search text, percent-encoded UTF-8
//   sel=<kind>:<id>          selection: concept, entity, passage or event
//   p=<passage id>           the passage the reader shows
//   e=<edges>                map edges: relations (default), cooccurrence, both
//   w=<n>                    map: minimum co-occurrence weight (default 2)
//   d=<n>                    map: hops kept bright around the selection (default 1)
//   mv=<x>,<y>,<zoom>        map viewport (default: fit)
//   mr=<facet>, mc=<facet>   matrix rows and columns (default: the first two facets)
// Ids are [a-z0-9_-] and appear as they are; everything else is percent-encoded. A leading
// "#" is ignored. Unknown parameters, unknown ids, bad percent escapes and invalid UTF-8
// are reported (pointer = the parameter) and skipped, so a stale link still opens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "view_state.hpp"

namespace wwe {

std::string to_fragment(const ViewState& state, const Corpus& corpus);

// Parameters the link leaves out take their value from `defaults` (an embed starts on its
// first offered view, see embed.hpp).
ViewState from_fragment(std::string_view fragment, const Corpus& corpus, std::vector<Diagnostic>& problems,
                        const ViewState& defaults = {});

// One name=value pair of a URL's query or fragment, percent-decoded and valid UTF-8.
struct UrlParameter {
    std::string key, value;
    std::string where;       // for messages: prefix + the (raw, shortened) name, e.g. "#q"
    bool has_value = false;  // "name=" or "name=x" (false for a bare "name")
};
// Splits "a=1&b=2" into parameters (empty parts skipped). Parts with bad percent escapes or
// invalid UTF-8 are reported (pointer = `prefix` + name) and left out.
std::vector<UrlParameter> parse_url_parameters(std::string_view text, const std::string& prefix,
                                               std::vector<Diagnostic>& problems);
// "a,b,,c" -> {"a", "b", "c"} (empty items dropped).
std::vector<std::string> split_list(const std::string& value);

// Percent-encodes all but RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string percent_encode(std::string_view text);
// Decodes %XX escapes ('+' stays '+'); false on a malformed escape.
bool percent_decode(std::string_view text, std::string& out);

}  // namespace wwe
