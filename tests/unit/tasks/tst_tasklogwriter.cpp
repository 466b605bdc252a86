#include "model/engine/tasklogwriter.h"
#include "model/store/taskrepository.h"
#include "model/store/workspace.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Cuttle;
using namespace std::chrono_literals;

class tst_TaskLogWriter final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_workspace = Workspace::open(m_dir->path()).value();
        Task task;
        task.kind = QStringLiteral("AdHocScript");
        m_taskId = TaskRepository(m_workspace->context()).create(task).value().id;
    }
    void cleanup()
    {
        m_workspace.reset();
        m_dir.reset();
    }

    void waitsForTheIntervalThenWritesOneBatch()
    {
        TaskLogWriter writer(m_workspace->context(), {2000ms, 1000});
        for (int i = 0; i < 10; ++i)
            writer.append(m_taskId, 0, TaskLogCategory::Info, QStringLiteral("line %1").arg(i));
        QTest::qWait(200);
        QCOMPARE(writer.linesWritten(), 0); // still gathering
        QTRY_COMPARE_WITH_TIMEOUT(writer.linesWritten(), 10, 10000);
        QCOMPARE(writer.batchesWritten(), 1);
        QCOMPARE(stored().size(), 10);
    }

    void aFullBatchIsWrittenWithoutWaiting()
    {
        TaskLogWriter writer(m_workspace->context(), {60000ms, 50});
        for (int i = 0; i < 120; ++i)
            writer.append(m_taskId, 0, TaskLogCategory::Info, QStringLiteral("line %1").arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(writer.linesWritten() >= 50, 10000);
        QVERIFY(writer.flush());
        QCOMPARE(writer.linesWritten(), 120);
        QVERIFY(writer.batchesWritten() <= 3);
    }

    void flushFromManyThreadsKeepsEachThreadsOrder_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("linesPerThread");
        QTest::addColumn<int>("intervalMs");
        QTest::newRow("4 x 500, 100 ms") << 4 << 500 << 100;
        QTest::newRow("8 x 250, 5 ms") << 8 << 250 << 5;
    }
    void flushFromManyThreadsKeepsEachThreadsOrder()
    {
        QFETCH(int, threads);
        QFETCH(int, linesPerThread);
        QFETCH(int, intervalMs);
        TaskLogWriter writer(m_workspace->context(), {std::chrono::milliseconds(intervalMs), 1000});
        QList<QThread *> workers;
        std::atomic<int> failedFlushes{0};
        for (int t = 0; t < threads; ++t) {
            workers << QThread::create([&writer, &failedFlushes, t, linesPerThread, this]() {
                for (int i = 0; i < linesPerThread; ++i)
                    writer.append(m_taskId, 0, TaskLogCategory::Info, QStringLiteral("%1:%2").arg(t).arg(i));
                if (!writer.flush())
                    ++failedFlushes;
            });
            workers.last()->start();
        }
        for (QThread *worker : std::as_const(workers)) {
            QVERIFY(worker->wait(30000));
            delete worker;
        }
        QCOMPARE(failedFlushes.load(), 0);
        QVERIFY(writer.flush());
        const auto lines = stored();
        QCOMPARE(lines.size(), threads * linesPerThread);
        QList<int> next(threads, 0);
        for (const TaskLogLine &line : lines) {
            const auto parts = line.text.split(u':');
            const int t = parts.at(0).toInt();
            QCOMPARE(parts.at(1).toInt(), next[t]++);
        }
        // Never one transaction per line.
        QVERIFY2(writer.batchesWritten() * 10 <= threads * linesPerThread, qPrintable(QString::number(writer.batchesWritten())));
    }

    void destructionWritesWhatIsLeft()
    {
        {
            TaskLogWriter writer(m_workspace->context(), {60000ms, 1000});
            for (int i = 0; i < 5; ++i)
                writer.append(m_taskId, 0, TaskLogCategory::Warning, QStringLiteral("late %1").arg(i));
        }
        const auto lines = stored();
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.last().text, QStringLiteral("late 4"));
        QCOMPARE(toString(lines.last().category), toString(TaskLogCategory::Warning));
    }

    void aFailedBatchIsReportedByFlush()
    {
        TaskLogWriter writer(m_workspace->context(), {10ms, 1000});
        writer.append(QStringLiteral("ServerTasks-404"), 0, TaskLogCategory::Info, QStringLiteral("orphan"));
        const VoidResult flushed = writer.flush();
        QVERIFY(!flushed);
        QVERIFY(!flushed.error().message.isEmpty());
        writer.append(m_taskId, 0, TaskLogCategory::Info, QStringLiteral("fine"));
        QVERIFY(writer.flush()); // the error was reported once
        QCOMPARE(stored().size(), 1);
    }

private:
    QList<TaskLogLine> stored() const { return TaskRepository(m_workspace->context()).linesAfter(m_taskId).value(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Workspace> m_workspace;
    QString m_taskId;
};

QTEST_GUILESS_MAIN(tst_TaskLogWriter)
#include "tst_tasklogwriter.moc"
