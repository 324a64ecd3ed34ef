#include "diagnostic.hpp"

#include <algorithm>
#include <numeric>

namespace wwe {

std::string Diagnostic::to_string(const std::string& passage_id) const {
    std::string s = severity == Severity::Error ? "error: " : "warning: ";
    s += pointer.empty() ? "(document)" : pointer;
    if (!passage_id.empty()) s += " (" + passage_id + ")";
    s += ": expected " + expected;
    if (!found.empty()) s += ", found " + found;
    return s;
}

void bound_problems(std::vector<Diagnostic>& problems, std::size_t max) {
    if (max == 0 || problems.size() <= max) return;
    const std::size_t rest = problems.size() - (max - 1);
    problems.resize(max - 1);
    problems.push_back({Severity::Warning, "", "at most " + std::to_string(max) + " problems listed",
                        std::to_string(rest) + " more not shown"});
}

// One row of the dynamic-programming table at a time.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string id_choices(const std::vector<std::string>& ids, const std::string& given, std::size_t max_listed) {
    if (ids.empty()) return "none";
    auto join = [](const std::vector<std::string>& list) {
        std::string out;
        for (const std::string& id : list) out += (out.empty() ? "" : ", ") + id;
        return out;
    };
    if (ids.size() <= max_listed || max_listed == 0) return join(ids);
    const std::string probe = given.substr(0, 200);
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // distance, position
    ranked.reserve(ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k) ranked.emplace_back(edit_distance(probe, std::string_view(ids[k]).substr(0, 200)), k);
    std::stable_sort(ranked.begin(), ranked.end());
    ranked.resize(max_listed);
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    std::vector<std::string> closest;
    for (const auto& r : ranked) closest.push_back(ids[r.second]);
    return "closest: " + join(closest) + ", ... of " + std::to_string(ids.size());
}

}  // namespace wwe
