#include "model/store/auditlog.h"
#include "model/store/channelrepository.h"
#include "model/store/processrepository.h"
#include "projectfixture.h"
#include "tests/unit/core/processfixture.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestProcessRepository final : public QObject
{
    Q_OBJECT

private:
    static DeploymentProcess sample(const Test::ProjectFixture &f)
    {
        DeploymentProcess process = Test::sampleProcess();
        process.projectId = f.projectId;
        process.version = 0;
        process.steps[0].actions[0].environmentIds = {f.development};
        process.steps[1].actions[0].channelIds = {ChannelRepository(f.ws.context).defaultChannel(f.projectId)->id};
        return process;
    }

private slots:
    void newProjectHasAnEmptyProcess()
    {
        Test::ProjectFixture f;
        auto process = ProcessRepository(f.ws.context).get(f.projectId);
        QVERIFY(process);
        QVERIFY(process->steps.isEmpty());
        QCOMPARE(process->version, 0);
        QVERIFY(!process->id.isEmpty());
    }

    void saveAndReadBackExactly()
    {
        Test::ProjectFixture f;
        ProcessRepository repository(f.ws.context);
        auto saved = repository.save(sample(f));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->version, 1);
        for (const DeploymentStep &step : saved->steps) {
            QVERIFY(step.id.startsWith(u"Steps-"_s));
            for (const DeploymentAction &action : step.actions)
                QVERIFY(action.id.startsWith(u"Actions-"_s));
        }
        auto read = repository.get(f.projectId);
        QVERIFY(read);
        QVERIFY(*read == *saved);
    }

    void idsSurviveAnEditAndNewStepsGetNewOnes()
    {
        Test::ProjectFixture f;
        ProcessRepository repository(f.ws.context);
        auto first = repository.save(sample(f));
        QVERIFY(first);
        DeploymentProcess edited = *first;
        std::swap(edited.steps[0], edited.steps[1]);
        DeploymentStep added = edited.steps.takeLast();
        added.id.clear();
        added.name = u"Notify"_s;
        added.actions[0].id.clear();
        added.actions[0].name = u"Notify"_s;
        edited.steps << added;
        auto second = repository.save(edited);
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        QCOMPARE(second->steps[0].id, first->steps[1].id);
        QCOMPARE(second->steps[1].id, first->steps[0].id);
        QVERIFY(second->steps.last().id != first->steps.last().id);
        QCOMPARE(repository.get(f.projectId)->steps.last().name, u"Notify"_s);
    }

    void staleCopyIsRefused()
    {
        Test::ProjectFixture f;
        ProcessRepository repository(f.ws.context);
        auto first = repository.save(sample(f));
        QVERIFY(first);
        DeploymentProcess stale = *first;
        QVERIFY(repository.save(*first));
        stale.steps.removeLast();
        auto refused = repository.save(stale);
        QVERIFY(!refused);
        QVERIFY(refused.error().kind == ErrorKind::Conflict);
        QVERIFY(refused.error().message.contains(u"changed by someone else"_s));
        QCOMPARE(repository.get(f.projectId)->steps.size(), 4);
    }

    void invalidProcessSavesNothing_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("invalid step") << 0 << u"steps[1].targetTags"_s;
        QTest::newRow("environment of another space") << 1 << u"steps[0].actions[0].environments"_s;
        QTest::newRow("channel of another project") << 2 << u"steps[1].actions[0].channels"_s;
    }
    void invalidProcessSavesNothing()
    {
        QFETCH(int, what);
        QFETCH(QString, field);
        Test::ProjectFixture f;
        ProcessRepository repository(f.ws.context);
        DeploymentProcess process = sample(f);
        if (what == 0)
            process.steps[1].targetTags.clear();
        else if (what == 1)
            process.steps[0].actions[0].environmentIds = {u"Environments-999"_s};
        else
            process.steps[1].actions[0].channelIds = {u"Channels-999"_s};
        auto refused = repository.save(process);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, field);
        QVERIFY(repository.get(f.projectId)->steps.isEmpty());
        QCOMPARE(repository.get(f.projectId)->version, 0);
    }

    void saveIsAuditedStepByStep()
    {
        Test::ProjectFixture f;
        ProcessRepository repository(f.ws.context);
        auto first = repository.save(sample(f));
        QVERIFY(first);
        DeploymentProcess edited = *first;
        edited.steps[0].actions[0].properties[ActionProperty::ScriptBody] = u"echo changed"_s;
        QVERIFY(repository.save(edited));
        auto events = AuditLog(f.ws.context).list(first->id);
        QVERIFY(events);
        QCOMPARE(events->size(), 2);
        const AuditEvent &latest = events->first();
        QCOMPARE(latest.documentKind, u"DeploymentProcess"_s);
        QCOMPARE(latest.changes.size(), 1);
        QCOMPARE(latest.changes.first().field, u"step Check prerequisites"_s);
        QVERIFY(latest.changes.first().after.contains(u"echo changed"_s));
    }
};

QTEST_GUILESS_MAIN(TestProcessRepository)
#include "tst_processrepository.moc"
