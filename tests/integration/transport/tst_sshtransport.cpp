#include "model/core/sha256hash.h"
#include "model/transport/ssh/sshtransport.h"
#include "tests/support/sshdfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::SshTransport::UploadMethod)

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256Hash hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buffer.data(), buffer.size())) > 0)
        hash.addData(QByteArrayView(buffer.constData(), n));
    return hash.hexResult();
}

/// A file of pseudo-random bytes, so that a misplaced block changes the hash.
bool writeRandomFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray block(4 << 20, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    for (qint64 written = 0; written < size;) {
        const qint64 n = std::min<qint64>(block.size(), size - written);
        *reinterpret_cast<qint64 *>(block.data()) = written; // every block differs
        if (file.write(block.constData(), n) != n)
            return false;
        written += n;
    }
    return true;
}

QStringList partFiles(const QString &directory)
{
    return QDir(directory).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden);
}

bool processAlive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const char state = text.mid(text.lastIndexOf(')') + 2, 1).at(0);
    return state != 'Z' && state != 'X';
}

} // namespace

class tst_SshTransport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyAuthentication_data();
    void keyAuthentication();
    void keyProblems_data();
    void keyProblems();
    void agentAuthentication();
    void firstContact();
    void changedHostKey_data();
    void changedHostKey();
    void connectFailures_data();
    void connectFailures();
    void silentServerTimesOut();
    void cancelWhileConnecting();
    void separatesStdoutAndStderr();
    void exitCodesAndSignals_data();
    void exitCodesAndSignals();
    void environmentAndDirectory();
    void inputEndsWhenTheCommandNeedsNoMore();
    void cancelStopsRemoteCommand_data();
    void cancelStopsRemoteCommand();
    void startupOutputComesThroughAndCancelStillStops();
    void connectionLostWhileRunning();
    void hundredMegabytesOfOutput();
    void invalidUtf8PassesThrough();
    void upload_data();
    void upload();
    void cancelledUploadRemovesTemporary_data();
    void cancelledUploadRemovesTemporary();
    void interruptedUpload_data();
    void interruptedUpload();
    void download();
    void directoryWithoutWriteAccess();

private:
    SshCredentials credentials(const QByteArray &key, const QString &passphrase = {}) const;
    std::unique_ptr<SshTransport> connected(SshdFixture &server);

    QTemporaryDir m_dir;
    SshdFixture m_server;
    QByteArray m_ed25519;
    QByteArray m_rsaPem;
    QByteArray m_unauthorized;
    QString m_ed25519Path;
};

SshCredentials tst_SshTransport::credentials(const QByteArray &key, const QString &passphrase) const
{
    SshCredentials c;
    c.host = u"127.0.0.1"_s;
    c.port = m_server.port();
    c.username = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
    c.authMethod = SshCredentials::AuthMethod::PrivateKey;
    c.privateKey = key;
    c.passphrase = passphrase;
    return c;
}

std::unique_ptr<SshTransport> tst_SshTransport::connected(SshdFixture &server)
{
    SshCredentials c = credentials(m_ed25519);
    c.port = server.port();
    auto transport = std::make_unique<SshTransport>(c, HostKeyPolicy{server.hostKeyFingerprint(), false});
    const VoidResult result = transport->connect();
    if (!result)
        qWarning() << result.error().message;
    return result ? std::move(transport) : nullptr;
}

void tst_SshTransport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    const QDir dir(m_dir.path());
    m_ed25519Path = dir.filePath(u"id_ed25519"_s);
    QVERIFY2(SshdFixture::generateKey(m_ed25519Path, u"ed25519"_s, {}, false, &error), qPrintable(error));
    QVERIFY2(SshdFixture::generateKey(dir.filePath(u"id_rsa"_s), u"rsa"_s, u"s3cret phrase"_s, true, &error),
             qPrintable(error));
    QVERIFY2(SshdFixture::generateKey(dir.filePath(u"other"_s), u"ed25519"_s, {}, false, &error), qPrintable(error));
    m_ed25519 = readFile(m_ed25519Path);
    m_rsaPem = readFile(dir.filePath(u"id_rsa"_s));
    m_unauthorized = readFile(dir.filePath(u"other"_s));
    QVERIFY(m_rsaPem.contains("BEGIN RSA PRIVATE KEY"));
    QVERIFY(m_server.authorizeKey(QString::fromUtf8(readFile(m_ed25519Path + u".pub"_s))));
    QVERIFY(m_server.authorizeKey(QString::fromUtf8(readFile(dir.filePath(u"id_rsa.pub"_s)))));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_server.hostKeyFingerprint().startsWith(u"SHA256:"_s));
}

void tst_SshTransport::keyAuthentication_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("passphrase");
    QTest::newRow("ed25519 OpenSSH format") << m_ed25519 << QString();
    QTest::newRow("RSA PEM with passphrase") << m_rsaPem << u"s3cret phrase"_s;
}

void tst_SshTransport::keyAuthentication()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, passphrase);
    SshTransport transport(credentials(key, passphrase), HostKeyPolicy{m_server.hostKeyFingerprint(), false});
    const VoidResult result = transport.connect();
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(transport.hostKeyVerdict(), SshTransport::HostKeyVerdict::Trusted);
    QByteArray out;
    const Result<ExitInfo> exit = transport.run(u"echo connected"_s, {[&](const QByteArray &c) { out += c; }, {}});
    QVERIFY(exit.ok());
    QCOMPARE(exit->exitCode, 0);
    QCOMPARE(out, QByteArray("connected\n"));
}

void tst_SshTransport::keyProblems_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("field");
    QTest::newRow("key not authorized") << m_unauthorized << QString() << u"did not accept the private key"_s << QString();
    QTest::newRow("locked key without passphrase") << m_rsaPem << QString() << u"no passphrase was given"_s << u"passphrase"_s;
    QTest::newRow("wrong passphrase") << m_rsaPem << u"wrong"_s << u"passphrase for the private key"_s << u"passphrase"_s;
    QTest::newRow("not a key") << QByteArray("hello") << QString() << u"OpenSSH or PEM"_s << u"privateKey"_s;
}

void tst_SshTransport::keyProblems()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, passphrase);
    QFETCH(QString, expected);
    QFETCH(QString, field);
    SshTransport transport(credentials(key, passphrase), HostKeyPolicy{m_server.hostKeyFingerprint(), false});
    const VoidResult result = transport.connect();
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
    QCOMPARE(result.error().field, field);
    QVERIFY(!transport.isConnected());
}

void tst_SshTransport::agentAuthentication()
{
    const QString socket = QDir(m_dir.path()).filePath(u"agent.sock"_s);
    QProcess agent;
    agent.start(u"ssh-agent"_s, {u"-D"_s, u"-a"_s, socket});
    QVERIFY(agent.waitForStarted());
    QTRY_VERIFY(QFile::exists(socket));
    auto cleanup = qScopeGuard([&] {
        agent.terminate();
        agent.waitForFinished();
    });

    SshCredentials c = credentials({});
    c.authMethod = SshCredentials::AuthMethod::Agent;
    c.agentSocket = socket;
    // publickey_auto also tries ~/.ssh/id_*: a HOME without keys keeps the test about the agent.
    const QByteArray home = qgetenv("HOME");
    qputenv("HOME", m_dir.path().toLocal8Bit());
    auto restoreHome = qScopeGuard([&] { qputenv("HOME", home); });
    {
        SshTransport transport(c, HostKeyPolicy{m_server.hostKeyFingerprint(), false});
        const VoidResult empty = transport.connect();
        QVERIFY(!empty.ok());
        QVERIFY2(empty.error().message.contains(u"none of the SSH agent's keys"_s), qPrintable(empty.error().message));
    }
    QProcess add;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SSH_AUTH_SOCK"_s, socket);
    add.setProcessEnvironment(environment);
    add.start(u"ssh-add"_s, {m_ed25519Path});
    QVERIFY(add.waitForFinished());
    QCOMPARE(add.exitCode(), 0);
    SshTransport transport(c, HostKeyPolicy{m_server.hostKeyFingerprint(), false});
    const VoidResult result = transport.connect();
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(transport.run(u"true"_s)->exitCode, 0);
}

void tst_SshTransport::firstContact()
{
    SshTransport strict(credentials(m_ed25519));
    const VoidResult refused = strict.connect();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Validation);
    QCOMPARE(refused.error().field, SshTransport::hostKeyField());
    QCOMPARE(strict.hostKeyVerdict(), SshTransport::HostKeyVerdict::Unknown);
    QCOMPARE(strict.offeredHostKeyFingerprint(), m_server.hostKeyFingerprint());
    QVERIFY(refused.error().message.contains(m_server.hostKeyFingerprint()));
    QVERIFY(!strict.isConnected());

    SshTransport accepting(credentials(m_ed25519), HostKeyPolicy{{}, true});
    QVERIFY(accepting.connect().ok());
    QCOMPARE(accepting.hostKeyVerdict(), SshTransport::HostKeyVerdict::AcceptedNew);
    QCOMPARE(accepting.offeredHostKeyFingerprint(), m_server.hostKeyFingerprint());
}

void tst_SshTransport::changedHostKey_data()
{
    QTest::addColumn<QString>("newKeyType");
    QTest::newRow("same key type") << u"ed25519"_s;
    QTest::newRow("key of another type") << u"ecdsa"_s;
}

void tst_SshTransport::changedHostKey()
{
    QFETCH(QString, newKeyType);
    SshdFixture server;
    QVERIFY(server.authorizeKey(QString::fromUtf8(readFile(m_ed25519Path + u".pub"_s))));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString pinned = server.hostKeyFingerprint();
    QVERIFY(connected(server));

    QVERIFY2(server.restartWithNewHostKey(newKeyType, &error), qPrintable(error));
    QVERIFY(server.hostKeyFingerprint() != pinned);
    SshCredentials c = credentials(m_ed25519);
    c.port = server.port();
    SshTransport transport(c, HostKeyPolicy{pinned, true});
    const VoidResult result = transport.connect();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Conflict);
    QCOMPARE(transport.hostKeyVerdict(), SshTransport::HostKeyVerdict::Mismatch);
    QVERIFY2(result.error().message.contains(pinned), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(server.hostKeyFingerprint()), qPrintable(result.error().message));
    QVERIFY(!transport.isConnected());
}

void tst_SshTransport::connectFailures_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("closedPort");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown host name") << u"no-such-host.invalid"_s << false << u"could not be resolved"_s;
    QTest::newRow("connection refused") << u"127.0.0.1"_s << true << u"refused the connection"_s;
}

void tst_SshTransport::connectFailures()
{
    QFETCH(QString, host);
    QFETCH(bool, closedPort);
    QFETCH(QString, expected);
    SshCredentials c = credentials(m_ed25519);
    c.host = host;
    if (closedPort) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        c.port = probe.serverPort();
    }
    SshTransport transport(c, HostKeyPolicy{{}, true});
    const VoidResult result = transport.connect();
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
}

void tst_SshTransport::silentServerTimesOut()
{
    // The kernel completes the TCP handshake from the listen backlog; nobody ever speaks.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SshCredentials c = credentials(m_ed25519);
    c.port = silent.serverPort();
    c.timeout = std::chrono::milliseconds(1500);
    SshTransport transport(c, HostKeyPolicy{{}, true});
    QElapsedTimer timer;
    timer.start();
    const VoidResult result = transport.connect();
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"did not complete the SSH handshake within 1500 ms"_s),
             qPrintable(result.error().message));
    QVERIFY2(elapsed >= 1400 && elapsed < 3000, qPrintable(QString::number(elapsed)));
}

void tst_SshTransport::cancelWhileConnecting()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SshCredentials c = credentials(m_ed25519);
    c.port = silent.serverPort();
    SshTransport transport(c, HostKeyPolicy{{}, true});
    std::thread canceller([&] {
        QThread::msleep(300);
        transport.cancel();
    });
    QElapsedTimer timer;
    timer.start();
    const VoidResult result = transport.connect();
    const qint64 elapsed = timer.elapsed();
    canceller.join();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
}

void tst_SshTransport::separatesStdoutAndStderr()
{
    auto transport = connected(m_server);
    QVERIFY(transport);
    QByteArray out;
    QByteArray err;
    const Result<ExitInfo> exit = transport->run(
        u"for i in 1 2 3 4; do head -c 1000000 /dev/zero | tr '\\0' o; head -c 1000000 /dev/zero | tr '\\0' e >&2; done"_s,
        {[&](const QByteArray &c) { out += c; }, [&](const QByteArray &c) { err += c; }});
    QVERIFY(exit.ok());
    QCOMPARE(exit->exitCode, 0);
    QCOMPARE(out.size(), 4000000);
    QCOMPARE(err.size(), 4000000);
    QCOMPARE(out.count('o'), 4000000);
    QCOMPARE(err.count('e'), 4000000);
}

void tst_SshTransport::exitCodesAndSignals_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("signal");
    QTest::newRow("success") << u"true"_s << 0 << QString();
    QTest::newRow("exit 3") << u"exit 3"_s << 3 << QString();
    QTest::newRow("exit 255") << u"exit 255"_s << 255 << QString();
    QTest::newRow("command not found") << u"no-such-command-cuttle"_s << 127 << QString();
    QTest::newRow("killed by TERM") << u"kill -TERM $$"_s << -1 << u"TERM"_s;
    QTest::newRow("killed by KILL") << u"kill -KILL $$"_s << -1 << u"KILL"_s;
    QTest::newRow("segfault") << u"kill -SEGV $$"_s << -1 << u"SEGV"_s;
}

void tst_SshTransport::exitCodesAndSignals()
{
    QFETCH(QString, script);
    QFETCH(int, exitCode);
    QFETCH(QString, signal);
    auto transport = connected(m_server);
    QVERIFY(transport);
    const Result<ExitInfo> exit = transport->run(script);
    QVERIFY(exit.ok());
    QCOMPARE(exit->exitCode, exitCode);
    QCOMPARE(exit->signal, signal);
    QCOMPARE(exit->succeeded(), exitCode == 0);
}

void tst_SshTransport::environmentAndDirectory()
{
    auto transport = connected(m_server);
    QVERIFY(transport);
    RunRequest request;
    request.script = u"printf '%s|%s' \"$GREETING\" \"$PWD\""_s;
    request.environment = {{u"GREETING"_s, u"it's \"quoted\" $HOME"_s}};
    request.workingDirectory = m_dir.path();
    QByteArray out;
    const Result<ExitInfo> exit = transport->run(request, {[&](const QByteArray &c) { out += c; }, {}});
    QVERIFY(exit.ok());
    QCOMPARE(QString::fromUtf8(out), u"it's \"quoted\" $HOME|"_s + m_dir.path());

    request.environment = {{u"BAD-NAME"_s, u"x"_s}};
    QVERIFY(!transport->run(request).ok());
}

void tst_SshTransport::inputEndsWhenTheCommandNeedsNoMore()
{
    auto transport = connected(m_server);
    QVERIFY(transport);
    // 32 MB, far more than an SSH window: the command asks for no more after one byte and then
    // counts what still arrives, which must be a small part.
    QTemporaryFile input;
    QVERIFY(input.open());
    const QByteArray megabyte(1024 * 1024, 'x');
    for (int i = 0; i < 32; ++i)
        QVERIFY(input.write(megabyte) == megabyte.size());
    input.close();
    RunRequest request;
    request.script = u"head -c 1 > /dev/null; echo enough; wc -c"_s;
    request.standardInputFile = input.fileName();
    QByteArray out;
    int asked = 0;
    request.continueInput = [&]() {
        ++asked;
        return !out.contains("enough");
    };
    const Result<ExitInfo> exit = transport->run(request, {[&](const QByteArray &c) { out += c; }, {}});
    QVERIFY2(exit.ok(), qPrintable(exit ? QString() : exit.error().message));
    QVERIFY(exit->succeeded());
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const qint64 counted = lines.at(1).trimmed().toLongLong() + 1;
    QVERIFY(asked > 0);
    QVERIFY2(counted < 8 * megabyte.size(), lines.at(1).constData());
}

void tst_SshTransport::cancelStopsRemoteCommand_data()
{
    QTest::addColumn<QString>("script");
    QTest::newRow("stops on TERM") << u"sleep 300 & echo $! > \"$PIDFILE\"; wait"_s;
    QTest::newRow("ignores TERM, needs KILL") << u"trap '' TERM; sleep 300 & echo $! > \"$PIDFILE\"; wait; wait"_s;
}

void tst_SshTransport::cancelStopsRemoteCommand()
{
    QFETCH(QString, script);
    auto transport = connected(m_server);
    QVERIFY(transport);
    transport->setCancelGracePeriod(std::chrono::milliseconds(700));
    const QString pidFile = QDir(m_dir.path()).filePath(u"sleep.pid"_s);
    QFile::remove(pidFile);
    RunRequest request;
    request.script = script;
    request.environment = {{u"PIDFILE"_s, pidFile}};

    std::atomic<bool> stop{false};
    std::thread canceller([&] {
        // cancel() comes from another thread, as it does from the GUI.
        for (int i = 0; i < 100 && !stop && !QFile::exists(pidFile); ++i)
            QThread::msleep(50);
        QThread::msleep(200);
        transport->cancel();
    });
    QElapsedTimer timer;
    timer.start();
    const Result<ExitInfo> exit = transport->run(request);
    stop = true;
    canceller.join();
    QVERIFY(!exit.ok());
    QCOMPARE(exit.error().kind, ErrorKind::Cancelled);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const qint64 pid = readFile(pidFile).trimmed().toLongLong();
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 3000);


    // Cancellation is sticky until reset; the session itself still works.
    QCOMPARE(transport->run(u"true"_s).error().kind, ErrorKind::Cancelled);
    transport->resetCancellation();
    QCOMPARE(transport->run(u"true"_s)->exitCode, 0);
}

void tst_SshTransport::startupOutputComesThroughAndCancelStillStops()
{
    // Start-up output before the command's own (here from a forced command that then runs the
    // one asked for, as a login shell's start-up files may print), half a line first: the
    // command's output still arrives exactly as printed, and the command's process group is
    // still known, so that cancel stops it.
    SshdFixture server;
    server.setExtraConfig(u"ForceCommand printf 'welcome, '; eval \"$SSH_ORIGINAL_COMMAND\"\n"_s);
    QVERIFY(server.authorizeKey(QString::fromUtf8(readFile(m_ed25519Path + u".pub"_s))));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    auto transport = connected(server);
    QVERIFY(transport);
    QByteArray out;
    OutputCallbacks callbacks;
    callbacks.onStdout = [&](const QByteArray &chunk) { out += chunk; };
    const Result<ExitInfo> exit = transport->run(u"printf 'a\\nb'"_s, callbacks);
    QVERIFY(exit.ok());
    QCOMPARE(out, QByteArray("welcome, a\nb"));

    transport->setCancelGracePeriod(std::chrono::milliseconds(700));
    const QString pidFile = QDir(m_dir.path()).filePath(u"startup-sleep.pid"_s);
    QFile::remove(pidFile);
    RunRequest request;
    request.script = u"trap '' TERM; sleep 300 & echo $! > \"$PIDFILE\"; wait; wait"_s;
    request.environment = {{u"PIDFILE"_s, pidFile}};
    std::thread canceller([&] {
        for (int i = 0; i < 100 && !QFile::exists(pidFile); ++i)
            QThread::msleep(50);
        QThread::msleep(200);
        transport->cancel();
    });
    const Result<ExitInfo> cancelled = transport->run(request);
    canceller.join();
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
    const qint64 pid = readFile(pidFile).trimmed().toLongLong();
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 3000);
}

void tst_SshTransport::connectionLostWhileRunning()
{
    SshdFixture server;
    QVERIFY(server.authorizeKey(QString::fromUtf8(readFile(m_ed25519Path + u".pub"_s))));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    auto transport = connected(server);
    QVERIFY(transport);
    QElapsedTimer timer;
    timer.start();
    bool killed = false;
    const Result<ExitInfo> exit = transport->run(u"echo started; sleep 15"_s, {[&](const QByteArray &) {
                                                     if (!killed) {
                                                         killed = true;
                                                         server.killAbruptly();
                                                     }
                                                 },
                                                 {}});
    QVERIFY(killed);
    QVERIFY(!exit.ok());
    QVERIFY2(exit.error().message.startsWith(u"The connection to 127.0.0.1:%1 was lost while running a command"_s.arg(server.port())),
             qPrintable(exit.error().message));
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(!transport->isConnected());
}

void tst_SshTransport::hundredMegabytesOfOutput()
{
    auto transport = connected(m_server);
    QVERIFY(transport);
    qint64 received = 0;
    bool allZero = true;
    QElapsedTimer timer;
    timer.start();
    const Result<ExitInfo> exit = transport->run(u"head -c 100000000 /dev/zero"_s, {[&](const QByteArray &c) {
                                                     received += c.size();
                                                     if (allZero && c.count('\0') != c.size())
                                                         allZero = false;
                                                 },
                                                 {}});
    QVERIFY(exit.ok());
    QCOMPARE(exit->exitCode, 0);
    QCOMPARE(received, Q_INT64_C(100000000));
    QVERIFY(allZero);
    qInfo("100 MB of output in %lld ms", timer.elapsed());
}

void tst_SshTransport::invalidUtf8PassesThrough()
{
    auto transport = connected(m_server);
    QVERIFY(transport);
    QByteArray out;
    QByteArray err;
    const Result<ExitInfo> exit = transport->run(u"printf '\\377\\376\\200ok\\303'; printf '\\300\\n' >&2"_s,
                                                 {[&](const QByteArray &c) { out += c; }, [&](const QByteArray &c) { err += c; }});
    QVERIFY(exit.ok());
    QCOMPARE(out, QByteArray("\xff\xfe\x80ok\xc3"));
    QCOMPARE(err, QByteArray("\xc0\n"));
}

void tst_SshTransport::upload_data()
{
    QTest::addColumn<SshTransport::UploadMethod>("method");
    QTest::newRow("exec stream") << SshTransport::UploadMethod::ExecStream;
    QTest::newRow("sftp") << SshTransport::UploadMethod::Sftp;
}

void tst_SshTransport::upload()
{
    QFETCH(SshTransport::UploadMethod, method);
    const QString source = QDir(m_dir.path()).filePath(u"payload.bin"_s);
    constexpr qint64 size = 200 * 1000 * 1000;
    if (QFileInfo(source).size() != size)
        QVERIFY(writeRandomFile(source, size));
    QTemporaryDir remote;
    const QString destination = QDir(remote.path()).filePath(u"payload with space.bin"_s);
    QVERIFY(writeRandomFile(destination, 1000)); // replaced in place

    auto transport = connected(m_server);
    QVERIFY(transport);
    transport->setUploadMethod(method);
    qint64 lastProgress = 0;
    QElapsedTimer timer;
    timer.start();
    const VoidResult result = transport->upload(source, destination, [&](qint64 done, qint64 total) {
        QCOMPARE(total, size);
        QVERIFY(done > lastProgress);
        lastProgress = done;
    });
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(lastProgress, size);
    QCOMPARE(QFileInfo(destination).size(), size);
    QCOMPARE(hashOf(destination), hashOf(source));
    QCOMPARE(partFiles(remote.path()), QStringList());
    qInfo("200 MB uploaded in %lld ms (%.0f MiB/s) including verification", elapsed,
          size / 1048576.0 / (elapsed / 1000.0));
}

void tst_SshTransport::cancelledUploadRemovesTemporary_data()
{
    upload_data();
}

void tst_SshTransport::cancelledUploadRemovesTemporary()
{
    QFETCH(SshTransport::UploadMethod, method);
    const QString source = QDir(m_dir.path()).filePath(u"cancel.bin"_s);
    QVERIFY(writeRandomFile(source, 64 << 20));
    QTemporaryDir remote;
    auto transport = connected(m_server);
    QVERIFY(transport);
    transport->setUploadMethod(method);
    const QString destination = QDir(remote.path()).filePath(u"cancel.bin"_s);
    const VoidResult result = transport->upload(source, destination, [&](qint64 done, qint64) {
        if (done > (16 << 20))
            transport->cancel();
    });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QVERIFY(!QFile::exists(destination));
    QTRY_COMPARE_WITH_TIMEOUT(partFiles(remote.path()), QStringList(), 3000);
}

void tst_SshTransport::interruptedUpload_data()
{
    upload_data();
}

void tst_SshTransport::interruptedUpload()
{
    QFETCH(SshTransport::UploadMethod, method);
    SshdFixture server;
    QVERIFY(server.authorizeKey(QString::fromUtf8(readFile(m_ed25519Path + u".pub"_s))));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString source = QDir(m_dir.path()).filePath(u"interrupted.bin"_s);
    QVERIFY(writeRandomFile(source, 128 << 20));
    QTemporaryDir remote;
    const QString destination = QDir(remote.path()).filePath(u"interrupted.bin"_s);

    auto transport = connected(server);
    QVERIFY(transport);
    transport->setUploadMethod(method);
    bool killed = false;
    const VoidResult result = transport->upload(source, destination, [&](qint64 done, qint64) {
        if (!killed && done > (32 << 20)) {
            killed = true;
            server.killAbruptly();
        }
    });
    QVERIFY(killed);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Failed);
    const QString message = result.error().message;
    QVERIFY2(message.contains(u"connection to 127.0.0.1:%1 was lost while uploading"_s.arg(server.port())), qPrintable(message));
    QVERIFY(!transport->isConnected());
    QVERIFY(!QFile::exists(destination));
    // Either the target removed the partial file itself, or the message names it.
    const QStringList parts = partFiles(remote.path());
    if (!parts.isEmpty())
        QVERIFY2(message.contains(parts.first()), qPrintable(message));
    if (method == SshTransport::UploadMethod::ExecStream)
        QTRY_COMPARE_WITH_TIMEOUT(partFiles(remote.path()), QStringList(), 5000);
    qInfo("%s", qPrintable(message));
}

void tst_SshTransport::download()
{
    auto transport = connected(m_server);
    QVERIFY(transport);
    const QString remote = QDir(m_dir.path()).filePath(u"remote.bin"_s);
    QVERIFY(writeRandomFile(remote, 3 << 20));
    const QString local = QDir(m_dir.path()).filePath(u"local.bin"_s);
    QVERIFY(transport->download(remote, local).ok());
    QCOMPARE(hashOf(local), hashOf(remote));

    const VoidResult missing = transport->download(remote + u".missing"_s, local);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(u"No such file"_s), qPrintable(missing.error().message));
    QCOMPARE(hashOf(local), hashOf(remote)); // the earlier copy was not clobbered
}

void tst_SshTransport::directoryWithoutWriteAccess()
{
    // Root may write anywhere; an unprivileged login is the only honest test.
    passwd *user = nullptr;
    setpwent();
    while ((user = getpwent())) {
        if (user->pw_uid >= 1000 && user->pw_uid < 65534 && QByteArray(user->pw_shell).endsWith("sh"))
            break;
    }
    endpwent();
    if (!user || geteuid() != 0)
        QSKIP("needs root and an unprivileged user with a login shell");
    const QString userName = QString::fromLocal8Bit(user->pw_name);

    SshdFixture server;
    // Without PAM, sshd refuses accounts whose password is locked, as service accounts often are.
    server.setExtraConfig(u"UsePAM yes\n"_s);
    QVERIFY(server.authorizeKey(QString::fromUtf8(readFile(m_ed25519Path + u".pub"_s))));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QTemporaryDir readOnly;
    QVERIFY(::chmod(QFile::encodeName(readOnly.path()).constData(), 0755) == 0);
    SshCredentials c = credentials(m_ed25519);
    c.username = userName;
    c.port = server.port();
    SshTransport transport(c, HostKeyPolicy{server.hostKeyFingerprint(), false});
    const VoidResult connectedResult = transport.connect();
    QVERIFY2(connectedResult.ok(), qPrintable(connectedResult ? QString() : connectedResult.error().message));
    const QString source = QDir(m_dir.path()).filePath(u"small.bin"_s);
    QVERIFY(writeRandomFile(source, 100000));
    for (auto method : {SshTransport::UploadMethod::ExecStream, SshTransport::UploadMethod::Sftp}) {
        transport.setUploadMethod(method);
        const VoidResult result = transport.upload(source, QDir(readOnly.path()).filePath(u"file.bin"_s));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(u"Permission denied"_s), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(readOnly.path()), qPrintable(result.error().message));
    }
    QCOMPARE(QDir(readOnly.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(tst_SshTransport)
#include "tst_sshtransport.moc"
