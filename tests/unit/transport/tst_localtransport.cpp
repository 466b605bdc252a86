#include "model/transport/local/localtransport.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

bool processAlive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const char state = text.mid(text.lastIndexOf(')') + 2, 1).at(0);
    return state != 'Z' && state != 'X';
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_LocalTransport final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_transport = std::make_unique<LocalTransport>(m_dir.path());
        QVERIFY(m_transport->connect().ok());
    }
    void connectNeedsDirectory()
    {
        LocalTransport missing(m_dir.filePath(u"missing"_s));
        const VoidResult result = missing.connect();
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(u"does not exist"_s));
        QVERIFY(!missing.run(u"true"_s).ok());
    }
    void exitCodesAndSignals_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("signal");
        QTest::newRow("success") << u"true"_s << 0 << QString();
        QTest::newRow("exit 7") << u"exit 7"_s << 7 << QString();
        QTest::newRow("command not found") << u"no-such-command-cuttle"_s << 127 << QString();
        QTest::newRow("killed by TERM") << u"kill -TERM $$"_s << -1 << u"TERM"_s;
        QTest::newRow("killed by KILL") << u"kill -KILL $$"_s << -1 << u"KILL"_s;
    }
    void exitCodesAndSignals()
    {
        QFETCH(QString, script);
        QFETCH(int, exitCode);
        QFETCH(QString, signal);
        const Result<ExitInfo> exit = m_transport->run(script);
        QVERIFY(exit.ok());
        QCOMPARE(exit->exitCode, exitCode);
        QCOMPARE(exit->signal, signal);
    }
    void separatesOutputAndPassesBytes()
    {
        QByteArray out;
        QByteArray err;
        const Result<ExitInfo> exit = m_transport->run(
            u"head -c 300000 /dev/zero | tr '\\0' o; printf '\\377\\200' >&2; printf 'x\\376'"_s,
            {[&](const QByteArray &c) { out += c; }, [&](const QByteArray &c) { err += c; }});
        QVERIFY(exit.ok());
        QCOMPARE(out.size(), 300002);
        QCOMPARE(out.count('o'), 300000);
        QVERIFY(out.endsWith("x\xfe"));
        QCOMPARE(err, QByteArray("\xff\x80"));
    }
    void environmentAndDirectory()
    {
        QVERIFY(QDir(m_dir.path()).mkdir(u"sub"_s));
        RunRequest request;
        request.script = u"printf '%s|%s' \"$GREETING\" \"$PWD\""_s;
        request.environment = {{u"GREETING"_s, u"hello 'there'"_s}};
        request.workingDirectory = u"sub"_s;
        QByteArray out;
        QVERIFY(m_transport->run(request, {[&](const QByteArray &c) { out += c; }, {}}).ok());
        QCOMPARE(QString::fromUtf8(out), u"hello 'there'|"_s + m_dir.filePath(u"sub"_s));
    }
    void cancelKillsProcessGroup_data()
    {
        QTest::addColumn<QString>("script");
        QTest::newRow("stops on TERM") << u"sleep 300 & echo $! > sleep.pid; wait"_s;
        QTest::newRow("ignores TERM") << u"trap '' TERM; sleep 300 & echo $! > sleep.pid; wait; wait"_s;
    }
    void cancelKillsProcessGroup()
    {
        QFETCH(QString, script);
        m_transport->setCancelGracePeriod(std::chrono::milliseconds(300));
        const QString pidFile = m_dir.filePath(u"sleep.pid"_s);
        QFile::remove(pidFile);
        std::thread canceller([&] {
            for (int i = 0; i < 100 && !QFile::exists(pidFile); ++i)
                QThread::msleep(20);
            QThread::msleep(100);
            m_transport->cancel();
        });
        QElapsedTimer timer;
        timer.start();
        const Result<ExitInfo> exit = m_transport->run(script);
        canceller.join();
        QVERIFY(!exit.ok());
        QCOMPARE(exit.error().kind, ErrorKind::Cancelled);
        QVERIFY(timer.elapsed() < 4000);
        const qint64 pid = readFile(pidFile).trimmed().toLongLong();
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 2000);
        QCOMPARE(m_transport->run(u"true"_s).error().kind, ErrorKind::Cancelled);
        m_transport->resetCancellation();
        QVERIFY(m_transport->run(u"true"_s).ok());
    }
    void uploadReplacesAtomically_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::newRow("relative to the root") << u"app/package.bin"_s;
        QTest::newRow("absolute") << u"ABSOLUTE/app/package.bin"_s;
    }
    void uploadReplacesAtomically()
    {
        QFETCH(QString, destination);
        destination.replace(u"ABSOLUTE"_s, m_dir.path());
        QVERIFY(QDir(m_dir.path()).mkpath(u"app"_s));
        QFile old(m_dir.filePath(u"app/package.bin"_s));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QByteArray data(3 << 20, 'a');
        for (int i = 0; i < data.size(); i += 4096)
            data[i] = char(i / 4096);
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        qint64 last = 0;
        QVERIFY(m_transport->upload(&buffer, data.size(), destination, [&](qint64 done, qint64 total) {
            QCOMPARE(total, qint64(data.size()));
            last = done;
        }).ok());
        QCOMPARE(last, qint64(data.size()));
        QCOMPARE(readFile(m_dir.filePath(u"app/package.bin"_s)), data);
        QCOMPARE(QDir(m_dir.filePath(u"app"_s)).entryList(QDir::Files | QDir::Hidden), QStringList{u"package.bin"_s});
    }
    void cancelledUploadLeavesNothing()
    {
        QByteArray data(8 << 20, 'z');
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const VoidResult result = m_transport->upload(&buffer, data.size(), u"big.bin"_s, [&](qint64 done, qint64) {
            if (done >= (2 << 20))
                m_transport->cancel();
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
    void uploadIntoMissingDirectoryFails()
    {
        QByteArray data("x");
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const VoidResult result = m_transport->upload(&buffer, 1, u"missing/dir/file"_s);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(u"could not be created"_s), qPrintable(result.error().message));
    }
    void download()
    {
        QFile file(m_dir.filePath(u"remote.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("content\xff");
        file.close();
        QTemporaryDir local;
        QVERIFY(m_transport->download(u"remote.txt"_s, local.filePath(u"copy.txt"_s)).ok());
        QCOMPARE(readFile(local.filePath(u"copy.txt"_s)), QByteArray("content\xff"));
        QVERIFY(!m_transport->download(u"missing.txt"_s, local.filePath(u"copy2.txt"_s)).ok());
    }
    void cleanup()
    {
        m_transport.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalTransport> m_transport;
};

QTEST_GUILESS_MAIN(tst_LocalTransport)
#include "tst_localtransport.moc"
