#include "model/transport/healthcheck.h"

#include "model/transport/shellquote.h"
#include "model/transport/transport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QSet>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString HealthCheck::checkScript(const QString &rootDirectory)
{
    const QString root = rootDirectory.isEmpty() ? u"."_s : rootDirectory;
    return u"root="_s + shellQuote(root) + uR"SH(
echo "os=$(uname -srm 2>/dev/null)"
if [ -r /etc/os-release ]; then echo "distro=$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"')"; fi
if [ -d "$root" ]; then echo "root=yes"; else echo "root=no"; fi
echo "free=$(df -Pk "$root" 2>/dev/null | awk 'NR==2 {print $4}')"
for tool in bash tar sha256sum; do
  if command -v "$tool" >/dev/null 2>&1; then echo "tool.$tool=yes"; else echo "tool.$tool=no"; fi
done
probe="$root/.cuttle-health-$$"
if ( : > "$probe" ) 2>/dev/null; then rm -f "$probe"; echo "writable=yes"; else echo "writable=no"; fi
)SH"_s;
}

HealthReport HealthCheck::check(Transport &transport, const HealthCheckOptions &options)
{
    HealthReport report;
    QElapsedTimer timer;
    timer.start();
    report.logLines << tr("Connecting to %1.").arg(transport.targetDescription());
    if (!transport.isConnected()) {
        const VoidResult connected = transport.connect(QDeadlineTimer(options.connectTimeoutMs));
        if (!connected) {
            report.status = HealthStatus::Unavailable;
            report.messages << connected.error().message;
            report.logLines << connected.error().message;
            report.checkedAt = QDateTime::currentDateTimeUtc();
            return report;
        }
    }
    report.logLines << tr("Connected in %1 ms.").arg(timer.elapsed());
    if (options.connectionTestOnly) {
        report.status = HealthStatus::Healthy;
        report.checkedAt = QDateTime::currentDateTimeUtc();
        return report;
    }

    RunRequest request;
    request.script = checkScript(options.rootDirectory);
    request.shell = RunRequest::Shell::Posix;
    QByteArray out;
    QByteArray err;
    const Result<ExitInfo> exit = transport.run(request, {[&](const QByteArray &c) { out += c; },
                                                          [&](const QByteArray &c) { err += c; }});
    report.checkedAt = QDateTime::currentDateTimeUtc();
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            report.logLines << QString::fromUtf8(line);
    }
    for (const QByteArray &line : err.split('\n')) {
        if (!line.isEmpty())
            report.logLines << QString::fromUtf8(line);
    }
    if (!exit) {
        report.status = exit.error().kind == ErrorKind::Cancelled ? HealthStatus::Unavailable : HealthStatus::Unhealthy;
        report.messages << exit.error().message;
        return report;
    }
    QHash<QString, QString> facts;
    for (const QString &line : std::as_const(report.logLines)) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            facts.insert(line.left(equals), line.mid(equals + 1));
    }
    if (!exit->succeeded() || !facts.contains(u"writable"_s)) {
        report.status = HealthStatus::Unhealthy;
        report.messages << tr("The check script did not complete on %1.").arg(transport.targetDescription());
        return report;
    }
    const QString distro = facts.value(u"distro"_s);
    report.operatingSystem = distro.isEmpty() ? facts.value(u"os"_s) : distro + u" ("_s + facts.value(u"os"_s) + u')';

    const QString root = options.rootDirectory.isEmpty() ? tr("the login directory") : options.rootDirectory;
    bool unhealthy = false;
    bool warnings = false;
    if (facts.value(u"root"_s) != u"yes"_s) {
        unhealthy = true;
        report.messages << tr("The root directory %1 does not exist.").arg(root);
    } else if (facts.value(u"writable"_s) != u"yes"_s) {
        unhealthy = true;
        report.messages << tr("%1 cannot write to the root directory %2.").arg(transport.targetDescription(), root);
    }
    for (const char *tool : {"bash", "tar", "sha256sum"}) {
        if (facts.value(u"tool."_s + QLatin1String(tool)) != u"yes"_s) {
            unhealthy = true;
            report.messages << tr("%1 is not installed on the target.").arg(QLatin1String(tool));
        }
    }
    bool numeric = false;
    const qint64 freeKiB = facts.value(u"free"_s).toLongLong(&numeric);
    if (numeric) {
        report.freeBytes = freeKiB * 1024;
        if (report.freeBytes < options.freeSpaceWarningBytes) {
            warnings = true;
            report.messages << tr("Only %1 are free in %2 (warning below %3).")
                                   .arg(sizeText(report.freeBytes), root, sizeText(options.freeSpaceWarningBytes));
        }
    } else if (facts.value(u"root"_s) == u"yes"_s) {
        warnings = true;
        report.messages << tr("The free space in %1 could not be determined.").arg(root);
    }
    report.status = unhealthy ? HealthStatus::Unhealthy : warnings ? HealthStatus::HasWarnings : HealthStatus::Healthy;
    return report;
}

QList<HealthReport> HealthCheck::checkMany(const QList<Job> &jobs, int maxParallel, const Progress &progress,
                                           const std::atomic<bool> &cancelled)
{
    QList<HealthReport> reports(jobs.size());
    QMutex mutex;
    QSet<Transport *> active;
    int done = 0;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, maxParallel));

    for (int i = 0; i < jobs.size(); ++i) {
        pool.start([&, i] {
            HealthReport report;
            std::unique_ptr<Transport> transport;
            if (!cancelled.load() && jobs.at(i).createTransport)
                transport = jobs.at(i).createTransport();
            if (transport) {
                {
                    QMutexLocker locker(&mutex);
                    active.insert(transport.get());
                    // A cancel that came before registration must still reach this transport.
                    if (cancelled.load())
                        transport->cancel();
                }
                report = check(*transport, jobs.at(i).options);
                QMutexLocker locker(&mutex);
                active.remove(transport.get());
            } else {
                report.checkedAt = QDateTime::currentDateTimeUtc();
                report.messages << (cancelled.load() ? tr("The health check was cancelled.")
                                                     : tr("The target has no transport."));
            }
            transport.reset();
            QMutexLocker locker(&mutex);
            reports[i] = report;
            ++done;
            if (progress)
                progress(done, int(jobs.size()), i, report);
        });
    }
    bool cancelSent = false;
    while (!pool.waitForDone(20)) {
        if (cancelled.load() && !cancelSent) {
            QMutexLocker locker(&mutex);
            for (Transport *transport : std::as_const(active))
                transport->cancel();
            cancelSent = true;
        }
    }
    return reports;
}

} // namespace Cuttle
