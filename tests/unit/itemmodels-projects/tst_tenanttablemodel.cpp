#include "model/itemmodels/tenanttablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

TagSet tagSet(const QString &name, int order, const QList<std::pair<QString, QString>> &tags)
{
    TagSet set;
    set.id = u"TagSets-"_s + name;
    set.name = name;
    set.sortOrder = order;
    for (const auto &[tagName, color] : tags) {
        Tag t;
        t.name = tagName;
        t.color = color;
        set.tags << t;
    }
    return set;
}

} // namespace

class tst_TenantTableModel : public QObject
{
    Q_OBJECT

private slots:
    void tags_data()
    {
        QTest::addColumn<QStringList>("tenantTags");
        QTest::addColumn<QStringList>("expectedTags");
        QTest::addColumn<QStringList>("expectedColors");

        QTest::newRow("none") << QStringList{} << QStringList{} << QStringList{};
        QTest::newRow("tag set order, then tag order")
            << QStringList{u"Tier/Gold"_s, u"Region/West"_s, u"Region/East"_s}
            << QStringList{u"Region/East"_s, u"Region/West"_s, u"Tier/Gold"_s}
            << QStringList{u"#111111"_s, u"#222222"_s, u"#ffd700"_s};
        QTest::newRow("unknown tag kept last in grey")
            << QStringList{u"Old/Thing"_s, u"Tier/Gold"_s}
            << QStringList{u"Tier/Gold"_s, u"Old/Thing"_s} << QStringList{u"#ffd700"_s, u"#6e6e6e"_s};
    }

    void tags()
    {
        QFETCH(QStringList, tenantTags);
        QFETCH(QStringList, expectedTags);
        QFETCH(QStringList, expectedColors);

        Tenant t;
        t.id = u"Tenants-1"_s;
        t.name = u"Acme"_s;
        t.tags = tenantTags;
        t.projects = {{u"Projects-2"_s, {}}, {u"Projects-1"_s, {u"Env-1"_s}}};
        Project p1;
        p1.id = u"Projects-1"_s;
        p1.name = u"Web"_s;
        Project p2;
        p2.id = u"Projects-2"_s;
        p2.name = u"Api"_s;

        TenantTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setData({t},
                      {tagSet(u"Tier"_s, 2, {{u"Gold"_s, u"#ffd700"_s}}),
                       tagSet(u"Region"_s, 1, {{u"East"_s, u"#111111"_s}, {u"West"_s, u"#222222"_s}})},
                      {p1, p2});
        const QModelIndex row = model.index(0, TenantTableModel::TagsColumn);
        QCOMPARE(row.data(TenantTableModel::TagsRole).toStringList(), expectedTags);
        QCOMPARE(row.data(TenantTableModel::TagColorsRole).toStringList(), expectedColors);
        QCOMPARE(row.data().toString(), expectedTags.join(u", "_s));
        QCOMPARE(model.index(0, TenantTableModel::ProjectsColumn).data().toString(), u"Api, Web"_s);
        QCOMPARE(model.rowOfId(u"Tenants-1"_s), 0);
    }

    void sortedByName()
    {
        TenantTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Tenant b;
        b.id = u"T2"_s;
        b.name = u"Beta"_s;
        Tenant a;
        a.id = u"T1"_s;
        a.name = u"Alpha"_s;
        model.setData({b, a}, {}, {});
        QCOMPARE(model.tenant(0)->name, u"Alpha"_s);
        QCOMPARE(model.index(1, 0).data(TenantTableModel::IdRole).toString(), u"T2"_s);
        model.setData({}, {}, {});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.tenant(0).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_TenantTableModel)
#include "tst_tenanttablemodel.moc"
