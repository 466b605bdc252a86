#include "model/core/processvalidation.h"
#include "processfixture.h"

#include <QTest>

#include <functional>

using namespace Cuttle;
using namespace Qt::StringLiterals;

using Change = std::function<void(DeploymentProcess &)>;
Q_DECLARE_METATYPE(Change)

class TestProcessValidation final : public QObject
{
    Q_OBJECT

private slots:
    void sampleIsValid()
    {
        const auto checked = validateProcess(Test::sampleProcess());
        QVERIFY2(checked, checked ? "" : qPrintable(checked.error().message));
    }

    void trimsAndNamesSingleActions()
    {
        DeploymentProcess process = Test::sampleProcess();
        process.steps[0].name = u"  Check prerequisites  "_s;
        process.steps[0].actions[0].name.clear();
        process.steps[0].targetTags = {u" web "_s, u"WEB"_s, u"db"_s};
        const auto checked = validateProcess(process);
        QVERIFY(checked);
        QCOMPARE(checked->steps[0].name, u"Check prerequisites"_s);
        QCOMPARE(checked->steps[0].actions[0].name, u"Check prerequisites"_s);
        QCOMPARE(checked->steps[0].targetTags, (QStringList{u"web"_s, u"db"_s}));
    }

    void refusals_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("no step name") << Change([](DeploymentProcess &p) { p.steps[1].name = u" "_s; })
                                      << u"steps[1].name"_s << u"The step needs a name."_s;
        QTest::newRow("same step name") << Change([](DeploymentProcess &p) { p.steps[2].name = u"deploy WEB"_s; })
                                        << u"steps[2].name"_s << u"Two steps are named \"deploy WEB\""_s;
        QTest::newRow("same action name") << Change([](DeploymentProcess &p) { p.steps[1].actions[1].name = u"Approve"_s; })
                                          << u"steps[2].actions[0].name"_s << u"Two actions are named \"Approve\""_s;
        QTest::newRow("no actions") << Change([](DeploymentProcess &p) { p.steps[0].actions.clear(); })
                                    << u"steps[0].actions"_s << u"has nothing to do"_s;
        QTest::newRow("no target tags") << Change([](DeploymentProcess &p) { p.steps[0].targetTags.clear(); })
                                        << u"steps[0].targetTags"_s << u"needs the target tags it runs on"_s;
        QTest::newRow("empty script") << Change([](DeploymentProcess &p) { p.steps[0].actions[0].properties.clear(); })
                                      << u"steps[0].actions[0].properties"_s << u"has no script to run"_s;
        QTest::newRow("script from package without file")
            << Change([](DeploymentProcess &p) { p.steps[1].actions[1].properties.remove(ActionProperty::ScriptFileName); })
            << u"steps[1].actions[1].packages"_s << u"runs a script from a package"_s;
        QTest::newRow("package without id") << Change([](DeploymentProcess &p) { p.steps[1].actions[0].packages[0].packageId.clear(); })
                                            << u"steps[1].actions[0].packages[0]"_s << u"has no package ID"_s;
        QTest::newRow("no package") << Change([](DeploymentProcess &p) { p.steps[1].actions[0].packages.clear(); })
                                    << u"steps[1].actions[0].packages"_s << u"needs a package"_s;
        QTest::newRow("transfer without path")
            << Change([](DeploymentProcess &p) { p.steps[3].actions[0].properties.clear(); })
            << u"steps[3].actions[0].properties"_s << u"needs the path on the target"_s;
        QTest::newRow("manual without instructions")
            << Change([](DeploymentProcess &p) { p.steps[2].actions[0].properties.clear(); })
            << u"steps[2].actions[0].properties"_s << u"needs instructions"_s;
        QTest::newRow("variable condition without expression")
            << Change([](DeploymentProcess &p) { p.steps[2].conditionExpression.clear(); })
            << u"steps[2].conditionExpression"_s << u"has no expression"_s;
        QTest::newRow("bad window") << Change([](DeploymentProcess &p) { p.steps[1].windowSize = u"0"_s; })
                                    << u"steps[1].windowSize"_s << u"rolling window"_s;
        QTest::newRow("bad parallelism")
            << Change([](DeploymentProcess &p) { p.steps[1].actions[0].properties[ActionProperty::MaxParallelism] = u"many"_s; })
            << u"steps[1].actions[0].properties"_s << u"maximum parallelism"_s;
        QTest::newRow("two packages one name")
            << Change([](DeploymentProcess &p) { p.steps[1].actions[1].packages << PackageReference{u"Tools"_s, u"X"_s, true}; })
            << u"steps[1].actions[1].packages[1]"_s << u"two packages by the same name"_s;
    }
    void refusals()
    {
        QFETCH(Change, change);
        QFETCH(QString, field);
        QFETCH(QString, sentence);
        DeploymentProcess process = Test::sampleProcess();
        change(process);
        const auto checked = validateProcess(process);
        QVERIFY(!checked);
        QCOMPARE(checked.error().field, field);
        QVERIFY2(checked.error().message.contains(sentence), qPrintable(checked.error().message));
    }

    void manualInterventionNeedsNoTargets()
    {
        DeploymentProcess process = Test::sampleProcess();
        QVERIFY(process.steps[2].targetTags.isEmpty());
        QVERIFY(validateProcess(process));
    }
};

QTEST_GUILESS_MAIN(TestProcessValidation)
#include "tst_processvalidation.moc"
