#pragma once

#include "model/core/retentionpolicy.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// One step of a lifecycle. A phase naming no environments stands for every environment
/// not named in an earlier phase.
struct LifecyclePhase
{
    QString id;
    QString name;
    QStringList automaticEnvironmentIds; ///< deployed as soon as a release becomes eligible
    QStringList optionalEnvironmentIds;  ///< deployed by hand
    int minimumEnvironmentsBeforePromotion = 0; ///< 0 = all of them
    bool isOptional = false; ///< never auto-deploys and does not block progression
    std::optional<RetentionPolicy> releaseRetention; ///< overrides the lifecycle's
    std::optional<RetentionPolicy> targetRetention;

    QStringList environmentIds() const { return automaticEnvironmentIds + optionalEnvironmentIds; }
};

} // namespace Cuttle
