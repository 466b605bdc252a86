#pragma once

#include "model/core/result.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <memory>

namespace Cuttle {

/// Deletes projects with everything that lives outside the database too: the keychain
/// entries of their sensitive variables and of their releases' snapshots.
class ProjectService final
{
public:
    ProjectService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor = {});

    /// Deletes the project (refusals as ProjectRepository::remove), then its secrets.
    VoidResult remove(const QString &projectId);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_actor;
};

} // namespace Cuttle
