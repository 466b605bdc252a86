#include "model/transport/ssh/sshtransport.h"
#include "sshtestserver.h"

#include <QTest>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::SshCredentials::AuthMethod)

class tst_SshAuthentication final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }
    void login_data()
    {
        QTest::addColumn<SshCredentials::AuthMethod>("method");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected"); // empty: success
        using M = SshCredentials::AuthMethod;
        QTest::newRow("password") << M::Password << u"deploy"_s << u"correct horse"_s << QString();
        QTest::newRow("wrong password") << M::Password << u"deploy"_s << u"wrong"_s << u"rejected the password for user deploy"_s;
        QTest::newRow("wrong user") << M::Password << u"intruder"_s << u"correct horse"_s << u"rejected the password for user intruder"_s;
        QTest::newRow("keyboard-interactive") << M::KeyboardInteractive << u"deploy"_s << u"correct horse"_s << QString();
        QTest::newRow("wrong keyboard-interactive") << M::KeyboardInteractive << u"deploy"_s << u"nope"_s
                                                    << u"rejected the keyboard-interactive answers for user deploy"_s;
        QTest::newRow("key where only passwords are allowed") << M::PrivateKey << u"deploy"_s << QString()
                                                              << u"does not allow public key authentication"_s;
    }
    void login()
    {
        QFETCH(SshCredentials::AuthMethod, method);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        SshCredentials c;
        c.host = u"127.0.0.1"_s;
        c.port = m_server.port();
        c.username = user;
        c.authMethod = method;
        c.password = password;
        c.privateKey = "unused";
        c.timeout = std::chrono::milliseconds(5000);
        SshTransport transport(c, HostKeyPolicy{m_server.hostKeyFingerprint(), false});
        const int roundsBefore = m_server.keyboardInteractiveRounds();
        const VoidResult result = transport.connect();
        if (expected.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
            QByteArray out;
            const Result<ExitInfo> exit = transport.run(u"anything"_s, {[&](const QByteArray &c) { out += c; }, {}});
            QVERIFY(exit.ok());
            QCOMPARE(exit->exitCode, 0);
            QCOMPARE(out, QByteArray("ok\n"));
        } else {
            QVERIFY(!result.ok());
            QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
            QVERIFY(!transport.isConnected());
        }
        if (method == SshCredentials::AuthMethod::KeyboardInteractive)
            QVERIFY(m_server.keyboardInteractiveRounds() > roundsBefore);
        transport.close();
    }

private:
    SshTestServer m_server{u"deploy"_s, u"correct horse"_s};
};

QTEST_GUILESS_MAIN(tst_SshAuthentication)
#include "tst_sshauthentication.moc"
