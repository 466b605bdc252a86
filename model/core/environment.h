#pragma once

#include <QString>

namespace Cuttle {

/// A stage that releases are promoted through; sortOrder drives dashboard columns.
struct Environment
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    int sortOrder = 0;
    bool useGuidedFailure = false;
    bool allowDynamicInfrastructure = false;
};

} // namespace Cuttle
