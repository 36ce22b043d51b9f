// The CLI's exit code for each error category: drizzle-kit's documented table (README), also
// used by the schema exporter, whose exit code drizzle-kit passes on.
#pragma once

#include "drizzle/error.hpp"

namespace drizzle::cli {

// `check` ran and found the folder (or the database) inconsistent: not a failure of the command.
inline constexpr int exitCodeForFindings = 9;

constexpr int exitCodeFor(ErrorCategory category) {
    switch (category) {
        case ErrorCategory::usage: return 2;
        case ErrorCategory::config: return 3;
        case ErrorCategory::schema: return 4;
        case ErrorCategory::snapshot: return 5;
        case ErrorCategory::connection: return 6;
        case ErrorCategory::constraint:
        case ErrorCategory::syntax:
        case ErrorCategory::migration:
        case ErrorCategory::conflict:
        case ErrorCategory::timeout:
        case ErrorCategory::readOnly:
        case ErrorCategory::mapping: return 7;
        case ErrorCategory::io: return 8;
        case ErrorCategory::internal: return 70;
    }
    return 1;
}

}  // namespace drizzle::cli
