// Win-Win Explorer UI tests: a driver that draws ImGui frames without a renderer, records
// every item of each frame, and moves the pointer, clicks, types and presses keys.
//
// Index
//   - DriverParams ...... display size, the fake clock's step, stack checks
//   - Item .............. one widget as the last frame submitted it (id, labels, rect, flags)
//   - Find .............. which of several items with the same label (window, occurrence)
//   - UiDriver .......... the ImGui context and its frames:
//       set_draw()          what a frame draws (called with the fake clock, seconds)
//       frame() / wait()    draw frames; the clock advances DriverParams::delta_time each
//       items() / find()    the items of the last frame; find() fails the test, listing
//                           near matches, when a label is not there
//       hover() / click()   the pointer to an item's centre (then press and release)
//       type() / key()      text into the focused field; one key press (with modifiers)
//       wheel()             the mouse wheel, where the pointer is
//
// Items come from ImGui 1.86's test-engine hooks (ImGuiTestEngineHook_ItemAdd/_ItemInfo),
// which this driver implements: imgui must be compiled with IMGUI_ENABLE_TEST_ENGINE (see
// cmake/imgui.cmake), and each program linking it links this driver.
//
// Labels. ImGui's widgets report their label ("Security", "Clear all##chips",
// "##search"); find() matches the visible part (before "##") or the whole label. Widgets
// built on InvisibleButton (our chips, tabs and arrows) report no label, only an id: find()
// also matches a string that hashes, in the item's ID scope, to the item's id, so these are
// found by the string they were created with ("Map##tab1").
//
// Failures are doctest failures at the caller's line (std::source_location), so that a
// missing label names the test that asked for it.
#pragma once

#include <functional>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace wwe::test {

struct DriverParams {
    ImVec2 display_size{1280, 800};   // ImGui units (CSS px at scale 1)
    float delta_time = 1.0f / 60.0f;  // seconds per frame: the fake clock's step
    double start_time = 0;            // seconds: the clock at the first frame
    bool check_stacks = true;         // fail when a frame leaves windows or colour, style or
                                      // font pushes open (release builds have no IM_ASSERT)
};

// One item (widget) of a frame, as the test-engine hooks reported it.
struct Item {
    ImGuiID id = 0;
    std::string label;                // the visible part of the label (before "##"); "" when none
    std::string full_label;           // the label as given to the widget ("Clear all##chips")
    std::string window;               // the window it was submitted in; child windows are named
                                      // "Parent/child_XXXXXXXX" by ImGui ("##explorer/##facets_...")
    ImRect rect;                      // screen rectangle, ImGui units
    ImRect clip;                      // the clip rectangle it was submitted under
    ImGuiItemStatusFlags status = 0;  // ImGuiItemStatusFlags_* (imgui_internal.h), with the
                                      // test-engine ones: Checkable, Checked, Openable, Opened
    ImGuiID scope = 0;                // the ID stack's top when it was submitted (its id's seed)
    bool reported = false;            // the widget reported its label and flags (ItemInfo hook)
    int order = 0;                    // submission order in its frame

    bool visible() const { return rect.Overlaps(clip); }  // not clipped away entirely
    bool checkable() const { return (status & ImGuiItemStatusFlags_Checkable) != 0; }
    bool checked() const { return (status & ImGuiItemStatusFlags_Checked) != 0; }
    bool openable() const { return (status & ImGuiItemStatusFlags_Openable) != 0; }
    bool opened() const { return (status & ImGuiItemStatusFlags_Opened) != 0; }
    bool hovered_rect() const { return (status & ImGuiItemStatusFlags_HoveredRect) != 0; }
    bool edited() const { return (status & ImGuiItemStatusFlags_Edited) != 0; }
    // The centre of its visible part (where a click lands).
    ImVec2 center() const;
    // One line for messages: "label" [flags] in window at (x0,y0)-(x1,y1). An item that
    // reported no label is shown by `id_string` when given (what found it), else its id.
    std::string describe(std::string_view id_string = {}) const;
};

// Narrows a look-up when a label occurs more than once.
struct Find {
    std::string_view window;  // part of the item's window name ("##facets"); "" any window
    int nth = -1;             // which match, 0-based in submission order; -1: exactly one
                              // item may match (several fail, listing them)

    // Find::in("##facets") / Find::in("##facets", 1); Find::match(1). (GCC 12 warns about
    // designated initializers that leave out a leading member, e.g. {.nth = 1}.)
    static Find in(std::string_view window_part, int n = -1) { return Find{window_part, n}; }
    static Find match(int n) { return Find{std::string_view(), n}; }
};

#if defined(__cpp_lib_source_location)
using SourceWhere = std::source_location;
#else
// clang 14 with libstdc++ 12 (the ASan build) has <source_location> but no
// std::source_location (it needs __builtin_source_location): the caller's file and line
// through the older builtins, which default arguments also evaluate at the call site.
struct SourceWhere {
    static constexpr SourceWhere current(const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
        return SourceWhere{file, line};
    }
    constexpr const char* file_name() const { return file; }
    constexpr unsigned line() const { return line_number; }
    const char* file = "";
    unsigned line_number = 0;
};
#endif

class UiDriver {
public:
    using DrawFn = std::function<void(double time)>;
    using Where = SourceWhere;

    explicit UiDriver(const DriverParams& params = {});
    ~UiDriver();
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;

    //--------------------------------------------------------------------------------------
    // Context and frames
    //--------------------------------------------------------------------------------------

    ImGuiContext* context() const { return ctx_; }
    ImGuiIO& io();
    // What each frame draws, between NewFrame and Render; `time` is the fake clock
    // (seconds). Without one, frames are empty.
    void set_draw(DrawFn draw);
    // The clock the next frame gets (seconds).
    double time() const { return time_; }
    // Frames drawn so far.
    int frame_count() const { return frames_; }
    // Builds the font texture (RGBA32; TexID set to a dummy, there is no renderer), with
    // ImGui's default font when the atlas has none. frame() calls it when the atlas was
    // changed since; call it yourself after filling io().Fonts to build it once up front.
    void build_font_texture();

    // Draws `count` frames, each DriverParams::delta_time later than the last.
    void frame(int count = 1);
    // Draws frames until the clock advanced by at least `seconds`.
    void wait(double seconds);

    //--------------------------------------------------------------------------------------
    // Items of the last frame
    //--------------------------------------------------------------------------------------

    const std::vector<Item>& items() const { return last_; }
    // The item `label` names (see "Labels" above), or nullptr: no failure.
    const Item* try_find(std::string_view label, const Find& where = {}) const;
    // The same; a missing or ambiguous label fails the test (REQUIRE level), listing the
    // near matches.
    Item find(std::string_view label, const Find& where = {}, Where at = Where::current()) const;
    // Items whose label resembles `label` (case, part of it, a typo) or that match but
    // in another window, one per line, for failure messages.
    std::string near_matches(std::string_view label, const Find& where = {}) const;
    // Every item of the last frame, one per line.
    std::string dump() const;
    // Lines ImGui logged through ImGuiTestEngineHook_Log (the last 256).
    const std::vector<std::string>& log() const { return log_; }

    //--------------------------------------------------------------------------------------
    // Input (each draws the frames it needs; items() then shows the outcome)
    //--------------------------------------------------------------------------------------

    // The pointer at `pos` (screen, ImGui units), one frame.
    void move_mouse(ImVec2 pos);
    // The pointer at the item's centre: one frame to move, one for what hovering shows
    // (a clipped item is scrolled into view first).
    void hover(std::string_view label, const Find& where = {}, Where at = Where::current());
    // Left click on the item: the pointer to its centre (one frame), the button down (one
    // frame), up (one frame), and a settling frame that draws what the click changed.
    // The pointer stays there. A clipped item is scrolled into view first.
    void click(std::string_view label, const Find& where = {}, Where at = Where::current());
    // Scrolls the item's window (and its parents) until the item shows, two frames; returns
    // the item as then drawn. Fails when it does not show.
    Item scroll_into_view(std::string_view label, const Find& where = {}, Where at = Where::current());
    // UTF-8 text into the field with the keyboard focus, one frame. Fails when no text
    // field has it (click one first).
    void type(std::string_view text, Where at = Where::current());
    // One press of `key` (down one frame, up the next) with `mods` held
    // (ImGuiKeyModFlags_Ctrl | _Shift | _Alt | _Super).
    void key(ImGuiKey key, ImGuiKeyModFlags mods = ImGuiKeyModFlags_None);
    // The mouse wheel where the pointer is: `dy` notches (positive scrolls up, towards
    // the top, as ImGui's io.MouseWheel), one frame, then a settling frame.
    void wheel(float dy);

    // The test-engine hooks (ui_driver.cpp) report here; not for tests.
    void on_item_add(ImGuiContext& g, const ImRect& bb, ImGuiID id);
    void on_item_info(ImGuiContext& g, ImGuiID id, const char* label, ImGuiItemStatusFlags flags);
    void on_log(std::string line);
    const char* debug_label(ImGuiID id);

private:
    std::vector<const Item*> matches(std::string_view label, const Find& where) const;
    const Item* by_id(ImGuiID id) const;
    void check_stacks();

    DriverParams params_;
    ImGuiContext* ctx_ = nullptr;
    DrawFn draw_;
    double time_ = 0;
    int frames_ = 0;
    bool in_frame_ = false;
    std::vector<Item> current_;  // being recorded
    std::vector<Item> last_;     // the last complete frame
    std::vector<std::string> log_;
    std::string debug_label_;  // storage for debug_label()'s answer
};

}  // namespace wwe::test
