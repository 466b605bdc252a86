#pragma once

#include "model/core/result.h"
#include "model/packages/extractionlimits.h"
#include "model/packages/storedpackage.h"
#include "model/packages/storedpackagefile.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>

class QIODevice;

namespace Cuttle {

/// The file half of the built-in package repository (`<workspace>/packages/`): stores each
/// package as `<id>/<id>.<version>.<ext>`, written to a temporary file in the same folder,
/// hashed while copied, checked, and renamed into place only when complete. Ids compare
/// case-insensitively and versions semantically, so each package version is stored once.
class PackageFileStore final
{
public:
    struct PushOptions
    {
        /// Overwrite a stored file of the same id and version (in any format).
        bool replace = false;
        /// Flush the file to disk before it becomes visible under its final name.
        bool sync = true;
        const std::atomic<bool> *cancel = nullptr;
        ExtractionLimits limits;
    };

    explicit PackageFileStore(const QString &rootDirectory);

    QString rootDirectory() const { return m_root; }

    /// Pushes a file; its name gives the package id, version and format.
    Result<StoredPackage> push(const QString &sourceFile, const PushOptions &options);
    Result<StoredPackage> push(const QString &sourceFile) { return push(sourceFile, PushOptions()); }
    /// Pushes a stream (an upload, a pipe) read until its end under the given file name.
    Result<StoredPackage> push(QIODevice *source, const QString &fileName, const PushOptions &options);

    /// The stored file of this id and version, if any.
    std::optional<StoredPackageFile> find(const PackageFileName &name) const;
    /// Removes the stored file of this id and version; NotFound when there is none.
    VoidResult remove(const PackageFileName &name);
    /// Removes one file by its path relative to the repository folder (for orphans).
    VoidResult removeFile(const QString &relativePath);
    /// Every stored file; unfinished temporary files are not listed.
    QList<StoredPackageFile> files() const;
    /// Deletes temporary files left by pushes that never finished (a crash); returns how many.
    int removeStalePartialFiles(const QDateTime &olderThan);

private:
    QString directoryFor(const QString &packageId) const;

    QString m_root;
};

} // namespace Cuttle
