#pragma once

#include "model/core/error.h"

namespace Cuttle::Cli {

/// The process exit codes cuttlectl documents for scripts.
enum ExitCode : int {
    Success = 0,
    Failed = 1,
    UsageError = 2,
    NotFound = 3,
    Invalid = 4, ///< validation failed or the change conflicts with existing records
};

inline ExitCode exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::NotFound: return NotFound;
    case ErrorKind::Validation:
    case ErrorKind::Conflict: return Invalid;
    case ErrorKind::Failed:
    case ErrorKind::Cancelled: break;
    }
    return Failed;
}

} // namespace Cuttle::Cli
