#pragma once

#include "model/core/release.h"
#include "model/core/result.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <QCoreApplication>
#include <QMap>

#include <memory>

namespace Cuttle {

/// Creates releases (domain.md 4): the version from the project's template unless given,
/// a package version per package reference chosen within the channel's rules, and the
/// snapshots of process and variables. Sensitive values are copied to the keychain under
/// the release, so a later change of the project's secret does not change the release.
/// Blocks on the database and the keychain: call it from a worker thread or the CLI.
class ReleaseService final
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseService)

public:
    struct Request
    {
        QString projectId;
        QString version;   ///< empty: from the project's release version template
        QString channel;   ///< id or name; empty: the project's default channel
        /// Chosen versions by package reference key: "<action name>" for an action's
        /// primary package, "<action name>:<reference name>" for the others.
        QMap<QString, QString> packageVersions;
        QString notes;
        /// Use versions the channel's rules refuse (recorded on the release and audited).
        bool ignoreChannelRules = false;
    };

    /// One package reference of the process and the version a release would use.
    struct PackageChoice
    {
        QString key; ///< "<action name>" or "<action name>:<reference name>"
        QString actionName;
        QString referenceName;
        QString packageId;
        QString version;       ///< empty when none is available
        QString rule;          ///< the channel rule that applies, as text; empty: none
        bool violatesRule = false;
    };

    ReleaseService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor = {});

    Result<Release> create(const Request &request);
    /// What create() would choose, without creating anything (the release dialog's preview).
    Result<QList<PackageChoice>> choosePackages(const Request &request) const;
    /// The version create() would give when none is asked for.
    Result<QString> nextVersion(const QString &projectId, const QString &channel = {}) const;
    /// Re-snapshots the project's current variables into the release.
    Result<Release> updateVariables(const QString &releaseId);
    /// The keychain keys of the release's copies of sensitive values.
    QStringList secretKeys(const Release &release) const;
    /// The release's variables with the sensitive values read back from the keychain.
    Result<QList<VariableValue>> snapshotVariables(const Release &release) const;

    static QString packageKey(const QString &actionName, const QString &referenceName);
    /// What the last create() could not do beyond creating the release, one sentence each.
    const QStringList &warnings() const { return m_warnings; }
    /// The tasks of the automatic deployments the last create() queued.
    const QStringList &queuedTasks() const { return m_queuedTasks; }

private:
    VoidResult storeSecrets(const Release &release) const;

    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_actor;
    QStringList m_warnings;
    QStringList m_queuedTasks;
};

} // namespace Cuttle
