#include "model/engine/deploy/packagedeployscript.h"

#include <QProcess>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

QString syntaxErrors(const QString &script)
{
    QProcess bash;
    bash.start(u"/bin/bash"_s, {u"-n"_s});
    bash.write(script.toUtf8());
    bash.closeWriteChannel();
    bash.waitForFinished(10000);
    return bash.exitCode() == 0 ? QString() : QString::fromUtf8(bash.readAllStandardError());
}

} // namespace

class tst_PackageDeployScript final : public QObject
{
    Q_OBJECT

private slots:
    void pathSegment_data();
    void pathSegment();
    void paths();
    void scriptsParse_data();
    void scriptsParse();
    void zipToolChosenByFormat_data();
    void zipToolChosenByFormat();
};

void tst_PackageDeployScript::pathSegment_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Production"_s << u"Production"_s;
    QTest::newRow("spaces kept") << u"Test Env"_s << u"Test Env"_s;
    QTest::newRow("slashes") << u"a/b\\c"_s << u"a_b_c"_s;
    QTest::newRow("dot dot") << u".."_s << u"_.."_s;
    QTest::newRow("hidden") << u".cuttle"_s << u"_.cuttle"_s;
    QTest::newRow("empty") << QString() << u"_"_s;
    QTest::newRow("control characters") << u"a\nb\tc"_s << u"a_b_c"_s;
    QTest::newRow("version") << u"1.2.3-beta.4+build"_s << u"1.2.3-beta.4+build"_s;
    QTest::newRow("unicode") << u"Zürich"_s << u"Zürich"_s;
}

void tst_PackageDeployScript::pathSegment()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(PackageDeployScript::pathSegment(name), expected);
}

void tst_PackageDeployScript::paths()
{
    QCOMPARE(PackageDeployScript::cachePath(u"/srv/apps/"_s, u"ABCDEF"_s, u".TAR.GZ"_s),
             u"/srv/apps/.cuttle/packages/abcdef.tar.gz"_s);
    QCOMPARE(PackageDeployScript::cachePath(u"apps"_s, u"ab"_s, u"zip"_s), u"apps/.cuttle/packages/ab.zip"_s);
    QCOMPARE(PackageDeployScript::packageDirectory(u"/srv/apps"_s, u"Production"_s, {}, u"Acme.Web"_s),
             u"/srv/apps/Production/Acme.Web"_s);
    QCOMPARE(PackageDeployScript::packageDirectory(u"/srv/apps/"_s, u"Production"_s, u"Big/Customer"_s, u"Acme.Web"_s),
             u"/srv/apps/Production/Big_Customer/Acme.Web"_s);
}

void tst_PackageDeployScript::scriptsParse_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("quotedPath");
    const QString dir = u"/srv/it's $(odd) `dir`"_s;
    const QString quoted = u"'/srv/it'\\''s $(odd) `dir`"_s;
    QTest::newRow("cache check") << PackageDeployScript::cacheCheckScript(dir + u"/p.zip"_s, u"aa"_s, 12) << quoted;
    QTest::newRow("receive and extract tar")
        << PackageDeployScript::receiveAndExtractScript(u"/c/p.tar.gz"_s, u"tar.gz"_s, 12, dir, u"1.0"_s) << quoted;
    QTest::newRow("receive and extract zip")
        << PackageDeployScript::receiveAndExtractScript(u"/c/p.zip"_s, u"zip"_s, 12, dir, u"1.0"_s) << quoted;
    QTest::newRow("extract tar") << PackageDeployScript::extractScript(u"/c/p.tgz"_s, u"tgz"_s, dir, u"1.0"_s) << quoted;
    QTest::newRow("extract zip") << PackageDeployScript::extractScript(u"/c/p.zip"_s, u"zip"_s, dir, u"1.0"_s) << quoted;
    QTest::newRow("switch") << PackageDeployScript::switchCurrentScript(dir, dir + u"/1.0_1"_s) << quoted;
    QTest::newRow("retention") << PackageDeployScript::retentionScript(dir, 3) << quoted;
    QTest::newRow("transfer") << PackageDeployScript::transferScript(u"/c/p.zip"_s, dir, u"p.zip"_s) << quoted;
}

void tst_PackageDeployScript::scriptsParse()
{
    QFETCH(QString, script);
    QFETCH(QString, quotedPath);
    const QString errors = syntaxErrors(script);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QVERIFY2(script.contains(quotedPath), qPrintable(script.left(400)));
}

void tst_PackageDeployScript::zipToolChosenByFormat_data()
{
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("nupkg");
    QTest::addColumn<QString>("decompress"); // the filter in front of tar
    QTest::newRow("zip") << u".zip"_s << u"zip"_s << false << QString();
    QTest::newRow("nupkg") << u"nupkg"_s << u"zip"_s << true << QString();
    QTest::newRow("jar") << u"jar"_s << u"zip"_s << false << QString();
    QTest::newRow("war") << u"war"_s << u"zip"_s << false << QString();
    QTest::newRow("tar") << u"tar"_s << u"tar"_s << false << QString();
    QTest::newRow("tar.gz") << u".tar.gz"_s << u"tar"_s << false << u"gzip -dc"_s;
    QTest::newRow("tgz") << u"tgz"_s << u"tar"_s << false << u"gzip -dc"_s;
    QTest::newRow("tar.bz2") << u"tar.bz2"_s << u"tar"_s << false << u"bzip2 -dc"_s;
    QTest::newRow("tar.xz") << u"tar.xz"_s << u"tar"_s << false << u"xz -dc"_s;
    QTest::newRow("tar.zst") << u"tar.zst"_s << u"tar"_s << false << u"zstd -dcq"_s;
}

void tst_PackageDeployScript::zipToolChosenByFormat()
{
    QFETCH(QString, extension);
    QFETCH(QString, kind);
    QFETCH(bool, nupkg);
    QFETCH(QString, decompress);
    for (const QString &script : {PackageDeployScript::extractScript(u"/c/p"_s, extension, u"/d"_s, u"1.0"_s),
                                  PackageDeployScript::receiveAndExtractScript(u"/c/p"_s, extension, 1, u"/d"_s, u"1.0"_s)}) {
        QVERIFY(script.contains(u"kind='"_s + kind + u"'\n"_s));
        QVERIFY(script.contains(nupkg ? u"nupkg='1'"_s : u"nupkg='0'"_s));
        QVERIFY2(script.contains(u"decompress='"_s + decompress + u"'\n"_s), qPrintable(script.left(300)));
        const QString expanded = decompress.isEmpty() ? QString() : u"/c/p.expanded"_s;
        QVERIFY2(script.contains(u"expanded='"_s + expanded + u"'\n"_s), qPrintable(script.left(300)));
    }
}

QTEST_GUILESS_MAIN(tst_PackageDeployScript)
#include "tst_packagedeployscript.moc"
