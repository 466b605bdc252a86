#include "model/packages/packagefilename.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::PackageFormat)

class TestPackageFileName final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void everyExtension_data();
    void everyExtension();
    void invalid_data();
    void invalid();
    void packageIds_data();
    void packageIds();
    void samePackageVersion();
};

void TestPackageFileName::parse_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("version");
    QTest::addColumn<PackageFormat>("format");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QString>("storageName");

    auto row = [](const char *file, const char *id, const char *version, PackageFormat format, const char *ext,
                  const char *storage) {
        QTest::addRow("%s", file) << QString::fromUtf8(file) << QString::fromUtf8(id) << QString::fromUtf8(version)
                                  << format << QString::fromUtf8(ext) << QString::fromUtf8(storage);
    };
    using F = PackageFormat;
    row("Acme.Web.1.0.0.zip", "Acme.Web", "1.0.0", F::Zip, ".zip", "Acme.Web.1.0.0.zip");
    row("Acme.Web.1.0.0.0.zip", "Acme.Web", "1.0.0.0", F::Zip, ".zip", "Acme.Web.1.0.0.zip");
    row("Acme.Web.1.2.3.4.zip", "Acme.Web", "1.2.3.4", F::Zip, ".zip", "Acme.Web.1.2.3.4.zip");
    row("Acme.Web.2016.01.02.zip", "Acme.Web", "2016.01.02", F::Zip, ".zip", "Acme.Web.2016.1.2.zip");
    row("Acme.Web.1.0.0-beta.10.nupkg", "Acme.Web", "1.0.0-beta.10", F::NuGet, ".nupkg", "Acme.Web.1.0.0-beta.10.nupkg");
    row("Acme.Web.1.0.0-beta.10+sha.5.nupkg", "Acme.Web", "1.0.0-beta.10+sha.5", F::NuGet, ".nupkg", "Acme.Web.1.0.0-beta.10.nupkg");
    row("Acme.Web2.1.0.0.zip", "Acme.Web2", "1.0.0", F::Zip, ".zip", "Acme.Web2.1.0.0.zip");
    row("Acme.Web.2.1.0.0.zip", "Acme.Web", "2.1.0.0", F::Zip, ".zip", "Acme.Web.2.1.0.zip");
    // Ambiguous names resolve to the longest version that parses.
    row("1.0.0.zip", "1", "0.0", F::Zip, ".zip", "1.0.0.0.zip");
    row("Acme.1.0.0.0.0.zip", "Acme.1", "0.0.0.0", F::Zip, ".zip", "Acme.1.0.0.0.0.zip");
    row("Acme.Web.1.2.3.4.5.6.7.8.9.zip", "Acme.Web.1.2.3.4.5", "6.7.8.9", F::Zip, ".zip", "Acme.Web.1.2.3.4.5.6.7.8.9.zip");
    row("Acme.v1.0.zip", "Acme.v1", "0", F::Zip, ".zip", "Acme.v1.0.0.0.zip");
    row("abc.1.2.3.4.5.zip", "abc.1", "2.3.4.5", F::Zip, ".zip", "abc.1.2.3.4.5.zip");
    row("a1.b2.c3.1.zip", "a1.b2.c3", "1", F::Zip, ".zip", "a1.b2.c3.1.0.0.zip");
    row("pkg.1.zip", "pkg", "1", F::Zip, ".zip", "pkg.1.0.0.zip");
    row("pkg.1.2.zip", "pkg", "1.2", F::Zip, ".zip", "pkg.1.2.0.zip");
    row("my-app_v2.3.0.1-rc.1.tar.gz", "my-app_v2", "3.0.1-rc.1", F::TarGzip, ".tar.gz", "my-app_v2.3.0.1-rc.1.tar.gz");
    row("my-app.1.0.0.TAR.GZ", "my-app", "1.0.0", F::TarGzip, ".TAR.GZ", "my-app.1.0.0.tar.gz");
    row("x.1.0.0.tgz", "x", "1.0.0", F::TarGzip, ".tgz", "x.1.0.0.tgz");
    row("x.1.0.0.tar", "x", "1.0.0", F::Tar, ".tar", "x.1.0.0.tar");
    row("x.1.0.0.tar.bz2", "x", "1.0.0", F::TarBzip2, ".tar.bz2", "x.1.0.0.tar.bz2");
    row("x.1.0.0.tbz2", "x", "1.0.0", F::TarBzip2, ".tbz2", "x.1.0.0.tbz2");
    row("x.1.0.0.tar.xz", "x", "1.0.0", F::TarXz, ".tar.xz", "x.1.0.0.tar.xz");
    row("x.1.0.0.txz", "x", "1.0.0", F::TarXz, ".txz", "x.1.0.0.txz");
    row("x.1.0.0.tar.zst", "x", "1.0.0", F::TarZstd, ".tar.zst", "x.1.0.0.tar.zst");
    row("web-api.2.0.0-SNAPSHOT.jar", "web-api", "2.0.0-SNAPSHOT", F::Jar, ".jar", "web-api.2.0.0-SNAPSHOT.jar");
    row("web-api.2.0.war", "web-api", "2.0", F::War, ".war", "web-api.2.0.war");
    row("web-api.1.0.0.RELEASE.ear", "web-api", "1.0.0.RELEASE", F::Ear, ".ear", "web-api.1.0.0.RELEASE.ear");
    row("com.acme.lib.1.2.3.Final.jar", "com.acme.lib", "1.2.3.Final", F::Jar, ".jar", "com.acme.lib.1.2.3.Final.jar");
    row("log4j.2.17.1.jar", "log4j", "2.17.1", F::Jar, ".jar", "log4j.2.17.1.jar");
    row("lib.1.0-beta-2.jar", "lib", "1.0-beta-2", F::Jar, ".jar", "lib.1.0-beta-2.jar");
    row("Pkg.10.0.0.zip", "Pkg", "10.0.0", F::Zip, ".zip", "Pkg.10.0.0.zip");
    row("Pkg.v1.1.0.0.zip", "Pkg.v1", "1.0.0", F::Zip, ".zip", "Pkg.v1.1.0.0.zip");
    row("A.0.0.1.zip", "A", "0.0.1", F::Zip, ".zip", "A.0.0.1.zip");
    row("Under_Score.1.0.0.zip", "Under_Score", "1.0.0", F::Zip, ".zip", "Under_Score.1.0.0.zip");
    row("Dash-1.1.0.0.zip", "Dash-1", "1.0.0", F::Zip, ".zip", "Dash-1.1.0.0.zip");
    row("2048.1.0.0.zip", "2048", "1.0.0", F::Zip, ".zip", "2048.1.0.0.zip");
}

void TestPackageFileName::parse()
{
    QFETCH(QString, fileName);
    QFETCH(QString, id);
    QFETCH(QString, version);
    QFETCH(PackageFormat, format);
    QFETCH(QString, extension);
    QFETCH(QString, storageName);

    const auto name = PackageFileName::parse(fileName);
    QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
    QCOMPARE(name->packageId(), id);
    QCOMPARE(name->versionText(), version);
    QCOMPARE(name->format(), format);
    QCOMPARE(name->extension(), extension);
    QCOMPARE(name->fileName(), fileName);
    QCOMPARE(name->storageFileName(), storageName);
    QCOMPARE(name->semanticVersion().has_value(), !isMavenPackageFormat(format));
    QCOMPARE(name->mavenVersion().has_value(), isMavenPackageFormat(format));
    // The stored name parses back to the same package and version.
    const auto stored = PackageFileName::parse(storageName);
    QVERIFY(stored.ok());
    QVERIFY(stored->isSamePackageVersion(*name));
}

void TestPackageFileName::everyExtension_data()
{
    QTest::addColumn<PackageFormat>("format");
    QTest::addColumn<QString>("extension");
    for (PackageFormat f : allPackageFormats()) {
        for (const QString &ext : packageFormatExtensions(f)) {
            QTest::addRow("%s", qPrintable(ext)) << f << ext;
            QTest::addRow("%s upper", qPrintable(ext)) << f << ext.toUpper();
        }
    }
}

void TestPackageFileName::everyExtension()
{
    QFETCH(PackageFormat, format);
    QFETCH(QString, extension);
    const QString version = isMavenPackageFormat(format) ? u"1.0-SNAPSHOT"_s : u"1.0.0-rc.1"_s;
    const auto name = PackageFileName::parse(QString(u"Acme.Tool9." + version + extension));
    QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
    QCOMPARE(name->format(), format);
    QCOMPARE(name->packageId(), u"Acme.Tool9"_s);
    QCOMPARE(name->versionText(), version);
    QVERIFY(allPackageExtensions().contains(extension.toLower()));
}

void TestPackageFileName::invalid_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("fragment");
    auto row = [](const char *file, const char *fragment) {
        QTest::addRow("%s", file) << QString::fromUtf8(file) << QString::fromUtf8(fragment);
    };
    row("", "supported package extension");
    row("Acme.1.0.0.rar", "supported package extension");
    row("Acme.1.0.0.gz", "supported package extension");
    row("Acme.1.0.0", "supported package extension");
    row(".zip", "supported package extension");
    row("Acme.zip", "<PackageId>.<Version>");
    row("Acme.1.0.0+.zip", "<PackageId>.<Version>");
    row("Acme.beta.zip", "<PackageId>.<Version>");
    row("Acme..1.0.0.zip", "<PackageId>.<Version>");
    row("Acme.1.0.0..zip", "<PackageId>.<Version>");
    row("Acme Web.1.0.0.zip", "<PackageId>.<Version>");
    row("Acme.Web.zip", "<PackageId>.<Version>");
    row("-Acme.1.0.0.zip", "<PackageId>.<Version>");
    row("Acme-.1.0.0.zip", "<PackageId>.<Version>");
    row("Ac--me.1.0.0.zip", "<PackageId>.<Version>");
    row("Acmé.1.0.0.zip", "<PackageId>.<Version>");
    row("Acme.1.0.0-.zip", "<PackageId>.<Version>");
    row("lib.SNAPSHOT.jar", "<PackageId>.<Version>");
    row("lib.1.0-.jar", "<PackageId>.<Version>");
    row("../evil.1.0.0.zip", "<PackageId>.<Version>");
    row("dir/Acme.1.0.0.zip", "<PackageId>.<Version>");
}

void TestPackageFileName::invalid()
{
    QFETCH(QString, fileName);
    QFETCH(QString, fragment);
    const auto name = PackageFileName::parse(fileName);
    QVERIFY(!name.ok());
    QCOMPARE(name.error().kind, ErrorKind::Validation);
    QVERIFY2(name.error().message.contains(fragment), qPrintable(name.error().message));
}

void TestPackageFileName::packageIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    const std::pair<const char *, bool> rows[] = {
        {"a", true}, {"A1", true}, {"a.b", true}, {"a-b", true}, {"a_b", true}, {"a.b-c_d.9", true},
        {"", false}, {".a", false}, {"a.", false}, {"a..b", false}, {"a.-b", false}, {"a b", false},
        {"a/b", false}, {"ä", false}, {"a+b", false}, {"_a", false},
    };
    for (const auto &[id, valid] : rows)
        QTest::addRow("'%s'", id) << QString::fromUtf8(id) << valid;
}

void TestPackageFileName::packageIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(PackageFileName::isValidPackageId(id), valid);
}

void TestPackageFileName::samePackageVersion()
{
    const auto a = PackageFileName::parse(u"Acme.1.0.zip");
    const auto b = PackageFileName::parse(u"acme.1.0.0.0.tar.gz");
    const auto c = PackageFileName::parse(u"Acme.1.0.1.zip");
    QVERIFY(a.ok() && b.ok() && c.ok());
    QVERIFY(a->isSamePackageVersion(*b));
    QVERIFY(!a->isSamePackageVersion(*c));
}

QTEST_GUILESS_MAIN(TestPackageFileName)
#include "tst_packagefilename.moc"
