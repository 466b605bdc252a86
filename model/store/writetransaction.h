#pragma once

#include "model/core/result.h"

#include <QSqlDatabase>

namespace Cuttle {

/// A write transaction begun with BEGIN IMMEDIATE: it takes SQLite's write lock at the
/// start (waiting up to the busy timeout), so a read-then-write inside it can never fail
/// with "database is locked" halfway. Rolls back unless committed.
///
/// Transactions nest on a connection: one begun while another is open on the same
/// connection is a savepoint inside it, so a unit of work that calls several repositories
/// (an import, a release with its keychain copies) commits or rolls back as a whole.
class WriteTransaction final
{
public:
    static Result<WriteTransaction> begin(const QSqlDatabase &db);

    WriteTransaction(WriteTransaction &&other) noexcept;
    WriteTransaction &operator=(WriteTransaction &&) = delete;
    WriteTransaction(const WriteTransaction &) = delete;
    ~WriteTransaction();

    VoidResult commit();
    /// 0 for the outermost transaction of the connection, 1 for a savepoint inside it, ...
    int level() const { return m_level; }

private:
    WriteTransaction(const QSqlDatabase &db, int level) : m_db(db), m_level(level) {}
    void end();

    QSqlDatabase m_db;
    int m_level = 0;
    bool m_active = false;
};

} // namespace Cuttle
