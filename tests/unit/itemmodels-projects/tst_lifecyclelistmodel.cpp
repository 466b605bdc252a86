#include "model/itemmodels/lifecyclelistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_LifecycleListModel : public QObject
{
    Q_OBJECT

private slots:
    void rows_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<int>>("phaseCounts");
        QTest::addColumn<QStringList>("expected"); // "name|phases" in display order

        QTest::newRow("empty") << QStringList{} << QList<int>{} << QStringList{};
        QTest::newRow("default lifecycle has no phases") << QStringList{u"Default Lifecycle"_s} << QList<int>{0}
                                                         << QStringList{u"Default Lifecycle|One per environment"_s};
        QTest::newRow("sorted by name") << QStringList{u"Hotfix"_s, u"Apps"_s} << QList<int>{1, 3}
                                        << QStringList{u"Apps|3 phase(s)"_s, u"Hotfix|1 phase(s)"_s};
    }

    void rows()
    {
        QFETCH(QStringList, names);
        QFETCH(QList<int>, phaseCounts);
        QFETCH(QStringList, expected);

        QList<Lifecycle> lifecycles;
        for (int i = 0; i < names.size(); ++i) {
            Lifecycle l;
            l.id = u"Lifecycles-"_s + QString::number(i + 1);
            l.name = names[i];
            for (int p = 0; p < phaseCounts[i]; ++p)
                l.phases << LifecyclePhase{};
            lifecycles << l;
        }
        LifecycleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLifecycles(lifecycles);
        QStringList actual;
        for (int row = 0; row < model.rowCount(); ++row) {
            actual << model.index(row, LifecycleListModel::NameColumn).data().toString() + u'|'
                          + model.index(row, LifecycleListModel::PhasesColumn).data().toString();
            const QString id = model.index(row, 0).data(LifecycleListModel::IdRole).toString();
            QCOMPARE(model.rowOfId(id), row);
            QCOMPARE(model.lifecycle(row)->id, id);
        }
        QCOMPARE(actual, expected);
        QCOMPARE(model.rowOfId(u"missing"_s), -1);
        QVERIFY(!model.lifecycle(model.rowCount()).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_LifecycleListModel)
#include "tst_lifecyclelistmodel.moc"
