// `cuttlectl variable list|set|delete` on a real workspace and a real Secret Service: values
// and scopes round-trip, set replaces the value of the same name and scope, and a sensitive
// value lives only in the keychain.
#include "tests/integration/cli/cuttlectlrunner.h"

#include "model/secrets/keychainsecretstore.h"
#include "model/secrets/secretkey.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

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

class tst_CuttlectlProjectVariables final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void setListDelete();
    void setReplacesSameNameAndScope_data();
    void setReplacesSameNameAndScope();
    void sensitiveValueOnlyInKeychain();
    void errors_data();
    void errors();

private:
    CuttlectlRun run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return runCuttlectl(m_workspace, arguments, input);
    }
    QJsonArray listed() const
    {
        return run({u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s}).json().array();
    }

    QTemporaryDir m_dir;
    QString m_workspace;
};

void tst_CuttlectlProjectVariables::initTestCase()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "keyring",
             "run this test through tests/support/with-secret-service.sh");
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(u"ws"_s);
    for (const QStringList &args : {QStringList{u"workspace"_s, u"init"_s}, {u"project-group"_s, u"create"_s, u"Apps"_s},
                                    {u"lifecycle"_s, u"create"_s, u"Default"_s},
                                    {u"project"_s, u"create"_s, u"Web"_s, u"--group"_s, u"Apps"_s, u"--lifecycle"_s, u"Default"_s}}) {
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void tst_CuttlectlProjectVariables::setListDelete()
{
    QCOMPARE(run({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Url"_s, u"--value"_s, u"http://default"_s}).exitCode, 0);
    const auto scoped = run({u"--json"_s, u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Url"_s, u"--value"_s,
                             u"http://prod"_s, u"--scope"_s, u"environment=Production"_s, u"--scope"_s, u"role=web"_s,
                             u"--scope"_s, u"role=api"_s});
    QVERIFY2(scoped.exitCode == 0, scoped.err.constData());
    const QJsonObject created = scoped.json().object();
    QVERIFY(created.value("id"_L1).toString().startsWith(u"Variables-"_s));

    const QJsonArray all = listed();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).toObject().value("value"_L1).toString(), u"http://default"_s);
    QCOMPARE(all.at(0).toObject().value("scope"_L1).toObject(), QJsonObject());
    const QJsonObject scope = all.at(1).toObject().value("scope"_L1).toObject();
    QCOMPARE(scope.value("environment"_L1).toArray(), QJsonArray{u"Production"_s});
    QCOMPARE(scope.value("role"_L1).toArray().size(), 2);

    // Deleting needs the exact scope (in any order).
    QCOMPARE(run({u"variable"_s, u"delete"_s, u"--project"_s, u"Web"_s, u"Url"_s, u"--scope"_s, u"environment=Production"_s}).exitCode, 3);
    QCOMPARE(run({u"variable"_s, u"delete"_s, u"--project"_s, u"Web"_s, u"url"_s, u"--scope"_s, u"role=api"_s, u"--scope"_s,
                  u"role=web"_s, u"--scope"_s, u"environment=Production"_s}).exitCode, 0);
    QCOMPARE(listed().size(), 1);
    QCOMPARE(run({u"variable"_s, u"delete"_s, u"--project"_s, u"Web"_s, u"Url"_s}).exitCode, 0);
    QCOMPARE(listed().size(), 0);
}

void tst_CuttlectlProjectVariables::setReplacesSameNameAndScope_data()
{
    QTest::addColumn<QStringList>("secondScope");
    QTest::addColumn<int>("expectedCount");
    QTest::newRow("same scope replaces") << QStringList{u"environment=Test"_s} << 1;
    QTest::newRow("other scope adds") << QStringList{u"environment=Production"_s} << 2;
    QTest::newRow("unscoped adds") << QStringList{} << 2;
}

void tst_CuttlectlProjectVariables::setReplacesSameNameAndScope()
{
    QFETCH(QStringList, secondScope);
    QFETCH(int, expectedCount);
    QCOMPARE(run({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Port"_s, u"--value"_s, u"1"_s, u"--scope"_s,
                  u"environment=Test"_s}).exitCode, 0);
    QStringList args{u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"PORT"_s, u"--value"_s, u"2"_s};
    for (const QString &s : secondScope)
        args << u"--scope"_s << s;
    QCOMPARE(run(args).exitCode, 0);
    const QJsonArray all = listed();
    QCOMPARE(all.size(), expectedCount);
    QCOMPARE(all.last().toObject().value("value"_L1).toString(), u"2"_s);
    for (const QJsonValue &v : all) {
        const QJsonObject o = v.toObject();
        QStringList del{u"variable"_s, u"delete"_s, u"--project"_s, u"Web"_s, o.value("name"_L1).toString()};
        for (const QJsonValue &env : o.value("scope"_L1).toObject().value("environment"_L1).toArray())
            del << u"--scope"_s << u"environment="_s + env.toString();
        QCOMPARE(run(del).exitCode, 0);
    }
    QCOMPARE(listed().size(), 0);
}

void tst_CuttlectlProjectVariables::sensitiveValueOnlyInKeychain()
{
    const QByteArray secret = "var-secret-5d1c9e-never-on-disk";
    const auto set = run({u"--json"_s, u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Password"_s, u"--sensitive"_s,
                          u"--value-stdin"_s},
                         secret + '\n');
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QVERIFY(!set.out.contains(secret));
    const QString id = set.json().object().value("id"_L1).toString();

    const auto table = run({u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s});
    QVERIFY(!table.out.contains(secret));
    QVERIFY2(table.out.contains("********"), table.out.constData());
    const QJsonObject listedValue = listed().at(0).toObject();
    QCOMPARE(listedValue.value("sensitive"_L1).toBool(), true);
    QVERIFY(listedValue.value("value"_L1).isNull());
    QVERIFY(!run({u"--json"_s, u"audit"_s, u"list"_s}).out.contains(secret));
    QVERIFY(!everythingIn(m_workspace).contains(secret));

    const QString workspaceId = run({u"--json"_s, u"workspace"_s, u"info"_s}).json().object().value("id"_L1).toString();
    QVERIFY(!workspaceId.isEmpty());
    const QString key = SecretKey(workspaceId, id, u"value"_s).toString();
    KeychainSecretStore keychain;
    auto stored = keychain.read(key);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(*stored, secret);

    // Making it plain removes it from the keychain; deleting a sensitive value removes its secret.
    QCOMPARE(run({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Password"_s, u"--value"_s, u"plain"_s}).exitCode, 0);
    QVERIFY(!keychain.read(key).ok());
    QCOMPARE(listed().at(0).toObject().value("value"_L1).toString(), u"plain"_s);
    QCOMPARE(run({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Password"_s, u"--sensitive"_s, u"--value-stdin"_s},
                 secret).exitCode, 0);
    QVERIFY(keychain.read(key).ok());
    QVERIFY(!everythingIn(m_workspace).contains(secret));
    QCOMPARE(run({u"variable"_s, u"delete"_s, u"--project"_s, u"Web"_s, u"Password"_s}).exitCode, 0);
    QVERIFY(!keychain.read(key).ok());
}

void tst_CuttlectlProjectVariables::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("sensitive on the command line")
        << QStringList{u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"P"_s, u"--sensitive"_s, u"--value"_s, u"x"_s} << 2;
    QTest::newRow("unknown scope dimension")
        << QStringList{u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"P"_s, u"--value"_s, u"x"_s, u"--scope"_s, u"colour=red"_s} << 2;
    QTest::newRow("no project option") << QStringList{u"variable"_s, u"list"_s} << 2;
    QTest::newRow("unknown project") << QStringList{u"variable"_s, u"list"_s, u"--project"_s, u"Nope"_s} << 3;
    QTest::newRow("delete missing") << QStringList{u"variable"_s, u"delete"_s, u"--project"_s, u"Web"_s, u"Nope"_s} << 3;
}

void tst_CuttlectlProjectVariables::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const auto r = run(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.startsWith("cuttlectl: "), r.err.constData());
    QCOMPARE(listed().size(), 0);
}

QTEST_GUILESS_MAIN(tst_CuttlectlProjectVariables)
#include "tst_cuttlectlprojectvariables.moc"
