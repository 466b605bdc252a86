#include "model/store/database.h"

#include "model/store/migrations.h"
#include "model/store/sqlerror.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>
#include <QThread>

namespace Cuttle {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Store", text);
}

std::atomic<quint64> s_nextSerial{1};

// The connections this thread opened, removed when the thread ends.
struct ThreadConnections
{
    QHash<quint64, QString> names;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names)) {
            if (QSqlDatabase::contains(name))
                QSqlDatabase::removeDatabase(name);
        }
    }
};

ThreadConnections &threadConnections()
{
    thread_local ThreadConnections connections;
    return connections;
}

VoidResult exec(QSqlDatabase &db, const QString &sql, const QString &path)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(query.lastError(), path);
    return {};
}

Result<int> readUserVersion(QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(query.lastError(), path);
    return query.value(0).toInt();
}

VoidResult applyMigration(QSqlDatabase &db, const Migration &migration, const QString &path)
{
    // IMMEDIATE takes the write lock up front, so two processes opening the same new
    // workspace do not both run the migration: the second waits, then sees it done.
    if (auto r = exec(db, QStringLiteral("BEGIN IMMEDIATE"), path); !r)
        return r;
    auto version = readUserVersion(db, path);
    if (!version) {
        (void)exec(db, QStringLiteral("ROLLBACK"), path);
        return version.error();
    }
    if (*version >= migration.version)
        return exec(db, QStringLiteral("COMMIT"), path);
    for (const QString &statement : migration.statements) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            const Error error = sqlError(query.lastError(), path);
            (void)exec(db, QStringLiteral("ROLLBACK"), path);
            return Error::failed(tr("Upgrading the workspace database to schema %1 (%2) failed: %3")
                                     .arg(migration.version)
                                     .arg(migration.description, error.message));
        }
    }
    if (auto r = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version), path); !r) {
        (void)exec(db, QStringLiteral("ROLLBACK"), path);
        return r;
    }
    return exec(db, QStringLiteral("COMMIT"), path);
}

} // namespace

Database::Database(const QString &path)
    : m_path(path)
    , m_serial(s_nextSerial++)
{
}

Database::~Database()
{
    auto &connections = threadConnections();
    const QString name = connections.names.take(m_serial);
    if (!name.isEmpty() && QSqlDatabase::contains(name))
        QSqlDatabase::removeDatabase(name);
}

Result<std::shared_ptr<Database>> Database::open(const QString &path, bool create, int targetVersion)
{
    const QFileInfo info(path);
    if (!info.exists() && !create)
        return Error::notFound(tr("There is no workspace database at %1.").arg(path));
    if (info.exists() && !info.isFile())
        return Error::failed(tr("%1 is not a file, so it cannot be a workspace database.").arg(path));

    std::shared_ptr<Database> database(new Database(info.absoluteFilePath()));
    auto connection = database->connection();
    if (!connection)
        return connection.error();
    QSqlDatabase db = *connection;

    auto version = readUserVersion(db, path);
    if (!version)
        return version.error();
    const int latest = latestSchemaVersion();
    if (*version > latest) {
        return Error::failed(tr("The workspace database %1 was written by a newer version of Cuttle "
                                "(schema %2; this version knows up to %3); it was left untouched.")
                                 .arg(path)
                                 .arg(*version)
                                 .arg(latest));
    }
    // WAL is a property of the file, so it is set once here rather than per connection.
    {
        QSqlQuery wal(db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return sqlError(wal.lastError(), path);
        // An unfinished statement would make the migrations' COMMIT fail.
        wal.finish();
    }

    const int target = targetVersion < 0 ? latest : targetVersion;
    for (const Migration &migration : allMigrations()) {
        if (migration.version <= *version || migration.version > target)
            continue;
        if (auto r = applyMigration(db, migration, path); !r)
            return r.error();
    }
    return database;
}

Result<QSqlDatabase> Database::connection() const
{
    auto &connections = threadConnections();
    const auto it = connections.names.constFind(m_serial);
    if (it != connections.names.cend())
        return QSqlDatabase::database(*it, false);
    const QString name = QStringLiteral("cuttle-%1-%2")
                             .arg(m_serial)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    auto opened = openConnection(name);
    if (opened)
        connections.names.insert(m_serial, name);
    return opened;
}

Result<QSqlDatabase> Database::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        const Error error = sqlError(db.lastError(), m_path);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return error;
    }
    const QStringList pragmas{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
    for (const QString &pragma : pragmas) {
        if (auto r = exec(db, pragma, m_path); !r) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return r.error();
        }
    }
    return db;
}

int Database::schemaVersion() const
{
    auto db = connection();
    if (!db)
        return -1;
    return readUserVersion(*db, m_path).valueOr(-1);
}

} // namespace Cuttle
