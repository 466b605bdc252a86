#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace Cuttle::Test {

/// A real OpenSSH sshd on 127.0.0.1 with its own host key and authorized_keys, for integration tests.
class SshdFixture final
{
public:
    SshdFixture();
    ~SshdFixture();
    Q_DISABLE_COPY_MOVE(SshdFixture)

    /// Generates the host key (first start only), picks a free port and waits until sshd listens.
    bool start(QString *error = nullptr);
    /// Stops the listener and every connection it serves.
    void stop();
    /// SIGKILLs the listener and its per-connection sshd processes, as a crashing server would
    /// (the commands they run get EOF on stdin instead of being killed).
    void killAbruptly();
    /// Stops, replaces the host key with a new one of keyType ("ed25519", "ecdsa", "rsa") and starts on the same port.
    bool restartWithNewHostKey(const QString &keyType, QString *error = nullptr);

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString directory() const { return m_dir.path(); }
    QString hostKeyFingerprint() const { return m_fingerprint; }
    qint64 listenerPid() const;
    /// Appends an OpenSSH public key line to the authorized_keys file.
    bool authorizeKey(const QString &publicKeyLine);
    QString log() const;
    /// sshd_config lines that take precedence over the defaults (e.g. "UsePAM yes\n" for locked accounts).
    void setExtraConfig(const QString &lines) { m_extraConfig = lines; }

    /// Generates a client key pair with ssh-keygen at path (+ ".pub"); pem selects the legacy PEM format.
    static bool generateKey(const QString &path, const QString &type, const QString &passphrase = {},
                            bool pem = false, QString *error = nullptr);
    /// The fingerprint of a public key file, as `ssh-keygen -lf` prints it ("SHA256:...").
    static QString fingerprintOf(const QString &publicKeyPath);

private:
    bool launch(QString *error);
    bool writeConfig();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_hostKeyType = QStringLiteral("ed25519");
    QString m_fingerprint;
    QString m_extraConfig;
};

} // namespace Cuttle::Test
