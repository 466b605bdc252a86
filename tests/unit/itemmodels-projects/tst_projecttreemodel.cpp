#include "model/itemmodels/projecttreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_ProjectTreeModel : public QObject
{
    Q_OBJECT

private:
    static ProjectGroup group(const QString &id, const QString &name)
    {
        return ProjectGroup{id, QStringLiteral("Spaces-1"), name, {}};
    }
    static Project project(const QString &id, const QString &name, const QString &groupId)
    {
        Project p;
        p.id = id;
        p.name = name;
        p.projectGroupId = groupId;
        p.description = QStringLiteral("About %1\nsecond line").arg(name);
        return p;
    }

private slots:
    void tree_data()
    {
        QTest::addColumn<QList<ProjectGroup>>("groups");
        QTest::addColumn<QList<Project>>("projects");
        QTest::addColumn<QStringList>("expected"); // "Group: p1, p2" per group, in order

        QTest::newRow("empty") << QList<ProjectGroup>{} << QList<Project>{} << QStringList{};
        QTest::newRow("group without projects") << QList<ProjectGroup>{group(u"G1"_s, u"Default"_s)}
                                                << QList<Project>{} << QStringList{u"Default:"_s};
        QTest::newRow("sorted groups and projects")
            << QList<ProjectGroup>{group(u"G2"_s, u"Web"_s), group(u"G1"_s, u"Apps"_s)}
            << QList<Project>{project(u"P1"_s, u"Zeta"_s, u"G2"_s), project(u"P2"_s, u"Alpha"_s, u"G2"_s),
                              project(u"P3"_s, u"Mobile"_s, u"G1"_s)}
            << QStringList{u"Apps: Mobile"_s, u"Web: Alpha, Zeta"_s};
        QTest::newRow("project of unknown group is left out")
            << QList<ProjectGroup>{group(u"G1"_s, u"Apps"_s)}
            << QList<Project>{project(u"P1"_s, u"Lost"_s, u"G9"_s)} << QStringList{u"Apps:"_s};
    }

    void tree()
    {
        QFETCH(QList<ProjectGroup>, groups);
        QFETCH(QList<Project>, projects);
        QFETCH(QStringList, expected);

        ProjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setData(groups, projects);

        QStringList actual;
        for (int g = 0; g < model.rowCount(); ++g) {
            const QModelIndex gi = model.index(g, 0);
            QCOMPARE(gi.data(ProjectTreeModel::KindRole).toInt(), int(ProjectTreeModel::Kind::Group));
            QVERIFY(model.group(gi).has_value());
            QVERIFY(!model.project(gi).has_value());
            QStringList names;
            for (int p = 0; p < model.rowCount(gi); ++p) {
                const QModelIndex pi = model.index(p, 0, gi);
                QCOMPARE(pi.parent(), gi);
                QCOMPARE(pi.data(ProjectTreeModel::KindRole).toInt(), int(ProjectTreeModel::Kind::Project));
                QCOMPARE(pi.data(ProjectTreeModel::GroupIdRole).toString(), gi.data(ProjectTreeModel::IdRole).toString());
                QCOMPARE(model.indexOfId(pi.data(ProjectTreeModel::IdRole).toString()), pi);
                QCOMPARE(model.project(pi)->name, pi.data().toString());
                // Only the first line of a description fits a row.
                QVERIFY(!model.index(p, ProjectTreeModel::DescriptionColumn, gi).data().toString().contains(u'\n'));
                names << pi.data().toString();
            }
            actual << (gi.data().toString() + u':' + (names.isEmpty() ? QString() : u' ' + names.join(u", "_s)));
        }
        QCOMPARE(actual, expected);
    }

    void resetAnnouncesItself()
    {
        ProjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setData({group(u"G1"_s, u"A"_s)}, {project(u"P1"_s, u"One"_s, u"G1"_s)});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.projectCount(), 1);
        model.setData({}, {});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexOfId(u"P1"_s).isValid());
    }
};

QTEST_GUILESS_MAIN(tst_ProjectTreeModel)
#include "tst_projecttreemodel.moc"
