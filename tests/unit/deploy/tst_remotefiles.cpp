#include "model/engine/deploy/remotefiles.h"
#include "model/engine/deploy/servicemessageparser.h"
#include "model/engine/deploy/servicemessageshell.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_RemoteFiles final : public QObject
{
    Q_OBJECT

private slots:
    void parsesFramedFiles();
    void refusesBrokenFrames_data();
    void refusesBrokenFrames();
    void fetchScriptParsesAndQuotes();
    void prefetchedSetsComeBackExactly();
};

namespace {

QByteArray frame(const QByteArray &name, const QByteArray &content)
{
    return name + '\0' + QByteArray::number(content.size()) + '\0' + content;
}

} // namespace

void tst_RemoteFiles::parsesFramedFiles()
{
    const QByteArray binary("\0\1\2\0\3", 5);
    const QByteArray stream = frame("config/app.json", "{}\n") + frame("empty", {}) + frame("with\nnewline", binary);
    const Result<QList<RemoteFiles::File>> files = RemoteFiles::parse(stream);
    QVERIFY(files.ok());
    QCOMPARE(files->size(), 3);
    QCOMPARE(files->at(0).relativePath, u"config/app.json"_s);
    QCOMPARE(files->at(0).content, QByteArray("{}\n"));
    QCOMPARE(files->at(1).relativePath, u"empty"_s);
    QCOMPARE(files->at(1).content, QByteArray());
    QCOMPARE(files->at(2).relativePath, u"with\nnewline"_s);
    QCOMPARE(files->at(2).content, binary);
    QVERIFY(RemoteFiles::parse({}).ok());
    QVERIFY(RemoteFiles::parse({})->isEmpty());
}

void tst_RemoteFiles::refusesBrokenFrames_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("content cut short") << QByteArray("a.json\0" "10\0" "{}", 12);
    QTest::newRow("no size") << QByteArray("a.json\0", 7);
    QTest::newRow("size not a number") << QByteArray("a.json\0" "x\0", 9);
    QTest::newRow("negative size") << QByteArray("a.json\0" "-1\0", 10);
    QTest::newRow("name only") << QByteArray("a.json");
}

void tst_RemoteFiles::refusesBrokenFrames()
{
    QFETCH(QByteArray, stream);
    const Result<QList<RemoteFiles::File>> files = RemoteFiles::parse(stream);
    QVERIFY(!files.ok());
    QCOMPARE(files.error().message, u"The target sent the files in a form that could not be read."_s);
}

void tst_RemoteFiles::fetchScriptParsesAndQuotes()
{
    const QString script = RemoteFiles::fetchScript(u"/srv/it's here"_s, {u"**/*.json"_s, u"my file.txt"_s});
    QProcess bash;
    bash.start(u"/bin/bash"_s, {u"-n"_s});
    bash.write(script.toUtf8());
    bash.closeWriteChannel();
    QVERIFY(bash.waitForFinished(10000));
    QCOMPARE(bash.exitCode(), 0);
    QVERIFY(script.contains(u"cd -- '/srv/it'\\''s here'"_s));
    QVERIFY(script.contains(u"for f in my\\ file.txt; do"_s));
}

void tst_RemoteFiles::prefetchedSetsComeBackExactly()
{
    // Run by a real bash in a directory, read back through the engine's parser: binary content,
    // a name with blanks, `**`, and a set over the budget that sends nothing.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"conf/deep"_s));
    const QByteArray binary("\0\x01\xff'\"]\n\n", 8);
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(u"conf/deep/app.json"_s, "{}\n");
    write(u"my file.txt"_s, binary);
    write(u"huge.bin"_s, QByteArray(RemoteFiles::PrefetchBudgetBytes + 1, 'x'));
    const QString script = ServiceMessageShell::functions()
        + RemoteFiles::prefetchScript({{u"a"_s, {u"**/*.json"_s, u"my file.txt"_s}},
                                       {u"too big"_s, {u"*.bin"_s}},
                                       {u"none"_s, {u"*.nothing"_s}}});
    QProcess bash;
    bash.setWorkingDirectory(dir.path());
    bash.start(u"/bin/bash"_s, {u"-c"_s, script});
    QVERIFY(bash.waitForFinished(60000));
    QCOMPARE(bash.exitCode(), 0);
    ServiceMessageParser parser;
    QList<ServiceMessageEvent> events = parser.feed(bash.readAllStandardOutput());
    events += parser.finish();

    const auto a = RemoteFiles::prefetched(events, u"a"_s);
    QVERIFY(a.has_value());
    QCOMPARE(a->size(), 2);
    QCOMPARE(a->at(0).relativePath, u"conf/deep/app.json"_s);
    QCOMPARE(a->at(0).content, QByteArray("{}\n"));
    QCOMPARE(a->at(1).relativePath, u"my file.txt"_s);
    QCOMPARE(a->at(1).content, binary);
    QVERIFY(!RemoteFiles::prefetched(events, u"too big"_s).has_value());
    const auto none = RemoteFiles::prefetched(events, u"none"_s);
    QVERIFY(none.has_value());
    QVERIFY(none->isEmpty());
    QVERIFY(!RemoteFiles::prefetched(events, u"never asked"_s).has_value());
}

QTEST_GUILESS_MAIN(tst_RemoteFiles)
#include "tst_remotefiles.moc"
