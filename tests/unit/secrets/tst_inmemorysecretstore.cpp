#include "model/secrets/inmemorysecretstore.h"
#include "model/secrets/secretkey.h"

#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_InMemorySecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void writeThenRead_data();
    void writeThenRead();
    void overwriteReplaces();
    void readAbsentIsNotFound();
    void removeDeletes();
    void removeAbsentSucceeds();
    void emptyKeyIsRejected();
    void failureIsReportedUntilCleared();
    void keysAreListedSorted();
    void concurrentWritersAndReaders();
};

void tst_InMemorySecretStore::writeThenRead_data()
{
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("ascii") << QByteArray("hunter2");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("utf-8") << u"pässwörd ✓ 密码"_s.toUtf8();
    QTest::newRow("binary with NUL") << QByteArray("\x00\x01\xff\x00tail", 8);
    QTest::newRow("ssh key sized") << QByteArray(4096, 'k');
}

void tst_InMemorySecretStore::writeThenRead()
{
    QFETCH(QByteArray, secret);
    InMemorySecretStore store;
    const QString key = SecretKey(u"ws"_s, u"Accounts-1"_s, u"password"_s).toString();

    QVERIFY(store.write(key, secret).ok());
    const auto read = store.read(key);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read.value(), secret);
    QCOMPARE(read.value().size(), secret.size());
}

void tst_InMemorySecretStore::overwriteReplaces()
{
    InMemorySecretStore store;
    QVERIFY(store.write(u"ws/a/password"_s, "first").ok());
    QVERIFY(store.write(u"ws/a/password"_s, "second").ok());
    QCOMPARE(store.read(u"ws/a/password"_s).value(), QByteArray("second"));
    QCOMPARE(store.keys(), QStringList{u"ws/a/password"_s});
}

void tst_InMemorySecretStore::readAbsentIsNotFound()
{
    InMemorySecretStore store;
    QVERIFY(store.write(u"ws/a/password"_s, "x").ok());
    const auto read = store.read(u"ws/b/password"_s);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::NotFound);
    QVERIFY(read.error().message.contains(u"ws/b/password"_s));
}

void tst_InMemorySecretStore::removeDeletes()
{
    InMemorySecretStore store;
    QVERIFY(store.write(u"ws/a/password"_s, "x").ok());
    QVERIFY(store.write(u"ws/b/password"_s, "y").ok());
    QVERIFY(store.remove(u"ws/a/password"_s).ok());
    QCOMPARE(store.read(u"ws/a/password"_s).error().kind, ErrorKind::NotFound);
    QCOMPARE(store.read(u"ws/b/password"_s).value(), QByteArray("y"));
}

void tst_InMemorySecretStore::removeAbsentSucceeds()
{
    InMemorySecretStore store;
    QVERIFY(store.remove(u"ws/never/password"_s).ok());
    QVERIFY(store.keys().isEmpty());
}

void tst_InMemorySecretStore::emptyKeyIsRejected()
{
    InMemorySecretStore store;
    const auto written = store.write(QString(), "x");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind, ErrorKind::Validation);
    QVERIFY(store.keys().isEmpty());
}

void tst_InMemorySecretStore::failureIsReportedUntilCleared()
{
    InMemorySecretStore store;
    QVERIFY(store.write(u"ws/a/password"_s, "kept").ok());
    store.failWith(Error::failed(u"Cuttle cannot reach the system keychain."_s));

    const auto written = store.write(u"ws/b/password"_s, "lost");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().message, u"Cuttle cannot reach the system keychain."_s);
    QVERIFY(!store.read(u"ws/a/password"_s).ok());
    QVERIFY(!store.remove(u"ws/a/password"_s).ok());

    store.clearFailure();
    QCOMPARE(store.read(u"ws/a/password"_s).value(), QByteArray("kept"));
    QCOMPARE(store.keys(), QStringList{u"ws/a/password"_s});
    QCOMPARE(store.backendName(), u"memory"_s);
}

void tst_InMemorySecretStore::keysAreListedSorted()
{
    InMemorySecretStore store;
    QVERIFY(store.write(u"ws/c/password"_s, "3").ok());
    QVERIFY(store.write(u"ws/a/password"_s, "1").ok());
    QVERIFY(store.write(u"ws/b/password"_s, "2").ok());
    QCOMPARE(store.keys(), (QStringList{u"ws/a/password"_s, u"ws/b/password"_s, u"ws/c/password"_s}));
}

void tst_InMemorySecretStore::concurrentWritersAndReaders()
{
    InMemorySecretStore store;
    constexpr int threadCount = 4;
    constexpr int perThread = 200;
    std::vector<std::unique_ptr<QThread>> threads;
    QAtomicInt failures = 0;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&store, &failures, t] {
            for (int i = 0; i < perThread; ++i) {
                const QString key = u"ws/Accounts-%1/part-%2"_s.arg(t).arg(i);
                const QByteArray secret = QByteArray::number(t * 1000 + i);
                if (!store.write(key, secret).ok())
                    failures.fetchAndAddRelaxed(1);
                const auto read = store.read(key);
                if (!read.ok() || read.value() != secret)
                    failures.fetchAndAddRelaxed(1);
                if (i % 2 == 0 && !store.remove(key).ok())
                    failures.fetchAndAddRelaxed(1);
                store.keys();
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(10000));
    QCOMPARE(failures.loadRelaxed(), 0);
    QCOMPARE(store.keys().size(), threadCount * perThread / 2);
}

QTEST_GUILESS_MAIN(tst_InMemorySecretStore)
#include "tst_inmemorysecretstore.moc"
