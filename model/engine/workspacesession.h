#pragma once

#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace Cuttle {

/// The console's handle on an open workspace. Every database and keychain call runs on
/// one worker thread that the session owns, so the GUI thread never waits for I/O:
/// views call request() and get the result back on their own thread through a callback
/// guarded by a context object. Writes announce themselves through changed(), so every
/// view showing that kind of record reloads.
class WorkspaceSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSession)

public:
    WorkspaceSession(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets,
                     QObject *parent = nullptr);
    ~WorkspaceSession() override;

    std::shared_ptr<Workspace> workspace() const { return m_workspace; }
    std::shared_ptr<SecretStore> secrets() const { return m_secrets; }
    /// The store context for repositories created on the worker thread.
    StoreContext context() const { return m_workspace->context(); }

    QString currentSpaceId() const { return m_currentSpaceId; }
    QString currentSpaceName() const { return m_currentSpaceName; }
    void setCurrentSpace(const QString &spaceId, const QString &spaceName);

    /// Runs `work` on the worker thread, then `done(result)` on `context`'s thread unless
    /// `context` was destroyed meanwhile.
    template<typename R>
    void request(QObject *context, std::function<R()> work, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(m_worker, [guard, work = std::move(work), done = std::move(done)]() {
            R result = work();
            if (!guard)
                return;
            QMetaObject::invokeMethod(guard.data(), [guard, done, result = std::move(result)]() {
                if (guard)
                    done(result);
            }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    }

    /// Like request(), and announces changed(kind) on success, for writes.
    template<typename R>
    void write(QObject *context, const QString &kind, std::function<R()> work, std::function<void(R)> done)
    {
        QPointer<WorkspaceSession> self(this);
        request<R>(context, std::move(work), [self, kind, done = std::move(done)](R result) {
            if (self && result.ok())
                emit self->changed(kind);
            done(result);
        });
    }

    /// Blocks until every request queued so far has run (tests and shutdown only).
    void waitForIdle();

signals:
    /// Records of `kind` ("Environment", "Machine", "Account", ...) changed.
    void changed(const QString &kind);
    void currentSpaceChanged(const QString &spaceId);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    QThread m_thread;
    QObject *m_worker = nullptr;
    QString m_currentSpaceId;
    QString m_currentSpaceName;
};

} // namespace Cuttle
