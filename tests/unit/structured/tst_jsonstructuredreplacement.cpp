#include "model/variables/structured/structuredconfigreplacer.h"
#include "tests/unit/structured/structuredtesthelpers.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace Cuttle::Test;
using Vars = StructuredConfigReplacer::Variables;

class TestJsonStructuredReplacement : public QObject
{
    Q_OBJECT

private:
    static QByteArray run(const QByteArray &input, const Vars &vars, QStringList *matched = nullptr)
    {
        const auto result =
            StructuredConfigReplacer::replace(input, QStringLiteral("appsettings.json"), vars);
        if (!result) {
            qWarning("%s", qPrintable(result.error().message));
            return {};
        }
        if (result->format != StructuredFormat::Json)
            qWarning("treated as another format");
        if (matched)
            *matched = result->matchedNames;
        return result->content;
    }

private slots:
    void appSettingsWithoutMatchesIsUnchanged();
    void appSettingsChangesOnlyReplacedValues();
    void scalarTypes_data();
    void scalarTypes();
    void subtreeReplacement_data();
    void subtreeReplacement();
    void parentReplacementWinsOverChildren();
    void octopusNamesAreIgnored();
    void laterDuplicateNameWins();
    void crlfAndBomArePreserved();
    void malformed_data();
    void malformed();
};

// The bodies live outside the class because moc (Qt 6.4) misreads raw string literals and
// would lose the class declaration.
void TestJsonStructuredReplacement::appSettingsWithoutMatchesIsUnchanged()
{
    const QByteArray input = structuredFixture("appsettings.json");
    QStringList matched;
    QCOMPARE(run(input, {{u"Nothing:Here"_s, u"x"_s}}, &matched), input);
    QVERIFY(matched.isEmpty());
}

void TestJsonStructuredReplacement::appSettingsChangesOnlyReplacedValues()
{
    const QByteArray input = structuredFixture("appsettings.json");
    QStringList matched;
    const QByteArray output = run(input,
                                  {{u"ConnectionStrings:Db"_s, u"Server=db;Password=\"p\\w\""_s},
                                   {u"features:enablebeta"_s, u"True"_s},
                                   {u"Features:MaxItems"_s, u"50"_s},
                                   {u"Features:Ratio"_s, u"high"_s},
                                   {u"Features:Owner"_s, u"null"_s},
                                   {u"SERVERS:1:HOST"_s, u"web03"_s},
                                   {u"Kestrel:Endpoints:Http:Url"_s, u"https://+:443"_s},
                                   {u"Tags:0"_s, u"z"_s}},
                                  &matched);
    const QByteArray expected = withEdits(
        input, {{R"("Server=(localdb)\\mssqllocaldb;Database=Shop;Trusted_Connection=True;")",
                 R"("Server=db;Password=\"p\\w\"")"},
                {"\"EnableBeta\": false", "\"EnableBeta\": true"},
                {"\"MaxItems\": 25", "\"MaxItems\": 50"},
                {"\"Ratio\": 0.75", "\"Ratio\": \"high\""},
                {"\"Host\": \"web02\"", "\"Host\": \"web03\""},
                {"\"http://localhost:5000\"", "\"https://+:443\""},
                {"[ \"a\",", "[ \"z\","}});
    QVERIFY(sameBytes(output, expected));
    QCOMPARE(matched.size(), 8);
    QCOMPARE(matched.first(), u"ConnectionStrings:Db"_s);
}

void TestJsonStructuredReplacement::scalarTypes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("number stays number")
        << QByteArray(R"({"a": 1})") << u"2.5e3"_s << QByteArray(R"({"a": 2.5e3})");
    QTest::newRow("number becomes string")
        << QByteArray(R"({"a": 1})") << u"1,5"_s << QByteArray(R"({"a": "1,5"})");
    QTest::newRow("bool stays bool")
        << QByteArray(R"({"a": true})") << u"FALSE"_s << QByteArray(R"({"a": false})");
    QTest::newRow("bool becomes string")
        << QByteArray(R"({"a": true})") << u"yes"_s << QByteArray(R"({"a": "yes"})");
    QTest::newRow("null stays null")
        << QByteArray(R"({"a": null})") << u"null"_s << QByteArray(R"({"a": null})");
    QTest::newRow("null becomes string")
        << QByteArray(R"({"a": null})") << u"x"_s << QByteArray(R"({"a": "x"})");
    QTest::newRow("string stays string")
        << QByteArray(R"({"a": "s"})") << u"5"_s << QByteArray(R"({"a": "5"})");
    QTest::newRow("string escapes") << QByteArray(R"({"a": "s"})") << u"l1\nl2\t\"q\" \\ é"_s
                                    << QByteArray(R"({"a": "l1\nl2\t\"q\" \\ é"})");
    QTest::newRow("escaped key") << QByteArray(R"({"\u0041b": 1})") << u"7"_s
                                 << QByteArray(R"({"\u0041b": 7})");
    QTest::newRow("non-ASCII key case")
        << QByteArray(R"({"Größe": 1})") << u"7"_s << QByteArray(R"({"Größe": 7})");
    QTest::newRow("minified") << QByteArray(R"({"a":{"b":[1,{"c":"d"}]}})") << u"e"_s
                              << QByteArray(R"({"a":{"b":[1,{"c":"e"}]}})");
}

void TestJsonStructuredReplacement::scalarTypes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const QString name = input.contains("\"c\"")   ? u"A:B:1:C"_s
                         : input.contains("Gr")    ? u"GRÖßE"_s
                         : input.contains("u0041") ? u"aB"_s
                                                   : u"a"_s;
    QVERIFY(sameBytes(run(input, {{name, value}}), expected));
}

void TestJsonStructuredReplacement::subtreeReplacement_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object into pretty file")
        << QByteArray("{\n    \"a\": {\n        \"old\": 1\n    },\n    \"b\": 2\n}\n")
        << u"{\"x\": 1, \"y\": [true, {\"z\": \"w\"}], \"e\": {}}"_s
        << QByteArray("{\n    \"a\": {\n        \"x\": 1,\n        \"y\": [\n            true,\n   "
                      "         {\n"
                      "                \"z\": \"w\"\n            }\n        ],\n        \"e\": "
                      "{}\n    },\n"
                      "    \"b\": 2\n}\n");
    QTest::newRow("scalar becomes array")
        << QByteArray("{\n  \"a\": 1,\n  \"b\": 2\n}") << u"[1,2]"_s
        << QByteArray("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 2\n}");
    QTest::newRow("one-line container stays one line")
        << QByteArray(R"({"k": {"a": 1, "b": 2}})") << u"{\"c\":[3]}"_s
        << QByteArray(R"({"k": {"a": 1, "b": {"c": [3]}}})");
    QTest::newRow("object becomes string")
        << QByteArray("{\n  \"a\": {\n    \"b\": 1\n  }\n}") << u"{not json"_s
        << QByteArray("{\n  \"a\": \"{not json\"\n}");
    QTest::newRow("tab indentation") << QByteArray("{\n\t\"a\": 1\n}") << u"{\"b\": 2}"_s
                                     << QByteArray("{\n\t\"a\": {\n\t\t\"b\": 2\n\t}\n}");
}

void TestJsonStructuredReplacement::subtreeReplacement()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QVERIFY(sameBytes(run(input, {{u"k:b"_s, value}, {u"a"_s, value}}), expected));
}

void TestJsonStructuredReplacement::parentReplacementWinsOverChildren()
{
    // A subtree replaced as a whole is not descended into: its children are gone.
    const QByteArray input = R"({"a": {"b": 1}})";
    QVERIFY(sameBytes(run(input, {{u"a:b"_s, u"2"_s}, {u"a"_s, u"3"_s}}), R"({"a": "3"})"));
}

void TestJsonStructuredReplacement::octopusNamesAreIgnored()
{
    const QByteArray input =
        R"({"OctopusServer": 1, "Octopus": {"Name": "a"}, "octopus.action.name": "x"})";
    QStringList matched;
    const QByteArray output = run(input,
                                  {{u"OctopusServer"_s, u"2"_s},
                                   {u"Octopus.Action.Name"_s, u"y"_s},
                                   {u"Octopus:Name"_s, u"b"_s}},
                                  &matched);
    QVERIFY(sameBytes(
        output, R"({"OctopusServer": 1, "Octopus": {"Name": "b"}, "octopus.action.name": "x"})"));
    QCOMPARE(matched, QStringList{u"Octopus:Name"_s});
}

void TestJsonStructuredReplacement::laterDuplicateNameWins()
{
    QStringList matched;
    QVERIFY(sameBytes(run(R"({"a": "x"})", {{u"a"_s, u"1"_s}, {u"A"_s, u"2"_s}}, &matched),
                      R"({"a": "2"})"));
    QCOMPARE(matched, QStringList{u"A"_s});
}

void TestJsonStructuredReplacement::crlfAndBomArePreserved()
{
    const QByteArray input = "\xEF\xBB\xBF{\r\n  \"a\": 1, // one\r\n  \"b\": \"x\"\r\n}\r\n";
    const QByteArray output = run(input, {{u"a"_s, u"{\"c\": 2}"_s}, {u"b"_s, u"y"_s}});
    QVERIFY(sameBytes(
        output,
        "\xEF\xBB\xBF{\r\n  \"a\": {\r\n    \"c\": 2\r\n  }, // one\r\n  \"b\": \"y\"\r\n}\r\n"));
}

void TestJsonStructuredReplacement::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("position");
    QTest::newRow("double comma") << QByteArray("{\n  \"a\": 1,,\n}") << u"line 2, column 10"_s;
    QTest::newRow("unterminated string") << QByteArray("{\"a\": \"x}") << u"line 1, column 7"_s;
    QTest::newRow("missing colon") << QByteArray("{\n\"a\" 1}") << u"line 2, column 5"_s;
    QTest::newRow("unclosed") << QByteArray("{\"a\": [1, 2") << u"line 1, column 12"_s;
    QTest::newRow("garbage after") << QByteArray("{} x") << u"line 1, column 4"_s;
    QTest::newRow("bad number") << QByteArray("{\"a\": 01}") << u"line 1, column 8"_s;
    QTest::newRow("unterminated comment") << QByteArray("{\"a\": 1 /* x") << u"line 1, column 9"_s;
}

void TestJsonStructuredReplacement::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, position);
    const auto result =
        StructuredConfigReplacer::replace(input, u"site/appsettings.json"_s, {{u"a"_s, u"2"_s}});
    QVERIFY(!result);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(u"site/appsettings.json is not valid JSON: "_s),
             qPrintable(message));
    QVERIFY2(message.contains(position), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1Char('.')) && message.count(QLatin1String(". ")) == 0,
             qPrintable(message));
}

QTEST_GUILESS_MAIN(TestJsonStructuredReplacement)
#include "tst_jsonstructuredreplacement.moc"
