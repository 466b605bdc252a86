#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <qt6keychain/keychain.h>

#include <chrono>

class QThread;

namespace Cuttle {

/// Runs QtKeychain jobs one at a time on a thread of their own and lets any thread wait
/// for one. QtKeychain queues every job through a single executor object that belongs to
/// the thread that started the first job, and finishes jobs through queued calls into
/// that thread: jobs started from short-lived worker threads, or while the main thread
/// is blocked, would wait forever. Owning that thread keeps the executor alive and
/// responsive. Nothing else in Cuttle may start QtKeychain jobs directly.
class KeychainJobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainJobRunner)

public:
    enum class Operation { Write, Read, Remove };

    struct Outcome
    {
        bool finished = false; ///< false when the keychain did not answer in time
        QKeychain::Error error = QKeychain::NoError;
        QString errorString;
        QByteArray data;
    };

    /// The process-wide runner, started on first use; nullptr without a QCoreApplication
    /// or after it has been destroyed.
    static KeychainJobRunner *instance();

    /// Runs one job and waits for it in a local event loop of the calling thread.
    Outcome run(Operation operation, const QString &service, const QString &key,
                const QByteArray &data, std::chrono::milliseconds timeout);

private:
    explicit KeychainJobRunner(QThread *thread);
    ~KeychainJobRunner() override;
    static void shutDown();

    QThread *m_thread;
};

} // namespace Cuttle
