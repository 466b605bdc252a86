#include "model/itemmodels/variables/scopefields.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_ScopeFields : public QObject
{
    Q_OBJECT

private slots:
    void summary_data()
    {
        QTest::addColumn<QStringList>("environments");
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unscoped") << QStringList() << QStringList() << QString();
        QTest::newRow("environments") << QStringList{u"Test"_s, u"Production"_s} << QStringList()
                                      << u"Environment: Test, Production"_s;
        QTest::newRow("two dimensions") << QStringList{u"Test"_s} << QStringList{u"web"_s}
                                        << u"Environment: Test  ·  Target tag: web"_s;
    }

    void summary()
    {
        QFETCH(QStringList, environments);
        QFETCH(QStringList, roles);
        QFETCH(QString, expected);
        ScopeSpec scope;
        scope.environments = environments;
        scope.roles = roles;
        QCOMPARE(ScopeFields::summary(scope), expected);
    }

    void sameScope_data()
    {
        QTest::addColumn<QStringList>("a");
        QTest::addColumn<QStringList>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("both empty") << QStringList() << QStringList() << true;
        QTest::newRow("order and case") << QStringList{u"Test"_s, u"prod"_s} << QStringList{u"Prod"_s, u"test"_s} << true;
        QTest::newRow("subset") << QStringList{u"Test"_s} << QStringList{u"Test"_s, u"Prod"_s} << false;
        QTest::newRow("one empty") << QStringList{u"Test"_s} << QStringList() << false;
    }

    void sameScope()
    {
        QFETCH(QStringList, a);
        QFETCH(QStringList, b);
        QFETCH(bool, same);
        ScopeSpec x;
        ScopeSpec y;
        x.environments = a;
        y.environments = b;
        QCOMPARE(ScopeFields::sameScope(x, y), same);
        // The same lists on another dimension must not compare equal to these.
        ScopeSpec z;
        z.tenants = a;
        if (!a.isEmpty())
            QVERIFY(!ScopeFields::sameScope(x, z));
    }

    void normalised()
    {
        QCOMPARE(ScopeFields::normalised({u" Test "_s, u""_s, u"test"_s, u"Prod"_s}), (QStringList{u"Test"_s, u"Prod"_s}));
    }

    void fieldsCoverEveryDimension()
    {
        ScopeSpec scope;
        for (const auto &field : ScopeFields::all())
            (scope.*field.member) << field.key;
        QCOMPARE(ScopeFields::all().size(), 8);
        QVERIFY(!scope.environments.isEmpty() && !scope.machines.isEmpty() && !scope.roles.isEmpty()
                && !scope.steps.isEmpty() && !scope.channels.isEmpty() && !scope.tenants.isEmpty()
                && !scope.tenantTags.isEmpty() && !scope.processes.isEmpty());
        QCOMPARE(ScopeFields::field(ScopeFields::Kind::Channel).key, u"channel"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ScopeFields)
#include "tst_scopefields.moc"
