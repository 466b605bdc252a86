#include "model/store/taskrepository.h"

#include "model/store/taskrows.h"

#include "model/store/repositorysupport.h"
#include "model/store/sqlerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kTaskColumns = QStringLiteral(
    "id, space_id, kind, description, state, arguments, concurrency_tag, queue_time, created_at, created_by, "
    "started_at, completed_at, error_message, has_pending_interruptions, has_warnings, owner_process");

Task taskFromRow(const SqlQuery &q)
{
    Task t;
    t.id = q.text(0);
    t.spaceId = q.text(1);
    t.kind = q.text(2);
    t.description = q.text(3);
    t.state = taskStateFromString(q.text(4)).value_or(TaskState::Failed);
    t.arguments = QJsonDocument::fromJson(q.text(5).toUtf8()).object();
    t.concurrencyTag = q.text(6);
    t.queueTime = q.dateTime(7);
    t.createdAt = q.dateTime(8);
    t.createdBy = q.text(9);
    t.startedAt = q.dateTime(10);
    t.completedAt = q.dateTime(11);
    t.errorMessage = q.text(12);
    t.hasPendingInterruptions = q.boolean(13);
    t.hasWarnings = q.boolean(14);
    t.ownerProcess = q.text(15);
    return t;
}

const QString kNodeColumns = QStringLiteral("id, task_id, parent_id, sort_order, kind, name, status, started_at, ended_at");

TaskLogNode nodeFromRow(const SqlQuery &q)
{
    TaskLogNode n;
    n.id = q.integer64(0);
    n.taskId = q.text(1);
    n.parentId = q.isNull(2) ? 0 : q.integer64(2);
    n.sortOrder = q.integer(3);
    n.kind = q.text(4);
    n.name = q.text(5);
    n.status = taskLogStatusFromString(q.text(6)).value_or(TaskLogStatus::Pending);
    n.startedAt = q.dateTime(7);
    n.endedAt = q.dateTime(8);
    return n;
}

VoidResult expectOneRow(const SqlQuery &q, const QString &missing)
{
    if (q.rowsAffected() == 0)
        return Error::notFound(missing);
    return {};
}

QString missingTask(const QString &id)
{
    return tr("There is no task \"%1\".").arg(id);
}

} // namespace

Result<Task> TaskRepository::create(Task task)
{
    auto written = write(m_context, [&](const QSqlDatabase &db) { return TaskRows::insert(db, m_context, task); });
    if (!written)
        return written.error();
    return task;
}

Result<Task> TaskRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<Task>(*db, u"SELECT " + kTaskColumns + u" FROM tasks WHERE id = ?", {id}, &taskFromRow, missingTask(id));
}

Result<QList<Task>> TaskRepository::list(const QString &spaceId, int offset, int limit) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    QString sql = u"SELECT " + kTaskColumns + u" FROM tasks";
    QVariantList values;
    if (!spaceId.isEmpty()) {
        sql += QStringLiteral(" WHERE space_id = ?");
        values << spaceId;
    }
    // rowid breaks ties between tasks created in the same millisecond.
    sql += QStringLiteral(" ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?");
    values << (limit > 0 ? limit : -1) << std::max(0, offset);
    return fetchAll<Task>(*db, sql, values, &taskFromRow);
}

Result<int> TaskRepository::count(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    if (spaceId.isEmpty()) {
        SqlQuery q(*db, QStringLiteral("SELECT COUNT(*) FROM tasks"));
        auto row = q.execAndNext();
        if (!row)
            return row.error();
        return q.integer(0);
    }
    return StoreSupport::count(*db, QStringLiteral("tasks"), QStringLiteral("space_id"), spaceId);
}

VoidResult TaskRepository::start(const QString &taskId)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("UPDATE tasks SET state = ?, started_at = ?, owner_process = ? WHERE id = ?"));
        q.bind(toString(TaskState::Executing)).bind(QDateTime::currentDateTimeUtc()).bind(currentProcessOwner()).bind(taskId);
        if (auto r = q.exec(); !r)
            return r;
        return expectOneRow(q, missingTask(taskId));
    });
}

VoidResult TaskRepository::setState(const QString &taskId, TaskState state)
{
    if (isFinished(state))
        return complete(taskId, state);
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("UPDATE tasks SET state = ? WHERE id = ?"));
        q.bind(toString(state)).bind(taskId);
        if (auto r = q.exec(); !r)
            return r;
        return expectOneRow(q, missingTask(taskId));
    });
}

VoidResult TaskRepository::complete(const QString &taskId, TaskState state, const QString &errorMessage, bool hasWarnings)
{
    if (!isFinished(state))
        return Error::validation(tr("A task cannot complete as \"%1\".").arg(toString(state)), QStringLiteral("state"));
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral(
            "UPDATE tasks SET state = ?, completed_at = ?, error_message = ?, has_warnings = ?, "
            "started_at = COALESCE(started_at, ?) WHERE id = ?"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        q.bind(toString(state)).bind(now).bind(errorMessage).bind(hasWarnings).bind(now).bind(taskId);
        if (auto r = q.exec(); !r)
            return r;
        return expectOneRow(q, missingTask(taskId));
    });
}

Result<QList<TaskLogNode>> TaskRepository::addNodes(const QList<TaskLogNode> &nodes)
{
    QList<TaskLogNode> added = nodes;
    auto written = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        for (TaskLogNode &node : added) {
            SqlQuery q(db, QStringLiteral(
                "INSERT INTO task_log_nodes(task_id, parent_id, sort_order, kind, name, status, started_at, ended_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
            q.bind(node.taskId).bind(node.parentId > 0 ? QVariant(node.parentId) : QVariant()).bind(node.sortOrder)
                .bind(node.kind).bind(node.name).bind(toString(node.status)).bind(node.startedAt).bind(node.endedAt);
            auto row = q.execAndNext();
            if (!row)
                return row.error();
            node.id = q.integer64(0);
        }
        return {};
    });
    if (!written)
        return written.error();
    return added;
}

Result<TaskLogNode> TaskRepository::addNode(const TaskLogNode &node)
{
    auto added = addNodes({node});
    if (!added)
        return added.error();
    return added->constFirst();
}

VoidResult TaskRepository::setNodeStatus(qint64 nodeId, TaskLogStatus status)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        SqlQuery q(db, QStringLiteral(
            "UPDATE task_log_nodes SET status = ?, "
            "started_at = CASE WHEN started_at IS NULL AND ? THEN ? ELSE started_at END, "
            "ended_at = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?"));
        const bool finished = isFinished(status);
        q.bind(toString(status)).bind(status != TaskLogStatus::Pending).bind(now).bind(finished).bind(now).bind(nodeId);
        if (auto r = q.exec(); !r)
            return r;
        return expectOneRow(q, tr("There is no task log node %1.").arg(nodeId));
    });
}

Result<QList<TaskLogNode>> TaskRepository::nodes(const QString &taskId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<TaskLogNode>(*db, u"SELECT " + kNodeColumns + u" FROM task_log_nodes WHERE task_id = ? ORDER BY sort_order, id",
                                 {taskId}, &nodeFromRow);
}

VoidResult TaskRepository::appendLines(const QList<TaskLogLine> &lines)
{
    if (lines.isEmpty())
        return {};
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        // One statement prepared once and run per line: SQLite's per-row cost is small, while
        // multi-row VALUES lists make the driver's parameter lookup quadratic.
        QSqlQuery insert(db);
        if (!insert.prepare(QStringLiteral("INSERT INTO task_log_lines(task_id, node_id, at, category, text) VALUES (?, ?, ?, ?, ?)")))
            return sqlError(insert.lastError(), db.databaseName());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const TaskLogLine &line : lines) {
            insert.bindValue(0, line.taskId);
            insert.bindValue(1, line.nodeId > 0 ? QVariant(line.nodeId) : QVariant());
            insert.bindValue(2, toStoredTime(line.at.isValid() ? line.at : now));
            insert.bindValue(3, toString(line.category));
            insert.bindValue(4, line.text.isNull() ? QString(QLatin1String("")) : line.text);
            if (!insert.exec())
                return sqlError(insert.lastError(), db.databaseName());
        }
        return {};
    });
}

Result<QList<TaskLogLine>> TaskRepository::linesAfter(const QString &taskId, qint64 afterLineId, int limit) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<TaskLogLine>(
        *db,
        QStringLiteral("SELECT id, task_id, node_id, at, category, text FROM task_log_lines "
                       "WHERE task_id = ? AND id > ? ORDER BY id LIMIT ?"),
        {taskId, afterLineId, limit > 0 ? limit : -1}, [](const SqlQuery &q) {
            TaskLogLine line;
            line.id = q.integer64(0);
            line.taskId = q.text(1);
            line.nodeId = q.isNull(2) ? 0 : q.integer64(2);
            line.at = q.dateTime(3);
            line.category = taskLogCategoryFromString(q.text(4)).value_or(TaskLogCategory::Info);
            line.text = q.text(5);
            return line;
        });
}

Result<QStringList> TaskRepository::markInterrupted(const std::function<bool(const QString &)> &ownerAlive)
{
    QStringList changed;
    auto written = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto running = fetchAll<std::pair<QString, std::pair<QString, QString>>>(
            db, QStringLiteral("SELECT id, state, owner_process FROM tasks WHERE state IN ('Executing', 'Cancelling')"), {},
            [](const SqlQuery &q) { return std::pair{q.text(0), std::pair{q.text(1), q.text(2)}}; });
        if (!running)
            return running.error();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString message = tr("The task was interrupted: the Cuttle process running it ended before it finished.");
        for (const auto &[id, stateAndOwner] : std::as_const(*running)) {
            if (ownerAlive && ownerAlive(stateAndOwner.second))
                continue;
            const bool cancelling = stateAndOwner.first == toString(TaskState::Cancelling);
            SqlQuery task(db, QStringLiteral("UPDATE tasks SET state = ?, completed_at = ?, error_message = ? WHERE id = ?"));
            task.bind(toString(cancelling ? TaskState::Canceled : TaskState::Failed)).bind(now).bind(message).bind(id);
            if (auto r = task.exec(); !r)
                return r;
            SqlQuery nodes(db, QStringLiteral(
                "UPDATE task_log_nodes SET status = CASE status WHEN 'Running' THEN ? ELSE ? END, ended_at = ? "
                "WHERE task_id = ? AND status IN ('Pending', 'Running')"));
            nodes.bind(toString(cancelling ? TaskLogStatus::Canceled : TaskLogStatus::Failed))
                .bind(toString(TaskLogStatus::Canceled)).bind(now).bind(id);
            if (auto r = nodes.exec(); !r)
                return r;
            SqlQuery line(db, QStringLiteral("INSERT INTO task_log_lines(task_id, node_id, at, category, text) VALUES (?, NULL, ?, ?, ?)"));
            line.bind(id).bind(now).bind(toString(TaskLogCategory::Error)).bind(message);
            if (auto r = line.exec(); !r)
                return r;
            changed << id;
        }
        return {};
    });
    if (!written)
        return written.error();
    return changed;
}

QString TaskRepository::currentProcessOwner()
{
    return QSysInfo::machineHostName() + u':' + QString::number(QCoreApplication::applicationPid());
}

bool TaskRepository::isOwnerAlive(const QString &ownerProcess)
{
    const qsizetype colon = ownerProcess.lastIndexOf(u':');
    if (colon < 0)
        return false; // never started by a process that recorded itself
    if (ownerProcess.left(colon) != QSysInfo::machineHostName())
        return true; // another machine's process cannot be checked from here
    bool isNumber = false;
    const qint64 pid = ownerProcess.mid(colon + 1).toLongLong(&isNumber);
    if (!isNumber || pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return true;
#endif
}

} // namespace Cuttle
