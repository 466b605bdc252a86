#pragma once

#include "model/core/libraryvariableset.h"
#include "model/core/result.h"
#include "model/core/variableowner.h"
#include "model/core/variablevalue.h"
#include "model/secrets/secretstore.h"
#include "model/store/variablerepository.h"
#include "model/store/workspace.h"

#include <memory>

namespace Cuttle {

/// Variables with their sensitive values: rows go to the database and sensitive values to
/// the keychain in one unit of work, so a keychain failure saves nothing. Blocks on the
/// keychain: call it from a worker thread or the command line, never the GUI thread.
/// Secret keys: SecretKey(workspace id, variable id, "value").
class VariableService final
{
public:
    VariableService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor = {});

    /// The owner's values in definition order; reads no secrets (sensitive values empty).
    Result<QList<VariableRepository::Stored>> list(const VariableOwner &owner) const;
    /// The console's Save (VariableRepository::replaceAll): new and changed sensitive values
    /// are written to the keychain inside the transaction; secrets of dropped values are
    /// deleted after the commit.
    Result<QList<VariableRepository::Stored>> save(const QString &spaceId, const VariableOwner &owner,
                                                   const QList<VariableRepository::Stored> &rows);
    /// Adds a value or replaces the one with the same name and scope (cuttlectl variable set).
    Result<VariableRepository::Stored> set(const QString &spaceId, const VariableOwner &owner, const VariableValue &value);
    /// Deletes the value with this name and exactly this scope, and its secret.
    Result<VariableRepository::Stored> remove(const QString &spaceId, const VariableOwner &owner, const QString &name,
                                              const ScopeSpec &scope);
    /// Deletes a library variable set (refused while a project includes it) and the secrets of its values.
    VoidResult removeLibrarySet(const QString &spaceId, const QString &setId);
    /// What resolution uses: the project's values, then its included sets' values.
    /// withSecrets=false leaves sensitive values empty and never touches the keychain.
    Result<QList<VariableValue>> effective(const QString &projectId, bool withSecrets) const;

    /// The keychain key of a sensitive variable value.
    QString secretKey(const QString &variableId) const;

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_actor;
};

} // namespace Cuttle
