#include "archivebuilder.h"

#include "model/packages/packagearchive.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::Test::TestFormat)
Q_DECLARE_METATYPE(QList<Cuttle::Test::TestEntry>)
Q_DECLARE_METATYPE(Cuttle::ExtractionLimits)
Q_DECLARE_METATYPE(Cuttle::ErrorKind)

class TestPackageArchive final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void happyPath_data();
    void happyPath();
    void refused_data();
    void refused();
    void damaged_data();
    void damaged();
    void cancel();
    void readEntry();
    void destinationMustBeEmpty();

private:
    QString archivePath(TestFormat format, const QString &stem = u"pkg"_s) const
    {
        return m_dir->filePath(stem + extensionOf(format));
    }
    // Nothing but the archives may be in the working folder after a refused extraction.
    void verifyNothingLeft(const QString &destination) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPackageArchive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPackageArchive::verifyNothingLeft(const QString &destination) const
{
    QVERIFY2(!QFileInfo::exists(destination), qPrintable(destination));
    const QDir parent = QFileInfo(destination).dir();
    const QStringList names = parent.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : names)
        QVERIFY2(!name.contains(u".partial-"), qPrintable(name));
}

void TestPackageArchive::happyPath_data()
{
    QTest::addColumn<TestFormat>("format");
    QTest::newRow("zip") << TestFormat::Zip;
    QTest::newRow("tar") << TestFormat::Tar;
    QTest::newRow("tar.gz") << TestFormat::TarGz;
    QTest::newRow("tar.bz2") << TestFormat::TarBz2;
    QTest::newRow("tar.xz") << TestFormat::TarXz;
    QTest::newRow("tar.zst") << TestFormat::TarZst;
}

void TestPackageArchive::happyPath()
{
    QFETCH(TestFormat, format);
    const bool tar = format != TestFormat::Zip;
    QList<TestEntry> entries{
        TestEntry::directory("app/"),
        TestEntry::file("app/run.sh", "#!/bin/sh\necho hi\n", 0755),
        TestEntry::file("./app/data/readme.txt", "hello"),
        TestEntry::symlink("app/current", "data"),
        TestEntry::symlink("app/data/self", "../data/readme.txt"),
        TestEntry::symlink("app/chain", "current/self"),
        TestEntry::file("app/data/zeros.bin", QByteArray(300 * 1024, '\0')),
        TestEntry::file("unicodé/ファイル.txt", "utf8"),
    };
    if (tar)
        entries << TestEntry::hardlink("app/data/readme-link.txt", "app/data/readme.txt");
    const QString path = archivePath(format);
    QVERIFY(writeArchive(path, format, entries));

    const PackageArchive archive(path);
    const auto listed = archive.entries();
    QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
    QCOMPARE(listed->size(), entries.size());
    QCOMPARE(listed->at(2).path, u"app/data/readme.txt"_s);
    QCOMPARE(listed->at(2).size, 5);
    QCOMPARE(listed->at(3).type, ArchiveEntry::Type::Symlink);
    QCOMPARE(listed->at(3).linkTarget, u"data"_s);
    QVERIFY(archive.verify().ok());

    qint64 lastBytes = 0;
    int calls = 0;
    ExtractionOptions options;
    options.progress = [&](qint64 bytes, qint64) { lastBytes = bytes; ++calls; };
    const QString destination = m_dir->filePath(u"out/nested"_s);
    const auto result = archive.extractTo(destination, options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QVERIFY(calls > 0);
    QCOMPARE(lastBytes, qint64(300 * 1024 + 5 + 18 + 4));

    QFile readme(destination + u"/app/data/readme.txt");
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QCOMPARE(readme.readAll(), QByteArray("hello"));
    QVERIFY(QFileInfo(destination + u"/app/run.sh").permissions() & QFileDevice::ExeOwner);
    QCOMPARE(QFileInfo(destination + u"/app/current").symLinkTarget(), QFileInfo(destination + u"/app/data").canonicalFilePath());
    QFile chained(destination + u"/app/chain");
    QVERIFY(chained.open(QIODevice::ReadOnly));
    QCOMPARE(chained.readAll(), QByteArray("hello"));
    QCOMPARE(QFileInfo(destination + u"/app/data/zeros.bin").size(), 300 * 1024);
    QVERIFY(QFileInfo::exists(destination + u"/unicodé/ファイル.txt"));
    if (tar) {
        QFile linked(destination + u"/app/data/readme-link.txt");
        QVERIFY(linked.open(QIODevice::ReadOnly));
        QCOMPARE(linked.readAll(), QByteArray("hello"));
    }
    const QStringList siblings = QDir(m_dir->filePath(u"out"_s)).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QCOMPARE(siblings, QStringList{u"nested"_s});
}

void TestPackageArchive::refused_data()
{
    QTest::addColumn<TestFormat>("format");
    QTest::addColumn<QList<TestEntry>>("entries");
    QTest::addColumn<ExtractionLimits>("limits");
    QTest::addColumn<QString>("named");
    QTest::addColumn<bool>("verifyRefuses"); // visible from headers alone

    const ExtractionLimits defaults;
    const QByteArray ok = "fine";
    auto both = [&](const char *name, const QList<TestEntry> &entries, const QString &named, bool headers = true,
                    ExtractionLimits limits = ExtractionLimits()) {
        QTest::addRow("%s (tar)", name) << TestFormat::Tar << entries << limits << named << headers;
        QTest::addRow("%s (zip)", name) << TestFormat::Zip << entries << limits << named << headers;
    };
    auto tarOnly = [&](const char *name, const QList<TestEntry> &entries, const QString &named, bool headers = true,
                       ExtractionLimits limits = ExtractionLimits(), TestFormat format = TestFormat::Tar) {
        QTest::addRow("%s", name) << format << entries << limits << named << headers;
    };

    both("zip slip", {TestEntry::file("a.txt", ok), TestEntry::file("../evil.txt", ok)}, u"../evil.txt"_s);
    both("zip slip nested", {TestEntry::file("a/../../evil.txt", ok)}, u"a/../../evil.txt"_s);
    both("zip slip deep", {TestEntry::file("a/b/c/../../../../../../tmp/evil", ok)}, u"a/b/c/../../../../../../tmp/evil"_s);
    both("absolute path", {TestEntry::file("/tmp/cuttle-evil.txt", ok)}, u"/tmp/cuttle-evil.txt"_s);
    both("backslash slip", {TestEntry::file("..\\evil.txt", ok)}, u".."_s); // zip readers turn '\\' into '/'
    both("drive letter", {TestEntry::file("C:/evil.txt", ok)}, u"C:/evil.txt"_s);
    both("symlink escaping", {TestEntry::symlink("link", "../../etc")}, u"link"_s);
    both("symlink absolute", {TestEntry::symlink("passwd", "/etc/passwd")}, u"passwd"_s);
    both("symlink nested escaping", {TestEntry::symlink("a/b/link", "../../../x")}, u"a/b/link"_s);
    both("symlink chain", {TestEntry::symlink("a", "b"), TestEntry::symlink("b", "c/../.."), TestEntry::file("ok", ok)}, u"b"_s);
    both("symlink through symlink", {TestEntry::symlink("s", "."), TestEntry::symlink("t", "s/../x")}, u"t"_s);
    both("symlink declared later", {TestEntry::symlink("t", "s/../x"), TestEntry::symlink("s", ".")}, u"t"_s);
    both("symlink loop", {TestEntry::symlink("a", "b"), TestEntry::symlink("b", "a")}, u"a"_s);
    both("file inside symlink", {TestEntry::symlink("link", "sub"), TestEntry::directory("sub/"), TestEntry::file("link/f", ok)}, u"link"_s);
    both("symlink and file share a path", {TestEntry::file("x", ok), TestEntry::symlink("x", "y")}, u"x"_s);
    tarOnly("hardlink escaping", {TestEntry::hardlink("h", "../../etc/passwd")}, u"h"_s);
    tarOnly("hardlink absolute", {TestEntry::hardlink("h", "/etc/passwd")}, u"h"_s);
    tarOnly("hardlink to nothing", {TestEntry::hardlink("h", "missing.txt")}, u"h"_s);
    tarOnly("hardlink to symlink", {TestEntry::symlink("s", "."), TestEntry::hardlink("h", "s")}, u"h"_s);
    tarOnly("char device", {TestEntry::file("a", ok), TestEntry::special(TestEntry::Kind::CharDevice, "dev/null")}, u"dev/null"_s);
    tarOnly("fifo", {TestEntry::special(TestEntry::Kind::Fifo, "pipe")}, u"pipe"_s);
    tarOnly("non-UTF-8 name", {TestEntry::file("ok.txt", ok), TestEntry::file("bad\xff\xfe.txt", ok)}, u"bad"_s);
    tarOnly("non-UTF-8 symlink target", {TestEntry::symlink("l", "t\xff")}, u"l"_s);

    ExtractionLimits small = defaults;
    small.maxTotalSize = 1024 * 1024;
    small.maxCompressionRatio = 1e9;
    tarOnly("10 MB of zeros past a 1 MiB limit", {TestEntry::zeros("zeros.bin", 10 * 1024 * 1024)}, u"zeros.bin"_s,
            true, small, TestFormat::TarGz);
    QTest::addRow("10 MB of zeros past a 1 MiB limit (zip)")
        << TestFormat::Zip << QList<TestEntry>{TestEntry::zeros("zeros.bin", 10 * 1024 * 1024)} << small
        << u"zeros.bin"_s << true;
    tarOnly("ratio bomb (gz)", {TestEntry::file("a.txt", ok), TestEntry::zeros("bomb.bin", 10 * 1024 * 1024)}, u"bomb.bin"_s,
            false, defaults, TestFormat::TarGz);
    tarOnly("ratio bomb (zst)", {TestEntry::zeros("bomb.bin", 10 * 1024 * 1024)}, u"bomb.bin"_s, false, defaults,
            TestFormat::TarZst);
    QTest::addRow("ratio bomb (zip)") << TestFormat::Zip << QList<TestEntry>{TestEntry::zeros("bomb.bin", 10 * 1024 * 1024)}
                                      << defaults << u"bomb.bin"_s << false;

    QList<TestEntry> many;
    for (int i = 0; i < 30; ++i)
        many << TestEntry::file("f" + QByteArray::number(i), ok);
    ExtractionLimits few = defaults;
    few.maxEntries = 20;
    both("too many entries", many, u"f20"_s, true, few);
}

void TestPackageArchive::refused()
{
    QFETCH(TestFormat, format);
    QFETCH(QList<TestEntry>, entries);
    QFETCH(ExtractionLimits, limits);
    QFETCH(QString, named);
    QFETCH(bool, verifyRefuses);

    const QString path = archivePath(format);
    QVERIFY(writeArchive(path, format, entries));
    const PackageArchive archive(path);

    ExtractionOptions options;
    options.limits = limits;
    const QString destination = m_dir->filePath(u"dest"_s);
    const auto result = archive.extractTo(destination, options);
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY2(message.contains(u"“" + named), qPrintable(message));
    QVERIFY2(message.endsWith(u'.'), qPrintable(message));
    verifyNothingLeft(destination);

    QCOMPARE(!archive.verify(limits).ok(), verifyRefuses);
}

void TestPackageArchive::damaged_data()
{
    QTest::addColumn<TestFormat>("format");
    QTest::addColumn<QString>("damage");
    for (TestFormat f : {TestFormat::Zip, TestFormat::Tar, TestFormat::TarGz, TestFormat::TarBz2, TestFormat::TarXz, TestFormat::TarZst}) {
        const QByteArray ext = extensionOf(f).toUtf8();
        QTest::addRow("truncated %s", ext.constData()) << f << u"truncate"_s;
        QTest::addRow("corrupt %s", ext.constData()) << f << u"corrupt"_s;
    }
    QTest::addRow("not an archive") << TestFormat::Zip << u"text"_s;
    QTest::addRow("empty file") << TestFormat::TarGz << u"empty"_s;
}

void TestPackageArchive::damaged()
{
    QFETCH(TestFormat, format);
    QFETCH(QString, damage);

    QByteArray noise(256 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(42);
    // Sixteen letters: compressible, so damage lands in entropy-coded blocks that every
    // decompressor must check, not in stored blocks that only an optional checksum covers.
    for (char &c : noise)
        c = char('a' + rng.bounded(16));
    const QString path = archivePath(format);
    QVERIFY(writeArchive(path, format, {TestEntry::file("first.bin", noise), TestEntry::file("second.bin", noise)}));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    if (damage == u"truncate") {
        QVERIFY(file.resize(size * 3 / 4));
    } else if (damage == u"corrupt") {
        // Plain tar has no data checksums, so damage its second header; libarchive writes
        // zstd frames without the optional checksum, so damage the frame header; elsewhere the data.
        file.seek(format == TestFormat::Tar ? 512 + noise.size() : (format == TestFormat::TarZst ? 0 : size * 3 / 4));
        file.write(QByteArray(4096, '\x5a'));
    } else if (damage == u"text") {
        file.resize(0);
        file.write("this is not an archive\n");
    } else {
        file.resize(0);
    }
    file.close();

    const PackageArchive archive(path);
    const QString destination = m_dir->filePath(u"dest"_s);
    const auto result = archive.extractTo(destination);
    QVERIFY2(!result.ok(), qPrintable(damage));
    QVERIFY(!result.error().message.isEmpty());
    verifyNothingLeft(destination);
}

void TestPackageArchive::cancel()
{
    const QString path = archivePath(TestFormat::Tar);
    QList<TestEntry> entries;
    for (int i = 0; i < 10; ++i)
        entries << TestEntry::zeros("f" + QByteArray::number(i), 512 * 1024);
    QVERIFY(writeArchive(path, TestFormat::Tar, entries));

    std::atomic<bool> stop = false;
    ExtractionOptions options;
    options.cancel = &stop;
    options.progress = [&](qint64 bytes, qint64) {
        if (bytes > 1024 * 1024)
            stop = true;
    };
    const QString destination = m_dir->filePath(u"dest"_s);
    const auto result = PackageArchive(path).extractTo(destination, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    verifyNothingLeft(destination);
}

void TestPackageArchive::readEntry()
{
    const QString path = archivePath(TestFormat::TarXz);
    QVERIFY(writeArchive(path, TestFormat::TarXz,
                         {TestEntry::file("a.txt", "alpha"), TestEntry::file("dir/b.txt", QByteArray(1000, 'b'))}));
    const PackageArchive archive(path);
    QCOMPARE(*archive.readEntry(u"a.txt"_s, 100), QByteArray("alpha"));
    QCOMPARE(archive.readEntry(u"./dir/b.txt"_s, 1000)->size(), 1000);

    const auto tooLarge = archive.readEntry(u"dir/b.txt"_s, 999);
    QVERIFY(!tooLarge.ok());
    QVERIFY(tooLarge.error().message.contains(u"dir/b.txt"));

    const auto missing = archive.readEntry(u"nope.txt"_s, 100);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);

    QBuffer device;
    device.open(QIODevice::WriteOnly);
    QVERIFY(archive.readEntry(u"a.txt"_s, &device, 10).ok());
    QCOMPARE(device.data(), QByteArray("alpha"));
}

void TestPackageArchive::destinationMustBeEmpty()
{
    const QString path = archivePath(TestFormat::Zip);
    QVERIFY(writeArchive(path, TestFormat::Zip, {TestEntry::file("a.txt", "alpha")}));
    const QString destination = m_dir->filePath(u"dest"_s);
    QVERIFY(QDir().mkpath(destination));
    QVERIFY(PackageArchive(path).extractTo(destination).ok()); // an empty folder is replaced
    QVERIFY(QFileInfo::exists(destination + u"/a.txt"));

    const auto again = PackageArchive(path).extractTo(destination);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QVERIFY(QFileInfo::exists(destination + u"/a.txt"));
}

QTEST_GUILESS_MAIN(TestPackageArchive)
#include "tst_packagearchive.moc"
