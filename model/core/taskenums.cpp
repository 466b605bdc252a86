#include "model/core/taskenums.h"

#include "model/core/enumnames.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Cuttle {

using namespace EnumNames;

namespace {

constexpr std::array<std::pair<TaskState, const char *>, 7> kStates{{
    {TaskState::Queued, "Queued"},
    {TaskState::Executing, "Executing"},
    {TaskState::Cancelling, "Cancelling"},
    {TaskState::Canceled, "Canceled"},
    {TaskState::Failed, "Failed"},
    {TaskState::TimedOut, "TimedOut"},
    {TaskState::Success, "Success"},
}};
constexpr std::array<std::pair<TaskLogStatus, const char *>, 7> kStatuses{{
    {TaskLogStatus::Pending, "Pending"},
    {TaskLogStatus::Running, "Running"},
    {TaskLogStatus::Success, "Success"},
    {TaskLogStatus::SuccessWithWarning, "SuccessWithWarning"},
    {TaskLogStatus::Failed, "Failed"},
    {TaskLogStatus::Skipped, "Skipped"},
    {TaskLogStatus::Canceled, "Canceled"},
}};
constexpr std::array<std::pair<TaskLogCategory, const char *>, 5> kCategories{{
    {TaskLogCategory::Verbose, "Verbose"},
    {TaskLogCategory::Info, "Info"},
    {TaskLogCategory::Warning, "Warning"},
    {TaskLogCategory::Error, "Error"},
    {TaskLogCategory::Highlight, "Highlight"},
}};

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Domain", text);
}

} // namespace

QString toString(TaskState state) { return nameOf(kStates, state); }
QString toString(TaskLogStatus status) { return nameOf(kStatuses, status); }
QString toString(TaskLogCategory category) { return nameOf(kCategories, category); }

std::optional<TaskState> taskStateFromString(QStringView text) { return valueOf(kStates, text); }
std::optional<TaskLogStatus> taskLogStatusFromString(QStringView text) { return valueOf(kStatuses, text); }
std::optional<TaskLogCategory> taskLogCategoryFromString(QStringView text) { return valueOf(kCategories, text); }

QStringList taskStateNames()
{
    return allNames(kStates);
}

bool isFinished(TaskState state)
{
    return state == TaskState::Canceled || state == TaskState::Failed || state == TaskState::TimedOut
        || state == TaskState::Success;
}

bool isFinished(TaskLogStatus status)
{
    return status != TaskLogStatus::Pending && status != TaskLogStatus::Running;
}

QString displayName(TaskState state)
{
    switch (state) {
    case TaskState::Queued: return tr("Queued");
    case TaskState::Executing: return tr("Executing");
    case TaskState::Cancelling: return tr("Cancelling");
    case TaskState::Canceled: return tr("Canceled");
    case TaskState::Failed: return tr("Failed");
    case TaskState::TimedOut: return tr("Timed out");
    case TaskState::Success: return tr("Success");
    }
    return {};
}

QString displayName(TaskLogStatus status)
{
    switch (status) {
    case TaskLogStatus::Pending: return tr("Pending");
    case TaskLogStatus::Running: return tr("Running");
    case TaskLogStatus::Success: return tr("Success");
    case TaskLogStatus::SuccessWithWarning: return tr("Success with warnings");
    case TaskLogStatus::Failed: return tr("Failed");
    case TaskLogStatus::Skipped: return tr("Skipped");
    case TaskLogStatus::Canceled: return tr("Canceled");
    }
    return {};
}

QString displayName(TaskLogCategory category)
{
    switch (category) {
    case TaskLogCategory::Verbose: return tr("Verbose");
    case TaskLogCategory::Info: return tr("Info");
    case TaskLogCategory::Warning: return tr("Warning");
    case TaskLogCategory::Error: return tr("Error");
    case TaskLogCategory::Highlight: return tr("Highlight");
    }
    return {};
}

} // namespace Cuttle
