// Win-Win Explorer UI: intents and helpers shared by the views (see views.hpp).
#include <algorithm>

#include "core/date.hpp"
#include "core/export.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ImRect, the window's clip rectangle
#include "ui/views.hpp"

namespace wwe::ui {

void select_node(const ViewContext& ctx, int node) {
    if (node < 0) {
        ctx.emit(intent::Select{Selection{}});
        return;
    }
    ctx.emit(intent::Select{{Selection::Kind::Node, ctx.corpus.article.nodes[static_cast<std::size_t>(node)].id}});
}

void open_passage(const ViewContext& ctx, int passage) {
    if (passage < 0 || passage >= static_cast<int>(ctx.corpus.article.passages.size())) return;
    // Folded layouts have no room for the details beside the text: the text comes first.
    ctx.emit(intent::OpenPassage{ctx.corpus.article.passages[static_cast<std::size_t>(passage)].id, ctx.layout.narrow});
}

NodeRow begin_node_row(const ViewContext& ctx, int n, int selected, const char* label, ImGuiSelectableFlags flags) {
    NodeRow row;
    row.muted = ctx.derived.node_dimmed(n);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(n);
    row.top = ImGui::GetCursorScreenPos();
    if (row.muted) ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    if (ImGui::Selectable(label, n == selected, ImGuiSelectableFlags_SpanAllColumns | flags)) {
        select_node(ctx, n == selected ? -1 : n);
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return row;
}

void end_node_row(const NodeRow& row) {
    if (row.muted) ImGui::PopStyleColor();
    ImGui::PopID();
}

bool facet_value_locked(const EmbedOptions& embed, const std::string& facet, const std::string& value) {
    const auto it = embed.locked.find(facet);
    return it != embed.locked.end() && it->second.count(value) > 0;
}

void hover_passage(const ViewContext& ctx, int passage) { ctx.brush.next_passage = passage; }

void SemanticPlaces::place_item(const std::string& id, float width) {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (!reveal.empty() && id == reveal) {
        revealed = true;
        const ImRect item(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (!w->ClipRect.Contains(item)) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    if (!ImGui::IsItemVisible()) return;
    ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (width > 0) r.Max.x = std::min(r.Max.x, r.Min.x + width);
    r.ClipWith(w->ClipRect);
    if (r.GetWidth() > 0 && r.GetHeight() > 0) rects[id] = r;
}

void request_download(const ViewContext& ctx, Download download) { ctx.shell.downloads.push_back(std::move(download)); }

namespace {
// Detects RelationType::contrast (an optional flag of newer data) at compile time.
template <typename T>
bool contrast_flag(const T& type) {
    if constexpr (requires { type.contrast; }) {
        return static_cast<bool>(type.contrast);
    } else {
        return type.id == "instead_of";  // older model without the flag
    }
}

int facet_or(const Article& article, const std::string& id, int fallback) {
    if (!id.empty()) {
        const int f = article.find_facet(id);
        if (f >= 0) return f;
    }
    return fallback < static_cast<int>(article.facets.size()) ? fallback : (article.facets.empty() ? -1 : 0);
}
}  // namespace

bool is_contrast(const RelationType& type) { return contrast_flag(type); }

int matrix_row_facet(const Article& article, const MatrixState& matrix) { return facet_or(article, matrix.rows, 0); }

int matrix_column_facet(const Article& article, const MatrixState& matrix) {
    return facet_or(article, matrix.columns, 1);
}

bool matches_filter(const std::string& filter, std::initializer_list<const std::string*> fields) {
    if (filter.empty()) return true;
    // Case and accents folded: "quebec" finds "Québec".
    const std::string needle = fold_for_sorting(filter);
    for (const std::string* f : fields) {
        if (fold_for_sorting(*f).find(needle) != std::string::npos) return true;
    }
    return false;
}

std::string format_date(std::string_view iso) { return format_date_text(iso); }

RichTextColors rich_colors(const Theme& theme) {
    RichTextColors c;
    c.text = theme.text;
    c.concept_bg = theme.concept_bg;
    c.concept_line = theme.concept_line;
    c.entity_bg = theme.entity_bg;
    c.entity_line = theme.entity_line;
    c.hit_bg = theme.hit_bg;
    c.hit_line = theme.hit_line;
    c.selected_bg = theme.selected_bg;
    c.hover_bg = theme.hover_bg;
    return c;
}

int selected_node(const Corpus& corpus, const ViewState& state) {
    if (state.selection.kind != Selection::Kind::Node) return -1;
    return corpus.article.find_node(state.selection.id);
}

std::string excerpt(std::string_view text, std::size_t at, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t begin = at > max_bytes / 3 ? at - max_bytes / 3 : 0;
    std::size_t end = std::min(text.size(), begin + max_bytes);
    if (end == text.size()) begin = end > max_bytes ? end - max_bytes : 0;
    // Cut at spaces (and never inside a UTF-8 sequence).
    if (begin > 0) {
        const std::size_t sp = text.find(' ', begin);
        begin = (sp != std::string_view::npos && sp < at) ? sp + 1 : begin;
        while (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
    }
    if (end < text.size()) {
        const std::size_t sp = text.rfind(' ', end);
        end = (sp != std::string_view::npos && sp > begin) ? sp : end;
        while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
    std::string out;
    if (begin > 0) out += "\xE2\x80\xA6";
    out += text.substr(begin, end - begin);
    if (end < text.size()) out += "\xE2\x80\xA6";
    return out;
}

}  // namespace wwe::ui
