// Transport benchmarks against real sshd instances on 127.0.0.1:
//   connect+auth+`true` per target (goal < 100 ms), upload throughput with hash verification for
//   both upload methods (goal >= 200 MiB/s), health check of 32 targets in parallel (goal < 3 s).
// Usage: bench_transport [--user NAME] [--posix] [connect|upload|health]... (default: all)
// --user logs in as another account (sshd then uses PAM, which accepts accounts with a locked
// password): the login shell's rc files run for every command, so a heavy ~/.bashrc shows up.

#include "model/transport/healthcheck.h"
#include "model/transport/ssh/sshtransport.h"
#include "tests/support/sshdfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray g_key;
QString g_publicKey;
QString g_user;
bool g_posix = false;

SshCredentials credentials(quint16 port)
{
    SshCredentials c;
    c.host = u"127.0.0.1"_s;
    c.port = port;
    c.username = g_user.isEmpty() ? QString::fromLocal8Bit(getpwuid(geteuid())->pw_name) : g_user;
    c.privateKey = g_key;
    return c;
}

std::unique_ptr<SshdFixture> startServer()
{
    auto server = std::make_unique<SshdFixture>();
    if (!g_user.isEmpty())
        server->setExtraConfig(u"UsePAM yes\n"_s);
    server->authorizeKey(g_publicKey);
    QString error;
    if (!server->start(&error)) {
        std::fprintf(stderr, "sshd: %s\n", qPrintable(error));
        std::exit(1);
    }
    return server;
}

/// CPU seconds this process has used, to tell our own cost from waiting on a loaded machine.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// CPU seconds used by the processes below pid, including children they have reaped (the shell,
/// tee and sha256sum of an upload end up in the times of the sshd session process).
double treeCpuSeconds(qint64 pid)
{
    double total = 0;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 15 || fields.at(1).toLongLong() != pid)
            continue;
        const double ticks = double(sysconf(_SC_CLK_TCK));
        total += (fields.at(11).toLongLong() + fields.at(12).toLongLong() + fields.at(13).toLongLong()
                  + fields.at(14).toLongLong()) / ticks;
        total += treeCpuSeconds(entry.toLongLong());
    }
    return total;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void benchConnect()
{
    auto server = startServer();
    std::vector<double> connectMs, runMs, closeMs, totalMs;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer timer;
        timer.start();
        SshTransport transport(credentials(server->port()), HostKeyPolicy{server->hostKeyFingerprint(), false});
        if (!transport.connect().ok()) {
            std::fprintf(stderr, "connect failed\n");
            std::exit(1);
        }
        const double afterConnect = timer.nsecsElapsed() / 1e6;
        RunRequest request;
        request.script = u"true"_s;
        request.shell = g_posix ? RunRequest::Shell::Posix : RunRequest::Shell::Bash;
        if (!transport.run(request).ok())
            std::exit(1);
        const double afterRun = timer.nsecsElapsed() / 1e6;
        transport.close();
        const double afterClose = timer.nsecsElapsed() / 1e6;
        connectMs.push_back(afterConnect);
        runMs.push_back(afterRun - afterConnect);
        closeMs.push_back(afterClose - afterRun);
        totalMs.push_back(afterClose);
    }
    std::printf("connect+auth: median %.1f ms; run `true`: median %.1f ms; close: median %.1f ms; "
                "total per target: median %.1f ms (30 rounds)\n",
                median(connectMs), median(runMs), median(closeMs), median(totalMs));
}

void benchUpload(const QString &directory)
{
    constexpr qint64 size = 256ll << 20;
    const QString source = QDir(directory).filePath(u"payload.bin"_s);
    {
        QFile file(source);
        file.open(QIODevice::WriteOnly);
        QByteArray block(4 << 20, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        for (qint64 written = 0; written < size; written += block.size()) {
            *reinterpret_cast<qint64 *>(block.data()) = written;
            file.write(block);
        }
    }
    auto server = startServer();
    SshTransport transport(credentials(server->port()), HostKeyPolicy{server->hostKeyFingerprint(), false});
    if (!transport.connect().ok())
        std::exit(1);
    QTemporaryDir remote;
    QFile::setPermissions(remote.path(), QFile::permissions(remote.path()) | QFile::WriteOther | QFile::ExeOther);
    for (auto [method, name] : {std::pair{SshTransport::UploadMethod::Sftp, "sftp"},
                                std::pair{SshTransport::UploadMethod::ExecStream, "exec-stream"}}) {
        transport.setUploadMethod(method);
        std::vector<double> rates;
        double cpu = 0;
        double serverCpu = 0;
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer timer;
            timer.start();
            const double cpuBefore = cpuSeconds();
            const double serverBefore = treeCpuSeconds(server->listenerPid());
            const VoidResult result = transport.upload(source, QDir(remote.path()).filePath(u"payload.bin"_s));
            if (!result) {
                std::fprintf(stderr, "%s\n", qPrintable(result.error().message));
                std::exit(1);
            }
            rates.push_back(size / 1048576.0 / (timer.nsecsElapsed() / 1e9));
            cpu += cpuSeconds() - cpuBefore;
            serverCpu += treeCpuSeconds(server->listenerPid()) - serverBefore;
        }
        std::printf("upload %s: median %.0f MiB/s (256 MiB, hash-verified, 3 rounds: %.0f %.0f %.0f); "
                    "CPU per upload: client %.2f s, server side %.2f s\n",
                    name, median(rates), rates[0], rates[1], rates[2], cpu / 3, serverCpu / 3);
    }
}

void benchHealth()
{
    constexpr int count = 32;
    std::vector<std::unique_ptr<SshdFixture>> servers;
    QList<HealthCheck::Job> jobs;
    QTemporaryDir target;
    QFile::setPermissions(target.path(), QFile::permissions(target.path()) | QFile::WriteOther | QFile::ExeOther);
    for (int i = 0; i < count; ++i) {
        servers.push_back(startServer());
        HealthCheck::Job job;
        const SshCredentials c = credentials(servers.back()->port());
        const HostKeyPolicy policy{servers.back()->hostKeyFingerprint(), false};
        job.createTransport = [c, policy] { return std::make_unique<SshTransport>(c, policy); };
        job.options.rootDirectory = target.path();
        job.options.freeSpaceWarningBytes = 1;
        jobs << job;
    }
    for (int round = 0; round < 3; ++round) {
        std::atomic<bool> cancelled{false};
        QElapsedTimer timer;
        timer.start();
        const QList<HealthReport> reports = HealthCheck::checkMany(jobs, count, {}, cancelled);
        const qint64 elapsed = timer.elapsed();
        const int healthy = int(std::count_if(reports.begin(), reports.end(),
                                              [](const HealthReport &r) { return r.status == HealthStatus::Healthy; }));
        std::printf("health check of %d sshd targets in parallel: %lld ms (%d healthy)\n", count, elapsed, healthy);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString keyPath = QDir(dir.path()).filePath(u"id_ed25519"_s);
    if (!SshdFixture::generateKey(keyPath, u"ed25519"_s))
        return 1;
    QFile key(keyPath);
    key.open(QIODevice::ReadOnly);
    g_key = key.readAll();
    QFile pub(keyPath + u".pub"_s);
    pub.open(QIODevice::ReadOnly);
    g_publicKey = QString::fromUtf8(pub.readAll());

    QStringList which = app.arguments().mid(1);
    if (which.size() >= 2 && which.first() == u"--user"_s) {
        g_user = which.at(1);
        which = which.mid(2);
    }
    if (!which.isEmpty() && which.first() == u"--posix"_s) {
        g_posix = true; // `true` runs in the login shell instead of under bash
        which.removeFirst();
    }
    std::printf("logging in as %s\n", g_user.isEmpty() ? "the current user" : qPrintable(g_user));
    if (which.isEmpty())
        which = {u"connect"_s, u"upload"_s, u"health"_s};
    if (which.contains(u"connect"_s))
        benchConnect();
    if (which.contains(u"upload"_s))
        benchUpload(dir.path());
    if (which.contains(u"health"_s))
        benchHealth();
    return 0;
}
