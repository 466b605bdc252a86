#pragma once

#include "model/core/result.h"
#include "model/engine/deploy/remotefiles.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Cuttle {

class Transport;

/// The files a package step changes in place on a target (variable substitution, then structured
/// configuration): each set read once, from what the extracting command sent along when it could
/// (RemoteFiles::prefetchScript()), changed locally one convention after the other, and written
/// back together: along with the next script's command (ScriptBootstrap::storeFilesFirst()) or
/// by store(). A set that fails changes nothing.
class PackageFileChanges final
{
    Q_DECLARE_TR_FUNCTIONS(PackageFileChanges)

public:
    /// Changes the local copy at localPath; returns whether it changed anything.
    using Change = std::function<Result<bool>(const QString &localPath, const QString &relativePath)>;

    PackageFileChanges(Transport &transport, const QString &directory);
    ~PackageFileChanges();

    /// What `patterns` matched right after extraction, for apply() with the same set and patterns.
    void setPrefetched(const QString &set, const QStringList &patterns, const QList<RemoteFiles::File> &files);
    struct Applied
    {
        int matched = 0;                  ///< files the patterns matched
        bool readWithExtraction = false;  ///< read by the extracting command, not by a command of their own
    };
    /// Runs `change` on a local copy of each file the patterns match, as earlier apply() calls
    /// left it. A set read along with the extraction is used when its patterns are these,
    /// otherwise the files are read from the target.
    Result<Applied> apply(const QString &set, const QStringList &patterns, const Change &change);
    /// The changed files not written back yet.
    const QList<RemoteFiles::File> &pending() const { return m_changed; }
    /// pending() went along with another command (ScriptBootstrap::storeFilesFirst()), or is
    /// dropped because the step failed.
    void forgetPending() { m_changed.clear(); }
    /// Writes back every pending file (nothing to do: no command).
    VoidResult store();

private:
    /// The file a relative path names, for telling the same file apart from different spellings.
    QString keyOf(const QString &relativePath) const;

    Transport &m_transport;
    QString m_directory;
    struct Prefetched
    {
        QStringList patterns;
        QList<RemoteFiles::File> files;
    };
    QHash<QString, Prefetched> m_prefetched;
    QList<RemoteFiles::File> m_changed; ///< in the order first changed, one entry per file (keyOf())
    std::unique_ptr<QTemporaryDir> m_scratch;
    int m_copies = 0;
};

} // namespace Cuttle
