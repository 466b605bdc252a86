#include "model/store/workspace.h"

#include "model/store/repositorysupport.h"
#include "model/store/sqlquery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace Cuttle {
using namespace StoreSupport;

namespace {
const QString kDatabaseFile = QStringLiteral("cuttle.db");
}

QString Workspace::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Workspace::resolveDirectory(const QString &explicitDirectory)
{
    if (!explicitDirectory.isEmpty())
        return QDir(explicitDirectory).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("CUTTLE_WORKSPACE");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return defaultDirectory();
}

bool Workspace::exists(const QString &directory)
{
    return QFileInfo::exists(QDir(directory).filePath(kDatabaseFile));
}

Result<std::shared_ptr<Workspace>> Workspace::open(const QString &directory, OpenMode mode)
{
    const QString absolute = QDir(directory).absolutePath();
    const QFileInfo info(absolute);
    if (info.exists() && !info.isDir())
        return Error::failed(tr("The workspace location %1 is a file, not a folder.").arg(absolute));
    if (mode == OpenMode::OpenExisting && !exists(absolute))
        return Error::notFound(tr("There is no Cuttle workspace in %1; create one with \"cuttlectl workspace init\".").arg(absolute));
    if (!QDir().mkpath(absolute))
        return Error::failed(tr("The workspace folder %1 cannot be created; check that its parent folder is writable.").arg(absolute));
    {
        // Permission bits do not tell the whole story (read-only mounts, ACLs): try it.
        QTemporaryFile probe(QDir(absolute).filePath(QStringLiteral(".write-test-XXXXXX")));
        if (!probe.open())
            return Error::failed(tr("The workspace folder %1 is not writable.").arg(absolute));
    }
    auto database = Database::open(QDir(absolute).filePath(kDatabaseFile), true);
    if (!database)
        return database.error();
    for (const QString &sub : {QStringLiteral("packages"), QStringLiteral("logs")}) {
        if (!QDir(absolute).mkpath(sub))
            return Error::failed(tr("The folder %1 cannot be created in the workspace.").arg(sub));
    }
    std::shared_ptr<Workspace> workspace(new Workspace);
    workspace->m_directory = absolute;
    workspace->m_database = *database;
    auto id = workspace->setting(QStringLiteral("workspace.id"));
    if (!id)
        return id.error();
    workspace->m_id = *id;
    return workspace;
}

QString Workspace::databasePath() const
{
    return QDir(m_directory).filePath(kDatabaseFile);
}

QString Workspace::packagesDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("packages"));
}

QString Workspace::logsDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("logs"));
}

StoreContext Workspace::context(const QString &actor) const
{
    return StoreContext{m_database, actor.isEmpty() ? StoreContext::operatingSystemUser() : actor};
}

Result<QString> Workspace::setting(const QString &key, const QString &fallback) const
{
    auto db = m_database->connection();
    if (!db)
        return db.error();
    SqlQuery q(*db, QStringLiteral("SELECT value FROM workspace_settings WHERE key = ?"));
    q.bind(key);
    auto row = q.execAndNext();
    if (!row)
        return row.error();
    return *row ? q.text(0) : fallback;
}

VoidResult Workspace::setSetting(const QString &key, const QString &value)
{
    return write(context(), [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("INSERT INTO workspace_settings(key, value) VALUES (?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.bind(key).bind(value);
        return q.exec();
    });
}

} // namespace Cuttle
