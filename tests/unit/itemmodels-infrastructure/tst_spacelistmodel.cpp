#include "model/itemmodels/spacelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;

class tst_SpaceListModel final : public QObject
{
    Q_OBJECT

private slots:
    void rows_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::newRow("none") << QStringList();
        QTest::newRow("default only") << QStringList{QStringLiteral("Default")};
        QTest::newRow("three") << QStringList{QStringLiteral("Default"), QStringLiteral("Ops"), QStringLiteral("Web")};
    }

    void rows()
    {
        QFETCH(QStringList, names);
        SpaceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Space> spaces;
        for (qsizetype i = 0; i < names.size(); ++i)
            spaces << Space{QStringLiteral("Spaces-%1").arg(i + 1), names.at(i), QStringLiteral("about ") + names.at(i), i == 0};
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSpaces(spaces);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), names.size());
        for (int i = 0; i < names.size(); ++i) {
            const QModelIndex index = model.index(i);
            QCOMPARE(index.data().toString(), names.at(i));
            QCOMPARE(index.data(SpaceListModel::IdRole).toString(), QStringLiteral("Spaces-%1").arg(i + 1));
            QCOMPARE(index.data(SpaceListModel::IsDefaultRole).toBool(), i == 0);
            QCOMPARE(model.rowOfId(QStringLiteral("Spaces-%1").arg(i + 1)), i);
        }
        QCOMPARE(model.rowOfId(QStringLiteral("Spaces-99")), -1);
        model.setSpaces({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SpaceListModel)
#include "tst_spacelistmodel.moc"
