// `cuttlectl process ...` and `cuttlectl release ...` against the real binary on a fresh
// workspace: the steps a build server adds, and releases created within channel rules.
#include "archivebuilder.h"
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class tst_CuttlectlReleases final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;

    CuttlectlRun run(const QStringList &arguments, const QByteArray &input = {})
    {
        return runCuttlectl(m_workspace, arguments, input);
    }
    void ok(const QStringList &arguments)
    {
        const CuttlectlRun r = run(arguments);
        QVERIFY2(r.exitCode == 0, qPrintable(arguments.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
    }
    void push(const QString &version)
    {
        const QString path = m_dir.filePath(u"Acme.Web."_s + version + u".tar.gz"_s);
        QVERIFY(writeArchive(path, TestFormat::TarGz, {TestEntry::file("index.html", version.toUtf8())}));
        ok({u"package"_s, u"push"_s, path});
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(u"ws-"_s + QString::fromLatin1(QTest::currentTestFunction()));
        ok({u"workspace"_s, u"init"_s});
        ok({u"environment"_s, u"create"_s, u"Development"_s});
        ok({u"environment"_s, u"create"_s, u"Production"_s});
        ok({u"lifecycle"_s, u"create"_s, u"Standard"_s});
        ok({u"project-group"_s, u"create"_s, u"Web"_s});
        ok({u"project"_s, u"create"_s, u"Shop"_s, u"--group"_s, u"Web"_s, u"--lifecycle"_s, u"Standard"_s});
    }

    void stepsAreAddedListedAndRemoved()
    {
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Deploy"_s, u"--type"_s,
            u"deploy-package"_s, u"--package"_s, u"Acme.Web"_s, u"--target-tag"_s, u"web"_s});
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Check"_s, u"--script"_s,
            u"curl -sf localhost"_s, u"--target-tag"_s, u"web"_s, u"--first"_s, u"--environment"_s, u"Production"_s});
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Approve"_s, u"--type"_s, u"manual"_s,
            u"--instructions"_s, u"Look at the shop."_s, u"--after"_s, u"Check"_s});

        CuttlectlRun listed = run({u"--json"_s, u"process"_s, u"list"_s, u"--project"_s, u"Shop"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray steps = listed.json().array();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).toObject().value(u"name"_s).toString(), u"Check"_s);
        QCOMPARE(steps.at(0).toObject().value(u"environments"_s).toString(), u"Production"_s);
        QCOMPARE(steps.at(1).toObject().value(u"name"_s).toString(), u"Approve"_s);
        QCOMPARE(steps.at(2).toObject().value(u"actions"_s).toArray().at(0).toObject().value(u"type"_s).toString(),
                 u"Octopus.TentaclePackage"_s);

        CuttlectlRun refused = run({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Empty"_s,
                                    u"--target-tag"_s, u"web"_s});
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(), QByteArray("cuttlectl: The step \"Empty\" has no script to run."));
        refused = run({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"check"_s, u"--script"_s,
                       u"true"_s, u"--on-workstation"_s});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY(refused.err.contains("Two steps are named"));

        ok({u"process"_s, u"remove-step"_s, u"--project"_s, u"Shop"_s, u"approve"_s});
        QCOMPARE(run({u"--json"_s, u"process"_s, u"list"_s, u"--project"_s, u"Shop"_s}).json().array().size(), 2);
        QCOMPARE(run({u"process"_s, u"remove-step"_s, u"--project"_s, u"Shop"_s, u"Approve"_s}).exitCode, 3);
    }

    void releasesFollowTheTemplateAndTheChannelRules()
    {
        for (const QString &version : {u"1.0.0"_s, u"2.0.0"_s, u"2.1.0-hotfix.1"_s})
            push(version);
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Deploy"_s, u"--type"_s,
            u"deploy-package"_s, u"--package"_s, u"Acme.Web"_s, u"--target-tag"_s, u"web"_s});

        const QString notes = m_dir.filePath(u"notes.md"_s);
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("* Faster checkout\n");
        file.close();
        CuttlectlRun created = run({u"--json"_s, u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--notes-file"_s, notes});
        QCOMPARE(created.exitCode, 0);
        QJsonObject release = created.json().object();
        QCOMPARE(release.value(u"version"_s).toString(), u"0.0.1"_s);
        QCOMPARE(release.value(u"channel"_s).toString(), u"Default"_s);
        QCOMPARE(release.value(u"notes"_s).toString(), u"* Faster checkout\n"_s);
        QCOMPARE(release.value(u"packages"_s).toArray().at(0).toObject().value(u"version"_s).toString(), u"2.1.0-hotfix.1"_s);

        created = run({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"0.0.1.0"_s});
        QCOMPARE(created.exitCode, 4);
        QCOMPARE(created.err.trimmed(), QByteArray("cuttlectl: The project already has a release 0.0.1."));

        created = run({u"--json"_s, u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"1.0.0"_s,
                       u"--package"_s, u"Deploy=1.0.0"_s});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.json().object().value(u"packages"_s).toArray().at(0).toObject().value(u"version"_s).toString(),
                 u"1.0.0"_s);

        CuttlectlRun listed = run({u"--json"_s, u"release"_s, u"list"_s, u"--project"_s, u"Shop"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.json().array().size(), 2);
        QCOMPARE(listed.json().array().at(0).toObject().value(u"version"_s).toString(), u"1.0.0"_s);
        QCOMPARE(run({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--channel"_s, u"Nightly"_s}).exitCode, 4);
    }

    void blockAndUnblock()
    {
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Hello"_s, u"--script"_s, u"echo hi"_s,
            u"--on-workstation"_s});
        ok({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"1.0.0"_s});
        CuttlectlRun blocked = run({u"release"_s, u"block"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s});
        QCOMPARE(blocked.exitCode, 4);
        QVERIFY(blocked.err.contains("Say why the release is blocked"));
        ok({u"release"_s, u"block"_s, u"--project"_s, u"Shop"_s, u"1.0"_s, u"--reason"_s, u"Breaks checkout"_s});
        CuttlectlRun shown = run({u"--json"_s, u"release"_s, u"show"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s});
        QVERIFY(shown.json().object().value(u"isBlocked"_s).toBool());
        QCOMPARE(shown.json().object().value(u"blockReason"_s).toString(), u"Breaks checkout"_s);
        ok({u"release"_s, u"unblock"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s});
        shown = run({u"--json"_s, u"release"_s, u"show"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s});
        QVERIFY(!shown.json().object().value(u"isBlocked"_s).toBool());
        QCOMPARE(run({u"release"_s, u"show"_s, u"--project"_s, u"Shop"_s, u"9.9"_s}).exitCode, 3);
    }

    void updateVariablesTakesTheCurrentValues()
    {
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Hello"_s, u"--script"_s, u"echo hi"_s,
            u"--on-workstation"_s});
        ok({u"variable"_s, u"set"_s, u"--project"_s, u"Shop"_s, u"Port"_s, u"--value"_s, u"80"_s});
        ok({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"1.0.0"_s});
        ok({u"variable"_s, u"set"_s, u"--project"_s, u"Shop"_s, u"Colour"_s, u"--value"_s, u"blue"_s});
        auto count = [&]() {
            return run({u"--json"_s, u"release"_s, u"show"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s})
                .json().object().value(u"variableCount"_s).toInt();
        };
        QCOMPARE(count(), 1);
        ok({u"release"_s, u"update-variables"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s});
        QCOMPARE(count(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CuttlectlReleases)
#include "tst_cuttlectlreleases.moc"
