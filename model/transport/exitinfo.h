#pragma once

#include <QString>

namespace Cuttle {

/// How a command on a target ended: its exit code, or the signal that killed it.
struct ExitInfo
{
    int exitCode = 0;
    QString signal; ///< signal name without "SIG" (e.g. "TERM") when the command was killed; empty otherwise

    bool succeeded() const { return signal.isEmpty() && exitCode == 0; }
};

} // namespace Cuttle
