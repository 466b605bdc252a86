#pragma once

#include "model/core/domainenums.h"

#include <QDateTime>
#include <QStringList>

namespace Cuttle {

// A check ends in one of the domain's HealthStatus values other than Unknown:
// HasWarnings = usable, but something needs attention (e.g. little free space);
// Unhealthy = reachable, but a deployment would fail (missing tools, no write access);
// Unavailable = could not be reached or logged in to.

/// The outcome of one health check of a target.
struct HealthReport
{
    HealthStatus status = HealthStatus::Unavailable;
    QStringList messages; ///< one sentence per finding, for the user
    QDateTime checkedAt;
    QStringList logLines; ///< what was done and what the target answered, for the task log
    QString operatingSystem;
    qint64 freeBytes = -1; ///< free space in the root directory; -1 when unknown
};

} // namespace Cuttle
