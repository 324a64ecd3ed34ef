// Win-Win Explorer platform: pointer input spread over frames.
//
// Index
//   - PointerEvent ..... a move, press, release or leave, in CSS pixels
//   - PointerState ..... what ImGui sees in one frame
//   - PointerQueue ..... events in, one frame's state out
//
// Dear ImGui 1.86 has no input queue: a press and a release arriving between two frames
// would be lost, and a touch press must move the pointer one frame before it presses (or
// ImGui hit-tests the old position). PointerQueue applies every move up to the next button
// change per frame, one button change per frame, and parks the pointer off-screen after a
// touch is lifted. Plain C++ (no Emscripten), so it can be tested natively.
#pragma once

#include <deque>

namespace wwe::platform {

struct PointerEvent {
    enum class Type { Move, Down, Up, Leave } type = Type::Move;
    float x = 0, y = 0;  // CSS px relative to the canvas (ignored for Up and Leave)
    bool touch = false;  // from a touch screen (the press is delayed one frame)
};

struct PointerState {
    float x = -1e30f, y = -1e30f;  // off-screen when no pointer is over the canvas
    bool down = false;             // primary button / finger
    bool touch = false;            // the last move or press came from a finger
};

class PointerQueue {
public:
    void push(const PointerEvent& event) { queue_.push_back(event); }
    // Advances one frame and returns the state ImGui should see in it.
    PointerState step();
    // True while events wait for a later frame (keep drawing).
    bool pending() const { return !queue_.empty(); }

private:
    std::deque<PointerEvent> queue_;
    PointerState state_;
};

}  // namespace wwe::platform
