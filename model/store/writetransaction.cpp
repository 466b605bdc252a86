#include "model/store/writetransaction.h"

#include "model/store/sqlerror.h"

#include <QHash>
#include <QSqlQuery>

namespace Cuttle {

namespace {

// Connections are per thread (Database hands each thread its own), so the nesting depth
// of each connection is too.
thread_local QHash<QString, int> t_depth;

QString savepoint(int level)
{
    return QStringLiteral("cuttle_%1").arg(level);
}

} // namespace

Result<WriteTransaction> WriteTransaction::begin(const QSqlDatabase &db)
{
    const int level = t_depth.value(db.connectionName());
    WriteTransaction transaction(db, level);
    QSqlQuery query(db);
    const QString statement = level == 0 ? QStringLiteral("BEGIN IMMEDIATE") : u"SAVEPOINT " + savepoint(level);
    if (!query.exec(statement))
        return sqlError(query.lastError(), db.databaseName());
    transaction.m_active = true;
    t_depth[db.connectionName()] = level + 1;
    return transaction;
}

WriteTransaction::WriteTransaction(WriteTransaction &&other) noexcept
    : m_db(other.m_db)
    , m_level(other.m_level)
    , m_active(other.m_active)
{
    other.m_active = false;
}

WriteTransaction::~WriteTransaction()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    if (m_level == 0) {
        query.exec(QStringLiteral("ROLLBACK"));
    } else {
        query.exec(u"ROLLBACK TO SAVEPOINT " + savepoint(m_level));
        query.exec(u"RELEASE SAVEPOINT " + savepoint(m_level));
    }
    end();
}

void WriteTransaction::end()
{
    m_active = false;
    if (int &depth = t_depth[m_db.connectionName()]; depth > 0)
        --depth;
}

VoidResult WriteTransaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(m_level == 0 ? QStringLiteral("COMMIT") : u"RELEASE SAVEPOINT " + savepoint(m_level)))
        return sqlError(query.lastError(), m_db.databaseName());
    end();
    return {};
}

} // namespace Cuttle
