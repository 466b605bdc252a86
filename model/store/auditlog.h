#pragma once

#include "model/core/auditevent.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QSqlDatabase>
#include <QVariantMap>

namespace Cuttle {

/// Writes audit events inside the caller's transaction, and reads them back.
class AuditLog final
{
public:
    explicit AuditLog(StoreContext context) : m_context(std::move(context)) {}

    /// Records a create (before empty), update or delete (after empty) of a document.
    static VoidResult record(const QSqlDatabase &db, const StoreContext &context,
                             const QString &spaceId, const QString &action,
                             const QString &documentKind, const QString &documentId,
                             const QString &documentName, const QVariantMap &before,
                             const QVariantMap &after, const QSet<QString> &secretFields = {});
    static VoidResult record(const QSqlDatabase &db, const AuditEvent &event);

    /// Newest first; documentId filters to one record when not empty.
    Result<QList<AuditEvent>> list(const QString &documentId = {}, int limit = 200) const;

private:
    StoreContext m_context;
};

} // namespace Cuttle
