#include "tests/support/sshdfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Cuttle::Test {

namespace {

QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // The command name may contain spaces and parentheses: fields start after the last ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            children.append(pid);
    }
    return children;
}

QString commandName(qint64 pid)
{
    QFile comm(u"/proc/%1/comm"_s.arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(comm.readAll().trimmed());
}

/// The sshd processes below pid (connections and their privilege-separated children).
void collectSshd(qint64 pid, QList<qint64> &found)
{
    for (qint64 child : childrenOf(pid)) {
        if (commandName(child) == u"sshd"_s) {
            found.append(child);
            collectSshd(child, found);
        }
    }
}

bool runTool(const QString &program, const QStringList &arguments, QString *error, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error) {
            *error = program + u" failed: "_s + QString::fromLocal8Bit(process.readAllStandardError())
                + process.errorString();
        }
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

quint16 freePort()
{
    // Plain sockets: the support library does not link QtNetwork.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

} // namespace

SshdFixture::SshdFixture()
{
    // sshd reads authorized_keys as the logged-in user, who may not be root in every test.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
}

SshdFixture::~SshdFixture()
{
    stop();
}

bool SshdFixture::generateKey(const QString &path, const QString &type, const QString &passphrase, bool pem,
                              QString *error)
{
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    QStringList arguments{u"-q"_s, u"-t"_s, type, u"-N"_s, passphrase, u"-C"_s, u"cuttle-test"_s, u"-f"_s, path};
    if (type == u"rsa"_s)
        arguments << u"-b"_s << u"2048"_s;
    if (pem)
        arguments << u"-m"_s << u"PEM"_s;
    if (!runTool(u"ssh-keygen"_s, arguments, error))
        return false;
    ::chmod(QFile::encodeName(path).constData(), 0600);
    return true;
}

QString SshdFixture::fingerprintOf(const QString &publicKeyPath)
{
    QByteArray output;
    if (!runTool(u"ssh-keygen"_s, {u"-lf"_s, publicKeyPath}, nullptr, &output))
        return {};
    const QList<QByteArray> fields = output.split(' ');
    return fields.size() > 1 ? QString::fromLatin1(fields.at(1)) : QString();
}

bool SshdFixture::writeConfig()
{
    const QDir dir(m_dir.path());
    QFile config(dir.filePath(u"sshd_config"_s));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // sshd keeps the first value it reads for a keyword, so extra lines go first.
    const QString text = m_extraConfig + u"Port %1\n"
                         "ListenAddress 127.0.0.1\n"
                         "HostKey %2\n"
                         "AuthorizedKeysFile %3\n"
                         "StrictModes no\n"
                         "UsePAM no\n"
                         "PasswordAuthentication no\n"
                         "KbdInteractiveAuthentication no\n"
                         "PubkeyAuthentication yes\n"
                         "PermitRootLogin prohibit-password\n"
                         "Subsystem sftp internal-sftp\n"
                         "PidFile none\n"
                         "UseDNS no\n"
                         "PrintMotd no\n"
                         "MaxStartups 200\n"
                         "MaxSessions 100\n"
                         "LogLevel INFO\n"_s.arg(m_port)
                             .arg(dir.filePath(u"host_key"_s), dir.filePath(u"authorized_keys"_s));
    return config.write(text.toUtf8()) == text.toUtf8().size();
}

bool SshdFixture::start(QString *error)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        if (error)
            *error = u"no temporary directory"_s;
        return false;
    }
    const QDir dir(m_dir.path());
    const QString hostKey = dir.filePath(u"host_key"_s);
    if (!QFile::exists(hostKey)) {
        if (!generateKey(hostKey, m_hostKeyType, {}, false, error))
            return false;
        m_fingerprint = fingerprintOf(hostKey + u".pub"_s);
    }
    QFile authorized(dir.filePath(u"authorized_keys"_s));
    if (!authorized.exists() && authorized.open(QIODevice::WriteOnly))
        authorized.close();
    ::chmod(QFile::encodeName(authorized.fileName()).constData(), 0644);
    if (::geteuid() == 0)
        QDir().mkpath(u"/run/sshd"_s); // the privilege separation directory

    const bool keepPort = m_port != 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!keepPort)
            m_port = freePort();
        if (launch(error))
            return true;
    }
    return false;
}

bool SshdFixture::launch(QString *error)
{
    if (!writeConfig()) {
        if (error)
            *error = u"cannot write sshd_config"_s;
        return false;
    }
    const QString logPath = QDir(m_dir.path()).filePath(u"sshd.log"_s);
    QFile::remove(logPath);
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A log file, not a pipe: nobody reads a pipe during a test, and a full one would stall sshd.
    m_process->setStandardErrorFile(logPath);
    m_process->start(u"/usr/sbin/sshd"_s,
                     {u"-D"_s, u"-e"_s, u"-f"_s, QDir(m_dir.path()).filePath(u"sshd_config"_s)});
    if (!m_process->waitForStarted(10000)) {
        if (error)
            *error = u"sshd did not start: "_s + m_process->errorString();
        m_process.reset();
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (log().contains(u"Server listening on"_s))
            return true;
        if (m_process->waitForFinished(10))
            break;
    }
    if (error)
        *error = u"sshd did not listen: "_s + log();
    stop();
    return false;
}

bool SshdFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 SshdFixture::listenerPid() const
{
    return m_process ? m_process->processId() : 0;
}

void SshdFixture::stop()
{
    if (!m_process)
        return;
    QList<qint64> connections;
    if (isRunning())
        collectSshd(m_process->processId(), connections);
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    for (qint64 pid : connections)
        ::kill(pid_t(pid), SIGTERM);
    m_process.reset();
}

void SshdFixture::killAbruptly()
{
    if (!isRunning())
        return;
    QList<qint64> processes;
    collectSshd(m_process->processId(), processes);
    ::kill(pid_t(m_process->processId()), SIGKILL);
    for (qint64 pid : processes)
        ::kill(pid_t(pid), SIGKILL);
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool SshdFixture::restartWithNewHostKey(const QString &keyType, QString *error)
{
    stop();
    m_hostKeyType = keyType;
    const QString hostKey = QDir(m_dir.path()).filePath(u"host_key"_s);
    if (!generateKey(hostKey, keyType, {}, false, error))
        return false;
    m_fingerprint = fingerprintOf(hostKey + u".pub"_s);
    return start(error);
}

bool SshdFixture::authorizeKey(const QString &publicKeyLine)
{
    QFile file(QDir(m_dir.path()).filePath(u"authorized_keys"_s));
    if (!file.open(QIODevice::Append))
        return false;
    const QByteArray line = publicKeyLine.trimmed().toUtf8() + '\n';
    return file.write(line) == line.size();
}

QString SshdFixture::log() const
{
    QFile file(QDir(m_dir.path()).filePath(u"sshd.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll());
}

} // namespace Cuttle::Test
