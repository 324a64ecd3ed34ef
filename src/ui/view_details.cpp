// Win-Win Explorer UI: the details panel of the selected concept or entity — label, type,
// description, aliases (with the Chinese term), relations, and every passage mentioning it
// (click: the reader scrolls there and flashes it).
#include <string>
#include <string_view>

#include "core/graph.hpp"

#include "imgui.h"
#include "imgui_internal.h"  // RenderTextEllipsis
#include "core/describe.hpp"
#include "core/script.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

std::string alias_note(const Alias& alias) {
    switch (alias.kind) {
    case AliasKind::Variant: return "variant";
    case AliasKind::Abbreviation: return "abbreviation";
    case AliasKind::Translation:
        return alias.lang.empty() ? "translation" : language_name(alias.lang);
    }
    return "";
}

void section_title(ViewContext& ctx, const char* title) {
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushFont(ctx.fonts.bold);
    TextBidi(title);
    ImGui::PopFont();
}

// A full-width selectable showing wrapped text (ImGui's Selectable does not wrap).
bool wrapped_selectable(const char* id, const char* text, ImU32 color) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text_w = width - 2 * style.FramePadding.x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 at(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y);
    if (has_rtl(text)) {  // right-to-left text as the reader lays it out (rich_text.hpp)
        const RichTextLayout layout = layout_plain_text(text, text_w);
        const bool clicked = ImGui::Selectable(id, false, 0, ImVec2(width, layout.size.y + 2 * style.FramePadding.y));
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        draw_text_layout(ImGui::GetWindowDrawList(), at, text, layout, color);
        return clicked;
    }
    const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, text_w);
    const bool clicked = ImGui::Selectable(id, false, 0, ImVec2(width, size.y + 2 * style.FramePadding.y));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, color, text, nullptr, text_w);
    return clicked;
}

// The evidence of a map edge: the relation's passages, or the passages two nodes share.
// A clickable list of passages: each shows its number and an excerpt of `excerpt_bytes`
// starting at the first mention of node `a` or `b`; hidden ones (filtered out) are muted
// and clicking them clears the filters first (jump_to_passage).
// A list longer than kLongList (a long article's node may be in thousands of passages) shows
// one line per passage, and only the lines in view are laid out and drawn (ImGuiListClipper).
constexpr std::size_t kLongList = 100;

// One line of a long list: a full-width selectable with `text` cut with an ellipsis.
bool line_selectable(const char* id, const char* text, ImU32 color) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable(id, false, 0, ImVec2(width, ImGui::GetTextLineHeight() + 2 * style.FramePadding.y));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 a(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y);
    const ImVec2 b(pos.x + width - style.FramePadding.x, a.y + ImGui::GetTextLineHeight());
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), a, b, b.x, b.x, text, nullptr, nullptr);
    ImGui::PopStyleColor();
    return clicked;
}

void draw_passage_list(const ViewContext& ctx, const std::vector<int>& passages, int a, int b, std::size_t excerpt_bytes) {
    const Theme& theme = ctx.theme;
    ImGui::PushFont(ctx.fonts.small);
    const bool long_list = passages.size() > kLongList;
    auto item = [&](int p) {
        const Passage& passage = ctx.corpus.article.passages[static_cast<std::size_t>(p)];
        std::size_t at = 0;
        for (const Mention& m : ctx.corpus.mentions[static_cast<std::size_t>(p)]) {
            if (m.node == a || m.node == b) {
                at = m.begin;
                break;
            }
        }
        const bool hidden = !ctx.derived.passage_in(p);
        std::string text = "\xC2\xB6 " + std::to_string(p + 1) + "   " + excerpt(passage.text, at, excerpt_bytes);
        if (hidden) text += "   (hidden by the current filters)";
        ImGui::PushID(p);
        const ImU32 color = hidden ? theme.text_muted : theme.text;
        if (long_list ? line_selectable("##passage", text.c_str(), color) : wrapped_selectable("##passage", text.c_str(), color))
            open_passage(ctx, p);
        ctx.places.place_item("details/passage/" + passage.id + "/open");
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(hidden ? "Clear the filters and go to passage %d\nRight-click: copy, cite, link, collect"
                                     : "Go to passage %d\nRight-click: copy, cite, link, collect",
                              p + 1);
            hover_passage(ctx, p);
        }
        // The mirror's "…" of an edge's evidence (semantics.cpp) opens the same menu, under the item.
        const std::string mirror_id = "details/passage/" + passage.id + "/actions";
        const bool edge = ctx.state.selection.is_edge();
        if (edge) ctx.places.place_item(mirror_id);
        const bool asked = edge && ctx.layout.passage_menu_open == mirror_id;
        if (asked && !ImGui::IsPopupOpen("##passage-menu")) {
            ImGui::OpenPopup("##passage-menu");
            ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y), ImGuiCond_Appearing);
        }
        if (ImGui::BeginPopupContextItem("##passage-menu")) {  // the map's evidence, collected
            if (edge) {
                ctx.shell.passage_menu = mirror_id;
                ctx.shell.passage_menu_passage = p;
                const ImGuiWindow* w = ImGui::GetCurrentWindow();
                ctx.places.place("passage-menu", w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
            }
            passage_menu_items(ctx, p, edge ? "map" : "reader");
            if (edge && (ctx.layout.passage_menu_close || !ctx.layout.passage_menu_choose.empty())) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        ImGui::PopID();
    };
    if (long_list) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(passages.size()));
        // The item the page's focus is on (the mirror holds every item, in view or not) is
        // laid out even when scrolled away, so that place_item scrolls the list to it, as a
        // browser scrolls a focused element into view.
        const std::string& reveal = ctx.places.reveal;
        constexpr std::string_view prefix = "details/passage/";
        if (reveal.size() > prefix.size() && reveal.compare(0, prefix.size(), prefix) == 0) {
            const std::size_t end = reveal.find('/', prefix.size());
            const std::string id = reveal.substr(prefix.size(), end == std::string::npos ? end : end - prefix.size());
            for (std::size_t k = 0; k < passages.size(); ++k) {
                if (ctx.corpus.article.passages[static_cast<std::size_t>(passages[k])].id != id) continue;
                clipper.ForceDisplayRangeByIndices(static_cast<int>(k), static_cast<int>(k) + 1);
                break;
            }
        }
        while (clipper.Step())
            for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) item(passages[static_cast<std::size_t>(k)]);
    } else {
        for (const int p : passages) item(p);
    }
    ImGui::PopFont();
}

void draw_edge_details(ViewContext& ctx) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    const Selection& sel = ctx.state.selection;
    const Relation* rel = nullptr;
    int ea = -1, eb = -1;
    if (sel.kind == Selection::Kind::Relation) {
        for (const Relation& r : article.relations)
            if (r.id == sel.id) rel = &r;
        if (!rel) return;
        ea = rel->source;
        eb = rel->target;
    } else if (!pair_nodes(article, sel.id, ea, eb)) {
        return;
    }
    const Node& a = article.nodes[static_cast<std::size_t>(ea)];
    const Node& b = article.nodes[static_cast<std::size_t>(eb)];

    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
    ImGui::TextUnformatted(rel ? "RELATION" : "SHARED PASSAGES");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
    if (CloseButton("##close-edge", theme)) select_node(ctx, -1);
    ctx.places.place_item("details/close");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close (Esc)");

    ImGui::PushTextWrapPos(0.0f);
    auto node_link = [&](const Node& n, int index, const char* semantic_id) {
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::PushID(index);
        if (wrapped_selectable("##node", n.label.c_str(), theme.text)) select_node(ctx, index);
        ctx.places.place_item(semantic_id);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show %s", n.label.c_str());
        ImGui::PopID();
        ImGui::PopFont();
    };
    node_link(a, ea, "details/from");
    ImGui::PushStyleColor(ImGuiCol_Text, theme.accent);
    TextBidi(rel ? article.relation_types[static_cast<std::size_t>(rel->type)].label : std::string("mentioned with"));
    ImGui::PopStyleColor();
    node_link(b, eb, "details/to");
    if (rel && !rel->note.empty()) TextWrappedColored(theme.text_muted, rel->note.c_str());

    const std::vector<int> passages = rel ? rel->evidence : shared_passages(ctx.corpus, ea, eb);
    char title[64];
    std::snprintf(title, sizeof title, "Evidence: %d passage%s", static_cast<int>(passages.size()),
                  passages.size() == 1 ? "" : "s");
    section_title(ctx, title);
    ImGui::PopTextWrapPos();
    draw_passage_list(ctx, passages, ea, eb, 220);
}

}  // namespace

void draw_details(ViewContext& ctx) {
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list
    const int node_index = selected_node(ctx.corpus, ctx.state);
    if (node_index < 0) {
        if (ctx.state.selection.is_edge()) draw_edge_details(ctx);
        return;
    }
    const Article& article = ctx.corpus.article;
    const Node& node = article.nodes[static_cast<std::size_t>(node_index)];
    const Theme& theme = ctx.theme;

    // Kind and type, with the close button on the same line.
    std::string kind = node.kind == NodeKind::Concept ? "CONCEPT" : "ENTITY";
    if (node.type >= 0) kind += " \xC2\xB7 " + article.node_types[static_cast<std::size_t>(node.type)].label;
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, node.kind == NodeKind::Concept ? theme.concept_line : theme.entity_line);
    TextBidi(kind);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
    if (CloseButton("##close-details", theme)) select_node(ctx, -1);
    ctx.places.place_item("details/close");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(ctx.layout.narrow ? "Back to the text (Esc)" : "Close (Esc)");

    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(ctx.fonts.heading);
    TextBidi(node.label);
    ImGui::PopFont();
    TextBidi(node.description);

    if (!node.aliases.empty()) {
        section_title(ctx, "Also written");
        for (const Alias& alias : node.aliases) {
            ImGui::Bullet();
            ImGui::TextUnformatted(visual_line(alias.text).c_str());
            // The note after the alias, or under it when the line is full (never squeezed
            // into a sliver, one letter a line).
            const std::string note = alias_note(alias);
            ImGui::SameLine();
            const bool fits = ImGui::GetContentRegionAvail().x >= ImGui::CalcTextSize(note.c_str()).x;
            const float indent = ImGui::GetTreeNodeToLabelSpacing();
            if (!fits) {
                ImGui::NewLine();
                ImGui::Indent(indent);
            }
            ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
            TextBidi(note);
            ImGui::PopStyleColor();
            if (!fits) ImGui::Unindent(indent);
        }
    }

    // Relations the article draws with other concepts/entities.
    bool relations_title = false;
    for (std::size_t r = 0; r < article.relations.size(); ++r) {
        const Relation& rel = article.relations[r];
        if (rel.source != node_index && rel.target != node_index) continue;
        if (!relations_title) {
            section_title(ctx, "Relations");
            relations_title = true;
        }
        const std::string& type = article.relation_types[static_cast<std::size_t>(rel.type)].label;
        const Node& source = article.nodes[static_cast<std::size_t>(rel.source)];
        const Node& target = article.nodes[static_cast<std::size_t>(rel.target)];
        // "source — type — target" (the fonts have no arrows; the type reads left to right).
        const std::string text = source.label + " \xE2\x80\x94 " + type + " \xE2\x80\x94 " + target.label;
        ImGui::PushID(static_cast<int>(r));
        // The relation itself: its edge selected on the map (and in the link), its evidence
        // listed here, as clicking the edge does (and the mirror's button, semantics.cpp).
        if (wrapped_selectable("##relation", text.c_str(), theme.text))
            ctx.emit(intent::Select{{Selection::Kind::Relation, rel.id}});
        ctx.places.place_item("details/relation/" + rel.id + "/open");
        if (ImGui::IsItemHovered() && !rel.note.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
            TextBidi(rel.note);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }

    const auto& passages = ctx.corpus.node_passages[static_cast<std::size_t>(node_index)];
    const int mentions = static_cast<int>(ctx.corpus.node_mentions[static_cast<std::size_t>(node_index)].size());
    char title[96];
    std::snprintf(title, sizeof title, "Mentioned in %d passage%s (%d mention%s)",
                  static_cast<int>(passages.size()), passages.size() == 1 ? "" : "s", mentions,
                  mentions == 1 ? "" : "s");
    section_title(ctx, passages.empty() ? "Not mentioned by name in the text" : title);
    ImGui::PopTextWrapPos();

    draw_passage_list(ctx, passages, node_index, node_index, 150);
}

}  // namespace wwe::ui
