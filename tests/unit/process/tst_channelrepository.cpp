#include "model/store/channelrepository.h"
#include "model/store/processrepository.h"
#include "projectfixture.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestChannelRepository final : public QObject
{
    Q_OBJECT

private:
    static Channel hotfix(const Test::ProjectFixture &f)
    {
        Channel c;
        c.projectId = f.projectId;
        c.name = u"Hotfix"_s;
        c.description = u"Urgent fixes"_s;
        c.lifecycleId = f.lifecycleId;
        c.tenantTags = {u"Tier/Gold"_s};
        c.rules << ChannelVersionRule{{}, {u"Deploy web"_s, u" deploy web "_s, u"Deploy web:tools"_s}, u"[2.0,3.0)"_s, u"^hotfix"_s};
        return c;
    }

private slots:
    void everyProjectStartsWithADefaultChannel()
    {
        Test::ProjectFixture f;
        auto channels = ChannelRepository(f.ws.context).list(f.projectId);
        QVERIFY(channels);
        QCOMPARE(channels->size(), 1);
        QVERIFY(channels->first().isDefault);
        QCOMPARE(ChannelRepository(f.ws.context).defaultChannel(f.projectId)->id, channels->first().id);
    }

    void createReadBackWithRules()
    {
        Test::ProjectFixture f;
        ChannelRepository repository(f.ws.context);
        auto created = repository.create(hotfix(f));
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        QVERIFY(!created->isDefault);
        QCOMPARE(created->rules.first().packageReferences, (QStringList{u"Deploy web"_s, u"Deploy web:tools"_s}));
        auto found = repository.find(f.projectId, u"hotfix"_s);
        QVERIFY(found);
        QVERIFY(*found == *created);
        QCOMPARE(repository.list(f.projectId)->last().name, u"Hotfix"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("bad range") << 0 << u"rules"_s << u"range"_s;
        QTest::newRow("bad tag expression") << 1 << u"rules"_s << u"expression"_s;
        QTest::newRow("rule without package") << 2 << u"rules"_s << u"names no package step"_s;
        QTest::newRow("same name") << 3 << u"name"_s << u"already used by another channel"_s;
        QTest::newRow("unknown lifecycle") << 4 << u"lifecycle"_s << u"no lifecycle with id"_s;
    }
    void refusals()
    {
        QFETCH(int, what);
        QFETCH(QString, field);
        QFETCH(QString, sentence);
        Test::ProjectFixture f;
        Channel c = hotfix(f);
        switch (what) {
        case 0: c.rules[0].versionRange = u"[3.0,2.0"_s; break;
        case 1: c.rules[0].tagRegex = u"(unclosed"_s; break;
        case 2: c.rules[0].packageReferences = {u" "_s}; break;
        case 3: c.name = u"DEFAULT"_s; break;
        default: c.lifecycleId = u"Lifecycles-404"_s; break;
        }
        auto refused = ChannelRepository(f.ws.context).create(c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, field);
        QVERIFY2(refused.error().message.contains(sentence, Qt::CaseInsensitive), qPrintable(refused.error().message));
        QCOMPARE(ChannelRepository(f.ws.context).list(f.projectId)->size(), 1);
    }

    void makingAnotherChannelTheDefaultMovesTheFlag()
    {
        Test::ProjectFixture f;
        ChannelRepository repository(f.ws.context);
        Channel created = *repository.create(hotfix(f));
        const QString oldDefault = repository.defaultChannel(f.projectId)->id;
        created.isDefault = true;
        QVERIFY(repository.update(created));
        QCOMPARE(repository.defaultChannel(f.projectId)->id, created.id);
        QVERIFY(!repository.get(oldDefault)->isDefault);
        QCOMPARE(repository.list(f.projectId)->first().id, created.id);

        created.isDefault = false;
        auto refused = repository.update(created);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, u"isDefault"_s);
    }

    void removal()
    {
        Test::ProjectFixture f;
        ChannelRepository repository(f.ws.context);
        const Channel created = *repository.create(hotfix(f));
        const Channel defaultChannel = *repository.defaultChannel(f.projectId);

        auto refused = repository.remove(defaultChannel.id);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"default channel"_s));

        // A step limited to the channel keeps it.
        DeploymentProcess process = *ProcessRepository(f.ws.context).get(f.projectId);
        DeploymentStep step;
        step.name = u"Hotfix only"_s;
        step.runOnWorkstation = true;
        DeploymentAction action;
        action.properties.insert(ActionProperty::ScriptBody, u"true"_s);
        action.channelIds = {created.id};
        step.actions << action;
        process.steps << step;
        process = *ProcessRepository(f.ws.context).save(process);
        refused = repository.remove(created.id);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"\"Hotfix only\""_s), qPrintable(refused.error().message));

        process.steps.clear();
        QVERIFY(ProcessRepository(f.ws.context).save(process));
        QVERIFY(repository.remove(created.id));
        QCOMPARE(repository.list(f.projectId)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChannelRepository)
#include "tst_channelrepository.moc"
