#include "model/core/lifecycleprogression.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

QList<Environment> environments(const QStringList &names)
{
    QList<Environment> all;
    // Given out of order on purpose: sortOrder, not list order, decides.
    for (qsizetype i = names.size() - 1; i >= 0; --i) {
        Environment environment;
        environment.id = names.at(i);
        environment.name = names.at(i);
        environment.sortOrder = int(i);
        all << environment;
    }
    return all;
}

LifecyclePhase phase(const QString &name, const QStringList &automatic, const QStringList &manual = {},
                     int minimum = 0, bool optional = false)
{
    LifecyclePhase p;
    p.name = name;
    p.automaticEnvironmentIds = automatic;
    p.optionalEnvironmentIds = manual;
    p.minimumEnvironmentsBeforePromotion = minimum;
    p.isOptional = optional;
    return p;
}

QSet<QString> set(const QStringList &ids)
{
    return QSet<QString>(ids.cbegin(), ids.cend());
}

const QStringList kSpace{u"Dev"_s, u"Test"_s, u"Staging"_s, u"Prod"_s};

Lifecycle standard()
{
    Lifecycle lifecycle;
    lifecycle.phases = {phase(u"Development"_s, {u"Dev"_s}), phase(u"Testing"_s, {}, {u"Test"_s, u"Staging"_s}, 1),
                        phase(u"Production"_s, {}, {u"Prod"_s})};
    return lifecycle;
}

} // namespace

class TestLifecycleProgression final : public QObject
{
    Q_OBJECT

private slots:
    void deployable_data()
    {
        QTest::addColumn<QStringList>("succeeded");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<QStringList>("deployable");
        QTest::newRow("new release: phase 1 only") << QStringList{} << false << QStringList{u"Dev"_s};
        QTest::newRow("phase 1 done opens phase 2") << QStringList{u"Dev"_s} << false
                                                    << QStringList{u"Dev"_s, u"Test"_s, u"Staging"_s};
        QTest::newRow("minimum 1 of 2 completes testing")
            << QStringList{u"Dev"_s, u"Staging"_s} << false << kSpace;
        QTest::newRow("success further on does not skip a phase")
            << QStringList{u"Prod"_s} << false << QStringList{u"Dev"_s};
        QTest::newRow("blocked: only phases with a success")
            << QStringList{u"Dev"_s, u"Test"_s} << true << QStringList{u"Dev"_s, u"Test"_s, u"Staging"_s};
        QTest::newRow("blocked without any success") << QStringList{} << true << QStringList{};
    }
    void deployable()
    {
        QFETCH(QStringList, succeeded);
        QFETCH(bool, blocked);
        QFETCH(QStringList, deployable);
        const LifecycleProgression progression(standard(), environments(kSpace));
        QCOMPARE(progression.deployableEnvironments({set(succeeded), blocked}), deployable);
        for (const QString &id : kSpace)
            QCOMPARE(progression.canDeployTo(id, {set(succeeded), blocked}), deployable.contains(id));
    }

    void noPhasesMeansOnePhasePerEnvironmentInSortOrder()
    {
        const LifecycleProgression progression(Lifecycle{}, environments(kSpace));
        QCOMPARE(progression.phases().size(), 4);
        QCOMPARE(progression.phases().at(1).environmentIds, QStringList{u"Test"_s});
        QCOMPARE(progression.deployableEnvironments({set({u"Dev"_s, u"Test"_s}), false}),
                 (QStringList{u"Dev"_s, u"Test"_s, u"Staging"_s}));
        QVERIFY(progression.automaticEnvironmentsDue({}).isEmpty());
    }

    void phaseWithoutEnvironmentsTakesTheRest()
    {
        Lifecycle lifecycle;
        lifecycle.phases = {phase(u"First"_s, {u"Dev"_s}), phase(u"Everything else"_s, {}), phase(u"Nothing left"_s, {})};
        const LifecycleProgression progression(lifecycle, environments(kSpace));
        QCOMPARE(progression.phases().at(1).environmentIds, (QStringList{u"Test"_s, u"Staging"_s, u"Prod"_s}));
        QVERIFY(progression.phases().at(2).environmentIds.isEmpty());
        QVERIFY(progression.isPhaseComplete(2, {}));
        QCOMPARE(progression.phases().at(1).required, 3);
    }

    void optionalPhaseNeitherBlocksNorAutoDeploys()
    {
        Lifecycle lifecycle;
        lifecycle.phases = {phase(u"Dev"_s, {u"Dev"_s}), phase(u"Try-out"_s, {u"Test"_s}, {}, 0, true),
                            phase(u"Prod"_s, {u"Prod"_s})};
        const LifecycleProgression progression(lifecycle, environments(kSpace));
        const LifecycleProgression::State state{set({u"Dev"_s}), false};
        QCOMPARE(progression.deployableEnvironments(state), (QStringList{u"Dev"_s, u"Test"_s, u"Prod"_s}));
        QCOMPARE(progression.automaticEnvironmentsDue(state), QStringList{u"Prod"_s});
    }

    void automaticEnvironmentsDue()
    {
        Lifecycle lifecycle;
        lifecycle.phases = {phase(u"Dev"_s, {u"Dev"_s}), phase(u"Test"_s, {u"Test"_s}, {u"Staging"_s}),
                            phase(u"Prod"_s, {}, {u"Prod"_s})};
        const LifecycleProgression progression(lifecycle, environments(kSpace));
        QCOMPARE(progression.automaticEnvironmentsDue({}), QStringList{u"Dev"_s});
        QCOMPARE(progression.automaticEnvironmentsDue({set({u"Dev"_s}), false}), QStringList{u"Test"_s});
        QCOMPARE(progression.automaticEnvironmentsDue({set({u"Dev"_s, u"Test"_s}), false}), QStringList{});
        QCOMPARE(progression.automaticEnvironmentsDue({set({u"Dev"_s}), true}), QStringList{});
    }

    void refusalNamesThePhaseToComplete()
    {
        const LifecycleProgression progression(standard(), environments(kSpace));
        auto refusal = progression.refusal(u"Prod"_s, {set({u"Dev"_s}), false});
        QVERIFY(refusal);
        QVERIFY(refusal->reason == LifecycleProgression::Refusal::Reason::PhaseIncomplete);
        QCOMPARE(progression.phases().at(refusal->phase).name, u"Testing"_s);
        QCOMPARE(refusal->succeeded, 0);
        QCOMPARE(refusal->required, 1);

        refusal = progression.refusal(u"Elsewhere"_s, {});
        QVERIFY(refusal);
        QVERIFY(refusal->reason == LifecycleProgression::Refusal::Reason::NotInLifecycle);

        refusal = progression.refusal(u"Test"_s, {set({u"Dev"_s}), true});
        QVERIFY(refusal);
        QVERIFY(refusal->reason == LifecycleProgression::Refusal::Reason::Blocked);

        QVERIFY(!progression.refusal(u"Dev"_s, {}));
    }
};

QTEST_GUILESS_MAIN(TestLifecycleProgression)
#include "tst_lifecycleprogression.moc"
