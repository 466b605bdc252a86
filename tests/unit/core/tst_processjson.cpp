#include "model/core/processjson.h"
#include "processfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestProcessJson final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsExact()
    {
        const DeploymentProcess process = Test::sampleProcess();
        const QJsonObject json = ProcessJson::toJson(process);
        const auto back = ProcessJson::fromJson(json);
        QVERIFY(back);
        QVERIFY(*back == process);
        // Written the same way twice: exports diff cleanly.
        QCOMPARE(QJsonDocument(ProcessJson::toJson(*back)).toJson(), QJsonDocument(json).toJson());
    }

    void storedNamesAreTheReferenceProducts()
    {
        const QJsonObject json = ProcessJson::toJson(Test::sampleProcess());
        const QJsonArray steps = json.value(u"steps"_s).toArray();
        QCOMPARE(steps.at(1).toObject().value(u"actions"_s).toArray().at(0).toObject().value(u"type"_s).toString(),
                 u"Octopus.TentaclePackage"_s);
        QCOMPARE(steps.at(2).toObject().value(u"startTrigger"_s).toString(), u"StartWithPrevious"_s);
    }

    void missingFieldsTakeTheirDefaults()
    {
        const auto step = ProcessJson::stepFromJson(QJsonDocument::fromJson(
            R"({"name": "Only a name", "actions": [{"type": "script"}]})").object());
        QVERIFY(step);
        QCOMPARE(step->name, u"Only a name"_s);
        QVERIFY(step->condition == StepCondition::Success);
        QVERIFY(step->startTrigger == StartTrigger::StartAfterPrevious);
        QCOMPARE(step->actions.size(), 1);
        QVERIFY(step->actions.first().type == ActionType::RunScript);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("wrong condition") << QByteArray(R"({"steps": [{"name": "A", "condition": "Sometimes"}]})")
                                         << u"process.steps[0].condition: \"Sometimes\" is not a step condition"_s;
        QTest::newRow("tags not a list") << QByteArray(R"({"steps": [{"name": "A", "targetTags": "web"}]})")
                                         << u"process.steps[0].targetTags must be a list of texts."_s;
        QTest::newRow("unknown action type") << QByteArray(R"({"steps": [{"name": "A", "actions": [{"type": "Octopus.Nope"}]}]})")
                                             << u"process.steps[0].actions[0].type: \"Octopus.Nope\" is not an action type."_s;
        QTest::newRow("package id a number")
            << QByteArray(R"({"steps": [{"name": "A", "actions": [{"packages": [{"packageId": 7}]}]}]})")
            << u"process.steps[0].actions[0].packages[0].packageId must be a text."_s;
        QTest::newRow("property not text")
            << QByteArray(R"({"steps": [{"name": "A", "actions": [{"properties": {"x": 1}}]}]})")
            << u"process.steps[0].actions[0].properties must be an object of texts."_s;
        QTest::newRow("steps not objects") << QByteArray(R"({"steps": [1]})") << u"process.steps must be a list of objects."_s;
    }
    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, sentence);
        const auto process = ProcessJson::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!process);
        QVERIFY2(process.error().message.contains(sentence), qPrintable(process.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProcessJson)
#include "tst_processjson.moc"
