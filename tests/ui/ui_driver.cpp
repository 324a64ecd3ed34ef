// Win-Win Explorer UI tests: the driver and ImGui's test-engine hooks (see ui_driver.hpp).
#include "ui_driver.hpp"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include <doctest/doctest.h>

#include "core/diagnostic.hpp"

#ifndef IMGUI_ENABLE_TEST_ENGINE
#error "ui_driver.cpp implements ImGui's test-engine hooks: compile imgui and it with IMGUI_ENABLE_TEST_ENGINE"
#endif

namespace wwe::test {
namespace {

constexpr std::size_t kMaxLogLines = 256;
constexpr std::size_t kMaxNearMatches = 12;

UiDriver* driver_of(ImGuiContext* ctx) {
    return ctx ? static_cast<UiDriver*>(ctx->TestEngine) : nullptr;
}

// ImGui's convention: "##" starts the part of a label that only feeds the id.
std::string visible_part(std::string_view label) {
    return std::string(label.substr(0, label.find("##")));
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string format_rect(const ImRect& r) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.0f,%.0f)-(%.0f,%.0f)", r.Min.x, r.Min.y, r.Max.x, r.Max.y);
    return buf;
}

[[noreturn]] void fail_at(const SourceWhere& at, const std::string& message) {
    ADD_FAIL_AT(at.file_name(), static_cast<int>(at.line()), message);
    throw std::runtime_error(message);  // only reached if doctest did not end the test case
}

void append_recover_log(void* user_data, const char* fmt, ...) {
    char buf[256];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    *static_cast<std::string*>(user_data) += std::string("\n  ") + buf;
}

}  // namespace

//------------------------------------------------------------------------------------------
// Item
//------------------------------------------------------------------------------------------

ImVec2 Item::center() const {
    ImRect r = rect;
    r.ClipWith(clip);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0) r = rect;
    return r.GetCenter();
}

std::string Item::describe(std::string_view id_string) const {
    std::string out;
    if (!full_label.empty()) {
        out = "\"" + label + "\"";
        if (full_label != label) out += " (\"" + full_label + "\")";
    } else if (!id_string.empty()) {
        out = "\"" + std::string(id_string) + "\" (its id string; no label reported)";
    } else {
        char buf[40];
        std::snprintf(buf, sizeof buf, "(no label, id 0x%08X)", id);
        out = buf;
    }
    std::string flags;
    auto flag = [&](bool on, const char* name) {
        if (on) flags += (flags.empty() ? "" : ", ") + std::string(name);
    };
    flag(checkable(), checked() ? "checked" : "unchecked");
    flag(openable(), opened() ? "open" : "closed");
    flag(hovered_rect(), "hovered");
    flag(!visible(), "clipped");
    if (!flags.empty()) out += " [" + flags + "]";
    return out + " in " + window + " at " + format_rect(rect);
}

//------------------------------------------------------------------------------------------
// Context and frames
//------------------------------------------------------------------------------------------

UiDriver::UiDriver(const DriverParams& params) : params_(params), time_(params.start_time) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ctx_->TestEngine = this;           // the hooks find the driver here
    ctx_->TestEngineHookItems = true;  // without it imgui.cpp calls no item hook
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = params_.display_size;
    io.DeltaTime = params_.delta_time;
    io.ConfigInputTextCursorBlink = false;
    io.BackendPlatformName = "wwe_ui_driver";
    // No backend maps keys, so ImGuiKey_X is its own index into io.KeysDown (the GLFW
    // backend maps them to GLFW key codes instead; the views ask through GetKeyIndex()).
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no pointer until a test moves it
    if (previous) ImGui::SetCurrentContext(previous);
}

UiDriver::~UiDriver() {
    if (ImGui::GetCurrentContext() == ctx_) ImGui::SetCurrentContext(nullptr);
    ImGui::DestroyContext(ctx_);
}

ImGuiIO& UiDriver::io() {
    ImGui::SetCurrentContext(ctx_);
    return ImGui::GetIO();
}

void UiDriver::set_draw(DrawFn draw) {
    draw_ = std::move(draw);
}

void UiDriver::build_font_texture() {
    ImFontAtlas& atlas = *io().Fonts;
    if (atlas.Fonts.empty()) atlas.AddFontDefault();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    // No renderer: any non-null id will do, nothing samples the texture.
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
}

void UiDriver::frame(int count) {
    for (int i = 0; i < count; ++i) {
        ImGuiIO& io_ = io();
        if (!io_.Fonts->IsBuilt() || io_.Fonts->TexPixelsRGBA32 == nullptr) build_font_texture();
        io_.DeltaTime = params_.delta_time;
        current_.clear();
        ImGui::NewFrame();  // begins the implicit "Debug##Default" window: not recorded
        in_frame_ = true;
        try {
            if (draw_) draw_(time_);
        } catch (...) {  // a failed REQUIRE inside the draw callback: close the frame first
            ImGui::ErrorCheckEndFrameRecover(nullptr);
            ImGui::EndFrame();
            in_frame_ = false;
            throw;
        }
        if (params_.check_stacks) check_stacks();
        ImGui::Render();
        in_frame_ = false;
        last_.swap(current_);
        time_ += params_.delta_time;
        ++frames_;
    }
}

void UiDriver::wait(double seconds) {
    const double until = time_ + seconds;
    while (time_ < until - 1e-9) frame();
}

// ImGui checks Begin/End and Push/Pop pairs only with IM_ASSERT, which NDEBUG builds leave
// out: report what the frame left open, and unwind it so that the next frame starts clean.
void UiDriver::check_stacks() {
    ImGuiContext& g = *ctx_;
    const int windows = g.CurrentWindowStack.Size - 1;  // less NewFrame's implicit window
    const int colors = g.ColorStack.Size, vars = g.StyleVarStack.Size, fonts = g.FontStack.Size;
    if (windows == 0 && colors == 0 && vars == 0 && fonts == 0) return;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "frame #%d left %d windows/children open, %d colour, %d style and %d font pushes unpopped:", frames_,
                  windows, colors, vars, fonts);
    std::string message = buf;
    ImGui::ErrorCheckEndFrameRecover(append_recover_log, &message);
    if (g.ColorStack.Size > 0) ImGui::PopStyleColor(g.ColorStack.Size);
    if (g.StyleVarStack.Size > 0) ImGui::PopStyleVar(g.StyleVarStack.Size);
    while (g.FontStack.Size > 0) ImGui::PopFont();
    FAIL_CHECK(message);
}

//------------------------------------------------------------------------------------------
// Items
//------------------------------------------------------------------------------------------

std::vector<const Item*> UiDriver::matches(std::string_view label, const Find& where) const {
    std::vector<const Item*> out;
    if (label.empty()) return out;
    for (const Item& item : last_) {
        if (!where.window.empty() && item.window.find(where.window) == std::string::npos) continue;
        const bool by_label = !item.full_label.empty() && (item.label == label || item.full_label == label);
        // Widgets that report no label (InvisibleButton): the string their id was made of.
        const bool by_id = ImHashStr(label.data(), label.size(), item.scope) == item.id;
        if (by_label || by_id) out.push_back(&item);
    }
    return out;
}

const Item* UiDriver::by_id(ImGuiID id) const {
    for (const Item& item : last_)
        if (item.id == id) return &item;
    return nullptr;
}

const Item* UiDriver::try_find(std::string_view label, const Find& where) const {
    const std::vector<const Item*> found = matches(label, where);
    if (where.nth < 0) return found.size() == 1 ? found[0] : nullptr;
    return static_cast<std::size_t>(where.nth) < found.size() ? found[static_cast<std::size_t>(where.nth)] : nullptr;
}

Item UiDriver::find(std::string_view label, const Find& where, Where at) const {
    std::string request = "find(\"" + std::string(label) + "\"";
    if (!where.window.empty()) request += ", window \"" + std::string(where.window) + "\"";
    if (where.nth >= 0) request += ", match #" + std::to_string(where.nth);
    request += ")";
    if (label.empty()) fail_at(at, request + ": an empty label names nothing");
    const std::vector<const Item*> found = matches(label, where);
    if (found.empty()) {
        fail_at(at, request + ": no such item in frame " + std::to_string(frames_) + " (" +
                        std::to_string(last_.size()) + " items). " + near_matches(label, where));
    }
    if (where.nth < 0 && found.size() > 1) {
        std::string list;
        for (std::size_t i = 0; i < found.size(); ++i)
            list += "\n  #" + std::to_string(i) + " " + found[i]->describe(label);
        fail_at(at, request + ": " + std::to_string(found.size()) +
                        " items match; choose one with Find::in(window) or Find::match(n):" + list);
    }
    if (where.nth >= 0 && static_cast<std::size_t>(where.nth) >= found.size()) {
        std::string list;
        for (std::size_t i = 0; i < found.size(); ++i)
            list += "\n  #" + std::to_string(i) + " " + found[i]->describe(label);
        fail_at(at, request + ": only " + std::to_string(found.size()) + " items match:" + list);
    }
    return *found[where.nth < 0 ? 0 : static_cast<std::size_t>(where.nth)];
}

std::string UiDriver::near_matches(std::string_view label, const Find& where) const {
    const std::string wanted = lower(label);
    const std::size_t tolerance = std::max<std::size_t>(2, wanted.size() / 4);
    std::vector<std::pair<int, std::string>> near;  // (closeness rank, description)
    for (const Item& item : last_) {
        if (item.full_label.empty()) continue;
        const bool in_window = where.window.empty() || item.window.find(where.window) != std::string::npos;
        const std::string name = lower(item.label), full = lower(item.full_label);
        int rank = -1;
        if (!in_window && (item.label == label || item.full_label == label))
            rank = 0;  // elsewhere
        else if (name == wanted || full == wanted)
            rank = 1;  // case
        else if ((!name.empty() &&
                  (name.find(wanted) != std::string::npos || wanted.find(name) != std::string::npos)) ||
                 full.find(wanted) != std::string::npos)
            rank = 2;  // part of it
        else if (edit_distance(name, wanted) <= tolerance || edit_distance(full, wanted) <= tolerance)
            rank = 3;  // a typo
        if (rank >= 0) near.emplace_back(rank, item.describe());
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    near.erase(std::unique(near.begin(), near.end()), near.end());
    if (near.empty()) return "Nothing resembles it (UiDriver::dump() lists every item).";
    std::string out = "Near matches:";
    for (std::size_t i = 0; i < near.size() && i < kMaxNearMatches; ++i) out += "\n  " + near[i].second;
    if (near.size() > kMaxNearMatches) out += "\n  ... and " + std::to_string(near.size() - kMaxNearMatches) + " more";
    return out;
}

std::string UiDriver::dump() const {
    std::string out;
    for (const Item& item : last_) out += item.describe() + "\n";
    return out;
}

//------------------------------------------------------------------------------------------
// Input
//------------------------------------------------------------------------------------------

void UiDriver::move_mouse(ImVec2 pos) {
    io().MousePos = pos;
    frame();
}

void UiDriver::hover(std::string_view label, const Find& where, Where at) {
    const Item item = scroll_into_view(label, where, at);
    move_mouse(item.center());
    frame();
}

void UiDriver::click(std::string_view label, const Find& where, Where at) {
    const Item item = scroll_into_view(label, where, at);
    move_mouse(item.center());
    if (const Item* moved = by_id(item.id)) io().MousePos = moved->center();  // hovering may re-lay out
    io().MouseDown[0] = true;
    frame();
    io().MouseDown[0] = false;
    frame();
    frame();
}

Item UiDriver::scroll_into_view(std::string_view label, const Find& where, Where at) {
    const Item item = find(label, where, at);
    if (item.visible()) return item;
    ImGui::SetCurrentContext(ctx_);
    ImGuiWindow* window = ImGui::FindWindowByName(item.window.c_str());
    if (window) ImGui::ScrollToRect(window, item.rect, ImGuiScrollFlags_KeepVisibleCenterY);
    frame(2);  // the scroll applies at the window's next Begin; the second frame draws it settled
    const Item* scrolled = by_id(item.id);
    if (!scrolled || !scrolled->visible()) {
        fail_at(at, "scroll_into_view: " + (scrolled ? scrolled : &item)->describe(label) +
                        " stays clipped after scrolling its window");
    }
    return *scrolled;
}

void UiDriver::type(std::string_view text, Where at) {
    if (!io().WantTextInput) {
        fail_at(at, "type(\"" + std::string(text) + "\"): no text field has the keyboard focus (click one first)");
    }
    io().AddInputCharactersUTF8(std::string(text).c_str());
    frame();
}

void UiDriver::key(ImGuiKey key, ImGuiKeyModFlags mods) {
    ImGuiIO& io_ = io();
    io_.KeyCtrl = (mods & ImGuiKeyModFlags_Ctrl) != 0;
    io_.KeyShift = (mods & ImGuiKeyModFlags_Shift) != 0;
    io_.KeyAlt = (mods & ImGuiKeyModFlags_Alt) != 0;
    io_.KeySuper = (mods & ImGuiKeyModFlags_Super) != 0;
    io_.KeysDown[io_.KeyMap[key]] = true;
    frame();
    io_.KeysDown[io_.KeyMap[key]] = false;
    io_.KeyCtrl = io_.KeyShift = io_.KeyAlt = io_.KeySuper = false;
    frame();
}

void UiDriver::wheel(float dy) {
    io().MouseWheel = dy;  // EndFrame() resets it
    frame();
    frame();
}

//------------------------------------------------------------------------------------------
// What the hooks report
//------------------------------------------------------------------------------------------

void UiDriver::on_item_add(ImGuiContext& g, const ImRect& bb, ImGuiID id) {
    if (!in_frame_) return;
    Item item;
    item.id = id;
    item.rect = bb;
    item.clip = bb;
    item.order = static_cast<int>(current_.size());
    if (ImGuiWindow* window = g.CurrentWindow) {
        item.window = window->Name;
        item.clip = window->ClipRect;
        item.scope = window->IDStack.empty() ? 0 : window->IDStack.back();
        if (id == window->MoveId) {  // Begin() reports a window's title bar
            item.full_label = window->Name;
            item.label = visible_part(window->Name);
            item.reported = true;
        }
    }
    current_.push_back(std::move(item));
}

void UiDriver::on_item_info(ImGuiContext& g, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (!in_frame_) return;
    // Usually the item just added; a widget may add others before it reports (a group).
    auto it = std::find_if(current_.rbegin(), current_.rend(), [id](const Item& i) { return i.id == id; });
    if (it == current_.rend()) {  // reported without ItemAdd: take ImGui's last item
        Item item;
        item.id = id;
        item.rect = item.clip = g.LastItemData.Rect;
        item.window = g.CurrentWindow ? g.CurrentWindow->Name : "";
        item.order = static_cast<int>(current_.size());
        current_.push_back(std::move(item));
        it = current_.rbegin();
    }
    it->full_label = label ? label : "";
    it->label = visible_part(it->full_label);
    it->status = flags;
    it->reported = true;
}

void UiDriver::on_log(std::string line) {
    if (log_.size() >= kMaxLogLines) log_.erase(log_.begin());
    log_.push_back(std::move(line));
}

const char* UiDriver::debug_label(ImGuiID id) {
    for (const std::vector<Item>* items : {&current_, &last_}) {
        for (const Item& item : *items) {
            if (item.id == id && !item.full_label.empty()) {
                debug_label_ = item.full_label;
                return debug_label_.c_str();
            }
        }
    }
    return nullptr;
}

}  // namespace wwe::test

//------------------------------------------------------------------------------------------
// ImGui's test-engine hooks (declared by imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE).
// imgui.cpp calls ItemAdd for every item with an id, before clipping, when
// ImGuiContext::TestEngineHookItems is set; the widgets then call ItemInfo with their label
// and status flags (not all do: InvisibleButton does not).
//------------------------------------------------------------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    if (wwe::test::UiDriver* driver = wwe::test::driver_of(ctx)) driver->on_item_add(*ctx, bb, id);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (wwe::test::UiDriver* driver = wwe::test::driver_of(ctx)) driver->on_item_info(*ctx, id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext* ctx, const char* fmt, ...) {
    wwe::test::UiDriver* driver = wwe::test::driver_of(ctx);
    if (!driver) return;
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    driver->on_log(buf);
}

// The Metrics/Debugger window asks for the labels of hovered and active ids.
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
    wwe::test::UiDriver* driver = wwe::test::driver_of(ctx);
    return driver ? driver->debug_label(id) : nullptr;
}
