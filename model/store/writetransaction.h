#pragma once

#include "model/core/result.h"

#include <QSqlDatabase>

namespace Cuttle {

/// A write transaction begun with BEGIN IMMEDIATE: it takes SQLite's write lock at the
/// start (waiting up to the busy timeout), so a read-then-write inside it can never fail
/// with "database is locked" halfway. Rolls back unless committed.
class WriteTransaction final
{
public:
    static Result<WriteTransaction> begin(const QSqlDatabase &db);
    WriteTransaction(WriteTransaction &&other) noexcept;
    WriteTransaction &operator=(WriteTransaction &&) = delete;
    WriteTransaction(const WriteTransaction &) = delete;
    ~WriteTransaction();

    VoidResult commit();

private:
    explicit WriteTransaction(const QSqlDatabase &db) : m_db(db) {}
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace Cuttle
