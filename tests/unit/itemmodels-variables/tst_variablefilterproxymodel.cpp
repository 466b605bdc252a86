#include "model/itemmodels/variables/variablefilterproxymodel.h"
#include "model/itemmodels/variables/variabletablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_VariableFilterProxyModel : public QObject
{
    Q_OBJECT

private:
    static QList<VariableRepository::Stored> rows()
    {
        QList<VariableRepository::Stored> out;
        auto add = [&](const QString &name, const QString &value, const QStringList &environments, bool sensitive = false) {
            VariableRepository::Stored s;
            s.id = u"id-"_s + QString::number(out.size());
            s.value.name = name;
            s.value.value = value;
            s.value.sensitive = sensitive;
            s.value.scope.environments = environments;
            out << s;
        };
        add(u"Url"_s, u"http://test"_s, {u"Test"_s});
        add(u"Url"_s, u"http://prod"_s, {u"Production"_s});
        add(u"Port"_s, u"8080"_s, {});
        add(u"Password"_s, QString(), {u"Production"_s}, true);
        return out;
    }

private slots:
    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("all") << QString() << QStringList{u"Url"_s, u"Url"_s, u"Port"_s, u"Password"_s};
        QTest::newRow("by name") << u"url"_s << QStringList{u"Url"_s, u"Url"_s};
        QTest::newRow("by value") << u"8080"_s << QStringList{u"Port"_s};
        QTest::newRow("by scope") << u"env:production"_s << QStringList{u"Url"_s, u"Password"_s};
        QTest::newRow("and") << u"url prod"_s << QStringList{u"Url"_s};
        QTest::newRow("none") << u"zzz"_s << QStringList();
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        VariableTableModel model;
        VariableFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setRows(rows());
        proxy.setText(text);
        QStringList shown;
        for (int i = 0; i < proxy.rowCount(); ++i)
            shown << proxy.index(i, VariableTableModel::Name).data().toString();
        QCOMPARE(shown, names);
        // Clearing the filter shows everything again.
        proxy.setText(QString());
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }

    void sortsStablyByName()
    {
        VariableTableModel model;
        VariableFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setRows(rows());
        proxy.sort(VariableTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), u"Password"_s);
        QCOMPARE(proxy.index(1, 0).data().toString(), u"Port"_s);
        // Values of one name keep their definition order.
        QCOMPARE(proxy.index(2, VariableTableModel::Value).data().toString(), u"http://test"_s);
        QCOMPARE(proxy.index(3, VariableTableModel::Value).data().toString(), u"http://prod"_s);
    }

    void newRowsStayVisibleUntilRefiltered()
    {
        VariableTableModel model;
        VariableFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setRows(rows());
        proxy.setText(u"url"_s);
        QCOMPARE(proxy.rowCount(), 2);
        model.setData(model.index(0, VariableTableModel::Name), u"Address"_s);
        // The row being edited does not vanish under the user's cursor.
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(u"url "_s); // same terms: no refilter
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(u"ur"_s);
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_VariableFilterProxyModel)
#include "tst_variablefilterproxymodel.moc"
