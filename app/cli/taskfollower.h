#pragma once

#include <QString>

namespace Cuttle::Cli {

class CommandContext;

/// Runs a queued task in this process as soon as the queue lets it start, printing its log
/// as it is written ("[web01] ..." for a target's lines) and each interruption it waits for;
/// Ctrl-C cancels it and the targets keep their previous release. Returns the exit code:
/// 0 when the task succeeded, 1 otherwise.
int runAndFollow(CommandContext &context, const QString &taskId);

/// Prints a task's log lines as they are written, wherever the task runs, until it ends
/// (`task log --follow`); exit code 0 when it succeeded, 1 otherwise.
int followLog(CommandContext &context, const QString &taskId);

} // namespace Cuttle::Cli
