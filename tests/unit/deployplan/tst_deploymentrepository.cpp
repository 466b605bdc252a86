#include "model/store/auditlog.h"
#include "model/store/channelrepository.h"
#include "model/store/deploymentrepository.h"
#include "model/store/releaserepository.h"
#include "model/store/taskrepository.h"
#include "model/store/tenantrepository.h"
#include "tests/unit/process/projectfixture.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestDeploymentRepository final : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        Test::ProjectFixture f;
        QString releaseId;
        QString channelId;
        QString tenantId;

        Fixture()
        {
            channelId = ChannelRepository(f.ws.context).defaultChannel(f.projectId)->id;
            Release release;
            release.projectId = f.projectId;
            release.channelId = channelId;
            release.version = u"1.0.0"_s;
            auto created = ReleaseRepository(f.ws.context).create(release);
            if (!created)
                qFatal("cannot create release: %s", qPrintable(created.error().message));
            releaseId = created->id;
            Tenant tenant;
            tenant.spaceId = f.ws.spaceId;
            tenant.name = u"Acme"_s;
            tenant.projects = {{f.projectId, {f.development, f.production}}};
            auto t = TenantRepository(f.ws.context).create(tenant);
            if (!t)
                qFatal("cannot create tenant: %s", qPrintable(t.error().message));
            tenantId = t->id;
        }

        Deployment deployment(const QString &environmentId, const QString &tenant = {}) const
        {
            Deployment d;
            d.projectId = f.projectId;
            d.releaseId = releaseId;
            d.environmentId = environmentId;
            d.tenantId = tenant;
            return d;
        }
    };

private slots:
    void createsTheDeploymentAndItsQueuedTask()
    {
        Fixture x;
        DeploymentRepository repository(x.f.ws.context);
        Deployment wanted = x.deployment(x.f.production, x.tenantId);
        wanted.comments = u"Friday fix"_s;
        wanted.useGuidedFailure = true;
        wanted.forcePackageRedeployment = true;
        wanted.skipActions = {u"Smoke test"_s};
        wanted.specificTargetIds = {u"Machines-1"_s};
        wanted.excludedTargetIds = {u"Machines-2"_s, u"Machines-3"_s};
        wanted.formValues = {{u"Approver"_s, u"Kim"_s}};
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(3600);
        auto created = repository.create(wanted, {at, at.addSecs(600)});
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        QVERIFY(!created->id.isEmpty());
        QCOMPARE(created->channelId, x.channelId);
        QCOMPARE(created->spaceId, x.f.ws.spaceId);
        QCOMPARE(created->name, u"Deploy to Production"_s);
        QCOMPARE(created->createdBy, u"tester"_s);

        auto read = repository.get(created->id);
        QVERIFY(read);
        QCOMPARE(*read, *created);
        auto byTask = repository.byTask(created->taskId);
        QVERIFY(byTask);
        QCOMPARE(byTask->id, created->id);

        auto task = TaskRepository(x.f.ws.context).get(created->taskId);
        QVERIFY(task);
        QCOMPARE(task->kind, u"Deploy"_s);
        QCOMPARE(toString(task->state), toString(TaskState::Queued));
        QCOMPARE(task->arguments.value(u"deploymentId"_s).toString(), created->id);
        QCOMPARE(task->concurrencyTag, x.f.projectId + u'/' + x.f.production + u'/' + x.tenantId);
        QCOMPARE(task->description, u"Deploy Shop release 1.0.0 to Production for Acme"_s);
        QCOMPARE(task->queueTime.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
        QCOMPARE(task->spaceId, x.f.ws.spaceId);

        auto events = AuditLog(x.f.ws.context).list(created->id);
        QVERIFY(events);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->at(0).action, u"Created"_s);
        QCOMPARE(events->at(0).documentKind, u"Deployment"_s);
        QCOMPARE(events->at(0).documentName, u"Shop 1.0.0 to Production for Acme"_s);
    }

    void untenantedTagHasNoTenantPart()
    {
        Fixture x;
        auto created = DeploymentRepository(x.f.ws.context).create(x.deployment(x.f.development));
        QVERIFY(created);
        QCOMPARE(DeploymentRepository::concurrencyTag(*created), x.f.projectId + u'/' + x.f.development);
        QCOMPARE(TaskRepository(x.f.ws.context).get(created->taskId)->concurrencyTag, x.f.projectId + u'/' + x.f.development);
        QVERIFY(!TaskRepository(x.f.ws.context).get(created->taskId)->queueTime.isValid());
    }

    void refusalsLeaveNoTaskBehind_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("environment") << u"environment"_s << u"There is no environment with id Environments-99 in the release's space."_s;
        QTest::newRow("tenant") << u"tenant"_s << u"There is no tenant with id Tenants-99 in the release's space."_s;
        QTest::newRow("release") << u"release"_s << u"There is no release with id Releases-99."_s;
        QTest::newRow("expiry") << u"expiry"_s << u"The expiry of a scheduled deployment must be after its queue time."_s;
    }

    void refusalsLeaveNoTaskBehind()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        Fixture x;
        Deployment d = x.deployment(x.f.production);
        DeploymentRepository::Schedule schedule;
        if (what == u"environment")
            d.environmentId = u"Environments-99"_s;
        else if (what == u"tenant")
            d.tenantId = u"Tenants-99"_s;
        else if (what == u"release")
            d.releaseId = u"Releases-99"_s;
        else
            schedule = {QDateTime::currentDateTimeUtc().addSecs(60), QDateTime::currentDateTimeUtc()};
        auto refused = DeploymentRepository(x.f.ws.context).create(d, schedule);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, message);
        QCOMPARE(*TaskRepository(x.f.ws.context).count(), 0);
    }

    void listsNewestFirst()
    {
        Fixture x;
        DeploymentRepository repository(x.f.ws.context);
        const QString first = repository.create(x.deployment(x.f.development))->id;
        const QString second = repository.create(x.deployment(x.f.production))->id;
        const QString third = repository.create(x.deployment(x.f.development, x.tenantId))->id;
        auto all = repository.list(x.f.projectId);
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).id, third);
        QCOMPARE(all->at(2).id, first);
        auto development = repository.list(x.f.projectId, x.f.development);
        QCOMPARE(development->size(), 2);
        QCOMPARE(development->at(0).id, third);
        QCOMPARE(development->at(1).id, first);
        QCOMPARE(repository.list(x.f.projectId, {}, 1)->size(), 1);
        QCOMPARE(repository.list(x.f.projectId, {}, 1)->at(0).id, third);
        Q_UNUSED(second);
        QCOMPARE(repository.byTask(u"ServerTasks-99"_s).error().kind, ErrorKind::NotFound);
    }

    void succeededEnvironmentsCountOnlySuccessfulTasksPerTenant()
    {
        Fixture x;
        DeploymentRepository repository(x.f.ws.context);
        TaskRepository tasks(x.f.ws.context);
        auto untenantedDev = repository.create(x.deployment(x.f.development));
        auto untenantedProd = repository.create(x.deployment(x.f.production));
        auto tenantDev = repository.create(x.deployment(x.f.development, x.tenantId));
        QVERIFY(untenantedDev && untenantedProd && tenantDev);
        QVERIFY(repository.succeededEnvironmentIds(x.releaseId)->isEmpty());

        QVERIFY(tasks.complete(untenantedDev->taskId, TaskState::Success));
        QVERIFY(tasks.complete(untenantedProd->taskId, TaskState::Failed, u"boom"_s));
        QCOMPARE(*repository.succeededEnvironmentIds(x.releaseId), QSet<QString>{x.f.development});
        QVERIFY(repository.succeededEnvironmentIds(x.releaseId, x.tenantId)->isEmpty());

        QVERIFY(tasks.complete(tenantDev->taskId, TaskState::Success));
        QCOMPARE(*repository.succeededEnvironmentIds(x.releaseId, x.tenantId), QSet<QString>{x.f.development});
        QVERIFY(repository.succeededEnvironmentIds(u"Releases-99"_s)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentRepository)
#include "tst_deploymentrepository.moc"
