#pragma once

#include "model/core/result.h"
#include "model/transport/exitinfo.h"
#include "model/transport/outputcallbacks.h"
#include "model/transport/runrequest.h"

#include <QDeadlineTimer>
#include <QCoreApplication>
#include <QString>

#include <atomic>

class QIODevice;

namespace Cuttle {

/// One session with one deployment target, whatever kind it is.
///
/// A transport belongs to one worker thread for its whole life; only cancel() may be called from
/// another thread. Cancellation is sticky: once cancelled, the running operation stops and every
/// later one fails with ErrorKind::Cancelled until resetCancellation().
class Transport
{
    Q_DECLARE_TR_FUNCTIONS(Transport)

public:
    virtual ~Transport();

    /// How the target is named in messages, e.g. "deploy@web01:22" or a directory.
    virtual QString targetDescription() const = 0;

    virtual VoidResult connect(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever)) = 0;
    virtual bool isConnected() const = 0;

    /// Runs a script; a non-zero exit code or a signal is a successful run with that ExitInfo.
    virtual Result<ExitInfo> run(const RunRequest &request, const OutputCallbacks &callbacks = {}) = 0;
    Result<ExitInfo> run(const QString &script, const OutputCallbacks &callbacks = {});

    /// Copies a local file to remotePath through a temporary file that is verified (SHA-256)
    /// and then renamed into place; the temporary file is removed on failure or cancellation.
    VoidResult upload(const QString &localPath, const QString &remotePath, const ProgressCallback &progress = {});
    /// The same for a stream; size is -1 when unknown.
    virtual VoidResult upload(QIODevice *source, qint64 size, const QString &remotePath,
                              const ProgressCallback &progress = {}) = 0;

    virtual VoidResult download(const QString &remotePath, const QString &localPath,
                                const ProgressCallback &progress = {}) = 0;

    virtual void close() = 0;

    /// Thread-safe: stops the running operation (remote commands get TERM, then KILL).
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    void resetCancellation() { m_cancelled.store(false); }

protected:
    /// Called by cancel() on the cancelling thread, to wake up a blocking call.
    virtual void abortBlockingCall() {}
    Error cancelledError() const;

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace Cuttle
