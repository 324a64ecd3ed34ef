// Win-Win Explorer UI: the notebook window (the passages collected, each with the reader's
// note; exports as cited Markdown, HTML and CSL-JSON for Zotero) and the actions any passage
// offers wherever it is listed: copy, copy with its citation, copy a link to it, add it to
// the notebook. The notebook itself (core notebook.hpp) is the shell's; it is saved in the
// browser by the platform.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/export.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

namespace {

std::string passage_text(const ViewContext& ctx, int p, std::uint32_t begin, std::uint32_t end) {
    const std::string& text = ctx.corpus.article.passages[static_cast<std::size_t>(p)].text;
    return end > begin && end <= text.size() ? text.substr(begin, end - begin) : text;
}

}  // namespace

void passage_menu_items(const ViewContext& ctx, int p, const char* from, std::uint32_t begin, std::uint32_t end) {
    if (p < 0 || p >= static_cast<int>(ctx.corpus.article.passages.size())) return;
    const TouchRows rows;  // finger-sized on touch screens
    const Passage& passage = ctx.corpus.article.passages[static_cast<std::size_t>(p)];
    char title[48];
    std::snprintf(title, sizeof title, "Passage %d", p + 1);
    ImGui::TextDisabled("%s", title);
    // The mirror's menu chooses an item as a click would (Layout::passage_menu_choose); each
    // item is placed under the mirror's "passage-menu/<item>".
    const std::string& chosen = ctx.layout.passage_menu_choose;
    auto item = [&](const char* label, const char* key, bool selected = false, bool enabled = true) {
        const bool clicked = ImGui::MenuItem(label, nullptr, selected, enabled);
        ctx.places.place_item(std::string("passage-menu/") + key);
        return clicked || (enabled && !ctx.shell.passage_menu.empty() && chosen == key);
    };
    if (item("Copy", "copy")) {
        ImGui::SetClipboardText(passage_text(ctx, p, begin, end).c_str());
        ctx.shell.copied = "Passage copied.";
    }
    if (item("Copy with citation", "cite")) {
        const std::string text = "\xE2\x80\x9C" + passage_text(ctx, p, begin, end) + "\xE2\x80\x9D \xE2\x80\x94 " +
                                 citation(ctx.corpus, p);
        ImGui::SetClipboardText(text.c_str());
        ctx.shell.copied = "Passage copied with its citation.";
    }
    if (item("Copy link to this passage", "link")) {
        const std::string link = ctx.page_url + "#" + passage_fragment(ctx.corpus, p);
        ImGui::SetClipboardText(link.c_str());
        ctx.shell.copied = "Link to the passage copied.";
    }
    const bool in = ctx.notebook.contains(passage.id);
    if (item(in ? "In the notebook" : "Add to notebook", "collect", in, !in)) {
        NotebookEntry e;
        e.passage = passage.id;
        e.query = ctx.state.query;
        e.from = from;
        e.begin = begin;
        e.end = end;
        ctx.shell.notebook_add.push_back(std::move(e));
    }
}

bool passage_menu_button(const ViewContext& ctx, int p, const char* from, const char* id,
                         const std::string& mirror_id, float width) {
    const float h = ImGui::GetFrameHeight();
    const float bw = width > 0 ? width : h;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(bw, h));
    ctx.places.place_item(mirror_id);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(pos, ImVec2(pos.x + bw, pos.y + h), ctx.theme.hover_bg, 4.0f);
    const float dot = std::min(bw, h) * 0.2f;
    for (int k = -1; k <= 1; ++k)  // "…" drawn as three dots
        dl->AddCircleFilled(ImVec2(pos.x + bw * 0.5f + static_cast<float>(k) * dot, pos.y + h * 0.5f), 1.8f,
                            ctx.theme.text_muted, 8);
    if (hovered) ImGui::SetTooltip("Copy, cite, link or collect this passage");
    const std::string popup = std::string(id) + "-menu";
    const bool asked = ctx.layout.passage_menu_open == mirror_id;  // the mirror's "…"
    if (clicked || (asked && !ImGui::IsPopupOpen(popup.c_str()))) ImGui::OpenPopup(popup.c_str());
    if (asked) ImGui::SetNextWindowPos(ImVec2(pos.x, pos.y + h), ImGuiCond_Appearing);  // under it, not at the mouse
    if (ImGui::BeginPopup(popup.c_str())) {
        ctx.shell.passage_menu = mirror_id;
        ctx.shell.passage_menu_passage = p;
        const ImGuiWindow* w = ImGui::GetCurrentWindow();
        ctx.places.place("passage-menu", w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
        passage_menu_items(ctx, p, from);
        if (ctx.layout.passage_menu_close || !ctx.layout.passage_menu_choose.empty()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return hovered;
}

void draw_notebook(ViewContext& ctx, NotebookState& st, Notebook& nb) {
    if (!st.open) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(560.0f, display.x - 24.0f);
    ImGui::SetNextWindowSize(ImVec2(w, std::min(620.0f, display.y - 144.0f)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x - w - 12, 132), ImGuiCond_Appearing);  // under the toolbar
    if (st.focus) {
        ImGui::SetNextWindowFocus();
        st.focus = false;
    }
    char title[64];
    std::snprintf(title, sizeof title, "Notebook (%d)###notebook", static_cast<int>(nb.entries.size()));
    if (!ImGui::Begin(title, &st.open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ctx.places.place("notebook-dialog", ImGui::GetWindowPos(),
                     ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), ImGui::GetWindowPos().y + ImGui::GetWindowHeight()));
    {  // the title bar's close button (ImGui's own), for the mirror's Close
        const ImGuiWindow* win = ImGui::GetCurrentWindow();
        const float th = win->TitleBarHeight();
        ctx.places.place("notebook-dialog/close", ImVec2(win->Pos.x + win->Size.x - th, win->Pos.y),
                         ImVec2(win->Pos.x + win->Size.x, win->Pos.y + th));
    }
    const Article& article = ctx.corpus.article;
    // Exports (one line, always there: the buttons never move).
    ImGui::BeginDisabled(nb.entries.empty());
    if (ImGui::Button("Markdown"))
        request_download(ctx, {"notebook.md", "text/markdown", notebook_markdown(ctx.corpus, nb, ctx.page_url)});
    ctx.places.place_item("notebook/export/markdown");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Save the passages with their citations and your notes");
    ImGui::SameLine();
    if (ImGui::Button("HTML"))
        request_download(ctx, {"notebook.html", "text/html", notebook_html(ctx.corpus, nb, ctx.page_url)});
    ctx.places.place_item("notebook/export/html");
    ImGui::SameLine();
    if (ImGui::Button("CSL-JSON (Zotero)"))
        request_download(ctx, {"notebook.json", "application/vnd.citationstyles.csl+json",
                               notebook_csl_json(ctx.corpus, nb, ctx.page_url)});
    ctx.places.place_item("notebook/export/csl");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("For reference managers: Zotero imports it (File > Import)");
    ImGui::EndDisabled();
    ImGui::PushFont(ctx.fonts.small);
    if (!st.storage_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.error);
        ImGui::TextWrapped("%s", st.storage_problem.c_str());
        ImGui::PopStyleColor();
    } else {
        TextMuted(ctx.theme, "%s", "Kept in this browser: a reload loses nothing.");
    }
    ImGui::PopFont();
    ImGui::Separator();
    if (nb.entries.empty()) {
        ImGui::PushTextWrapPos(0);
        TextMuted(ctx.theme, "%s",
                  "Nothing collected yet. Any passage can be added: use the \xE2\x80\xA6 button beside it in the reader, "
                  "in Contexts, or in a map edge's evidence.");
        ImGui::PopTextWrapPos();
    }
    ImGui::BeginChild("##notebook-entries");
    TouchScroll(ctx.input.touch, ctx.core.reduced_motion());  // a finger drags and flicks the list
    int remove = -1;
    for (std::size_t i = 0; i < nb.entries.size(); ++i) {
        NotebookEntry& e = nb.entries[i];
        const int p = article.find_passage(e.passage);
        if (p < 0) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::Text("\xC2\xB6%d", p + 1);
        ImGui::PopFont();
        if (!e.query.empty()) {
            ImGui::SameLine();
            ImGui::PushFont(ctx.fonts.small);
            TextMuted(ctx.theme, "from the search %s", quoted_query(e.query).c_str());
            ImGui::PopFont();
        }
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight());
        const std::string entry_id = "notebook/entry/" + std::to_string(i);
        if (CloseButton("##remove", ctx.theme)) remove = static_cast<int>(i);
        ctx.places.place_item(entry_id + "/remove");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove from the notebook");
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(excerpt(entry_text(ctx.corpus, e), 0, 420).c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetNextItemWidth(-1);
        std::string note = e.note;
        if (InputTextString("##note", "Your note", note)) nb.set_note(i, note);
        ctx.places.place_item(entry_id + "/note");
        if (ImGui::SmallButton("Open in the reader")) ctx.emit(intent::OpenPassage{e.passage});
        ctx.places.place_item(entry_id + "/open");
        ImGui::Separator();
        ImGui::PopID();
    }
    if (remove >= 0) nb.remove(static_cast<std::size_t>(remove));
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace wwe::ui
