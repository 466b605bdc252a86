#include "model/itemmodels/tagsetlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_TagSetListModel : public QObject
{
    Q_OBJECT

private slots:
    void order_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("unchanged") << 0 << 0 << QStringList{u"S1"_s, u"S2"_s, u"S3"_s};
        QTest::newRow("first down") << 0 << 1 << QStringList{u"S2"_s, u"S1"_s, u"S3"_s};
        QTest::newRow("last to top") << 2 << 0 << QStringList{u"S3"_s, u"S1"_s, u"S2"_s};
        QTest::newRow("out of range") << 0 << 3 << QStringList{u"S1"_s, u"S2"_s, u"S3"_s};
    }

    void order()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QStringList, expected);

        QList<TagSet> sets;
        // Given out of order: the model shows sort order.
        for (int i : {3, 1, 2}) {
            TagSet s;
            s.id = u"S"_s + QString::number(i);
            s.name = u"Set "_s + QString::number(i);
            s.sortOrder = i;
            s.tags = {Tag{u"t1"_s, u"A"_s, u"#000000"_s, {}}, Tag{u"t2"_s, u"B"_s, u"#ffffff"_s, {}}};
            sets << s;
        }
        TagSetListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTagSets(sets);
        QCOMPARE(model.index(0, TagSetListModel::NameColumn).data().toString(), u"Set 1"_s);
        QCOMPARE(model.index(0, TagSetListModel::TagsColumn).data().toString(), u"A, B"_s);
        QCOMPARE(model.idsWithMove(from, to), expected);
        QCOMPARE(model.rowOfId(u"S3"_s), 2);
        QCOMPARE(model.tagSet(1)->id, u"S2"_s);
    }
};

QTEST_GUILESS_MAIN(tst_TagSetListModel)
#include "tst_tagsetlistmodel.moc"
