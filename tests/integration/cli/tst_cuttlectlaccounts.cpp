// Accounts through the real cuttlectl binary against a real Secret Service
// (tests/support/with-secret-service.sh): secrets from standard input and files reach the
// keychain and never the database, the output or the audit log.
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

// Every byte the workspace holds on disk (database, WAL, everything else).
QByteArray everythingIn(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class tst_CuttlectlAccounts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passwordFromStandardInput();
    void keyPairFromFiles();
    void missingSecretSavesNothing();

private:
    CuttlectlRun run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return runCuttlectl(m_workspace, arguments, input);
    }

    QTemporaryDir m_dir;
    QString m_workspace;
};

void tst_CuttlectlAccounts::initTestCase()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "keyring",
             "run this test through tests/support/with-secret-service.sh");
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(u"ws"_s);
    const auto r = run({u"workspace"_s, u"init"_s, u"--demo"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void tst_CuttlectlAccounts::passwordFromStandardInput()
{
    const QByteArray secret = "pw-7f3a9c-never-on-disk";
    const auto created = run({u"--json"_s, u"account"_s, u"create"_s, u"deploy"_s, u"--kind"_s, u"username-password"_s,
                              u"--username"_s, u"deployer"_s, u"--environment"_s, u"Test"_s, u"--password-stdin"_s},
                             secret + '\n');
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QJsonObject account = created.json().object();
    QCOMPARE(account.value("hasPassword"_L1).toBool(), true);
    QCOMPARE(account.value("kind"_L1).toString(), u"UsernamePassword"_s);
    QCOMPARE(account.value("environments"_L1).toArray(), QJsonArray({u"Test"_s}));
    QVERIFY(!created.out.contains(secret));
    QVERIFY(!created.err.contains(secret));

    const auto shown = run({u"account"_s, u"show"_s, u"deploy"_s});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(!shown.out.contains(secret));
    const auto audit = run({u"--json"_s, u"audit"_s, u"list"_s});
    QCOMPARE(audit.exitCode, 0);
    QVERIFY(!audit.out.contains(secret));
    QVERIFY(!everythingIn(m_workspace).contains(secret));

    // A target can use it; then the account cannot be deleted.
    QCOMPARE(run({u"target"_s, u"create"_s, u"ssh-1"_s, u"--host"_s, u"ssh1.example.com"_s, u"--environment"_s, u"Test"_s,
                  u"--account"_s, u"deploy"_s}).exitCode, 0);
    QCOMPARE(run({u"account"_s, u"delete"_s, u"deploy"_s}).exitCode, 4);
    QCOMPARE(run({u"target"_s, u"delete"_s, u"ssh-1"_s}).exitCode, 0);

    const QByteArray second = "pw-second-81be44";
    const auto updated = run({u"--json"_s, u"account"_s, u"update"_s, u"deploy"_s, u"--username"_s, u"other"_s,
                              u"--password-stdin"_s}, second);
    QVERIFY2(updated.exitCode == 0, updated.err.constData());
    QCOMPARE(updated.json().object().value("username"_L1).toString(), u"other"_s);
    QVERIFY(!everythingIn(m_workspace).contains(second));

    const auto list = run({u"--json"_s, u"account"_s, u"list"_s});
    QCOMPARE(list.json().array().size(), 1);
    QCOMPARE(run({u"account"_s, u"delete"_s, u"deploy"_s}).exitCode, 0);
    QCOMPARE(run({u"account"_s, u"show"_s, u"deploy"_s}).exitCode, 3);
}

void tst_CuttlectlAccounts::keyPairFromFiles()
{
    QFile key(m_dir.filePath(u"id_test"_s));
    QVERIFY(key.open(QIODevice::WriteOnly));
    const QByteArray body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ-unique-key-material";
    key.write("-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n");
    key.close();
    QFile passphrase(m_dir.filePath(u"passphrase"_s));
    QVERIFY(passphrase.open(QIODevice::WriteOnly));
    passphrase.write("phrase-0c1d2e\n");
    passphrase.close();
    const auto created = run({u"--json"_s, u"account"_s, u"create"_s, u"keys"_s, u"--kind"_s, u"ssh-key-pair"_s,
                              u"--username"_s, u"deploy"_s, u"--private-key-file"_s, key.fileName(),
                              u"--passphrase-file"_s, passphrase.fileName()});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QCOMPARE(created.json().object().value("hasPrivateKey"_L1).toBool(), true);
    QCOMPARE(created.json().object().value("hasPassphrase"_L1).toBool(), true);
    const QByteArray disk = everythingIn(m_workspace);
    QVERIFY(!disk.contains(body));
    QVERIFY(!disk.contains("phrase-0c1d2e"));
    QCOMPARE(run({u"account"_s, u"delete"_s, u"keys"_s}).exitCode, 0);
}

void tst_CuttlectlAccounts::missingSecretSavesNothing()
{
    // Standard input is not a terminal here, so nothing is asked: the account needs a password.
    const auto r = run({u"account"_s, u"create"_s, u"nopass"_s, u"--username"_s, u"x"_s});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.err.startsWith("cuttlectl: "));
    const auto badKey = run({u"account"_s, u"create"_s, u"badkey"_s, u"--kind"_s, u"ssh-key-pair"_s, u"--username"_s, u"x"_s,
                             u"--private-key-file"_s, m_dir.filePath(u"missing-file"_s)});
    QCOMPARE(badKey.exitCode, 1);
    QCOMPARE(run({u"account"_s, u"show"_s, u"nopass"_s}).exitCode, 3);
    QCOMPARE(run({u"account"_s, u"show"_s, u"badkey"_s}).exitCode, 3);
}

QTEST_GUILESS_MAIN(tst_CuttlectlAccounts)
#include "tst_cuttlectlaccounts.moc"
