#include "model/store/repositorysupport.h"

#include "model/store/sqlquery.h"
#include "model/store/writetransaction.h"

#include <QCoreApplication>

namespace Cuttle::StoreSupport {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Store", text);
}

Result<QString> nextId(const QSqlDatabase &db, const QString &prefix)
{
    SqlQuery query(db, QStringLiteral(
        "INSERT INTO id_sequences(prefix, next_value) VALUES (?, 2) "
        "ON CONFLICT(prefix) DO UPDATE SET next_value = next_value + 1 RETURNING next_value - 1"));
    query.bind(prefix);
    auto row = query.execAndNext();
    if (!row)
        return row.error();
    return QString(prefix + u'-' + QString::number(query.integer64(0)));
}

VoidResult write(const StoreContext &context, const std::function<VoidResult(const QSqlDatabase &)> &work)
{
    auto db = context.database->connection();
    if (!db)
        return db.error();
    auto transaction = WriteTransaction::begin(*db);
    if (!transaction)
        return transaction.error();
    if (auto r = work(*db); !r)
        return r;
    return transaction->commit();
}

Result<QSqlDatabase> read(const StoreContext &context)
{
    return context.database->connection();
}

VoidResult ensureUniqueName(const QSqlDatabase &db, const QString &table, const QString &scopeColumn,
                            const QString &scopeValue, const QString &name, const QString &excludeId,
                            const QString &what)
{
    SqlQuery query(db, QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND name = ? COLLATE NOCASE AND id <> ?")
                           .arg(table, scopeColumn));
    query.bind(scopeValue).bind(name).bind(excludeId);
    auto row = query.execAndNext();
    if (!row)
        return row.error();
    if (*row)
        return Error::conflict(tr("The name \"%1\" is already used by another %2.").arg(name, what), QStringLiteral("name"));
    return {};
}

VoidResult replaceLinks(const QSqlDatabase &db, const QString &table, const QString &ownerColumn,
                        const QString &ownerId, const QString &valueColumn, const QStringList &values,
                        bool withSortOrder)
{
    SqlQuery remove(db, QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, ownerColumn));
    remove.bind(ownerId);
    if (auto r = remove.exec(); !r)
        return r;
    int order = 0;
    for (const QString &value : values) {
        const QString sql = withSortOrder
            ? QStringLiteral("INSERT INTO %1(%2, %3, sort_order) VALUES (?, ?, ?)").arg(table, ownerColumn, valueColumn)
            : QStringLiteral("INSERT INTO %1(%2, %3) VALUES (?, ?)").arg(table, ownerColumn, valueColumn);
        SqlQuery insert(db, sql);
        insert.bind(ownerId).bind(value);
        if (withSortOrder)
            insert.bind(order++);
        if (auto r = insert.exec(); !r)
            return r;
    }
    return {};
}

Result<QStringList> links(const QSqlDatabase &db, const QString &table, const QString &ownerColumn,
                          const QString &ownerId, const QString &valueColumn, bool withSortOrder)
{
    SqlQuery query(db, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? ORDER BY %4")
                           .arg(valueColumn, table, ownerColumn,
                                withSortOrder ? QStringLiteral("sort_order") : QStringLiteral("rowid")));
    query.bind(ownerId);
    if (auto r = query.exec(); !r)
        return r.error();
    QStringList values;
    while (query.next())
        values << query.text(0);
    return values;
}

Result<int> count(const QSqlDatabase &db, const QString &table, const QString &column, const QString &value)
{
    SqlQuery query(db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ?").arg(table, column));
    query.bind(value);
    auto row = query.execAndNext();
    if (!row)
        return row.error();
    return query.integer(0);
}

} // namespace Cuttle::StoreSupport
