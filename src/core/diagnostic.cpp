#include "diagnostic.hpp"

namespace wwe {

std::string Diagnostic::to_string() const {
    std::string s = severity == Severity::Error ? "error: " : "warning: ";
    s += pointer.empty() ? "(document)" : pointer;
    s += ": expected " + expected;
    if (!found.empty()) s += ", found " + found;
    return s;
}

}  // namespace wwe
