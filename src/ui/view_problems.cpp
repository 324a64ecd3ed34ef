// Win-Win Explorer UI: the problems panel — what opening a file found, each problem in plain
// words first, then its JSON pointer and line; and the suggested key terms of an imported
// text, each accepted as a concept with one click.
#include <string>

#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {

bool problems_showing(const Controller& core, const ProblemsState& problems) {
    const OpenReport& r = core.open_report();
    // A file that could not be opened; the warnings of one that was are in the notice.
    return !r.name.empty() && !r.opened && !r.problems.empty() && r.serial != problems.dismissed;
}

void draw_problems(ViewContext& ctx, ProblemsState& problems) {
    const OpenReport& r = ctx.core.open_report();
    if (!problems_showing(ctx.core, problems)) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size(std::min(640.0f, io.DisplaySize.x - 24), std::min(460.0f, io.DisplaySize.y - 24));
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.surface);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    ImGui::Begin("##problems", nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight() - 8);
    ImGui::TextUnformatted(r.summary.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
    if (CloseButton("##close-problems", ctx.theme)) problems.dismissed = r.serial;
    ctx.places.place_item("problems/close");
    ImGui::Separator();
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2;
    ImGui::BeginChild("##problem-list", ImVec2(0, -footer));
    ImGui::PushTextWrapPos(0);
    for (std::size_t i = 0; i < r.problems.size(); ++i) {
        const Problem& p = r.problems[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, p.severity == Severity::Error ? ctx.theme.error : ctx.theme.text);
        ImGui::TextUnformatted(((p.severity == Severity::Error ? "Error: " : "Warning: ") + p.message).c_str());
        ImGui::PopStyleColor();
        const std::string where = problem_place_text(p);
        if (!where.empty()) {
            ImGui::PushFont(ctx.fonts.small);
            ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
            ImGui::TextUnformatted(where.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(r.kind == FileKind::Article
                               ? "Lines are those of the file; explorer validate FILE lists the same problems."
                               : "Fill in what the text could not say in the saved article (Export, Save as article).");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (ImGui::Button("Open another file...")) {
        ctx.shell.open_file = true;
        problems.dismissed = r.serial;
    }
    ctx.places.place_item("problems/open");
    ImGui::SameLine();
    if (ImGui::Button("Close")) problems.dismissed = r.serial;
    ImGui::End();
}

void draw_key_terms(ViewContext& ctx) {
    if (ctx.core.source_kind() == FileKind::Article || ctx.embed.kiosk) return;
    const std::vector<KeyTerm>& terms = ctx.core.key_terms();
    if (terms.empty()) return;
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Suggested key terms");
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.text_muted);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted("Frequent words and pairs of the text. Click one to make it a concept (map, glossary).");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    FlowRow row;
    row.begin(ImGui::GetContentRegionAvail().x);
    const std::size_t shown = std::min<std::size_t>(terms.size(), 16);
    for (std::size_t i = 0; i < shown; ++i) {
        const KeyTerm& t = terms[i];
        const std::string label = "+ " + ImLabel(t.label) + " (" + std::to_string(t.count) + ")##term/" + std::to_string(i);
        row.next(ChipWidth(label.c_str()));
        if (Chip(label.c_str(), ctx.theme)) ctx.emit(intent::AcceptTerm{t.label});
        ctx.places.place_item("term/" + std::to_string(i));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Make \"%s\" a concept: %d times in %d passages", t.label.c_str(), t.count, t.passages);
    }
    ImGui::PopFont();
}

}  // namespace wwe::ui
