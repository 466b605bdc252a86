#include "model/itemmodels/variables/variabletablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

VariableRepository::Stored stored(const QString &id, const QString &name, const QString &value, bool sensitive = false,
                                  const QStringList &environments = {})
{
    VariableRepository::Stored s;
    s.id = id;
    s.value.name = name;
    s.value.value = value;
    s.value.sensitive = sensitive;
    s.value.scope.environments = environments;
    return s;
}

} // namespace

class tst_VariableTableModel : public QObject
{
    Q_OBJECT

private slots:
    void showsRowsAndMasksSecrets()
    {
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A secret handed in by mistake is dropped, never shown or kept.
        model.setRows({stored(u"v1"_s, u"Url"_s, u"http://test"_s, false, {u"Test"_s}),
                       stored(u"v2"_s, u"Url"_s, u"http://prod"_s, false, {u"Production"_s}),
                       stored(u"v3"_s, u"Password"_s, u"leaked"_s, true)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(VariableTableModel::ColumnCount));
        QCOMPARE(model.index(1, VariableTableModel::Value).data().toString(), u"http://prod"_s);
        QCOMPARE(model.index(1, VariableTableModel::Scope).data().toString(), u"Environment: Production"_s);
        QCOMPARE(model.index(2, VariableTableModel::Value).data().toString(), VariableTableModel::mask());
        QCOMPARE(model.index(2, VariableTableModel::Value).data(Qt::EditRole).toString(), QString());
        QVERIFY(model.index(2, 0).data(VariableTableModel::SecretKeptRole).toBool());
        QVERIFY(model.keepsSecret(2));
        QVERIFY(model.value(2).value.isEmpty());
        QVERIFY(model.index(2, 0).data(VariableTableModel::UnscopedRole).toBool());
        QVERIFY(!model.isDirty());
        QCOMPARE(model.rows().at(2).value.value, QString());
        QCOMPARE(model.rows().at(2).id, u"v3"_s);
    }

    void editing_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("sensitive");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("changes");
        QTest::addColumn<bool>("keepsSecret");
        QTest::newRow("rename") << int(VariableTableModel::Name) << false << u"Other"_s << true << false;
        QTest::newRow("same name") << int(VariableTableModel::Name) << false << u"Url"_s << false << false;
        QTest::newRow("new value") << int(VariableTableModel::Value) << false << u"x"_s << true << false;
        QTest::newRow("empty edit keeps a secret") << int(VariableTableModel::Value) << true << QString() << false << true;
        QTest::newRow("typing replaces a secret") << int(VariableTableModel::Value) << true << u"s3cret"_s << true << false;
        QTest::newRow("scope is not edited inline") << int(VariableTableModel::Scope) << false << u"x"_s << false << false;
    }

    void editing()
    {
        QFETCH(int, column);
        QFETCH(bool, sensitive);
        QFETCH(QString, text);
        QFETCH(bool, changes);
        QFETCH(bool, keepsSecret);
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({stored(u"v1"_s, u"Url"_s, sensitive ? QString() : u"http://a"_s, sensitive)});
        QSignalSpy dirty(&model, &VariableTableModel::dirtyChanged);
        QCOMPARE(model.setData(model.index(0, column), text), changes);
        QCOMPARE(model.isDirty(), changes);
        QCOMPARE(dirty.size(), changes ? 1 : 0);
        QCOMPARE(model.keepsSecret(0), keepsSecret);
        if (changes && sensitive) {
            QCOMPARE(model.rows().first().value.value, text);
            QCOMPARE(model.index(0, VariableTableModel::Value).data().toString(), VariableTableModel::mask());
        }
    }

    void addAnotherValueGoesAfterTheName()
    {
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({stored(u"a"_s, u"Url"_s, u"1"_s), stored(u"b"_s, u"url"_s, u"2"_s, false, {u"Test"_s}),
                       stored(u"c"_s, u"Port"_s, u"80"_s)});
        const int row = model.addAnotherValue(0);
        QCOMPARE(row, 2);
        QCOMPARE(model.value(row).name, u"Url"_s);
        QVERIFY(model.value(row).value.isEmpty());
        QVERIFY(model.value(row).scope.isUnscoped());
        QVERIFY(model.id(row).isEmpty());
        QCOMPARE(model.value(3).name, u"Port"_s);
        QCOMPARE(model.addValue(u"New"_s), 4);
        QVERIFY(model.isDirty());
    }

    void removeValues()
    {
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({stored(u"a"_s, u"A"_s, u"1"_s), stored(u"b"_s, u"B"_s, u"2"_s), stored(u"c"_s, u"C"_s, u"3"_s)});
        model.removeValues({2, 0, 2, 7});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.value(0).name, u"B"_s);
        QVERIFY(model.isDirty());
    }

    void sensitivity()
    {
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({stored(u"a"_s, u"Plain"_s, u"visible"_s), stored(u"b"_s, u"Secret"_s, QString(), true)});
        // Making a plain value sensitive keeps it, to be written to the keychain on save.
        model.setSensitive(0, true);
        QCOMPARE(model.rows().first().value.value, u"visible"_s);
        QCOMPARE(model.index(0, VariableTableModel::Value).data().toString(), VariableTableModel::mask());
        // A stored secret that stops being sensitive cannot be revealed: it needs a new value.
        model.setSensitive(1, false);
        QVERIFY(!model.keepsSecret(1));
        QCOMPARE(model.index(1, VariableTableModel::Value).data().toString(), QString());
    }

    void scopeDescriptionPrompt()
    {
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({stored(u"a"_s, u"Url"_s, u"1"_s)});
        ScopeSpec scope;
        scope.environments = {u"Production"_s};
        scope.roles = {u"web"_s};
        model.setScope(0, scope);
        QCOMPARE(model.index(0, VariableTableModel::Scope).data().toString(), u"Environment: Production  ·  Target tag: web"_s);
        model.setDescription(0, u"Where the site lives"_s);
        VariablePrompt prompt;
        prompt.label = u"Site URL"_s;
        model.setPrompt(0, prompt);
        QVERIFY(model.index(0, 0).data(VariableTableModel::PromptedRole).toBool());
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"Where the site lives"_s));
        const auto rows = model.rows();
        QCOMPARE(rows.first().value.description, u"Where the site lives"_s);
        QCOMPARE(rows.first().value.prompt->label, u"Site URL"_s);
        QCOMPARE(rows.first().value.scope.roles, QStringList{u"web"_s});
    }

    void validate_data()
    {
        QTest::addColumn<QString>("secondName");
        QTest::addColumn<QStringList>("secondEnvironments");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("field");
        QTest::newRow("different scopes") << u"Url"_s << QStringList{u"Production"_s} << true << QString();
        QTest::newRow("different names") << u"Port"_s << QStringList{u"Test"_s} << true << QString();
        QTest::newRow("same scope, other case") << u"URL"_s << QStringList{u"test"_s} << false << u"scope"_s;
        QTest::newRow("empty name") << u"  "_s << QStringList() << false << u"name"_s;
    }

    void validate()
    {
        QFETCH(QString, secondName);
        QFETCH(QStringList, secondEnvironments);
        QFETCH(bool, valid);
        QFETCH(QString, field);
        VariableTableModel model;
        model.setRows({stored(u"a"_s, u"Url"_s, u"1"_s, false, {u"Test"_s}),
                       stored(u"b"_s, secondName, u"2"_s, false, secondEnvironments)});
        int row = -1;
        const auto problem = model.validate(&row);
        QCOMPARE(!problem.has_value(), valid);
        if (!valid) {
            QCOMPARE(row, 1);
            QCOMPARE(problem->field, field);
            QVERIFY(!problem->message.isEmpty());
        }
    }

    void readOnly()
    {
        VariableTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({stored(u"a"_s, u"Url"_s, u"1"_s)});
        QVERIFY(model.flags(model.index(0, VariableTableModel::Name)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, VariableTableModel::Scope)) & Qt::ItemIsEditable));
        model.setReadOnly(true);
        QVERIFY(!(model.flags(model.index(0, VariableTableModel::Name)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, VariableTableModel::Value), u"2"_s));
        QCOMPARE(model.value(0).value, u"1"_s);
    }

    void resetClearsDirty()
    {
        VariableTableModel model;
        model.addValue(u"X"_s);
        QVERIFY(model.isDirty());
        QSignalSpy dirty(&model, &VariableTableModel::dirtyChanged);
        model.setRows({});
        QVERIFY(!model.isDirty());
        QCOMPARE(dirty.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_VariableTableModel)
#include "tst_variabletablemodel.moc"
