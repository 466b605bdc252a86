#include "storetestsupport.h"

#include "model/store/accountrepository.h"
#include "model/store/auditlog.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/machinepolicyrepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tenantrepository.h"

#include <QSqlQuery>

using namespace Cuttle;

class tst_Repositories : public QObject
{
    Q_OBJECT

private:
    static Environment environment(const QString &spaceId, const QString &name)
    {
        Environment e;
        e.spaceId = spaceId;
        e.name = name;
        return e;
    }

    static DeploymentTarget sshTarget(const QString &spaceId, const QString &name, const QStringList &environmentIds)
    {
        DeploymentTarget t;
        t.spaceId = spaceId;
        t.name = name;
        t.kind = TargetKind::Ssh;
        t.host = QStringLiteral("web01.example.com");
        t.environmentIds = environmentIds;
        t.tags = {QStringLiteral("web")};
        return t;
    }

private slots:
    void environmentsCreateListRenameAndAudit()
    {
        Test::TempWorkspace ws;
        EnvironmentRepository repo(ws.context);
        auto dev = repo.create(environment(ws.spaceId, QStringLiteral("  Development ")));
        QVERIFY(dev.ok());
        QCOMPARE(dev->name, QStringLiteral("Development"));
        QCOMPARE(dev->id, QStringLiteral("Environments-1"));
        auto test = repo.create(environment(ws.spaceId, QStringLiteral("Test")));
        QVERIFY(test.ok());
        QCOMPARE(test->sortOrder, dev->sortOrder + 1);

        Environment renamed = *test;
        renamed.name = QStringLiteral("QA");
        renamed.description = QStringLiteral("Quality assurance");
        QVERIFY(repo.update(renamed).ok());
        auto found = repo.find(ws.spaceId, QStringLiteral("qa"));
        QVERIFY(found.ok());
        QCOMPARE(found->description, QStringLiteral("Quality assurance"));

        auto events = AuditLog(ws.context).list(test->id);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);
        const AuditEvent &modified = events->constFirst();
        QCOMPARE(modified.action, QStringLiteral("Modified"));
        QCOMPARE(modified.username, QStringLiteral("tester"));
        QCOMPARE(modified.changes.size(), 2);
        QCOMPARE(modified.changes.at(1).field, QStringLiteral("name"));
        QCOMPARE(modified.changes.at(1).before, QStringLiteral("Test"));
        QCOMPARE(modified.changes.at(1).after, QStringLiteral("QA"));
    }

    void namesAreValidatedAndUnique_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addRow("empty") << QString() << int(ErrorKind::Validation);
        QTest::addRow("spaces only") << QStringLiteral("   ") << int(ErrorKind::Validation);
        QTest::addRow("duplicate, other case") << QStringLiteral("production") << int(ErrorKind::Conflict);
        QTest::addRow("control character") << QStringLiteral("Prod\x01") << int(ErrorKind::Validation);
        QTest::addRow("too long") << QString(201, u'x') << int(ErrorKind::Validation);
    }

    void namesAreValidatedAndUnique()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        Test::TempWorkspace ws;
        EnvironmentRepository repo(ws.context);
        QVERIFY(repo.create(environment(ws.spaceId, QStringLiteral("Production"))).ok());
        auto refused = repo.create(environment(ws.spaceId, name));
        QVERIFY(!refused.ok());
        QCOMPARE(int(refused.error().kind), kind);
        QCOMPARE(refused.error().field, QStringLiteral("name"));
        QVERIFY(!refused.error().message.isEmpty());
        QCOMPARE(repo.list(ws.spaceId)->size(), 1);
    }

    void environmentInUseCannotBeDeleted()
    {
        Test::TempWorkspace ws;
        EnvironmentRepository environments(ws.context);
        auto dev = environments.create(environment(ws.spaceId, QStringLiteral("Development")));
        QVERIFY(TargetRepository(ws.context).create(sshTarget(ws.spaceId, QStringLiteral("web01"), {dev->id})).ok());
        auto refused = environments.remove(dev->id);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().kind == ErrorKind::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("1 target")), qPrintable(refused.error().message));
        QVERIFY(environments.get(dev->id).ok());

        auto unused = environments.create(environment(ws.spaceId, QStringLiteral("Scratch")));
        QVERIFY(environments.remove(unused->id).ok());
        QVERIFY(environments.get(unused->id).error().kind == ErrorKind::NotFound);
    }

    void reorderPersistsAndRejectsIncompleteOrders()
    {
        Test::TempWorkspace ws;
        EnvironmentRepository repo(ws.context);
        QStringList ids;
        for (const char *name : {"A", "B", "C"})
            ids << repo.create(environment(ws.spaceId, QString::fromLatin1(name)))->id;
        QVERIFY(repo.reorder(ws.spaceId, {ids[2], ids[0], ids[1]}).ok());
        QStringList names;
        const auto listed = repo.list(ws.spaceId);
        for (const Environment &e : *listed)
            names << e.name;
        QCOMPARE(names, (QStringList{QStringLiteral("C"), QStringLiteral("A"), QStringLiteral("B")}));
        QVERIFY(repo.reorder(ws.spaceId, {ids[0], ids[1]}).error().kind == ErrorKind::Validation);
    }

    void targetFieldsAreCheckedPerKind_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QString>("field");
        QTest::addRow("bad host") << QStringLiteral("web_01!.example") << 22 << QStringList{QStringLiteral("web")} << QStringLiteral("host");
        QTest::addRow("empty host") << QString() << 22 << QStringList() << QStringLiteral("host");
        QTest::addRow("port too big") << QStringLiteral("10.0.0.1") << 70000 << QStringList() << QStringLiteral("port");
        QTest::addRow("tag of spaces") << QStringLiteral("web01") << 22 << QStringList{QStringLiteral("   ")} << QStringLiteral("tags");
        QTest::addRow("tag with comma") << QStringLiteral("web01") << 22 << QStringList{QStringLiteral("a,b")} << QStringLiteral("tags");
    }

    void targetFieldsAreCheckedPerKind()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QStringList, tags);
        QFETCH(QString, field);
        Test::TempWorkspace ws;
        auto dev = EnvironmentRepository(ws.context).create(environment(ws.spaceId, QStringLiteral("Development")));
        DeploymentTarget t = sshTarget(ws.spaceId, QStringLiteral("web01"), {dev->id});
        t.host = host;
        t.port = port;
        t.tags = tags;
        auto refused = TargetRepository(ws.context).create(t);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().kind == ErrorKind::Validation);
        QCOMPARE(refused.error().field, field);
        QVERIFY(TargetRepository(ws.context).list(ws.spaceId)->isEmpty());
    }

    void targetsKeepTheirLinks()
    {
        Test::TempWorkspace ws;
        EnvironmentRepository environments(ws.context);
        auto dev = environments.create(environment(ws.spaceId, QStringLiteral("Development")));
        auto test = environments.create(environment(ws.spaceId, QStringLiteral("Test")));
        TagSet set;
        set.spaceId = ws.spaceId;
        set.name = QStringLiteral("Tier");
        set.tags = {Tag{{}, QStringLiteral("Gold"), {}, {}}};
        QVERIFY(TagSetRepository(ws.context).create(set).ok());

        TargetRepository targets(ws.context);
        DeploymentTarget t = sshTarget(ws.spaceId, QStringLiteral("web01"), {test->id, dev->id});
        t.tags = {QStringLiteral("web"), QStringLiteral(" api "), QStringLiteral("WEB")};
        t.tenantedParticipation = TenantedParticipation::TenantedOrUntenanted;
        t.tenantTags = {QStringLiteral("Tier/Gold")};
        auto created = targets.create(t);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->port, 22);
        auto loaded = targets.get(created->id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->tags, (QStringList{QStringLiteral("web"), QStringLiteral("api")}));
        QCOMPARE(loaded->environmentIds, (QStringList{dev->id, test->id})); // in environment order
        QCOMPARE(loaded->tenantTags, QStringList{QStringLiteral("Tier/Gold")});
        QVERIFY(!loaded->machinePolicyId.isEmpty());
        QCOMPARE(*targets.allTags(ws.spaceId), (QStringList{QStringLiteral("api"), QStringLiteral("web")}));

        DeploymentTarget unknownTag = *loaded;
        unknownTag.tenantTags = {QStringLiteral("Tier/Platinum")};
        QCOMPARE(targets.update(unknownTag).error().field, QStringLiteral("tenantTags"));
        QCOMPARE(targets.get(created->id)->tenantTags, QStringList{QStringLiteral("Tier/Gold")});

        QVERIFY(targets.recordHealth(created->id, HealthStatus::HasWarnings, QStringLiteral("Low disk"),
                                     QDateTime::currentDateTimeUtc()).ok());
        QCOMPARE(toString(targets.get(created->id)->healthStatus), toString(HealthStatus::HasWarnings));
        QVERIFY(targets.pinHostKey(created->id, QStringLiteral("SHA256:abc")).ok());
        QCOMPARE(targets.get(created->id)->hostKeyFingerprint, QStringLiteral("SHA256:abc"));
        QCOMPARE(AuditLog(ws.context).list(created->id)->constFirst().action, QStringLiteral("HostKeyPinned"));
    }

    void localTargetsDropRemoteFields()
    {
        Test::TempWorkspace ws;
        auto dev = EnvironmentRepository(ws.context).create(environment(ws.spaceId, QStringLiteral("Development")));
        DeploymentTarget t = sshTarget(ws.spaceId, QStringLiteral("local"), {dev->id});
        t.kind = TargetKind::Local;
        t.directory = QStringLiteral("relative/path");
        QCOMPARE(TargetRepository(ws.context).create(t).error().field, QStringLiteral("directory"));
        t.directory = ws.dir.filePath(QStringLiteral("target"));
        auto created = TargetRepository(ws.context).create(t);
        QVERIFY(created.ok());
        QVERIFY(created->host.isEmpty());
        QCOMPARE(created->port, 0);
    }

    void accountsAuditSecretsOnlyAsChanged()
    {
        Test::TempWorkspace ws;
        AccountRepository accounts(ws.context);
        Account a;
        a.spaceId = ws.spaceId;
        a.name = QStringLiteral("deploy");
        a.username = QStringLiteral("deployer");
        a.hasPassword = true;
        auto created = accounts.create(a);
        QVERIFY(created.ok());
        Account changed = *created;
        QVERIFY(accounts.update(changed, {QStringLiteral("password")}).ok());
        auto events = AuditLog(ws.context).list(created->id);
        const AuditEvent &modified = events->constFirst();
        QCOMPARE(modified.changes.size(), 1);
        QCOMPARE(modified.changes.constFirst().field, QStringLiteral("password"));
        QVERIFY(modified.changes.constFirst().secret);
        QVERIFY(modified.changes.constFirst().before.isEmpty());

        auto failing = accounts.create(Account{{}, ws.spaceId, QStringLiteral("other"), {}, AccountKind::UsernamePassword,
                                               QStringLiteral("u"), {}, true, false, false},
                                       [](const Account &) -> VoidResult { return Error::failed(QStringLiteral("keychain down")); });
        QVERIFY(!failing.ok());
        QCOMPARE(failing.error().message, QStringLiteral("keychain down"));
        QCOMPARE(accounts.list(ws.spaceId)->size(), 1);
    }

    void lifecyclePhasesRoundTripAndValidate()
    {
        Test::TempWorkspace ws;
        EnvironmentRepository environments(ws.context);
        auto dev = environments.create(environment(ws.spaceId, QStringLiteral("Development")));
        auto test = environments.create(environment(ws.spaceId, QStringLiteral("Test")));
        auto prod = environments.create(environment(ws.spaceId, QStringLiteral("Production")));
        Lifecycle l;
        l.spaceId = ws.spaceId;
        l.name = QStringLiteral("Standard");
        LifecyclePhase first;
        first.name = QStringLiteral("Dev");
        first.automaticEnvironmentIds = {dev->id};
        LifecyclePhase second;
        second.name = QStringLiteral("Test");
        second.optionalEnvironmentIds = {test->id, prod->id};
        second.minimumEnvironmentsBeforePromotion = 1;
        second.isOptional = true;
        second.releaseRetention = RetentionPolicy{RetentionUnit::Days, 10};
        l.phases = {first, second};
        LifecycleRepository repo(ws.context);
        auto created = repo.create(l);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        auto loaded = repo.get(created->id);
        QCOMPARE(loaded->phases.size(), 2);
        QCOMPARE(loaded->phases.at(0).automaticEnvironmentIds, QStringList{dev->id});
        QCOMPARE(loaded->phases.at(1).optionalEnvironmentIds, (QStringList{test->id, prod->id}));
        QCOMPARE(loaded->phases.at(1).minimumEnvironmentsBeforePromotion, 1);
        QVERIFY(loaded->phases.at(1).isOptional);
        QVERIFY(loaded->phases.at(1).releaseRetention == (RetentionPolicy{RetentionUnit::Days, 10}));
        QVERIFY(!loaded->phases.at(0).releaseRetention.has_value());

        Lifecycle twice = *loaded;
        twice.phases[1].optionalEnvironmentIds << dev->id;
        QCOMPARE(repo.update(twice).error().field, QStringLiteral("phases"));
        Lifecycle tooMany = *loaded;
        tooMany.phases[1].minimumEnvironmentsBeforePromotion = 3;
        QVERIFY(repo.update(tooMany).error().kind == ErrorKind::Validation);

        QVERIFY(!environments.remove(prod->id).ok()); // used by a phase
    }

    void projectCreationBringsChannelProcessAndVariableSet()
    {
        Test::TempWorkspace ws;
        auto group = ProjectGroupRepository(ws.context).create({{}, ws.spaceId, QStringLiteral("Web"), {}});
        auto lifecycle = LifecycleRepository(ws.context).create(Lifecycle{{}, ws.spaceId, QStringLiteral("L"), {}, {}, {}, {}});
        QVERIFY(group.ok() && lifecycle.ok());
        Project p;
        p.spaceId = ws.spaceId;
        p.name = QStringLiteral("Shop");
        p.projectGroupId = group->id;
        p.lifecycleId = lifecycle->id;
        p.tenantedMode = TenantedMode::Tenanted;
        ProjectRepository projects(ws.context);
        auto created = projects.create(p);
        QVERIFY(created.ok());
        auto db = ws.workspace->database()->connection();
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM channels WHERE project_id = '%1' AND is_default = 1").arg(created->id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM deployment_processes WHERE project_id = '%1'").arg(created->id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(toString(projects.get(created->id)->tenantedMode), toString(TenantedMode::Tenanted));
        QCOMPARE(projects.get(created->id)->releaseVersionTemplate, Project::defaultReleaseVersionTemplate());

        QVERIFY(!ProjectGroupRepository(ws.context).remove(group->id).ok());
        QVERIFY(!LifecycleRepository(ws.context).remove(lifecycle->id).ok());
        Project missingGroup = p;
        missingGroup.name = QStringLiteral("Other");
        missingGroup.projectGroupId = QStringLiteral("ProjectGroups-999");
        QCOMPARE(projects.create(missingGroup).error().field, QStringLiteral("projectGroup"));

        QVERIFY(projects.remove(created->id).ok());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM channels")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM variable_sets")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void tenantsWithTagsAndProjects()
    {
        Test::TempWorkspace ws;
        auto dev = EnvironmentRepository(ws.context).create(environment(ws.spaceId, QStringLiteral("Development")));
        auto group = ProjectGroupRepository(ws.context).create({{}, ws.spaceId, QStringLiteral("Web"), {}});
        auto lifecycle = LifecycleRepository(ws.context).create(Lifecycle{{}, ws.spaceId, QStringLiteral("L"), {}, {}, {}, {}});
        Project p;
        p.spaceId = ws.spaceId;
        p.name = QStringLiteral("Shop");
        p.projectGroupId = group->id;
        p.lifecycleId = lifecycle->id;
        auto project = ProjectRepository(ws.context).create(p);
        TagSetRepository sets(ws.context);
        TagSet tier;
        tier.spaceId = ws.spaceId;
        tier.name = QStringLiteral("Tier");
        tier.tags = {Tag{{}, QStringLiteral("Gold"), {}, {}}, Tag{{}, QStringLiteral("Silver"), {}, {}}};
        auto savedTier = sets.create(tier);
        QVERIFY(savedTier.ok());
        QCOMPARE(savedTier->tags.size(), 2);

        Tenant t;
        t.spaceId = ws.spaceId;
        t.name = QStringLiteral("Contoso");
        t.tags = {QStringLiteral("tier/gold")};
        t.projects = {TenantProjectConnection{project->id, {dev->id}}};
        TenantRepository tenants(ws.context);
        auto created = tenants.create(t);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->tags, QStringList{QStringLiteral("Tier/Gold")});
        QVERIFY(created->projects == (QList<TenantProjectConnection>{{project->id, {dev->id}}}));

        // A tag in use cannot be removed from its set; an unused one can, and a rename keeps tenants.
        TagSet edited = *savedTier;
        edited.tags.removeFirst();
        QVERIFY(sets.update(edited).error().kind == ErrorKind::Conflict);
        edited = *savedTier;
        edited.tags[0].name = QStringLiteral("Platinum");
        edited.tags.removeLast();
        QVERIFY(sets.update(edited).ok());
        QCOMPARE(tenants.get(created->id)->tags, QStringList{QStringLiteral("Tier/Platinum")});

        Tenant badTag = *created;
        badTag.tags = {QStringLiteral("Nope")};
        QCOMPARE(tenants.update(badTag).error().field, QStringLiteral("tags"));
    }

    void machinePolicies()
    {
        Test::TempWorkspace ws;
        MachinePolicyRepository policies(ws.context);
        auto defaultPolicy = policies.defaultPolicy(ws.spaceId);
        QVERIFY(defaultPolicy.ok());
        QVERIFY(policies.remove(defaultPolicy->id).error().kind == ErrorKind::Conflict);
        MachinePolicy fast;
        fast.spaceId = ws.spaceId;
        fast.name = QStringLiteral("Quick");
        fast.healthCheckIntervalSeconds = 10;
        QCOMPARE(policies.create(fast).error().field, QStringLiteral("healthCheckInterval"));
        fast.healthCheckIntervalSeconds = 300;
        fast.connectionTestOnly = true;
        auto created = policies.create(fast);
        QVERIFY(created.ok());
        QVERIFY(policies.get(created->id)->connectionTestOnly);
        QVERIFY(policies.remove(created->id).ok());
    }

    void spacesPartitionRecords()
    {
        Test::TempWorkspace ws;
        SpaceRepository spaces(ws.context);
        auto other = spaces.create(Space{{}, QStringLiteral("Team B"), {}, false});
        QVERIFY(other.ok());
        QVERIFY(MachinePolicyRepository(ws.context).defaultPolicy(other->id).ok());
        EnvironmentRepository environments(ws.context);
        QVERIFY(environments.create(environment(ws.spaceId, QStringLiteral("Production"))).ok());
        QVERIFY(environments.create(environment(other->id, QStringLiteral("Production"))).ok());
        QCOMPARE(environments.list(other->id)->size(), 1);
        QVERIFY(spaces.create(Space{{}, QStringLiteral("team b"), {}, false}).error().kind == ErrorKind::Conflict);
        QVERIFY(spaces.remove(ws.spaceId).error().kind == ErrorKind::Conflict);
        QVERIFY(spaces.remove(other->id).error().kind == ErrorKind::Conflict);
        Space renamed = *other;
        renamed.name = QStringLiteral("Team C");
        QVERIFY(spaces.update(renamed).ok());
        QCOMPARE(spaces.find(QStringLiteral("team c"))->id, other->id);
    }
};

QTEST_GUILESS_MAIN(tst_Repositories)
#include "tst_repositories.moc"
