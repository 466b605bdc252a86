#pragma once

#include "model/core/deploymentprocess.h"
#include "model/core/result.h"

#include <QJsonObject>

namespace Cuttle {

/// A deployment process as JSON: what a release snapshots and what a project export
/// holds. Every field is written, in a fixed order, so that exports diff cleanly; reading
/// accepts missing fields as their defaults and refuses wrong types with the JSON path.
namespace ProcessJson {

QJsonObject toJson(const DeploymentProcess &process);
Result<DeploymentProcess> fromJson(const QJsonObject &json);

QJsonObject toJson(const DeploymentStep &step);
Result<DeploymentStep> stepFromJson(const QJsonObject &json, const QString &path = QStringLiteral("step"));

} // namespace ProcessJson

} // namespace Cuttle
