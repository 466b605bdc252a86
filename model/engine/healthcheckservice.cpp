#include "model/engine/healthcheckservice.h"

#include "model/store/machinepolicyrepository.h"
#include "model/store/targetrepository.h"
#include "model/transport/healthcheck.h"
#include "model/transport/healthcheckoptions.h"
#include "model/transport/healthreport.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QThreadPool>

namespace Cuttle {
namespace {

struct Job
{
    std::optional<TargetConnector::Plan> plan;
    std::optional<Error> planError;
    bool unsupported = false;
    HealthCheckOptions options;
};

} // namespace

HealthCheckService::HealthCheckService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
{
}

QList<TargetHealthReport> HealthCheckService::check(const QList<DeploymentTarget> &targets, const Options &options,
                                                    const Progress &progress, const std::atomic<bool> *cancelled)
{
    const std::atomic<bool> neverCancelled{false};
    const std::atomic<bool> &stop = cancelled ? *cancelled : neverCancelled;

    // The database and the keychain are read here, on the calling thread; workers get plain values.
    TargetConnector connector(m_workspace, m_secrets);
    MachinePolicyRepository policies(m_workspace->context());
    QHash<QString, bool> connectionOnlyByPolicy;
    QList<Job> jobs(targets.size());
    QList<TargetHealthReport> reports(targets.size());
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const DeploymentTarget &target = targets.at(i);
        reports[i].targetId = target.id;
        reports[i].targetName = target.name;
        Job &job = jobs[i];
        job.unsupported = target.kind == TargetKind::WinRm || target.kind == TargetKind::OfflineDrop;
        auto plan = connector.plan(target, options.acceptNewHostKeys);
        if (!plan) {
            job.planError = plan.error();
            continue;
        }
        job.plan = *plan;
        const QString policyKey = target.machinePolicyId.isEmpty() ? target.spaceId + u"/default" : target.machinePolicyId;
        if (!connectionOnlyByPolicy.contains(policyKey)) {
            auto policy = target.machinePolicyId.isEmpty() ? policies.defaultPolicy(target.spaceId) : policies.get(target.machinePolicyId);
            connectionOnlyByPolicy.insert(policyKey, policy ? policy->connectionTestOnly : false);
        }
        job.options.connectionTestOnly = connectionOnlyByPolicy.value(policyKey);
        job.options.rootDirectory = target.kind == TargetKind::Local ? QString() : target.directory;
        job.options.connectTimeoutMs = std::max(1, target.connectTimeoutSeconds) * 1000;
    }

    QMutex mutex;
    QMutex logMutex;
    const auto log = [&](const QString &targetId, const QString &line) {
        if (!options.log)
            return;
        QMutexLocker locker(&logMutex);
        options.log(targetId, line);
    };
    QSet<Transport *> active;
    int done = 0;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, options.maxParallel));
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        pool.start([&, i] {
            const Job &job = jobs.at(i);
            TargetHealthReport report = reports.at(i);
            if (job.planError) {
                report.status = job.unsupported ? HealthStatus::Unknown : HealthStatus::Unavailable;
                report.message = job.planError->message;
                report.checkedAt = QDateTime::currentDateTimeUtc();
            } else if (stop.load()) {
                report.message = tr("The health check was cancelled.");
            } else {
                std::unique_ptr<Transport> transport = TargetConnector::createTransport(*job.plan);
                Transport *raw = transport.get();
                {
                    QMutexLocker locker(&mutex);
                    active.insert(raw);
                    // A cancel that came before registration must still reach this transport.
                    if (stop.load())
                        raw->cancel();
                }
                if (raw)
                    log(report.targetId, tr("Connecting to %1…").arg(raw->targetDescription()));
                auto connection = TargetConnector::connect(std::move(transport), *job.plan,
                                                           QDeadlineTimer(job.options.connectTimeoutMs));
                report.hostKey = connection.hostKey;
                report.offeredFingerprint = connection.offeredFingerprint;
                if (!connection.ok()) {
                    report.status = stop.load() ? HealthStatus::Unknown : HealthStatus::Unavailable;
                    report.message = connection.error->message;
                    report.logLines << connection.error->message;
                    report.checkedAt = QDateTime::currentDateTimeUtc();
                } else {
                    log(report.targetId, job.options.connectionTestOnly
                                             ? tr("Connected. The machine policy asks for a connection test only.")
                                             : tr("Connected. Checking the tools and the free space…"));
                    const HealthReport checked = HealthCheck::check(*connection.transport, job.options);
                    for (const QString &line : checked.logLines)
                        log(report.targetId, line);
                    report.status = stop.load() ? HealthStatus::Unknown : checked.status;
                    report.message = checked.messages.join(u' ');
                    report.logLines << checked.logLines;
                    report.checkedAt = checked.checkedAt.isValid() ? checked.checkedAt : QDateTime::currentDateTimeUtc();
                }
                QMutexLocker locker(&mutex);
                active.remove(raw);
                connection.transport.reset();
            }
            if (report.status != HealthStatus::Unknown || !report.message.isEmpty())
                log(report.targetId, report.message.isEmpty() ? tr("Health: %1.").arg(displayName(report.status))
                                                              : tr("Health: %1. %2").arg(displayName(report.status), report.message));
            QMutexLocker locker(&mutex);
            reports[i] = report;
            ++done;
            if (progress)
                progress(done, int(jobs.size()), report);
        });
    }
    bool cancelSent = false;
    while (!pool.waitForDone(20)) {
        if (stop.load() && !cancelSent) {
            QMutexLocker locker(&mutex);
            for (Transport *transport : std::as_const(active))
                transport->cancel();
            cancelSent = true;
        }
    }

    TargetRepository repository(m_workspace->context());
    for (TargetHealthReport &report : reports) {
        if (report.hostKey == TargetConnector::Connection::HostKey::AcceptedNew && !report.offeredFingerprint.isEmpty()) {
            if (auto pinned = connector.pinHostKey(report.targetId, report.offeredFingerprint))
                report.hostKeyPinned = true;
            else
                report.message = pinned.error().message;
        }
        if (report.status != HealthStatus::Unknown)
            report.recorded = repository.recordHealth(report.targetId, report.status, report.message, report.checkedAt).ok();
    }
    return reports;
}

} // namespace Cuttle
