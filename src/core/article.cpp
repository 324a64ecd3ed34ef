#include "article.hpp"

namespace wwe {

const char* to_string(NodeKind kind) { return kind == NodeKind::Concept ? "concept" : "entity"; }

const char* to_string(AliasKind kind) {
    switch (kind) {
        case AliasKind::Variant: return "variant";
        case AliasKind::Abbreviation: return "abbreviation";
        case AliasKind::Translation: return "translation";
    }
    return "variant";
}

template <class T>
static int find_by_id(const std::vector<T>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}

int Facet::find_value(const std::string& value_id) const { return find_by_id(values, value_id); }

const Alias* Node::translation(const std::string& lang_prefix) const {
    for (const Alias& a : aliases)
        if (a.kind == AliasKind::Translation && a.lang.compare(0, lang_prefix.size(), lang_prefix) == 0)
            return &a;
    return nullptr;
}

int Article::find_facet(const std::string& id) const { return find_by_id(facets, id); }
int Article::find_passage(const std::string& id) const { return find_by_id(passages, id); }
int Article::find_node(const std::string& id) const { return find_by_id(nodes, id); }
int Article::find_section(const std::string& id) const { return find_by_id(sections, id); }

const char* to_string(NodeShape shape) {
    switch (shape) {
    case NodeShape::Circle: return "circle";
    case NodeShape::Square: return "square";
    case NodeShape::Diamond: return "diamond";
    case NodeShape::Triangle: return "triangle";
    case NodeShape::Hexagon: return "hexagon";
    }
    return "circle";
}

bool node_shape_from_string(const std::string& name, NodeShape& shape) {
    for (NodeShape s : {NodeShape::Circle, NodeShape::Square, NodeShape::Diamond, NodeShape::Triangle, NodeShape::Hexagon}) {
        if (name == to_string(s)) {
            shape = s;
            return true;
        }
    }
    return false;
}

}  // namespace wwe
