#include "model/itemmodels/variables/variablepreviewfilterproxymodel.h"
#include "model/itemmodels/variables/variablepreviewmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_VariablePreviewFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("all, sorted") << QString() << QStringList{u"ApiKey"_s, u"Port"_s, u"Url"_s};
        QTest::newRow("name") << u"ur"_s << QStringList{u"Url"_s};
        QTest::newRow("value") << u"8080"_s << QStringList{u"Port"_s};
        QTest::newRow("masked value is not searched") << u"s3cret"_s << QStringList();
        QTest::newRow("mask is not searched either") << u"****"_s << QStringList();
        QTest::newRow("winning scope") << u"env:prod"_s << QStringList{u"Url"_s};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        VariableValue url;
        url.name = u"Url"_s;
        url.value = u"http://prod"_s;
        url.scope.environments = {u"Production"_s};
        VariableValue port;
        port.name = u"Port"_s;
        port.value = u"8080"_s;
        VariableValue key;
        key.name = u"ApiKey"_s;
        key.value = u"s3cret"_s;
        key.sensitive = true;
        ScopeContext context;
        context.environment = u"Production"_s;

        VariablePreviewModel model;
        VariablePreviewFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(VariablePreviewModel::Name);
        model.setEntries(VariablePreviewModel::compute(VariableSet({url, port, key}), context));
        proxy.setText(text);
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown << proxy.index(row, VariablePreviewModel::Name).data().toString();
        QCOMPARE(shown, names);
    }
};

QTEST_GUILESS_MAIN(tst_VariablePreviewFilterProxyModel)
#include "tst_variablepreviewfilterproxymodel.moc"
