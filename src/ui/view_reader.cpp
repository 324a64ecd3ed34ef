// Win-Win Explorer UI: the reader — the article's header, then every passage of the result
// numbered by its position in the article, under its section heading, with mentions and
// search hits highlighted (rich_text.hpp) and its themes as chips.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/query.hpp"
#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

constexpr float kMaxMeasure = 760.0f;  // CSS px: the widest text column (readability)
constexpr float kNumberGap = 12.0f;   // CSS px between a passage's number and its text
constexpr float kGutter = 46.0f;       // CSS px: passage numbers (34 on narrow screens)
constexpr double kFlashSeconds = 1.6;

// The width of a passage's "…" button in the gutter (its height is a frame's), CSS px.
float actions_width() { return std::ceil(ImGui::GetFrameHeight() * 0.75f); }

void draw_header(ViewContext& ctx, float left, float width) {
    const Meta& meta = ctx.corpus.article.meta;
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::SetCursorPosX(left);
    ImGui::PushTextWrapPos(left + width);
    ImGui::PushFont(ctx.fonts.title);
    TextBidi(meta.title);
    ImGui::PopFont();
    ctx.places.place_item("reader/title");
    if (!meta.subtitle.empty()) {
        ImGui::SetCursorPosX(left);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
        ImGui::PushFont(ctx.fonts.heading);
        TextBidi(meta.subtitle);
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::SetCursorPosX(left);
    std::string byline = meta.author.name;
    if (!meta.author.role.empty()) byline += ", " + meta.author.role;
    ImGui::PushFont(ctx.fonts.bold);
    TextBidi(byline);
    ImGui::PopFont();
    ImGui::SetCursorPosX(left);
    std::string source = meta.outlet;
    if (!meta.published.empty()) source += " \xC2\xB7 " + format_date(meta.published);  // "": not known
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    TextBidi(source);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float x0 = ImGui::GetWindowPos().x + left - ImGui::GetScrollX();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, p.y), ImVec2(x0 + width, p.y), ctx.theme.border, 1.0f);
    ImGui::Dummy(ImVec2(0, 8));
}

// With a search: its best passages first, each marked with how it matches (the exact
// phrase, the words near each other, or the words), one click from each. One line of chips
// (what does not fit is left out), so the text below does not move as the results change.
void draw_best_matches(ViewContext& ctx, ReaderState& ui, float left, float width) {
    if (ctx.state.query.empty()) return;
    if (ui.best_version != ctx.derived.version) {
        QueryRequest r;
        r.text = ctx.state.query;
        r.facets = ctx.state.facets;
        r.limit = 6;
        r.passages = false;
        QueryResult res = run_query(ctx.corpus, r);
        ui.best = std::move(res.paragraphs);
        ui.best_version = ctx.derived.version;
    }
    if (ui.best.empty()) return;
    ImGui::PushFont(ctx.fonts.small);
    ImGui::SetCursorPosX(left);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::TextUnformatted("Best matches:");
    ImGui::PopStyleColor();
    const float right = left + width;
    for (std::size_t i = 0; i < ui.best.size(); ++i) {
        const QueryParagraph& b = ui.best[i];
        const char* how = match_tier_label(b.tier);  // the core's tier table (search.hpp), as the API's "match"
        char label[64];
        std::snprintf(label, sizeof label, "\xC2\xB6%d \xC2\xB7 %s##best%d", b.passage + 1, how, static_cast<int>(i));
        const float w = ChipWidth(label);
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + w > right) {
            ImGui::NewLine();
            break;
        }
        const Passage& passage = ctx.corpus.article.passages[static_cast<std::size_t>(b.passage)];
        if (Chip(label, ctx.theme, b.match == SearchMatch::Phrase ? ChipFlags_Active : ChipFlags_None))
            ctx.emit(intent::OpenPassage{passage.id});
        ctx.places.place_item("reader/best/" + passage.id);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", match_tier_hint(b.tier));
            hover_passage(ctx, b.passage);
        }
    }
    const std::string note = search_note(ctx.derived.result.query);
    if (!note.empty()) {
        ImGui::SetCursorPosX(left);
        ImGui::PushTextWrapPos(left + width);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
        ImGui::TextUnformatted((note + ".").c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 4));
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
    ImGui::TextUnformatted(visual_line(message).c_str());  // a right-to-left query in order, shaped
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

// Moves the current window's scroll to `y` at once, before anything is drawn in it (its
// cursor and content bounds move with it, as if Begin had scrolled there): the rows are
// then drawn where they will be, with no frame at the old position.
void scroll_now(float y) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float d = y - w->Scroll.y;
    if (d == 0.0f) return;
    w->Scroll.y = y;
    w->DC.CursorPos.y -= d;
    w->DC.CursorPosPrevLine.y -= d;
    w->DC.CursorStartPos.y -= d;
    w->DC.CursorMaxPos.y -= d;
    w->DC.IdealMaxPos.y -= d;
}

// A passage's tags (values of declared facets) as chips laid out in rows `width` wide, in
// the current (small) font: calls `each(facet, value, x, y)` per chip (offsets from the
// tags' top-left) and returns the tags' height (0 without any).
template <typename Each>
float flow_chips(const Article& article, const Passage& passage, float width, Each&& each) {
    const float h = ChipHeight();
    const float gap_x = ImGui::GetStyle().ItemSpacing.x * 0.75f;
    const float gap_y = ImGui::GetStyle().ItemSpacing.y;
    float x = 0, y = 0;
    bool any = false;
    std::string label;
    for (const auto& [f, values] : passage.facets) {
        const Facet& facet = article.facets[static_cast<std::size_t>(f)];
        if (facet.built_in) continue;
        for (const int v : values) {
            const FacetValue& value = facet.values[static_cast<std::size_t>(v)];
            // A label another facet has too ("Security" of Dimension and of Front) is
            // qualified by its facet, as the filter chips are.
            bool shared = false;
            for (const Facet& other : article.facets)
                if (&other != &facet && !other.built_in)
                    for (const FacetValue& ov : other.values) shared = shared || ov.label == value.label;
            label = ImLabel(shared ? facet.label + ": " + value.label : value.label) + "##" + facet.id + "/" + value.id;
            const float w = ChipWidth(label.c_str());
            if (any && x + w > width) {
                x = 0;
                y += h + gap_y;
            }
            each(facet, value, label, x, y);
            x += w + gap_x;
            any = true;
        }
    }
    return any ? y + h : 0.0f;
}

// The geometry of one row (local offsets from its top).
struct RowMetrics {
    float sp = 0;          // ImGui's item spacing (y)
    float measure = 0;     // the text column
    float gutter = 0;      // passage numbers
    float text_w = 0;      // the passage's text
    float line_height = 0; // the body text's
};

constexpr float kHeadingAbove = 8.0f, kHeadingBelow = 2.0f, kRowGap = 10.0f;

float heading_block(const RowMetrics& m, float text_h) { return kHeadingAbove + m.sp + text_h + m.sp + kHeadingBelow + m.sp; }
float body_block(const RowMetrics& m, float text_h, float tags_h) {
    return std::max(text_h, 1.0f) + m.sp + tags_h + m.sp + kRowGap + m.sp;
}

// Heights of rows never drawn at this width: lines from the text's length, one row of tags.
float estimate_body(const Article& article, const ReaderRows& rows, const RowMetrics& m, const Passage& passage,
                    float chip_h) {
    const float width = static_cast<float>(passage.text.size()) * rows.advance_per_byte;
    const float lines = std::max(1.0f, std::ceil(width / std::max(m.text_w, 1.0f)));
    bool tags = false;
    for (const auto& [f, values] : passage.facets)
        tags = tags || (!values.empty() && !article.facets[static_cast<std::size_t>(f)].built_in);
    return body_block(m, lines * m.line_height, tags ? chip_h : 0.0f);
}

}  // namespace

bool reader_animating(const ReaderState& r) {
    return r.scroll_to != -1 || r.scroll_settle > 0 || r.flash_passage >= 0 || r.fling.coasting;
}

void draw_reader(ViewContext& ctx, ReaderState& ui) {
    const Article& article = ctx.corpus.article;
    const ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float start_y = ImGui::GetCursorPosY();
    const float avail = ImGui::GetContentRegionAvail().x;
    // The text column as it is with the details panel open (see Layout::steady_width).
    // (steady_width is the panel's outer width: less its padding and scroll bar.)
    const float frame = std::max(0.0f, ImGui::GetWindowWidth() - avail);
    const float room = ctx.layout.steady_width > 0 ? std::min(avail, ctx.layout.steady_width - frame) : avail;
    // Whole pixels: a fractional column would wrap and draw the text between pixels (blurry).
    const float measure = std::floor(std::min(room - 8.0f, kMaxMeasure));
    const float left = std::floor(ImGui::GetCursorPosX() + std::max(0.0f, (room - measure) * 0.5f));
    ReaderRows& rows = ui.rows;

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
    ui.last_width = avail;
    if (ui.scroll_settle > 0) --ui.scroll_settle;

    // Two fingers pinching over the text: the text (only) grows or shrinks.
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const ImVec2 pc(ctx.input.pinch_x, ctx.input.pinch_y);
    if (ctx.input.pinch_scale != 1.0f && pc.x >= wp.x && pc.y >= wp.y && pc.x <= wp.x + ws.x && pc.y <= wp.y + ws.y) {
        ui.text_zoom = std::clamp(ui.text_zoom * ctx.input.pinch_scale, kMinTextZoom, kMaxTextZoom);
    }

    // The rows: forget their heights when what they depend on changed.
    RowMetrics m;
    m.sp = ImGui::GetStyle().ItemSpacing.y;
    m.measure = measure;
    // The gutter's numbers grow with the text (a pinch), within a quarter of the measure.
    // It also holds each passage's "…" (its actions) left of the number: room for the
    // widest number and the button.
    {
        ImGui::PushFont(ctx.fonts.small);  // (the numbers are drawn at the pinched size)
        char widest[16];
        std::snprintf(widest, sizeof widest, "%d", static_cast<int>(article.passages.size()));
        const float need = kNumberGap + ImGui::CalcTextSize(widest).x * ui.text_zoom + 2.0f + actions_width();
        ImGui::PopFont();
        const float base = (measure < 520.0f ? 34.0f : kGutter) * std::max(1.0f, ui.text_zoom);
        m.gutter = std::round(std::min(std::max(base, need), measure * 0.25f));
    }
    m.text_w = measure - m.gutter;  // whole pixels (both are)
    RichLayoutParams params;
    params.font = ctx.fonts.reader_body ? ctx.fonts.reader_body : ctx.fonts.body;  // rasterised at the zoom
    params.font_size = ImGui::GetFontSize() * ui.text_zoom;  // pinched bigger or smaller
    params.wrap_width = m.text_w;
    m.line_height = std::floor(params.font_size * params.line_spacing + 0.5f);
    if (rows.measure != measure || rows.text_w != m.text_w || rows.font_size != params.font_size ||
        rows.font != params.font || rows.item_spacing != m.sp || rows.body.size() != article.passages.size()) {
        rows.measure = measure;
        rows.text_w = m.text_w;
        rows.font_size = params.font_size;
        rows.font = params.font;
        rows.item_spacing = m.sp;
        rows.body.assign(article.passages.size(), -1.0f);
        rows.heading.assign(article.sections.size(), -1.0f);
        const std::string_view sample = article.passages.empty() ? std::string_view("win-win cooperation")
                                                                 : std::string_view(article.passages[0].text).substr(0, 2048);
        const float w = params.font ? params.font->CalcTextSizeA(params.font_size, FLT_MAX, 0.0f, sample.data(),
                                                                 sample.data() + sample.size()).x
                                    : 0.0f;
        rows.advance_per_byte = sample.empty() ? params.font_size * 0.5f : w / static_cast<float>(sample.size());
        rows.version = ~std::uint64_t{0};
    }
    if (ui.cache.size() > 4096) ui.cache.clear();  // a long article read through: keep memory bounded
    const int n = static_cast<int>(ctx.derived.shown.size());
    ImGui::PushFont(ctx.fonts.small);
    const float chip_h = ChipHeight();
    ImGui::PopFont();
    // Section headings and passage numbers are laid out at the pinched size too (fonts
    // scaled, the text re-laid out: never a stretched picture of it).
    const Fonts& zfonts = ctx.fonts;
    auto push_zoomed = [&](ImFont* font) {
        ImFont* mine = font == zfonts.heading ? zfonts.reader_heading : zfonts.reader_small;  // at zfonts.reader_zoom
        if (mine) font = mine;
        const float was = font->Scale;
        font->Scale = was * ui.text_zoom / (mine ? zfonts.reader_zoom : 1.0f);
        ImGui::PushFont(font);
        font->Scale = was;  // ImGui took the size at the push; the font is shared
    };
    push_zoomed(ctx.fonts.heading);
    const float heading_line = ImGui::GetFontSize();
    ImGui::PopFont();
    const bool new_rows = rows.version != ctx.derived.version;
    if (new_rows) {
        rows.version = ctx.derived.version;
        rows.passages = ctx.derived.shown;
        rows.opens.assign(static_cast<std::size_t>(n), 0);
        int last_section = -2;
        for (int r = 0; r < n; ++r) {
            const int section = article.passages[static_cast<std::size_t>(rows.passages[static_cast<std::size_t>(r)])].section;
            rows.opens[static_cast<std::size_t>(r)] = section != last_section && section >= 0;
            last_section = section;
        }
    }
    auto row_height = [&](int r) {
        const int p = rows.passages[static_cast<std::size_t>(r)];
        const Passage& passage = article.passages[static_cast<std::size_t>(p)];
        float h = rows.body[static_cast<std::size_t>(p)];
        if (h < 0) h = estimate_body(article, rows, m, passage, chip_h);
        if (rows.opens[static_cast<std::size_t>(r)]) {
            const float hh = rows.heading[static_cast<std::size_t>(passage.section)];
            h += hh >= 0 ? hh : heading_block(m, heading_line);
        }
        return h;
    };
    auto compute_tops = [&] {
        rows.top.resize(static_cast<std::size_t>(n) + 1);
        float y = 0;
        for (int r = 0; r < n; ++r) {
            rows.top[static_cast<std::size_t>(r)] = y;
            y += row_height(r);
        }
        rows.top[static_cast<std::size_t>(n)] = y;
    };
    compute_tops();

    const int selected = selected_node(ctx.corpus, ctx.state);
    const std::uint64_t spans_key = ctx.derived.version * 1000003u + static_cast<std::uint64_t>(selected + 1);
    std::vector<RichSpan> spans;
    auto text_layout = [&](int p) -> const RichTextLayout& {
        passage_spans(ctx, p, selected, spans);
        return ui.cache.get(p, article.passages[static_cast<std::size_t>(p)].text, spans, spans_key, params);
    };
    // Measures row r exactly (its text laid out, its tags flowed); true when it changed.
    auto measure_row = [&](int r) {
        const int p = rows.passages[static_cast<std::size_t>(r)];
        const Passage& passage = article.passages[static_cast<std::size_t>(p)];
        bool changed = false;
        if (rows.body[static_cast<std::size_t>(p)] < 0) {
            const float before = row_height(r);
            ImGui::PushFont(ctx.fonts.small);
            const float tags_h = flow_chips(article, passage, m.text_w, [](auto&&...) {});
            ImGui::PopFont();
            rows.body[static_cast<std::size_t>(p)] = body_block(m, text_layout(p).size.y, tags_h);
            changed = row_height(r) != before;
        }
        if (rows.opens[static_cast<std::size_t>(r)] && rows.heading[static_cast<std::size_t>(passage.section)] < 0) {
            const float before = row_height(r);
            const Section& section = article.sections[static_cast<std::size_t>(passage.section)];
            push_zoomed(ctx.fonts.heading);
            const float h = ImGui::CalcTextSize(section.heading.c_str(), nullptr, false, measure).y;
            ImGui::PopFont();
            rows.heading[static_cast<std::size_t>(passage.section)] = heading_block(m, h);
            changed = changed || row_height(r) != before;
        }
        return changed;
    };
    // The row containing local offset y (below body_y), or n.
    auto row_at = [&](float y) {
        const auto it = std::upper_bound(rows.top.begin(), rows.top.end() - 1, y);
        return std::max(0, static_cast<int>(it - rows.top.begin()) - 1);
    };
    auto row_of = [&](int passage) {  // the row of `passage`, else the first after it, else -1
        const auto it = std::lower_bound(rows.passages.begin(), rows.passages.end(), passage);
        return it == rows.passages.end() ? -1 : static_cast<int>(it - rows.passages.begin());
    };

    // Where the view is: the user's scroll (wheel or scroll bar, by ImGui; a drag, the
    // keys), a passage asked for, or else the passage that was at the top stays there.
    float body_y = rows.body_y >= 0 ? rows.body_y : start_y;
    const float view_h = window->InnerRect.GetHeight();
    const float tail = std::max(0.0f, ImGui::GetWindowHeight() * 0.5f);
    auto max_scroll = [&] {
        return std::max(0.0f, body_y + rows.top[static_cast<std::size_t>(n)] + tail + window->WindowPadding.y - view_h);
    };
    const float was = window->Scroll.y;
    bool user = std::fabs(was - ui.last_scroll_y) > 0.5f;  // ImGui scrolled: the wheel, the scroll bar
    if (user && was < ui.last_scroll_y && std::fabs(was - ImGui::GetScrollMaxY()) < 0.5f && !ImGui::IsAnyItemActive() &&
        io.MouseWheel == 0.0f)
        user = false;  // clamped to a shorter content, not the user
    float y = was;
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
        if (io.MouseDelta.y != 0.0f) {
            y -= io.MouseDelta.y;
            user = true;
        }
    }
    if (ui.fling.coasting && ui.scroll_to == -1) {
        const float dy = ui.fling.step(io.DeltaTime).y;
        y -= dy;
        user = true;
        if (y <= 0 || y >= max_scroll()) ui.fling.stop();  // hit an end
    }
    // Keyboard scrolling (from the page's mirror: arrows, PageUp/PageDown, Home/End).
    if (ui.key != ReaderState::Key::None) {
        const float line = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
        const float page = ImGui::GetWindowHeight() * 0.85f;
        switch (ui.key) {
        case ReaderState::Key::LineDown: y += line; break;
        case ReaderState::Key::LineUp: y -= line; break;
        case ReaderState::Key::PageDown: y += page; break;
        case ReaderState::Key::PageUp: y -= page; break;
        case ReaderState::Key::Home: y = 0; break;
        case ReaderState::Key::End: y = 1e30f; break;
        case ReaderState::Key::None: break;
        }
        ui.key = ReaderState::Key::None;
        ui.fling.stop();
        user = true;
    }
    // The view as an anchor: a row and the view's offset from its top (-1: the offset
    // from the top of the reader, within the header).
    int anchor_row = -1;
    float offset = y;
    bool ours = false;  // a scroll of ours (a reveal, keeping the top passage in place)
    auto anchor_pixel = [&](float py) {
        py = std::clamp(py, 0.0f, max_scroll());
        if (n == 0 || rows.body_y < 0 || py <= body_y) {  // in the header (or not yet drawn)
            anchor_row = -1;
            offset = py;
        } else {
            anchor_row = std::min(row_at(py - body_y), n - 1);
            offset = py - body_y - rows.top[static_cast<std::size_t>(anchor_row)];
        }
    };
    if (ui.scroll_to == ReaderState::kScrollTop) {
        anchor_row = -1;
        offset = 0;
        ui.scroll_to = -1;
        ours = true;
    } else if (ui.scroll_to >= 0) {
        const int r = n > 0 && ctx.derived.passage_in(ui.scroll_to) ? row_of(ui.scroll_to) : -1;
        if (r >= 0) {  // its text 12 px below the top (its section's heading, if any, above)
            anchor_row = r;
            offset = -12.0f;
            if (rows.opens[static_cast<std::size_t>(r)]) {
                measure_row(r);
                compute_tops();
                offset += rows.heading[static_cast<std::size_t>(
                    article.passages[static_cast<std::size_t>(rows.passages[static_cast<std::size_t>(r)])].section)];
            }
            ours = true;
        } else {
            anchor_pixel(y);  // not shown: nothing to do
        }
        ui.scroll_to = -1;
        ui.fling.stop();
    } else if (user || rows.anchor < 0) {
        anchor_pixel(y);
    } else {
        anchor_row = row_of(rows.anchor);
        offset = rows.anchor_offset;
        if (anchor_row < 0) anchor_pixel(1e30f);  // past the last row shown: the end
        else if (rows.passages[static_cast<std::size_t>(anchor_row)] != rows.anchor) offset = 0;  // gone: the next one
    }
    // Measure the rows in view (exactly, once per width), re-anchoring until they settle.
    auto anchored_y = [&] {
        const float py = anchor_row < 0 ? offset : body_y + rows.top[static_cast<std::size_t>(anchor_row)] + offset;
        return std::clamp(py, 0.0f, max_scroll());
    };
    int first = 0;  // the first row in view
    for (int pass = 0; pass < 8; ++pass) {
        y = anchored_y();
        first = n > 0 ? row_at(std::max(0.0f, y - body_y)) : 0;
        bool changed = false;
        for (int r = first; r < n && body_y + rows.top[static_cast<std::size_t>(r)] < y + view_h; ++r)
            changed = measure_row(r) || changed;
        if (!changed) break;
        compute_tops();
    }
    if (std::fabs(y - was) > 0.5f && ours) ui.scroll_settle = std::max(ui.scroll_settle, 2);
    scroll_now(y);
    rows.anchor = anchor_row >= 0 ? rows.passages[static_cast<std::size_t>(anchor_row)] : -1;
    rows.anchor_offset = offset;
    const float scroll_y = y;

    draw_header(ctx, left, measure);
    draw_best_matches(ctx, ui, left, measure);
    const float header_end = ImGui::GetCursorPosY();
    if (std::fabs(header_end - body_y) > 0.5f) {  // first frame, a new width: once more
        rows.body_y = header_end;
        ui.scroll_settle = std::max(ui.scroll_settle, 2);
    }
    body_y = header_end;
    if (n == 0) {
        draw_empty_state(ctx, left, measure);
        ui.scroll_to = -1;
        ui.scroll_settle = 0;  // nothing to settle (else it would animate, drawing every frame)
        ui.last_scroll_y = window->Scroll.y;
        ui.rows_drawn = 0;
        return;
    }

    // The rows in view, each at its place (nothing else is laid out or drawn).
    const RichTextColors colors = rich_colors(ctx.theme);
    int clicked_node = -1;
    int hovered_node = -1;
    const ImRect clip = window->ClipRect;
    const float x0 = ImGui::GetWindowPos().x + left - ImGui::GetScrollX();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    first = row_at(std::max(0.0f, scroll_y - body_y));
    ui.rows_drawn = 0;
    for (int r = first; r < n && body_y + rows.top[static_cast<std::size_t>(r)] < scroll_y + view_h; ++r) {
        measure_row(r);  // (already, unless the header moved)
        ++ui.rows_drawn;
        const int p = rows.passages[static_cast<std::size_t>(r)];
        const Passage& passage = article.passages[static_cast<std::size_t>(p)];
        float ly = body_y + rows.top[static_cast<std::size_t>(r)];
        if (rows.opens[static_cast<std::size_t>(r)]) {
            const Section& section = article.sections[static_cast<std::size_t>(passage.section)];
            ImGui::SetCursorPos(ImVec2(left, ly + kHeadingAbove + m.sp));
            ImGui::PushTextWrapPos(left + measure);
            push_zoomed(ctx.fonts.heading);
            TextBidi(section.heading);
            ImGui::PopFont();
            ImGui::PopTextWrapPos();
            ctx.places.place_item("section/" + section.id);
            ly += rows.heading[static_cast<std::size_t>(passage.section)];
        }
        const RichTextLayout& layout = text_layout(p);
        ImGui::SetCursorPos(ImVec2(left + m.gutter, ly));
        const ImVec2 screen(x0, ImGui::GetCursorScreenPos().y);
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
        push_zoomed(ctx.fonts.small);
        const ImVec2 nsize = ImGui::CalcTextSize(number);
        const float ny = screen.y + (layout.line_height - layout.font_size) * 0.5f + (layout.font_size - nsize.y) * 0.8f;
        const float number_x = x0 + m.gutter - kNumberGap - nsize.x;
        dl->AddText(ImVec2(number_x, ny), ctx.theme.text_muted, number);
        ImGui::PopFont();

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
            for (const RichFragment& f : layout.fragments) {
                const float fy = text_origin.y + f.y;
                if (fy + layout.line_height > clip.Min.y && fy < clip.Max.y) t.fragments.push_back(f);
            }
        }

        // Themes: the passage's values of the declared facets, as chips (click: filter);
        // only those in view are drawn.
        const float tags_y = ly + std::max(layout.size.y, 1.0f) + m.sp;
        ImGui::PushFont(ctx.fonts.small);
        const float tags_h = flow_chips(article, passage, m.text_w, [&](const Facet& facet, const FacetValue& value,
                                                                         const std::string& label, float cx, float cy) {
            const float sy = window->Pos.y - scroll_y + tags_y + cy;
            if (sy + chip_h < clip.Min.y || sy > clip.Max.y) return;
            const auto chosen = ctx.state.facets.find(facet.id);
            const bool active = chosen != ctx.state.facets.end() && chosen->second.count(value.id) > 0;
            ImGui::SetCursorPos(ImVec2(left + m.gutter + cx, tags_y + cy));
            if (Chip(label.c_str(), ctx.theme, active ? ChipFlags_Active : ChipFlags_None))
                ctx.emit(intent::ToggleFacetValue{facet.id, value.id});
            ctx.places.place_item("passage/" + passage.id + "/tag/" + facet.id + "/" + value.id + "/toggle");
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("%s: %s\n%s", facet.label.c_str(), value.label.c_str(),
                                  active ? "Click to remove this filter" : "Click to show only passages with it");
            }
        });
        ImGui::PopFont();
        ImGui::PopID();
        // Linked views: a bar in the gutter marks the passages mentioning the selected node;
        // the passage under the pointer is reported (the map rings its nodes).
        const float bottom = screen.y + (tags_y + tags_h + m.sp - ly);
        {  // the passage as a whole (its text and tags), within the reader's clip
            ImRect rect(ImVec2(x0 - 4, screen.y - 2), ImVec2(x0 + measure + 4, bottom));
            rect.ClipWith(clip);
            if (rect.GetHeight() > 0) ctx.places.place("passage/" + passage.id, rect.Min, rect.Max);
        }
        if (selected >= 0 && ctx.corpus.mention_count(selected, p) > 0) {
            dl->AddRectFilled(ImVec2(x0 + 2, screen.y), ImVec2(x0 + 5, screen.y + layout.size.y), ctx.theme.accent, 1.5f);
        }
        const bool row_hovered = ImGui::IsWindowHovered() && io.MousePos.y >= screen.y && io.MousePos.y < bottom;
        if (row_hovered) hover_passage(ctx, p);
        // The passage's actions (copy, cite, link, collect): a "…" beside its number, always
        // shown (a finger has no hover), and a right-click anywhere on it.
        {
            ImGui::PushID(p);
            const std::string menu_id = "##passage-actions";
            const std::string mirror_id = "passage/" + passage.id + "/actions";
            const float bh = ImGui::GetFrameHeight();
            ImGui::SetCursorScreenPos(ImVec2(std::floor(number_x - 2.0f - actions_width()),
                                             std::floor(screen.y + (layout.line_height - bh) * 0.5f)));
            passage_menu_button(ctx, p, ctx.state.query.empty() ? "reader" : "search", menu_id.c_str(), mirror_id,
                                actions_width());
            if (row_hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) ImGui::OpenPopup("##passage-context");
            if (ImGui::BeginPopup("##passage-context")) {
                passage_menu_items(ctx, p, ctx.state.query.empty() ? "reader" : "search");
                ImGui::EndPopup();
            }
            ImGui::PopID();
        }
    }
    // The whole length, so that the scroll bar is right; half a view more at the end.
    ImGui::SetCursorPos(ImVec2(left, body_y + rows.top[static_cast<std::size_t>(n)]));
    ImGui::Dummy(ImVec2(0, tail));

    if (hovered_node >= 0) node_tooltip(ctx, hovered_node);
    if (clicked_node >= 0) select_node(ctx, clicked_node);

    // Reading position: follow the user's scrolling (not our own programmatic scrolls): the
    // top-most passage in view.
    if (user && !ours) {
        int observed = -1;
        for (int r = first; r < n; ++r) {
            if (body_y + rows.top[static_cast<std::size_t>(r) + 1] > scroll_y + 16.0f) {
                observed = rows.passages[static_cast<std::size_t>(r)];
                break;
            }
        }
        const std::string at = scroll_y <= 0.5f || observed < 0 ? std::string()
                                                               : article.passages[static_cast<std::size_t>(observed)].id;
        if (at != ctx.state.passage) ctx.emit(intent::ReadAt{at});
    }
    ui.last_scroll_y = scroll_y;
}

}  // namespace wwe::ui
