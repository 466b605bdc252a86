// `cuttlectl library-set ...`, `cuttlectl variable ... --library-set` and
// `cuttlectl variables explain --project` on a real workspace and a real Secret Service.
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

QStringList namesOf(const QJsonArray &array, const QString &key = u"name"_s)
{
    QStringList names;
    for (const QJsonValue &v : array)
        names << (v.isString() ? v.toString() : v.toObject().value(key).toString());
    return names;
}

} // namespace

class tst_CuttlectlLibrarySets final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createListRenameDelete();
    void includeExcludeAndRefusedDelete();
    void variablesOfALibrarySet();
    void promptAndDescriptionOptions();
    void explainUsesProjectAndLibrarySets();
    void deletingASetDeletesItsSecrets();
    void errors_data();
    void errors();
    void demoWorkspaceHasVariables();

private:
    CuttlectlRun run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return runCuttlectl(m_workspace, arguments, input);
    }
    CuttlectlRun ok(const QStringList &arguments, const QByteArray &input = {}) const
    {
        auto r = run(arguments, input);
        if (r.exitCode != 0)
            qWarning("cuttlectl %s: %s", qPrintable(arguments.join(u' ')), r.err.constData());
        return r;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void tst_CuttlectlLibrarySets::init()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "keyring",
             "run this test through tests/support/with-secret-service.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"ws"_s);
    for (const QStringList &args : {QStringList{u"workspace"_s, u"init"_s}, {u"project-group"_s, u"create"_s, u"Apps"_s},
                                    {u"lifecycle"_s, u"create"_s, u"Default"_s},
                                    {u"project"_s, u"create"_s, u"Web"_s, u"--group"_s, u"Apps"_s, u"--lifecycle"_s, u"Default"_s},
                                    {u"project"_s, u"create"_s, u"Api"_s, u"--group"_s, u"Apps"_s, u"--lifecycle"_s, u"Default"_s}}) {
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void tst_CuttlectlLibrarySets::createListRenameDelete()
{
    const auto created = ok({u"--json"_s, u"library-set"_s, u"create"_s, u"Common"_s, u"--description"_s, u"Shared values"_s});
    QCOMPARE(created.exitCode, 0);
    const QJsonObject set = created.json().object();
    QVERIFY(set.value("id"_L1).toString().startsWith(u"LibraryVariableSets-"_s));
    QCOMPARE(set.value("description"_L1).toString(), u"Shared values"_s);
    QCOMPARE(set.value("variableCount"_L1).toInt(), 0);
    QCOMPARE(set.value("includedBy"_L1).toArray(), QJsonArray());

    // Names are unique per space in any case; a set may be named like a project.
    QCOMPARE(run({u"library-set"_s, u"create"_s, u"COMMON"_s}).exitCode, 4);
    QCOMPARE(ok({u"library-set"_s, u"create"_s, u"Web"_s}).exitCode, 0);
    QCOMPARE(namesOf(run({u"--json"_s, u"library-set"_s, u"list"_s}).json().array()), (QStringList{u"Common"_s, u"Web"_s}));

    QCOMPARE(ok({u"library-set"_s, u"rename"_s, u"common"_s, u"Shared"_s}).exitCode, 0);
    const QJsonObject shown = run({u"--json"_s, u"library-set"_s, u"show"_s, u"Shared"_s}).json().object();
    QCOMPARE(shown.value("id"_L1), set.value("id"_L1));
    QCOMPARE(shown.value("description"_L1).toString(), u"Shared values"_s);
    QCOMPARE(run({u"library-set"_s, u"rename"_s, u"Shared"_s, u"Web"_s}).exitCode, 4);
    QCOMPARE(run({u"library-set"_s, u"show"_s, u"Common"_s}).exitCode, 3);

    QCOMPARE(ok({u"library-set"_s, u"delete"_s, u"Shared"_s}).exitCode, 0);
    QCOMPARE(namesOf(run({u"--json"_s, u"library-set"_s, u"list"_s}).json().array()), QStringList{u"Web"_s});
    QVERIFY(run({u"--json"_s, u"audit"_s, u"list"_s}).out.contains("LibraryVariableSet"));
}

void tst_CuttlectlLibrarySets::includeExcludeAndRefusedDelete()
{
    for (const QString &name : {u"Common"_s, u"Mail"_s, u"Azure"_s})
        QCOMPARE(ok({u"library-set"_s, u"create"_s, name}).exitCode, 0);
    QCOMPARE(ok({u"library-set"_s, u"include"_s, u"Mail"_s, u"--project"_s, u"Web"_s}).exitCode, 0);
    const auto second = ok({u"--json"_s, u"library-set"_s, u"include"_s, u"Common"_s, u"--project"_s, u"Web"_s});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(namesOf(second.json().object().value("librarySets"_L1).toArray()), (QStringList{u"Mail"_s, u"Common"_s}));
    // Including twice changes nothing.
    const auto again = ok({u"--json"_s, u"library-set"_s, u"include"_s, u"Mail"_s, u"--project"_s, u"Web"_s});
    QCOMPARE(namesOf(again.json().object().value("librarySets"_L1).toArray()), (QStringList{u"Mail"_s, u"Common"_s}));
    QCOMPARE(ok({u"library-set"_s, u"include"_s, u"Common"_s, u"--project"_s, u"Api"_s}).exitCode, 0);

    const auto refused = run({u"library-set"_s, u"delete"_s, u"Common"_s});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains("\"Web\"") && refused.err.contains("\"Api\""), refused.err.constData());
    QCOMPARE(namesOf(run({u"--json"_s, u"library-set"_s, u"show"_s, u"Common"_s}).json().object().value("includedBy"_L1).toArray()),
             (QStringList{u"Api"_s, u"Web"_s}));

    const auto excluded = ok({u"--json"_s, u"library-set"_s, u"exclude"_s, u"Mail"_s, u"--project"_s, u"Web"_s});
    QCOMPARE(namesOf(excluded.json().object().value("librarySets"_L1).toArray()), QStringList{u"Common"_s});
    QCOMPARE(ok({u"library-set"_s, u"exclude"_s, u"Common"_s, u"--project"_s, u"Web"_s}).exitCode, 0);
    QCOMPARE(ok({u"library-set"_s, u"exclude"_s, u"Common"_s, u"--project"_s, u"Api"_s}).exitCode, 0);
    QCOMPARE(ok({u"library-set"_s, u"delete"_s, u"Common"_s}).exitCode, 0);
}

void tst_CuttlectlLibrarySets::variablesOfALibrarySet()
{
    QCOMPARE(ok({u"library-set"_s, u"create"_s, u"Common"_s}).exitCode, 0);
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--library-set"_s, u"Common"_s, u"Smtp.Host"_s, u"--value"_s, u"mail"_s}).exitCode, 0);
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--library-set"_s, u"Common"_s, u"Smtp.Host"_s, u"--value"_s, u"mail.prod"_s,
                 u"--scope"_s, u"environment=Production"_s}).exitCode, 0);
    const QJsonArray listed = run({u"--json"_s, u"variable"_s, u"list"_s, u"--library-set"_s, u"Common"_s}).json().array();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(1).toObject().value("value"_L1).toString(), u"mail.prod"_s);
    // The project's own list does not show the set's values.
    QCOMPARE(run({u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s}).json().array().size(), 0);
    // Library sets cannot be scoped to steps or channels.
    QCOMPARE(run({u"variable"_s, u"set"_s, u"--library-set"_s, u"Common"_s, u"X"_s, u"--value"_s, u"1"_s, u"--scope"_s,
                  u"step=Deploy"_s}).exitCode, 4);
    QCOMPARE(ok({u"variable"_s, u"delete"_s, u"--library-set"_s, u"Common"_s, u"Smtp.Host"_s}).exitCode, 0);
    QCOMPARE(run({u"--json"_s, u"variable"_s, u"list"_s, u"--library-set"_s, u"Common"_s}).json().array().size(), 1);
}

void tst_CuttlectlLibrarySets::promptAndDescriptionOptions()
{
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Approver"_s, u"--value"_s, u"nobody"_s, u"--description"_s,
                 u"Who signs off"_s, u"--prompt"_s, u"Approver name"_s, u"--prompt-required"_s, u"--prompt-control"_s,
                 u"multi-line"_s, u"--prompt-description"_s, u"Asked at deployment"_s}).exitCode, 0);
    const QJsonObject value = run({u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s}).json().array().at(0).toObject();
    QCOMPARE(value.value("description"_L1).toString(), u"Who signs off"_s);
    const QJsonObject prompt = value.value("prompt"_L1).toObject();
    QCOMPARE(prompt, (QJsonObject{{"label"_L1, u"Approver name"_s}, {"description"_L1, u"Asked at deployment"_s},
                                  {"required"_L1, true}, {"control"_L1, u"MultiLineText"_s}}));
    // The JSON spelling of a control is accepted as the option too.
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Approver"_s, u"--value"_s, u"x"_s, u"--prompt"_s, u"A"_s,
                 u"--prompt-control"_s, u"Checkbox"_s}).exitCode, 0);
    QCOMPARE(run({u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s}).json().array().at(0).toObject()
                 .value("prompt"_L1).toObject().value("control"_L1).toString(),
             u"Checkbox"_s);
    // Setting again without --prompt makes it a plain variable.
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Approver"_s, u"--value"_s, u"x"_s}).exitCode, 0);
    QVERIFY(run({u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s}).json().array().at(0).toObject()
                .value("prompt"_L1).isNull());
    const auto table = run({u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s});
    QVERIFY(table.out.contains("Prompt"));
}

void tst_CuttlectlLibrarySets::explainUsesProjectAndLibrarySets()
{
    const QByteArray secret = "lib-secret-77aa31-never-shown";
    QCOMPARE(ok({u"library-set"_s, u"create"_s, u"Common"_s}).exitCode, 0);
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--library-set"_s, u"Common"_s, u"Db.Password"_s, u"--sensitive"_s, u"--value-stdin"_s},
                secret).exitCode, 0);
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--library-set"_s, u"Common"_s, u"Url"_s, u"--value"_s, u"https://common"_s}).exitCode, 0);
    QCOMPARE(ok({u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"Url"_s, u"--value"_s, u"https://web"_s, u"--scope"_s,
                 u"environment=Production"_s}).exitCode, 0);
    QCOMPARE(ok({u"library-set"_s, u"include"_s, u"Common"_s, u"--project"_s, u"Web"_s}).exitCode, 0);

    const auto text = ok({u"variables"_s, u"explain"_s, u"Url"_s, u"--project"_s, u"Web"_s, u"--context"_s, u"environment=Production"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("https://web") && text.out.contains("from Common"), text.out.constData());
    const QJsonObject json = run({u"--json"_s, u"variables"_s, u"explain"_s, u"Url"_s, u"--project"_s, u"Web"_s, u"--context"_s,
                                  u"environment=Test"_s}).json().object();
    QCOMPARE(json.value("value"_L1).toString(), u"https://common"_s);
    const QJsonArray candidates = json.value("candidates"_L1).toArray();
    QCOMPARE(candidates.size(), 2);
    QCOMPARE(candidates.at(0).toObject().value("source"_L1).toString(), u"Web"_s);
    QCOMPARE(candidates.at(1).toObject().value("source"_L1).toString(), u"Common"_s);
    QCOMPARE(candidates.at(1).toObject().value("fromLibrarySet"_L1).toBool(), true);

    const auto masked = ok({u"--json"_s, u"variables"_s, u"explain"_s, u"Db.Password"_s, u"--project"_s, u"Web"_s});
    QCOMPARE(masked.exitCode, 0);
    QVERIFY(!masked.out.contains(secret));
    QCOMPARE(masked.json().object().value("value"_L1).toString(), u"********"_s);
    const auto maskedText = ok({u"variables"_s, u"explain"_s, u"Db.Password"_s, u"--project"_s, u"Web"_s});
    QVERIFY(maskedText.out.contains("********"));
    QVERIFY(!maskedText.out.contains(secret));
    QVERIFY(!everythingIn(m_workspace).contains(secret));

    QCOMPARE(run({u"variables"_s, u"explain"_s, u"Url"_s, u"--project"_s, u"Nope"_s}).exitCode, 3);
}

void tst_CuttlectlLibrarySets::deletingASetDeletesItsSecrets()
{
    QCOMPARE(ok({u"library-set"_s, u"create"_s, u"Common"_s}).exitCode, 0);
    const auto set = ok({u"--json"_s, u"variable"_s, u"set"_s, u"--library-set"_s, u"Common"_s, u"Token"_s, u"--sensitive"_s,
                         u"--value-stdin"_s},
                        "token-secret-1");
    QCOMPARE(set.exitCode, 0);
    const QString workspaceId = run({u"--json"_s, u"workspace"_s, u"info"_s}).json().object().value("id"_L1).toString();
    const QString key = SecretKey(workspaceId, set.json().object().value("id"_L1).toString(), u"value"_s).toString();
    KeychainSecretStore keychain;
    QVERIFY(keychain.read(key).ok());
    QCOMPARE(ok({u"library-set"_s, u"delete"_s, u"Common"_s}).exitCode, 0);
    QVERIFY(!keychain.read(key).ok());
}

void tst_CuttlectlLibrarySets::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("both owners") << QStringList{u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s, u"--library-set"_s, u"X"_s} << 2;
    QTest::newRow("unknown set") << QStringList{u"variable"_s, u"list"_s, u"--library-set"_s, u"Nope"_s} << 3;
    QTest::newRow("prompt-required without prompt")
        << QStringList{u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"P"_s, u"--value"_s, u"x"_s, u"--prompt-required"_s} << 2;
    QTest::newRow("unknown prompt control")
        << QStringList{u"variable"_s, u"set"_s, u"--project"_s, u"Web"_s, u"P"_s, u"--value"_s, u"x"_s, u"--prompt"_s, u"L"_s,
                       u"--prompt-control"_s, u"dropdown"_s} << 2;
    QTest::newRow("include without project") << QStringList{u"library-set"_s, u"include"_s, u"Nope"_s} << 2;
    QTest::newRow("include unknown set") << QStringList{u"library-set"_s, u"include"_s, u"Nope"_s, u"--project"_s, u"Web"_s} << 3;
    QTest::newRow("delete unknown set") << QStringList{u"library-set"_s, u"delete"_s, u"Nope"_s} << 3;
    QTest::newRow("explain with file and project")
        << QStringList{u"variables"_s, u"explain"_s, u"X"_s, u"--project"_s, u"Web"_s, u"--variables"_s, u"x.json"_s} << 2;
}

void tst_CuttlectlLibrarySets::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const auto r = run(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.startsWith("cuttlectl: "), r.err.constData());
    QCOMPARE(run({u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Web"_s}).json().array().size(), 0);
}

void tst_CuttlectlLibrarySets::demoWorkspaceHasVariables()
{
    const QString demo = m_dir->filePath(u"demo"_s);
    const auto init = runCuttlectl(demo, {u"workspace"_s, u"init"_s, u"--demo"_s});
    QVERIFY2(init.exitCode == 0, init.err.constData());
    const QJsonArray sets = runCuttlectl(demo, {u"--json"_s, u"library-set"_s, u"list"_s}).json().array();
    QCOMPARE(namesOf(sets), QStringList{u"Common"_s});
    QCOMPARE(namesOf(sets.at(0).toObject().value("includedBy"_L1).toArray()), (QStringList{u"Order API"_s, u"Storefront"_s}));
    const QJsonArray storefront = runCuttlectl(demo, {u"--json"_s, u"variable"_s, u"list"_s, u"--project"_s, u"Storefront"_s}).json().array();
    QVERIFY(storefront.size() >= 3);
    const QJsonObject production = runCuttlectl(demo, {u"--json"_s, u"variables"_s, u"explain"_s, u"Site.Url"_s, u"--project"_s,
                                                       u"Storefront"_s, u"--context"_s, u"environment=Production"_s})
                                       .json()
                                       .object();
    QCOMPARE(production.value("value"_L1).toString(), u"https://shop.example.com"_s);
    const QJsonObject smtp = runCuttlectl(demo, {u"--json"_s, u"variables"_s, u"explain"_s, u"Smtp.Host"_s, u"--project"_s,
                                                 u"Storefront"_s, u"--context"_s, u"environment=Test"_s})
                                 .json()
                                 .object();
    QCOMPARE(smtp.value("value"_L1).toString(), u"smtp.dev.internal"_s);
}

QTEST_GUILESS_MAIN(tst_CuttlectlLibrarySets)
#include "tst_cuttlectllibrarysets.moc"
