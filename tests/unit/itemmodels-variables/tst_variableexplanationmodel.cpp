#include "model/itemmodels/variables/variableexplanationmodel.h"
#include "model/itemmodels/variables/variabletablemodel.h"
#include "model/variables/variableset.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_VariableExplanationModel : public QObject
{
    Q_OBJECT

private slots:
    void showsCandidatesAndWinner_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<int>("winnerRow");
        QTest::addColumn<int>("matched");
        QTest::newRow("production picks the scoped value") << u"Production"_s << 1 << 2;
        QTest::newRow("test falls back to unscoped") << u"Test"_s << 0 << 1;
    }

    void showsCandidatesAndWinner()
    {
        QFETCH(QString, environment);
        QFETCH(int, winnerRow);
        QFETCH(int, matched);
        VariableValue any;
        any.name = u"Url"_s;
        any.value = u"http://any"_s;
        VariableValue prod = any;
        prod.value = u"http://prod"_s;
        prod.scope.environments = {u"Production"_s};
        VariableValue secret = any;
        secret.value = u"s3cret"_s;
        secret.sensitive = true;
        secret.scope.tenants = {u"Acme"_s};
        ScopeContext context;
        context.environment = environment;
        const VariableExplanation explanation = VariableSet({any, prod, secret}).explain(u"Url"_s, context);

        VariableExplanationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExplanation(explanation);
        QCOMPARE(model.rowCount(), 3);
        int matchedRows = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            QCOMPARE(index.data(VariableExplanationModel::WinnerRole).toBool(), row == winnerRow);
            QCOMPARE(index.data(Qt::FontRole).value<QFont>().bold(), row == winnerRow);
            matchedRows += index.data(VariableExplanationModel::MatchedRole).toBool() ? 1 : 0;
            QVERIFY(!model.index(row, VariableExplanationModel::Reason).data().toString().isEmpty());
        }
        QCOMPARE(matchedRows, matched);
        QCOMPARE(model.index(winnerRow, VariableExplanationModel::Outcome).data().toString(), u"Winner"_s);
        QCOMPARE(model.index(2, VariableExplanationModel::Value).data().toString(), VariableTableModel::mask());
        QCOMPARE(model.index(2, VariableExplanationModel::Outcome).data().toString(), u"Does not apply"_s);
        QVERIFY(!model.explanation().verdict.isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_VariableExplanationModel)
#include "tst_variableexplanationmodel.moc"
