#include "model/itemmodels/targettablemodel.h"
#include "targetfixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;

class tst_TargetTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void cells_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("name") << 0 << int(TargetTableModel::Name) << QStringLiteral("web-01");
        QTest::newRow("ssh endpoint") << 0 << int(TargetTableModel::Endpoint) << QStringLiteral("web01.example.com:22");
        QTest::newRow("winrm endpoint") << 2 << int(TargetTableModel::Endpoint) << QStringLiteral("10.0.0.7:5986");
        QTest::newRow("drop endpoint is its folder") << 3 << int(TargetTableModel::Endpoint) << QStringLiteral("/srv/drop");
        QTest::newRow("environments by name") << 2 << int(TargetTableModel::Environments)
                                              << QStringLiteral("Development, Production");
        QTest::newRow("tags") << 1 << int(TargetTableModel::Tags) << QStringLiteral("web, api");
        QTest::newRow("no tags") << 3 << int(TargetTableModel::Tags) << QString();
        QTest::newRow("kind") << 2 << int(TargetTableModel::Kind) << displayName(TargetKind::WinRm);
        QTest::newRow("health") << 1 << int(TargetTableModel::Health) << displayName(HealthStatus::Unhealthy);
        QTest::newRow("disabled") << 2 << int(TargetTableModel::Status) << QStringLiteral("Disabled");
        QTest::newRow("enabled") << 0 << int(TargetTableModel::Status) << QStringLiteral("Enabled");
    }

    void cells()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, text);
        TargetTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTargets(Test::sampleTargets());
        model.setEnvironmentNames(Test::sampleEnvironmentNames());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(TargetTableModel::ColumnCount));
        QCOMPARE(model.index(row, column).data().toString(), text);
    }

    void roles()
    {
        TargetTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTargets(Test::sampleTargets());
        const QModelIndex index = model.index(2, TargetTableModel::Name);
        QCOMPARE(index.data(TargetTableModel::IdRole).toString(), QStringLiteral("Machines-win-db"));
        QCOMPARE(index.data(TargetTableModel::KindRole).toInt(), int(TargetKind::WinRm));
        QCOMPARE(index.data(TargetTableModel::HealthRole).toInt(), int(HealthStatus::HasWarnings));
        QVERIFY(index.data(TargetTableModel::IsDisabledRole).toBool());
        QCOMPARE(index.data(TargetTableModel::TagsRole).toStringList(), QStringList{QStringLiteral("db")});
        QCOMPARE(model.rowOfId(QStringLiteral("Machines-drop")), 3);
        QCOMPARE(model.rowOfId(QStringLiteral("Machines-none")), -1);
        // Without names the environment ids show, rather than nothing.
        QCOMPARE(model.index(0, TargetTableModel::Environments).data().toString(), QStringLiteral("E1"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setEnvironmentNames(Test::sampleEnvironmentNames());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, TargetTableModel::Environments).data().toString(), QStringLiteral("Development"));
        QVERIFY(model.headerData(TargetTableModel::Tags, Qt::Horizontal).toString().contains(QStringLiteral("tags")));
    }
};

QTEST_GUILESS_MAIN(tst_TargetTableModel)
#include "tst_targettablemodel.moc"
