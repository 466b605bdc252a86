#include "model/engine/workspacesession.h"

#include "model/store/taskqueue.h"

#include <QSemaphore>

namespace Cuttle {

WorkspaceSession::WorkspaceSession(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
{
    m_thread.setObjectName(QStringLiteral("cuttle-store"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    // Tasks a crashed Cuttle left running end as interrupted, and their target locks are freed,
    // before the console shows any of them.
    QMetaObject::invokeMethod(m_worker, [workspace = m_workspace]() {
        (void)TaskQueue(workspace->context()).recover();
    }, Qt::QueuedConnection);
}

WorkspaceSession::~WorkspaceSession()
{
    m_thread.quit();
    m_thread.wait();
}

void WorkspaceSession::setCurrentSpace(const QString &spaceId, const QString &spaceName)
{
    m_currentSpaceName = spaceName;
    if (m_currentSpaceId == spaceId)
        return;
    m_currentSpaceId = spaceId;
    emit currentSpaceChanged(spaceId);
}

void WorkspaceSession::waitForIdle()
{
    QSemaphore done;
    QMetaObject::invokeMethod(m_worker, [&done]() { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

} // namespace Cuttle
