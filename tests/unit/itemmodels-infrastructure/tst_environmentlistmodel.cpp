#include "model/itemmodels/environmentlistmodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Cuttle;

namespace {

QList<Environment> environments(const QStringList &names)
{
    QList<Environment> list;
    for (qsizetype i = 0; i < names.size(); ++i) {
        Environment e;
        e.id = QStringLiteral("Environments-") + names.at(i);
        e.spaceId = QStringLiteral("Spaces-1");
        e.name = names.at(i);
        e.sortOrder = int(i);
        list << e;
    }
    return list;
}

QStringList names(const EnvironmentListModel &model)
{
    QStringList result;
    for (int i = 0; i < model.rowCount(); ++i)
        result << model.index(i).data().toString();
    return result;
}

} // namespace

class tst_EnvironmentListModel final : public QObject
{
    Q_OBJECT

private slots:
    void drop_data()
    {
        QTest::addColumn<QStringList>("dragged");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("onto"); // drop onto this row's item instead of a gap (-1: a gap)
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("changed");
        const QStringList dtp{QStringLiteral("Dev"), QStringLiteral("Test"), QStringLiteral("Prod")};
        QTest::newRow("last to first") << QStringList{QStringLiteral("Prod")} << 0 << -1
                                       << QStringList{QStringLiteral("Prod"), QStringLiteral("Dev"), QStringLiteral("Test")} << true;
        QTest::newRow("first to end") << QStringList{QStringLiteral("Dev")} << -1 << -1
                                      << QStringList{QStringLiteral("Test"), QStringLiteral("Prod"), QStringLiteral("Dev")} << true;
        QTest::newRow("first below second") << QStringList{QStringLiteral("Dev")} << 2 << -1
                                            << QStringList{QStringLiteral("Test"), QStringLiteral("Dev"), QStringLiteral("Prod")} << true;
        QTest::newRow("onto itself") << QStringList{QStringLiteral("Test")} << 1 << -1 << dtp << false;
        QTest::newRow("just below itself") << QStringList{QStringLiteral("Test")} << 2 << -1 << dtp << false;
        QTest::newRow("onto an item") << QStringList{QStringLiteral("Prod")} << -1 << 1
                                      << QStringList{QStringLiteral("Dev"), QStringLiteral("Prod"), QStringLiteral("Test")} << true;
        QTest::newRow("two at once") << QStringList{QStringLiteral("Test"), QStringLiteral("Prod")} << 0 << -1
                                     << QStringList{QStringLiteral("Test"), QStringLiteral("Prod"), QStringLiteral("Dev")} << true;
    }

    void drop()
    {
        QFETCH(QStringList, dragged);
        QFETCH(int, row);
        QFETCH(int, onto);
        QFETCH(QStringList, expected);
        QFETCH(bool, changed);

        EnvironmentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironments(environments({QStringLiteral("Dev"), QStringLiteral("Test"), QStringLiteral("Prod")}));
        QModelIndexList indexes;
        for (const QString &name : dragged)
            indexes << model.index(model.rowOfId(QStringLiteral("Environments-") + name));
        const QPersistentModelIndex firstDragged(indexes.first());
        std::unique_ptr<QMimeData> data(model.mimeData(indexes));
        QVERIFY(data);
        QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, row, 0, {}));
        QVERIFY(!model.canDropMimeData(data.get(), Qt::CopyAction, row, 0, {}));
        QSignalSpy order(&model, &EnvironmentListModel::orderChanged);
        const QModelIndex parent = onto >= 0 ? model.index(onto) : QModelIndex();
        QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, onto >= 0 ? -1 : row, 0, parent));
        QCOMPARE(names(model), expected);
        QCOMPARE(order.count(), changed ? 1 : 0);
        if (changed) {
            QStringList ids;
            for (const QString &name : expected)
                ids << QStringLiteral("Environments-") + name;
            QCOMPARE(order.first().first().toStringList(), ids);
            QCOMPARE(model.orderedIds(), ids);
        }
        // A persistent index follows its environment to its new row.
        QCOMPARE(firstDragged.data().toString(), dragged.first());
        for (int i = 0; i < model.rowCount(); ++i)
            QCOMPARE(model.index(i).data(EnvironmentListModel::SortOrderRole).toInt(), i);
    }

    void foreignDropIsRefused()
    {
        EnvironmentListModel model;
        model.setEnvironments(environments({QStringLiteral("Dev"), QStringLiteral("Test")}));
        QMimeData data;
        data.setData(EnvironmentListModel::mimeType(), "Environments-Elsewhere");
        QVERIFY(!model.canDropMimeData(&data, Qt::MoveAction, 0, 0, {}));
        QVERIFY(!model.dropMimeData(&data, Qt::MoveAction, 0, 0, {}));
        QMimeData text;
        text.setText(QStringLiteral("Dev"));
        QVERIFY(!model.canDropMimeData(&text, Qt::MoveAction, 0, 0, {}));
        QCOMPARE(names(model), (QStringList{QStringLiteral("Dev"), QStringLiteral("Test")}));
    }

    void flagsAllowOnlyGapDrops()
    {
        EnvironmentListModel model;
        model.setEnvironments(environments({QStringLiteral("Dev")}));
        QVERIFY(model.flags({}) & Qt::ItemIsDropEnabled);
        QVERIFY(!(model.flags(model.index(0)) & Qt::ItemIsDropEnabled));
        QVERIFY(model.flags(model.index(0)) & Qt::ItemIsDragEnabled);
        QCOMPARE(model.namesById().value(QStringLiteral("Environments-Dev")), QStringLiteral("Dev"));
    }
};

QTEST_GUILESS_MAIN(tst_EnvironmentListModel)
#include "tst_environmentlistmodel.moc"
