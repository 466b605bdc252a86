#pragma once

#include "model/core/lifecyclephase.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// The ordered phases a release is promoted through. No phases: one phase per
/// environment in sort order.
struct Lifecycle
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    QList<LifecyclePhase> phases;
    RetentionPolicy releaseRetention;
    RetentionPolicy targetRetention{RetentionUnit::Items, 3};
};

} // namespace Cuttle
