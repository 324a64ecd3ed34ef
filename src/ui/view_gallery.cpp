// Win-Win Explorer UI: the gallery — a hidden debug window (F2) showing every custom widget
// and colour of the theme; the first place to look when styling changes.
#include <string>

#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

void draw_gallery(ViewContext& ctx, GalleryState& gallery, const ReaderState& reader) {
    const Theme& theme = ctx.theme;
    ImGui::SetNextWindowSize(ImVec2(520, 560), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(40, 40), ImGuiCond_FirstUseEver);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (!ImGui::Begin("Gallery: widgets and theme (F2)", &gallery.open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        return;
    }

    if (ImGui::CollapsingHeader("Theme colours", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const ThemeColorInfo& role : theme_color_roles()) {
            const ImU32 c = theme.*role.member;
            ImGui::ColorButton(role.name, ImGui::ColorConvertU32ToFloat4(c), ImGuiColorEditFlags_NoTooltip, ImVec2(36, 18));
            ImGui::SameLine();
            ImGui::Text("%-16s #%02X%02X%02X", role.name, c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
        }
    }

    if (ImGui::CollapsingHeader("Categorical palette (map, legend)", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (int i = 0; i < static_cast<int>(theme.palette.size()); ++i) {
            if (i > 0) ImGui::SameLine(0, 4);
            ImGui::ColorButton("##palette", ImGui::ColorConvertU32ToFloat4(palette_color(theme, i)), ImGuiColorEditFlags_NoTooltip,
                               ImVec2(24, 18));
        }
        TextMuted(theme, "Node types of one kind take the palette in order; shapes tell concepts from entities.");
    }

    if (ImGui::CollapsingHeader("Fonts", ImGuiTreeNodeFlags_DefaultOpen)) {
        // A CJK sample from the data: the first translation alias.
        std::string cjk;
        for (const Node& n : ctx.corpus.article.nodes) {
            for (const Alias& a : n.aliases) {
                if (a.kind == AliasKind::Translation && cjk.empty()) cjk = a.text;
            }
        }
        const std::string sample = "Win-win cooperation \xE2\x80\x94 \xE2\x80\x9Cquotes\xE2\x80\x9D \xE2\x80\xA6 " + cjk;
        const std::pair<const char*, ImFont*> faces[] = {{"body", ctx.fonts.body},       {"bold", ctx.fonts.bold},
                                                         {"small", ctx.fonts.small},     {"heading", ctx.fonts.heading},
                                                         {"title", ctx.fonts.title}};
        for (const auto& [name, font] : faces) {
            ImGui::PushFont(font);
            ImGui::Text("%s: %s", name, sample.c_str());
            ImGui::PopFont();
        }
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        TextMuted(theme, "Atlas %d x %d texels, scale %.2f", atlas->TexWidth, atlas->TexHeight,
                  static_cast<double>(ImGui::GetIO().FontGlobalScale));
    }

    if (ImGui::CollapsingHeader("Rich text", ImGuiTreeNodeFlags_DefaultOpen)) {
        static const std::string text =
            "Plain words, a concept mention, an entity mention, a search hit, a selected mention, "
            "and a hit inside a mention; a long-hyphenated-compound and \xE5\x90\x88\xE4\xBD\x9C\xE5\x85\xB1\xE8\xB5\xA2 wrap.";
        auto find = [&](const char* s) { return static_cast<std::uint32_t>(text.find(s)); };
        auto len = [](const char* s) { return static_cast<std::uint32_t>(std::string(s).size()); };
        std::vector<RichSpan> spans = {
            {find("a concept mention"), find("a concept mention") + len("a concept mention"), RichStyle_Concept, 1},
            {find("an entity mention"), find("an entity mention") + len("an entity mention"), RichStyle_Entity, 2},
            {find("a search hit"), find("a search hit") + len("a search hit"), RichStyle_Hit, -1},
            {find("a selected mention"), find("a selected mention") + len("a selected mention"),
             RichStyle_Concept | RichStyle_Selected, 3},
            {find("a hit inside a mention"), find("a hit inside a mention") + len("a hit inside a mention"), RichStyle_Entity, 4},
            {find("inside"), find("inside") + len("inside"), RichStyle_Hit, -1},
        };
        RichLayoutParams params;
        params.wrap_width = ImGui::GetContentRegionAvail().x;
        const RichTextLayout& layout = gallery.cache.get(0, text, spans, 1, params);
        int clicked = -1;
        int hovered = -1;
        RichText("##sample", text, layout, rich_colors(theme), &clicked, &hovered);
        TextMuted(theme, "%d lines, %d fragments; hovered tag %d; reader layouts computed: %d", layout.lines,
                  static_cast<int>(layout.fragments.size()), hovered, reader.cache.layouts_computed());
    }

    if (ImGui::CollapsingHeader("Widgets", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PushFont(ctx.fonts.small);
        Chip("chip##g1", theme);
        ImGui::SameLine();
        Chip("active chip##g2", theme, ChipFlags_Active);
        ImGui::PopFont();
        ImGui::SameLine();
        CloseButton("##gclose", theme);
        ImGui::SameLine();
        ImGui::TextUnformatted("close button");
        static bool checked = true;
        ImGui::Checkbox("facet value", &checked);
        CountBadge(42, ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, theme);
        TextMuted(theme, "Muted text wraps at the window edge like the passage notes and counts do.");
        ImGui::Text("Dates: %s / %s / %s", format_date("2016-06-20").c_str(), format_date("2013-03").c_str(),
                    format_date("2013").c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace wwe::ui
