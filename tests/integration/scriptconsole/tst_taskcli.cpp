#include "tests/integration/cli/cuttlectlrunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

/// `cuttlectl run` records an AdHocScript task; `task list`, `task show` and `task log` read it back.
class tst_TaskCli final : public QObject
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

    void runRecordsATask_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("state");
        QTest::newRow("success") << u"echo hello; echo careful >&2"_s << 0 << u"Success"_s;
        QTest::newRow("failure") << u"echo hello; echo careful >&2; exit 4"_s << 1 << u"Failed"_s;
    }
    void runRecordsATask()
    {
        QFETCH(QString, command);
        QFETCH(int, exitCode);
        QFETCH(QString, state);
        const auto ran = run({u"run"_s, u"--tag"_s, u"web"_s, u"--"_s, command});
        QCOMPARE(ran.exitCode, exitCode);
        const auto match = QRegularExpression(u"Recorded as task (ServerTasks-\\d+)"_s).match(QString::fromUtf8(ran.err));
        QVERIFY2(match.hasMatch(), ran.err.constData());
        const QString taskId = match.captured(1);

        const auto list = run({u"--json"_s, u"task"_s, u"list"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonObject newest = list.json().array().first().toObject();
        QCOMPARE(newest.value("id"_L1).toString(), taskId);
        QCOMPARE(newest.value("kind"_L1).toString(), u"AdHocScript"_s);
        QCOMPARE(newest.value("state"_L1).toString(), state);

        const auto shown = run({u"task"_s, u"show"_s, taskId});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(state.toUtf8()), shown.out.constData());

        const auto log = run({u"--json"_s, u"task"_s, u"log"_s, taskId});
        QCOMPARE(log.exitCode, 0);
        const QJsonArray steps = log.json().object().value("nodes"_L1).toArray();
        QCOMPARE(steps.size(), 1);
        const QJsonArray targets = steps.first().toObject().value("children"_L1).toArray();
        QCOMPARE(targets.size(), 3); // the demo's three web targets
        for (const QJsonValue &target : targets) {
            const QJsonArray lines = target.toObject().value("lines"_L1).toArray();
            QStringList info;
            QStringList errors;
            for (const QJsonValue &line : lines) {
                const QString category = line.toObject().value("category"_L1).toString();
                (category == u"Info" ? info : errors) << line.toObject().value("text"_L1).toString();
            }
            QCOMPARE(info, QStringList{u"hello"_s});
            QVERIFY(errors.contains(u"careful"_s));
            QCOMPARE(target.toObject().value("status"_L1).toString(), exitCode == 0 ? u"Success"_s : u"Failed"_s);
        }

        const auto text = run({u"task"_s, u"log"_s, taskId});
        QVERIFY2(text.out.contains("Run script ("), text.out.constData());
        QVERIFY2(text.out.contains("hello"), text.out.constData());
        const auto raw = run({u"task"_s, u"log"_s, taskId, u"--raw"_s});
        QCOMPARE(raw.out.count("hello\n"), 3);
    }

    void unknownTaskIsNotFound()
    {
        QCOMPARE(run({u"task"_s, u"show"_s, u"ServerTasks-999"_s}).exitCode, 3);
        QCOMPARE(run({u"task"_s, u"log"_s, u"ServerTasks-999"_s}).exitCode, 3);
        QCOMPARE(run({u"task"_s, u"list"_s, u"--limit"_s, u"0"_s}).exitCode, 4);
    }

    void listPages()
    {
        const auto all = run({u"--json"_s, u"task"_s, u"list"_s}).json().array();
        QVERIFY(all.size() >= 2);
        const auto second = run({u"--json"_s, u"task"_s, u"list"_s, u"--skip"_s, u"1"_s, u"--limit"_s, u"1"_s}).json().array();
        QCOMPARE(second.size(), 1);
        QCOMPARE(second.first().toObject().value("id"_L1), all.at(1).toObject().value("id"_L1));
    }

private:
    CuttlectlRun run(const QStringList &arguments) const { return runCuttlectl(m_workspace, arguments); }

    QTemporaryDir m_dir;
    QString m_workspace;
};

QTEST_GUILESS_MAIN(tst_TaskCli)
#include "tst_taskcli.moc"
