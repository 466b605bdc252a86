#pragma once

#include "model/core/result.h"
#include "model/packages/archiveentry.h"
#include "model/packages/extractionlimits.h"
#include "model/packages/extractionoptions.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace Cuttle {

/// A zip or tar package file on disk, read as a stream through libarchive; each call opens
/// the file anew, so one PackageArchive may be used from several threads.
class PackageArchive final
{
public:
    /// displayName is how messages name the package (defaults to the file name).
    explicit PackageArchive(const QString &filePath, const QString &displayName = {});

    QString filePath() const { return m_filePath; }
    QString displayName() const { return m_displayName; }

    /// Every entry's header; fails on a damaged or truncated archive or past limits.maxEntries.
    Result<QList<ArchiveEntry>> entries(const ExtractionLimits &limits = {}) const;
    /// Reads every header and refuses what extraction would refuse (unsafe paths, escaping
    /// links, device files, names that are not UTF-8, too many entries).
    VoidResult verify(const ExtractionLimits &limits = {}) const;

    /// The content of one entry, failing when it is larger than maxSize.
    Result<QByteArray> readEntry(const QString &entryPath, qint64 maxSize) const;
    /// Streams one entry into an open device, failing when it is larger than maxSize.
    VoidResult readEntry(const QString &entryPath, QIODevice *out, qint64 maxSize) const;

    /// Extracts into destination, which must not exist or be an empty directory. Everything is
    /// written to a hidden sibling directory that is renamed into place only when complete,
    /// so a refused or cancelled extraction leaves nothing behind.
    VoidResult extractTo(const QString &destination, const ExtractionOptions &options = {}) const;

private:
    QString m_filePath;
    QString m_displayName;
};

} // namespace Cuttle
