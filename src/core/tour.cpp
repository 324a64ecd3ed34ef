#include "tour.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "json_reader.hpp"

namespace wwe {

std::vector<ResolvedTour> resolve_tours(const Corpus& corpus, std::vector<Diagnostic>& problems) {
    std::vector<ResolvedTour> out;
    const auto& tours = corpus.article.tours;
    for (std::size_t t = 0; t < tours.size(); ++t) {
        ResolvedTour r{tours[t].id, tours[t].label, tours[t].description, {}};
        for (std::size_t s = 0; s < tours[t].steps.size(); ++s) {
            const TourStep& step = tours[t].steps[s];
            const std::string where =
                pointer_append(pointer_append(pointer_append(pointer_append("/tours", t), "steps"), s), "state");
            // The loader wrote state_json from a parsed file, but it is a view state and keeps
            // to a view state's limits, whoever built the article.
            JsonRead j = read_json(step.state_json, kViewStateJsonLimits);
            std::vector<Diagnostic> state_problems = std::move(j.problems);
            ViewState state =
                j.ok ? view_state_from_json(j.value, corpus, ViewState{}, state_problems) : ViewState{};
            for (Diagnostic& d : state_problems) {
                d.severity = Severity::Error;
                d.pointer = where + d.pointer;
                problems.push_back(std::move(d));
            }
            r.steps.push_back({std::move(state), step.caption, step.seconds});
        }
        out.push_back(std::move(r));
    }
    return out;
}

void TourPlayer::start(int tour, double now, bool loop, double speed) {
    tour_ = tour;
    step_ = 0;
    step_start_ = now;
    loop_ = loop;
    speed_ = speed > 0 ? speed : 1;
}

void TourPlayer::stop() { tour_ = -1; }

double TourPlayer::step_end(const std::vector<ResolvedTour>& tours) const {
    if (tour_ < 0 || tour_ >= static_cast<int>(tours.size())) return std::numeric_limits<double>::infinity();
    const auto& steps = tours[static_cast<std::size_t>(tour_)].steps;
    if (step_ >= static_cast<int>(steps.size())) return step_start_;
    return step_start_ + steps[static_cast<std::size_t>(step_)].seconds / speed_;
}

bool TourPlayer::update(const std::vector<ResolvedTour>& tours, double now) {
    if (tour_ < 0) return false;
    if (tour_ >= static_cast<int>(tours.size()) || tours[static_cast<std::size_t>(tour_)].steps.empty()) {
        stop();
        return true;
    }
    const int count = static_cast<int>(tours[static_cast<std::size_t>(tour_)].steps.size());
    bool changed = false;
    // Several steps may have passed (a paused page): catch up, at most one lap.
    for (int guard = 0; guard <= count && now >= step_end(tours); ++guard) {
        step_start_ = step_end(tours);
        changed = true;
        if (++step_ >= count) {
            if (!loop_) {
                stop();
                return true;
            }
            step_ = 0;
        }
    }
    if (now >= step_end(tours)) step_start_ = now;  // more than a lap behind: restart the clock
    return changed;
}

void TourPlayer::next(const std::vector<ResolvedTour>& tours, double now) {
    if (tour_ < 0) return;
    const int count = tour_ < static_cast<int>(tours.size()) ? static_cast<int>(tours[static_cast<std::size_t>(tour_)].steps.size()) : 0;
    step_start_ = now;
    if (++step_ >= count) {
        if (loop_) step_ = 0;
        else stop();
    }
}

void TourPlayer::previous(double now) {
    if (tour_ < 0) return;
    step_start_ = now;
    if (step_ > 0) --step_;
}

}  // namespace wwe
