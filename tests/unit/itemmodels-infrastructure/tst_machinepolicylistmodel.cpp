#include "model/itemmodels/machinepolicylistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;

class tst_MachinePolicyListModel final : public QObject
{
    Q_OBJECT

private slots:
    void interval_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hour") << 3600 << QStringLiteral("every 1 hour(s)");
        QTest::newRow("15 minutes") << 900 << QStringLiteral("every 15 minute(s)");
        QTest::newRow("2 days") << 172800 << QStringLiteral("every 2 day(s)");
        QTest::newRow("90 seconds") << 90 << QStringLiteral("every 90 second(s)");
    }

    void interval()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        QCOMPARE(MachinePolicyListModel::intervalText(seconds), expected);
    }

    void rows()
    {
        MachinePolicyListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        MachinePolicy standard{QStringLiteral("MachinePolicies-1"), QStringLiteral("Spaces-1"), QStringLiteral("Default Machine Policy"),
                               {}, 3600, false, true};
        MachinePolicy quick{QStringLiteral("MachinePolicies-2"), QStringLiteral("Spaces-1"), QStringLiteral("Ping only"),
                            QStringLiteral("for flaky links"), 300, true, false};
        model.setPolicies({standard, quick});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, MachinePolicyListModel::Name).data().toString(), QStringLiteral("Default Machine Policy (default)"));
        QVERIFY(model.index(0, 0).data(MachinePolicyListModel::IsDefaultRole).toBool());
        QCOMPARE(model.index(1, MachinePolicyListModel::Name).data().toString(), QStringLiteral("Ping only"));
        QCOMPARE(model.index(1, MachinePolicyListModel::ConnectionTestOnly).data().toString(), QStringLiteral("Connection test only"));
        QCOMPARE(model.index(1, 0).data(MachinePolicyListModel::IntervalSecondsRole).toInt(), 300);
        QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("for flaky links"));
        QCOMPARE(model.rowOfId(QStringLiteral("MachinePolicies-2")), 1);
    }
};

QTEST_GUILESS_MAIN(tst_MachinePolicyListModel)
#include "tst_machinepolicylistmodel.moc"
