#pragma once

#include "model/core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <memory>

namespace Cuttle {

/// The workspace's SQLite database. Each thread gets its own named connection (QtSql
/// connections must not cross threads); all run in WAL mode with foreign keys on and a
/// busy timeout, so two threads or processes writing at once wait instead of failing.
class Database final
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if asked) the database at `path` and brings its schema up to
    /// `targetVersion` (default: the latest). A database from a newer Cuttle is refused and
    /// left untouched; so is a file that is not a database.
    static Result<std::shared_ptr<Database>> open(const QString &path, bool create = true,
                                                  int targetVersion = -1);

    QString path() const { return m_path; }
    /// This thread's connection, opened on first use.
    Result<QSqlDatabase> connection() const;
    int schemaVersion() const;

    /// How long a writer waits for another one before giving up.
    static constexpr int busyTimeoutMs = 10000;

private:
    explicit Database(const QString &path);
    Result<QSqlDatabase> openConnection(const QString &name) const;

    QString m_path;
    quint64 m_serial;
};

} // namespace Cuttle
