// `cuttlectl deploy` against the real binary on a fresh workspace: previews of the plan,
// the lifecycle gate, tenants, and the deployments and tasks it queues.
#include "archivebuilder.h"
#include "model/store/deploymentrepository.h"
#include "model/store/taskrepository.h"
#include "model/store/workspace.h"
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class tst_CuttlectlDeploy final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;

    CuttlectlRun run(const QStringList &arguments)
    {
        return runCuttlectl(m_workspace, arguments);
    }
    void ok(const QStringList &arguments)
    {
        const CuttlectlRun r = run(arguments);
        QVERIFY2(r.exitCode == 0, qPrintable(arguments.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
    }
    QStringList deployArgs(const QString &environment, const QStringList &more = {})
    {
        return QStringList{u"deploy"_s, u"--project"_s, u"Shop"_s, u"--release"_s, u"1.0.0"_s, u"--environment"_s, environment}
            + more;
    }
    int taskCount()
    {
        return int(run({u"--json"_s, u"task"_s, u"list"_s}).json().array().size());
    }
    /// What the executor will do when the task's deployment succeeds.
    void succeed(const QString &taskId)
    {
        auto workspace = Workspace::open(m_workspace, Workspace::OpenMode::OpenExisting);
        QVERIFY(workspace);
        QVERIFY(TaskRepository((*workspace)->context()).complete(taskId, TaskState::Success));
    }
    Deployment deploymentOf(const QString &taskId)
    {
        auto workspace = Workspace::open(m_workspace, Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return {};
        return DeploymentRepository((*workspace)->context()).byTask(taskId).valueOr({});
    }
    void target(const QString &name, const QString &environment, const QString &tag, const QStringList &more = {})
    {
        const QString directory = m_dir.filePath(u"targets/"_s + name);
        QVERIFY(QDir().mkpath(directory));
        ok(QStringList{u"target"_s, u"create"_s, name, u"--kind"_s, u"local"_s, u"--directory"_s, directory,
                       u"--environment"_s, environment, u"--tag"_s, tag}
           + more);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(u"ws-"_s + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
                                     + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        ok({u"workspace"_s, u"init"_s});
        for (const QString &environment : {u"Development"_s, u"Test"_s, u"Production"_s})
            ok({u"environment"_s, u"create"_s, environment});
        ok({u"lifecycle"_s, u"create"_s, u"Standard"_s});
        ok({u"lifecycle"_s, u"add-phase"_s, u"Standard"_s, u"Development"_s, u"--optional"_s, u"Development"_s});
        ok({u"lifecycle"_s, u"add-phase"_s, u"Standard"_s, u"Testing"_s, u"--optional"_s, u"Test"_s});
        ok({u"lifecycle"_s, u"add-phase"_s, u"Standard"_s, u"Production"_s, u"--optional"_s, u"Production"_s});
        ok({u"project-group"_s, u"create"_s, u"Web"_s});
        ok({u"project"_s, u"create"_s, u"Shop"_s, u"--group"_s, u"Web"_s, u"--lifecycle"_s, u"Standard"_s});
        target(u"web01"_s, u"Development"_s, u"web"_s);
        target(u"web02"_s, u"Development"_s, u"web"_s, {u"--disabled"_s});
        target(u"db01"_s, u"Development"_s, u"db"_s);
        target(u"web03"_s, u"Test"_s, u"web"_s);
        target(u"db03"_s, u"Test"_s, u"db"_s);
        target(u"web04"_s, u"Production"_s, u"web"_s);
        target(u"db04"_s, u"Production"_s, u"db"_s);
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Migrate"_s, u"--script"_s,
            u"echo migrate"_s, u"--target-tag"_s, u"db"_s, u"--required"_s});
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Deploy web"_s, u"--script"_s,
            u"echo deploy"_s, u"--target-tag"_s, u"web"_s, u"--max-parallelism"_s, u"#{Parallel}"_s});
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Smoke"_s, u"--script"_s,
            u"echo smoke"_s, u"--target-tag"_s, u"web"_s, u"--environment"_s, u"Production"_s});
        ok({u"variable"_s, u"set"_s, u"--project"_s, u"Shop"_s, u"Parallel"_s, u"--value"_s, u"2"_s});
        ok({u"variable"_s, u"set"_s, u"--project"_s, u"Shop"_s, u"Approver"_s, u"--value"_s, u""_s, u"--prompt"_s,
            u"Approver name"_s});
        ok({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"1.0.0"_s});
    }

    void previewPrintsThePlanAndChangesNothing()
    {
        CuttlectlRun preview = run(deployArgs(u"Development"_s, {u"--preview"_s}));
        QCOMPARE(preview.exitCode, 0);
        QCOMPARE(QString::fromUtf8(preview.out),
                 u"Deploy Shop release 1.0.0 to Development\n"
                 "Channel: Default\n"
                 "Guided failure: off\n"
                 "Step 1: Migrate\n"
                 "  Runs on: db01 (at most 10 at once)\n"
                 "Step 2: Deploy web\n"
                 "  Runs on: web01 (at most 2 at once)\n"
                 "  Left out: web02 (disabled)\n"
                 "Step 3: Smoke - skipped: runs only in Production\n"_s);

        preview = run(deployArgs(u"Development"_s, {u"--preview"_s, u"--json"_s, u"--exclude-target"_s, u"web01"_s,
                                                   u"--target"_s, u"db01"_s, u"--guided-failure"_s, u"on"_s}));
        QCOMPARE(preview.exitCode, 0);
        const QJsonArray plans = preview.json().array();
        QCOMPARE(plans.size(), 1);
        const QJsonObject plan = plans.at(0).toObject();
        QCOMPARE(plan.value(u"environment"_s).toString(), u"Development"_s);
        QVERIFY(plan.value(u"useGuidedFailure"_s).toBool());
        const QJsonArray steps = plan.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).toObject().value(u"targets"_s).toArray(), QJsonArray{u"db01"_s});
        const QJsonObject web = steps.at(1).toObject();
        QVERIFY(web.value(u"skipped"_s).toBool());
        QCOMPARE(web.value(u"skipReason"_s).toString(), u"NoTargets"_s);
        QCOMPARE(web.value(u"skipMessage"_s).toString(), u"none of the chosen targets has the target tag web"_s);
        QCOMPARE(steps.at(2).toObject().value(u"skipReason"_s).toString(), u"EnvironmentFilter"_s);

        QCOMPARE(taskCount(), 0);
    }

    void previewShowsThePackageVersionsOfTheRelease()
    {
        for (const QString &version : {u"1.0.0"_s, u"2.0.0"_s}) {
            const QString path = m_dir.filePath(u"Acme.Web."_s + version + u".tar.gz"_s);
            QVERIFY(writeArchive(path, TestFormat::TarGz, {TestEntry::file("index.html", version.toUtf8())}));
            ok({u"package"_s, u"push"_s, path});
        }
        ok({u"process"_s, u"add-step"_s, u"--project"_s, u"Shop"_s, u"--name"_s, u"Web package"_s, u"--type"_s,
            u"deploy-package"_s, u"--package"_s, u"Acme.Web"_s, u"--target-tag"_s, u"web"_s, u"--window"_s, u"1"_s});
        ok({u"release"_s, u"create"_s, u"--project"_s, u"Shop"_s, u"--version"_s, u"1.1.0"_s, u"--package"_s,
            u"Web package=1.0.0"_s});
        const CuttlectlRun preview = run({u"deploy"_s, u"--project"_s, u"Shop"_s, u"--release"_s, u"1.1.0"_s,
                                          u"--environment"_s, u"Development"_s, u"--preview"_s});
        QCOMPARE(preview.exitCode, 0);
        QVERIFY2(preview.out.endsWith("Step 4: Web package\n"
                                      "  Runs on: web01 (rolling, 1 at a time)\n"
                                      "  Left out: web02 (disabled)\n"
                                      "  Packages: Acme.Web 1.0.0\n"),
                 preview.out);
    }

    void theLifecycleDecidesWhereAReleaseMayGo()
    {
        CuttlectlRun refused = run(deployArgs(u"Production"_s));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(),
                 QByteArray("cuttlectl: Release 1.0.0 of Shop cannot be deployed to Production yet: the phase \"Development\" "
                            "must be complete first (0 of 1 environments deployed)."));
        QCOMPARE(run(deployArgs(u"Test"_s, {u"--preview"_s})).exitCode, 4);

        CuttlectlRun queued = run(deployArgs(u"Development"_s));
        QCOMPARE(queued.exitCode, 0);
        const QString taskId = QString::fromUtf8(queued.out.trimmed());
        QVERIFY(taskId.startsWith(u"ServerTasks-"_s));
        QVERIFY(queued.err.contains("Queued the deployment of Shop release 1.0.0 to Development as task"));
        const QJsonObject task = run({u"--json"_s, u"task"_s, u"show"_s, taskId}).json().object();
        QCOMPARE(task.value(u"kind"_s).toString(), u"Deploy"_s);
        QCOMPARE(task.value(u"state"_s).toString(), u"Queued"_s);

        // Queued is not deployed: the next phase opens only on success.
        QCOMPARE(run(deployArgs(u"Test"_s, {u"--preview"_s})).exitCode, 4);
        succeed(taskId);
        QCOMPARE(run(deployArgs(u"Test"_s, {u"--preview"_s})).exitCode, 0);
        refused = run(deployArgs(u"Production"_s, {u"--preview"_s}));
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("the phase \"Testing\" must be complete first (0 of 1 environments deployed)"), refused.err);

        ok({u"release"_s, u"block"_s, u"--project"_s, u"Shop"_s, u"1.0.0"_s, u"--reason"_s, u"Breaks checkout"_s});
        refused = run(deployArgs(u"Test"_s, {u"--preview"_s}));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(),
                 QByteArray("cuttlectl: Release 1.0.0 of Shop is blocked and cannot be deployed to Test: Breaks checkout."));
        QCOMPARE(run(deployArgs(u"Development"_s, {u"--preview"_s})).exitCode, 0);
    }

    void theOptionsAreRecordedWithTheDeployment()
    {
        CuttlectlRun refused = run(deployArgs(u"Development"_s, {u"--skip-step"_s, u"migrate"_s}));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(), QByteArray("cuttlectl: The step \"Migrate\" is required and cannot be skipped."));
        refused = run(deployArgs(u"Development"_s, {u"--variable"_s, u"Colour=red"_s}));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(), QByteArray("cuttlectl: Release 1.0.0 has no prompted variable \"Colour\"."));
        refused = run(deployArgs(u"Development"_s, {u"--target"_s, u"web04"_s}));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(), QByteArray("cuttlectl: The target web04 is not in Development."));
        QCOMPARE(taskCount(), 0);

        CuttlectlRun queued = run(deployArgs(u"Development"_s,
                                             {u"--json"_s, u"--skip-step"_s, u"Smoke"_s, u"--exclude-target"_s, u"web02"_s,
                                              u"--variable"_s, u"Approver name=Kim"_s, u"--guided-failure"_s, u"on"_s,
                                              u"--queue-at"_s, u"+2h"_s, u"--queue-expiry"_s, u"+3h"_s, u"--comments"_s,
                                              u"Friday"_s}));
        QVERIFY2(queued.exitCode == 0, queued.err);
        const QJsonObject result = queued.json().array().at(0).toObject();
        const QString taskId = result.value(u"taskId"_s).toString();
        const Deployment deployment = deploymentOf(taskId);
        QCOMPARE(deployment.id, result.value(u"deploymentId"_s).toString());
        QCOMPARE(deployment.skipActions, QStringList{u"Smoke"_s});
        QCOMPARE(deployment.excludedTargetIds.size(), 1);
        QCOMPARE(deployment.formValues, (QMap<QString, QString>{{u"Approver"_s, u"Kim"_s}}));
        QVERIFY(deployment.useGuidedFailure);
        QCOMPARE(deployment.comments, u"Friday"_s);
        QVERIFY(deployment.tenantId.isEmpty());

        auto workspace = Workspace::open(m_workspace, Workspace::OpenMode::OpenExisting);
        QVERIFY(workspace);
        const Task task = *TaskRepository((*workspace)->context()).get(taskId);
        const qint64 inSeconds = QDateTime::currentDateTimeUtc().secsTo(task.queueTime);
        QVERIFY2(inSeconds > 7000 && inSeconds <= 7200, qPrintable(QString::number(inSeconds)));
        QCOMPARE(task.concurrencyTag, deployment.projectId + u'/' + deployment.environmentId);
    }

    void tenantTagsChooseTheTenants()
    {
        ok({u"project"_s, u"update"_s, u"Shop"_s, u"--tenanted-mode"_s, u"tenanted"_s});
        ok({u"tag-set"_s, u"create"_s, u"Tier"_s, u"--tag"_s, u"Gold"_s, u"--tag"_s, u"Silver"_s});
        ok({u"tag-set"_s, u"create"_s, u"Region"_s, u"--tag"_s, u"EU"_s, u"--tag"_s, u"US"_s});
        const QList<QStringList> tenants{{u"Acme"_s, u"Tier/Gold"_s, u"Region/EU"_s},
                                         {u"Globex"_s, u"Tier/Silver"_s, u"Region/EU"_s},
                                         {u"Initech"_s, u"Tier/Gold"_s, u"Region/US"_s}};
        for (const QStringList &tenant : tenants) {
            ok({u"tenant"_s, u"create"_s, tenant.at(0), u"--tag"_s, tenant.at(1), u"--tag"_s, tenant.at(2), u"--project"_s,
                u"Shop"_s, u"--environment"_s, u"Development"_s});
        }
        // Tagged like Acme, but not connected for Development.
        ok({u"tenant"_s, u"create"_s, u"Hooli"_s, u"--tag"_s, u"Tier/Gold"_s, u"--tag"_s, u"Region/EU"_s, u"--project"_s,
            u"Shop"_s, u"--environment"_s, u"Test"_s});
        for (const QString &name : {u"web01"_s, u"db01"_s}) {
            ok({u"target"_s, u"update"_s, name, u"--tenanted-participation"_s, u"tenanted"_s, u"--tenant"_s, u"Acme"_s,
                u"--tenant"_s, u"Globex"_s, u"--tenant"_s, u"Initech"_s});
        }
        const auto tenantsOf = [&](const QStringList &options) {
            const CuttlectlRun preview = run(deployArgs(u"Development"_s, QStringList{u"--preview"_s, u"--json"_s} + options));
            QStringList names;
            for (const QJsonValue &plan : preview.json().array())
                names << plan.toObject().value(u"tenant"_s).toString();
            return names;
        };
        // AND across tag sets, OR within one.
        QCOMPARE(tenantsOf({u"--tenant-tag"_s, u"Tier/Gold"_s, u"--tenant-tag"_s, u"Region/EU"_s}), QStringList{u"Acme"_s});
        QCOMPARE(tenantsOf({u"--tenant-tag"_s, u"Tier/Gold"_s, u"--tenant-tag"_s, u"Tier/Silver"_s, u"--tenant-tag"_s,
                            u"region/eu"_s}),
                 (QStringList{u"Acme"_s, u"Globex"_s}));
        // Tags in any case; two tags of one set are either, however each is spelt.
        QCOMPARE(tenantsOf({u"--tenant-tag"_s, u"region/eu"_s, u"--tenant-tag"_s, u"Region/US"_s, u"--tenant-tag"_s,
                            u"TIER/gold"_s}),
                 (QStringList{u"Acme"_s, u"Initech"_s}));
        // United with the tenants named (by name or id), each once, the named ones first.
        const QString acmeId = run({u"--json"_s, u"tenant"_s, u"show"_s, u"Acme"_s}).json().object().value(u"id"_s).toString();
        QVERIFY(!acmeId.isEmpty());
        QCOMPARE(tenantsOf({u"--tenant"_s, u"Initech"_s, u"--tenant"_s, acmeId, u"--tenant-tag"_s, u"Region/EU"_s}),
                 (QStringList{u"Initech"_s, u"Acme"_s, u"Globex"_s}));

        const QList<std::pair<QString, QByteArray>> refusals{
            {u"Tier/Platinum"_s, "cuttlectl: There is no tenant tag Tier/Platinum."},
            {u"Gold"_s, "cuttlectl: The tenant tag \"Gold\" is not in the form Set/Tag."},
        };
        for (const auto &[tag, message] : refusals) {
            const CuttlectlRun refused = run(deployArgs(u"Development"_s, {u"--tenant-tag"_s, tag}));
            QCOMPARE(refused.exitCode, 4);
            QCOMPARE(refused.err.trimmed(), message);
        }
        const CuttlectlRun none = run(deployArgs(u"Development"_s, {u"--tenant-tag"_s, u"Tier/Silver"_s, u"--tenant-tag"_s,
                                                                    u"Region/US"_s}));
        QCOMPARE(none.exitCode, 4);
        QCOMPARE(none.err.trimmed(), QByteArray("cuttlectl: No tenant connected to Shop for Development is tagged "
                                                "Tier/Silver, Region/US."));
        QCOMPARE(taskCount(), 0);

        // Without --preview: one task per tenant.
        const CuttlectlRun queued = run(deployArgs(u"Development"_s, {u"--tenant-tag"_s, u"Tier/Gold"_s}));
        QVERIFY2(queued.exitCode == 0, queued.err);
        QCOMPARE(taskCount(), 2);
    }

    void oneDeploymentPerTenant()
    {
        ok({u"project"_s, u"update"_s, u"Shop"_s, u"--tenanted-mode"_s, u"tenanted"_s});
        for (const QString &tenant : {u"Acme"_s, u"Globex"_s})
            ok({u"tenant"_s, u"create"_s, tenant, u"--project"_s, u"Shop"_s, u"--environment"_s, u"Development"_s});
        ok({u"tenant"_s, u"create"_s, u"Initech"_s});
        for (const QString &name : {u"web01"_s, u"db01"_s})
            ok({u"target"_s, u"update"_s, name, u"--tenanted-participation"_s, u"tenanted"_s, u"--tenant"_s, u"Acme"_s,
                u"--tenant"_s, u"Globex"_s, u"--tenant"_s, u"Initech"_s});

        CuttlectlRun refused = run(deployArgs(u"Development"_s));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(), QByteArray("cuttlectl: The project Shop is tenanted: say which tenant to deploy for."));
        refused = run(deployArgs(u"Development"_s, {u"--tenant"_s, u"Acme"_s, u"--tenant"_s, u"Initech"_s}));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(), QByteArray("cuttlectl: The tenant Initech is not connected to the project Shop."));
        QCOMPARE(taskCount(), 0);

        CuttlectlRun queued = run(deployArgs(u"Development"_s, {u"--tenant"_s, u"Acme"_s, u"--tenant"_s, u"Globex"_s}));
        QVERIFY2(queued.exitCode == 0, queued.err);
        const QStringList taskIds = QString::fromUtf8(queued.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(taskIds.size(), 2);
        QCOMPARE(taskCount(), 2);
        const Deployment acme = deploymentOf(taskIds.at(0));
        const Deployment globex = deploymentOf(taskIds.at(1));
        QVERIFY(!acme.tenantId.isEmpty());
        QVERIFY(!globex.tenantId.isEmpty());
        QVERIFY(acme.tenantId != globex.tenantId);

        // Progression is per tenant: Acme's success opens Test for Acme only.
        ok({u"tenant"_s, u"connect"_s, u"Acme"_s, u"--project"_s, u"Shop"_s, u"--environment"_s, u"Development"_s,
            u"--environment"_s, u"Test"_s});
        ok({u"tenant"_s, u"connect"_s, u"Globex"_s, u"--project"_s, u"Shop"_s, u"--environment"_s, u"Development"_s,
            u"--environment"_s, u"Test"_s});
        for (const QString &name : {u"web03"_s, u"db03"_s})
            ok({u"target"_s, u"update"_s, name, u"--tenanted-participation"_s, u"tenanted"_s, u"--tenant"_s, u"Acme"_s,
                u"--tenant"_s, u"Globex"_s});
        succeed(taskIds.at(0));
        QCOMPARE(run(deployArgs(u"Test"_s, {u"--preview"_s, u"--tenant"_s, u"Acme"_s})).exitCode, 0);
        refused = run(deployArgs(u"Test"_s, {u"--preview"_s, u"--tenant"_s, u"Globex"_s}));
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(refused.err.trimmed(),
                 QByteArray("cuttlectl: Release 1.0.0 of Shop cannot be deployed to Test for Globex yet: the phase "
                            "\"Development\" must be complete first (0 of 1 environments deployed)."));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("no release") << QStringList{u"deploy"_s, u"--project"_s, u"Shop"_s, u"--environment"_s, u"Test"_s}
                                    << 2 << QByteArray("Say which release with --release.");
        QTest::newRow("guided failure") << QStringList{u"--guided-failure"_s, u"maybe"_s} << 2
                                        << QByteArray("--guided-failure takes on, off or default, not \"maybe\".");
        QTest::newRow("queue time") << QStringList{u"--queue-at"_s, u"tomorrow"_s} << 2
                                    << QByteArray("--queue-at takes a time such as");
        QTest::newRow("too far ahead") << QStringList{u"--queue-at"_s, u"+31d"_s} << 4
                                       << QByteArray("A deployment can be scheduled at most 30 days ahead.");
        QTest::newRow("unknown release") << QStringList{u"deploy"_s, u"--project"_s, u"Shop"_s, u"--environment"_s, u"Test"_s,
                                                        u"--release"_s, u"9.9"_s} << 3
                                         << QByteArray("The project has no release 9.9.");
        QTest::newRow("unknown environment") << QStringList{u"deploy"_s, u"--project"_s, u"Shop"_s, u"--release"_s, u"1.0.0"_s,
                                                            u"--environment"_s, u"Staging"_s} << 3 << QByteArray("Staging");
        QTest::newRow("variable syntax") << QStringList{u"--variable"_s, u"Approver"_s} << 2
                                         << QByteArray("--variable takes LABEL=VALUE, not \"Approver\".");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, error);
        const QStringList full = arguments.first() == u"deploy"_s ? arguments : deployArgs(u"Development"_s, arguments);
        const CuttlectlRun r = run(full);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(error), r.err);
        QCOMPARE(taskCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CuttlectlDeploy)
#include "tst_cuttlectldeploy.moc"
