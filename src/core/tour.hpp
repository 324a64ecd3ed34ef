// Win-Win Explorer core: guided tours — resolving the article's tours into view states, and
// playing one in time.
//
// Index
//   - TourView ........ one step: a ViewState, its caption, how long it stays (seconds)
//   - resolve_tours ... Article::tours -> TourViews, every state checked against the corpus
//   - TourPlayer ...... which step shows at a given time; loops for a kiosk's attract loop
//
// A tour is data (docs/data-format.md, "tours"): each step is a view state in the JSON of
// view_state.hpp plus a caption. The player is a pure function of time, so it is tested
// with made-up clocks and the app only asks it, each frame, whether the step changed.
#pragma once

#include <string>
#include <vector>

#include "view_state.hpp"

namespace wwe {

struct TourView {
    ViewState state;
    std::string caption;
    double seconds = 10;
};

struct ResolvedTour {
    std::string id, label, description;
    std::vector<TourView> steps;
};

// Every tour of the article with its steps' states read (view_state_from_json from the
// default state). An unknown view, facet value or node in a step is an error with its
// pointer (e.g. /tours/0/steps/3/state/facets/front/0): a tour shows what its author meant
// or is not shown at all.
std::vector<ResolvedTour> resolve_tours(const Corpus& corpus, std::vector<Diagnostic>& problems);

class TourPlayer {
public:
    // Starts tour `tour` (an index) at its first step at time `now` (seconds). `loop`: after
    // the last step, start again (the attract loop); else stop after it. `speed` > 0
    // divides every step's duration (tests and demonstrations run faster).
    void start(int tour, double now, bool loop, double speed = 1);
    void stop();
    bool playing() const { return tour_ >= 0; }
    int tour() const { return tour_; }
    int step() const { return step_; }
    bool looping() const { return loop_; }

    // Moves to the step due at `now`; true when the step changed (or the tour ended:
    // playing() is then false). Call once per frame.
    bool update(const std::vector<ResolvedTour>& tours, double now);
    // Jumps one step forward or back (the user's Next / Back); the step's time restarts.
    void next(const std::vector<ResolvedTour>& tours, double now);
    void previous(double now);
    // When the current step ends (seconds; infinity when not playing).
    double step_end(const std::vector<ResolvedTour>& tours) const;

private:
    int tour_ = -1;
    int step_ = 0;
    double step_start_ = 0;
    double speed_ = 1;
    bool loop_ = false;
};

}  // namespace wwe
