#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/result.h"
#include "model/engine/healthcheckservice.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Cuttle {

class WorkspaceSession;

/// Runs HealthCheckService for the console on a thread of its own (checks can take as long as
/// their connect timeouts, which must hold up neither the GUI nor the session's store worker),
/// reports progress on the GUI thread and announces changed("Machine") when results were recorded.
class HealthCheckController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthCheckController)

public:
    explicit HealthCheckController(WorkspaceSession *session, QObject *parent = nullptr);
    /// Cancels a running check and waits for it, so that no result arrives after destruction.
    ~HealthCheckController() override;

    bool isRunning() const { return m_thread != nullptr; }
    /// Starts checking `targets`; returns false (and does nothing) while a check is running.
    /// The other entry points queue instead.
    bool start(const QList<DeploymentTarget> &targets);
    /// Asks the running check to stop; targets not finished keep their recorded health.
    void cancel();
    /// Pins `fingerprint` for the target (audited), then checks the target again.
    void pinAndRecheck(const QString &targetId, const QString &fingerprint);

signals:
    void started(int total);
    void progress(int done, int total, const Cuttle::TargetHealthReport &report);
    /// One line of a target's check as it happens.
    void logLine(const QString &targetId, const QString &line);
    void finished(const QList<Cuttle::TargetHealthReport> &reports, bool cancelled);
    /// Pinning a host key failed; `message` is the sentence for the user.
    void failed(const QString &message);
    void hostKeyPinned(const QString &targetId);

private:
    struct Run;

    WorkspaceSession *m_session = nullptr;
    QThread *m_thread = nullptr;
    std::shared_ptr<Run> m_run;
    QList<DeploymentTarget> m_pending; ///< re-checks asked for while a check was running
};

} // namespace Cuttle
