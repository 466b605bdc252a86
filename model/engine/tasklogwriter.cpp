#include "model/engine/tasklogwriter.h"

#include "model/store/taskrepository.h"

#include <QThread>

#include <utility>

namespace Cuttle {

TaskLogWriter::TaskLogWriter(StoreContext context)
    : TaskLogWriter(std::move(context), Options{})
{
}

TaskLogWriter::TaskLogWriter(StoreContext context, Options options)
    : m_context(std::move(context))
    , m_options(options)
{
    m_thread = QThread::create([this]() { writeLoop(); });
    m_thread->setObjectName(QStringLiteral("Cuttle task log writer"));
    m_thread->start();
}

TaskLogWriter::~TaskLogWriter()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void TaskLogWriter::append(TaskLogLine line)
{
    if (!line.at.isValid())
        line.at = QDateTime::currentDateTimeUtc();
    QMutexLocker locker(&m_mutex);
    if (m_pending.isEmpty()) {
        m_oldestPending.start();
        m_wake.wakeAll();
    }
    m_pending.append(std::move(line));
    ++m_appended;
    if (m_pending.size() >= m_options.maxBatchLines)
        m_wake.wakeAll();
}

void TaskLogWriter::append(const QString &taskId, qint64 nodeId, TaskLogCategory category, const QString &text)
{
    TaskLogLine line;
    line.taskId = taskId;
    line.nodeId = nodeId;
    line.category = category;
    line.text = text;
    append(std::move(line));
}

VoidResult TaskLogWriter::flush()
{
    QMutexLocker locker(&m_mutex);
    const qint64 target = m_appended;
    m_flushWanted = std::max(m_flushWanted, target);
    m_wake.wakeAll();
    while (m_committed < target)
        m_written.wait(&m_mutex);
    if (m_error)
        return *std::exchange(m_error, std::nullopt);
    return {};
}

qint64 TaskLogWriter::batchesWritten() const
{
    QMutexLocker locker(&m_mutex);
    return m_batches;
}

qint64 TaskLogWriter::linesWritten() const
{
    QMutexLocker locker(&m_mutex);
    return m_lines;
}

void TaskLogWriter::writeLoop()
{
    TaskRepository repository(m_context);
    QMutexLocker locker(&m_mutex);
    for (;;) {
        if (m_pending.isEmpty()) {
            if (m_stopping)
                break;
            m_wake.wait(&m_mutex);
            continue;
        }
        const qint64 remaining = m_options.flushInterval.count() - m_oldestPending.elapsed();
        const bool urgent = m_stopping || m_flushWanted > m_committed || m_pending.size() >= m_options.maxBatchLines;
        if (!urgent && remaining > 0) {
            m_wake.wait(&m_mutex, QDeadlineTimer(remaining));
            continue;
        }
        const QList<TaskLogLine> batch = std::exchange(m_pending, {});
        const qint64 upTo = m_appended;
        locker.unlock();
        const VoidResult written = repository.appendLines(batch);
        locker.relock();
        if (!written && !m_error)
            m_error = written.error();
        m_committed = upTo;
        ++m_batches;
        if (written)
            m_lines += batch.size();
        m_written.wakeAll();
    }
}

} // namespace Cuttle
