#include "article.hpp"

#include <cstdint>

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

int Article::find_facet(const std::string& key) const { return find_by_id(facets, key); }
int Article::find_passage(const std::string& key) const { return find_by_id(passages, key); }
int Article::find_node(const std::string& key) const { return find_by_id(nodes, key); }
int Article::find_section(const std::string& key) const { return find_by_id(sections, key); }

std::string default_article_id(const std::string& title) {
    std::string out;
    bool gap = false;
    for (const char ch : title) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (out.size() > 48) out.resize(48);
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (!out.empty()) return out;
    std::uint32_t h = 2166136261u;  // FNV-1a, 32 bits
    for (const char ch : title) {
        h ^= static_cast<unsigned char>(ch);
        h *= 16777619u;
    }
    static const char* digits = "0123456789abcdef";
    out = "article-";
    for (int shift = 28; shift >= 0; shift -= 4) out += digits[(h >> shift) & 15];
    return out;
}

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
