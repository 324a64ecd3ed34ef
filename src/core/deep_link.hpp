// Win-Win Explorer core: deep links — the view state in a URL fragment.
//
// Index
//   - to_fragment ....... ViewState -> "ver=2&v=reader&f.front=security,economic&q=..."
//   - from_fragment ..... fragment -> ViewState, every bad part reported and skipped
//   - parse_url_parameters, split_list ... the name=value syntax (also embed options)
//   - percent_encode / percent_decode (RFC 3986)
//
// Format (docs/embedding.md), parameters in this order, each optional:
//   ver=<n>                  the view-state version the link was made with (current: 2;
//                            a link without it is version 1, whose map viewport is not kept)
//   v=<view>                 the view (default reader)
//   f.<facet>=<v1>,<v2>      chosen values of one facet (ids from the data)
//   q=<text>                 search text, percent-encoded UTF-8
//   sel=<kind>:<id>          selection: concept, entity, passage, event, relation, or
//                            cooccurrence:<node>,<node> (an edge of shared passages)
//   p=<passage id>           the passage the reader shows
//   e=<edges>                map edges: relations (default), cooccurrence, both
//   w=<n>                    map: minimum co-occurrence weight (default 2)
//   d=<n>                    map: hops kept bright around the selection (default 1)
//   c=<facet>                map: nodes coloured by this facet (default: by type)
//   s=<n>                    map: layout seed (default 1)
//   pin=<node>:<x>:<y>,...   map: pinned nodes, layout units
//   mv=<x>,<y>,<zoom>        map viewport relative to the fitted view (default: fit)
//   mr=<facet>, mc=<facet>   matrix rows and columns (default: the first two facets)
//   t=<begin>,<end>          timeline: the visible years (default: all events)
//   art=<article id>         the article the link was made for (Article::id); a link for
//                            another article is reported and its default view shown, so
//                            its facets and ids never apply to the wrong article (a link
//                            without it, from before it existed, applies as it is)
// Ids are [a-z0-9_-] and appear as they are; everything else is percent-encoded. A leading
// "#" is ignored. Unknown parameters, unknown ids, bad percent escapes, numbers out of
// range and invalid UTF-8 are reported (pointer = the parameter) and skipped, so a stale
// link still opens.
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

// The article id a link was made for (its art= parameter, decoded), "" when it names none.
std::string link_article_id(std::string_view fragment);

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
