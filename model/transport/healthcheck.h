#pragma once

#include "model/transport/healthcheckoptions.h"
#include "model/transport/healthreport.h"

#include <QCoreApplication>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>

namespace Cuttle {

class Transport;

/// Connects to targets and checks that a deployment could run there.
class HealthCheck final
{
    Q_DECLARE_TR_FUNCTIONS(HealthCheck)

public:
    /// One target of checkMany(): the transport is created on the worker thread that uses it.
    struct Job
    {
        std::function<std::unique_ptr<Transport>()> createTransport;
        HealthCheckOptions options;
    };
    /// Called from worker threads (serialized) after each target: targets done, total.
    using Progress = std::function<void(int done, int total, int index, const HealthReport &report)>;

    /// Checks one target; the transport need not be connected yet.
    static HealthReport check(Transport &transport, const HealthCheckOptions &options);

    /// Checks many targets in parallel (at most maxParallel at once) and returns the reports in job order.
    /// Blocks until done; setting cancelled stops running checks and skips the rest (Unavailable).
    static QList<HealthReport> checkMany(const QList<Job> &jobs, int maxParallel, const Progress &progress,
                                         const std::atomic<bool> &cancelled);

    /// The POSIX sh script run on the target (it must work where bash is missing).
    static QString checkScript(const QString &rootDirectory);
};

} // namespace Cuttle
