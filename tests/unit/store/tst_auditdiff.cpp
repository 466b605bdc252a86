#include "model/core/auditdiff.h"

#include <QTest>

using namespace Cuttle;

class tst_AuditDiff : public QObject
{
    Q_OBJECT

private slots:
    void reportsOnlyChangedFields_data()
    {
        QTest::addColumn<QVariantMap>("before");
        QTest::addColumn<QVariantMap>("after");
        QTest::addColumn<QStringList>("expected"); // "field:before:after" or "field:secret"
        const QString n = QStringLiteral("name");
        QTest::addRow("created") << QVariantMap() << QVariantMap{{n, QStringLiteral("Prod")}} << QStringList{QStringLiteral("name::Prod")};
        QTest::addRow("deleted") << QVariantMap{{n, QStringLiteral("Prod")}} << QVariantMap() << QStringList{QStringLiteral("name:Prod:")};
        QTest::addRow("unchanged") << QVariantMap{{n, QStringLiteral("Prod")}} << QVariantMap{{n, QStringLiteral("Prod")}} << QStringList();
        QTest::addRow("renamed") << QVariantMap{{n, QStringLiteral("A")}, {QStringLiteral("x"), 1}}
                                 << QVariantMap{{n, QStringLiteral("B")}, {QStringLiteral("x"), 1}} << QStringList{QStringLiteral("name:A:B")};
        QTest::addRow("list") << QVariantMap{{QStringLiteral("tags"), QStringList{QStringLiteral("web")}}}
                              << QVariantMap{{QStringLiteral("tags"), QStringList{QStringLiteral("web"), QStringLiteral("db")}}}
                              << QStringList{QStringLiteral("tags:web:web, db")};
        QTest::addRow("bool") << QVariantMap{{QStringLiteral("on"), false}} << QVariantMap{{QStringLiteral("on"), true}}
                              << QStringList{QStringLiteral("on:false:true")};
        QTest::addRow("secret") << QVariantMap{{QStringLiteral("password"), QStringLiteral("old")}}
                                << QVariantMap{{QStringLiteral("password"), QStringLiteral("new")}} << QStringList{QStringLiteral("password:secret")};
        QTest::addRow("sorted") << QVariantMap() << QVariantMap{{QStringLiteral("b"), 2}, {QStringLiteral("a"), 1}}
                                << QStringList{QStringLiteral("a::1"), QStringLiteral("b::2")};
    }

    void reportsOnlyChangedFields()
    {
        QFETCH(QVariantMap, before);
        QFETCH(QVariantMap, after);
        QFETCH(QStringList, expected);
        QStringList actual;
        for (const AuditChange &c : AuditDiff::between(before, after, {QStringLiteral("password")})) {
            actual << (c.secret ? c.field + QStringLiteral(":secret") : QStringLiteral("%1:%2:%3").arg(c.field, c.before, c.after));
            if (c.secret) {
                QVERIFY(c.before.isEmpty());
                QVERIFY(c.after.isEmpty());
            }
        }
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(tst_AuditDiff)
#include "tst_auditdiff.moc"
