// Runs with DBUS_SESSION_BUS_ADDRESS pointing at a socket that does not exist, as on a
// server or container session without D-Bus.
#include "model/secrets/keychainsecretstore.h"

#include <QDBusConnection>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_KeychainWithoutSessionBus final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failsWithOneSentence_data();
    void failsWithOneSentence();
};

void tst_KeychainWithoutSessionBus::initTestCase()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "nobus",
             "run this test through ctest, which points it at a missing session bus");
    QVERIFY(!QDBusConnection::sessionBus().isConnected());
}

void tst_KeychainWithoutSessionBus::failsWithOneSentence_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("expected");

    const QString start = u"Cuttle cannot reach the system keychain (no D-Bus session bus is running); "_s;
    QTest::newRow("write") << u"write"_s << QString(start + u"the secret was not saved."_s);
    QTest::newRow("read") << u"read"_s << QString(start + u"the secret could not be read."_s);
    QTest::newRow("remove") << u"remove"_s << QString(start + u"the secret was not removed."_s);
}

void tst_KeychainWithoutSessionBus::failsWithOneSentence()
{
    QFETCH(QString, operation);
    QFETCH(QString, expected);

    KeychainSecretStore store(std::chrono::seconds(30));
    const QString key = u"ws/Accounts-1/password"_s;
    Error error;
    if (operation == u"write"_s) {
        const auto result = store.write(key, "secret");
        QVERIFY(!result.ok());
        error = result.error();
    } else if (operation == u"read"_s) {
        const auto result = store.read(key);
        QVERIFY(!result.ok());
        error = result.error();
    } else {
        const auto result = store.remove(key);
        QVERIFY(!result.ok());
        error = result.error();
    }
    QCOMPARE(error.kind, ErrorKind::Failed);
    QCOMPARE(error.message, expected);
}

QTEST_GUILESS_MAIN(tst_KeychainWithoutSessionBus)
#include "tst_keychainwithoutsessionbus.moc"
