// Win-Win Explorer UI: small widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>

#include "core/script.hpp"
#include "ui/rich_text.hpp"
#include "imgui_internal.h"

namespace wwe::ui {
namespace {
constexpr float kChipPadX = 8.0f;
constexpr float kChipPadY = 2.0f;

struct TextBoxData {
    std::string* text;
    const std::string* replace;  // replaces the text being edited (the focused box)
};

int text_box_callback(ImGuiInputTextCallbackData* data) {
    auto* box = static_cast<TextBoxData*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        box->text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = box->text->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && box->replace) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, box->replace->c_str(), box->replace->c_str() + box->replace->size());
        box->replace = nullptr;
    }
    return 0;
}
}  // namespace

bool InputTextString(const char* str_id, const char* hint, std::string& text, const std::string* replace) {
    TextBoxData data{&text, replace};
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (replace) {
        text = *replace;  // what an inactive box shows; an active one is edited in the callback
        flags |= ImGuiInputTextFlags_CallbackAlways;
    }
    return ImGui::InputTextWithHint(str_id, hint, text.data(), text.capacity() + 1, flags, text_box_callback, &data);
}

bool FilterBox(const char* str_id, const char* hint, std::string& text, float width) {
    ImGui::SetNextItemWidth(width);
    return InputTextString(str_id, hint, text);
}

// Chip padding: roomier where the style asks for touch targets (TouchExtraPadding).
ImVec2 chip_padding() {
    const ImVec2 touch = ImGui::GetStyle().TouchExtraPadding;
    return ImVec2(kChipPadX + 2 * touch.x, kChipPadY + 2 * touch.y);
}

std::string ImLabel(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '#' && i + 1 < text.size() && text[i + 1] == '#') out += kLabelJoiner;
    }
    return out;
}

std::string ShownLabel(std::string_view label) {
    std::string out;
    const std::string_view joiner = kLabelJoiner;
    for (std::size_t i = 0; i < label.size();) {
        if (label.substr(i, joiner.size()) == joiner) {
            i += joiner.size();
            continue;
        }
        out += label[i++];
    }
    return out;
}

namespace {
// A chip's visible label as drawn: right-to-left text reordered and shaped (core/script.hpp).
std::string chip_text(const char* label) {
    const char* end = std::strstr(label, "##");  // ImGui's convention: "##" starts the hidden id
    return wwe::visual_line(std::string_view(label, end ? static_cast<std::size_t>(end - label) : std::strlen(label)));
}
}  // namespace

float ChipWidth(const char* label) {
    return ImGui::CalcTextSize(chip_text(label).c_str()).x + 2 * chip_padding().x;
}

float ChipHeight() { return ImGui::GetFontSize() + 2 * chip_padding().y; }

bool Chip(const char* label, const Theme& theme, ChipFlags flags) {
    const std::string shown = chip_text(label);
    const ImVec2 text = ImGui::CalcTextSize(shown.c_str());
    const ImVec2 pad = chip_padding();
    const ImVec2 size(text.x + 2 * pad.x, text.y + 2 * pad.y);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    ImU32 bg = (flags & ChipFlags_Active) ? theme.chip_bg_active : theme.chip_bg;
    if (hovered) bg = theme.hover_bg;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, theme.chip_rounding);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), theme.chip_text, shown.c_str(), shown.c_str() + shown.size());
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
    TextBidi(text_end ? std::string_view(text, static_cast<std::size_t>(text_end - text)) : std::string_view(text));
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

TouchRows::TouchRows() {
    if (!TouchStyle()) return;
    ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    // Rows in any font from 13 px (the menus' items may be in the small one).
    spacing.y = std::max(spacing.y, kTouchRowHeight - std::min(ImGui::GetFontSize(), 13.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, spacing);
    pushed_ = true;
}

TouchRows::~TouchRows() {
    if (pushed_) ImGui::PopStyleVar();
}

void Fling::track(ImVec2 delta, float dt) {
    coasting = false;
    if (dt <= 0) return;
    clock += dt;
    samples[count % 8] = {clock, delta};
    ++count;
}

void Fling::release() {
    constexpr float kHold = 0.12f;       // seconds still before lifting that still fling
    constexpr float kWindow = 0.1f;      // seconds of movement that set the speed
    constexpr float kMinSpeed = 150.0f;  // CSS px/s: slower releases just stop
    const int n = std::min(count, 8);
    auto sample = [&](int back) -> const Sample& { return samples[(count - 1 - back) % 8]; };
    auto start_of = [&](int back) { return back + 1 < n ? sample(back + 1).t : 0.0f; };
    int i = 0;
    float now = clock;
    // The frame that saw the finger lift moved nothing; when the lift came in it, within
    // that frame's time, is unknown: a slow frame (a busy device) is no hold.
    if (n > 1 && sample(0).delta.x == 0 && sample(0).delta.y == 0) {
        now = start_of(0);
        i = 1;
    }
    while (i < n && sample(i).delta.x == 0 && sample(i).delta.y == 0 && now - start_of(i) <= kHold) ++i;
    ImVec2 moved(0, 0);
    float end = i < n ? sample(i).t : 0.0f, begin = end;
    for (; i < n && end - start_of(i) <= kWindow + 1e-4f; ++i) {
        moved.x += sample(i).delta.x;
        moved.y += sample(i).delta.y;
        begin = start_of(i);
    }
    if (moved.x == 0 && moved.y == 0 && i < n) {  // frames slower than the window: the last one
        moved = sample(i).delta;
        begin = start_of(i);
    }
    const float span = end - begin;
    velocity = span > 0 ? ImVec2(moved.x / span, moved.y / span) : ImVec2(0, 0);
    coasting = std::hypot(velocity.x, velocity.y) >= kMinSpeed;
    if (!coasting) velocity = ImVec2(0, 0);
    count = 0;
    clock = 0;
}

void Fling::stop() {
    coasting = false;
    velocity = ImVec2(0, 0);
    count = 0;
    clock = 0;
}

ImVec2 Fling::step(float dt) {
    if (!coasting || dt <= 0) return ImVec2(0, 0);
    constexpr float kTimeConstant = 0.3f;  // seconds
    const float decay = std::exp(-dt / kTimeConstant);
    const ImVec2 move(velocity.x * dt, velocity.y * dt);
    velocity.x *= decay;
    velocity.y *= decay;
    if (std::hypot(velocity.x, velocity.y) < 10.0f) stop();
    return move;
}

namespace {
struct ListScroll {
    bool dragging = false;  // a finger pressed in this list and is down
    bool moved = false;     // it moved past the drag threshold: scrolling, no click
    Fling fling;
    int seen = 0;           // the frame it was last called (windows that went are forgotten)
};
std::unordered_map<ImGuiID, ListScroll> g_lists;
}  // namespace

void TouchScroll(bool touch, bool reduced_motion) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImGuiIO& io = ImGui::GetIO();
    if (g_lists.size() > 64) {  // forget lists not drawn for a while
        for (auto it = g_lists.begin(); it != g_lists.end();)
            it = ImGui::GetFrameCount() - it->second.seen > 600 ? g_lists.erase(it) : std::next(it);
    }
    ListScroll& s = g_lists[w->ID];
    s.seen = ImGui::GetFrameCount();
    if (ImGui::IsMouseClicked(0)) {
        s.fling.stop();  // a new touch catches the list
        s.dragging = touch && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                     w->InnerRect.Contains(io.MouseClickedPos[0]);  // not on its scroll bar
        s.moved = false;
    }
    if (s.dragging && io.MouseDown[0]) {
        if (!s.moved && std::fabs(ImGui::GetMouseDragDelta(0).y) > io.MouseDragThreshold) {
            s.moved = true;
            ImGui::ClearActiveID();  // the row under the finger is not clicked by this drag
        }
        if (s.moved && io.MouseDelta.y != 0.0f) {
            ImGui::SetScrollY(w, std::clamp(w->Scroll.y - io.MouseDelta.y, 0.0f, w->ScrollMax.y));
        }
        if (s.moved) s.fling.track(ImVec2(0, io.MouseDelta.y), io.DeltaTime);
    } else if (s.dragging) {
        if (s.moved && !reduced_motion) s.fling.release();
        s.dragging = false;
    }
    if (s.fling.coasting) {
        const float dy = s.fling.step(io.DeltaTime).y;
        const float y = std::clamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
        ImGui::SetScrollY(w, y);
        if (y <= 0.0f || y >= w->ScrollMax.y) s.fling.stop();  // hit an end
    }
}

bool TouchScrolling() {
    const int now = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    for (auto& [id, s] : g_lists) {
        if (!s.fling.coasting) continue;
        if (now - s.seen <= 2) return true;
        s.fling.stop();  // its list is no longer drawn (another view): nothing to coast
    }
    return false;
}

}  // namespace wwe::ui
