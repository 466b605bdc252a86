#include "model/itemmodels/lifecyclephasemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

QList<Environment> environments()
{
    QList<Environment> list;
    int order = 0;
    for (const QString &name : {u"Development"_s, u"Test"_s, u"Staging"_s, u"Production"_s}) {
        Environment e;
        e.id = u"Env-"_s + name;
        e.name = name;
        e.sortOrder = order++;
        list << e;
    }
    return list;
}

LifecyclePhase phase(const QString &name, const QStringList &automatic, const QStringList &optional = {}, bool isOptional = false)
{
    LifecyclePhase p;
    p.name = name;
    for (const QString &e : automatic)
        p.automaticEnvironmentIds << u"Env-"_s + e;
    for (const QString &e : optional)
        p.optionalEnvironmentIds << u"Env-"_s + e;
    p.isOptional = isOptional;
    return p;
}

} // namespace

class tst_LifecyclePhaseModel : public QObject
{
    Q_OBJECT

private slots:
    void promotionOrder_data()
    {
        QTest::addColumn<QList<LifecyclePhase>>("phases");
        QTest::addColumn<QString>("expected");

        QTest::newRow("no phases: one per environment")
            << QList<LifecyclePhase>{} << u"Development → Test → Staging → Production"_s;
        QTest::newRow("one environment per phase")
            << QList<LifecyclePhase>{phase(u"Dev"_s, {u"Development"_s}), phase(u"Test"_s, {u"Test"_s}),
                                     phase(u"Prod"_s, {u"Production"_s})}
            << u"Development → Test → Production"_s;
        QTest::newRow("empty phase takes the rest")
            << QList<LifecyclePhase>{phase(u"Dev"_s, {u"Development"_s}), phase(u"Rest"_s, {})}
            << u"Development → Test, Staging, Production"_s;
        QTest::newRow("manual environments count, in sort order")
            << QList<LifecyclePhase>{phase(u"Pre"_s, {u"Test"_s}, {u"Development"_s}), phase(u"Live"_s, {}, {u"Production"_s})}
            << u"Development, Test → Production"_s;
        QTest::newRow("optional phase is marked")
            << QList<LifecyclePhase>{phase(u"Dev"_s, {u"Development"_s}), phase(u"Stage"_s, {u"Staging"_s}, {}, true),
                                     phase(u"Prod"_s, {u"Production"_s})}
            << u"Development → Staging (optional) → Production"_s;
        QTest::newRow("empty phase after all are named")
            << QList<LifecyclePhase>{phase(u"All"_s, {u"Development"_s, u"Test"_s, u"Staging"_s, u"Production"_s}), phase(u"Nothing"_s, {})}
            << u"Development, Test, Staging, Production → (no environments)"_s;
    }

    void promotionOrder()
    {
        QFETCH(QList<LifecyclePhase>, phases);
        QFETCH(QString, expected);
        QCOMPARE(LifecyclePhaseModel::promotionOrderText(phases, environments()), expected);
    }

    void editing_data()
    {
        QTest::addColumn<QString>("operations"); // a=append, r<n>=remove row n, m<a><b>=move a to b
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("append") << u"a a a"_s << QStringList{u"P1"_s, u"P2"_s, u"P3"_s};
        QTest::newRow("remove middle") << u"a a a r1"_s << QStringList{u"P1"_s, u"P3"_s};
        QTest::newRow("move down") << u"a a a m02"_s << QStringList{u"P2"_s, u"P3"_s, u"P1"_s};
        QTest::newRow("move up") << u"a a a m20"_s << QStringList{u"P3"_s, u"P1"_s, u"P2"_s};
        QTest::newRow("neighbours") << u"a a a m12"_s << QStringList{u"P1"_s, u"P3"_s, u"P2"_s};
        QTest::newRow("out of range is ignored") << u"a r5 m07"_s << QStringList{u"P1"_s};
    }

    void editing()
    {
        QFETCH(QString, operations);
        QFETCH(QStringList, expected);

        LifecyclePhaseModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironments(environments());
        int appended = 0;
        for (const QString &op : operations.split(u' ')) {
            if (op == u"a")
                model.appendPhase(u"P"_s + QString::number(++appended));
            else if (op.startsWith(u'r'))
                model.removePhase(op.mid(1).toInt());
            else if (op.startsWith(u'm'))
                model.movePhase(op.mid(1, 1).toInt(), op.mid(2, 1).toInt());
        }
        QStringList names;
        for (const LifecyclePhase &p : model.phases())
            names << p.name;
        QCOMPARE(names, expected);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, LifecyclePhaseModel::NameColumn).data().toString(), expected[row]);
    }

    void environmentsShowByName()
    {
        LifecyclePhaseModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPhases({phase(u"Pre"_s, {u"Test"_s, u"Development"_s}, {u"Staging"_s}), phase(u"Rest"_s, {})});
        model.setEnvironments(environments());
        QCOMPARE(model.index(0, LifecyclePhaseModel::AutomaticColumn).data().toString(), u"Test, Development"_s);
        QCOMPARE(model.index(0, LifecyclePhaseModel::OptionalEnvironmentsColumn).data().toString(), u"Staging"_s);
        QCOMPARE(model.index(0, LifecyclePhaseModel::MinimumColumn).data().toString(), u"All"_s);
        QCOMPARE(model.index(1, LifecyclePhaseModel::AutomaticColumn).data().toString(), u"All remaining environments"_s);

        QSignalSpy edited(&model, &LifecyclePhaseModel::phasesEdited);
        QVERIFY(model.setData(model.index(0, LifecyclePhaseModel::MinimumColumn), 2));
        QCOMPARE(model.phase(0).minimumEnvironmentsBeforePromotion, 2);
        QVERIFY(!model.setData(model.index(0, LifecyclePhaseModel::MinimumColumn), -1));
        QVERIFY(model.setData(model.index(1, LifecyclePhaseModel::NameColumn), u"Production"_s));
        QCOMPARE(model.phase(1).name, u"Production"_s);
        QCOMPARE(edited.count(), 2);
        QVERIFY(!(model.flags(model.index(0, LifecyclePhaseModel::AutomaticColumn)) & Qt::ItemIsEditable));
    }
};

QTEST_GUILESS_MAIN(tst_LifecyclePhaseModel)
#include "tst_lifecyclephasemodel.moc"
