#include "history.hpp"

#include <algorithm>

namespace wwe {

History::History(ViewState initial, std::size_t capacity) : capacity_(std::max<std::size_t>(2, capacity)) {
    states_.push_back(std::move(initial));
}

void History::push(const ViewState& state) {
    if (state == states_[cursor_]) return;
    states_.resize(cursor_ + 1);
    states_.push_back(state);
    if (states_.size() > capacity_) states_.erase(states_.begin());
    cursor_ = states_.size() - 1;
}

bool History::visit(const ViewState& state) {
    if (state == states_[cursor_]) return false;
    if (can_back() && state == states_[cursor_ - 1]) {
        --cursor_;
        return true;
    }
    if (can_forward() && state == states_[cursor_ + 1]) {
        ++cursor_;
        return true;
    }
    push(state);
    return true;
}

const ViewState& History::back() {
    if (can_back()) --cursor_;
    return states_[cursor_];
}

const ViewState& History::forward() {
    if (can_forward()) ++cursor_;
    return states_[cursor_];
}

}  // namespace wwe
