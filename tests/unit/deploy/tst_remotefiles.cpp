#include "model/engine/deploy/remotefiles.h"

#include <QProcess>
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

QTEST_GUILESS_MAIN(tst_RemoteFiles)
#include "tst_remotefiles.moc"
