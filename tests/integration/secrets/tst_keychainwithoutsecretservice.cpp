// Runs on a private D-Bus bus with no Secret Service on it
// (tests/support/with-secret-service.sh --without-secret-service).
#include "model/secrets/keychainsecretstore.h"
#include "model/secrets/secretkey.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QDirIterator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

const QString secretsService = u"org.freedesktop.secrets"_s;

// Every file below dir, so the test can show that no plain-text copy was left anywhere.
QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

class tst_KeychainWithoutSecretService final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failsWithOneSentence_data();
    void failsWithOneSentence();
    void workerThreadFailsTheSameWay();
    void fileCheckWouldSeeAFallback();
    void nothingWrittenInPlainText();

private:
    KeychainSecretStore m_store{std::chrono::seconds(30)};
    QTemporaryDir m_home;
    QString m_key = SecretKey(u"ws-without-keychain"_s, u"Accounts-1"_s, u"password"_s).toString();
};

void tst_KeychainWithoutSecretService::initTestCase()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "none",
             "run this test through tests/support/with-secret-service.sh --without-secret-service");
    // The bus works; only the Secret Service is missing and cannot be started on demand.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.isConnected());
    QVERIFY(!bus.interface()->isServiceRegistered(secretsService).value());
    QVERIFY(!bus.interface()->activatableServiceNames().value().contains(secretsService));

    // A plain-text fallback would end up in the user's config or data folders; point both,
    // and the home folder, at an empty folder that the last test searches.
    QVERIFY(m_home.isValid());
    QVERIFY(QDir(m_home.path()).mkpath(u"config"_s));
    QVERIFY(QDir(m_home.path()).mkpath(u"data"_s));
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
}

void tst_KeychainWithoutSecretService::failsWithOneSentence_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("expected");

    QTest::newRow("write") << u"write"_s
                           << u"Cuttle cannot reach the system keychain (no Secret Service is running); "
                              "the secret was not saved."_s;
    QTest::newRow("read") << u"read"_s
                          << u"Cuttle cannot reach the system keychain (no Secret Service is running); "
                             "the secret could not be read."_s;
    QTest::newRow("remove") << u"remove"_s
                            << u"Cuttle cannot reach the system keychain (no Secret Service is running); "
                               "the secret was not removed."_s;
}

void tst_KeychainWithoutSecretService::failsWithOneSentence()
{
    QFETCH(QString, operation);
    QFETCH(QString, expected);

    Error error;
    if (operation == u"write"_s) {
        const auto result = m_store.write(m_key, "must not be stored anywhere");
        QVERIFY(!result.ok());
        error = result.error();
    } else if (operation == u"read"_s) {
        const auto result = m_store.read(m_key);
        QVERIFY(!result.ok());
        error = result.error();
    } else {
        const auto result = m_store.remove(m_key);
        QVERIFY(!result.ok());
        error = result.error();
    }
    // A missing keychain must not look like a missing secret.
    QCOMPARE(error.kind, ErrorKind::Failed);
    QCOMPARE(error.message, expected);
}

void tst_KeychainWithoutSecretService::workerThreadFailsTheSameWay()
{
    VoidResult written;
    std::unique_ptr<QThread> thread(QThread::create([&] { written = m_store.write(m_key, "secret"); }));
    thread->start();
    QVERIFY(thread->wait(60000));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().message,
             u"Cuttle cannot reach the system keychain (no Secret Service is running); "
             "the secret was not saved."_s);
}

void tst_KeychainWithoutSecretService::fileCheckWouldSeeAFallback()
{
    // QtKeychain's fallback stores into QSettings("cuttle"); show the search below finds that.
    {
        QSettings fallback(u"cuttle"_s);
        fallback.setValue(u"probe"_s, u"x"_s);
        fallback.sync();
        QCOMPARE(fallback.status(), QSettings::NoError);
    }
    QVERIFY(!filesBelow(m_home.path()).isEmpty());
    QSettings fallback(u"cuttle"_s);
    QFile::remove(fallback.fileName());
    QVERIFY2(filesBelow(m_home.path()).isEmpty(), qPrintable(filesBelow(m_home.path()).join(u", "_s)));
}

void tst_KeychainWithoutSecretService::nothingWrittenInPlainText()
{
    QVERIFY(!m_store.write(m_key, "must not be stored anywhere").ok());
    QVERIFY2(filesBelow(m_home.path()).isEmpty(), qPrintable(filesBelow(m_home.path()).join(u", "_s)));
    QSettings fallback(u"cuttle"_s);
    QVERIFY(fallback.allKeys().isEmpty());
}

QTEST_GUILESS_MAIN(tst_KeychainWithoutSecretService)
#include "tst_keychainwithoutsecretservice.moc"
