// Runs the real cuttlectl binary against temporary workspaces: every noun's verbs, the JSON
// shape, the exit code of each error class and the database failure modes.
#include "tests/integration/cli/cuttlectlrunner.h"
#include "tests/support/testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList namesIn(const QJsonArray &array)
{
    QStringList names;
    for (const QJsonValue &v : array)
        names << v.toObject().value("name"_L1).toString();
    return names;
}

// One sentence on one line, prefixed with the program name.
bool isOneSentence(const QByteArray &err)
{
    return err.startsWith("cuttlectl: ") && err.endsWith(".\n") && err.count('\n') == 1;
}

} // namespace

class tst_Cuttlectl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void help_data();
    void help();
    void initAndInfo();
    void initDemo();
    void missingWorkspaceIsNotFound();
    void crud_data();
    void crud();
    void targetListJsonShape();
    void targetListFilters_data();
    void targetListFilters();
    void targetUpdateChangesOnlyGivenOptions();
    void errorExitCodes_data();
    void errorExitCodes();
    void nothingSavedOnFailure();
    void reorder();
    void lifecyclePhases();
    void tenantConnections();
    void tagSetTags();
    void spaceOption();
    void auditList();
    void secretNeverOnCommandLine();
    void newerSchemaRefusedUntouched();
    void corruptDatabase();
    void uncreatableWorkspace();
    void lockedDatabase();

private:
    CuttlectlRun run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return runCuttlectl(m_workspace, arguments, input);
    }
    void initWorkspace(bool demo);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void tst_Cuttlectl::initTestCase()
{
    QVERIFY2(QFile::exists(programPath(u"cuttlectl"_s)), "build cuttlectl first");
}

void tst_Cuttlectl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"ws"_s);
}

void tst_Cuttlectl::initWorkspace(bool demo)
{
    const auto r = run(demo ? QStringList{u"workspace"_s, u"init"_s, u"--demo"_s} : QStringList{u"workspace"_s, u"init"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void tst_Cuttlectl::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("main") << QStringList{u"--help"_s} << 0 << u"tag-set"_s;
    QTest::newRow("noun") << QStringList{u"environment"_s, u"--help"_s} << 0 << u"reorder"_s;
    QTest::newRow("verb") << QStringList{u"environment"_s, u"create"_s, u"--help"_s} << 0 << u"--guided-failure"_s;
    QTest::newRow("target create") << QStringList{u"target"_s, u"create"_s, u"--help"_s} << 0 << u"--tenanted-participation"_s;
    QTest::newRow("account secrets") << QStringList{u"account"_s, u"create"_s, u"--help"_s} << 0 << u"--password-stdin"_s;
    QTest::newRow("nothing") << QStringList{} << 2 << QString();
}

void tst_Cuttlectl::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const auto r = run(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(QString::fromUtf8(exitCode == 0 ? r.out : r.err).contains(expected));
    QVERIFY(!QFile::exists(m_workspace)); // help never creates a workspace
}

void tst_Cuttlectl::initAndInfo()
{
    const auto created = run({u"--json"_s, u"workspace"_s, u"init"_s});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(QFile::exists(QDir(m_workspace).filePath(u"cuttle.db"_s)));
    const auto info = run({u"workspace"_s, u"info"_s, u"--json"_s});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject o = info.json().object();
    QCOMPARE(o.value("path"_L1).toString(), QDir(m_workspace).absolutePath());
    QVERIFY(o.value("schemaVersion"_L1).toInt() > 0);
    QVERIFY(!o.value("id"_L1).toString().isEmpty());
    QCOMPARE(o.value("space"_L1).toString(), u"Default"_s);
    QCOMPARE(o.value("counts"_L1).toObject().value("environments"_L1).toInt(), 0);
    QCOMPARE(o.value("counts"_L1).toObject().value("spaces"_L1).toInt(), 1);
    QCOMPARE(o.value("counts"_L1).toObject().value("machinePolicies"_L1).toInt(), 1);
    // A second init keeps what is there.
    QCOMPARE(run({u"workspace"_s, u"init"_s}).exitCode, 0);
    const auto human = run({u"workspace"_s, u"info"_s});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains("Schema version:"));
}

void tst_Cuttlectl::initDemo()
{
    initWorkspace(true);
    const QJsonObject counts = run({u"--json"_s, u"workspace"_s, u"info"_s}).json().object().value("counts"_L1).toObject();
    QCOMPARE(counts.value("environments"_L1).toInt(), 3);
    QCOMPARE(counts.value("targets"_L1).toInt(), 3);
    QCOMPARE(counts.value("projects"_L1).toInt(), 2);
    QCOMPARE(counts.value("tenants"_L1).toInt(), 2);
    QCOMPARE(counts.value("tagSets"_L1).toInt(), 2);
    QCOMPARE(counts.value("lifecycles"_L1).toInt(), 1);
    const auto environments = run({u"environment"_s, u"list"_s});
    QCOMPARE(environments.exitCode, 0);
    QVERIFY(environments.out.contains("Development"));
    QVERIFY(environments.out.startsWith("Id"));
}

void tst_Cuttlectl::missingWorkspaceIsNotFound()
{
    const auto r = run({u"environment"_s, u"list"_s});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(isOneSentence(r.err), r.err.constData());
    QVERIFY(r.err.contains("workspace init"));
    QVERIFY(!QFile::exists(QDir(m_workspace).filePath(u"cuttle.db"_s)));
}

void tst_Cuttlectl::crud_data()
{
    QTest::addColumn<QString>("noun");
    QTest::addColumn<QStringList>("createArguments");
    QTest::addColumn<QStringList>("updateArguments");
    QTest::addColumn<QString>("changedKey");
    QTest::addColumn<QVariant>("changedValue");

    QTest::newRow("space") << u"space"_s << QStringList{u"Team B"_s, u"--description"_s, u"second team"_s}
                           << QStringList{u"--description"_s, u"renamed team"_s} << u"description"_s << QVariant(u"renamed team"_s);
    QTest::newRow("environment") << u"environment"_s << QStringList{u"Staging"_s, u"--description"_s, u"before prod"_s}
                                 << QStringList{u"--guided-failure"_s} << u"useGuidedFailure"_s << QVariant(true);
    QTest::newRow("machine-policy") << u"machine-policy"_s << QStringList{u"Fast"_s, u"--interval"_s, u"60"_s}
                                    << QStringList{u"--interval"_s, u"120"_s} << u"healthCheckIntervalSeconds"_s << QVariant(120);
    QTest::newRow("project-group") << u"project-group"_s << QStringList{u"Tools"_s}
                                   << QStringList{u"--description"_s, u"internal"_s} << u"description"_s << QVariant(u"internal"_s);
    QTest::newRow("project") << u"project"_s
                             << QStringList{u"Billing"_s, u"--group"_s, u"Web shop"_s, u"--lifecycle"_s, u"Default Lifecycle"_s}
                             << QStringList{u"--tenanted-mode"_s, u"tenanted"_s} << u"tenantedMode"_s << QVariant(u"Tenanted"_s);
    QTest::newRow("lifecycle") << u"lifecycle"_s << QStringList{u"Hotfix"_s}
                               << QStringList{u"--release-retention"_s, u"5 items"_s} << u"releaseRetention"_s
                               << QVariant(QVariantMap{{u"unit"_s, u"Items"_s}, {u"quantity"_s, 5}});
    QTest::newRow("tenant") << u"tenant"_s
                            << QStringList{u"Initech"_s, u"--tag"_s, u"Tier/Standard"_s, u"--project"_s, u"Storefront"_s,
                                           u"--environment"_s, u"Test"_s}
                            << QStringList{u"--tag"_s, u"Tier/Premium"_s} << u"tags"_s << QVariant(QVariantList{u"Tier/Premium"_s});
    QTest::newRow("tag-set") << u"tag-set"_s << QStringList{u"Size"_s, u"--tag"_s, u"Small"_s, u"--tag"_s, u"Large:#112233"_s}
                             << QStringList{u"--description"_s, u"how big"_s} << u"description"_s << QVariant(u"how big"_s);
    QTest::newRow("target") << u"target"_s
                            << QStringList{u"web-1"_s, u"--kind"_s, u"ssh"_s, u"--host"_s, u"web1.example.com"_s,
                                           u"--environment"_s, u"Test"_s, u"--tag"_s, u"web"_s}
                            << QStringList{u"--port"_s, u"2222"_s} << u"port"_s << QVariant(2222);
}

void tst_Cuttlectl::crud()
{
    QFETCH(QString, noun);
    QFETCH(QStringList, createArguments);
    QFETCH(QStringList, updateArguments);
    QFETCH(QString, changedKey);
    QFETCH(QVariant, changedValue);
    initWorkspace(true);
    const QString name = createArguments.constFirst();

    const auto created = run(QStringList{u"--json"_s, noun, u"create"_s} + createArguments);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QJsonObject record = created.json().object();
    const QString id = record.value("id"_L1).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(record.value("name"_L1).toString(), name);

    // The same name again is a conflict.
    const auto duplicate = run(QStringList{noun, u"create"_s} + createArguments);
    QCOMPARE(duplicate.exitCode, 4);
    QVERIFY2(isOneSentence(duplicate.err), duplicate.err.constData());

    const auto listed = run({u"--json"_s, noun, u"list"_s});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.json().isArray());
    QVERIFY(namesIn(listed.json().array()).contains(name));
    const auto table = run({noun, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(name.toUtf8()));

    // Found by name and by id alike.
    for (const QString &key : {name, id}) {
        const auto shown = run({u"--json"_s, noun, u"show"_s, key});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        QCOMPARE(shown.json().object().value("id"_L1).toString(), id);
    }
    const auto human = run({noun, u"show"_s, name});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains("Name:"));

    const auto updated = run(QStringList{u"--json"_s, noun, u"update"_s, name} + updateArguments);
    QVERIFY2(updated.exitCode == 0, updated.err.constData());
    QCOMPARE(updated.json().object().value(changedKey).toVariant(), changedValue);
    QCOMPARE(run({u"--json"_s, noun, u"show"_s, id}).json().object().value(changedKey).toVariant(), changedValue);
    const auto renamed = run({u"--json"_s, noun, u"update"_s, id, u"--name"_s, name + u" 2"_s});
    QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
    QCOMPARE(renamed.json().object().value("name"_L1).toString(), name + u" 2"_s);

    const auto deleted = run({noun, u"delete"_s, name + u" 2"_s});
    QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
    const auto gone = run({noun, u"show"_s, id});
    QCOMPARE(gone.exitCode, 3);
    QVERIFY2(isOneSentence(gone.err), gone.err.constData());
    QCOMPARE(run({noun, u"delete"_s, id}).exitCode, 3);
}

void tst_Cuttlectl::targetListJsonShape()
{
    initWorkspace(true);
    const auto r = run({u"--json"_s, u"target"_s, u"list"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().isArray());
    const QJsonArray targets = r.json().array();
    QCOMPARE(targets.size(), 3);
    for (const QJsonValue &value : targets) {
        const QJsonObject t = value.toObject();
        for (const char *key : {"id", "name", "kind", "host", "port", "directory", "accountId", "account", "environmentIds",
                                "environments", "tags", "tenantIds", "tenants", "tenantTags", "tenantedParticipation",
                                "machinePolicyId", "machinePolicy", "isDisabled", "connectTimeoutSeconds", "healthStatus"}) {
            QVERIFY2(t.contains(QLatin1String(key)), key);
        }
        QCOMPARE(t.value("kind"_L1).toString(), u"Local"_s);
        QCOMPARE(t.value("environments"_L1).toArray().size(), 1);
        QCOMPARE(t.value("environmentIds"_L1).toArray().size(), 1);
        QCOMPARE(t.value("tags"_L1).toArray(), QJsonArray({u"web"_s, u"app"_s}));
        QCOMPARE(t.value("healthStatus"_L1).toString(), u"Unknown"_s);
    }
    QCOMPARE(targets.at(0).toObject().value("environments"_L1).toArray().at(0).toString(), u"Development"_s);
    // `show` prints one object.
    const auto shown = run({u"--json"_s, u"target"_s, u"show"_s, u"local-test"_s});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.json().isObject());
    QCOMPARE(shown.json().object().value("environments"_L1).toArray(), QJsonArray({u"Test"_s}));
    const auto tags = run({u"--json"_s, u"target"_s, u"tags"_s});
    QCOMPARE(tags.exitCode, 0);
    QVERIFY(tags.json().array().contains(u"web"_s));
}

void tst_Cuttlectl::targetListFilters_data()
{
    QTest::addColumn<QStringList>("filter");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << QStringList{} << QStringList{u"db-1"_s, u"local-development"_s, u"local-production"_s, u"local-test"_s};
    QTest::newRow("environment") << QStringList{u"--environment"_s, u"Production"_s} << QStringList{u"db-1"_s, u"local-production"_s};
    QTest::newRow("tag") << QStringList{u"--tag"_s, u"db"_s} << QStringList{u"db-1"_s};
    QTest::newRow("kind") << QStringList{u"--kind"_s, u"ssh"_s} << QStringList{u"db-1"_s};
    QTest::newRow("kind local") << QStringList{u"--kind"_s, u"local"_s}
                                << QStringList{u"local-development"_s, u"local-production"_s, u"local-test"_s};
    QTest::newRow("health") << QStringList{u"--health"_s, u"healthy"_s} << QStringList{};
    QTest::newRow("text") << QStringList{u"--text"_s, u"db.example"_s} << QStringList{u"db-1"_s};
    QTest::newRow("text environment") << QStringList{u"--text"_s, u"test"_s} << QStringList{u"local-test"_s};
    QTest::newRow("combined") << QStringList{u"--environment"_s, u"Production"_s, u"--kind"_s, u"local"_s}
                              << QStringList{u"local-production"_s};
}

void tst_Cuttlectl::targetListFilters()
{
    QFETCH(QStringList, filter);
    QFETCH(QStringList, expected);
    initWorkspace(true);
    const auto added = run({u"target"_s, u"add"_s, u"db-1"_s, u"--kind"_s, u"ssh"_s, u"--host"_s, u"db.example.com"_s,
                            u"--environment"_s, u"Production"_s, u"--tag"_s, u"db"_s});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const auto r = run(QStringList{u"--json"_s, u"target"_s, u"list"_s} + filter);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(namesIn(r.json().array()), expected);
}

void tst_Cuttlectl::targetUpdateChangesOnlyGivenOptions()
{
    initWorkspace(true);
    const auto created = run({u"--json"_s, u"target"_s, u"create"_s, u"app-1"_s, u"--kind"_s, u"ssh"_s, u"--host"_s,
                              u"10.0.0.5"_s, u"--port"_s, u"2200"_s, u"--environment"_s, u"Test"_s, u"--environment"_s,
                              u"Production"_s, u"--tag"_s, u"app"_s, u"--tenant"_s, u"Contoso"_s, u"--timeout"_s, u"30"_s});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QJsonObject before = created.json().object();
    QCOMPARE(before.value("tenants"_L1).toArray(), QJsonArray({u"Contoso"_s}));
    QCOMPARE(before.value("tenantedParticipation"_L1).toString(), u"TenantedOrUntenanted"_s);
    QCOMPARE(before.value("machinePolicy"_L1).toString().isEmpty(), false);
    const auto updated = run({u"--json"_s, u"target"_s, u"update"_s, u"app-1"_s, u"--disabled"_s});
    QVERIFY2(updated.exitCode == 0, updated.err.constData());
    QJsonObject after = updated.json().object();
    QCOMPARE(after.value("isDisabled"_L1).toBool(), true);
    after.insert("isDisabled"_L1, false);
    QCOMPARE(after, before);
}

void tst_Cuttlectl::errorExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QStringList local{u"--kind"_s, u"local"_s, u"--directory"_s, u"/srv/x"_s, u"--environment"_s, u"Test"_s};
    const QStringList ssh{u"--kind"_s, u"ssh"_s, u"--environment"_s, u"Test"_s};
    QTest::newRow("duplicate environment") << QStringList{u"environment"_s, u"create"_s, u"test"_s} << 4;
    QTest::newRow("empty name") << QStringList{u"environment"_s, u"create"_s, u""_s} << 4;
    QTest::newRow("blank name") << QStringList{u"project-group"_s, u"create"_s, u"   "_s} << 4;
    QTest::newRow("tag only spaces") << QStringList{u"target"_s, u"create"_s, u"t1"_s, u"--tag"_s, u"   "_s} + local << 4;
    QTest::newRow("invalid host") << QStringList{u"target"_s, u"create"_s, u"t2"_s, u"--host"_s, u"bad host!"_s} + ssh << 4;
    QTest::newRow("missing host") << QStringList{u"target"_s, u"create"_s, u"t2"_s} + ssh << 4;
    QTest::newRow("port too big") << QStringList{u"target"_s, u"create"_s, u"t3"_s, u"--host"_s, u"h"_s, u"--port"_s, u"70000"_s} + ssh << 4;
    QTest::newRow("port not a number") << QStringList{u"target"_s, u"create"_s, u"t3"_s, u"--host"_s, u"h"_s, u"--port"_s, u"abc"_s} + ssh << 4;
    QTest::newRow("bad kind") << QStringList{u"target"_s, u"create"_s, u"t4"_s, u"--kind"_s, u"ftp"_s} << 4;
    QTest::newRow("no environment") << QStringList{u"target"_s, u"create"_s, u"t5"_s, u"--kind"_s, u"local"_s, u"--directory"_s, u"/x"_s} << 4;
    QTest::newRow("environment in use") << QStringList{u"environment"_s, u"delete"_s, u"Test"_s} << 4;
    QTest::newRow("default space") << QStringList{u"space"_s, u"delete"_s, u"Default"_s} << 4;
    QTest::newRow("incomplete reorder") << QStringList{u"environment"_s, u"reorder"_s, u"Test"_s, u"Development"_s} << 4;
    QTest::newRow("unknown target") << QStringList{u"target"_s, u"show"_s, u"nope"_s} << 3;
    QTest::newRow("unknown target delete") << QStringList{u"target"_s, u"delete"_s, u"nope"_s} << 3;
    QTest::newRow("unknown environment reference") << QStringList{u"target"_s, u"list"_s, u"--environment"_s, u"Nowhere"_s} << 3;
    QTest::newRow("unknown space") << QStringList{u"--space"_s, u"Nowhere"_s, u"environment"_s, u"list"_s} << 3;
    QTest::newRow("bad option") << QStringList{u"target"_s, u"list"_s, u"--bogus"_s} << 2;
    QTest::newRow("bad global option") << QStringList{u"--bogus"_s, u"target"_s, u"list"_s} << 2;
    QTest::newRow("unknown noun") << QStringList{u"frobnicate"_s, u"list"_s} << 2;
    QTest::newRow("unknown verb") << QStringList{u"environment"_s, u"frob"_s} << 2;
    QTest::newRow("missing verb") << QStringList{u"environment"_s} << 2;
    QTest::newRow("missing argument") << QStringList{u"environment"_s, u"create"_s} << 2;
    QTest::newRow("extra argument") << QStringList{u"environment"_s, u"show"_s, u"Test"_s, u"Production"_s} << 2;
    QTest::newRow("missing option value") << QStringList{u"environment"_s, u"create"_s, u"X"_s, u"--description"_s} << 2;
    QTest::newRow("contradicting flags") << QStringList{u"environment"_s, u"update"_s, u"Test"_s, u"--guided-failure"_s,
                                                        u"--no-guided-failure"_s} << 2;
}

void tst_Cuttlectl::errorExitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    initWorkspace(true);
    const QByteArray before = run({u"--json"_s, u"workspace"_s, u"info"_s}).out;
    const auto r = run(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(isOneSentence(r.err), r.err.constData());
    QCOMPARE(run({u"--json"_s, u"workspace"_s, u"info"_s}).out, before);
}

void tst_Cuttlectl::nothingSavedOnFailure()
{
    initWorkspace(true);
    // The second tag is invalid: the target must not be half-saved with the first.
    const auto r = run({u"target"_s, u"create"_s, u"half"_s, u"--kind"_s, u"local"_s, u"--directory"_s, u"/srv/half"_s,
                        u"--environment"_s, u"Test"_s, u"--tag"_s, u"ok"_s, u"--tenant-tag"_s, u"Tier/Nope"_s,
                        u"--tenanted-participation"_s, u"tenanted"_s});
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(run({u"target"_s, u"show"_s, u"half"_s}).exitCode, 3);
    QVERIFY(!run({u"--json"_s, u"target"_s, u"tags"_s}).json().array().contains(u"ok"_s));
}

void tst_Cuttlectl::reorder()
{
    initWorkspace(true);
    const auto order = [this] { return namesIn(run({u"--json"_s, u"environment"_s, u"list"_s}).json().array()); };
    QCOMPARE(order(), (QStringList{u"Development"_s, u"Test"_s, u"Production"_s}));
    QCOMPARE(run({u"environment"_s, u"reorder"_s, u"Production"_s, u"--before"_s, u"Development"_s}).exitCode, 0);
    QCOMPARE(order(), (QStringList{u"Production"_s, u"Development"_s, u"Test"_s}));
    QCOMPARE(run({u"environment"_s, u"reorder"_s, u"Production"_s, u"--after"_s, u"Test"_s}).exitCode, 0);
    QCOMPARE(order(), (QStringList{u"Development"_s, u"Test"_s, u"Production"_s}));
    const auto full = run({u"--json"_s, u"environment"_s, u"reorder"_s, u"Test"_s, u"Production"_s, u"Development"_s});
    QVERIFY2(full.exitCode == 0, full.err.constData());
    QCOMPARE(namesIn(full.json().array()), (QStringList{u"Test"_s, u"Production"_s, u"Development"_s}));
    QCOMPARE(order(), (QStringList{u"Test"_s, u"Production"_s, u"Development"_s}));
    QCOMPARE(run({u"environment"_s, u"reorder"_s, u"Test"_s, u"--before"_s, u"Nowhere"_s}).exitCode, 3);
    QCOMPARE(run({u"environment"_s, u"reorder"_s, u"Test"_s, u"Production"_s, u"--before"_s, u"Development"_s}).exitCode, 2);
    QCOMPARE(run({u"environment"_s, u"reorder"_s, u"Test"_s, u"--before"_s, u"Development"_s, u"--after"_s, u"Production"_s}).exitCode, 2);
    QCOMPARE(order(), (QStringList{u"Test"_s, u"Production"_s, u"Development"_s}));
}

void tst_Cuttlectl::lifecyclePhases()
{
    initWorkspace(true);
    QCOMPARE(run({u"lifecycle"_s, u"create"_s, u"Fast"_s}).exitCode, 0);
    const auto added = run({u"--json"_s, u"lifecycle"_s, u"add-phase"_s, u"Fast"_s, u"Early"_s, u"--automatic"_s,
                            u"Development"_s, u"--optional"_s, u"Test"_s, u"--minimum"_s, u"1"_s});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(run({u"lifecycle"_s, u"add-phase"_s, u"Fast"_s, u"Late"_s, u"--optional"_s, u"Production"_s, u"--optional-phase"_s}).exitCode, 0);
    const QJsonObject shown = run({u"--json"_s, u"lifecycle"_s, u"show"_s, u"Fast"_s}).json().object();
    const QJsonArray phases = shown.value("phases"_L1).toArray();
    QCOMPARE(phases.size(), 2);
    QCOMPARE(phases.at(0).toObject().value("automaticEnvironments"_L1).toArray(), QJsonArray({u"Development"_s}));
    QCOMPARE(phases.at(0).toObject().value("optionalEnvironments"_L1).toArray(), QJsonArray({u"Test"_s}));
    QCOMPARE(phases.at(0).toObject().value("minimumEnvironmentsBeforePromotion"_L1).toInt(), 1);
    QCOMPARE(phases.at(1).toObject().value("isOptional"_L1).toBool(), true);
    const auto human = run({u"lifecycle"_s, u"show"_s, u"Fast"_s});
    QVERIFY(human.out.contains("Early"));
    QVERIFY(human.out.contains("Development"));
    // An environment may be in one phase only.
    QCOMPARE(run({u"lifecycle"_s, u"add-phase"_s, u"Fast"_s, u"Again"_s, u"--automatic"_s, u"Test"_s}).exitCode, 4);
    QCOMPARE(run({u"lifecycle"_s, u"remove-phase"_s, u"Fast"_s, u"Nope"_s}).exitCode, 3);
    QCOMPARE(run({u"lifecycle"_s, u"remove-phase"_s, u"Fast"_s, u"early"_s}).exitCode, 0);
    QCOMPARE(run({u"--json"_s, u"lifecycle"_s, u"show"_s, u"Fast"_s}).json().object().value("phaseNames"_L1).toArray(),
             QJsonArray({u"Late"_s}));
    // In use by a project: refused.
    QCOMPARE(run({u"lifecycle"_s, u"delete"_s, u"Default Lifecycle"_s}).exitCode, 4);
}

void tst_Cuttlectl::tenantConnections()
{
    initWorkspace(true);
    const auto connected = run({u"--json"_s, u"tenant"_s, u"connect"_s, u"Contoso"_s, u"--project"_s, u"Order API"_s,
                                u"--environment"_s, u"Production"_s});
    QVERIFY2(connected.exitCode == 0, connected.err.constData());
    QStringList connectedNames = connected.json().object().value("projectNames"_L1).toVariant().toStringList();
    connectedNames.sort();
    QCOMPARE(connectedNames, (QStringList{u"Order API"_s, u"Storefront"_s}));
    const auto disconnected = run({u"--json"_s, u"tenant"_s, u"disconnect"_s, u"Contoso"_s, u"--project"_s, u"Storefront"_s});
    QVERIFY2(disconnected.exitCode == 0, disconnected.err.constData());
    const QJsonArray projects = disconnected.json().object().value("projects"_L1).toArray();
    QCOMPARE(projects.size(), 1);
    QCOMPARE(projects.at(0).toObject().value("environments"_L1).toArray(), QJsonArray({u"Production"_s}));
    QCOMPARE(run({u"tenant"_s, u"disconnect"_s, u"Contoso"_s, u"--project"_s, u"Storefront"_s}).exitCode, 3);
    QCOMPARE(run({u"tenant"_s, u"create"_s, u"Bad"_s, u"--tag"_s, u"Tier/Nope"_s}).exitCode, 4);
}

void tst_Cuttlectl::tagSetTags()
{
    initWorkspace(true);
    const auto added = run({u"--json"_s, u"tag-set"_s, u"add-tag"_s, u"Tier"_s, u"Gold"_s, u"--color"_s, u"#ffd700"_s});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(added.json().object().value("tagNames"_L1).toArray(), QJsonArray({u"Standard"_s, u"Premium"_s, u"Gold"_s}));
    QCOMPARE(run({u"tag-set"_s, u"add-tag"_s, u"Tier"_s, u"Bad"_s, u"--color"_s, u"gold"_s}).exitCode, 4);
    QCOMPARE(run({u"tag-set"_s, u"remove-tag"_s, u"Tier"_s, u"Gold"_s}).exitCode, 0);
    // Contoso carries Tier/Premium.
    QCOMPARE(run({u"tag-set"_s, u"remove-tag"_s, u"Tier"_s, u"Premium"_s}).exitCode, 4);
    QCOMPARE(run({u"tag-set"_s, u"delete"_s, u"Tier"_s}).exitCode, 4);
}

void tst_Cuttlectl::spaceOption()
{
    initWorkspace(true);
    QCOMPARE(run({u"space"_s, u"create"_s, u"Team B"_s}).exitCode, 0);
    QCOMPARE(run({u"--space"_s, u"Team B"_s, u"environment"_s, u"create"_s, u"Development"_s}).exitCode, 0);
    QCOMPARE(namesIn(run({u"--space"_s, u"Team B"_s, u"--json"_s, u"environment"_s, u"list"_s}).json().array()),
             QStringList{u"Development"_s});
    QCOMPARE(run({u"--json"_s, u"environment"_s, u"list"_s}).json().array().size(), 3);
    QCOMPARE(run({u"space"_s, u"delete"_s, u"Team B"_s}).exitCode, 4); // still holds an environment
    QCOMPARE(run({u"space"_s, u"rename"_s, u"Team B"_s, u"Team C"_s}).exitCode, 0);
    QCOMPARE(run({u"--space"_s, u"Team C"_s, u"environment"_s, u"delete"_s, u"Development"_s}).exitCode, 0);
    QCOMPARE(run({u"space"_s, u"delete"_s, u"Team C"_s}).exitCode, 0);
}

void tst_Cuttlectl::auditList()
{
    initWorkspace(false);
    const auto created = run({u"--json"_s, u"environment"_s, u"create"_s, u"Audited"_s});
    const QString id = created.json().object().value("id"_L1).toString();
    QCOMPARE(run({u"environment"_s, u"update"_s, u"Audited"_s, u"--description"_s, u"now described"_s}).exitCode, 0);
    const auto events = run({u"--json"_s, u"audit"_s, u"list"_s, u"--document"_s, id});
    QCOMPARE(events.exitCode, 0);
    const QJsonArray list = events.json().array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value("action"_L1).toString(), u"Modified"_s);
    QCOMPARE(list.at(1).toObject().value("action"_L1).toString(), u"Created"_s);
    QCOMPARE(run({u"--json"_s, u"audit"_s, u"list"_s, u"--limit"_s, u"1"_s}).json().array().size(), 1);
}

void tst_Cuttlectl::secretNeverOnCommandLine()
{
    initWorkspace(false);
    const auto r = run({u"account"_s, u"create"_s, u"a"_s, u"--password"_s, u"hunter2"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.contains("hunter2"));
    QCOMPARE(run({u"account"_s, u"create"_s, u"a"_s, u"--password-stdin"_s, u"--passphrase-stdin"_s}).exitCode, 2);
}

void tst_Cuttlectl::newerSchemaRefusedUntouched()
{
    initWorkspace(false);
    const QString path = QDir(m_workspace).filePath(u"cuttle.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version = 999"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    for (const QStringList &arguments : {QStringList{u"environment"_s, u"list"_s}, QStringList{u"workspace"_s, u"init"_s}}) {
        const auto r = run(arguments);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneSentence(r.err), r.err.constData());
        QVERIFY(r.err.contains("newer version"));
        QCOMPARE(fileBytes(path), before);
    }
}

void tst_Cuttlectl::corruptDatabase()
{
    QVERIFY(QDir().mkpath(m_workspace));
    const QString path = QDir(m_workspace).filePath(u"cuttle.db"_s);
    QByteArray noise(8192, '\0');
    QRandomGenerator generator(42);
    for (char &c : noise)
        c = char(generator.bounded(256));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(noise);
    }
    for (const QStringList &arguments : {QStringList{u"target"_s, u"list"_s}, QStringList{u"workspace"_s, u"init"_s}}) {
        const auto r = run(arguments);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneSentence(r.err), r.err.constData());
        QCOMPARE(fileBytes(path), noise);
    }
}

void tst_Cuttlectl::uncreatableWorkspace()
{
    const auto r = runCuttlectl(u"/proc/cuttle-cannot-exist/ws"_s, {u"workspace"_s, u"init"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(isOneSentence(r.err), r.err.constData());
}

void tst_Cuttlectl::lockedDatabase()
{
    initWorkspace(false);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
    db.setDatabaseName(QDir(m_workspace).filePath(u"cuttle.db"_s));
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
        // Waits for the store's busy timeout, then gives up with one sentence.
        const auto r = run({u"environment"_s, u"create"_s, u"Blocked"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneSentence(r.err), r.err.constData());
        QVERIFY(r.err.contains("locked"));
        QVERIFY(q.exec(u"ROLLBACK"_s));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"locker"_s);
    QCOMPARE(run({u"environment"_s, u"show"_s, u"Blocked"_s}).exitCode, 3);
}

QTEST_GUILESS_MAIN(tst_Cuttlectl)
#include "tst_cuttlectl.moc"
