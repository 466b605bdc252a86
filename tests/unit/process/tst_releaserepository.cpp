#include "model/store/auditlog.h"
#include "model/store/channelrepository.h"
#include "model/store/releaserepository.h"
#include "projectfixture.h"
#include "tests/unit/core/processfixture.h"

#include <QFile>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestReleaseRepository final : public QObject
{
    Q_OBJECT

private:
    static Release sample(const Test::ProjectFixture &f, const QString &version)
    {
        Release release;
        release.projectId = f.projectId;
        release.channelId = ChannelRepository(f.ws.context).defaultChannel(f.projectId)->id;
        release.version = version;
        release.notes = u"First cut"_s;
        release.process = Test::sampleProcess();
        VariableValue port;
        port.name = u"Port"_s;
        port.value = u"8080"_s;
        port.scope.environments = {f.production};
        VariableValue password;
        password.name = u"Password"_s;
        password.value = u"correct horse battery"_s;
        password.sensitive = true;
        release.variables = {port, password};
        release.packages = {{u"Web package"_s, QString(), u"Acme.Web"_s, u"2.1.0"_s},
                            {u"Smoke test"_s, u"tools"_s, u"Acme.Tools"_s, u"1.0.0"_s}};
        return release;
    }

private slots:
    void createAndReadTheSnapshotBack()
    {
        Test::ProjectFixture f;
        ReleaseRepository repository(f.ws.context);
        Release wanted = sample(f, u"1.0.0"_s);
        QString secretSeen;
        auto created = repository.create(wanted, [&](const Release &r) {
            secretSeen = r.variables.at(1).value;
            return VoidResult();
        });
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        QCOMPARE(secretSeen, u"correct horse battery"_s);
        QVERIFY(created->variables.at(1).value.isEmpty());
        QCOMPARE(created->createdBy, u"tester"_s);

        auto read = repository.get(created->id);
        QVERIFY(read);
        QCOMPARE(read->version, u"1.0.0"_s);
        QCOMPARE(read->spaceId, f.ws.spaceId);
        QCOMPARE(read->packages, wanted.packages);
        QCOMPARE(read->process.steps, wanted.process.steps);
        QCOMPARE(read->variables.size(), 2);
        QCOMPARE(read->variables.at(0).scope.environments, QStringList{f.production});
        QVERIFY(read->variables.at(1).sensitive);
        QVERIFY(read->variables.at(1).value.isEmpty());

        QVERIFY(QFile::exists(f.ws.dir.filePath(u"cuttle.db"_s)));
        for (const QString &name : {u"cuttle.db"_s, u"cuttle.db-wal"_s}) {
            QFile file(f.ws.dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains("correct horse battery"), qPrintable(name));
        }
    }

    void versionsAreUniqueSemantically()
    {
        Test::ProjectFixture f;
        ReleaseRepository repository(f.ws.context);
        QVERIFY(repository.create(sample(f, u"1.0"_s)));
        auto refused = repository.create(sample(f, u"1.0.0.0"_s));
        QVERIFY(!refused);
        QVERIFY(refused.error().kind == ErrorKind::Conflict);
        QCOMPARE(refused.error().message, u"The project already has a release 1.0."_s);
        QVERIFY(repository.find(f.projectId, u"1.0.0"_s));
        QCOMPARE(repository.find(f.projectId, u"1.0.0"_s)->version, u"1.0"_s);
        QVERIFY(!repository.find(f.projectId, u"2.0"_s));
    }

    void refusals()
    {
        Test::ProjectFixture f;
        ReleaseRepository repository(f.ws.context);
        auto bad = repository.create(sample(f, u"one"_s));
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, u"version"_s);
        Release foreign = sample(f, u"1.0.0"_s);
        foreign.channelId = u"Channels-999"_s;
        bad = repository.create(foreign);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, u"channel"_s);
        auto failing = repository.create(sample(f, u"1.0.0"_s), [](const Release &) {
            return VoidResult(Error::failed(u"The keychain is locked."_s));
        });
        QVERIFY(!failing);
        QVERIFY(repository.list(f.projectId)->isEmpty());
    }

    void listNewestFirstAndVersions()
    {
        Test::ProjectFixture f;
        ReleaseRepository repository(f.ws.context);
        for (const QString &version : {u"1.0.0"_s, u"1.2.0"_s, u"1.1.0"_s})
            QVERIFY(repository.create(sample(f, version)));
        auto releases = repository.list(f.projectId);
        QVERIFY(releases);
        QCOMPARE(releases->size(), 3);
        QCOMPARE(releases->first().version, u"1.1.0"_s);
        QCOMPARE(repository.versions(f.projectId)->size(), 3);
    }

    void updateVariablesKeepsTheProcess()
    {
        Test::ProjectFixture f;
        ReleaseRepository repository(f.ws.context);
        const Release created = *repository.create(sample(f, u"1.0.0"_s));
        VariableValue changed;
        changed.name = u"Port"_s;
        changed.value = u"9090"_s;
        auto updated = repository.updateVariables(created.id, {changed});
        QVERIFY(updated);
        const Release read = *repository.get(created.id);
        QCOMPARE(read.variables.size(), 1);
        QCOMPARE(read.variables.first().value, u"9090"_s);
        QCOMPARE(read.process.steps, created.process.steps);
        QVERIFY(read.variablesSnapshotAt >= created.variablesSnapshotAt);
    }

    void blockNeedsAReasonAndIsAudited()
    {
        Test::ProjectFixture f;
        ReleaseRepository repository(f.ws.context);
        const Release created = *repository.create(sample(f, u"1.0.0"_s));
        QVERIFY(!repository.setBlocked(created.id, true));
        auto blocked = repository.setBlocked(created.id, true, u"Breaks checkout"_s);
        QVERIFY(blocked);
        QVERIFY(repository.get(created.id)->isBlocked);
        QCOMPARE(repository.get(created.id)->blockReason, u"Breaks checkout"_s);
        QVERIFY(repository.setBlocked(created.id, false));
        QVERIFY(!repository.get(created.id)->isBlocked);
        auto events = AuditLog(f.ws.context).list(created.id);
        QVERIFY(events);
        QCOMPARE(events->size(), 3);
        QCOMPARE(events->at(1).action, u"Blocked"_s);
    }
};

QTEST_GUILESS_MAIN(TestReleaseRepository)
#include "tst_releaserepository.moc"
