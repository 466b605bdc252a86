#include "model/itemmodels/tagmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_TagModel : public QObject
{
    Q_OBJECT

private slots:
    void editing_data()
    {
        QTest::addColumn<QString>("operations"); // a<name>=append, r<n>=remove, m<a><b>=move, n<row><name>=rename
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("append") << u"aGold aSilver"_s << QStringList{u"Gold"_s, u"Silver"_s};
        QTest::newRow("remove") << u"aGold aSilver aBronze r0"_s << QStringList{u"Silver"_s, u"Bronze"_s};
        QTest::newRow("move") << u"aGold aSilver aBronze m20"_s << QStringList{u"Bronze"_s, u"Gold"_s, u"Silver"_s};
        QTest::newRow("rename") << u"aGold aSilver n1Platinum"_s << QStringList{u"Gold"_s, u"Platinum"_s};
        QTest::newRow("bad rows ignored") << u"aGold r3 m01"_s << QStringList{u"Gold"_s};
    }

    void editing()
    {
        QFETCH(QString, operations);
        QFETCH(QStringList, expected);

        TagModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &op : operations.split(u' ')) {
            if (op.startsWith(u'a'))
                model.appendTag(op.mid(1));
            else if (op.startsWith(u'r'))
                model.removeTag(op.mid(1).toInt());
            else if (op.startsWith(u'm'))
                model.moveTag(op.mid(1, 1).toInt(), op.mid(2, 1).toInt());
            else if (op.startsWith(u'n'))
                QVERIFY(model.setData(model.index(op.mid(1, 1).toInt(), TagModel::NameColumn), op.mid(2)));
        }
        QStringList names;
        for (const Tag &t : model.tags())
            names << t.name;
        QCOMPARE(names, expected);
    }

    void colours()
    {
        TagModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTags({Tag{u"Tags-1"_s, u"Gold"_s, u"#ffd700"_s, {}}});
        const QModelIndex colour = model.index(0, TagModel::ColorColumn);
        QCOMPARE(colour.data(Qt::DecorationRole).value<QColor>(), QColor(0xff, 0xd7, 0x00));
        QSignalSpy edited(&model, &TagModel::tagsEdited);
        QVERIFY(model.setData(colour, u" #00ff00 "_s));
        QCOMPARE(model.tags().constFirst().color, u"#00ff00"_s);
        QVERIFY(model.setData(colour, u"not a colour"_s));
        // An unreadable colour is kept for the store to refuse, but draws no swatch.
        QVERIFY(!colour.data(Qt::DecorationRole).isValid());
        QCOMPARE(edited.count(), 2);
        QCOMPARE(model.index(0, 0).data(TagModel::IdRole).toString(), u"Tags-1"_s);
        QCOMPARE(model.appendTag(u"Plain"_s), 1);
        QCOMPARE(model.tags().at(1).color, Tag{}.color);
    }
};

QTEST_GUILESS_MAIN(tst_TagModel)
#include "tst_tagmodel.moc"
