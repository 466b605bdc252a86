#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace Cuttle::Test {

/// A small libssh server on 127.0.0.1 that accepts password and keyboard-interactive logins
/// (which an unprivileged OpenSSH cannot test) and answers every exec request with "ok\n", exit 0.
class SshTestServer final
{
public:
    SshTestServer(const QString &user, const QString &password);
    ~SshTestServer();
    Q_DISABLE_COPY_MOVE(SshTestServer)

    bool start(QString *error = nullptr);
    void stop();
    quint16 port() const { return m_port; }
    QString hostKeyFingerprint() const { return m_fingerprint; }
    int keyboardInteractiveRounds() const { return m_kbdintRounds.load(); }

private:
    void serve();
    void handleSession(void *session);

    QString m_user;
    QString m_password;
    quint16 m_port = 0;
    QString m_fingerprint;
    void *m_bind = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_kbdintRounds{0};
};

} // namespace Cuttle::Test
