#include "views/infrastructure/healthcheckcontroller.h"

#include "model/engine/targetconnector.h"
#include "model/engine/workspacesession.h"
#include "model/store/targetrepository.h"

#include <QPointer>
#include <QThread>

#include <utility>

namespace Cuttle {

/// What the checking thread shares with the controller; outlives either side.
struct HealthCheckController::Run
{
    std::atomic<bool> cancelled{false};
    QList<TargetHealthReport> reports;
};

HealthCheckController::HealthCheckController(WorkspaceSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

HealthCheckController::~HealthCheckController()
{
    if (m_thread) {
        m_run->cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool HealthCheckController::start(const QList<DeploymentTarget> &targets)
{
    if (m_thread || targets.isEmpty())
        return false;
    auto run = std::make_shared<Run>();
    m_run = run;
    std::shared_ptr<Workspace> workspace = m_session->workspace();
    std::shared_ptr<SecretStore> secrets = m_session->secrets();
    // The destructor waits for the thread, so `this` outlives every queued progress call's sender;
    // a call still queued when the controller goes is dropped with its event.
    m_thread = QThread::create([this, run, workspace, secrets, targets]() {
        HealthCheckService service(workspace, secrets);
        HealthCheckService::Options options;
        options.log = [this](const QString &targetId, const QString &line) {
            QMetaObject::invokeMethod(this, [this, targetId, line]() { emit logLine(targetId, line); }, Qt::QueuedConnection);
        };
        run->reports = service.check(
            targets, options,
            [this](int done, int total, const TargetHealthReport &report) {
                QMetaObject::invokeMethod(this, [this, done, total, report]() { emit progress(done, total, report); },
                                          Qt::QueuedConnection);
            },
            &run->cancelled);
    });
    m_thread->setObjectName(QStringLiteral("Cuttle health check"));
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread, run]() {
        if (thread != m_thread)
            return;
        thread->deleteLater();
        m_thread = nullptr;
        bool recorded = false;
        for (const TargetHealthReport &report : std::as_const(run->reports))
            recorded = recorded || report.recorded || report.hostKeyPinned;
        if (recorded)
            emit m_session->changed(QStringLiteral("Machine"));
        emit finished(run->reports, run->cancelled.load());
        if (!m_thread && !m_pending.isEmpty())
            start(std::exchange(m_pending, {}));
    });
    emit started(int(targets.size()));
    m_thread->start();
    return true;
}

void HealthCheckController::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void HealthCheckController::pinAndRecheck(const QString &targetId, const QString &fingerprint)
{
    WorkspaceSession *session = m_session;
    m_session->write<Result<DeploymentTarget>>(
        this, QStringLiteral("Machine"),
        [session, targetId, fingerprint]() -> Result<DeploymentTarget> {
            TargetConnector connector(session->workspace(), session->secrets());
            if (auto pinned = connector.pinHostKey(targetId, fingerprint); !pinned)
                return pinned.error();
            return TargetRepository(session->context()).get(targetId);
        },
        [this, targetId](Result<DeploymentTarget> target) {
            if (!target) {
                emit failed(target.error().message);
                return;
            }
            emit hostKeyPinned(targetId);
            if (isRunning())
                m_pending << *target;
            else
                start({*target});
        });
}

} // namespace Cuttle
