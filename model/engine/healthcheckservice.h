#pragma once

#include "model/core/deploymenttarget.h"
#include "model/engine/targetconnector.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>

namespace Cuttle {

/// The health check of one target as HealthCheckService found (and recorded) it.
struct TargetHealthReport
{
    QString targetId;
    QString targetName;
    HealthStatus status = HealthStatus::Unknown; ///< Unknown: not checked (cancelled, or the kind is not supported yet)
    QString message;                             ///< the findings as sentences; empty when all is well
    QDateTime checkedAt;
    QStringList logLines;
    TargetConnector::Connection::HostKey hostKey = TargetConnector::Connection::HostKey::NotChecked;
    QString offeredFingerprint; ///< SSH: the host key the server offered
    bool hostKeyPinned = false; ///< a new host key was accepted and pinned during this check
    bool recorded = false;      ///< the result was saved to the target
};

/// Health-checks deployment targets in parallel and records each result on its target.
/// Blocks on the network and the keychain: call it from a worker thread or the command line.
class HealthCheckService final
{
    Q_DECLARE_TR_FUNCTIONS(HealthCheckService)

public:
    struct Options
    {
        int maxParallel = 8;
        /// SSH targets without a pinned host key trust the offered one, which is then pinned (audited).
        bool acceptNewHostKeys = false;
        /// Called (serialized) from worker threads with each line of a target's check as it
        /// happens (connecting, the answers of the target, the verdict), for a live log.
        std::function<void(const QString &targetId, const QString &line)> log;
    };
    /// Called (serialized) from worker threads as each target finishes: targets done, total.
    using Progress = std::function<void(int done, int total, const TargetHealthReport &report)>;

    HealthCheckService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets);

    /// Returns the reports in the order of `targets`. Setting `cancelled` stops running checks;
    /// targets not checked keep their recorded health.
    QList<TargetHealthReport> check(const QList<DeploymentTarget> &targets, const Options &options,
                                    const Progress &progress = {}, const std::atomic<bool> *cancelled = nullptr);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace Cuttle
