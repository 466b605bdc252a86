#include "model/engine/targetconnector.h"

#include "model/engine/accountservice.h"
#include "model/store/accountrepository.h"
#include "model/store/targetrepository.h"
#include "model/transport/local/localtransport.h"
#include "model/transport/ssh/sshtransport.h"

namespace Cuttle {

TargetConnector::TargetConnector(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
{
}

Result<TargetConnector::Plan> TargetConnector::plan(const DeploymentTarget &target, bool acceptNewHostKey) const
{
    Plan plan;
    plan.targetId = target.id;
    plan.targetName = target.name;
    plan.kind = target.kind;
    plan.directory = target.directory;
    switch (target.kind) {
    case TargetKind::Local:
        return plan;
    case TargetKind::WinRm:
        return Error::failed(tr("The target \"%1\" is a WinRM target, and Cuttle cannot connect to WinRM targets yet.")
                                 .arg(target.name));
    case TargetKind::OfflineDrop:
        return Error::failed(tr("The target \"%1\" is an offline drop, and Cuttle cannot connect to offline drops yet.")
                                 .arg(target.name));
    case TargetKind::Ssh:
        break;
    }

    SshCredentials &c = plan.credentials;
    c.host = target.host;
    c.port = quint16(target.port > 0 ? target.port : DeploymentTarget::defaultPort(TargetKind::Ssh));
    c.timeout = std::chrono::seconds(std::max(1, target.connectTimeoutSeconds));
    c.honourSshConfig = target.honourSshConfig;
    plan.hostKeyPolicy.pinnedFingerprint = target.hostKeyFingerprint;
    plan.hostKeyPolicy.acceptNew = acceptNewHostKey;

    if (target.accountId.isEmpty()) {
        // Without an account the user's own ssh-agent and login name are what `ssh host` would use.
        c.authMethod = SshCredentials::AuthMethod::Agent;
        c.username = qEnvironmentVariable("USER");
        if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
            return Error::failed(tr("The target \"%1\" has no account and no ssh-agent is running (SSH_AUTH_SOCK is not set).")
                                     .arg(target.name));
        return plan;
    }

    auto account = AccountRepository(m_workspace->context()).get(target.accountId);
    if (!account)
        return account.error();
    c.username = account->username;
    if (!m_secrets)
        return Error::failed(tr("The secrets of the account \"%1\" cannot be read: no keychain is available.").arg(account->name));
    auto secrets = AccountService(m_workspace, m_secrets).readSecrets(*account);
    if (!secrets)
        return secrets.error();
    switch (account->kind) {
    case AccountKind::SshKeyPair:
        if (!secrets->privateKey)
            return Error::failed(tr("The account \"%1\" has no private key in the keychain.").arg(account->name));
        c.authMethod = SshCredentials::AuthMethod::PrivateKey;
        c.privateKey = *secrets->privateKey;
        if (secrets->passphrase)
            c.passphrase = QString::fromUtf8(*secrets->passphrase);
        break;
    case AccountKind::UsernamePassword:
        if (!secrets->password)
            return Error::failed(tr("The account \"%1\" has no password in the keychain.").arg(account->name));
        c.authMethod = SshCredentials::AuthMethod::Password;
        c.password = QString::fromUtf8(*secrets->password);
        break;
    case AccountKind::WinRm:
        return Error::validation(tr("The account \"%1\" is a WinRM account and cannot log in to the SSH target \"%2\".")
                                     .arg(account->name, target.name));
    }
    return plan;
}

std::unique_ptr<Transport> TargetConnector::createTransport(const Plan &plan)
{
    if (plan.kind == TargetKind::Local)
        return std::make_unique<LocalTransport>(plan.directory);
    if (plan.kind == TargetKind::Ssh)
        return std::make_unique<SshTransport>(plan.credentials, plan.hostKeyPolicy);
    return {};
}

TargetConnector::Connection TargetConnector::connect(const Plan &plan, QDeadlineTimer deadline)
{
    return connect(createTransport(plan), plan, deadline);
}

TargetConnector::Connection TargetConnector::connect(std::unique_ptr<Transport> transport, const Plan &plan,
                                                     QDeadlineTimer deadline)
{
    Connection connection;
    connection.transport = std::move(transport);
    if (!connection.transport) {
        connection.error = Error::failed(tr("Cuttle cannot connect to the target \"%1\" yet.").arg(plan.targetName));
        return connection;
    }
    const VoidResult connected = connection.transport->connect(deadline);
    if (!connected)
        connection.error = connected.error();
    if (auto *ssh = dynamic_cast<SshTransport *>(connection.transport.get())) {
        connection.offeredFingerprint = ssh->offeredHostKeyFingerprint();
        switch (ssh->hostKeyVerdict()) {
        case SshTransport::HostKeyVerdict::NotChecked: connection.hostKey = Connection::HostKey::NotChecked; break;
        case SshTransport::HostKeyVerdict::Trusted: connection.hostKey = Connection::HostKey::Trusted; break;
        case SshTransport::HostKeyVerdict::AcceptedNew: connection.hostKey = Connection::HostKey::AcceptedNew; break;
        case SshTransport::HostKeyVerdict::Unknown: connection.hostKey = Connection::HostKey::Unknown; break;
        case SshTransport::HostKeyVerdict::Mismatch: connection.hostKey = Connection::HostKey::Changed; break;
        }
    }
    return connection;
}

VoidResult TargetConnector::pinHostKey(const QString &targetId, const QString &fingerprint) const
{
    if (!fingerprint.startsWith(QLatin1String("SHA256:")))
        return Error::validation(tr("The host key fingerprint must look like \"SHA256:...\", not \"%1\".").arg(fingerprint),
                                 QStringLiteral("hostKeyFingerprint"));
    return TargetRepository(m_workspace->context()).pinHostKey(targetId, fingerprint);
}

} // namespace Cuttle
