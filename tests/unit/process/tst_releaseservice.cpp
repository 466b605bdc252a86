#include "archivebuilder.h"
#include "model/engine/builtinrepository.h"
#include "model/engine/projectservice.h"
#include "model/engine/releaseservice.h"
#include "model/engine/variableservice.h"
#include "model/secrets/inmemorysecretstore.h"
#include "model/store/channelrepository.h"
#include "model/store/processrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"
#include "projectfixture.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

/// A project whose process deploys Acme.Web, with versions 1.0.0, 2.0.0, 2.1.0-hotfix.1 and
/// 3.0.0-beta pushed, and a "Hotfix" channel limited to [2.0,3.0) with a hotfix tag.
struct ReleaseFixture : Test::ProjectFixture
{
    std::shared_ptr<InMemorySecretStore> secrets = std::make_shared<InMemorySecretStore>();
    QString hotfixChannel;

    ReleaseFixture()
    {
        BuiltinRepository repository(ws.context, ws.workspace->packagesDirectory(), ws.spaceId);
        for (const char *version : {"1.0.0", "2.0.0", "2.1.0-hotfix.1", "3.0.0-beta"}) {
            const QString path = ws.dir.filePath(u"Acme.Web."_s + QLatin1String(version) + u".tar.gz"_s);
            if (!Test::writeArchive(path, Test::TestFormat::TarGz, {Test::TestEntry::file("index.html", "<p>hi</p>")}))
                qFatal("cannot write a test package");
            if (!repository.push(path))
                qFatal("cannot push a test package");
        }
        DeploymentProcess process = *ProcessRepository(ws.context).get(projectId);
        DeploymentStep step;
        step.name = u"Deploy web"_s;
        step.targetTags = {u"web"_s};
        DeploymentAction action;
        action.type = ActionType::DeployPackage;
        action.packages << PackageReference{QString(), u"Acme.Web"_s, true};
        step.actions << action;
        process.steps << step;
        if (!ProcessRepository(ws.context).save(process))
            qFatal("cannot save the process");
        Channel hotfix;
        hotfix.projectId = projectId;
        hotfix.name = u"Hotfix"_s;
        hotfix.rules << ChannelVersionRule{{}, {u"Deploy web"_s}, u"[2.0,3.0)"_s, u"^hotfix"_s};
        hotfixChannel = ChannelRepository(ws.context).create(hotfix)->id;

        VariableValue password;
        password.name = u"Password"_s;
        password.value = u"first secret"_s;
        password.sensitive = true;
        VariableValue port;
        port.name = u"Port"_s;
        port.value = u"80"_s;
        VariableService variables(ws.workspace, secrets, u"tester"_s);
        if (!variables.set(ws.spaceId, VariableOwner::project(projectId), password)
            || !variables.set(ws.spaceId, VariableOwner::project(projectId), port))
            qFatal("cannot set the variables");
    }

    ReleaseService service() { return ReleaseService(ws.workspace, secrets, u"tester"_s); }
};

} // namespace

class TestReleaseService final : public QObject
{
    Q_OBJECT

private slots:
    void defaultChannelTakesTheLatestPackage()
    {
        ReleaseFixture f;
        auto release = f.service().create({f.projectId});
        QVERIFY2(release, release ? "" : qPrintable(release.error().message));
        QCOMPARE(release->version, u"0.0.1"_s);
        QCOMPARE(release->packages.size(), 1);
        QCOMPARE(release->packages.first().version, u"3.0.0-beta"_s);
        QCOMPARE(release->packages.first().actionName, u"Deploy web"_s);
        QVERIFY(!release->ignoredChannelRules);
        QCOMPARE(f.service().nextVersion(f.projectId).valueOr(QString()), u"0.0.2"_s);
    }

    void channelRulesChooseAndRefuse()
    {
        ReleaseFixture f;
        ReleaseService::Request request{f.projectId};
        request.channel = u"hotfix"_s;
        auto release = f.service().create(request);
        QVERIFY2(release, release ? "" : qPrintable(release.error().message));
        QCOMPARE(release->packages.first().version, u"2.1.0-hotfix.1"_s);
        QCOMPARE(release->channelId, f.hotfixChannel);

        request.packageVersions.insert(u"Deploy web"_s, u"1.0.0"_s);
        auto refused = f.service().create(request);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"breaks the channel \"Hotfix\" rule: version range [2.0,3.0) and "
                                                  "pre-release tag ^hotfix"_s),
                 qPrintable(refused.error().message));

        request.ignoreChannelRules = true;
        request.version = u"5.0.0"_s;
        auto overridden = f.service().create(request);
        QVERIFY(overridden);
        QVERIFY(overridden->ignoredChannelRules);
        QCOMPARE(overridden->packages.first().version, u"1.0.0"_s);

        request.packageVersions.insert(u"Deploy web"_s, u"9.9.9"_s);
        request.version = u"5.0.1"_s;
        refused = f.service().create(request);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"is not in the built-in repository"_s));
    }

    void noVersionSatisfiesTheRule()
    {
        ReleaseFixture f;
        Channel hotfix = *ChannelRepository(f.ws.context).get(f.hotfixChannel);
        hotfix.rules[0].tagRegex = u"^rc"_s;
        QVERIFY(ChannelRepository(f.ws.context).update(hotfix));
        ReleaseService::Request request{f.projectId};
        request.channel = u"Hotfix"_s;
        auto refused = f.service().create(request);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(u"No version of the package Acme.Web (step \"Deploy web\")"_s),
                 qPrintable(refused.error().message));
        QVERIFY(ReleaseRepository(f.ws.context).list(f.projectId)->isEmpty());
    }

    void snapshotIsImmutableUntilUpdated()
    {
        ReleaseFixture f;
        auto release = f.service().create({f.projectId});
        QVERIFY(release);

        // Later edits of the project: a new secret, another port, one more step.
        VariableService variables(f.ws.workspace, f.secrets, u"tester"_s);
        VariableValue password;
        password.name = u"Password"_s;
        password.value = u"second secret"_s;
        password.sensitive = true;
        QVERIFY(variables.set(f.ws.spaceId, VariableOwner::project(f.projectId), password));
        VariableValue port;
        port.name = u"Port"_s;
        port.value = u"8080"_s;
        QVERIFY(variables.set(f.ws.spaceId, VariableOwner::project(f.projectId), port));
        DeploymentProcess process = *ProcessRepository(f.ws.context).get(f.projectId);
        process.steps.first().targetTags << u"api"_s;
        QVERIFY(ProcessRepository(f.ws.context).save(process));

        const Release stored = *ReleaseRepository(f.ws.context).get(release->id);
        QCOMPARE(stored.process.steps.first().targetTags, QStringList{u"web"_s});
        auto snapshot = f.service().snapshotVariables(stored);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->at(0).value, u"first secret"_s);
        QCOMPARE(snapshot->at(1).value, u"80"_s);

        auto updated = f.service().updateVariables(release->id);
        QVERIFY(updated);
        snapshot = f.service().snapshotVariables(*ReleaseRepository(f.ws.context).get(release->id));
        QVERIFY(snapshot);
        QCOMPARE(snapshot->at(0).value, u"second secret"_s);
        QCOMPARE(snapshot->at(1).value, u"8080"_s);
        QCOMPARE(ReleaseRepository(f.ws.context).get(release->id)->process.steps.first().targetTags, QStringList{u"web"_s});
    }

    void templateUsesProjectVariablesAndMasks()
    {
        ReleaseFixture f;
        Project project = *ProjectRepository(f.ws.context).get(f.projectId);
        project.releaseVersionTemplate = u"#{Major}.c.i"_s;
        QVERIFY(ProjectRepository(f.ws.context).update(project));
        VariableValue major;
        major.name = u"Major"_s;
        major.value = u"4"_s;
        QVERIFY(VariableService(f.ws.workspace, f.secrets, u"tester"_s).set(f.ws.spaceId, VariableOwner::project(f.projectId), major));
        QCOMPARE(f.service().create({f.projectId})->version, u"4.0.0"_s);
        QCOMPARE(f.service().create({f.projectId})->version, u"4.0.1"_s);
    }

    void deletingTheProjectRemovesItsSecrets()
    {
        ReleaseFixture f;
        QVERIFY(f.service().create({f.projectId}));
        QVERIFY(!f.secrets->keys().isEmpty());
        QVERIFY(ProjectService(f.ws.workspace, f.secrets, u"tester"_s).remove(f.projectId));
        QVERIFY2(f.secrets->keys().isEmpty(), qPrintable(f.secrets->keys().join(u", "_s)));
        QVERIFY(!ProjectRepository(f.ws.context).get(f.projectId));
    }

    void keychainFailureCreatesNothing()
    {
        ReleaseFixture f;
        f.secrets->failWith(Error::failed(u"The keychain is locked."_s));
        auto refused = f.service().create({f.projectId});
        QVERIFY(!refused);
        f.secrets->clearFailure();
        QVERIFY(ReleaseRepository(f.ws.context).list(f.projectId)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReleaseService)
#include "tst_releaseservice.moc"
