#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/result.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"
#include "model/transport/hostkeypolicy.h"
#include "model/transport/sshcredentials.h"
#include "model/transport/transport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <memory>
#include <optional>

namespace Cuttle {

/// Builds and connects the Transport that reaches a deployment target, with the credentials of
/// its account read from the keychain and the host key policy from its pinned fingerprint.
class TargetConnector final
{
    Q_DECLARE_TR_FUNCTIONS(TargetConnector)

public:
    /// Everything a worker thread needs to create the transport: plain values, no database or keychain.
    struct Plan
    {
        QString targetId;
        QString targetName;
        TargetKind kind = TargetKind::Local;
        QString directory;
        SshCredentials credentials;
        HostKeyPolicy hostKeyPolicy;
    };

    /// What connect() gave: a connected transport, or the error; for SSH also what the server offered.
    struct Connection
    {
        enum class HostKey { NotChecked, Trusted, AcceptedNew, Unknown, Changed };

        std::unique_ptr<Transport> transport; ///< connected when error is empty
        std::optional<Error> error;
        HostKey hostKey = HostKey::NotChecked;
        /// "SHA256:..." the server offered; with AcceptedNew or Unknown the caller pins it (or asks first).
        QString offeredFingerprint;

        bool ok() const { return !error.has_value(); }
    };

    TargetConnector(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets);

    /// Reads the account and its secrets; blocks on the keychain, so not on the GUI thread.
    /// WinRM and offline drop targets fail with a "not supported yet" sentence.
    Result<Plan> plan(const DeploymentTarget &target, bool acceptNewHostKey = false) const;

    /// Creates the (unconnected) transport of a plan; may run on any thread.
    static std::unique_ptr<Transport> createTransport(const Plan &plan);
    /// Creates and connects; the transport is returned even on failure so that it can be cancelled meanwhile.
    static Connection connect(const Plan &plan, QDeadlineTimer deadline);
    /// The same for a transport made by createTransport() (so that another thread can cancel it meanwhile).
    static Connection connect(std::unique_ptr<Transport> transport, const Plan &plan, QDeadlineTimer deadline);

    /// Pins the fingerprint an SSH target offered (audited).
    VoidResult pinHostKey(const QString &targetId, const QString &fingerprint) const;

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace Cuttle
