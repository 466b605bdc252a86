#pragma once

#include "model/transport/transport.h"

#include <QCoreApplication>

#include <chrono>

namespace Cuttle {

/// A Transport to a directory on this workstation: scripts run under /bin/bash in that directory.
class LocalTransport final : public Transport
{
    Q_DECLARE_TR_FUNCTIONS(LocalTransport)

public:
    explicit LocalTransport(const QString &rootDirectory);
    ~LocalTransport() override;
    Q_DISABLE_COPY_MOVE(LocalTransport)

    QString rootDirectory() const { return m_root; }
    QString targetDescription() const override;
    VoidResult connect(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever)) override;
    bool isConnected() const override { return m_connected; }
    Result<ExitInfo> run(const RunRequest &request, const OutputCallbacks &callbacks = {}) override;
    using Transport::run;
    using Transport::upload;
    VoidResult upload(QIODevice *source, qint64 size, const QString &remotePath,
                      const ProgressCallback &progress = {}) override;
    VoidResult download(const QString &remotePath, const QString &localPath,
                        const ProgressCallback &progress = {}) override;
    void close() override { m_connected = false; }

    /// How long a cancelled script gets between TERM and KILL.
    void setCancelGracePeriod(std::chrono::milliseconds period) { m_grace = period; }

private:
    /// Relative paths are relative to the root directory, as on a remote target.
    QString resolve(const QString &path) const;

    QString m_root;
    bool m_connected = false;
    std::chrono::milliseconds m_grace{3000};
};

} // namespace Cuttle
