#pragma once

#include "model/core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Cuttle {

/// A prepared statement with positional parameters whose failures come back as
/// user-facing Errors rather than QSqlError.
class SqlQuery final
{
public:
    SqlQuery(const QSqlDatabase &db, const QString &sql);

    SqlQuery &bind(const QVariant &value);
    SqlQuery &bind(const QString &value) { return bind(QVariant(value.isNull() ? QString(QLatin1String("")) : value)); }
    SqlQuery &bind(const char16_t *value) { return bind(QVariant(QString::fromUtf16(value))); }
    SqlQuery &bind(bool value) { return bind(QVariant(value ? 1 : 0)); }
    SqlQuery &bind(int value) { return bind(QVariant(value)); }
    SqlQuery &bind(qint64 value) { return bind(QVariant(value)); }
    SqlQuery &bind(const QDateTime &value);
    /// Binds NULL for an empty string (optional foreign keys).
    SqlQuery &bindOptional(const QString &value);

    VoidResult exec();
    bool next() { return m_query.next(); }
    /// Runs the query and reports whether it produced a row.
    Result<bool> execAndNext();
    int rowsAffected() const { return m_query.numRowsAffected(); }

    QString text(int column) const { return m_query.value(column).toString(); }
    int integer(int column) const { return m_query.value(column).toInt(); }
    qint64 integer64(int column) const { return m_query.value(column).toLongLong(); }
    bool boolean(int column) const { return m_query.value(column).toInt() != 0; }
    bool isNull(int column) const { return m_query.value(column).isNull(); }
    QDateTime dateTime(int column) const;
    QVariant value(int column) const { return m_query.value(column); }

private:
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
    QString m_databasePath;
};

/// Timestamps are stored as ISO 8601 UTC with milliseconds, which sorts as text.
QString toStoredTime(const QDateTime &time);
QDateTime fromStoredTime(const QString &text);

} // namespace Cuttle
