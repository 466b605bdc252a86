#pragma once

#include "model/core/deploymentstep.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// A project's ordered steps. `version` rises with every save, so an editor working on an
/// older copy is told that someone else changed the process.
struct DeploymentProcess
{
    QString id;
    QString projectId;
    int version = 0;
    QList<DeploymentStep> steps;

    friend bool operator==(const DeploymentProcess &, const DeploymentProcess &) = default;
};

} // namespace Cuttle
