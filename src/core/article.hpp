// Win-Win Explorer core: the annotated article model.
//
// Index
//   - Ids and small types ........ NodeKind, Alias, FacetTags
//   - Text ........................ Meta, Section, Passage
//   - Facets ...................... Facet, FacetValue
//   - Concept map ................. NodeType, Node, RelationType, Relation
//   - Dated and counted facts ..... Event, Quantity
//   - Article ..................... the whole file, with id look-ups
//
// Shapes follow docs/data-format.md (format version 1) one to one. All strings are UTF-8.
// Cross references are kept as indices into the Article's vectors once loaded (the loader
// resolves every id and refuses dangling ones), so views never look ids up per frame.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wwe {

inline constexpr int kFormatVersion = 1;
inline constexpr const char* kFormatName = "win-win-explorer/article";
inline constexpr const char* kSectionFacetId = "section";  // built from Article::sections

//------------------------------------------------------------------------------------------
// Ids and small types
//------------------------------------------------------------------------------------------

enum class NodeKind : std::uint8_t { Concept, Entity };
const char* to_string(NodeKind kind);  // "concept" / "entity"

enum class AliasKind : std::uint8_t {
    Variant,       // another surface form in the text; must occur (warning otherwise)
    Abbreviation,  // searched for in the text, need not occur ("AIIB")
    Translation,   // a term in another language (`lang`), for search and display only
};
const char* to_string(AliasKind kind);

struct Alias {
    std::string text;
    AliasKind kind = AliasKind::Variant;
    std::string lang;  // BCP 47; required for translations, else empty
};

// Facet tags of a passage or node: facet index -> sorted value indices of that facet.
using FacetTags = std::map<int, std::vector<int>>;

//------------------------------------------------------------------------------------------
// Text
//------------------------------------------------------------------------------------------

struct Author {
    std::string name;
    std::string role;  // may be empty
};

struct Meta {
    std::string title;
    std::string subtitle;   // may be empty
    Author author;
    std::string outlet;
    std::string published;  // ISO 8601 date, precision as given ("2016-06-20"); "" = not known
    std::string posted;     // may be empty
    std::string publisher;  // may be empty
    std::string source;
    std::string language;   // BCP 47
};

struct Section {
    std::string id;
    int number = 0;  // from 1
    std::string heading;
    std::string label;
};

struct Passage {
    std::string id;
    int section = -1;  // index into Article::sections; -1 for a lead before the first heading
    std::string text;
    FacetTags facets;  // includes the built-in section facet
};

//------------------------------------------------------------------------------------------
// Facets
//------------------------------------------------------------------------------------------

struct FacetValue {
    std::string id;
    std::string label;
    std::string description;
};

struct Facet {
    std::string id;
    std::string label;
    std::string description;
    std::vector<FacetValue> values;
    bool built_in = false;  // true for the section facet, which the loader builds

    // Index of the value with this id, or -1.
    int find_value(const std::string& value_id) const;
};

//------------------------------------------------------------------------------------------
// Concept map: nodes (concepts and entities) and typed relations
//------------------------------------------------------------------------------------------

// The shape a map draws a node group with.
enum class NodeShape { Circle, Square, Diamond, Triangle, Hexagon };
const char* to_string(NodeShape shape);
// The shape named `name` ("circle", "square", "diamond", "triangle", "hexagon"); false if none.
bool node_shape_from_string(const std::string& name, NodeShape& shape);

// A group of node types the map's legend shows as one entry (a colour and a shape), e.g.
// "Ideas" for visions, principles and theories (optional: without groups, each type is one).
struct NodeGroup {
    std::string id;
    std::string label;
    NodeShape shape = NodeShape::Circle;
    std::string description;
};

struct NodeType {
    std::string id;
    std::string label;
    NodeKind kind = NodeKind::Concept;
    std::string description;
    int group = -1;  // index into Article::node_groups; -1 = none
};

struct Node {
    std::string id;
    NodeKind kind = NodeKind::Concept;
    std::string label;
    int type = -1;  // index into Article::node_types
    std::vector<Alias> aliases;
    std::string description;
    FacetTags facets;
    bool match = true;  // search the label in the text for mentions

    // The first translation alias in `lang_prefix` ("zh" matches "zh-Hans"), or nullptr.
    const Alias* translation(const std::string& lang_prefix) const;
};

struct RelationType {
    std::string id;
    std::string label;
    std::string description;
    bool contrast = false;  // an opposition the article draws ("A instead of B")
};

struct Relation {
    std::string id;
    int source = -1;  // node index
    int target = -1;  // node index
    int type = -1;    // index into Article::relation_types
    std::vector<int> evidence;  // passage indices, at least one
    std::string note;
};

//------------------------------------------------------------------------------------------
// Dated and counted facts
//------------------------------------------------------------------------------------------

struct Event {
    std::string id;
    std::string label;
    std::string date;  // ISO 8601, year / month / day precision
    std::string end;   // empty unless a range
    bool approximate = false;
    int passage = -1;  // passage index
    std::vector<int> nodes;
};

struct Quantity {
    std::string id;
    std::string label;
    double value = 0;
    std::string qualifier;  // "more than", ... or empty
    std::string unit;
    int passage = -1;
    std::vector<int> nodes;
};

// A guided tour: a sequence of views, each with a short caption (core/tour.hpp plays it).
struct TourStep {
    std::string caption;     // what the step shows, one or two sentences
    std::string state_json;  // the view state (view_state.hpp JSON), checked by resolve_tours
    double seconds = 10;     // how long the step stays when the tour plays by itself
};

struct Tour {
    std::string id;
    std::string label;
    std::string description;
    std::vector<TourStep> steps;
};

// A suggested search (kiosks show these instead of a keyboard).
struct Topic {
    std::string label;
    std::string query;
};

//------------------------------------------------------------------------------------------
// Article
//------------------------------------------------------------------------------------------

struct Article {
    int version = kFormatVersion;
    // The article's id: the file's `id`, else default_article_id(meta.title). Deep links and
    // view states name it, so a link made for one article never applies to another.
    std::string id;
    Meta meta;
    std::vector<Section> sections;
    std::vector<Passage> passages;
    std::vector<Facet> facets;  // declared facets, then the built-in section facet
    std::vector<NodeGroup> node_groups;  // optional; the map's legend groups
    std::vector<NodeType> node_types;
    std::vector<Node> nodes;  // concepts first, then entities, each in file order
    std::vector<RelationType> relation_types;
    std::vector<Relation> relations;
    std::vector<Event> events;
    std::vector<Quantity> quantities;
    std::vector<Tour> tours;    // optional; the first is the kiosk's attract tour
    std::vector<Topic> topics;  // optional suggested searches
    // Optional: the words searches, the concordance and the term list leave out, replacing
    // the built-in list for meta.language (stopwords.hpp); given = the file had the member.
    std::vector<std::string> stop_words;
    bool stop_words_given = false;

    // Look-ups by id; each returns -1 when there is no such id.
    int find_facet(const std::string& key) const;
    int find_passage(const std::string& key) const;
    int find_node(const std::string& key) const;
    int find_section(const std::string& key) const;
};

// The id an article without `id` gets: its title's ASCII letters and digits, lower case,
// runs of anything else as one '-', at most 48 bytes ("Build a New Type..." ->
// "build-a-new-type-of-international-relations-feat"); a title with none of them gives
// "article-" + 8 hex digits of its FNV-1a hash (a Chinese or Arabic title).
std::string default_article_id(const std::string& title);

}  // namespace wwe
