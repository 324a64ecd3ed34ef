// Win-Win Explorer UI: the reader — the article's header, then every passage of the result
// numbered by its position in the article, under its section heading, with mentions and
// search hits highlighted (rich_text.hpp) and its themes as chips.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

constexpr float kMaxMeasure = 760.0f;  // CSS px: the widest text column (readability)
constexpr float kGutter = 46.0f;       // CSS px: passage numbers (34 on narrow screens)
constexpr double kFlashSeconds = 1.6;

void draw_header(ViewContext& ctx, float left, float width) {
    const Meta& meta = ctx.corpus.article.meta;
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::SetCursorPosX(left);
    ImGui::PushTextWrapPos(left + width);
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(meta.title.c_str());
    ImGui::PopFont();
    ctx.places.place_item("reader/title");
    if (!meta.subtitle.empty()) {
        ImGui::SetCursorPosX(left);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::TextUnformatted(meta.subtitle.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::SetCursorPosX(left);
    std::string byline = meta.author.name;
    if (!meta.author.role.empty()) byline += ", " + meta.author.role;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(byline.c_str());
    ImGui::PopFont();
    ImGui::SetCursorPosX(left);
    std::string source = meta.outlet + " \xC2\xB7 " + format_date(meta.published);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted(source.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float x0 = ImGui::GetWindowPos().x + left - ImGui::GetScrollX();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, p.y), ImVec2(x0 + width, p.y), ctx.theme.border, 1.0f);
    ImGui::Dummy(ImVec2(0, 8));
}

void draw_empty_state(ViewContext& ctx, float left, float width) {
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::SetCursorPosX(left);
    ImGui::PushTextWrapPos(left + width);
    std::string message = "No passage matches";
    if (!ctx.state.query.empty()) message += " " + quoted_query(ctx.state.query);
    if (!ctx.state.facets.empty()) message += ctx.state.query.empty() ? " the chosen filters" : " with the chosen filters";
    message += ".";
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopFont();
    ImGui::SetCursorPosX(left);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted("Try other words, or fewer filters.");
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::SetCursorPosX(left);
    if (ImGui::Button("Clear search and filters")) ctx.emit(intent::ClearFilters{});
}

// The styled spans of one passage: mentions, the selected node's mentions, search hits.
void passage_spans(ViewContext& ctx, int p, int selected, std::vector<RichSpan>& spans) {
    spans.clear();
    const Article& article = ctx.corpus.article;
    for (const Mention& m : ctx.corpus.mentions[static_cast<std::size_t>(p)]) {
        RichSpan s;
        s.begin = m.begin;
        s.end = m.end;
        const NodeKind kind = article.nodes[static_cast<std::size_t>(m.node)].kind;
        s.style = kind == NodeKind::Concept ? RichStyle_Concept : RichStyle_Entity;
        if (m.node == selected) s.style |= RichStyle_Selected;
        s.tag = m.node;
        spans.push_back(s);
    }
    if (ctx.derived.passage_in(p) && !ctx.state.query.empty()) {
        for (const Span& h : hit_spans(ctx.corpus, ctx.derived.result.query, p)) spans.push_back({h.begin, h.end, RichStyle_Hit, -1});
    }
}

void node_tooltip(ViewContext& ctx, int node) {
    const Article& article = ctx.corpus.article;
    const Node& n = article.nodes[static_cast<std::size_t>(node)];
    ImGui::BeginTooltip();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(n.label.c_str());
    ImGui::PopFont();
    std::string kind = to_string(n.kind);
    if (n.type >= 0) kind += " \xC2\xB7 " + article.node_types[static_cast<std::size_t>(n.type)].label;
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted(kind.c_str());
    ImGui::TextUnformatted("Click for details");
    ImGui::PopStyleColor();
    ImGui::EndTooltip();
}

}  // namespace

bool reader_animating(const ReaderState& r) {
    return r.scroll_to != -1 || r.scroll_settle > 0 || r.flash_passage >= 0 || r.fling.coasting;
}

void draw_reader(ViewContext& ctx, ReaderState& ui) {
    const Article& article = ctx.corpus.article;
    const ImGuiIO& io = ImGui::GetIO();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float measure = std::min(avail - 8.0f, kMaxMeasure);
    const float left = ImGui::GetCursorPosX() + std::max(0.0f, (avail - measure) * 0.5f);

    // The controller asks for a passage (a jump, a link, new filters): scroll there.
    const Reveal& reveal = ctx.core.reveal();
    if (reveal.serial != ui.reveal_serial) {
        ui.reveal_serial = reveal.serial;
        ui.scroll_to = reveal.passage >= 0 ? reveal.passage : ReaderState::kScrollTop;
        ui.fling.stop();
        if (reveal.flash && reveal.passage >= 0) {
            ui.flash_passage = reveal.passage;
            ui.flash_start = reveal.at;
        }
    }
    if (ui.flash_passage >= 0 && ctx.time - ui.flash_start > kFlashSeconds) ui.flash_passage = -1;
    // Keep the reading position when the column width changes (window resize).
    if (ui.last_width >= 0 && std::fabs(avail - ui.last_width) > 0.5f && ui.scroll_to == -1 &&
        !ctx.state.passage.empty()) {
        ui.scroll_to = article.find_passage(ctx.state.passage);
    }
    ui.last_width = avail;
    if (ui.scroll_to == ReaderState::kScrollTop) {
        ImGui::SetScrollY(0);
        ui.scroll_to = -1;
        ui.scroll_settle = 3;
    }

    // Drag the text to scroll (touch screens; a mouse drag selects the text instead, in the
    // page's text layer over the canvas).
    if (ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        const float scrollbar_x = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize;
        ui.drag_scroll = ctx.input.touch && io.MouseClickedPos[0].x < scrollbar_x;
    }
    if (ImGui::IsMouseClicked(0)) ui.fling.stop();  // a new touch catches the text
    // Reduced motion: the text stops where the finger left it (no coasting).
    if (ui.drag_scroll && !io.MouseDown[0] && !ctx.core.reduced_motion()) ui.fling.release();
    if (!io.MouseDown[0]) ui.drag_scroll = false;
    if (ui.drag_scroll && ImGui::IsMouseDragging(0)) {
        ui.fling.track(ImVec2(0, io.MouseDelta.y), io.DeltaTime);
        if (io.MouseDelta.y != 0.0f) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
    if (ui.fling.coasting && ui.scroll_to == -1) {
        const float dy = ui.fling.step(io.DeltaTime).y;
        const float before = ImGui::GetScrollY();
        ImGui::SetScrollY(before - dy);
        if (before - dy <= 0 || before - dy >= ImGui::GetScrollMaxY()) ui.fling.stop();  // hit an end
    }
    // Keyboard scrolling (from the page's mirror: arrows, PageUp/PageDown, Home/End).
    if (ui.key != ReaderState::Key::None) {
        const float line = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
        const float page = ImGui::GetWindowHeight() * 0.85f;
        float y = ImGui::GetScrollY();
        switch (ui.key) {
        case ReaderState::Key::LineDown: y += line; break;
        case ReaderState::Key::LineUp: y -= line; break;
        case ReaderState::Key::PageDown: y += page; break;
        case ReaderState::Key::PageUp: y -= page; break;
        case ReaderState::Key::Home: y = 0; break;
        case ReaderState::Key::End: y = ImGui::GetScrollMaxY(); break;
        case ReaderState::Key::None: break;
        }
        ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
        ui.key = ReaderState::Key::None;
        ui.fling.stop();
    }
    // Two fingers pinching over the text: the text (only) grows or shrinks.
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const ImVec2 pc(ctx.input.pinch_x, ctx.input.pinch_y);
    if (ctx.input.pinch_scale != 1.0f && pc.x >= wp.x && pc.y >= wp.y && pc.x <= wp.x + ws.x && pc.y <= wp.y + ws.y) {
        ui.text_zoom = std::clamp(ui.text_zoom * ctx.input.pinch_scale, kMinTextZoom, kMaxTextZoom);
    }

    draw_header(ctx, left, measure);
    if (ctx.derived.shown.empty()) {
        draw_empty_state(ctx, left, measure);
        ui.scroll_to = -1;
        ui.scroll_settle = 0;  // nothing to settle (else it would animate, drawing every frame)
        return;
    }

    const int selected = selected_node(ctx.corpus, ctx.state);
    const std::uint64_t spans_key = ctx.derived.version * 1000003u + static_cast<std::uint64_t>(selected + 1);
    const RichTextColors colors = rich_colors(ctx.theme);
    const float scroll_y = ImGui::GetScrollY();
    const float gutter = measure < 520.0f ? 34.0f : kGutter;
    const float text_w = measure - gutter;
    std::vector<RichSpan> spans;
    int last_section = -2;
    int observed = -1;  // top-most passage in view
    int clicked_node = -1;
    int hovered_node = -1;
    bool scrolled = false;

    for (const int p : ctx.derived.shown) {
        const Passage& passage = article.passages[static_cast<std::size_t>(p)];
        if (passage.section != last_section && passage.section >= 0) {
            const Section& section = article.sections[static_cast<std::size_t>(passage.section)];
            ImGui::Dummy(ImVec2(0, 8));
            ImGui::SetCursorPosX(left);
            ImGui::PushTextWrapPos(left + measure);
            ImGui::PushFont(ctx.fonts.heading);
            ImGui::TextUnformatted(section.heading.c_str());
            ImGui::PopFont();
            ImGui::PopTextWrapPos();
            ctx.places.place_item("section/" + section.id);
            ImGui::Dummy(ImVec2(0, 2));
        }
        last_section = passage.section;

        const float top = ImGui::GetCursorPosY();
        if (ui.scroll_to == p) {
            ImGui::SetScrollY(std::max(0.0f, top - 12.0f));
            ui.scroll_to = -1;
            ui.scroll_settle = 3;
            scrolled = true;
        }
        passage_spans(ctx, p, selected, spans);
        RichLayoutParams params;
        params.font = ctx.fonts.body;
        params.font_size = ImGui::GetFontSize() * ui.text_zoom;  // pinched bigger or smaller
        params.wrap_width = text_w;
        const RichTextLayout& layout = ui.cache.get(p, passage.text, spans, spans_key, params);

        const ImVec2 screen = ImGui::GetCursorScreenPos();
        const float x0 = ImGui::GetWindowPos().x + left - ImGui::GetScrollX();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (ui.flash_passage == p) {
            const double t = (ctx.time - ui.flash_start) / kFlashSeconds;
            const float alpha = t < 1.0 ? static_cast<float>(1.0 - t) : 0.0f;
            ImVec4 c = ImGui::ColorConvertU32ToFloat4(ctx.theme.flash);
            c.w *= alpha;
            dl->AddRectFilled(ImVec2(x0 - 6, screen.y - 4), ImVec2(x0 + measure + 6, screen.y + layout.size.y + 4),
                              ImGui::ColorConvertFloat4ToU32(c), 6.0f);
        }

        // Number in the gutter, right-aligned, on the first line's baseline.
        char number[16];
        std::snprintf(number, sizeof number, "%d", p + 1);
        ImGui::PushFont(ctx.fonts.small);
        const ImVec2 nsize = ImGui::CalcTextSize(number);
        const float ny = screen.y + (layout.line_height - layout.font_size) * 0.5f + (layout.font_size - nsize.y) * 0.8f;
        dl->AddText(ImVec2(x0 + gutter - 12 - nsize.x, ny), ctx.theme.text_muted, number);
        ImGui::PopFont();

        ImGui::SetCursorPosX(left + gutter);
        ImGui::PushID(p);
        int tag = -1;
        int hover = -1;
        const ImVec2 text_origin = ImGui::GetCursorScreenPos();
        if (RichText("##text", passage.text, layout, colors, &tag, &hover)) clicked_node = tag;
        if (hover >= 0) hovered_node = hover;
        if (ImGui::IsItemVisible()) {  // the text layer: where each piece of text was drawn
            SemanticPlaces::Text& t = ctx.places.passages[p];
            t.origin = text_origin;
            t.line_height = layout.line_height;
            t.font_size = layout.font_size;
            const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
            for (const RichFragment& f : layout.fragments) {
                const float fy = text_origin.y + f.y;
                if (fy + layout.line_height > clip.Min.y && fy < clip.Max.y) t.fragments.push_back(f);
            }
        }

        // Themes: the passage's values of the declared facets, as chips (click: filter).
        ImGui::PushFont(ctx.fonts.small);
        FlowRow row;
        ImGui::SetCursorPosX(left + gutter);
        row.begin(text_w);
        bool any_chip = false;
        for (const auto& [f, values] : passage.facets) {
            const Facet& facet = article.facets[static_cast<std::size_t>(f)];
            if (facet.built_in) continue;
            const auto chosen = ctx.state.facets.find(facet.id);
            for (const int v : values) {
                const FacetValue& value = facet.values[static_cast<std::size_t>(v)];
                const bool active = chosen != ctx.state.facets.end() && chosen->second.count(value.id) > 0;
                const std::string label = value.label + "##" + facet.id + "/" + value.id;
                row.next(ChipWidth(label.c_str()));
                if (Chip(label.c_str(), ctx.theme, active ? ChipFlags_Active : ChipFlags_None))
                    ctx.emit(intent::ToggleFacetValue{facet.id, value.id});
                ctx.places.place_item("passage/" + passage.id + "/tag/" + facet.id + "/" + value.id + "/toggle");
                if (ImGui::IsItemHovered()) {
                    ImGui::SetTooltip("%s: %s\n%s", facet.label.c_str(), value.label.c_str(),
                                      active ? "Click to remove this filter" : "Click to show only passages with it");
                }
                any_chip = true;
            }
        }
        ImGui::PopFont();
        ImGui::PopID();
        if (!any_chip) ImGui::Dummy(ImVec2(0, 0));
        // Linked views: a bar in the gutter marks the passages mentioning the selected node;
        // the passage under the pointer is reported (the map rings its nodes).
        const float bottom = ImGui::GetCursorScreenPos().y;
        {  // the passage as a whole (its text and tags), within the reader's clip
            ImRect r(ImVec2(x0 - 4, screen.y - 2), ImVec2(x0 + measure + 4, bottom));
            r.ClipWith(ImGui::GetCurrentWindow()->ClipRect);
            if (r.GetHeight() > 0) ctx.places.place("passage/" + passage.id, r.Min, r.Max);
        }
        if (selected >= 0 && ctx.corpus.mention_count(selected, p) > 0) {
            dl->AddRectFilled(ImVec2(x0 + 2, screen.y), ImVec2(x0 + 5, screen.y + layout.size.y), ctx.theme.accent, 1.5f);
        }
        if (ImGui::IsWindowHovered() && io.MousePos.y >= screen.y && io.MousePos.y < bottom) hover_passage(ctx, p);
        ImGui::Dummy(ImVec2(0, 10));
        if (observed < 0 && ImGui::GetCursorPosY() > scroll_y + 16.0f) observed = p;
    }
    if (!scrolled && ui.scroll_to >= 0) ui.scroll_to = -1;  // not shown: nothing to do
    ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetWindowHeight() * 0.5f)));

    if (hovered_node >= 0) node_tooltip(ctx, hovered_node);
    if (clicked_node >= 0) select_node(ctx, clicked_node);

    // Reading position: follow the user's scrolling (not our own programmatic scrolls).
    if (ui.scroll_settle > 0) {
        --ui.scroll_settle;
    } else if (std::fabs(scroll_y - ui.last_scroll_y) > 0.5f) {
        const std::string at = scroll_y <= 0.5f || observed < 0 ? std::string()
                                                               : article.passages[static_cast<std::size_t>(observed)].id;
        if (at != ctx.state.passage) ctx.emit(intent::ReadAt{at});
    }
    ui.last_scroll_y = scroll_y;
}

}  // namespace wwe::ui
