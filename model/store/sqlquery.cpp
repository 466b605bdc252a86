#include "model/store/sqlquery.h"

#include "model/store/sqlerror.h"

#include <QSqlError>

namespace Cuttle {

SqlQuery::SqlQuery(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
    , m_sql(sql)
    , m_databasePath(db.databaseName())
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    // A null QString would be bound as SQL NULL; text columns want an empty string.
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        m_query.addBindValue(QString(QLatin1String("")));
    else
        m_query.addBindValue(value);
    return *this;
}

SqlQuery &SqlQuery::bind(const QDateTime &value)
{
    return bind(value.isValid() ? QVariant(toStoredTime(value)) : QVariant());
}

SqlQuery &SqlQuery::bindOptional(const QString &value)
{
    return bind(value.isEmpty() ? QVariant() : QVariant(value));
}

VoidResult SqlQuery::exec()
{
    if (!m_prepared || !m_query.exec())
        return sqlError(m_query.lastError(), m_databasePath);
    return {};
}

Result<bool> SqlQuery::execAndNext()
{
    if (auto r = exec(); !r)
        return r.error();
    return m_query.next();
}

QDateTime SqlQuery::dateTime(int column) const
{
    return fromStoredTime(m_query.value(column).toString());
}

QString toStoredTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStoredTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace Cuttle
