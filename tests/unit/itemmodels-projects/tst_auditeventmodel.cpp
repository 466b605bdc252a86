#include "model/itemmodels/auditeventmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_AuditEventModel : public QObject
{
    Q_OBJECT

private slots:
    void changes_data()
    {
        QTest::addColumn<QList<AuditChange>>("changes");
        QTest::addColumn<QString>("expected");

        QTest::newRow("none") << QList<AuditChange>{} << QString();
        QTest::newRow("modified") << QList<AuditChange>{{u"name"_s, u"Web"_s, u"Website"_s, false}}
                                  << u"name: Web → Website"_s;
        QTest::newRow("created") << QList<AuditChange>{{u"name"_s, {}, u"Web"_s, false}} << u"name: Web"_s;
        QTest::newRow("removed") << QList<AuditChange>{{u"description"_s, u"old"_s, {}, false}}
                                 << u"description: old removed"_s;
        QTest::newRow("secret shows no values")
            << QList<AuditChange>{{u"password"_s, u"a"_s, u"b"_s, true}, {u"name"_s, u"x"_s, u"y"_s, false}}
            << u"password changed; name: x → y"_s;
    }

    void changes()
    {
        QFETCH(QList<AuditChange>, changes);
        QFETCH(QString, expected);
        AuditEvent e;
        e.id = 1;
        e.occurredAt = QDateTime::currentDateTimeUtc();
        e.changes = changes;
        AuditEventModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents({e});
        QCOMPARE(model.index(0, AuditEventModel::ChangesColumn).data().toString(), expected);
    }

    void newestFirst()
    {
        const QDateTime base = QDateTime::currentDateTimeUtc();
        QList<AuditEvent> events;
        for (int i = 1; i <= 3; ++i) {
            AuditEvent e;
            e.id = i;
            e.occurredAt = base.addSecs(i == 2 ? 100 : i);
            e.username = u"user"_s + QString::number(i);
            e.action = u"Created"_s;
            e.documentKind = u"Project"_s;
            e.documentName = u"Web"_s;
            events << e;
        }
        AuditEventModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(events);
        QCOMPARE(model.index(0, 0).data(AuditEventModel::IdRole).toLongLong(), 2);
        QCOMPARE(model.index(1, 0).data(AuditEventModel::IdRole).toLongLong(), 3);
        QCOMPARE(model.index(2, AuditEventModel::WhoColumn).data().toString(), u"user1"_s);
        QCOMPARE(model.index(2, AuditEventModel::DocumentColumn).data().toString(), u"Project Web"_s);
    }
};

QTEST_GUILESS_MAIN(tst_AuditEventModel)
#include "tst_auditeventmodel.moc"
