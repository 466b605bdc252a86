#pragma once

#include "model/core/result.h"
#include "model/store/sqlquery.h"
#include "model/store/storecontext.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace Cuttle::StoreSupport {

// Pieces every repository shares, so each one is only about its own tables.

/// Hands out the next "<prefix>-<n>" id; call inside a write transaction.
Result<QString> nextId(const QSqlDatabase &db, const QString &prefix);

/// Runs `work` inside one write transaction on this thread's connection and commits if
/// it succeeds; nothing is kept when it fails.
VoidResult write(const StoreContext &context, const std::function<VoidResult(const QSqlDatabase &)> &work);

/// This thread's connection for reads.
Result<QSqlDatabase> read(const StoreContext &context);

/// A Conflict error when another record of `table` in the space already has this name
/// (case-insensitive); `what` names the kind of record in the sentence.
VoidResult ensureUniqueName(const QSqlDatabase &db, const QString &table, const QString &scopeColumn,
                            const QString &scopeValue, const QString &name, const QString &excludeId,
                            const QString &what);

/// Replaces the rows of a link table (`owner_column` = ownerId) by one row per value.
VoidResult replaceLinks(const QSqlDatabase &db, const QString &table, const QString &ownerColumn,
                        const QString &ownerId, const QString &valueColumn, const QStringList &values,
                        bool withSortOrder = false);

/// Values of a link table for one owner, in sort order when the table has one.
Result<QStringList> links(const QSqlDatabase &db, const QString &table, const QString &ownerColumn,
                          const QString &ownerId, const QString &valueColumn, bool withSortOrder = false);

/// Count of rows of `table` where `column` = value (for "in use" checks).
Result<int> count(const QSqlDatabase &db, const QString &table, const QString &column, const QString &value);

QString tr(const char *text);

/// Runs `sql` with `values` bound in order and maps every row with `fromRow`.
template<typename T, typename FromRow>
Result<QList<T>> fetchAll(const QSqlDatabase &db, const QString &sql, const QVariantList &values, FromRow fromRow)
{
    SqlQuery q(db, sql);
    for (const QVariant &value : values)
        q.bind(value);
    if (auto r = q.exec(); !r)
        return r.error();
    QList<T> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

/// Like fetchAll for one row; NotFound with `missing` when there is none.
template<typename T, typename FromRow>
Result<T> fetchOne(const QSqlDatabase &db, const QString &sql, const QVariantList &values, FromRow fromRow,
                   const QString &missing)
{
    SqlQuery q(db, sql);
    for (const QVariant &value : values)
        q.bind(value);
    auto row = q.execAndNext();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(missing);
    return fromRow(q);
}

} // namespace Cuttle::StoreSupport
