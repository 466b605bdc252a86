#pragma once

#include "model/core/deploymentprocess.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

namespace Cuttle {

/// A project's deployment process. The editor saves the whole process at once; a save
/// made from an older copy than the stored one is refused, so two editors never silently
/// overwrite each other's steps.
class ProcessRepository final
{
public:
    explicit ProcessRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<DeploymentProcess> get(const QString &projectId) const;
    /// Validates (validateProcess), checks that the environments and channels the actions
    /// name belong to the project's space and project, replaces the steps, and returns the
    /// process with its new version and the ids given to new steps and actions. Audited
    /// step by step.
    Result<DeploymentProcess> save(const DeploymentProcess &process);

private:
    StoreContext m_context;
};

} // namespace Cuttle
