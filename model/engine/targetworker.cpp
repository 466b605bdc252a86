#include "model/engine/targetworker.h"

#include "model/transport/transport.h"

#include <future>

namespace Cuttle {

TargetWorker::TargetWorker(TargetConnector::Plan plan, int connectTimeoutSeconds)
    : m_plan(std::move(plan))
    , m_timeoutSeconds(std::max(1, connectTimeoutSeconds))
    , m_thread([this] { loop(); })
{
}

TargetWorker::~TargetWorker()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void TargetWorker::loop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                break;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
    if (m_transport)
        m_transport->close();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_current = nullptr;
    m_transport.reset();
}

void TargetWorker::run(const Job &job)
{
    std::promise<void> done;
    auto finished = done.get_future();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_jobs.push_back([this, &job, &done] {
            if (!m_connectTried) {
                m_connectTried = true;
                std::unique_ptr<Transport> transport = TargetConnector::createTransport(m_plan);
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_current = transport.get();
                    if (m_cancelled && m_current)
                        m_current->cancel();
                }
                auto connection = TargetConnector::connect(std::move(transport), m_plan,
                                                           QDeadlineTimer(std::chrono::seconds(m_timeoutSeconds)));
                m_transport = std::move(connection.transport);
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_current = m_transport.get();
                }
                m_connectError = connection.error;
            }
            job(m_connectError ? nullptr : m_transport.get(), m_connectError);
            done.set_value();
        });
    }
    m_wake.notify_all();
    finished.wait();
}

void TargetWorker::cancel()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_cancelled = true;
    if (m_current)
        m_current->cancel();
}

} // namespace Cuttle
