// `cuttlectl task run` on a deployment of a Local target: the log streams, and a cuttlectl
// killed with SIGKILL in the middle of a step leaves the task to be ended as interrupted by
// the next cuttlectl, its target lock freed and `current` on the previous release.
#include "archivebuilder.h"
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class tst_CuttlectlTaskRun final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_target;

    void ok(const QStringList &arguments)
    {
        const CuttlectlRun r = runCuttlectl(m_workspace, arguments);
        QVERIFY2(r.exitCode == 0, qPrintable(arguments.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
    }
    QString queue(const QString &version)
    {
        const CuttlectlRun r = runCuttlectl(m_workspace, {u"deploy"_s, u"--project"_s, u"Shop"_s, u"--release"_s, version,
                                                          u"--environment"_s, u"Development"_s});
        return QString::fromUtf8(r.out).section(u'\n', 0, 0).trimmed();
    }

private slots:
    void initTestCase()
    {
        m_workspace = m_dir.filePath(u"ws"_s);
        m_target = m_dir.filePath(u"web01"_s);
        QVERIFY(QDir().mkpath(m_target));
        ok({u"workspace"_s, u"init"_s});
        ok({u"environment"_s, u"create"_s, u"Development"_s});
        ok({u"lifecycle"_s, u"create"_s, u"Standard"_s});
        ok({u"project-group"_s, u"create"_s, u"Web"_s});
        ok({u"project"_s, u"create"_s, u"Shop"_s, u"--group"_s, u"Web"_s, u"--lifecycle"_s, u"Standard"_s});
        ok({u"target"_s, u"create"_s, u"web01"_s, u"--kind"_s, u"local"_s, u"--directory"_s, m_target, u"--environment"_s,
            u"Development"_s, u"--tag"_s, u"web"_s});
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Deploy"_s, u"--type"_s, u"deploy-package"_s,
            u"--package"_s, u"Acme.Web"_s, u"--target-tag"_s, u"web"_s});
    }

    void runStreamsTheLog()
    {
        const QString package = m_dir.filePath(u"Acme.Web.1.0.0.tar.gz"_s);
        QVERIFY(writeArchive(package, TestFormat::TarGz, {TestEntry::file("Deploy.sh", "echo \"first release here\"\n", 0755)}));
        ok({u"package"_s, u"push"_s, package});
        ok({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"1.0.0"_s});
        const QString task = queue(u"1.0.0"_s);
        QVERIFY(task.startsWith(u"ServerTasks-"_s));
        const CuttlectlRun run = runCuttlectl(m_workspace, {u"task"_s, u"run"_s, task});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("[web01] first release here"), run.out.constData());
        QVERIFY(run.out.contains("succeeded."));
        QVERIFY(QFileInfo(m_target + u"/Development/Acme.Web/current"_s).isSymLink());
    }

    void deployWaitRunsAndStreams()
    {
        const CuttlectlRun run = runCuttlectl(m_workspace, {u"deploy"_s, u"--project"_s, u"Shop"_s, u"--release"_s, u"1.0.0"_s,
                                                            u"--environment"_s, u"Development"_s, u"--wait"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("[web01] first release here"), run.out.constData());
        QVERIFY(run.out.contains("succeeded."));
    }

    void logFollowsATaskRunningElsewhere()
    {
        const QString task = queue(u"1.0.0"_s);
        QProcess runner;
        runner.start(QString::fromLocal8Bit(qgetenv("CUTTLE_BINARY_DIR")) + u"/app/cli/cuttlectl"_s,
                     {u"--workspace"_s, m_workspace, u"task"_s, u"run"_s, task});
        QVERIFY(runner.waitForStarted());
        const CuttlectlRun followed = runCuttlectl(m_workspace, {u"task"_s, u"log"_s, task, u"--follow"_s});
        QVERIFY(runner.waitForFinished(60000));
        QCOMPARE(followed.exitCode, 0);
        QVERIFY2(followed.out.contains("[web01] first release here"), followed.out.constData());
        QVERIFY(followed.out.contains(QByteArray(task.toUtf8() + " succeeded.")));
    }

    void killedMidStepIsRecoveredAndCurrentStays()
    {
        const QString package = m_dir.filePath(u"Acme.Web.2.0.0.tar.gz"_s);
        QVERIFY(writeArchive(package, TestFormat::TarGz,
                             {TestEntry::file("Deploy.sh", "echo \"second starting\"\nsleep 60\n", 0755)}));
        ok({u"package"_s, u"push"_s, package});
        ok({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"2.0.0"_s});
        const QString before = QFileInfo(m_target + u"/Development/Acme.Web/current"_s).symLinkTarget();
        const QString task = queue(u"2.0.0"_s);

        QProcess cuttlectl;
        cuttlectl.start(QString::fromLocal8Bit(qgetenv("CUTTLE_BINARY_DIR")) + u"/app/cli/cuttlectl"_s,
                        {u"--workspace"_s, m_workspace, u"task"_s, u"run"_s, task});
        QVERIFY(cuttlectl.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += cuttlectl.readAllStandardOutput()).contains("second starting"), 30000);
        ::kill(pid_t(cuttlectl.processId()), SIGKILL);
        QVERIFY(cuttlectl.waitForFinished());

        // The next cuttlectl finds the task's process gone.
        const CuttlectlRun shown = runCuttlectl(m_workspace, {u"--json"_s, u"task"_s, u"list"_s});
        QCOMPARE(shown.exitCode, 0);
        QJsonObject found;
        for (const QJsonValue &value : shown.json().array()) {
            if (value.toObject().value(u"id"_s).toString() == task)
                found = value.toObject();
        }
        QCOMPARE(found.value(u"state"_s).toString(), u"Failed"_s);
        QVERIFY2(found.value(u"errorMessage"_s).toString().contains(u"interrupted"_s), qPrintable(found.value(u"errorMessage"_s).toString()));
        QCOMPARE(QFileInfo(m_target + u"/Development/Acme.Web/current"_s).symLinkTarget(), before);

        // Its target lock went with it: the next deployment runs.
        const QString again = queue(u"1.0.0"_s);
        QCOMPARE(runCuttlectl(m_workspace, {u"task"_s, u"run"_s, again}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(tst_CuttlectlTaskRun)
#include "tst_cuttlectltaskrun.moc"
