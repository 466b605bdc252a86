#include "model/variables/structured/structuredconfigreplacer.h"
#include "tests/unit/structured/structuredtesthelpers.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace Cuttle::Test;
using Vars = StructuredConfigReplacer::Variables;

class TestYamlStructuredReplacement : public QObject
{
    Q_OBJECT

private:
    static QByteArray run(const QByteArray &input, const Vars &vars, QStringList *matched = nullptr)
    {
        const auto result =
            StructuredConfigReplacer::replace(input, QStringLiteral("deployment.yaml"), vars);
        if (!result) {
            qWarning("%s", qPrintable(result.error().message));
            return {};
        }
        if (result->format != StructuredFormat::Yaml)
            qWarning("treated as another format");
        if (matched)
            *matched = result->matchedNames;
        return result->content;
    }

private slots:
    void kubernetesWithoutMatchesIsUnchanged();
    void kubernetesChangesOnlyReplacedValues();
    void everyDocumentIsReplaced();
    void scalars_data();
    void scalars();
    void subtrees_data();
    void subtrees();
    void octopusNamesAreIgnored();
    void crlfAndBomArePreserved();
    void malformed_data();
    void malformed();
};

void TestYamlStructuredReplacement::kubernetesWithoutMatchesIsUnchanged()
{
    const QByteArray input = structuredFixture("deployment.yaml");
    QCOMPARE(run(input, {{u"spec:nothing"_s, u"x"_s}}), input);
}

void TestYamlStructuredReplacement::kubernetesChangesOnlyReplacedValues()
{
    const QByteArray input = structuredFixture("deployment.yaml");
    QStringList matched;
    const QByteArray output =
        run(input,
            {{u"Spec:Replicas"_s, u"3"_s},
             {u"metadata:labels:tier"_s, u"frontend"_s},
             {u"spec:template:spec:containers:0:image"_s, u"registry.example.com/shop/web:1.5.0"_s},
             {u"spec:template:spec:containers:0:env:0:value"_s, u"Production's"_s},
             {u"spec:template:spec:containers:0:args:1"_s, u"--port=9090"_s},
             {u"spec:template:spec:nodeSelector:zone"_s, u"eu-2, west"_s},
             {u"data:motd"_s, u"Closed for maintenance\n"_s},
             {u"data:appsettings.yaml"_s, u"logging:\n  level: warn\n"_s},
             {u"data:enabled"_s, u"false"_s},
             {u"spec:ports:0:port"_s, u"443"_s},
             {u"spec:ports:0:targetPort"_s, u"http"_s}},
            &matched);
    const QByteArray expected = withEdits(
        input,
        {{"replicas: 2", "replicas: 3"},
         {"tier: web", "tier: frontend"},
         {"\"registry.example.com/shop/web:1.4.2\"", "\"registry.example.com/shop/web:1.5.0\""},
         {"'Staging'", "'Production''s'"},
         {"\"--port=8080\"", "\"--port=9090\""},
         {"zone: eu-1}", "zone: \"eu-2, west\"}"},
         {">\n    Welcome to the shop\n", ">\n    Closed for maintenance\n"},
         {"      level: info", "      level: warn"},
         {"enabled: yes", "enabled: false"},
         {"port: 80\n", "port: 443\n"},
         {"targetPort: 8080", "targetPort: http"}});
    QVERIFY(sameBytes(output, expected));
    QCOMPARE(matched.size(), 11);
}

void TestYamlStructuredReplacement::everyDocumentIsReplaced()
{
    const QByteArray input = structuredFixture("deployment.yaml");
    const QByteArray output = run(input, {{u"metadata:name"_s, u"shop"_s}});
    QVERIFY(sameBytes(output, withEdits(input, {{"name: shop-web   #", "name: shop   #"},
                                                {"name: shop-config", "name: shop"},
                                                {"name: shop-web\nspec:\n  ports",
                                                 "name: shop\nspec:\n  ports"}})));
}

void TestYamlStructuredReplacement::scalars_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("number stays number")
        << QByteArray("a: 1 # one\n") << u"2.5"_s << QByteArray("a: 2.5 # one\n");
    QTest::newRow("number becomes string")
        << QByteArray("a: 1\n") << u"two"_s << QByteArray("a: two\n");
    QTest::newRow("string looking like number is quoted")
        << QByteArray("a: x\n") << u"5"_s << QByteArray("a: \"5\"\n");
    QTest::newRow("bool stays bool")
        << QByteArray("a: true\n") << u"False"_s << QByteArray("a: False\n");
    QTest::newRow("string looking like bool is quoted")
        << QByteArray("a: x\n") << u"yes"_s << QByteArray("a: \"yes\"\n");
    QTest::newRow("null stays null")
        << QByteArray("a: ~\n") << u"null"_s << QByteArray("a: null\n");
    QTest::newRow("empty value") << QByteArray("a:\nb: 1\n") << u"x"_s
                                 << QByteArray("a: x\nb: 1\n");
    QTest::newRow("newline into null")
        << QByteArray("a:\nb: 1\n") << u"\n"_s << QByteArray("a: \"\\n\"\nb: 1\n");
    QTest::newRow("bool word with newline into bool")
        << QByteArray("a: no\n") << u"yes\n"_s << QByteArray("a: \"yes\\n\"\n");
    QTest::newRow("double quoted kept") << QByteArray("a: \"x\"\n") << u"say \"hi\"\n"_s
                                        << QByteArray("a: \"say \\\"hi\\\"\\n\"\n");
    QTest::newRow("single quoted kept")
        << QByteArray("a: 'x'\n") << u"it's"_s << QByteArray("a: 'it''s'\n");
    QTest::newRow("single quoted with newline")
        << QByteArray("a: 'x'\n") << u"l1\nl2"_s << QByteArray("a: \"l1\\nl2\"\n");
    QTest::newRow("plain needing quotes")
        << QByteArray("a: x\n") << u"k: v #c"_s << QByteArray("a: \"k: v #c\"\n");
    QTest::newRow("literal block") << QByteArray("a: |\n    one\n    two\n\nb: 1\n") << u"x\ny\nz"_s
                                   << QByteArray("a: |-\n    x\n    y\n    z\n\nb: 1\n");
    QTest::newRow("literal keeps trailing newline")
        << QByteArray("a: |-\n  one\nb: 1\n") << u"p\n\nq\n"_s
        << QByteArray("a: |\n  p\n\n  q\nb: 1\n");
    QTest::newRow("folded with lines becomes literal")
        << QByteArray("a: >\n  x\n") << u"p\nq\n"_s << QByteArray("a: |\n  p\n  q\n");
    QTest::newRow("anchor kept") << QByteArray("a: &v old\nb: *v\n") << u"new"_s
                                 << QByteArray("a: &v new\nb: *v\n");
    QTest::newRow("alias replaced")
        << QByteArray("x: &v old\na: *v\n") << u"new"_s << QByteArray("x: &v old\na: new\n");
    QTest::newRow("flow mapping") << QByteArray("m: {x: 1, w: z}\n") << u"p, q"_s
                                  << QByteArray("m: {x: 1, w: \"p, q\"}\n");
    QTest::newRow("non-ASCII before value")
        << QByteArray("é: ü\na: \"ß\"\n") << u"ö"_s << QByteArray("é: ü\na: \"ö\"\n");
    QTest::newRow("case-insensitive key") << QByteArray("A: 1\n") << u"2"_s << QByteArray("A: 2\n");
}

void TestYamlStructuredReplacement::scalars()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const QString name = input.startsWith("x:") ? u"a"_s : input.startsWith("A:") ? u"a"_s : u"A"_s;
    QVERIFY(sameBytes(run(input, {{name, value}, {u"m:w"_s, u"p, q"_s}}), expected));
}

void TestYamlStructuredReplacement::subtrees_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("mapping replaced by mapping")
        << QByteArray("a:\n  b: 1 # gone\n  c: 2\nd: 3\n") << u"a"_s
        << u"{\"x\": 1, \"w\": [1, \"two\"], \"z\": {}}"_s
        << QByteArray("a:\n  x: 1\n  w:\n    - 1\n    - two\n  z: {}\nd: 3\n");
    QTest::newRow("scalar replaced by mapping")
        << QByteArray("a: 1   \nb: 2\n") << u"a"_s << u"{\"x\": \"v\"}"_s
        << QByteArray("a:\n  x: v   \nb: 2\n");
    QTest::newRow("mapping replaced by scalar") << QByteArray("a:\n  b: 1\n  c: 2\nd: 3\n")
                                                << u"a"_s << u"v"_s << QByteArray("a: v\nd: 3\n");
    QTest::newRow("sequence item replaced by mapping")
        << QByteArray("s:\n- a\n- b\n") << u"s:0"_s << u"{\"k\": \"v\", \"l\": 1}"_s
        << QByteArray("s:\n- k: v\n  l: 1\n- b\n");
    QTest::newRow("sequence at key indent replaced by mapping")
        << QByteArray("s:\n- a\n- b\nt: 1\n") << u"s"_s << u"{\"k\": \"v\"}"_s
        << QByteArray("s:\n  k: v\nt: 1\n");
    QTest::newRow("flow sequence replaced in flow")
        << QByteArray("a: [1, 2]\n") << u"a"_s << u"[\"x\", {\"k\": 1}]"_s
        << QByteArray("a: [x, {k: 1}]\n");
    QTest::newRow("indentation of the file is followed")
        << QByteArray("a:\n    b: 1\nc: 2\n") << u"c"_s << u"{\"x\": {\"w\": [1]}}"_s
        << QByteArray("a:\n    b: 1\nc:\n    x:\n        w:\n            - 1\n");
    QTest::newRow("nested sequence index")
        << QByteArray("servers:\n  - host: a\n    port: 1\n  - host: b\n    port: 2\n")
        << u"Servers:1:Host"_s << u"c"_s
        << QByteArray("servers:\n  - host: a\n    port: 1\n  - host: c\n    port: 2\n");
}

void TestYamlStructuredReplacement::subtrees()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QVERIFY(sameBytes(run(input, {{name, value}}), expected));
}

void TestYamlStructuredReplacement::octopusNamesAreIgnored()
{
    QStringList matched;
    const QByteArray output = run("OctopusX: 1\nOctopus:\n  Y: 2\n",
                                  {{u"OctopusX"_s, u"5"_s}, {u"Octopus:Y"_s, u"6"_s}}, &matched);
    QVERIFY(sameBytes(output, "OctopusX: 1\nOctopus:\n  Y: 6\n"));
    QCOMPARE(matched, QStringList{u"Octopus:Y"_s});
}

void TestYamlStructuredReplacement::crlfAndBomArePreserved()
{
    const QByteArray input = "\xEF\xBB\xBF# c\r\na: 1\r\nb: |\r\n  x\r\nc: d\r\n";
    const QByteArray output =
        run(input, {{u"a"_s, u"{\"k\": [1]}"_s}, {u"b"_s, u"p\nq\n"_s}, {u"c"_s, u"e"_s}});
    QVERIFY(sameBytes(
        output, "\xEF\xBB\xBF# c\r\na:\r\n  k:\r\n    - 1\r\nb: |\r\n  p\r\n  q\r\nc: e\r\n"));
}

void TestYamlStructuredReplacement::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("position");
    QTest::newRow("unclosed flow") << QByteArray("a: [1, 2\nb: 3\n") << u"line 2, column 2"_s;
    QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << u"line 3, column 2"_s;
    QTest::newRow("tab indentation") << QByteArray("a:\n\tb: 1\n") << u"line 2, column 1"_s;
    QTest::newRow("unknown alias") << QByteArray("é: 1\nb: [*x\n") << u"line 3"_s;
}

void TestYamlStructuredReplacement::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, position);
    const auto result =
        StructuredConfigReplacer::replace(input, u"k8s/app.yml"_s, {{u"a"_s, u"2"_s}});
    QVERIFY(!result);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(u"k8s/app.yml is not valid YAML: "_s), qPrintable(message));
    QVERIFY2(message.contains(position), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestYamlStructuredReplacement)
#include "tst_yamlstructuredreplacement.moc"
