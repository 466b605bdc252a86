#pragma once

#include "model/core/result.h"
#include "model/packages/archiveentry.h"
#include "model/packages/packagefilestore.h"
#include "model/store/packagerepository.h"
#include "model/store/storecontext.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>

namespace Cuttle {

/// The built-in package repository of one space: package files under
/// `<workspace>/packages/<space id>/` and their records in the database, kept in step.
///
/// A push writes the file first (to a temporary file renamed into place) and the record
/// second, and a delete removes the record first and the file second, so a crash can only
/// ever leave a file without a record, never a record pointing at a half-written file.
/// checkConsistency() finds what a crash left behind: a file without a record is removed
/// (its push never reported success, so nobody relies on it, and the uploader and metadata
/// it would need are gone); a record without a file is removed; stale partial files are removed.
/// Pushes, deletes and checks of a space take a lock file in its folder, so processes
/// sharing the workspace never interleave them.
class BuiltinRepository final
{
public:
    enum class PushOutcome { Added, Unchanged, Replaced };

    struct PushResult
    {
        PushOutcome outcome = PushOutcome::Added;
        PackageRepository::Record record;
    };

    /// How a caller follows and stops a long push (a multi-gigabyte file) from another thread.
    struct PushControl
    {
        /// Set from any thread to stop the push: it then fails as Cancelled, its temporary file
        /// is removed and the repository stays as it was. Once the file is in place it is too late.
        const std::atomic<bool> *cancel = nullptr;
        /// Called on the pushing thread with the bytes read so far and the file's size; it may
        /// run for every block, so it must be cheap (store a number, do not emit signals).
        std::function<void(qint64 done, qint64 total)> progress;
    };

    /// What a retention run removes, and what it keeps only because releases use it.
    struct RetentionPlan
    {
        QList<PackageRepository::Record> expired;
        QList<PackageRepository::Record> keptInUse;
    };

    struct ConsistencyReport
    {
        QStringList filesWithoutRecord;   ///< relative paths
        QStringList recordsWithoutFile;   ///< package display names
        int stalePartialFiles = 0;        ///< counted only when repairing
        bool repaired = false;
        bool isConsistent() const { return filesWithoutRecord.isEmpty() && recordsWithoutFile.isEmpty(); }
    };

    /// `packagesDirectory` is Workspace::packagesDirectory(); each space has its own folder in it.
    BuiltinRepository(StoreContext context, const QString &packagesDirectory, const QString &spaceId);

    /// The folder of this space's package files.
    QString fileDirectory() const { return m_files.rootDirectory(); }

    /// Pushes a package file. An id and version already present is a Conflict unless
    /// `replace`; the identical file (same SHA-256) again is a success that changes nothing.
    /// Replacing a version that a release uses is refused.
    /// The Conflict of a version present with other content names the field "replace", so a
    /// caller can tell it from other conflicts and offer to replace.
    Result<PushResult> push(const QString &file, bool replace = false) { return push(file, replace, PushControl()); }
    Result<PushResult> push(const QString &file, bool replace, const PushControl &control);
    /// Removes record and file; refused while a release uses the version.
    Result<PackageRepository::Record> remove(const QString &packageId, const QString &version);
    /// Removes packages uploaded more than `days` days before `now` that no release uses;
    /// returns what was removed.
    Result<QList<PackageRepository::Record>> applyRetention(int days, const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// What applyRetention() would remove now, without removing anything (a dry run).
    Result<RetentionPlan> planRetention(int days, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// The versions of a package inside `range` (NuGet interval notation, empty for all) whose
    /// pre-release tag matches `tagRegex` (empty for all), newest first: the rule channels use.
    Result<QList<PackageRepository::Record>> versions(const QString &packageId, const QString &range = {},
                                                      const QString &tagRegex = {}) const;
    /// The entries inside a stored package archive.
    Result<QList<ArchiveEntry>> entries(const QString &packageId, const QString &version) const;
    /// Absolute path of a record's file.
    QString absolutePath(const PackageRepository::Record &record) const;

    /// Compares files and records. With `repair`, removes files without records, records
    /// without files and partial files of interrupted pushes. Only files older than `grace`
    /// count, so a push running in another process at that moment is left alone.
    Result<ConsistencyReport> checkConsistency(bool repair,
                                               std::chrono::seconds grace = std::chrono::minutes(10));

    PackageRepository &records() { return m_records; }

private:
    StoreContext m_context;
    QString m_spaceId;
    PackageFileStore m_files;
    PackageRepository m_records;
};

} // namespace Cuttle
