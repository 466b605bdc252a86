#include "model/store/spacerepository.h"
#include "model/store/taskrepository.h"
#include "model/store/workspace.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;

class tst_TaskRepository final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto workspace = Workspace::open(m_dir->path());
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message));
        m_workspace = *workspace;
        m_spaceId = SpaceRepository(m_workspace->context()).defaultSpace().value().id;
    }
    void cleanup()
    {
        m_workspace.reset();
        m_dir.reset();
    }

    void createStartComplete_data()
    {
        QTest::addColumn<int>("finalState");
        QTest::addColumn<QString>("error");
        QTest::newRow("success") << int(TaskState::Success) << QString();
        QTest::newRow("failed") << int(TaskState::Failed) << QStringLiteral("The script failed on 1 of 2 targets: web01.");
        QTest::newRow("canceled") << int(TaskState::Canceled) << QStringLiteral("The script run was cancelled.");
        QTest::newRow("timed out") << int(TaskState::TimedOut) << QStringLiteral("The task ran out of time.");
    }
    void createStartComplete()
    {
        QFETCH(int, finalState);
        QFETCH(QString, error);
        TaskRepository tasks(m_workspace->context(QStringLiteral("alice")));
        Task task;
        task.kind = QStringLiteral("AdHocScript");
        task.spaceId = m_spaceId;
        task.description = QStringLiteral("Run a script on 2 targets");
        task.arguments = QJsonObject{{QLatin1String("script"), QLatin1String("echo hi")}};
        auto created = tasks.create(task);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        QVERIFY(created->id.startsWith(u"ServerTasks-"));
        QCOMPARE(toString(created->state), toString(TaskState::Queued));
        QCOMPARE(created->createdBy, QStringLiteral("alice"));

        QVERIFY(tasks.start(created->id));
        auto started = tasks.get(created->id);
        QVERIFY(started);
        QCOMPARE(toString(started->state), toString(TaskState::Executing));
        QVERIFY(started->startedAt.isValid());
        QCOMPARE(started->ownerProcess, TaskRepository::currentProcessOwner());
        QVERIFY(!started->completedAt.isValid());

        QVERIFY(tasks.complete(created->id, TaskState(finalState), error));
        auto done = tasks.get(created->id);
        QVERIFY(done);
        QCOMPARE(toString(done->state), toString(TaskState(finalState)));
        QCOMPARE(done->errorMessage, error);
        QVERIFY(done->completedAt >= done->startedAt);
        QCOMPARE(done->arguments.value(QLatin1String("script")).toString(), QStringLiteral("echo hi"));
        QCOMPARE(done->description, task.description);
    }

    void completeRefusesUnfinishedStatesAndUnknownTasks()
    {
        TaskRepository tasks(m_workspace->context());
        auto created = tasks.create(newTask());
        QVERIFY(created);
        QCOMPARE(int(tasks.complete(created->id, TaskState::Executing).error().kind), int(ErrorKind::Validation));
        QCOMPARE(int(tasks.complete(QStringLiteral("ServerTasks-999"), TaskState::Success).error().kind), int(ErrorKind::NotFound));
        QCOMPARE(tasks.start(QStringLiteral("ServerTasks-999")).error().kind, ErrorKind::NotFound);
        QCOMPARE(tasks.get(QStringLiteral("ServerTasks-999")).error().kind, ErrorKind::NotFound);
        Task noKind;
        QCOMPARE(tasks.create(noKind).error().kind, ErrorKind::Validation);
    }

    void listIsNewestFirstWithPaging()
    {
        TaskRepository tasks(m_workspace->context());
        QStringList ids;
        for (int i = 0; i < 7; ++i)
            ids.prepend(tasks.create(newTask(QString::number(i))).value().id);
        auto all = tasks.list();
        QVERIFY(all);
        QStringList listed;
        for (const Task &t : *all)
            listed << t.id;
        QCOMPARE(listed, ids);
        auto page = tasks.list({}, 2, 3);
        QVERIFY(page);
        QCOMPARE(page->size(), 3);
        QCOMPARE(page->at(0).id, ids.at(2));
        QCOMPARE(page->at(2).id, ids.at(4));
        QCOMPARE(tasks.list(m_spaceId, 5, 10).value().size(), 2);
        QCOMPARE(tasks.count().value(), 7);
        QCOMPARE(tasks.count(m_spaceId).value(), 7);
        QCOMPARE(tasks.list(QStringLiteral("Spaces-999")).value().size(), 0);
    }

    void logTreeAndStatuses()
    {
        TaskRepository tasks(m_workspace->context());
        const QString taskId = tasks.create(newTask()).value().id;
        TaskLogNode step;
        step.taskId = taskId;
        step.kind = QStringLiteral("Step");
        step.name = QStringLiteral("Run script");
        auto stepNode = tasks.addNode(step);
        QVERIFY(stepNode);
        QVERIFY(stepNode->id > 0);
        QList<TaskLogNode> targets;
        for (const char *name : {"web01", "web02"}) {
            TaskLogNode n;
            n.taskId = taskId;
            n.parentId = stepNode->id;
            n.sortOrder = int(targets.size());
            n.kind = QStringLiteral("Target");
            n.name = QString::fromLatin1(name);
            targets << n;
        }
        auto added = tasks.addNodes(targets);
        QVERIFY(added);
        QCOMPARE(added->size(), 2);
        QVERIFY(added->at(0).id != added->at(1).id);

        QVERIFY(tasks.setNodeStatus(added->at(0).id, TaskLogStatus::Running));
        QVERIFY(tasks.setNodeStatus(added->at(0).id, TaskLogStatus::Success));
        QVERIFY(tasks.setNodeStatus(added->at(1).id, TaskLogStatus::Running));
        QCOMPARE(int(tasks.setNodeStatus(123456, TaskLogStatus::Running).error().kind), int(ErrorKind::NotFound));

        auto nodes = tasks.nodes(taskId);
        QVERIFY(nodes);
        QCOMPARE(nodes->size(), 3);
        QCOMPARE(nodes->at(0).parentId, 0);
        QCOMPARE(toString(nodes->at(0).status), toString(TaskLogStatus::Pending));
        QCOMPARE(nodes->at(1).name, QStringLiteral("web01"));
        QCOMPARE(nodes->at(1).parentId, stepNode->id);
        QCOMPARE(toString(nodes->at(1).status), toString(TaskLogStatus::Success));
        QVERIFY(nodes->at(1).startedAt.isValid());
        QVERIFY(nodes->at(1).endedAt.isValid());
        QCOMPARE(toString(nodes->at(2).status), toString(TaskLogStatus::Running));
        QVERIFY(nodes->at(2).startedAt.isValid());
        QVERIFY(!nodes->at(2).endedAt.isValid());
    }

    void linesAreReadIncrementally_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("one line") << 1 << 10;
        QTest::newRow("one statement") << 150 << 40;
        QTest::newRow("several statements in one batch") << 1234 << 500;
    }
    void linesAreReadIncrementally()
    {
        QFETCH(int, count);
        QFETCH(int, pageSize);
        TaskRepository tasks(m_workspace->context());
        const QString taskId = tasks.create(newTask()).value().id;
        const QString otherId = tasks.create(newTask()).value().id;
        const qint64 node = tasks.addNode(TaskLogNode{0, taskId, 0, 0, QStringLiteral("Target"), QStringLiteral("t"),
                                                      TaskLogStatus::Running, {}, {}}).value().id;
        QList<TaskLogLine> lines;
        for (int i = 0; i < count; ++i) {
            TaskLogLine line;
            line.taskId = i % 2 == 0 ? taskId : otherId;
            line.nodeId = i % 2 == 0 ? node : 0;
            line.category = i % 3 == 0 ? TaskLogCategory::Error : TaskLogCategory::Info;
            line.text = QStringLiteral("line %1 é").arg(i);
            lines << line;
        }
        QVERIFY(tasks.appendLines(lines));

        QList<TaskLogLine> read;
        qint64 after = 0;
        for (;;) {
            auto page = tasks.linesAfter(taskId, after, pageSize);
            QVERIFY(page);
            if (page->isEmpty())
                break;
            QVERIFY(page->size() <= pageSize);
            read += *page;
            after = page->constLast().id;
        }
        QCOMPARE(read.size(), (count + 1) / 2);
        for (qsizetype i = 0; i < read.size(); ++i) {
            QCOMPARE(read.at(i).text, QStringLiteral("line %1 é").arg(i * 2));
            QCOMPARE(read.at(i).nodeId, node);
            QCOMPARE(toString(read.at(i).category), toString((i * 2) % 3 == 0 ? TaskLogCategory::Error : TaskLogCategory::Info));
            QVERIFY(read.at(i).at.isValid());
            if (i > 0)
                QVERIFY(read.at(i).id > read.at(i - 1).id);
        }
        QCOMPARE(tasks.linesAfter(otherId).value().size(), count / 2);
    }

    void interruptedTasksOfDeadProcessesFail()
    {
        TaskRepository tasks(m_workspace->context());
        const QString dead = tasks.create(newTask(QStringLiteral("dead"))).value().id;
        const QString alive = tasks.create(newTask(QStringLiteral("alive"))).value().id;
        const QString cancelling = tasks.create(newTask(QStringLiteral("cancelling"))).value().id;
        const QString queued = tasks.create(newTask(QStringLiteral("queued"))).value().id;
        const QString finished = tasks.create(newTask(QStringLiteral("finished"))).value().id;
        for (const QString &id : {dead, alive, cancelling, finished})
            QVERIFY(tasks.start(id));
        QVERIFY(tasks.setState(cancelling, TaskState::Cancelling));
        QVERIFY(tasks.complete(finished, TaskState::Success));
        const qint64 running = tasks.addNode(TaskLogNode{0, dead, 0, 0, QStringLiteral("Target"), QStringLiteral("a"),
                                                         TaskLogStatus::Running, {}, {}}).value().id;
        const qint64 pending = tasks.addNode(TaskLogNode{0, dead, 0, 1, QStringLiteral("Target"), QStringLiteral("b"),
                                                         TaskLogStatus::Pending, {}, {}}).value().id;

        // The real check: a pid on this host that no process has.
        const QString gone = QSysInfo::machineHostName() + QStringLiteral(":999999999");
        QVERIFY(!TaskRepository::isOwnerAlive(gone));
        QVERIFY(TaskRepository::isOwnerAlive(TaskRepository::currentProcessOwner()));
        QVERIFY(TaskRepository::isOwnerAlive(QStringLiteral("some-other-host.example:1")));
        setOwner(dead, gone);
        setOwner(cancelling, gone);

        auto changed = tasks.markInterrupted();
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
        QCOMPARE(QSet<QString>(changed->cbegin(), changed->cend()), (QSet<QString>{dead, cancelling}));
        QCOMPARE(toString(tasks.get(dead)->state), toString(TaskState::Failed));
        QVERIFY(tasks.get(dead)->errorMessage.contains(u"interrupted"));
        QVERIFY(tasks.get(dead)->completedAt.isValid());
        QCOMPARE(toString(tasks.get(cancelling)->state), toString(TaskState::Canceled));
        QCOMPARE(toString(tasks.get(alive)->state), toString(TaskState::Executing));
        QCOMPARE(toString(tasks.get(queued)->state), toString(TaskState::Queued));
        QCOMPARE(toString(tasks.get(finished)->state), toString(TaskState::Success));
        const auto nodes = tasks.nodes(dead).value();
        QCOMPARE(nodes.at(0).id, running);
        QCOMPARE(toString(nodes.at(0).status), toString(TaskLogStatus::Failed));
        QCOMPARE(nodes.at(1).id, pending);
        QCOMPARE(toString(nodes.at(1).status), toString(TaskLogStatus::Canceled));
        const auto lines = tasks.linesAfter(dead).value();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(toString(lines.at(0).category), toString(TaskLogCategory::Error));
        QVERIFY(tasks.markInterrupted().value().isEmpty()); // nothing left to recover
    }

private:
    Task newTask(const QString &description = QStringLiteral("task")) const
    {
        Task task;
        task.kind = QStringLiteral("AdHocScript");
        task.spaceId = m_spaceId;
        task.description = description;
        return task;
    }
    void setOwner(const QString &taskId, const QString &owner)
    {
        QSqlQuery q(m_workspace->database()->connection().value());
        QVERIFY(q.prepare(QStringLiteral("UPDATE tasks SET owner_process = ? WHERE id = ?")));
        q.addBindValue(owner);
        q.addBindValue(taskId);
        QVERIFY(q.exec());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Workspace> m_workspace;
    QString m_spaceId;
};

QTEST_GUILESS_MAIN(tst_TaskRepository)
#include "tst_taskrepository.moc"
