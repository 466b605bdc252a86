#include "model/itemmodels/variables/libraryvariablesetlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_LibraryVariableSetListModel : public QObject
{
    Q_OBJECT

private slots:
    void rows_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("three") << 3;
    }

    void rows()
    {
        QFETCH(int, count);
        QList<LibraryVariableSet> sets;
        for (int i = 0; i < count; ++i)
            sets << LibraryVariableSet{u"set-%1"_s.arg(i), u"space"_s, u"Set %1"_s.arg(i), u"First line\nsecond"_s};
        LibraryVariableSetListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSets(sets);
        QCOMPARE(model.rowCount(), count);
        QCOMPARE(model.ids().size(), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(model.rowOfId(u"set-%1"_s.arg(i)), i);
            QCOMPARE(model.index(i, LibraryVariableSetListModel::Name).data().toString(), u"Set %1"_s.arg(i));
            QCOMPARE(model.index(i, LibraryVariableSetListModel::Description).data().toString(), u"First line"_s);
            QCOMPARE(model.index(i, 0).data(LibraryVariableSetListModel::IdRole).toString(), u"set-%1"_s.arg(i));
        }
        QCOMPARE(model.rowOfId(u"missing"_s), -1);
        model.setSets({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_LibraryVariableSetListModel)
#include "tst_libraryvariablesetlistmodel.moc"
