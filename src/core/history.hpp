// Win-Win Explorer core: exploration history (back / forward) over view states.
//
// Index
//   - History ..... a bounded list of ViewStates with a cursor, like a browser's
//
// push() records a new state after the current one and drops the forward states; back()
// and forward() move the cursor. Consecutive equal states are recorded once.
#pragma once

#include <cstddef>
#include <vector>

#include "view_state.hpp"

namespace wwe {

class History {
public:
    explicit History(ViewState initial = {}, std::size_t capacity = 200);

    // Records `state` as the current one (no-op when equal to it).
    void push(const ViewState& state);
    bool can_back() const { return cursor_ > 0; }
    bool can_forward() const { return cursor_ + 1 < states_.size(); }
    // Records `state` reached by a link: the browser's back or forward buttons bring back a
    // state next to the current one, and the cursor then moves to it (the steps on the
    // other side are kept); any other state is pushed. Returns true when the cursor moved.
    bool visit(const ViewState& state);
    // Moves the cursor and returns the state there (the current one when it cannot move).
    const ViewState& back();
    const ViewState& forward();
    const ViewState& current() const { return states_[cursor_]; }
    std::size_t size() const { return states_.size(); }

private:
    std::vector<ViewState> states_;
    std::size_t cursor_ = 0;
    std::size_t capacity_;
};

}  // namespace wwe
