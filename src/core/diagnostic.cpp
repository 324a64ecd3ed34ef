#include "diagnostic.hpp"

namespace wwe {

std::string Diagnostic::to_string() const {
    std::string s = severity == Severity::Error ? "error: " : "warning: ";
    s += pointer.empty() ? "(document)" : pointer;
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

}  // namespace wwe
