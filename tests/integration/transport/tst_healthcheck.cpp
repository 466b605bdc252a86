#include "model/transport/healthcheck.h"
#include "model/transport/ssh/sshtransport.h"
#include "tests/support/sshdfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::HealthStatus)

class tst_HealthCheck final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        m_keyPath = m_dir.filePath(u"id_ed25519"_s);
        QVERIFY2(SshdFixture::generateKey(m_keyPath, u"ed25519"_s, {}, false, &error), qPrintable(error));
        QFile key(m_keyPath);
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_key = key.readAll();
        QFile pub(m_keyPath + u".pub"_s);
        QVERIFY(pub.open(QIODevice::ReadOnly));
        m_publicKey = QString::fromUtf8(pub.readAll());
    }
    void check_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<bool>("connectionOnly");
        QTest::addColumn<qint64>("warningBytes");
        QTest::addColumn<bool>("serverRunning");
        QTest::addColumn<HealthStatus>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("healthy") << u"ROOT"_s << false << qint64(1) << true << HealthStatus::Healthy << QString();
        QTest::newRow("little free space") << u"ROOT"_s << false << (qint64(1) << 60) << true
                                           << HealthStatus::HasWarnings << u"are free in"_s;
        QTest::newRow("root missing") << u"ROOT/missing"_s << false << qint64(1) << true << HealthStatus::Unhealthy
                                      << u"does not exist"_s;
        QTest::newRow("connection test only") << u"ROOT/missing"_s << true << qint64(1) << true
                                              << HealthStatus::Healthy << QString();
        QTest::newRow("server down") << u"ROOT"_s << false << qint64(1) << false << HealthStatus::Unavailable
                                     << u"refused the connection"_s;
    }
    void check()
    {
        QFETCH(QString, root);
        QFETCH(bool, connectionOnly);
        QFETCH(qint64, warningBytes);
        QFETCH(bool, serverRunning);
        QFETCH(HealthStatus, status);
        QFETCH(QString, message);
        SshdFixture server;
        QVERIFY(server.authorizeKey(m_publicKey));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        if (!serverRunning)
            server.stop();
        QTemporaryDir target;
        SshTransport transport(credentials(server.port()), HostKeyPolicy{server.hostKeyFingerprint(), false});
        HealthCheckOptions options;
        options.rootDirectory = root.replace(u"ROOT"_s, target.path());
        options.connectionTestOnly = connectionOnly;
        options.freeSpaceWarningBytes = warningBytes;
        const HealthReport report = HealthCheck::check(transport, options);
        QCOMPARE(toString(report.status), toString(status));
        const QString messages = report.messages.join(u' ');
        if (message.isEmpty())
            QVERIFY2(messages.isEmpty(), qPrintable(messages));
        else
            QVERIFY2(messages.contains(message), qPrintable(messages));
        if (status == HealthStatus::Healthy && !connectionOnly) {
            QVERIFY(report.operatingSystem.contains(u"Linux"_s));
            QVERIFY(report.freeBytes > 0);
        }
    }
    void rootWithoutWriteAccess()
    {
        passwd *user = nullptr;
        setpwent();
        while ((user = getpwent())) {
            if (user->pw_uid >= 1000 && user->pw_uid < 65534 && QByteArray(user->pw_shell).endsWith("sh"))
                break;
        }
        endpwent();
        if (!user || geteuid() != 0)
            QSKIP("needs root and an unprivileged user with a login shell");
        SshdFixture server;
        server.setExtraConfig(u"UsePAM yes\n"_s);
        QVERIFY(server.authorizeKey(m_publicKey));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir target;
        QFile::setPermissions(target.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                                 | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        SshCredentials c = credentials(server.port());
        c.username = QString::fromLocal8Bit(user->pw_name);
        SshTransport transport(c, HostKeyPolicy{server.hostKeyFingerprint(), false});
        HealthCheckOptions options;
        options.rootDirectory = target.path();
        options.freeSpaceWarningBytes = 1;
        const HealthReport report = HealthCheck::check(transport, options);
        QCOMPARE(toString(report.status), toString(HealthStatus::Unhealthy));
        QVERIFY2(report.messages.join(u' ').contains(u"cannot write to the root directory"_s),
                 qPrintable(report.messages.join(u' ')));
    }
    void checkManyInParallel()
    {
        constexpr int count = 8;
        std::vector<std::unique_ptr<SshdFixture>> servers;
        QList<HealthCheck::Job> jobs;
        QTemporaryDir target;
        for (int i = 0; i < count; ++i) {
            servers.push_back(std::make_unique<SshdFixture>());
            QVERIFY(servers.back()->authorizeKey(m_publicKey));
            QString error;
            QVERIFY2(servers.back()->start(&error), qPrintable(error));
            HealthCheck::Job job;
            const SshCredentials c = credentials(servers.back()->port());
            const HostKeyPolicy policy{servers.back()->hostKeyFingerprint(), false};
            job.createTransport = [c, policy] { return std::make_unique<SshTransport>(c, policy); };
            job.options.rootDirectory = target.path();
            job.options.freeSpaceWarningBytes = 1;
            jobs << job;
        }
        servers.at(5)->stop();
        std::atomic<bool> cancelled{false};
        int progressCalls = 0;
        QElapsedTimer timer;
        timer.start();
        const QList<HealthReport> reports = HealthCheck::checkMany(
            jobs, count, [&](int, int total, int, const HealthReport &) {
                QCOMPARE(total, count);
                ++progressCalls;
            },
            cancelled);
        qInfo("%d targets checked in %lld ms", count, timer.elapsed());
        QCOMPARE(progressCalls, count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(toString(reports.at(i).status), toString(i == 5 ? HealthStatus::Unavailable : HealthStatus::Healthy));
    }

private:
    SshCredentials credentials(quint16 port) const
    {
        SshCredentials c;
        c.host = u"127.0.0.1"_s;
        c.port = port;
        c.username = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        c.privateKey = m_key;
        return c;
    }

    QTemporaryDir m_dir;
    QString m_keyPath;
    QByteArray m_key;
    QString m_publicKey;
};

QTEST_GUILESS_MAIN(tst_HealthCheck)
#include "tst_healthcheck.moc"
