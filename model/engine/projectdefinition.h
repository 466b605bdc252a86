#pragma once

#include "model/core/result.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace Cuttle {

/// A project's whole definition as one reviewable JSON document: settings, channels with
/// their version rules, the deployment process and the variables with their scopes, all
/// referring to other records by name, never by id, and never holding a secret value.
/// Exporting, importing into another workspace and exporting again gives the same bytes.
class ProjectDefinition final
{
    Q_DECLARE_TR_FUNCTIONS(ProjectDefinition)

public:
    /// The format version written as "cuttleProjectDefinition".
    static constexpr int FormatVersion = 1;

    struct ImportReport
    {
        QString projectId;
        QString projectName;
        bool created = false;
        /// Things the user must still do, e.g. sensitive values that the file cannot carry.
        QStringList warnings;
    };

    ProjectDefinition(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor = {});

    Result<QJsonObject> exportProject(const QString &spaceId, const QString &projectIdOrName) const;
    /// Creates the project named in the file, or brings the existing one of that name in line
    /// with it: settings, channels (missing ones deleted), process and variables. Everything
    /// or nothing is saved. Sensitive values of existing variables with the same name and
    /// scope are kept; sensitive variables the project does not have yet are left out and
    /// reported, since the file holds no secret to give them.
    Result<ImportReport> importProject(const QString &spaceId, const QJsonObject &definition);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_actor;
};

} // namespace Cuttle
