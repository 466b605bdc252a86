#include "model/store/taskrows.h"

#include "model/store/repositorysupport.h"

#include <QJsonDocument>

namespace Cuttle {

VoidResult TaskRows::insert(const QSqlDatabase &db, const StoreContext &context, Task &task,
                            const QDateTime &queueTimeExpiry)
{
    if (task.kind.trimmed().isEmpty())
        return Error::validation(StoreSupport::tr("A task needs a kind."), QStringLiteral("kind"));
    auto id = StoreSupport::nextId(db, QStringLiteral("ServerTasks"));
    if (!id)
        return id.error();
    task.id = *id;
    task.createdAt = QDateTime::currentDateTimeUtc();
    task.createdBy = context.actor;
    SqlQuery q(db, QStringLiteral(
        "INSERT INTO tasks(id, space_id, kind, description, state, arguments, concurrency_tag, queue_time, "
        "queue_time_expiry, created_at, created_by, started_at, completed_at, error_message, has_warnings, "
        "owner_process) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(task.id).bindOptional(task.spaceId).bind(task.kind).bind(task.description).bind(toString(task.state))
        .bind(QString::fromUtf8(QJsonDocument(task.arguments).toJson(QJsonDocument::Compact)))
        .bind(task.concurrencyTag).bind(task.queueTime).bind(queueTimeExpiry).bind(task.createdAt)
        .bind(task.createdBy).bind(task.startedAt).bind(task.completedAt).bind(task.errorMessage)
        .bind(task.hasWarnings).bind(task.ownerProcess);
    return q.exec();
}

} // namespace Cuttle
