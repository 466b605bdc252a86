#include "model/store/writetransaction.h"

#include "model/store/sqlerror.h"

#include <QSqlQuery>

namespace Cuttle {

Result<WriteTransaction> WriteTransaction::begin(const QSqlDatabase &db)
{
    WriteTransaction transaction(db);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(query.lastError(), db.databaseName());
    transaction.m_active = true;
    return transaction;
}

WriteTransaction::WriteTransaction(WriteTransaction &&other) noexcept
    : m_db(other.m_db)
    , m_active(other.m_active)
{
    other.m_active = false;
}

WriteTransaction::~WriteTransaction()
{
    if (m_active) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK"));
    }
}

VoidResult WriteTransaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const auto error = sqlError(query.lastError(), m_db.databaseName());
        return error;
    }
    m_active = false;
    return {};
}

} // namespace Cuttle
