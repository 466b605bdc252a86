#include "model/engine/scriptrunservice.h"
#include "model/store/environmentrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/targetrepository.h"
#include "model/store/taskrepository.h"
#include "model/store/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Cuttle;

/// ScriptRunService on Local targets (folders on this machine): what is streamed, what is recorded.
class tst_ScriptRunServiceLocal final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_workspace = Workspace::open(m_dir.filePath(QStringLiteral("ws"))).value();
        const QString spaceId = SpaceRepository(m_workspace->context()).defaultSpace().value().id;
        Environment environment;
        environment.spaceId = spaceId;
        environment.name = QStringLiteral("Test");
        const QString environmentId = EnvironmentRepository(m_workspace->context()).create(environment).value().id;
        for (const char *name : {"good", "bad"}) {
            DeploymentTarget target;
            target.spaceId = spaceId;
            target.name = QString::fromLatin1(name);
            target.kind = TargetKind::Local;
            target.directory = m_dir.filePath(target.name);
            QVERIFY(QDir().mkpath(target.directory));
            target.environmentIds << environmentId;
            auto created = TargetRepository(m_workspace->context()).create(target);
            QVERIFY2(created, created ? "" : qPrintable(created.error().message));
            m_targets << *created;
        }
    }

    void runsAndRecords_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QList<int>>("exitCodes");
        QTest::addColumn<int>("taskState");
        QTest::newRow("all succeed") << QStringLiteral("echo \"out $(basename \"$PWD\")\"; echo warn >&2") << QList<int>{0, 0}
                                     << int(TaskState::Success);
        QTest::newRow("one fails") << QStringLiteral("echo \"out $(basename \"$PWD\")\"; echo warn >&2; "
                                                     "[ \"$(basename \"$PWD\")\" = bad ] && exit 3; exit 0")
                                   << QList<int>{0, 3} << int(TaskState::Failed);
        QTest::newRow("no final newline") << QStringLiteral("printf 'out %s' \"$(basename \"$PWD\")\"; printf warn >&2")
                                          << QList<int>{0, 0} << int(TaskState::Success);
    }
    void runsAndRecords()
    {
        QFETCH(QString, script);
        QFETCH(QList<int>, exitCodes);
        QFETCH(int, taskState);

        QMutex mutex;
        QHash<QString, QStringList> info;
        QHash<QString, QStringList> errors;
        QString startedTask;
        int finishedTargets = 0;
        ScriptRunService::Observer observer;
        observer.started = [&](const Task &task, const QList<ScriptRunService::TargetResult> &targets) {
            startedTask = task.id;
            QCOMPARE(targets.size(), 2);
        };
        observer.line = [&](const QString &targetId, ScriptRunService::LineSource source, TaskLogCategory category,
                            const QString &text) {
            QMutexLocker locker(&mutex);
            if (source == ScriptRunService::LineSource::Stdout) {
                QCOMPARE(toString(category), toString(TaskLogCategory::Info));
                info[targetId] << text;
            } else if (source == ScriptRunService::LineSource::Stderr) {
                QCOMPARE(toString(category), toString(TaskLogCategory::Error));
                errors[targetId] << text;
            }
        };
        observer.targetFinished = [&](const ScriptRunService::TargetResult &) { ++finishedTargets; };

        ScriptRunService service(m_workspace, nullptr);
        auto outcome = service.run({m_targets, script, 2, {}, {}}, observer);
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->task.id, startedTask);
        QCOMPARE(outcome->task.kind, QStringLiteral("AdHocScript"));
        QCOMPARE(toString(outcome->task.state), toString(TaskState(taskState)));
        QCOMPARE(finishedTargets, 2);
        QCOMPARE(outcome->targets.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const auto &result = outcome->targets.at(i);
            QCOMPARE(result.targetId, m_targets.at(i).id);
            QVERIFY(result.exit);
            QCOMPARE(result.exit->exitCode, exitCodes.at(i));
            QCOMPARE(toString(result.status), toString(exitCodes.at(i) == 0 ? TaskLogStatus::Success : TaskLogStatus::Failed));
            QCOMPARE(info.value(result.targetId), QStringList{u"out " + m_targets.at(i).name});
            QCOMPARE(errors.value(result.targetId), QStringList{QStringLiteral("warn")});
        }
        if (TaskState(taskState) == TaskState::Failed)
            QVERIFY(outcome->task.errorMessage.contains(u"bad"));

        // The same, as the store has it.
        TaskRepository tasks(m_workspace->context());
        const Task stored = tasks.get(outcome->task.id).value();
        QCOMPARE(toString(stored.state), toString(TaskState(taskState)));
        QVERIFY(stored.completedAt.isValid());
        QCOMPARE(stored.arguments.value(QLatin1String("script")).toString(), script);
        const auto nodes = tasks.nodes(stored.id).value();
        QCOMPARE(nodes.size(), 3);
        QCOMPARE(nodes.at(0).kind, QStringLiteral("Step"));
        QCOMPARE(toString(nodes.at(0).status), toString(TaskState(taskState) == TaskState::Success ? TaskLogStatus::Success : TaskLogStatus::Failed));
        const auto lines = tasks.linesAfter(stored.id).value();
        for (int i = 0; i < 2; ++i) {
            const TaskLogNode &node = nodes.at(i + 1);
            QCOMPARE(node.name, m_targets.at(i).name);
            QCOMPARE(node.parentId, nodes.at(0).id);
            QCOMPARE(toString(node.status), toString(exitCodes.at(i) == 0 ? TaskLogStatus::Success : TaskLogStatus::Failed));
            QStringList nodeInfo;
            bool exitLine = false;
            for (const TaskLogLine &line : lines) {
                if (line.nodeId != node.id)
                    continue;
                if (line.category == TaskLogCategory::Info)
                    nodeInfo << line.text;
                exitLine = exitLine || line.text.contains(QStringLiteral("exited with code %1").arg(exitCodes.at(i)));
            }
            QCOMPARE(nodeInfo, QStringList{u"out " + m_targets.at(i).name});
            QVERIFY(exitLine);
        }
    }

    void cancelStopsEveryTarget()
    {
        std::atomic<bool> cancelled{false};
        std::atomic<int> started{0};
        ScriptRunService::Observer observer;
        observer.line = [&](const QString &, ScriptRunService::LineSource, TaskLogCategory, const QString &text) {
            if (text == u"started" && ++started == 2)
                cancelled = true;
        };
        QElapsedTimer timer;
        timer.start();
        ScriptRunService service(m_workspace, nullptr);
        auto outcome = service.run({m_targets, QStringLiteral("echo started; sleep 30; echo finished"), 4, {}, {}},
                                   observer, &cancelled);
        QVERIFY(outcome);
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(toString(outcome->task.state), toString(TaskState::Canceled));
        for (const auto &result : outcome->targets)
            QCOMPARE(toString(result.status), toString(TaskLogStatus::Canceled));
        const auto lines = TaskRepository(m_workspace->context()).linesAfter(outcome->task.id).value();
        for (const TaskLogLine &line : lines)
            QVERIFY(line.text != u"finished");
    }

    void unreachableTargetFailsOnlyItsNode()
    {
        DeploymentTarget winrm = m_targets.first();
        winrm.id = QStringLiteral("Machines-winrm");
        winrm.name = QStringLiteral("windows");
        winrm.kind = TargetKind::WinRm;
        ScriptRunService service(m_workspace, nullptr);
        auto outcome = service.run({{m_targets.first(), winrm}, QStringLiteral("true"), 2, {}, {}});
        QVERIFY(outcome);
        QCOMPARE(toString(outcome->task.state), toString(TaskState::Failed));
        QCOMPARE(toString(outcome->targets.at(0).status), toString(TaskLogStatus::Success));
        QCOMPARE(toString(outcome->targets.at(1).status), toString(TaskLogStatus::Failed));
        QVERIFY(!outcome->targets.at(1).exit);
        QVERIFY(outcome->targets.at(1).error.contains(u"WinRM"));
    }

    void invalidRequestsRecordNothing_data()
    {
        QTest::addColumn<bool>("withTargets");
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("maxParallel");
        QTest::addColumn<QString>("field");
        QTest::newRow("no targets") << false << QStringLiteral("true") << 2 << QStringLiteral("targets");
        QTest::newRow("empty script") << true << QStringLiteral("  \n") << 2 << QStringLiteral("script");
        QTest::newRow("zero parallel") << true << QStringLiteral("true") << 0 << QStringLiteral("maxParallel");
    }
    void invalidRequestsRecordNothing()
    {
        QFETCH(bool, withTargets);
        QFETCH(QString, script);
        QFETCH(int, maxParallel);
        QFETCH(QString, field);
        const int before = TaskRepository(m_workspace->context()).count().value();
        ScriptRunService service(m_workspace, nullptr);
        auto outcome = service.run({withTargets ? m_targets : QList<DeploymentTarget>{}, script, maxParallel, {}, {}});
        QVERIFY(!outcome);
        QCOMPARE(int(outcome.error().kind), int(ErrorKind::Validation));
        QCOMPARE(outcome.error().field, field);
        QCOMPARE(TaskRepository(m_workspace->context()).count().value(), before);
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Workspace> m_workspace;
    QList<DeploymentTarget> m_targets;
};

QTEST_GUILESS_MAIN(tst_ScriptRunServiceLocal)
#include "tst_scriptrunservicelocal.moc"
