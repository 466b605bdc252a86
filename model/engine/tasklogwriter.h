#pragma once

#include "model/core/result.h"
#include "model/core/tasklogline.h"
#include "model/store/storecontext.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <chrono>
#include <optional>

class QThread;

namespace Cuttle {

/// Writes task log lines in batches on a thread of its own: append() only queues a line, and
/// the writer commits what has gathered every flush interval (or as soon as a batch is full)
/// in one transaction, so a chatty script costs the database a few commits a second rather
/// than one per line.
class TaskLogWriter final
{
public:
    struct Options
    {
        std::chrono::milliseconds flushInterval{100};
        int maxBatchLines = 1000; ///< a batch this big is written without waiting for the interval
    };

    explicit TaskLogWriter(StoreContext context);
    TaskLogWriter(StoreContext context, Options options);
    /// Writes what is still queued, then stops.
    ~TaskLogWriter();
    Q_DISABLE_COPY_MOVE(TaskLogWriter)

    /// Thread-safe; never waits for the database. A line without a time is stamped now.
    void append(TaskLogLine line);
    void append(const QString &taskId, qint64 nodeId, TaskLogCategory category, const QString &text);

    /// Blocks until every line appended before the call is committed; returns the first write
    /// error since the previous flush (those lines are lost).
    VoidResult flush();

    qint64 batchesWritten() const;
    qint64 linesWritten() const;

private:
    void writeLoop();

    StoreContext m_context;
    Options m_options;
    QThread *m_thread = nullptr;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;    ///< lines arrived, a flush was asked for, or the writer stops
    QWaitCondition m_written; ///< a batch was committed
    QList<TaskLogLine> m_pending;
    QElapsedTimer m_oldestPending;
    qint64 m_appended = 0;
    qint64 m_committed = 0;
    qint64 m_flushWanted = 0;
    qint64 m_batches = 0;
    qint64 m_lines = 0;
    std::optional<Error> m_error;
    bool m_stopping = false;
};

} // namespace Cuttle
