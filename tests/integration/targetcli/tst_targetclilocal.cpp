#include "tests/integration/cli/cuttlectlrunner.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

/// `target check` and `run` on the three Local targets of the demo workspace.
class tst_TargetCliLocal final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(u"ws"_s);
        const auto r = run({u"workspace"_s, u"init"_s, u"--demo"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void checkAllRecordsHealth()
    {
        const auto before = run({u"--json"_s, u"target"_s, u"show"_s, u"local-test"_s});
        QCOMPARE(before.json().object().value("healthStatus"_L1).toString(), u"Unknown"_s);

        const auto checked = run({u"target"_s, u"check"_s, u"--all"_s});
        QVERIFY2(checked.exitCode == 0, checked.err.constData());
        const QList<QByteArray> lines = checked.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray &line : lines)
            QVERIFY2(line.contains("\tHealthy"), line.constData());

        for (const QString &name : {u"local-development"_s, u"local-test"_s, u"local-production"_s}) {
            const auto shown = run({u"--json"_s, u"target"_s, u"show"_s, name});
            const QJsonObject target = shown.json().object();
            QCOMPARE(target.value("healthStatus"_L1).toString(), u"Healthy"_s);
            QVERIFY(!target.value("healthCheckedAt"_L1).toString().isEmpty());
        }
    }

    void checkJson_data()
    {
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<int>("count");
        QTest::newRow("by name") << QStringList{u"local-test"_s} << 1;
        QTest::newRow("environment") << QStringList{u"--environment"_s, u"Production"_s} << 1;
        QTest::newRow("tag") << QStringList{u"--tag"_s, u"web"_s} << 3;
    }
    void checkJson()
    {
        QFETCH(QStringList, selection);
        QFETCH(int, count);
        const auto checked = run(QStringList{u"--json"_s, u"target"_s, u"check"_s} + selection);
        QVERIFY2(checked.exitCode == 0, checked.err.constData());
        const QJsonArray reports = checked.json().array();
        QCOMPARE(reports.size(), count);
        for (const auto &report : reports)
            QCOMPARE(report.toObject().value("status"_L1).toString(), u"Healthy"_s);
    }

    void checkNeedsASelection()
    {
        QCOMPARE(run({u"target"_s, u"check"_s}).exitCode, 2);
        QCOMPARE(run({u"target"_s, u"check"_s, u"no-such-target"_s}).exitCode, 3);
    }

    void unhealthyTargetFailsTheCheck()
    {
        const auto created = run({u"target"_s, u"create"_s, u"gone"_s, u"--kind"_s, u"local"_s,
                                  u"--directory"_s, m_dir.filePath(u"missing-folder"_s), u"--environment"_s, u"Test"_s});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const auto checked = run({u"--json"_s, u"target"_s, u"check"_s, u"--environment"_s, u"Test"_s});
        QCOMPARE(checked.exitCode, 1);
        const QJsonArray reports = checked.json().array();
        QCOMPARE(reports.size(), 2);
        QString goneStatus;
        for (const auto &report : reports) {
            if (report.toObject().value("name"_L1).toString() == u"gone")
                goneStatus = report.toObject().value("status"_L1).toString();
        }
        QVERIFY2(goneStatus == u"Unavailable" || goneStatus == u"Unhealthy", qPrintable(goneStatus));
        const auto shown = run({u"--json"_s, u"target"_s, u"show"_s, u"gone"_s});
        QCOMPARE(shown.json().object().value("healthStatus"_L1).toString(), goneStatus);
        QCOMPARE(run({u"target"_s, u"delete"_s, u"gone"_s}).exitCode, 0);
    }

    void unsupportedKindsSaySo_data()
    {
        QTest::addColumn<QStringList>("target");
        QTest::addColumn<QByteArray>("sentence");
        QTest::newRow("winrm") << QStringList{u"win01"_s, u"--kind"_s, u"winrm"_s, u"--host"_s, u"win01.example"_s}
                               << QByteArray("cannot connect to WinRM targets yet");
        QTest::newRow("offline drop") << QStringList{u"drop01"_s, u"--kind"_s, u"offline-drop"_s, u"--directory"_s, u"/tmp/drop"_s}
                                      << QByteArray("cannot connect to offline drops yet");
    }
    void unsupportedKindsSaySo()
    {
        QFETCH(QStringList, target);
        QFETCH(QByteArray, sentence);
        const QString name = target.first();
        const auto created = run(QStringList{u"target"_s, u"create"_s} + target + QStringList{u"--environment"_s, u"Test"_s});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const auto checked = run({u"target"_s, u"check"_s, name});
        QCOMPARE(checked.exitCode, 1);
        QVERIFY2(checked.out.contains(sentence), checked.out.constData());
        QVERIFY2(checked.out.contains("\tUnknown\t"), checked.out.constData());
        const auto ran = run({u"run"_s, u"--target"_s, name, u"--"_s, u"true"_s});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.out.contains(sentence), ran.out.constData());
        QCOMPARE(run({u"target"_s, u"delete"_s, name}).exitCode, 0);
    }

    void runPrefixesOutput()
    {
        const auto r = run({u"run"_s, u"--environment"_s, u"Development"_s, u"--"_s, u"echo"_s, u"hi"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("[local-development] hi\n"), r.out.constData());
        QVERIFY2(r.out.contains("local-development: exit code 0"), r.out.constData());
    }

    void runTakesItsOptionsInAnyOrder()
    {
        const auto r = run({u"run"_s, u"--max-parallel"_s, u"2"_s, u"--environment"_s, u"Test"_s, u"--target"_s,
                            u"local-development"_s, u"--"_s, u"echo"_s, u"both"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("[local-development] both\n"), r.out.constData());
        QVERIFY2(r.out.contains("[local-test] both\n"), r.out.constData());
        QCOMPARE(run({u"run"_s, u"--"_s, u"true"_s}).exitCode, 4); // no targets chosen
    }

    void runSeparatesStreams()
    {
        const auto r = run({u"run"_s, u"--tag"_s, u"app"_s, u"--"_s, u"echo out; echo err >&2"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const QByteArray name : {"local-development", "local-test", "local-production"}) {
            const QByteArray prefix = QByteArray("[") + name + QByteArray("] ");
            QVERIFY2(r.out.contains(QByteArray(prefix + QByteArray("out\n"))), r.out.constData());
            QVERIFY2(r.err.contains(QByteArray(prefix + QByteArray("err\n"))), r.err.constData());
            QVERIFY(!r.out.contains(QByteArray(prefix + QByteArray("err"))));
        }
    }

    void failingCommandExitsOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("summary");
        QTest::newRow("exit 3") << QStringList{u"--target"_s, u"local-test"_s, u"--"_s, u"exit 3"_s}
                                << QByteArray("local-test: exit code 3");
        QTest::newRow("false") << QStringList{u"--environment"_s, u"Production"_s, u"--"_s, u"false"_s}
                               << QByteArray("local-production: exit code 1");
        QTest::newRow("one of three") << QStringList{u"--tag"_s, u"web"_s, u"--"_s, u"test \"$PWD\" != \"$(dirname \"$PWD\")/test\""_s}
                                      << QByteArray("local-test: exit code 1");
    }
    void failingCommandExitsOne()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, summary);
        const auto r = run(QStringList{u"run"_s} + arguments);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(summary), r.out.constData());
    }

    void runScriptFile()
    {
        const QString path = m_dir.filePath(u"script.sh"_s);
        QFile script(path);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("name=world\necho \"hello $name\"\n");
        script.close();
        const auto r = run({u"run"_s, u"--target"_s, u"local-test"_s, u"--script"_s, path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("[local-test] hello world\n"), r.out.constData());
        QCOMPARE(run({u"run"_s, u"--target"_s, u"local-test"_s}).exitCode, 2);
    }

    void interruptStopsEveryTarget()
    {
        QProcess process;
        process.start(programPath(u"cuttlectl"_s), {u"--workspace"_s, m_workspace, u"run"_s, u"--tag"_s, u"web"_s, u"--"_s,
                                                     u"echo started; sleep 60; echo finished"_s});
        QVERIFY(process.waitForStarted());
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (out.count("started") < 3 && timer.elapsed() < 20000) {
            process.waitForReadyRead(200);
            out += process.readAllStandardOutput();
        }
        QCOMPARE(out.count("started"), 3);
        timer.restart();
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(15000));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        out += process.readAllStandardOutput();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(!out.contains("finished"), out.constData());
        QCOMPARE(out.count("was cancelled"), 3);
    }

private:
    CuttlectlRun run(const QStringList &arguments) const { return runCuttlectl(m_workspace, arguments); }

    QTemporaryDir m_dir;
    QString m_workspace;
};

QTEST_GUILESS_MAIN(tst_TargetCliLocal)
#include "tst_targetclilocal.moc"
