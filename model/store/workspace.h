#pragma once

#include "model/core/result.h"
#include "model/store/database.h"
#include "model/store/storecontext.h"

#include <memory>

namespace Cuttle {

/// A workspace folder: cuttle.db, packages/ and logs/. Opening it brings the database
/// schema up to date (or refuses a newer one).
class Workspace final
{
public:
    enum class OpenMode { OpenExisting, OpenOrCreate };

    static Result<std::shared_ptr<Workspace>> open(const QString &directory, OpenMode mode = OpenMode::OpenOrCreate);

    /// The folder used when neither --workspace nor CUTTLE_WORKSPACE says otherwise.
    static QString defaultDirectory();
    /// `explicitDirectory` (from --workspace) if given, else CUTTLE_WORKSPACE, else the default.
    static QString resolveDirectory(const QString &explicitDirectory);
    static bool exists(const QString &directory);

    QString directory() const { return m_directory; }
    QString databasePath() const;
    QString packagesDirectory() const;
    QString logsDirectory() const;
    /// A random id recorded at creation; names this workspace's secrets in the keychain.
    QString id() const { return m_id; }
    std::shared_ptr<Database> database() const { return m_database; }
    /// Repositories acting as `actor` (default: the operating-system user).
    StoreContext context(const QString &actor = {}) const;

    Result<QString> setting(const QString &key, const QString &fallback = {}) const;
    VoidResult setSetting(const QString &key, const QString &value);

private:
    Workspace() = default;
    QString m_directory;
    QString m_id;
    std::shared_ptr<Database> m_database;
};

} // namespace Cuttle
