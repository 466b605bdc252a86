#include "model/store/sqlquery.h"
#include "model/store/taskqueue.h"
#include "model/store/taskrepository.h"
#include "tests/unit/store/storetestsupport.h"

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

QString makeTask(const StoreContext &context, const QString &tag = {}, const QDateTime &queueTime = {})
{
    Task task;
    task.kind = u"Deploy"_s;
    task.description = u"Deploy Shop"_s;
    task.concurrencyTag = tag;
    task.queueTime = queueTime;
    auto created = TaskRepository(context).create(task);
    if (!created)
        qFatal("cannot create a task: %s", qPrintable(created.error().message));
    return created->id;
}

/// Runs SQL through a connection of its own, as another process would.
void exec(const Test::TempWorkspace &ws, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(ws.workspace->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString stateOf(const StoreContext &context, const QString &id)
{
    return toString(TaskRepository(context).get(id)->state);
}

} // namespace

class TestTaskQueue final : public QObject
{
    Q_OBJECT

private slots:
    void claimsOldestFirstUpToTheLimit()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        QCOMPARE(queue.maxConcurrent().valueOr(0), 5);
        QVERIFY(queue.setMaxConcurrent(2));
        QVERIFY(!queue.setMaxConcurrent(0));
        const QString a = makeTask(ws.context);
        const QString b = makeTask(ws.context);
        const QString c = makeTask(ws.context);
        QCOMPARE((*queue.claimNext())->id, a);
        QCOMPARE((*queue.claimNext())->id, b);
        QVERIFY(!queue.claimNext()->has_value());
        auto waiting = queue.claim(c);
        QVERIFY(waiting);
        QVERIFY(waiting->outcome == TaskQueue::Claim::Outcome::Waiting);
        QVERIFY2(waiting->reason.contains(u"2 tasks are already running"_s), qPrintable(waiting->reason));
        QVERIFY(TaskRepository(ws.context).complete(a, TaskState::Success));
        const auto third = queue.claimNext();
        QVERIFY(third && third->has_value());
        QCOMPARE((*third)->id, c);
        QCOMPARE(toString((*third)->state), u"Executing"_s);
        QCOMPARE((*third)->ownerProcess, TaskRepository::currentProcessOwner());
    }

    void sameConcurrencyTagWaits()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        const QString first = makeTask(ws.context, u"Projects-1/Environments-1"_s);
        const QString second = makeTask(ws.context, u"Projects-1/Environments-1"_s);
        const QString other = makeTask(ws.context, u"Projects-1/Environments-2"_s);
        QCOMPARE((*queue.claimNext())->id, first);
        QCOMPARE((*queue.claimNext())->id, other);
        QVERIFY(!queue.claimNext()->has_value());
        QVERIFY(queue.claim(second)->reason.contains(u"same project to the same environment"_s));
        QVERIFY(TaskRepository(ws.context).complete(first, TaskState::Failed, u"It broke."_s));
        QVERIFY(queue.claim(second)->outcome == TaskQueue::Claim::Outcome::Claimed);
    }

    void scheduledTasksWaitAndExpire()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString later = makeTask(ws.context, {}, now.addSecs(3600));
        QVERIFY(!queue.claimNext({}, now)->has_value());
        QVERIFY(queue.claim(later, now)->reason.startsWith(u"It is scheduled for"_s));
        QCOMPARE((*queue.claimNext({}, now.addSecs(3601)))->id, later);

        const QString expiring = makeTask(ws.context, {}, now.addSecs(60));
        exec(ws, u"UPDATE tasks SET queue_time_expiry = '%1' WHERE id = '%2'"_s
                     .arg(toStoredTime(now.addSecs(120)), expiring));
        QVERIFY(!queue.claimNext({}, now.addSecs(600))->has_value());
        QCOMPARE(stateOf(ws.context, expiring), u"TimedOut"_s);
        QVERIFY(TaskRepository(ws.context).get(expiring)->errorMessage.contains(u"did not start before its expiry"_s));
    }

    void kindsFilter()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        makeTask(ws.context);
        QVERIFY(!queue.claimNext({u"Health"_s})->has_value());
        QVERIFY(queue.claimNext({u"Deploy"_s})->has_value());
    }

    void cancel()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        const QString queued = makeTask(ws.context);
        QCOMPARE(toString(*queue.requestCancel(queued)), u"Canceled"_s);
        QCOMPARE(stateOf(ws.context, queued), u"Canceled"_s);
        QVERIFY(queue.claim(queued)->outcome == TaskQueue::Claim::Outcome::NotQueued);

        const QString running = makeTask(ws.context);
        QVERIFY(queue.claimNext()->has_value());
        QCOMPARE(toString(*queue.requestCancel(running)), u"Cancelling"_s);
        QCOMPARE(stateOf(ws.context, running), u"Cancelling"_s);
        QVERIFY(TaskRepository(ws.context).complete(running, TaskState::Canceled));
        auto refused = queue.requestCancel(running);
        QVERIFY(!refused);
        QVERIFY(refused.error().kind == ErrorKind::Conflict);
    }

    void targetLocks()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        exec(ws, u"INSERT INTO targets(id, space_id, name, kind, machine_policy_id) VALUES ('Machines-1', '%1', 'web01', 'Local', 'MachinePolicies-1')"_s
                     .arg(ws.spaceId));
        const QString a = makeTask(ws.context);
        const QString b = makeTask(ws.context);
        QVERIFY(queue.claimNext().value().has_value());
        QVERIFY(queue.claimNext().value().has_value());
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, a), true);
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, a), true);
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, b), false);
        QVERIFY(queue.unlockTarget(u"Machines-1"_s, a));
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, b), true);

        // A lock left by a process that is gone is taken over.
        exec(ws, u"UPDATE tasks SET owner_process = '%1:999999999' WHERE id = '%2'"_s.arg(QSysInfo::machineHostName(), b));
        exec(ws, u"UPDATE target_locks SET owner_process = '%1:999999999'"_s.arg(QSysInfo::machineHostName()));
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, a), true);

        // A finished task's lock too.
        QVERIFY(TaskRepository(ws.context).complete(a, TaskState::Success));
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, b), true);
        QVERIFY(queue.releaseLocks(b));
    }

    void recoverEndsOrphansAndFreesTheirLocks()
    {
        Test::TempWorkspace ws;
        TaskQueue queue(ws.context);
        exec(ws, u"INSERT INTO targets(id, space_id, name, kind, machine_policy_id) VALUES ('Machines-1', '%1', 'web01', 'Local', 'MachinePolicies-1')"_s
                     .arg(ws.spaceId));
        const QString orphan = makeTask(ws.context);
        QVERIFY(queue.claimNext().value().has_value());
        QVERIFY(*queue.tryLockTarget(u"Machines-1"_s, orphan));
        exec(ws, u"UPDATE tasks SET owner_process = '%1:999999999' WHERE id = '%2'"_s.arg(QSysInfo::machineHostName(), orphan));
        auto recovered = queue.recover();
        QVERIFY(recovered);
        QCOMPARE(*recovered, QStringList{orphan});
        QCOMPARE(stateOf(ws.context, orphan), u"Failed"_s);
        const QString next = makeTask(ws.context);
        QVERIFY(queue.claimNext().value().has_value());
        QCOMPARE(*queue.tryLockTarget(u"Machines-1"_s, next), true);
    }

    void concurrentClaimersNeverShareATask()
    {
        Test::TempWorkspace ws;
        QVERIFY(TaskQueue(ws.context).setMaxConcurrent(100));
        for (int i = 0; i < 40; ++i)
            makeTask(ws.context);
        QMutex mutex;
        QStringList claimed;
        auto claimer = [&]() {
            TaskQueue queue(ws.context);
            for (;;) {
                auto task = queue.claimNext();
                if (!task || !task->has_value())
                    return;
                QMutexLocker locker(&mutex);
                claimed << (*task)->id;
            }
        };
        QThread *one = QThread::create(claimer);
        QThread *two = QThread::create(claimer);
        one->start();
        two->start();
        QVERIFY(one->wait(60000));
        QVERIFY(two->wait(60000));
        delete one;
        delete two;
        QCOMPARE(claimed.size(), 40);
        QCOMPARE(QSet<QString>(claimed.cbegin(), claimed.cend()).size(), 40);
    }
};

QTEST_GUILESS_MAIN(TestTaskQueue)
#include "tst_taskqueue.moc"
