#pragma once

#include <QDeadlineTimer>
#include <QString>

namespace Cuttle {

/// What a health check looks at.
struct HealthCheckOptions
{
    QString rootDirectory;           ///< where deployments go; empty: the login directory
    bool connectionTestOnly = false; ///< only connect (and log in), run nothing
    qint64 freeSpaceWarningBytes = qint64(1) << 30;
    int connectTimeoutMs = 10000;
};

} // namespace Cuttle
