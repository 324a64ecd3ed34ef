// Win-Win Explorer UI: Contexts — every occurrence of the search text with the words around
// it, aligned on the keyword (a KWIC concordance, as Voyant's Contexts), sortable by the word
// before or after; a row opens its passage. Terms — the words and names of the passages
// shown with their counts and their spread over the sections (a spark bar per section);
// clicking a term searches it. Both follow the facets like every view; the rows come from
// core concordance.hpp and only the rows in view are drawn.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/script.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

namespace {

std::string as_written(const std::string& text) { return text; }
// `text` as drawn on one line of a right-to-left paragraph (core script.hpp).
std::string visual_rtl(const std::string& text) { return visual_line(text, BidiDirection::RightToLeft); }

// `text` cut in logical order, never inside a code point, so that `drawn(text)` fits `width`:
// at its start with "…" in front (`keep_end`: the end, which touches the keyword, is kept)
// or at its end with "…" after it. "" when not even "…" fits.
std::string fit(const std::string& text, float width, bool keep_end, std::string (*drawn)(const std::string&) = as_written) {
    std::string shown = drawn(text);
    if (ImGui::CalcTextSize(shown.c_str()).x <= width) return shown;
    std::size_t b = 0, e = text.size();
    while (b < e) {
        if (keep_end) {
            ++b;
            while (b < e && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
        } else {
            --e;
            while (e > b && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
        }
        shown = drawn(keep_end ? "\xE2\x80\xA6" + text.substr(b) : text.substr(0, e) + "\xE2\x80\xA6");
        if (ImGui::CalcTextSize(shown.c_str()).x <= width) return shown;
    }
    return "";
}

// Text drawn right-aligned in the rest of the current cell.
void text_right_aligned(const std::string& text) {
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, w - ImGui::CalcTextSize(text.c_str()).x));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.c_str());
}

void sort_button(ViewContext& ctx, ContextsState& st, const char* label, ConcordanceSort sort, const char* tip) {
    const bool on = st.sort == sort;
    if (Chip(label, ctx.theme, on ? ChipFlags_Active : ChipFlags_None)) st.sort = sort;
    ctx.places.place_item(std::string("contexts/sort/") + to_string(sort));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
}

}  // namespace

void draw_contexts(ViewContext& ctx, ContextsState& st) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    ImGui::Dummy(ImVec2(0, 2));
    const SearchQuery& query = ctx.derived.result.query;
    if (query.empty()) {
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::TextUnformatted("Contexts");
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        TextMuted(theme, "%s", "Search for a word, a phrase or a name: every occurrence shows here with the words "
                               "before and after it, lined up on the word you searched.");
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 6));
        const std::vector<std::string> words = suggested_searches(ctx.corpus, 4);
        if (words.empty()) return;
        ImGui::TextUnformatted("Try:");
        for (std::size_t k = 0; k < words.size(); ++k) {
            ImGui::SameLine();
            const std::string label = ImLabel(words[k]) + "##try-" + std::to_string(k);
            if (Chip(label.c_str(), theme)) ctx.emit(intent::SetQuery{words[k], false});
        }
        return;
    }
    if (st.version != ctx.derived.version || st.rows_sort != st.sort) {
        ConcordanceOptions o;
        o.sort = st.sort;
        o.context_chars = 90;
        st.rows = concordance(ctx.corpus, query, ctx.derived.shown, o);
        st.version = ctx.derived.version;
        st.rows_sort = st.sort;
    }
    ImGui::PushFont(ctx.fonts.small);
    ImGui::AlignTextToFramePadding();
    char line[160];
    std::snprintf(line, sizeof line, "%d occurrence%s in %d passage%s \xC2\xB7 sort by", static_cast<int>(st.rows.size()),
                  st.rows.size() == 1 ? "" : "s", static_cast<int>(ctx.derived.shown.size()),
                  ctx.derived.shown.size() == 1 ? "" : "s");
    TextMuted(theme, "%s", line);
    // The sort chips follow on the line while they fit, else on the next (a phone).
    auto next_chip = [&](const char* label) {
        const float w = ChipWidth(label) + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    };
    next_chip("article order##sort-article");
    sort_button(ctx, st, "article order##sort-article", ConcordanceSort::Article, "As the occurrences come in the article");
    next_chip("word before##sort-left");
    sort_button(ctx, st, "word before##sort-left", ConcordanceSort::Left, "By the words before the keyword, nearest first");
    next_chip("word after##sort-right");
    sort_button(ctx, st, "word after##sort-right", ConcordanceSort::Right, "By the words after the keyword");
    ImGui::PopFont();

    // Rows: passage number | left context (right-aligned) | keyword | right context | "…".
    // The number, the keyword and the "…" have their widths; the two contexts share the
    // rest (stretched), so all five fit the view at any width and only the contexts are cut
    // (with "…") to their cells.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    char widest[16];
    std::snprintf(widest, sizeof widest, "%d", static_cast<int>(article.passages.size()));
    const float num_w = std::max(ImGui::CalcTextSize(widest).x, ImGui::CalcTextSize("\xC2\xB6").x) + 4;
    const float act_w = ImGui::GetFrameHeight();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    // Rows as tall as the "…" button (a finger's height on touch screens), the text centred
    // on it: no cell padding added to that.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetStyle().CellPadding.x, 2));
    const bool table = ImGui::BeginTable("##contexts", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 4));
    ImGui::PopStyleVar();
    if (!table) return;
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list
    const float pad = 10 * ImGui::GetStyle().CellPadding.x + ImGui::GetStyle().ScrollbarSize;
    const float rest = std::max(0.0f, avail_w - num_w - act_w - pad);
    float kw_w = ImGui::CalcTextSize("Keyword").x;  // the header whole ("Keywo…" otherwise)
    ImGui::PushFont(ctx.fonts.bold);  // as the keywords are drawn
    for (const ConcordanceRow& r : st.rows) kw_w = std::max(kw_w, ImGui::CalcTextSize(r.keyword_text.c_str()).x);
    ImGui::PopFont();
    kw_w = std::max(1.0f, std::min(kw_w + 4, rest * (avail_w < 600.0f ? 0.5f : 0.34f)));  // a phone: the keyword whole
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("\xC2\xB6", ImGuiTableColumnFlags_WidthFixed, num_w);
    // A right-to-left article reads its rows from the right: the words before the keyword
    // stand to its right, those after it to its left (each row follows its own passage's
    // direction; the headers follow the first row's).
    const bool rtl_head = !st.rows.empty() &&
        paragraph_is_rtl(article.passages[static_cast<std::size_t>(st.rows.front().passage)].text);
    ImGui::TableSetupColumn(rtl_head ? "After" : "Before", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Keyword", ImGuiTableColumnFlags_WidthFixed, kw_w);
    ImGui::TableSetupColumn(rtl_head ? "Before" : "After", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, act_w);
    // The header row, each cell placed for the mirror's column headers.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    const char* const heads[] = {"passage", rtl_head ? "right" : "left", "keyword", rtl_head ? "left" : "right", "actions"};
    for (int c = 0; c < 5; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        if (heads[c]) ctx.places.place_item(std::string("contexts/head/") + heads[c]);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(st.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ConcordanceRow& r = st.rows[static_cast<std::size_t>(i)];
            const Passage& passage = article.passages[static_cast<std::size_t>(r.passage)];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            char num[16];
            std::snprintf(num, sizeof num, "%d", r.passage + 1);
            ImGui::AlignTextToFramePadding();
            // The whole row opens the passage in the reader.
            if (ImGui::Selectable(num, false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                ctx.emit(intent::OpenPassage{passage.id});
            ctx.places.place_item("contexts/row/" + std::to_string(i) + "/open");
            if (ImGui::IsItemHovered()) {
                hover_passage(ctx, r.passage);
                ImGui::SetTooltip("Open passage %d in the reader", r.passage + 1);
            }
            const bool rtl = paragraph_is_rtl(passage.text);
            const std::string before = (r.cut_left ? "\xE2\x80\xA6" : "") + r.left;
            const std::string after = r.right + (r.cut_right ? "\xE2\x80\xA6" : "");
            ImGui::TableNextColumn();
            // The cell next to the keyword on its left, its text against the keyword.
            const float left_w = ImGui::GetContentRegionAvail().x;  // the cell's width, as laid out
            text_right_aligned(rtl ? fit(after, left_w, false, visual_rtl) : fit(before, left_w, true));
            ImGui::TableNextColumn();
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::PushStyleColor(ImGuiCol_Text, theme.accent);
            if (rtl) {
                text_right_aligned(fit(r.keyword_text, ImGui::GetContentRegionAvail().x, false, visual_rtl));
            } else {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(fit(r.keyword_text, ImGui::GetContentRegionAvail().x, false).c_str());
            }
            ImGui::PopStyleColor();
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const float right_w = ImGui::GetContentRegionAvail().x;
            ImGui::TextUnformatted((rtl ? fit(before, right_w, true, visual_rtl) : fit(after, right_w, false)).c_str());
            ImGui::TableNextColumn();
            passage_menu_button(ctx, r.passage, "contexts", "##more", "contexts/row/" + std::to_string(i) + "/actions");
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void draw_terms(ViewContext& ctx, TermsState& st) {
    const Article& article = ctx.corpus.article;
    const Theme& theme = ctx.theme;
    ImGui::Dummy(ImVec2(0, 2));
    if (st.version != ctx.derived.version || st.rows_stop != st.stop_words || st.rows_names != st.names) {
        TermListOptions o;
        o.stop_words = st.stop_words;
        o.names = st.names;
        o.max_rows = 2000;
        st.rows = term_list(ctx.corpus, ctx.derived.shown, o);
        st.version = ctx.derived.version;
        st.rows_stop = st.stop_words;
        st.rows_names = st.names;
    }
    // The controls on one line while they fit, else on the next (a phone).
    const ImGuiStyle& style = ImGui::GetStyle();
    auto same_line_if = [&](float w) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    };
    auto check_w = [&](const char* label) {
        return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
    };
    bool first = true;
    if (!ctx.embed.kiosk) {
        FilterBox("##terms-filter", "Filter the terms", st.filter, std::min(240.0f, ImGui::GetContentRegionAvail().x));
        first = false;
    }
    ImGui::PushFont(ctx.fonts.small);
    if (!first) same_line_if(check_w("Names##terms-names"));
    ImGui::Checkbox("Names##terms-names", &st.names);
    ctx.places.place_item("terms/names");
    same_line_if(check_w("Common words##terms-stop"));
    ImGui::Checkbox("Common words##terms-stop", &st.stop_words);
    ctx.places.place_item("terms/stop-words");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the common words (of, the, and...) too");
    const char* hint = "Click a term to search it.";
    same_line_if(ImGui::CalcTextSize(hint).x);
    ImGui::AlignTextToFramePadding();
    TextMuted(theme, "%s", hint);
    ImGui::PopFont();

    std::vector<int> shown;
    for (std::size_t i = 0; i < st.rows.size(); ++i)
        if (matches_filter(st.filter, {&st.rows[i].text})) shown.push_back(static_cast<int>(i));
    const std::size_t sections = article.sections.size() + 1;
    int peak = 1;
    for (const int i : shown)
        for (const int c : st.rows[static_cast<std::size_t>(i)].per_section) peak = std::max(peak, c);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##terms", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 4))) return;
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Term", ImGuiTableColumnFlags_None, 2.6f);
    ImGui::TableSetupColumn("Count", ImGuiTableColumnFlags_None, 0.7f);
    ImGui::TableSetupColumn("By section (lead, I, II, ...)", ImGuiTableColumnFlags_None, 2.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const TermRow& r = st.rows[static_cast<std::size_t>(shown[static_cast<std::size_t>(k)])];
            ImGui::PushID(k);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string label = ImLabel(visual_line(r.text)) + (r.node >= 0 ? "  \xC2\xB7 name" : "");
            if (ImGui::Selectable(label.c_str(), ctx.state.query == r.query, ImGuiSelectableFlags_SpanAllColumns))
                ctx.emit(intent::SetQuery{ctx.state.query == r.query ? std::string() : r.query, false});
            ctx.places.place_item("terms/row/" + std::to_string(shown[static_cast<std::size_t>(k)]) + "/search");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search \"%s\" (then see it in context: Contexts)", r.query.c_str());
            ImGui::TableNextColumn();
            // Counts right-aligned so that the digits line up.
            char count[16];
            std::snprintf(count, sizeof count, "%d", r.count);
            const float cw = ImGui::CalcTextSize(count).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - cw - 8));
            ImGui::TextUnformatted(count);
            ImGui::TableNextColumn();
            // The distribution: one bar per section, heights relative to the peak.
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            const float bw = std::max(3.0f, std::min(14.0f, (ImGui::GetContentRegionAvail().x - 4) / static_cast<float>(sections)));
            ImDrawList* dl = ImGui::GetWindowDrawList();
            for (std::size_t s = 0; s < r.per_section.size(); ++s) {
                const float x = p.x + bw * static_cast<float>(s);
                dl->AddRectFilled(ImVec2(x, p.y + h - 1), ImVec2(x + bw - 1, p.y + h), theme.border);
                if (r.per_section[s] == 0) continue;
                const float bh = std::max(2.0f, h * static_cast<float>(r.per_section[s]) / static_cast<float>(peak));
                dl->AddRectFilled(ImVec2(x, p.y + h - bh), ImVec2(x + bw - 1, p.y + h), theme.accent);
            }
            ImGui::Dummy(ImVec2(bw * static_cast<float>(sections), h));
            if (ImGui::IsItemHovered()) {
                std::string tip;
                for (std::size_t s = 0; s < r.per_section.size(); ++s) {
                    if (r.per_section[s] == 0) continue;
                    tip += (s == 0 ? std::string("Lead") : article.sections[s - 1].label) + ": " +
                           std::to_string(r.per_section[s]) + "\n";
                }
                ImGui::SetTooltip("%s", tip.c_str());
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace wwe::ui
