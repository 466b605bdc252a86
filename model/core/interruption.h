#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// A running task waiting for a person (domain.md 5): a failure under guided failure, or a
/// manual intervention step. Someone takes it and answers; the task then goes on.
struct Interruption
{
    enum class Kind { GuidedFailure, ManualIntervention };

    QString id;
    QString taskId;
    qint64 nodeId = 0; ///< the log node it belongs to (the failed target, or the step)
    Kind kind = Kind::GuidedFailure;
    QString title;
    QString instructions;
    QString responsibleTeamId;
    QDateTime createdAt;
    QString takenBy;
    QDateTime takenAt;
    QString response; ///< one of responses(kind), once answered
    QString notes;
    QDateTime resolvedAt;

    bool isResolved() const { return resolvedAt.isValid(); }

    /// Guided failure: Fail, Retry, Ignore, Exclude (the machine from the rest of the
    /// deployment). Manual intervention: Proceed, Abort.
    static QStringList responses(Kind kind)
    {
        return kind == Kind::GuidedFailure
                   ? QStringList{QStringLiteral("Fail"), QStringLiteral("Retry"), QStringLiteral("Ignore"), QStringLiteral("Exclude")}
                   : QStringList{QStringLiteral("Proceed"), QStringLiteral("Abort")};
    }
    static QString kindName(Kind kind)
    {
        return kind == Kind::GuidedFailure ? QStringLiteral("GuidedFailure") : QStringLiteral("ManualIntervention");
    }
};

} // namespace Cuttle
