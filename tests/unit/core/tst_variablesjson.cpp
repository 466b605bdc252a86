#include "model/core/variablesjson.h"

#include <QJsonDocument>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestVariablesJson final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        VariableValue plain;
        plain.name = u"Port"_s;
        plain.value = u"8080"_s;
        plain.scope.environments = {u"Production"_s};
        plain.scope.tenantTags = {u"Tier/Gold"_s, u"Tier/Silver"_s};
        plain.description = u"The port the site listens on"_s;
        VariableValue secret;
        secret.name = u"Password"_s;
        secret.value = u"hunter2"_s;
        secret.sensitive = true;
        secret.prompt = VariablePrompt{u"Password"_s, u"Asked at deployment"_s, true, VariablePrompt::Control::Sensitive};

        const QJsonArray json = VariablesJson::toJson({plain, secret});
        QVERIFY(!QJsonDocument(json).toJson().contains("hunter2"));
        const auto back = VariablesJson::fromJson(json, u"the snapshot"_s);
        QVERIFY(back);
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(0).name, plain.name);
        QCOMPARE(back->at(0).value, plain.value);
        QCOMPARE(back->at(0).scope.environments, plain.scope.environments);
        QCOMPARE(back->at(0).scope.tenantTags, plain.scope.tenantTags);
        QCOMPARE(back->at(0).description, plain.description);
        QVERIFY(back->at(1).sensitive);
        QVERIFY(back->at(1).value.isEmpty());
        QVERIFY(back->at(1).prompt == secret.prompt);
    }

    void handWrittenValues()
    {
        const auto values = VariablesJson::fromJson(
            QJsonDocument::fromJson(R"([{"name": "Port", "value": 8080}, {"name": "Debug", "value": true,
                                         "scope": {"environment": "Dev", "role": ["web", "web"]}}])")
                .array(),
            u"x"_s);
        QVERIFY(values);
        QCOMPARE(values->at(0).value, u"8080"_s);
        QCOMPARE(values->at(1).value, u"True"_s);
        QCOMPARE(values->at(1).scope.environments, QStringList{u"Dev"_s});
        QCOMPARE(values->at(1).scope.roles, QStringList{u"web"_s});
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("not an object") << QByteArray("[1]") << u"Entry 1 of the file f.json is not an object."_s;
        QTest::newRow("no name") << QByteArray(R"([{"value": "x"}])") << u"needs a non-empty text \"name\""_s;
        QTest::newRow("nested value") << QByteArray(R"([{"name": "A", "value": {"b": 1}}])") << u"text, number or boolean"_s;
        QTest::newRow("misspelt scope") << QByteArray(R"([{"name": "A", "scope": {"enviroment": ["x"]}}])")
                                        << u"unknown scope \"enviroment\" (known: environment, machine"_s;
        QTest::newRow("unknown key") << QByteArray(R"([{}, {"name": "A", "vlaue": "x"}])") << u"Entry 1"_s;
        QTest::newRow("unknown key second") << QByteArray(R"([{"name": "B"}, {"name": "A", "vlaue": "x"}])")
                                            << u"Entry 2 of the file f.json has the unknown key \"vlaue\"."_s;
        QTest::newRow("bad control") << QByteArray(R"([{"name": "A", "prompt": {"control": "Slider"}}])")
                                     << u"unknown prompt control \"Slider\""_s;
    }
    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, sentence);
        const auto values = VariablesJson::fromJson(QJsonDocument::fromJson(json).array(), u"the file f.json"_s);
        QVERIFY(!values);
        QVERIFY2(values.error().message.contains(sentence), qPrintable(values.error().message));
    }
};

QTEST_GUILESS_MAIN(TestVariablesJson)
#include "tst_variablesjson.moc"
