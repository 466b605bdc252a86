#pragma once

#include <QString>

namespace Cuttle {

/// How often and how deeply targets are health-checked.
struct MachinePolicy
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    int healthCheckIntervalSeconds = 3600;
    bool connectionTestOnly = false; ///< connect only, skip the health check script
    bool isDefault = false;
};

} // namespace Cuttle
