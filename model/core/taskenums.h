#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// Where a task is in its life (domain: Queued, Executing, Cancelling, Canceled, Failed, TimedOut, Success).
enum class TaskState { Queued, Executing, Cancelling, Canceled, Failed, TimedOut, Success };
/// The outcome so far of one node of a task log (the task's step or target).
enum class TaskLogStatus { Pending, Running, Success, SuccessWithWarning, Failed, Skipped, Canceled };
/// How a task log line is shown and filtered.
enum class TaskLogCategory { Verbose, Info, Warning, Error, Highlight };

// Stable spellings used in the database, JSON output and the command line.
QString toString(TaskState state);
QString toString(TaskLogStatus status);
QString toString(TaskLogCategory category);

std::optional<TaskState> taskStateFromString(QStringView text);
std::optional<TaskLogStatus> taskLogStatusFromString(QStringView text);
std::optional<TaskLogCategory> taskLogCategoryFromString(QStringView text);

QStringList taskStateNames();

/// Canceled, Failed, TimedOut and Success: the task will not change any more.
bool isFinished(TaskState state);
/// Everything but Pending and Running.
bool isFinished(TaskLogStatus status);

/// Words shown to users (translated).
QString displayName(TaskState state);
QString displayName(TaskLogStatus status);
QString displayName(TaskLogCategory category);

} // namespace Cuttle
