#include "model/engine/projectservice.h"

#include "model/engine/releaseservice.h"
#include "model/engine/variableservice.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"

namespace Cuttle {

ProjectService::ProjectService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
    , m_actor(std::move(actor))
{
}

VoidResult ProjectService::remove(const QString &projectId)
{
    const StoreContext context = m_workspace->context(m_actor);
    VariableService variables(m_workspace, m_secrets, m_actor);
    auto values = variables.list(VariableOwner::project(projectId));
    if (!values)
        return values.error();
    auto releases = ReleaseRepository(context).list(projectId);
    if (!releases)
        return releases.error();
    QStringList keys;
    for (const VariableRepository::Stored &stored : *values) {
        if (stored.value.sensitive)
            keys << variables.secretKey(stored.id);
    }
    const ReleaseService releaseService(m_workspace, m_secrets, m_actor);
    for (const Release &release : *releases)
        keys += releaseService.secretKeys(release);

    if (auto removed = ProjectRepository(context).remove(projectId); !removed)
        return removed;
    // The project is gone; a secret that cannot be removed now is only an unused keychain entry.
    for (const QString &key : std::as_const(keys))
        (void)m_secrets->remove(key);
    return {};
}

} // namespace Cuttle
