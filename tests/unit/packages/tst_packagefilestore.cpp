#include "archivebuilder.h"

#include "model/packages/packagefilestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::Test::TestFormat)
Q_DECLARE_METATYPE(Cuttle::ErrorKind)

class TestPackageFileStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void push_data();
    void push();
    void duplicate();
    void idsIgnoreCase();
    void replaceAcrossFormats();
    void remove();
    void rejected_data();
    void rejected();
    void nupkg();
    void nupkgMismatch();
    void crashLeavesPartialFile();
    void pushFromStream();
    void cancel();

private:
    QString makePackage(const QString &fileName, TestFormat format, const QList<TestEntry> &entries = {}) const;
    QStringList allFilesUnderRepository() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_repository;
};

void TestPackageFileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_repository = m_dir->filePath(u"workspace/packages"_s);
}

QString TestPackageFileStore::makePackage(const QString &fileName, TestFormat format, const QList<TestEntry> &entries) const
{
    QDir().mkpath(m_dir->filePath(u"incoming"_s));
    const QString path = m_dir->filePath(u"incoming/"_s + fileName);
    const QList<TestEntry> content = entries.isEmpty()
                                         ? QList<TestEntry>{TestEntry::file("bin/app", "binary", 0755), TestEntry::file("README", "read me")}
                                         : entries;
    return writeArchive(path, format, content) ? path : QString();
}

QStringList TestPackageFileStore::allFilesUnderRepository() const
{
    QStringList files;
    QDir root(m_repository);
    for (const QString &id : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        for (const QString &f : QDir(root.filePath(id)).entryList(QDir::Files | QDir::Hidden))
            files << id + u'/' + f;
    }
    files.sort();
    return files;
}

static QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

void TestPackageFileStore::push_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<TestFormat>("format");
    QTest::addColumn<QString>("storedAs");
    QTest::newRow("zip") << u"Acme.Web.1.0.0.zip"_s << TestFormat::Zip << u"Acme.Web/Acme.Web.1.0.0.zip"_s;
    QTest::newRow("4-part zip") << u"Acme.Web.2016.01.02.0.zip"_s << TestFormat::Zip << u"Acme.Web/Acme.Web.2016.1.2.zip"_s;
    QTest::newRow("jar") << u"web-api.2.0-SNAPSHOT.jar"_s << TestFormat::Zip << u"web-api/web-api.2.0-SNAPSHOT.jar"_s;
    QTest::newRow("tar") << u"Tool.1.0.0-rc.1.tar"_s << TestFormat::Tar << u"Tool/Tool.1.0.0-rc.1.tar"_s;
    QTest::newRow("tar.gz") << u"Tool2.3.0.0.tar.gz"_s << TestFormat::TarGz << u"Tool2/Tool2.3.0.0.tar.gz"_s;
    QTest::newRow("tgz upper") << u"Tool.3.0.0.TGZ"_s << TestFormat::TarGz << u"Tool/Tool.3.0.0.tgz"_s;
    QTest::newRow("tar.bz2") << u"Tool.3.0.0.tar.bz2"_s << TestFormat::TarBz2 << u"Tool/Tool.3.0.0.tar.bz2"_s;
    QTest::newRow("tar.xz") << u"Tool.3.0.0.tar.xz"_s << TestFormat::TarXz << u"Tool/Tool.3.0.0.tar.xz"_s;
    QTest::newRow("tar.zst") << u"Tool.3.0.0.tar.zst"_s << TestFormat::TarZst << u"Tool/Tool.3.0.0.tar.zst"_s;
}

void TestPackageFileStore::push()
{
    QFETCH(QString, fileName);
    QFETCH(TestFormat, format);
    QFETCH(QString, storedAs);

    const QString source = makePackage(fileName, format);
    QVERIFY(!source.isEmpty());
    PackageFileStore store(m_repository);
    const auto stored = store.push(source);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(stored->relativePath, storedAs);
    QCOMPARE(stored->path, m_repository + u'/' + storedAs);
    QCOMPARE(stored->size, QFileInfo(source).size());
    QCOMPARE(stored->sha256, sha256Of(source));
    QCOMPARE(sha256Of(stored->path), stored->sha256);
    QVERIFY(!stored->replacedExisting);
    QCOMPARE(allFilesUnderRepository(), QStringList{storedAs});

    const auto files = store.files();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files[0].relativePath, storedAs);
    QVERIFY(files[0].name.has_value());
    QCOMPARE(files[0].size, stored->size);
    QVERIFY(store.find(stored->name).has_value());
}

void TestPackageFileStore::duplicate()
{
    PackageFileStore store(m_repository);
    const QString first = makePackage(u"Acme.1.0.0.zip"_s, TestFormat::Zip);
    QVERIFY(store.push(first).ok());

    // 1.0 is 1.0.0: the same version under another spelling.
    const QString second = makePackage(u"Acme.1.0.zip"_s, TestFormat::Zip, {TestEntry::file("other", "content")});
    const auto again = store.push(second);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QVERIFY(again.error().message.contains(u"Acme"));
    QCOMPARE(sha256Of(m_repository + u"/Acme/Acme.1.0.0.zip"), sha256Of(first));

    PackageFileStore::PushOptions replace;
    replace.replace = true;
    const auto replaced = store.push(second, replace);
    QVERIFY(replaced.ok());
    QVERIFY(replaced->replacedExisting);
    QCOMPARE(sha256Of(m_repository + u"/Acme/Acme.1.0.0.zip"), sha256Of(second));
    QCOMPARE(allFilesUnderRepository(), QStringList{u"Acme/Acme.1.0.0.zip"_s});
}

void TestPackageFileStore::idsIgnoreCase()
{
    PackageFileStore store(m_repository);
    QVERIFY(store.push(makePackage(u"Acme.Web.1.0.0.zip"_s, TestFormat::Zip)).ok());
    QCOMPARE(store.push(makePackage(u"acme.web.1.0.zip"_s, TestFormat::Zip)).error().kind, ErrorKind::Conflict);
    const auto other = store.push(makePackage(u"ACME.WEB.2.0.0.zip"_s, TestFormat::Zip));
    QVERIFY(other.ok());
    QCOMPARE(other->relativePath, u"Acme.Web/ACME.WEB.2.0.0.zip"_s); // one folder per id
    QVERIFY(store.find(*PackageFileName::parse(u"acme.WEB.2.0.0.0.tar")).has_value());
}

void TestPackageFileStore::replaceAcrossFormats()
{
    PackageFileStore store(m_repository);
    QVERIFY(store.push(makePackage(u"Acme.1.0.0.zip"_s, TestFormat::Zip)).ok());
    const QString tarball = makePackage(u"Acme.1.0.0.tar.gz"_s, TestFormat::TarGz);
    QCOMPARE(store.push(tarball).error().kind, ErrorKind::Conflict);
    PackageFileStore::PushOptions replace;
    replace.replace = true;
    QVERIFY(store.push(tarball, replace).ok());
    QCOMPARE(allFilesUnderRepository(), QStringList{u"Acme/Acme.1.0.0.tar.gz"_s});
}

void TestPackageFileStore::remove()
{
    PackageFileStore store(m_repository);
    const auto a = store.push(makePackage(u"Acme.1.0.0.zip"_s, TestFormat::Zip));
    const auto b = store.push(makePackage(u"Acme.2.0.0.zip"_s, TestFormat::Zip));
    QVERIFY(a.ok() && b.ok());
    QVERIFY(store.remove(a->name).ok());
    QCOMPARE(allFilesUnderRepository(), QStringList{u"Acme/Acme.2.0.0.zip"_s});
    QCOMPARE(store.remove(a->name).error().kind, ErrorKind::NotFound);
    QVERIFY(store.removeFile(b->relativePath).ok());
    QVERIFY(!QFileInfo::exists(m_repository + u"/Acme")); // empty id folders go too
    QCOMPARE(store.removeFile(u"../outside.zip"_s).error().kind, ErrorKind::Validation);
    QCOMPARE(store.removeFile(u"/etc/passwd"_s).error().kind, ErrorKind::Validation);
}

void TestPackageFileStore::rejected_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<ErrorKind>("kind");
    QByteArray zip;
    {
        QTemporaryDir tmp;
        const QString p = tmp.filePath(u"x.zip"_s);
        writeArchive(p, TestFormat::Zip, {TestEntry::file("a", QByteArray(10000, 'a')), TestEntry::file("b", "b")});
        QFile f(p);
        f.open(QIODevice::ReadOnly);
        zip = f.readAll();
    }
    QTest::newRow("bad name") << u"not-a-package.zip"_s << zip << ErrorKind::Validation;
    QTest::newRow("bad extension") << u"Acme.1.0.0.rar"_s << zip << ErrorKind::Validation;
    QTest::newRow("not an archive") << u"Acme.1.0.0.zip"_s << QByteArray("hello") << ErrorKind::Validation;
    QTest::newRow("empty") << u"Acme.1.0.0.tar.gz"_s << QByteArray() << ErrorKind::Validation;
    QTest::newRow("truncated zip") << u"Acme.1.0.0.zip"_s << zip.left(zip.size() / 2) << ErrorKind::Validation;
    QTest::newRow("zip slip inside") << u"Acme.1.0.0.tar"_s << QByteArray() << ErrorKind::Validation;
}

void TestPackageFileStore::rejected()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(ErrorKind, kind);
    QDir().mkpath(m_dir->filePath(u"incoming"_s));
    const QString source = m_dir->filePath(u"incoming/"_s + fileName);
    if (QTest::currentDataTag() == QByteArrayView("zip slip inside")) {
        QVERIFY(writeArchive(source, TestFormat::Tar, {TestEntry::file("../../evil", "x")}));
    } else {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    PackageFileStore store(m_repository);
    const auto stored = store.push(source);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, kind);
    QVERIFY(!stored.error().message.isEmpty());
    QVERIFY2(!stored.error().message.contains(u".partial-"), qPrintable(stored.error().message));
    QCOMPARE(allFilesUnderRepository(), QStringList()); // no temporary file left behind
    QVERIFY(store.files().isEmpty());
}

static QByteArray nuspecXml(const char *id, const char *version)
{
    return QByteArray("<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">"
                      "<metadata><id>") + id + "</id><version>" + version
           + "</version><authors>Ada</authors><description>Web site.</description>"
             "<releaseNotes>First release.</releaseNotes></metadata></package>";
}

void TestPackageFileStore::nupkg()
{
    PackageFileStore store(m_repository);
    const QString source = makePackage(u"Acme.Web.1.0.0-beta.1.nupkg"_s, TestFormat::Zip,
                                       {TestEntry::file("Acme.Web.nuspec", nuspecXml("acme.web", "1.0.0-beta.01")),
                                        TestEntry::file("content/index.html", "<html/>")});
    const auto stored = store.push(source);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QVERIFY(stored->metadata.has_value());
    QCOMPARE(stored->metadata->releaseNotes, u"First release."_s);
    QCOMPARE(stored->metadata->authors, u"Ada"_s);
    QCOMPARE(stored->relativePath, u"Acme.Web/Acme.Web.1.0.0-beta.1.nupkg"_s);
}

void TestPackageFileStore::nupkgMismatch()
{
    PackageFileStore store(m_repository);
    const QString wrongVersion = makePackage(u"Acme.Web.1.0.0.nupkg"_s, TestFormat::Zip,
                                             {TestEntry::file("Acme.Web.nuspec", nuspecXml("Acme.Web", "2.0.0"))});
    QCOMPARE(store.push(wrongVersion).error().kind, ErrorKind::Validation);
    const QString noNuspec = makePackage(u"Acme.Api.1.0.0.nupkg"_s, TestFormat::Zip, {TestEntry::file("readme.txt", "x")});
    QCOMPARE(store.push(noNuspec).error().kind, ErrorKind::NotFound);
    QCOMPARE(allFilesUnderRepository(), QStringList());
}

void TestPackageFileStore::crashLeavesPartialFile()
{
    PackageFileStore store(m_repository);
    QVERIFY(store.push(makePackage(u"Acme.1.0.0.zip"_s, TestFormat::Zip)).ok());
    // What a push interrupted by a crash leaves: a hidden temporary file next to the real ones.
    const QString leftover = m_repository + u"/Acme/.Acme.2.0.0.zip.partial-Ab12Cd"_s;
    {
        QFile f(leftover);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("half a package");
    }
    const auto files = store.files();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files[0].relativePath, u"Acme/Acme.1.0.0.zip"_s);
    QVERIFY(!store.find(*PackageFileName::parse(u"Acme.2.0.0.zip")).has_value());
    // A fresh push of that version is not blocked by the leftover.
    QVERIFY(store.push(makePackage(u"Acme.2.0.0.zip"_s, TestFormat::Zip)).ok());

    QCOMPARE(store.removeStalePartialFiles(QDateTime::currentDateTime().addSecs(-3600)), 0); // too recent
    QCOMPARE(store.removeStalePartialFiles(QDateTime::currentDateTime().addSecs(60)), 1);
    QVERIFY(!QFileInfo::exists(leftover));
    QCOMPARE(store.files().size(), 2);
}

void TestPackageFileStore::pushFromStream()
{
    const QString source = makePackage(u"Streamed.1.0.0.tar.gz"_s, TestFormat::TarGz,
                                       {TestEntry::file("big.bin", QByteArray(3 * 1024 * 1024 + 17, 'x'))});
    QProcess cat;
    cat.start(u"cat"_s, {source});
    QVERIFY(cat.waitForStarted());
    PackageFileStore store(m_repository);
    const auto stored = store.push(&cat, u"Streamed.1.0.0.tar.gz"_s, {});
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(stored->sha256, sha256Of(source));
    QCOMPARE(stored->size, QFileInfo(source).size());
    cat.waitForFinished();
}

void TestPackageFileStore::cancel()
{
    const QString source = makePackage(u"Acme.1.0.0.zip"_s, TestFormat::Zip);
    std::atomic<bool> stop = true;
    PackageFileStore::PushOptions options;
    options.cancel = &stop;
    PackageFileStore store(m_repository);
    QCOMPARE(store.push(source, options).error().kind, ErrorKind::Cancelled);
    QCOMPARE(allFilesUnderRepository(), QStringList());
}

QTEST_GUILESS_MAIN(TestPackageFileStore)
#include "tst_packagefilestore.moc"
