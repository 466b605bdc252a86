#include "model/variables/structured/structuredconfigreplacer.h"
#include "tests/unit/structured/structuredtesthelpers.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace Cuttle::Test;
using Vars = StructuredConfigReplacer::Variables;

class TestXmlStructuredReplacement : public QObject
{
    Q_OBJECT

private:
    static Result<ReplacementOutcome> run(const QByteArray &input, const Vars &vars)
    {
        return StructuredConfigReplacer::replace(input, QStringLiteral("web.config"), vars);
    }

private slots:
    void webConfigChangesOnlyReplacedValues();
    void xpathSelectingSeveralNodesReplacesAll();
    void elements_data();
    void elements();
    void nestedSelectionsLaterVariableWins();
    void elementWithChildrenAndPlainTextIsAWarning();
    void malformed_data();
    void malformed();
};

void TestXmlStructuredReplacement::webConfigChangesOnlyReplacedValues()
{
    const QByteArray input = structuredFixture("web.config");
    const auto result = run(
        input,
        {{u"/configuration/appSettings/add[@key='Environment']/@value"_s, u"Production"_s},
         {u"/configuration/appSettings/add[@key='ApiUrl']/@value"_s, u"https://api/?a=1&b='2'"_s},
         {u"/configuration/appSettings/add[@key='Empty']/@value"_s, u"line1\nline2"_s},
         {u"//connectionStrings/add[@name='Shop']/@connectionString"_s,
          u"Server=db;Password=\"x<y\""_s},
         {u"//environment"_s, u"Prod & <Test>"_s},
         {u"/configuration/notes"_s, u"a ]]> b <i>"_s},
         {u"//emptyElement"_s, u"filled"_s},
         {u"/configuration/owner"_s, u"ops"_s},
         {u"//compilation/@debug"_s, u"false"_s},
         {u"ConnectionStrings:Db"_s, u"ignored: a JSON path"_s},
         {u"My Setting"_s, u"ignored: not XPath"_s},
         {u"Octopus.Action[Web].Name"_s, u"selects nothing"_s}});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->format, StructuredFormat::Xml);
    const QByteArray expected = withEdits(
        input,
        {{"value=\"Development\"", "value=\"Production\""},
         {"value='http://localhost:5000/api'", "value='https://api/?a=1&amp;b=&apos;2&apos;'"},
         {"value=\"\"", "value=\"line1&#xA;line2\""},
         {"connectionString=\"Server=.;Database=Shop;Integrated Security=true\"",
          "connectionString=\"Server=db;Password=&quot;x&lt;y&quot;\""},
         {"<environment>Development</environment>",
          "<environment>Prod &amp; &lt;Test&gt;</environment>"},
         {"<![CDATA[Use <b>only</b> in dev]]>", "<![CDATA[a ]]]]><![CDATA[> b <i>]]>"},
         {"<emptyElement/>", "<emptyElement>filled</emptyElement>"},
         {"<owner />", "<owner>ops</owner>"},
         {"debug=\"true\"", "debug=\"false\""}});
    QVERIFY(sameBytes(result->content, expected));
    QCOMPARE(result->replacementCount, 9);
    QCOMPARE(result->matchedNames.size(), 9);
    QVERIFY(result->warnings.isEmpty());
}

void TestXmlStructuredReplacement::xpathSelectingSeveralNodesReplacesAll()
{
    const QByteArray input = structuredFixture("web.config");
    const auto result = run(input, {{u"//appSettings/add/@value"_s, u"x"_s}});
    QVERIFY(result);
    QCOMPARE(result->replacementCount, 3);
    QVERIFY(sameBytes(result->content,
                      withEdits(input, {{"value=\"Development\"", "value=\"x\""},
                                        {"value='http://localhost:5000/api'", "value='x'"},
                                        {"value=\"\"", "value=\"x\""}})));
}

void TestXmlStructuredReplacement::elements_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("xpath");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("text node") << QByteArray("<a><b>x</b></a>") << u"/a/b/text()"_s << u"1 < 2"_s
                               << QByteArray("<a><b>1 &lt; 2</b></a>");
    QTest::newRow("comment inside text element")
        << QByteArray("<a><b><!-- c -->x</b></a>") << u"/a/b"_s << u"y"_s
        << QByteArray("<a><b>y</b></a>");
    QTest::newRow("element with children takes markup")
        << QByteArray("<a>\n  <b>1</b>\n</a>") << u"/a"_s << u"<c x=\"1\"/><d/>"_s
        << QByteArray("<a><c x=\"1\"/><d/></a>");
    QTest::newRow("namespaced root") << QByteArray("<a xmlns=\"urn:x\"><b>1</b></a>") << u"/a/b"_s
                                     << u"2"_s << QByteArray("<a xmlns=\"urn:x\"><b>2</b></a>");
    QTest::newRow("crlf and bom") << QByteArray("\xEF\xBB\xBF<a>\r\n  <b v=\"1\"/>\r\n</a>\r\n")
                                  << u"//b/@v"_s << u"2"_s
                                  << QByteArray("\xEF\xBB\xBF<a>\r\n  <b v=\"2\"/>\r\n</a>\r\n");
    QTest::newRow("entities elsewhere kept")
        << QByteArray("<a t=\"&amp;&#x41;\"><b>x</b></a>") << u"/a/b"_s << u"y"_s
        << QByteArray("<a t=\"&amp;&#x41;\"><b>y</b></a>");
}

void TestXmlStructuredReplacement::elements()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, xpath);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const auto result = StructuredConfigReplacer::replace(input, u"app.xml"_s, {{xpath, value}});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(sameBytes(result->content, expected));
}

void TestXmlStructuredReplacement::nestedSelectionsLaterVariableWins()
{
    const QByteArray input = "<a><b v=\"\"/><c>1</c></a>";
    const auto outerLast = StructuredConfigReplacer::replace(
        input, u"app.xml"_s, {{u"//b/@v"_s, u"x"_s}, {u"//c"_s, u"2"_s}, {u"/a"_s, u"<d/>"_s}});
    QVERIFY(outerLast);
    QCOMPARE(outerLast->content, QByteArray("<a><d/></a>"));
    const auto innerLast = StructuredConfigReplacer::replace(
        input, u"app.xml"_s, {{u"/a"_s, u"<d/>"_s}, {u"//b/@v"_s, u"x"_s}});
    QVERIFY(innerLast);
    QCOMPARE(innerLast->content, QByteArray("<a><b v=\"x\"/><c>1</c></a>"));
}

void TestXmlStructuredReplacement::elementWithChildrenAndPlainTextIsAWarning()
{
    const QByteArray input = "<a><b>1</b></a>";
    const auto result =
        StructuredConfigReplacer::replace(input, u"app.xml"_s, {{u"/a"_s, u"not <markup"_s}});
    QVERIFY(result);
    QCOMPARE(result->content, input);
    QCOMPARE(result->warnings.size(), 1);
    QVERIFY(result->matchedNames.isEmpty());
}

void TestXmlStructuredReplacement::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("position");
    QTest::newRow("mismatched end tag") << QByteArray("<a>\n  <b></c>\n</a>") << u"line 2"_s;
    QTest::newRow("unquoted attribute") << QByteArray("<a x=1/>") << u"line 1"_s;
    QTest::newRow("unclosed") << QByteArray("<a>\n<b>") << u"line 2"_s;
}

void TestXmlStructuredReplacement::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, position);
    const auto result =
        StructuredConfigReplacer::replace(input, u"site/web.config"_s, {{u"/a"_s, u"2"_s}});
    QVERIFY(!result);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(u"site/web.config is not valid XML: "_s), qPrintable(message));
    QVERIFY2(message.contains(position), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestXmlStructuredReplacement)
#include "tst_xmlstructuredreplacement.moc"
