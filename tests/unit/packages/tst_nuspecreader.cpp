#include "archivebuilder.h"

#include "model/packages/nuspecreader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class TestNuspecReader final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void fromPackage();
    void packageWithoutNuspec();
};

static QByteArray nuspec(const QByteArray &ns, const QByteArray &metadata)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package" + ns + ">\n  <metadata>\n" + metadata
           + "\n  </metadata>\n  <files><file src=\"x\" /></files>\n</package>\n";
}

void TestNuspecReader::parse_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("authors");
    QTest::addColumn<QString>("releaseNotes");

    const QByteArray full = "<id>Acme.Web</id><version>1.2.3-beta.4</version><title>Acme Web</title>"
                            "<authors>Ada, Grace</authors><description>The site.</description>"
                            "<releaseNotes>Fixed &lt;login&gt;.\nFaster.</releaseNotes>";
    const char *namespaces[] = {
        "",
        " xmlns=\"http://schemas.microsoft.com/packaging/2010/07/nuspec.xsd\"",
        " xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"",
        " xmlns=\"http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd\"",
    };
    for (const char *ns : namespaces) {
        QTest::addRow("namespace '%s'", ns) << nuspec(ns, full) << u"Acme.Web"_s << u"1.2.3-beta.4"_s << u"Acme Web"_s
                                            << u"Ada, Grace"_s << u"Fixed <login>.\nFaster."_s;
    }
    QTest::newRow("minimal") << nuspec("", "<id>X</id><version>1.0.0</version>") << u"X"_s << u"1.0.0"_s << QString()
                             << QString() << QString();
    QTest::newRow("cdata and dependencies")
        << nuspec("", "<id>X</id><version>1.0</version><dependencies><dependency id=\"Y\" version=\"1\"/></dependencies>"
                      "<releaseNotes><![CDATA[<b>bold</b>]]></releaseNotes>")
        << u"X"_s << u"1.0"_s << QString() << QString() << u"<b>bold</b>"_s;
    QTest::newRow("whitespace trimmed") << nuspec("", "<id>\n  X  \n</id><version> 2.0 </version>") << u"X"_s << u"2.0"_s
                                        << QString() << QString() << QString();
}

void TestNuspecReader::parse()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, id);
    QFETCH(QString, version);
    QFETCH(QString, title);
    QFETCH(QString, authors);
    QFETCH(QString, releaseNotes);
    const auto metadata = NuspecReader::parse(xml);
    QVERIFY2(metadata.ok(), qPrintable(metadata.ok() ? QString() : metadata.error().message));
    QCOMPARE(metadata->id, id);
    QCOMPARE(metadata->version, version);
    QCOMPARE(metadata->title, title);
    QCOMPARE(metadata->authors, authors);
    QCOMPARE(metadata->releaseNotes, releaseNotes);
}

void TestNuspecReader::invalid_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not xml") << QByteArray("hello");
    QTest::newRow("unclosed") << QByteArray("<package><metadata><id>X</id>");
    QTest::newRow("no id") << nuspec("", "<version>1.0</version>");
    QTest::newRow("no version") << nuspec("", "<id>X</id>");
    QTest::newRow("other root") << QByteArray("<project><metadata><id>X</id><version>1</version></metadata></project>");
}

void TestNuspecReader::invalid()
{
    QFETCH(QByteArray, xml);
    const auto metadata = NuspecReader::parse(xml);
    QVERIFY(!metadata.ok());
    QCOMPARE(metadata.error().kind, ErrorKind::Validation);
}

void TestNuspecReader::fromPackage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Acme.Web.1.0.0.nupkg"_s);
    QVERIFY(writeArchive(path, TestFormat::Zip,
                         {TestEntry::file("_rels/.rels", "<x/>"),
                          TestEntry::file("lib/Acme.Web.nuspec", "<package/>"), // not at the root: ignored
                          TestEntry::file("Acme.Web.nuspec", nuspec("", "<id>Acme.Web</id><version>1.0.0</version><releaseNotes>First.</releaseNotes>")),
                          TestEntry::file("content/index.html", "<html/>")}));
    const auto metadata = NuspecReader::read(PackageArchive(path));
    QVERIFY2(metadata.ok(), qPrintable(metadata.ok() ? QString() : metadata.error().message));
    QCOMPARE(metadata->id, u"Acme.Web"_s);
    QCOMPARE(metadata->releaseNotes, u"First."_s);
}

void TestNuspecReader::packageWithoutNuspec()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Acme.Web.1.0.0.nupkg"_s);
    QVERIFY(writeArchive(path, TestFormat::Zip, {TestEntry::file("content/index.html", "<html/>")}));
    const auto metadata = NuspecReader::read(PackageArchive(path));
    QVERIFY(!metadata.ok());
    QCOMPARE(metadata.error().kind, ErrorKind::NotFound);
    QVERIFY(metadata.error().message.contains(u"Acme.Web.1.0.0.nupkg"));
}

QTEST_GUILESS_MAIN(TestNuspecReader)
#include "tst_nuspecreader.moc"
