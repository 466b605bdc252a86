#pragma once

#include <QString>

namespace Cuttle {

/// Groups projects on the dashboard.
struct ProjectGroup
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
};

} // namespace Cuttle
