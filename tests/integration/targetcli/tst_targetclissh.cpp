#include "tests/integration/cli/cuttlectlrunner.h"
#include "tests/support/sshdfixture.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

/// `target check`, `target pin-host-key` and `run` against a real sshd, logging in with an
/// SSH key account whose private key is in the keychain.
class tst_TargetCliSsh final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "keyring",
                 "run this test through tests/support/with-secret-service.sh");
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(u"ws"_s);
        auto r = run({u"workspace"_s, u"init"_s, u"--demo"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        QString error;
        const QString key = m_dir.filePath(u"id_ed25519"_s);
        QVERIFY2(SshdFixture::generateKey(key, u"ed25519"_s, {}, false, &error), qPrintable(error));
        QFile pub(key + u".pub"_s);
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        QVERIFY(m_sshd.authorizeKey(QString::fromUtf8(pub.readAll())));

        const QString user = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        r = run({u"account"_s, u"create"_s, u"keys"_s, u"--kind"_s, u"ssh-key-pair"_s, u"--username"_s, user,
                 u"--private-key-file"_s, key});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({u"target"_s, u"create"_s, u"ssh01"_s, u"--kind"_s, u"ssh"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                 QString::number(m_sshd.port()), u"--account"_s, u"keys"_s, u"--directory"_s, m_sshd.directory(),
                 u"--environment"_s, u"Test"_s, u"--tag"_s, u"linux"_s, u"--timeout"_s, u"5"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void firstContactIsRefusedWithoutAcceptNew()
    {
        const auto r = run({u"target"_s, u"check"_s, u"ssh01"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("Unavailable"), r.out.constData());
        QVERIFY2(r.out.contains("--accept-new-host-key"), r.out.constData());
        QVERIFY2(r.out.contains("pin-host-key ssh01"), r.out.constData());
        QVERIFY2(r.out.contains(m_sshd.hostKeyFingerprint().toUtf8()), r.out.constData());
        QCOMPARE(fingerprintOf(u"ssh01"_s), QString());

        const auto ran = run({u"run"_s, u"--target"_s, u"ssh01"_s, u"--"_s, u"echo"_s, u"hi"_s});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.out.contains("ssh01: failed:"), ran.out.constData());
    }

    void acceptNewPinsTheKey()
    {
        const auto r = run({u"--json"_s, u"target"_s, u"check"_s, u"ssh01"_s, u"--accept-new-host-key"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const QJsonObject report = r.json().array().first().toObject();
        QCOMPARE(report.value("status"_L1).toString(), u"Healthy"_s);
        QCOMPARE(report.value("hostKeyPinned"_L1).toBool(), true);
        QCOMPARE(fingerprintOf(u"ssh01"_s), m_sshd.hostKeyFingerprint());
        const auto shown = run({u"--json"_s, u"target"_s, u"show"_s, u"ssh01"_s});
        QCOMPARE(shown.json().object().value("healthStatus"_L1).toString(), u"Healthy"_s);
        const auto audit = run({u"--json"_s, u"audit"_s, u"list"_s});
        QVERIFY2(audit.out.contains("HostKeyPinned"), audit.out.constData());

        // Pinned now: a plain check succeeds.
        QCOMPARE(run({u"target"_s, u"check"_s, u"ssh01"_s}).exitCode, 0);
    }

    void runOverSsh()
    {
        const auto r = run({u"run"_s, u"--tag"_s, u"linux"_s, u"--"_s, u"echo hi; echo oops >&2; exit 4"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("[ssh01] hi\n"), r.out.constData());
        QVERIFY2(r.err.contains("[ssh01] oops\n"), r.err.constData());
        QVERIFY2(r.out.contains("ssh01: exit code 4"), r.out.constData());
        const auto ok = run({u"run"_s, u"--target"_s, u"ssh01"_s, u"--"_s, u"printf"_s, u"%s\\n"_s, u"a b"_s});
        QVERIFY2(ok.exitCode == 0, QByteArray(ok.out + ok.err).constData());
        QVERIFY2(ok.out.contains("[ssh01] a b\n"), ok.out.constData());
    }

    void changedHostKeyIsRefused()
    {
        const QString old = m_sshd.hostKeyFingerprint();
        QString error;
        QVERIFY2(m_sshd.restartWithNewHostKey(u"ecdsa"_s, &error), qPrintable(error));
        const QString now = m_sshd.hostKeyFingerprint();
        QVERIFY(now != old);

        for (const QString &flag : {QString(), u"--accept-new-host-key"_s}) {
            QStringList arguments{u"target"_s, u"check"_s, u"ssh01"_s};
            if (!flag.isEmpty())
                arguments << flag;
            const auto r = run(arguments);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.out.contains(old.toUtf8()) && r.out.contains(now.toUtf8()), r.out.constData());
            QCOMPARE(fingerprintOf(u"ssh01"_s), old);
        }

        const auto wrong = run({u"target"_s, u"pin-host-key"_s, u"ssh01"_s, u"--fingerprint"_s, old});
        QCOMPARE(wrong.exitCode, 4);
        QCOMPARE(fingerprintOf(u"ssh01"_s), old);
        // Standard input is not a terminal: no question, so --yes or --fingerprint is needed.
        const auto unconfirmed = run({u"target"_s, u"pin-host-key"_s, u"ssh01"_s});
        QCOMPARE(unconfirmed.exitCode, 4);
        QVERIFY2(unconfirmed.err.contains("--yes"), unconfirmed.err.constData());

        const auto pinned = run({u"target"_s, u"pin-host-key"_s, u"ssh01"_s, u"--fingerprint"_s, now});
        QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
        QCOMPARE(fingerprintOf(u"ssh01"_s), now);
        QCOMPARE(run({u"target"_s, u"check"_s, u"ssh01"_s}).exitCode, 0);
    }

    void terminalAsksBeforeTrusting_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("trusted");
        QTest::newRow("no") << QByteArray("n\n") << false;
        QTest::newRow("empty means no") << QByteArray("\n") << false;
        QTest::newRow("yes") << QByteArray("y\n") << true;
    }
    void terminalAsksBeforeTrusting()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, trusted);
        if (QStandardPaths::findExecutable(u"script"_s).isEmpty())
            QSKIP("script(1) is needed to give cuttlectl a terminal");
        if (fingerprintOf(u"ssh02"_s).isEmpty() && run({u"target"_s, u"show"_s, u"ssh02"_s}).exitCode != 0) {
            const auto created = run({u"target"_s, u"create"_s, u"ssh02"_s, u"--kind"_s, u"ssh"_s, u"--host"_s, u"127.0.0.1"_s,
                                      u"--port"_s, QString::number(m_sshd.port()), u"--account"_s, u"keys"_s,
                                      u"--directory"_s, m_sshd.directory(), u"--environment"_s, u"Test"_s});
            QVERIFY2(created.exitCode == 0, created.err.constData());
        }
        QStringList words{programPath(u"cuttlectl"_s), u"--workspace"_s, m_workspace, u"target"_s, u"check"_s, u"ssh02"_s};
        for (QString &word : words)
            word = u'\'' + word + u'\'';
        QProcess process;
        process.start(u"script"_s, {u"-qec"_s, words.join(u' '), u"/dev/null"_s});
        QVERIFY(process.waitForStarted());
        process.write(answer);
        QVERIFY(process.waitForFinished(30000));
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray question = QByteArray("Trust ") + m_sshd.hostKeyFingerprint().toUtf8() + QByteArray(" for target ssh02? [y/N]");
        QVERIFY2(out.contains(question), out.constData());
        QVERIFY2(process.exitCode() == (trusted ? 0 : 1), out.constData());
        QCOMPARE(fingerprintOf(u"ssh02"_s), trusted ? m_sshd.hostKeyFingerprint() : QString());
    }

    void withoutAccountTheAgentLogsIn()
    {
        if (QStandardPaths::findExecutable(u"ssh-agent"_s).isEmpty())
            QSKIP("ssh-agent is needed");
        const QString socket = m_dir.filePath(u"agent.sock"_s);
        QProcess agent;
        agent.start(u"ssh-agent"_s, {u"-D"_s, u"-a"_s, socket});
        QVERIFY(agent.waitForStarted());
        const auto stopAgent = qScopeGuard([&] {
            agent.terminate();
            agent.waitForFinished(5000);
        });
        QElapsedTimer timer;
        timer.start();
        while (!QFile::exists(socket) && timer.elapsed() < 5000)
            QTest::qWait(50);
        QProcess add;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SSH_AUTH_SOCK"_s, socket);
        add.setProcessEnvironment(environment);
        add.start(u"ssh-add"_s, {m_dir.filePath(u"id_ed25519"_s)});
        QVERIFY(add.waitForFinished(10000));
        QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());

        const QByteArray previous = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", socket.toLocal8Bit());
        qputenv("USER", getpwuid(geteuid())->pw_name);
        const auto restore = qScopeGuard([&] { qputenv("SSH_AUTH_SOCK", previous); });
        auto r = run({u"target"_s, u"create"_s, u"agent01"_s, u"--kind"_s, u"ssh"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                      QString::number(m_sshd.port()), u"--directory"_s, m_sshd.directory(), u"--environment"_s, u"Test"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({u"target"_s, u"check"_s, u"agent01"_s, u"--accept-new-host-key"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        r = run({u"run"_s, u"--target"_s, u"agent01"_s, u"--"_s, u"echo via agent"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("[agent01] via agent\n"), r.out.constData());
    }

    void unreachablePortIsUnavailableWithinTheTimeout()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        auto r = run({u"target"_s, u"create"_s, u"nowhere"_s, u"--kind"_s, u"ssh"_s, u"--host"_s, u"127.0.0.1"_s,
                      u"--port"_s, QString::number(port), u"--account"_s, u"keys"_s, u"--timeout"_s, u"3"_s,
                      u"--environment"_s, u"Test"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QElapsedTimer timer;
        timer.start();
        r = run({u"--json"_s, u"target"_s, u"check"_s, u"nowhere"_s, u"ssh01"_s});
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r.exitCode, 1);
        const QJsonArray reports = r.json().array();
        QCOMPARE(reports.size(), 2);
        for (const auto &value : reports) {
            const QJsonObject report = value.toObject();
            const QString expected = report.value("name"_L1).toString() == u"nowhere" ? u"Unavailable"_s : u"Healthy"_s;
            QCOMPARE(report.value("status"_L1).toString(), expected);
        }
        const auto shown = run({u"--json"_s, u"target"_s, u"show"_s, u"nowhere"_s});
        QCOMPARE(shown.json().object().value("healthStatus"_L1).toString(), u"Unavailable"_s);
        QVERIFY(!shown.json().object().value("healthMessage"_L1).toString().isEmpty());
    }

private:
    CuttlectlRun run(const QStringList &arguments) const { return runCuttlectl(m_workspace, arguments); }
    QString fingerprintOf(const QString &target) const
    {
        return run({u"--json"_s, u"target"_s, u"show"_s, target}).json().object().value("hostKeyFingerprint"_L1).toString();
    }

    QTemporaryDir m_dir;
    QString m_workspace;
    SshdFixture m_sshd;
};

QTEST_GUILESS_MAIN(tst_TargetCliSsh)
#include "tst_targetclissh.moc"
