#include "model/itemmodels/variables/variablepreviewmodel.h"
#include "model/itemmodels/variables/variabletablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_VariablePreviewModel : public QObject
{
    Q_OBJECT

private:
    static VariableSet sampleSet()
    {
        auto value = [](const QString &name, const QString &text, const QStringList &environments, bool library = false,
                        bool sensitive = false) {
            VariableValue v;
            v.name = name;
            v.value = text;
            v.scope.environments = environments;
            v.fromLibrarySet = library;
            v.source = library ? u"Shared"_s : u"Shop"_s;
            v.sensitive = sensitive;
            return v;
        };
        return VariableSet({value(u"Url"_s, u"http://any"_s, {}), value(u"Url"_s, u"http://prod"_s, {u"Production"_s}),
                            value(u"OnlyTest"_s, u"t"_s, {u"Test"_s}), value(u"Key"_s, u"hunter2"_s, {}, false, true),
                            value(u"Smtp"_s, u"mail"_s, {}, true)});
    }

private slots:
    void compute_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("rows");
        QTest::newRow("no environment") << QString() << u"http://any"_s << 3;
        QTest::newRow("production") << u"Production"_s << u"http://prod"_s << 3;
        QTest::newRow("test") << u"test"_s << u"http://any"_s << 4;
    }

    void compute()
    {
        QFETCH(QString, environment);
        QFETCH(QString, url);
        QFETCH(int, rows);
        ScopeContext context;
        if (!environment.isEmpty())
            context.environment = environment;
        VariablePreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(VariablePreviewModel::compute(sampleSet(), context));
        QCOMPARE(model.rowCount(), rows);
        const int urlRow = model.rowOfName(u"URL"_s);
        QVERIFY(urlRow >= 0);
        QCOMPARE(model.index(urlRow, VariablePreviewModel::Value).data().toString(), url);
        QCOMPARE(model.index(urlRow, VariablePreviewModel::Name).data(VariablePreviewModel::CandidatesRole).toInt(), 2);
        // A sensitive value is never shown, even when the set holds it.
        const int keyRow = model.rowOfName(u"Key"_s);
        QCOMPARE(model.index(keyRow, VariablePreviewModel::Value).data().toString(), VariableTableModel::mask());
        QVERIFY(model.index(keyRow, 0).data(VariablePreviewModel::SensitiveRole).toBool());
        const int smtpRow = model.rowOfName(u"Smtp"_s);
        QVERIFY(model.index(smtpRow, VariablePreviewModel::Source).data().toString().contains(u"Shared"_s));
        QVERIFY(model.index(smtpRow, 0).data(VariablePreviewModel::FromLibrarySetRole).toBool());
        QCOMPARE(model.rowOfName(u"missing"_s), -1);
    }

    void emptySet()
    {
        VariablePreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(VariablePreviewModel::compute(VariableSet(), ScopeContext()));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(VariablePreviewModel::Value, Qt::Horizontal).toString().isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(tst_VariablePreviewModel)
#include "tst_variablepreviewmodel.moc"
