// Runs against a real gnome-keyring on a private D-Bus bus (tests/support/with-secret-service.sh).
#include "model/secrets/keychainsecretstore.h"
#include "model/secrets/secretkey.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

QString describe(const VoidResult &result)
{
    return result.ok() ? QString() : result.error().message;
}

QString describe(const Result<QByteArray> &result)
{
    return result.ok() ? QString() : result.error().message;
}

// Runs body on a fresh worker thread and blocks this thread without an event loop until it
// ends, the way a deployment worker uses the store while the GUI thread is busy.
bool runOnWorkerThread(const std::function<void()> &body)
{
    std::unique_ptr<QThread> thread(QThread::create(body));
    thread->start();
    return thread->wait(60000);
}

} // namespace

class tst_KeychainSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstUseFromShortLivedWorkerThread();
    void writeThenRead_data();
    void writeThenRead();
    void storedInSecretService();
    void overwriteReplaces();
    void readAbsentIsNotFound();
    void removeDeletes();
    void removeAbsentSucceeds();
    void workerThreadWhileMainThreadBlocks();
    void concurrentWorkerThreads();
    void latency();
    void cleanupTestCase();

private:
    QString key(const QString &record, const QString &part = u"password"_s) const;

    KeychainSecretStore m_store{std::chrono::seconds(30)};
    QString m_workspaceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QTemporaryDir m_configHome;
    QStringList m_written;
};

QString tst_KeychainSecretStore::key(const QString &record, const QString &part) const
{
    return SecretKey(m_workspaceId, record, part).toString();
}

void tst_KeychainSecretStore::initTestCase()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "keyring",
             "run this test through tests/support/with-secret-service.sh");
    QVERIFY(m_configHome.isValid());
    // QtKeychain's plain-text fallback would write a QSettings file under here.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configHome.path()));
    QCOMPARE(m_store.backendName(), u"Secret Service"_s);
    QCOMPARE(KeychainSecretStore::serviceName(), u"cuttle"_s);
}

void tst_KeychainSecretStore::firstUseFromShortLivedWorkerThread()
{
    // The first keychain call of the process comes from a thread that ends right after; the
    // main thread must still be served afterwards.
    const QString k = key(u"Accounts-1"_s);
    VoidResult written = Error::failed(u"not run"_s);
    QVERIFY(runOnWorkerThread([&] { written = m_store.write(k, "from a worker"); }));
    QVERIFY2(written.ok(), qPrintable(describe(written)));
    m_written << k;

    // Used directly, QtKeychain would serve one more job here and then hang on the next.
    const auto read = m_store.read(k);
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value(), QByteArray("from a worker"));
    const auto rewritten = m_store.write(k, "from the main thread");
    QVERIFY2(rewritten.ok(), qPrintable(describe(rewritten)));
    const auto reread = m_store.read(k);
    QVERIFY2(reread.ok(), qPrintable(describe(reread)));
    QCOMPARE(reread.value(), QByteArray("from the main thread"));
}

void tst_KeychainSecretStore::writeThenRead_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<QByteArray>("secret");

    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));

    QTest::newRow("ascii") << u"Accounts-2"_s << QByteArray("hunter2");
    QTest::newRow("empty") << u"Accounts-3"_s << QByteArray();
    QTest::newRow("unicode secret") << u"Accounts-4"_s << u"pässwörd ✓ 密码 🔑"_s.toUtf8();
    QTest::newRow("binary with NUL") << u"Accounts-5"_s << QByteArray("\x00\x01\xff\x00tail", 8);
    QTest::newRow("every byte value") << u"Accounts-6"_s << everyByte;
    QTest::newRow("ssh key sized") << u"Accounts-7"_s << QByteArray(8192, 'k');
    QTest::newRow("unicode key") << u"Konten-äöü/密钥"_s << QByteArray("value");
}

void tst_KeychainSecretStore::writeThenRead()
{
    QFETCH(QString, record);
    QFETCH(QByteArray, secret);
    const QString k = key(record);

    const auto written = m_store.write(k, secret);
    QVERIFY2(written.ok(), qPrintable(describe(written)));
    m_written << k;

    const auto read = m_store.read(k);
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value().size(), secret.size());
    QCOMPARE(read.value(), secret);
}

void tst_KeychainSecretStore::storedInSecretService()
{
    // Ask the Secret Service itself, not QtKeychain, so a secret kept anywhere else fails.
    const QString secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
    QVERIFY2(!secretTool.isEmpty(), "secret-tool is missing (Debian package libsecret-tools)");
    const QString k = key(u"Accounts-8"_s);
    const QByteArray secret("checked by secret-tool");
    QVERIFY(m_store.write(k, secret).ok());
    m_written << k;

    QProcess lookup;
    lookup.start(secretTool, {u"lookup"_s, u"user"_s, k, u"server"_s, u"cuttle"_s});
    QVERIFY(lookup.waitForFinished(30000));
    QCOMPARE(lookup.exitCode(), 0);
    QCOMPARE(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()), secret);

    QVERIFY(m_store.remove(k).ok());
    lookup.start(secretTool, {u"lookup"_s, u"user"_s, k, u"server"_s, u"cuttle"_s});
    QVERIFY(lookup.waitForFinished(30000));
    QVERIFY(lookup.readAllStandardOutput().isEmpty());
}

void tst_KeychainSecretStore::overwriteReplaces()
{
    const QString k = key(u"Accounts-9"_s);
    QVERIFY(m_store.write(k, "first").ok());
    m_written << k;
    QVERIFY(m_store.write(k, "second, longer than the first").ok());
    QCOMPARE(m_store.read(k).value(), QByteArray("second, longer than the first"));
    QVERIFY(m_store.write(k, "3").ok());
    QCOMPARE(m_store.read(k).value(), QByteArray("3"));
}

void tst_KeychainSecretStore::readAbsentIsNotFound()
{
    const QString k = key(u"Accounts-never"_s);
    const auto read = m_store.read(k);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::NotFound);
    QVERIFY2(read.error().message.contains(k), qPrintable(read.error().message));
}

void tst_KeychainSecretStore::removeDeletes()
{
    const QString k = key(u"Accounts-10"_s);
    const QString neighbour = key(u"Accounts-10"_s, u"passphrase"_s);
    QVERIFY(m_store.write(k, "gone soon").ok());
    QVERIFY(m_store.write(neighbour, "stays").ok());
    m_written << neighbour;

    const auto removed = m_store.remove(k);
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
    QCOMPARE(m_store.read(k).error().kind, ErrorKind::NotFound);
    QCOMPARE(m_store.read(neighbour).value(), QByteArray("stays"));
}

void tst_KeychainSecretStore::removeAbsentSucceeds()
{
    const auto removed = m_store.remove(key(u"Accounts-never"_s));
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
}

void tst_KeychainSecretStore::workerThreadWhileMainThreadBlocks()
{
    const QString k = key(u"Accounts-11"_s);
    QStringList failures;
    QByteArray readBack;
    QVERIFY(runOnWorkerThread([&] {
        if (const auto w = m_store.write(k, "worker secret"); !w.ok())
            failures << w.error().message;
        if (const auto r = m_store.read(k); r.ok())
            readBack = r.value();
        else
            failures << r.error().message;
        if (const auto w = m_store.write(k, "worker secret 2"); !w.ok())
            failures << w.error().message;
        if (const auto r = m_store.read(k); r.ok())
            readBack += '|' + r.value();
        else
            failures << r.error().message;
        if (const auto d = m_store.remove(k); !d.ok())
            failures << d.error().message;
        if (const auto r = m_store.read(k); r.ok() || r.error().kind != ErrorKind::NotFound)
            failures << u"the removed secret could still be read"_s;
    }));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(readBack, QByteArray("worker secret|worker secret 2"));
}

void tst_KeychainSecretStore::concurrentWorkerThreads()
{
    constexpr int threadCount = 3;
    constexpr int perThread = 5;
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<QStringList> failures(threadCount);
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([this, &failures, t] {
            for (int i = 0; i < perThread; ++i) {
                const QString k = key(u"Concurrent-%1"_s.arg(t), u"part-%1"_s.arg(i));
                const QByteArray secret = "secret " + QByteArray::number(t) + '.' + QByteArray::number(i);
                if (const auto w = m_store.write(k, secret); !w.ok())
                    failures[t] << w.error().message;
                const auto r = m_store.read(k);
                if (!r.ok() || r.value() != secret)
                    failures[t] << u"%1 did not read back"_s.arg(k);
                if (const auto d = m_store.remove(k); !d.ok())
                    failures[t] << d.error().message;
            }
        }));
        threads.back()->start();
    }
    // The main thread keeps using the store meanwhile.
    const QString mainKey = key(u"Concurrent-main"_s);
    QVERIFY(m_store.write(mainKey, "main").ok());
    m_written << mainKey;
    QCOMPARE(m_store.read(mainKey).value(), QByteArray("main"));
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    for (const QStringList &f : failures)
        QVERIFY2(f.isEmpty(), qPrintable(f.join(u'\n')));
}

void tst_KeychainSecretStore::latency()
{
    constexpr int rounds = 20;
    const QString k = key(u"Latency-1"_s);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i) {
        QVERIFY(m_store.write(k, QByteArray::number(i)).ok());
        QCOMPARE(m_store.read(k).value(), QByteArray::number(i));
    }
    const double perRound = double(timer.nsecsElapsed()) / 1e6 / rounds;
    QVERIFY(m_store.remove(k).ok());
    qInfo("write + read through the Secret Service: %.2f ms per round (%d rounds)", perRound, rounds);
}

void tst_KeychainSecretStore::cleanupTestCase()
{
    for (const QString &k : std::as_const(m_written))
        QVERIFY(m_store.remove(k).ok());
    for (const QString &k : std::as_const(m_written))
        QCOMPARE(m_store.read(k).error().kind, ErrorKind::NotFound);
    QDirIterator files(m_configHome.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QVERIFY2(!files.hasNext(), qPrintable(u"unexpected file %1"_s.arg(files.hasNext() ? files.next() : QString())));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
