// Win-Win Explorer UI: small widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace wwe::ui {
namespace {
constexpr float kChipPadX = 8.0f;
constexpr float kChipPadY = 2.0f;

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}
}  // namespace

bool InputTextString(const char* str_id, const char* hint, std::string& text) {
    return ImGui::InputTextWithHint(str_id, hint, text.data(), text.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                                    resize_callback, &text);
}

bool FilterBox(const char* str_id, const char* hint, std::string& text, float width) {
    ImGui::SetNextItemWidth(width);
    return InputTextString(str_id, hint, text);
}

float ChipWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * kChipPadX;
}

bool Chip(const char* label, const Theme& theme, ChipFlags flags) {
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 size(text.x + 2 * kChipPadX, text.y + 2 * kChipPadY);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    ImU32 bg = (flags & ChipFlags_Active) ? theme.chip_bg_active : theme.chip_bg;
    if (hovered) bg = theme.hover_bg;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, theme.chip_rounding);
    const char* end = std::strstr(label, "##");  // ImGui's convention: "##" starts the hidden id
    if (!end) end = label + std::strlen(label);
    dl->AddText(ImVec2(pos.x + kChipPadX, pos.y + kChipPadY), theme.chip_text, label, end);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

void FlowRow::begin(float width) {
    start_x = ImGui::GetCursorScreenPos().x;
    max_x = start_x + width;
    first = true;
}

void FlowRow::next(float item_width) {
    if (!first) {
        const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.75f;
        const float x = ImGui::GetItemRectMax().x + spacing;
        if (x + item_width <= max_x) ImGui::SameLine(0, spacing);
    }
    first = false;
}

void TextMuted(const Theme& theme, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    char buf[1024];
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    TextWrappedColored(theme.text_muted, buf);
}

void TextWrappedColored(ImU32 color, const char* text, const char* text_end) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text, text_end);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

bool CloseButton(const char* str_id, const Theme& theme) {
    const float h = ImGui::GetFrameHeight();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(str_id, ImVec2(h, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsItemHovered()) {
        dl->AddRectFilled(pos, ImVec2(pos.x + h, pos.y + h), theme.hover_bg, 4.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const float m = h * 0.32f;
    const ImU32 col = theme.text_muted;
    dl->AddLine(ImVec2(pos.x + m, pos.y + m), ImVec2(pos.x + h - m, pos.y + h - m), col, 1.6f);
    dl->AddLine(ImVec2(pos.x + h - m, pos.y + m), ImVec2(pos.x + m, pos.y + h - m), col, 1.6f);
    return clicked;
}

void CountBadge(int count, float right_x, const Theme& theme) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", count);
    const ImVec2 size = ImGui::CalcTextSize(buf);
    const ImVec2 item_min = ImGui::GetItemRectMin();
    const ImVec2 item_max = ImGui::GetItemRectMax();
    const float y = item_min.y + (item_max.y - item_min.y - size.y) * 0.5f;
    ImGui::GetWindowDrawList()->AddText(ImVec2(right_x - size.x, y), theme.text_muted, buf);
}

}  // namespace wwe::ui
