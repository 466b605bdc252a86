#pragma once

#include "model/core/deploymentprocess.h"
#include "model/core/result.h"

namespace Cuttle {

/// Checks a deployment process before it is saved, imported or snapshotted, so the editor,
/// the command line and the store refuse the same things with the same sentence. The
/// error's field names the place, e.g. "steps[2].targetTags" or "steps[0].actions[1].name".
/// Returns the process with names and tags trimmed.
Result<DeploymentProcess> validateProcess(const DeploymentProcess &process);

} // namespace Cuttle
