#include "model/variables/structured/structuredconfigreplacer.h"
#include "tests/unit/structured/structuredtesthelpers.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace Cuttle::Test;
using Vars = StructuredConfigReplacer::Variables;

class TestPropertiesStructuredReplacement : public QObject
{
    Q_OBJECT

private:
    static QByteArray run(const QByteArray &input, const Vars &vars, QStringList *matched = nullptr)
    {
        const auto result = StructuredConfigReplacer::replace(
            input, QStringLiteral("application.properties"), vars);
        if (!result) {
            qWarning("%s", qPrintable(result.error().message));
            return {};
        }
        if (result->format != StructuredFormat::Properties)
            qWarning("treated as another format");
        if (matched)
            *matched = result->matchedNames;
        return result->content;
    }

private slots:
    void springPropertiesChangeOnlyReplacedValues();
    void entries_data();
    void entries();
};

void TestPropertiesStructuredReplacement::springPropertiesChangeOnlyReplacedValues()
{
    const QByteArray input = structuredFixture("application.properties");
    QStringList matched;
    const QByteArray output =
        run(input,
            {{u"server.port"_s, u"9090"_s},
             {u"spring.datasource.url"_s, u"jdbc:postgresql://db:5432/shop"_s},
             {u"spring.datasource.username"_s, u"svc"_s},
             {u"spring.datasource.password"_s, u" p\\w\n"_s},
             {u"app.description"_s, u"Short"_s},
             {u"app.greeting"_s, u"Hi ☃"_s},
             {u"key with spaces"_s, u"new"_s},
             {u"app.empty"_s, u"filled"_s},
             {u"LOGGING.LEVEL.ROOT"_s, u"DEBUG"_s}},
            &matched);
    const QByteArray expected = withEdits(
        input, {{"server.port=8080", "server.port=9090"},
                {"jdbc:postgresql://localhost:5432/shop", "jdbc:postgresql://db:5432/shop"},
                {"username:shop", "username:svc"},
                {"password   secret", "password   \\ p\\\\w\\n"},
                {"A long \\\n    description over \\\n    three lines", "Short"},
                {"Hello\\u0020World", "Hi \\u2603"},
                {"=old", "=new"},
                {"app.empty=", "app.empty=filled"}});
    QVERIFY(sameBytes(output, expected));
    // Keys are compared exactly: LOGGING.LEVEL.ROOT is another key.
    QCOMPARE(matched.size(), 8);
    QVERIFY(!matched.contains(u"LOGGING.LEVEL.ROOT"_s));
}

void TestPropertiesStructuredReplacement::entries_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("colon with spaces") << QByteArray("a : 1\n") << u"a"_s << QByteArray("a : v\n");
    QTest::newRow("whitespace separator") << QByteArray("a\t1\n") << u"a"_s << QByteArray("a\tv\n");
    QTest::newRow("key only") << QByteArray("a\nb=2\n") << u"a"_s << QByteArray("a=v\nb=2\n");
    QTest::newRow("escaped separator in key")
        << QByteArray("a\\=b=1\n") << u"a=b"_s << QByteArray("a\\=b=v\n");
    QTest::newRow("unicode escape in key")
        << QByteArray("\\u0061=1\n") << u"a"_s << QByteArray("\\u0061=v\n");
    QTest::newRow("continued key")
        << QByteArray("ab\\\n  cd=1\n") << u"abcd"_s << QByteArray("ab\\\n  cd=v\n");
    QTest::newRow("even backslashes do not continue")
        << QByteArray("a=x\\\\\nb=2\n") << u"a"_s << QByteArray("a=v\nb=2\n");
    QTest::newRow("comment is not a key")
        << QByteArray("#a=1\n  !a=2\na=3\n") << u"a"_s << QByteArray("#a=1\n  !a=2\na=v\n");
    QTest::newRow("crlf") << QByteArray("a=1\r\nb=2\r\n") << u"a"_s << QByteArray("a=v\r\nb=2\r\n");
    QTest::newRow("crlf continuation")
        << QByteArray("a=1\\\r\n  2\r\nb=2\r\n") << u"a"_s << QByteArray("a=v\r\nb=2\r\n");
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "a=1\n")
                         << u"a"_s
                         << QByteArray("\xEF\xBB\xBF"
                                       "a=v\n");
    QTest::newRow("no final newline") << QByteArray("a=1") << u"a"_s << QByteArray("a=v");
    QTest::newRow("repeated key") << QByteArray("a=1\na=2\n") << u"a"_s << QByteArray("a=v\na=v\n");
}

void TestPropertiesStructuredReplacement::entries()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    QVERIFY(sameBytes(run(input, {{name, u"v"_s}}), expected));
}

QTEST_GUILESS_MAIN(TestPropertiesStructuredReplacement)
#include "tst_propertiesstructuredreplacement.moc"
