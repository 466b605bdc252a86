#include "model/engine/accountservice.h"
#include "model/engine/scriptrunservice.h"
#include "model/secrets/inmemorysecretstore.h"
#include "model/store/environmentrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/targetrepository.h"
#include "model/store/taskrepository.h"
#include "model/store/workspace.h"
#include "tests/support/sshdfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace Cuttle;
using namespace Qt::StringLiterals;

/// ScriptRunService against two real sshd targets: parallel runs, output per target, exit
/// codes, a failing and an unreachable target, cancel, and what the store keeps.
class tst_ScriptRunSsh final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_workspace = Workspace::open(m_dir.filePath(u"ws"_s)).value();
        m_spaceId = SpaceRepository(m_workspace->context()).defaultSpace().value().id;
        Environment environment;
        environment.spaceId = m_spaceId;
        environment.name = u"Test"_s;
        const QString environmentId = EnvironmentRepository(m_workspace->context()).create(environment).value().id;

        QString error;
        const QString key = m_dir.filePath(u"id_ed25519"_s);
        QVERIFY2(Test::SshdFixture::generateKey(key, u"ed25519"_s, {}, false, &error), qPrintable(error));
        QFile privateKey(key);
        QVERIFY(privateKey.open(QIODevice::ReadOnly));
        QFile publicKey(key + u".pub"_s);
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        const QString publicLine = QString::fromUtf8(publicKey.readAll());

        Account account;
        account.spaceId = m_spaceId;
        account.name = u"keys"_s;
        account.kind = AccountKind::SshKeyPair;
        account.username = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        AccountSecrets secrets;
        secrets.privateKey = privateKey.readAll();
        auto created = AccountService(m_workspace, m_secrets).create(account, secrets);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));

        for (int i = 0; i < 2; ++i) {
            auto sshd = std::make_unique<Test::SshdFixture>();
            QVERIFY2(sshd->start(&error), qPrintable(error));
            QVERIFY(sshd->authorizeKey(publicLine));
            DeploymentTarget target;
            target.spaceId = m_spaceId;
            target.name = u"ssh0"_s + QString::number(i + 1);
            target.kind = TargetKind::Ssh;
            target.host = u"127.0.0.1"_s;
            target.port = sshd->port();
            target.accountId = created->id;
            target.hostKeyFingerprint = sshd->hostKeyFingerprint();
            target.directory = sshd->directory();
            target.connectTimeoutSeconds = 5;
            target.environmentIds << environmentId;
            auto saved = TargetRepository(m_workspace->context()).create(target);
            QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
            m_targets << *saved;
            m_servers.push_back(std::move(sshd));
        }
    }

    void runsInParallelWithOutputPerTarget_data()
    {
        QTest::addColumn<QString>("failOn"); // the target whose script exits 5, or none
        QTest::newRow("both succeed") << QString();
        QTest::newRow("second fails") << u"ssh02"_s;
    }
    void runsInParallelWithOutputPerTarget()
    {
        QFETCH(QString, failOn);
        // Each server's port tells the targets apart inside the script.
        const QString failPort = failOn.isEmpty() ? u"none"_s : QString::number(m_targets.at(1).port);
        const QString script = u"port=$(echo $SSH_CONNECTION | cut -d' ' -f4)\n"
                               u"echo begin\n"
                               u"sleep 1\n"
                               u"echo \"on $port\"\n"
                               u"echo \"err $port\" >&2\n"
                               u"[ \"$port\" = "_s + failPort + u" ] && exit 5\nexit 0\n"_s;
        QMutex mutex;
        QHash<QString, QStringList> out;
        QHash<QString, QStringList> err;
        QElapsedTimer timer;
        QList<qint64> begins;
        QList<qint64> ends;
        ScriptRunService::Observer observer;
        observer.line = [&](const QString &targetId, ScriptRunService::LineSource source, TaskLogCategory, const QString &text) {
            QMutexLocker locker(&mutex);
            if (source == ScriptRunService::LineSource::Stdout && text == u"begin")
                begins << timer.elapsed();
            else if (source == ScriptRunService::LineSource::Stdout)
                out[targetId] << text;
            else if (source == ScriptRunService::LineSource::Stderr)
                err[targetId] << text;
        };
        observer.targetFinished = [&](const ScriptRunService::TargetResult &) { ends << timer.elapsed(); };
        timer.start();
        auto outcome = ScriptRunService(m_workspace, m_secrets).run({m_targets, script, 2, {}, {}}, observer);
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
        // Side by side: both scripts began before either finished its one-second sleep.
        QCOMPARE(begins.size(), 2);
        QCOMPARE(ends.size(), 2);
        QVERIFY2(std::max(begins.at(0), begins.at(1)) < std::min(ends.at(0), ends.at(1)),
                 qPrintable(u"begins %1 %2, ends %3 %4"_s.arg(begins.at(0)).arg(begins.at(1)).arg(ends.at(0)).arg(ends.at(1))));
        for (int i = 0; i < 2; ++i) {
            const DeploymentTarget &target = m_targets.at(i);
            const auto &result = outcome->targets.at(i);
            QVERIFY2(result.exit, qPrintable(result.error));
            const bool fails = target.name == failOn;
            QCOMPARE(result.exit->exitCode, fails ? 5 : 0);
            QCOMPARE(out.value(target.id), QStringList{u"on "_s + QString::number(target.port)});
            QCOMPARE(err.value(target.id), QStringList{u"err "_s + QString::number(target.port)});
        }
        QCOMPARE(toString(outcome->task.state), toString(failOn.isEmpty() ? TaskState::Success : TaskState::Failed));

        // What the store keeps: the task, a node per target with its status, the lines in their node.
        TaskRepository tasks(m_workspace->context());
        const Task task = tasks.get(outcome->task.id).value();
        QCOMPARE(task.kind, u"AdHocScript"_s);
        QCOMPARE(toString(task.state), toString(outcome->task.state));
        const auto nodes = tasks.nodes(task.id).value();
        QCOMPARE(nodes.size(), 3);
        const auto lines = tasks.linesAfter(task.id).value();
        for (int i = 0; i < 2; ++i) {
            const TaskLogNode &node = nodes.at(i + 1);
            QCOMPARE(node.name, m_targets.at(i).name);
            QCOMPARE(toString(node.status), toString(m_targets.at(i).name == failOn ? TaskLogStatus::Failed : TaskLogStatus::Success));
            QStringList info;
            for (const TaskLogLine &line : lines) {
                if (line.nodeId == node.id && line.category == TaskLogCategory::Info)
                    info << line.text;
            }
            QCOMPARE(info, (QStringList{u"begin"_s, u"on "_s + QString::number(m_targets.at(i).port)}));
        }
    }

    void unreachableTargetFailsAlone()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        DeploymentTarget closed = m_targets.first();
        closed.id = u"Machines-closed"_s;
        closed.name = u"closed"_s;
        closed.port = probe.serverPort();
        probe.close(); // nothing listens there any more
        auto outcome = ScriptRunService(m_workspace, m_secrets).run({{m_targets.first(), closed}, u"echo ok"_s, 2, {}, {}});
        QVERIFY(outcome);
        QCOMPARE(toString(outcome->task.state), toString(TaskState::Failed));
        QVERIFY(outcome->targets.at(0).succeeded());
        QVERIFY(!outcome->targets.at(1).exit);
        QVERIFY(!outcome->targets.at(1).error.isEmpty());
        QCOMPARE(toString(outcome->targets.at(1).status), toString(TaskLogStatus::Failed));
    }

    void cancelStopsTheRemoteCommand()
    {
        const QString pidDir = m_dir.filePath(u"pids"_s);
        QVERIFY(QDir().mkpath(pidDir));
        const QString script = u"port=$(echo $SSH_CONNECTION | cut -d' ' -f4)\n"
                               u"sleep 60 &\n"
                               u"echo $! > "_s + pidDir + u"/$port\n"
                               u"echo started\n"
                               u"wait\n"
                               u"echo finished\n"_s;
        std::atomic<bool> cancelled{false};
        std::atomic<int> started{0};
        ScriptRunService::Observer observer;
        observer.line = [&](const QString &, ScriptRunService::LineSource, TaskLogCategory, const QString &text) {
            if (text == u"started" && ++started == 2)
                cancelled = true;
        };
        QElapsedTimer timer;
        timer.start();
        auto outcome = ScriptRunService(m_workspace, m_secrets).run({m_targets, script, 2, {}, {}}, observer, &cancelled);
        QVERIFY(outcome);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(toString(outcome->task.state), toString(TaskState::Canceled));
        for (const auto &result : outcome->targets)
            QCOMPARE(toString(result.status), toString(TaskLogStatus::Canceled));
        // The remote sleeps are gone, not left running behind a closed channel.
        for (const DeploymentTarget &target : std::as_const(m_targets)) {
            QFile pidFile(pidDir + u'/' + QString::number(target.port));
            QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
            const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
            QVERIFY(pid > 0);
            QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 10000);
        }
        const auto lines = TaskRepository(m_workspace->context()).linesAfter(outcome->task.id).value();
        for (const TaskLogLine &line : lines)
            QVERIFY(line.text != u"finished");
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<InMemorySecretStore> m_secrets = std::make_shared<InMemorySecretStore>();
    QString m_spaceId;
    std::vector<std::unique_ptr<Test::SshdFixture>> m_servers;
    QList<DeploymentTarget> m_targets;
};

QTEST_GUILESS_MAIN(tst_ScriptRunSsh)
#include "tst_scriptrunssh.moc"
