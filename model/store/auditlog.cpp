#include "model/store/auditlog.h"

#include "model/core/auditdiff.h"
#include "model/store/sqlquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cuttle {
namespace {

QString changesToJson(const QList<AuditChange> &changes)
{
    QJsonArray array;
    for (const AuditChange &change : changes) {
        QJsonObject object{{QStringLiteral("field"), change.field}};
        if (change.secret) {
            object.insert(QStringLiteral("secret"), true);
        } else {
            object.insert(QStringLiteral("before"), change.before);
            object.insert(QStringLiteral("after"), change.after);
        }
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<AuditChange> changesFromJson(const QString &text)
{
    QList<AuditChange> changes;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        changes.append({object.value(QStringLiteral("field")).toString(),
                        object.value(QStringLiteral("before")).toString(),
                        object.value(QStringLiteral("after")).toString(),
                        object.value(QStringLiteral("secret")).toBool()});
    }
    return changes;
}

} // namespace

VoidResult AuditLog::record(const QSqlDatabase &db, const StoreContext &context, const QString &spaceId,
                            const QString &action, const QString &documentKind,
                            const QString &documentId, const QString &documentName,
                            const QVariantMap &before, const QVariantMap &after,
                            const QSet<QString> &secretFields)
{
    AuditEvent event;
    event.occurredAt = QDateTime::currentDateTimeUtc();
    event.username = context.actor;
    event.spaceId = spaceId;
    event.action = action;
    event.documentKind = documentKind;
    event.documentId = documentId;
    event.documentName = documentName;
    event.changes = AuditDiff::between(before, after, secretFields);
    return record(db, event);
}

VoidResult AuditLog::record(const QSqlDatabase &db, const AuditEvent &event)
{
    SqlQuery query(db, QStringLiteral(
        "INSERT INTO audit_events(occurred_at, username, space_id, action, document_kind, "
        "document_id, document_name, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.bind(event.occurredAt)
        .bind(event.username)
        .bindOptional(event.spaceId)
        .bind(event.action)
        .bind(event.documentKind)
        .bind(event.documentId)
        .bind(event.documentName)
        .bind(changesToJson(event.changes));
    return query.exec();
}

Result<QList<AuditEvent>> AuditLog::list(const QString &documentId, int limit) const
{
    auto db = m_context.database->connection();
    if (!db)
        return db.error();
    SqlQuery query(*db, QStringLiteral(
        "SELECT id, occurred_at, username, space_id, action, document_kind, document_id, "
        "document_name, changes FROM audit_events WHERE (? = '' OR document_id = ?) "
        "ORDER BY id DESC LIMIT ?"));
    query.bind(documentId).bind(documentId).bind(limit);
    if (auto r = query.exec(); !r)
        return r.error();
    QList<AuditEvent> events;
    while (query.next()) {
        AuditEvent event;
        event.id = query.integer64(0);
        event.occurredAt = query.dateTime(1);
        event.username = query.text(2);
        event.spaceId = query.text(3);
        event.action = query.text(4);
        event.documentKind = query.text(5);
        event.documentId = query.text(6);
        event.documentName = query.text(7);
        event.changes = changesFromJson(query.text(8));
        events.append(event);
    }
    return events;
}

} // namespace Cuttle
