// `cuttlectl project export` / `project import` with the real binary: the definition of a
// project travels between workspaces by name, round-trips byte for byte, never carries a
// secret, and an import that cannot be applied saves nothing.
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

/// A hand-written definition (shop.json next to this file), as someone would review it in a pull request.
QByteArray definition()
{
    QFile file(QFINDTESTDATA("shop.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("shop.json is missing");
    return file.readAll();
}

} // namespace

class tst_ProjectDefinition final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString workspace(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        for (const QStringList &args : QList<QStringList>{
                 {u"workspace"_s, u"init"_s},
                 {u"environment"_s, u"create"_s, u"Development"_s},
                 {u"environment"_s, u"create"_s, u"Production"_s},
                 {u"lifecycle"_s, u"create"_s, u"Standard"_s},
                 {u"lifecycle"_s, u"create"_s, u"Fast"_s},
                 {u"project-group"_s, u"create"_s, u"Web"_s},
                 {u"library-set"_s, u"create"_s, u"Common"_s}}) {
            const CuttlectlRun r = runCuttlectl(path, args);
            if (r.exitCode != 0)
                qFatal("%s: %s", qPrintable(args.join(u' ')), r.err.constData());
        }
        return path;
    }
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void roundTripBetweenWorkspaces()
    {
        const QString first = workspace(u"first"_s);
        CuttlectlRun imported = runCuttlectl(first, {u"project"_s, u"import"_s, write(u"shop-import.json"_s, definition())});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(imported.out.contains("Created the project \"Shop\""));
        QVERIFY2(imported.err.contains("The sensitive variable Password was not imported"), imported.err.constData());

        const CuttlectlRun exported = runCuttlectl(first, {u"project"_s, u"export"_s, u"Shop"_s});
        QCOMPARE(exported.exitCode, 0);
        const QJsonObject json = exported.json().object();
        QCOMPARE(json.value(u"releaseVersionTemplate"_s).toString(), u"1.0.#{Octopus.Version.NextPatch}"_s);
        QCOMPARE(json.value(u"channels"_s).toArray().size(), 2);
        const QJsonObject smoke = json.value(u"process"_s).toObject().value(u"steps"_s).toArray().at(1).toObject();
        const QJsonObject action = smoke.value(u"actions"_s).toArray().at(0).toObject();
        QCOMPARE(action.value(u"environments"_s).toArray().at(0).toString(), u"Production"_s);
        QCOMPARE(action.value(u"channels"_s).toArray().at(0).toString(), u"Hotfix"_s);
        QVERIFY(!exported.out.contains("Environments-"));
        QVERIFY(!exported.out.contains("Channels-"));
        QVERIFY(!exported.out.contains("Steps-"));

        const QString second = workspace(u"second"_s);
        // Different ids in the second workspace: an extra environment created first.
        QCOMPARE(runCuttlectl(second, {u"environment"_s, u"create"_s, u"Sandbox"_s}).exitCode, 0);
        imported = runCuttlectl(second, {u"project"_s, u"import"_s, write(u"exported.json"_s, exported.out)});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const CuttlectlRun again = runCuttlectl(second, {u"project"_s, u"export"_s, u"Shop"_s});
        QCOMPARE(again.out, exported.out);

        // Importing the same file again changes nothing.
        QCOMPARE(runCuttlectl(second, {u"project"_s, u"import"_s, m_dir.filePath(u"exported.json"_s)}).exitCode, 0);
        QCOMPARE(runCuttlectl(second, {u"project"_s, u"export"_s, u"Shop"_s}).out, exported.out);
    }

    void importThatCannotApplySavesNothing()
    {
        const QString ws = workspace(u"partial"_s);
        QByteArray broken = definition();
        broken.replace("\"environments\": [\"Production\"]", "\"environments\": [\"Staging\"]");
        const CuttlectlRun refused = runCuttlectl(ws, {u"project"_s, u"import"_s, write(u"broken.json"_s, broken)});
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(),
                 QByteArray("cuttlectl: The process names the environment \"Staging\", which does not exist here."));
        const CuttlectlRun listed = runCuttlectl(ws, {u"--json"_s, u"project"_s, u"list"_s});
        QCOMPARE(listed.json().array().size(), 0);

        QCOMPARE(runCuttlectl(ws, {u"project"_s, u"import"_s, write(u"notjson.json"_s, "{\"name\": ")}).exitCode, 4);
        QCOMPARE(runCuttlectl(ws, {u"project"_s, u"import"_s, write(u"other.json"_s, "{\"name\": \"x\"}")}).exitCode, 4);
    }

    void sensitiveValuesAreKeptAcrossImports()
    {
        const QString ws = workspace(u"secrets"_s);
        QCOMPARE(runCuttlectl(ws, {u"project"_s, u"import"_s, write(u"s.json"_s, definition())}).exitCode, 0);
        CuttlectlRun set = runCuttlectl(ws, {u"variable"_s, u"set"_s, u"--project"_s, u"Shop"_s, u"Password"_s,
                                            u"--sensitive"_s, u"--value-stdin"_s}, "hunter2-secret\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const CuttlectlRun exported = runCuttlectl(ws, {u"project"_s, u"export"_s, u"Shop"_s});
        QVERIFY(!exported.out.contains("hunter2"));
        const CuttlectlRun again = runCuttlectl(ws, {u"project"_s, u"import"_s, write(u"s2.json"_s, exported.out)});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(!again.err.contains("was not imported"), again.err.constData());
        QVERIFY(runCuttlectl(ws, {u"project"_s, u"export"_s, u"Shop"_s}).out.contains("\"Password\""));
    }
};

QTEST_GUILESS_MAIN(tst_ProjectDefinition)
#include "tst_projectdefinition.moc"
