#include "model/itemmodels/targetfilterproxymodel.h"
#include "model/itemmodels/targettablemodel.h"
#include "targetfixtures.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;

namespace {

QStringList shownNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int i = 0; i < model.rowCount(); ++i)
        names << model.index(i, TargetTableModel::Name).data().toString();
    return names;
}

} // namespace

class tst_TargetFilterProxyModel final : public QObject
{
    Q_OBJECT

private slots:
    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("health");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{QStringLiteral("drop"), QStringLiteral("web-01"), QStringLiteral("web-02"), QStringLiteral("win-db")};
        QTest::newRow("nothing") << QString() << QString() << QString() << -1 << -1 << all;
        QTest::newRow("text in name") << QStringLiteral("WEB") << QString() << QString() << -1 << -1
                                      << QStringList{QStringLiteral("web-01"), QStringLiteral("web-02")};
        QTest::newRow("text in host") << QStringLiteral("10.0.0") << QString() << QString() << -1 << -1
                                      << QStringList{QStringLiteral("win-db")};
        QTest::newRow("text in environment name") << QStringLiteral("develop") << QString() << QString() << -1 << -1
                                                  << QStringList{QStringLiteral("web-01"), QStringLiteral("win-db")};
        QTest::newRow("two words must both match") << QStringLiteral("web prod") << QString() << QString() << -1 << -1
                                                   << QStringList{QStringLiteral("web-02")};
        QTest::newRow("text in tag") << QStringLiteral("api") << QString() << QString() << -1 << -1
                                     << QStringList{QStringLiteral("web-02")};
        QTest::newRow("no match") << QStringLiteral("nowhere") << QString() << QString() << -1 << -1 << QStringList();
        QTest::newRow("environment") << QString() << QStringLiteral("E2") << QString() << -1 << -1
                                     << QStringList{QStringLiteral("drop"), QStringLiteral("web-02"), QStringLiteral("win-db")};
        QTest::newRow("tag") << QString() << QString() << QStringLiteral("web") << -1 << -1
                             << QStringList{QStringLiteral("web-01"), QStringLiteral("web-02")};
        QTest::newRow("kind") << QString() << QString() << QString() << int(TargetKind::WinRm) << -1
                              << QStringList{QStringLiteral("win-db")};
        QTest::newRow("health") << QString() << QString() << QString() << -1 << int(HealthStatus::Unhealthy)
                                << QStringList{QStringLiteral("web-02")};
        QTest::newRow("environment and tag") << QString() << QStringLiteral("E1") << QStringLiteral("web") << -1 << -1
                                             << QStringList{QStringLiteral("web-01")};
        QTest::newRow("all at once, none") << QStringLiteral("web") << QStringLiteral("E1") << QStringLiteral("web")
                                           << int(TargetKind::Ssh) << int(HealthStatus::Unhealthy) << QStringList();
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QString, environment);
        QFETCH(QString, tag);
        QFETCH(int, kind);
        QFETCH(int, health);
        QFETCH(QStringList, expected);

        TargetTableModel targets;
        targets.setEnvironmentNames(Test::sampleEnvironmentNames());
        targets.setTargets(Test::sampleTargets());
        TargetFilterProxyModel proxy;
        proxy.setSourceModel(&targets);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(TargetTableModel::Name);

        proxy.setText(text);
        proxy.setEnvironmentId(environment);
        proxy.setTag(tag);
        proxy.setKind(kind < 0 ? std::nullopt : std::optional(TargetKind(kind)));
        proxy.setHealth(health < 0 ? std::nullopt : std::optional(HealthStatus(health)));
        QCOMPARE(shownNames(proxy), expected);

        // The same filter set at once gives the same rows, and clearing it shows all again.
        TargetFilter filter;
        filter.setText(text);
        filter.environmentId = environment;
        filter.tag = tag;
        filter.kind = proxy.filter().kind;
        filter.health = proxy.filter().health;
        proxy.setFilter({});
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setFilter(filter);
        QCOMPARE(shownNames(proxy), expected);
    }

    void followsSourceChanges()
    {
        TargetTableModel targets;
        TargetFilterProxyModel proxy;
        proxy.setSourceModel(&targets);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setText(QStringLiteral("production"));
        targets.setTargets(Test::sampleTargets());
        QCOMPARE(proxy.rowCount(), 0); // no names known yet
        targets.setEnvironmentNames(Test::sampleEnvironmentNames());
        QCOMPARE(proxy.rowCount(), 3);
        targets.setTargets({});
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TargetFilterProxyModel)
#include "tst_targetfilterproxymodel.moc"
