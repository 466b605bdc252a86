#pragma once

#include "model/core/result.h"
#include "model/engine/targetconnector.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Cuttle {

class Transport;

/// One target's session for the whole of a task: a thread of its own that connects on
/// first use and then runs every job of the task on that target, in order, through the
/// same connected transport (a transport belongs to one thread for its whole life).
class TargetWorker final
{
public:
    /// Gets the connected transport, or the sentence why there is none.
    using Job = std::function<void(Transport *transport, const std::optional<Error> &connectError)>;

    TargetWorker(TargetConnector::Plan plan, int connectTimeoutSeconds);
    /// Closes the transport and ends the thread (after the running job).
    ~TargetWorker();
    TargetWorker(const TargetWorker &) = delete;
    TargetWorker &operator=(const TargetWorker &) = delete;

    /// Runs `job` on the worker's thread and returns when it is done.
    void run(const Job &job);
    /// Thread-safe: stops what the transport is doing now and everything after.
    void cancel();

    const QString &targetId() const { return m_plan.targetId; }

private:
    void loop();

    TargetConnector::Plan m_plan;
    int m_timeoutSeconds = 10;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    bool m_cancelled = false;
    std::unique_ptr<Transport> m_transport; ///< touched only on the worker thread, except cancel()
    Transport *m_current = nullptr;         ///< guarded by m_mutex, for cancel()
    std::optional<Error> m_connectError;
    bool m_connectTried = false;
    std::thread m_thread;
};

} // namespace Cuttle
