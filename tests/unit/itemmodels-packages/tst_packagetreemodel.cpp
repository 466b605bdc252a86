#include "model/itemmodels/packagefilterproxymodel.h"
#include "model/itemmodels/packagetreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

// "id@version,id@version,...": the records a space's list would return, in any order.
QList<PackageRepository::Record> records(const QString &spec)
{
    QList<PackageRepository::Record> list;
    int n = 0;
    for (const QString &item : spec.split(u',', Qt::SkipEmptyParts)) {
        PackageRepository::Record r;
        r.id = u"Packages-%1"_s.arg(++n);
        r.packageId = item.section(u'@', 0, 0);
        r.version = item.section(u'@', 1, 1);
        r.format = u"tar.gz"_s;
        r.size = 1024 * n;
        r.sha256 = QString(64, u'a');
        r.uploadedAt = QDateTime(QDate(2026, 1, n), QTime(12, 0), Qt::UTC);
        list << r;
    }
    return list;
}

// "Id: v1 v2 | Id2: v1" as the tree shows it.
QString shape(const QAbstractItemModel &model)
{
    QStringList packages;
    for (int p = 0; p < model.rowCount(); ++p) {
        const QModelIndex package = model.index(p, 0);
        QStringList versions;
        for (int v = 0; v < model.rowCount(package); ++v)
            versions << model.index(v, 0, package).data().toString();
        packages << package.data().toString() + u": "_s + versions.join(u' ');
    }
    return packages.join(u" | "_s);
}

} // namespace

class tst_PackageTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void tree_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("semantic order, not text order")
            << u"Web@1.9.0,Web@1.10.0,Web@1.2.0"_s << u"Web: 1.10.0 1.9.0 1.2.0"_s;
        QTest::newRow("pre-release below its release")
            << u"Web@2.0.0-beta.1,Web@2.0.0,Web@1.0.0"_s << u"Web: 2.0.0 2.0.0-beta.1 1.0.0"_s;
        QTest::newRow("ids sorted, case-insensitive grouping")
            << u"web@1.0.0,Api@3.0.0,Web@1.1.0"_s << u"Api: 3.0.0 | web: 1.1.0 1.0.0"_s;
    }

    void tree()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        PackageTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(records(spec));
        QCOMPARE(shape(model), expected);
        QCOMPARE(model.versionCount(), int(records(spec).size()));
    }

    void columnsAndLookups()
    {
        PackageTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(records(u"Web@1.0.0,Web@1.1.0,Api@2.0.0"_s));
        QCOMPARE(model.columnCount(), int(PackageTreeModel::ColumnCount));
        const QModelIndex web = model.indexOf(u"web"_s);
        QVERIFY(web.isValid());
        QCOMPARE(model.rowCount(web), 2);
        QVERIFY(!model.record(web));
        QCOMPARE(model.versions(web).size(), 2);

        const QModelIndex v = model.indexOf(u"Web"_s, u"1.1"_s); // semantically 1.1.0
        QVERIFY(v.isValid());
        QCOMPARE(v.parent(), web);
        QCOMPARE(model.record(v)->version, u"1.1.0"_s);
        QCOMPARE(v.data(PackageTreeModel::KindRole).toInt(), int(PackageTreeModel::Kind::Version));
        QCOMPARE(v.siblingAtColumn(PackageTreeModel::Sha256Column).data().toString(), QString(64, u'a'));
        QVERIFY(!v.siblingAtColumn(PackageTreeModel::SizeColumn).data().toString().isEmpty());
        QVERIFY(!v.siblingAtColumn(PackageTreeModel::UploadedColumn).data().toString().isEmpty());
        QVERIFY(!model.indexOf(u"Web"_s, u"9.0.0"_s).isValid());
        QVERIFY(!model.indexOf(u"Nope"_s).isValid());
        QVERIFY(!model.record({}));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty shows all") << QString() << u"Api: 2.0.0 | Web: 1.1.0 1.0.0"_s;
        QTest::newRow("by id keeps every version") << u"  we "_s << u"Web: 1.1.0 1.0.0"_s;
        QTest::newRow("by version keeps the package") << u"1.1"_s << u"Web: 1.1.0"_s;
        QTest::newRow("no match") << u"zzz"_s << QString();
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        PackageTreeModel model;
        model.setRecords(records(u"Web@1.0.0,Web@1.1.0,Api@2.0.0"_s));
        PackageFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setPackageModel(&model);
        proxy.setFilter(PackageFilter(text));
        QCOMPARE(shape(proxy), expected);
        // A new list keeps the filter.
        model.setRecords(records(u"Web@1.0.0,Web@1.1.0,Api@2.0.0"_s));
        QCOMPARE(shape(proxy), expected);
    }
};

QTEST_GUILESS_MAIN(tst_PackageTreeModel)
#include "tst_packagetreemodel.moc"
