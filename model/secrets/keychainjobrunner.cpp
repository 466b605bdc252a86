#include "model/secrets/keychainjobrunner.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <memory>

namespace Cuttle {

namespace {

QBasicMutex instanceMutex;
KeychainJobRunner *runnerInstance = nullptr;
bool runnerShutDown = false;

// What the keychain thread and the waiting thread share; outlives either side, so a job
// that answers after its caller gave up finds nothing to wake.
struct PendingJob
{
    QMutex mutex;
    KeychainJobRunner::Outcome outcome;
    QEventLoop *loop = nullptr;
};

} // namespace

KeychainJobRunner::KeychainJobRunner(QThread *thread)
    : m_thread(thread)
{
}

KeychainJobRunner::~KeychainJobRunner() = default;

KeychainJobRunner *KeychainJobRunner::instance()
{
    QMutexLocker locker(&instanceMutex);
    if (runnerInstance || runnerShutDown || !QCoreApplication::instance())
        return runnerInstance;
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("Cuttle keychain"));
    // The first caller may be a worker thread that ends soon; the main thread shuts this down.
    thread->moveToThread(QCoreApplication::instance()->thread());
    runnerInstance = new KeychainJobRunner(thread);
    runnerInstance->moveToThread(thread);
    thread->start();
    qAddPostRoutine(&KeychainJobRunner::shutDown);
    return runnerInstance;
}

void KeychainJobRunner::shutDown()
{
    KeychainJobRunner *runner = nullptr;
    {
        QMutexLocker locker(&instanceMutex);
        runner = runnerInstance;
        runnerInstance = nullptr;
        runnerShutDown = true;
    }
    if (!runner)
        return;
    QThread *thread = runner->m_thread;
    thread->quit();
    thread->wait();
    delete runner;
    delete thread;
}

KeychainJobRunner::Outcome KeychainJobRunner::run(Operation operation, const QString &service,
                                                  const QString &key, const QByteArray &data,
                                                  std::chrono::milliseconds timeout)
{
    auto pending = std::make_shared<PendingJob>();
    QEventLoop loop;
    pending->loop = &loop;

    // Runs in the keychain thread, so the job, QtKeychain's executor and the GLib context
    // libsecret answers on all belong to that thread.
    const auto start = [pending, operation, service, key, data] {
        QKeychain::Job *job = nullptr;
        switch (operation) {
        case Operation::Write: {
            auto *writeJob = new QKeychain::WritePasswordJob(service);
            // Always binary: text mode would cut a secret at its first NUL byte.
            writeJob->setBinaryData(data);
            job = writeJob;
            break;
        }
        case Operation::Read:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        // Secrets must never end up in a plain-text settings file when no keychain runs.
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, job, [pending](QKeychain::Job *finished) {
            QMutexLocker locker(&pending->mutex);
            pending->outcome.finished = true;
            pending->outcome.error = finished->error();
            pending->outcome.errorString = finished->errorString();
            if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                pending->outcome.data = readJob->binaryData();
            if (pending->loop)
                QMetaObject::invokeMethod(pending->loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
        job->start();
    };
    QMetaObject::invokeMethod(this, start, Qt::QueuedConnection);

    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    {
        QMutexLocker locker(&pending->mutex);
        if (pending->outcome.finished) {
            pending->loop = nullptr;
            return pending->outcome;
        }
    }
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    QMutexLocker locker(&pending->mutex);
    pending->loop = nullptr;
    return pending->outcome;
}

} // namespace Cuttle
