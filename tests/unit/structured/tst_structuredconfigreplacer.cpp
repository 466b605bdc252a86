#include "model/variables/structured/structuredconfigreplacer.h"
#include "tests/unit/structured/structuredtesthelpers.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace Cuttle::Test;

Q_DECLARE_METATYPE(Cuttle::StructuredFormat)

class TestStructuredConfigReplacer : public QObject
{
    Q_OBJECT

private:
    static QString writeFile(const QTemporaryDir &dir, const QString &name,
                             const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write test file");
        return path;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void formatChoice_data();
    void formatChoice();
    void explicitFormatIsUsed();
    void refusedContent_data();
    void refusedContent();
    void fileIsReplacedInPlaceKeepingPermissions();
    void fileIsUntouchedOnError_data();
    void fileIsUntouchedOnError();
    void fileWithoutMatchesIsNotRewritten();
    void symlinkedFileIsReplacedThroughTheLink();
    void missingFileIsAnError();
};

void TestStructuredConfigReplacer::formatChoice_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<StructuredFormat>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("JSON content wins over a yaml extension")
        << u"a.yaml"_s << QByteArray("{\"a\": 1}") << StructuredFormat::Json
        << QByteArray("{\"a\": 2}");
    QTest::newRow("yml") << u"a.yml"_s << QByteArray("a: 1\n") << StructuredFormat::Yaml
                         << QByteArray("a: 2\n");
    QTest::newRow("config is XML") << u"Web.Config"_s << QByteArray("<a>1</a>")
                                   << StructuredFormat::Xml << QByteArray("<a>2</a>");
    QTest::newRow("properties") << u"x.properties"_s << QByteArray("a=1\n")
                                << StructuredFormat::Properties << QByteArray("a=2\n");
    QTest::newRow("unknown extension, XML") << u"settings.conf"_s << QByteArray("<a>1</a>")
                                            << StructuredFormat::Xml << QByteArray("<a>2</a>");
    QTest::newRow("unknown extension, YAML")
        << u"settings"_s << QByteArray("a: 1\nb: [x]\n") << StructuredFormat::Yaml
        << QByteArray("a: 2\nb: [x]\n");
    QTest::newRow("unknown extension, properties")
        << u"settings.env"_s << QByteArray("a=1\n") << StructuredFormat::Properties
        << QByteArray("a=2\n");
    QTest::newRow("blank file") << u"empty.json"_s << QByteArray(" \n") << StructuredFormat::Json
                                << QByteArray(" \n");
}

void TestStructuredConfigReplacer::formatChoice()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(StructuredFormat, format);
    QFETCH(QByteArray, expected);
    const QString name = format == StructuredFormat::Xml ? u"/a"_s : u"a"_s;
    const auto result = StructuredConfigReplacer::replace(content, fileName, {{name, u"2"_s}});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->format, format);
    QCOMPARE(result->content, expected);
}

void TestStructuredConfigReplacer::explicitFormatIsUsed()
{
    const auto result = StructuredConfigReplacer::replace("a: 1\n", u"a.json"_s, {{u"a"_s, u"2"_s}},
                                                          StructuredFormat::Yaml);
    QVERIFY(result);
    QCOMPARE(result->content, QByteArray("a: 2\n"));
    const auto wrong = StructuredConfigReplacer::replace("a: 1\n", u"a.txt"_s, {{u"a"_s, u"2"_s}},
                                                         StructuredFormat::Json);
    QVERIFY(!wrong);
    QVERIFY(wrong.error().message.contains(u"not valid JSON"_s));
}

void TestStructuredConfigReplacer::refusedContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("binary") << QByteArray("PK\x03\x04\x00\x00", 6)
                            << u"a.json is a binary file, not a configuration file."_s;
    QTest::newRow("UTF-16") << QByteArray("\xFF\xFE{\x00}\x00", 6)
                            << u"a.json is a binary file, not a configuration file."_s;
    QTest::newRow("Latin-1") << QByteArray("{\n\"a\": \"caf\xE9\"}")
                             << u"a.json is not UTF-8 text: invalid byte at line 2, column 10."_s;
    QTest::newRow("overlong") << QByteArray("{\"a\": \"\xC0\xAF\"}")
                              << u"a.json is not UTF-8 text: invalid byte at line 1, column 8."_s;
    QTest::newRow("truncated") << QByteArray("{\"a\": 1} \xE2\x82")
                               << u"a.json is not UTF-8 text: invalid byte at line 1, column 10."_s;
}

void TestStructuredConfigReplacer::refusedContent()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const auto result = StructuredConfigReplacer::replace(content, u"a.json"_s, {{u"a"_s, u"2"_s}});
    QVERIFY(!result);
    QCOMPARE(result.error().message, message);
}

void TestStructuredConfigReplacer::fileIsReplacedInPlaceKeepingPermissions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, u"appsettings.json"_s, "{\r\n  \"a\": 1\r\n}\r\n");
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const auto result = StructuredConfigReplacer::replaceInFile(path, {{u"A"_s, u"5"_s}});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(readFile(path), QByteArray("{\r\n  \"a\": 5\r\n}\r\n"));
    QCOMPARE(result->matchedNames, QStringList{u"A"_s});
    QVERIFY(QFileInfo(path).permissions() & QFile::ExeOwner);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"appsettings.json"_s});
}

void TestStructuredConfigReplacer::fileIsUntouchedOnError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("malformed JSON") << u"appsettings.json"_s << QByteArray("{\"a\": 1,, }");
    QTest::newRow("malformed YAML") << u"values.yaml"_s << QByteArray("a: [1\n");
    QTest::newRow("malformed XML") << u"web.config"_s << QByteArray("<a><b></a>");
    QTest::newRow("binary") << u"app.properties"_s << QByteArray("a=\x00", 3);
}

void TestStructuredConfigReplacer::fileIsUntouchedOnError()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = writeFile(dir, name, content);
    const QDateTime before = QFileInfo(path).lastModified();
    QTest::qSleep(20);
    const auto result =
        StructuredConfigReplacer::replaceInFile(path, {{u"a"_s, u"2"_s}, {u"/a"_s, u"2"_s}});
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
    QCOMPARE(readFile(path), content);
    QCOMPARE(QFileInfo(path).lastModified(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestStructuredConfigReplacer::fileWithoutMatchesIsNotRewritten()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"a.yaml"_s, "a: 1\n");
    const QDateTime before = QFileInfo(path).lastModified();
    QTest::qSleep(20);
    const auto result = StructuredConfigReplacer::replaceInFile(path, {{u"b"_s, u"2"_s}});
    QVERIFY(result);
    QVERIFY(!result->changed());
    QCOMPARE(QFileInfo(path).lastModified(), before);
}

void TestStructuredConfigReplacer::symlinkedFileIsReplacedThroughTheLink()
{
    QTemporaryDir dir;
    const QString real = writeFile(dir, u"real.yaml"_s, "a: 1\n");
    const QString link = dir.filePath(u"link.yaml"_s);
    QVERIFY(QFile::link(real, link));
    const auto result = StructuredConfigReplacer::replaceInFile(link, {{u"a"_s, u"2"_s}});
    QVERIFY(result);
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readFile(real), QByteArray("a: 2\n"));
}

void TestStructuredConfigReplacer::missingFileIsAnError()
{
    const auto result = StructuredConfigReplacer::replaceInFile(u"/nonexistent/appsettings.json"_s,
                                                                {{u"a"_s, u"2"_s}});
    QVERIFY(!result);
    QVERIFY(result.error().message.startsWith(u"Cannot read /nonexistent/appsettings.json"_s));
}

QTEST_GUILESS_MAIN(TestStructuredConfigReplacer)
#include "tst_structuredconfigreplacer.moc"
