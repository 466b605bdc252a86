#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>

namespace Cuttle {

/// Everything needed to log in to an SSH target, as plain values (reading the keychain is the caller's job).
struct SshCredentials
{
    enum class AuthMethod {
        PrivateKey,          ///< privateKey (OpenSSH or PEM text) with an optional passphrase
        Agent,               ///< the ssh-agent behind SSH_AUTH_SOCK (or agentSocket)
        Password,
        KeyboardInteractive, ///< every prompt is answered with password
    };

    QString host;
    quint16 port = 22;
    QString username;
    AuthMethod authMethod = AuthMethod::PrivateKey;
    QString password;
    QByteArray privateKey;
    QString passphrase;
    QString agentSocket; ///< empty: SSH_AUTH_SOCK
    std::chrono::milliseconds timeout{10000};
    bool honourSshConfig = false; ///< read ~/.ssh/config and /etc/ssh/ssh_config for this host
};

} // namespace Cuttle
