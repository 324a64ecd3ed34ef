// Win-Win Explorer platform: pointer input spread over frames (see pointer.hpp).
#include "platform/pointer.hpp"

namespace wwe::platform {

PointerState PointerQueue::step() {
    while (!queue_.empty()) {
        const PointerEvent e = queue_.front();
        switch (e.type) {
        case PointerEvent::Type::Move:
            state_.x = e.x;
            state_.y = e.y;
            state_.touch = e.touch;
            queue_.pop_front();
            break;
        case PointerEvent::Type::Leave:
            if (!state_.down) state_.x = state_.y = -1e30f;
            queue_.pop_front();
            break;
        case PointerEvent::Type::Down:
            if (state_.down) {  // a second press without release: ignore
                queue_.pop_front();
                break;
            }
            if (e.touch && (state_.x != e.x || state_.y != e.y)) {
                state_.x = e.x;  // this frame: move there; the next one presses
                state_.y = e.y;
                return state_;
            }
            state_.x = e.x;
            state_.y = e.y;
            state_.touch = e.touch;
            state_.down = true;
            queue_.pop_front();
            return state_;
        case PointerEvent::Type::Up:
            queue_.pop_front();
            if (!state_.down) break;
            state_.down = false;
            return state_;
        }
    }
    return state_;
}

}  // namespace wwe::platform
