#include "model/engine/builtinrepository.h"

#include "model/core/versionrange.h"
#include "model/core/versiontagrule.h"
#include "model/packages/packagearchive.h"
#include "model/packages/packagefilename.h"
#include "model/packages/packageformat.h"
#include "model/core/sha256hash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSet>

#include <algorithm>

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BuiltinRepository", text);
}

bool isMavenRecord(const PackageRepository::Record &record)
{
    for (PackageFormat format : {PackageFormat::Jar, PackageFormat::War, PackageFormat::Ear}) {
        if (record.format == packageFormatName(format))
            return true;
    }
    return false;
}

bool cancelled(const BuiltinRepository::PushControl &control)
{
    return control.cancel && control.cancel->load(std::memory_order_relaxed);
}

Error cancelledError(const QString &path)
{
    return Error::cancelled(tr("The push of “%1” was cancelled.").arg(QFileInfo(path).fileName()));
}

Result<QString> hashFile(const QString &path, const BuiltinRepository::PushControl &control)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(tr("The package file “%1” cannot be opened: %2.")
                                   .arg(QDir::toNativeSeparators(path), file.errorString()));
    const qint64 total = file.size();
    Sha256Hash hash;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        if (cancelled(control))
            return cancelledError(path);
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return Error::failed(tr("The package file “%1” cannot be read: %2.")
                                     .arg(QDir::toNativeSeparators(path), file.errorString()));
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        done += n;
        if (control.progress)
            control.progress(done, total);
    }
    return QString::fromLatin1(hash.result().toHex());
}

// The file store copies from any QIODevice; reading through this one tells the caller how far
// the copy got without the store having to know about progress.
class ProgressFile final : public QFile
{
public:
    ProgressFile(const QString &path, const BuiltinRepository::PushControl &control)
        : QFile(path)
        , m_control(control)
    {
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QFile::readData(data, maxSize);
        if (n > 0) {
            m_done += n;
            if (m_control.progress)
                m_control.progress(m_done, size());
        }
        return n;
    }

private:
    const BuiltinRepository::PushControl &m_control;
    qint64 m_done = 0;
};

bool isPartialFileName(const QString &name)
{
    return name.startsWith(u'.') && name.contains(u".partial-");
}

// Serializes the changes of one space's repository across processes (cuttlectl and the GUI
// at once): without it two pushes of the same version could both write the file and the
// loser, undoing its work, would delete the winner's file.
QString lockFileIn(const QString &directory)
{
    QDir().mkpath(directory);
    return directory + QStringLiteral("/.changes.lock");
}

class ChangeLock final
{
public:
    explicit ChangeLock(const QString &directory)
        : m_file(lockFileIn(directory))
    {
        // Only a lock whose process is gone is stale; a long push must keep its lock.
        m_file.setStaleLockTime(0);
    }
    VoidResult acquire()
    {
        if (m_file.lock())
            return {};
        return Error::failed(tr("The package repository folder “%1” cannot be locked.")
                                 .arg(QDir::toNativeSeparators(QFileInfo(m_file.fileName()).path())));
    }

private:
    QLockFile m_file;
};

} // namespace

BuiltinRepository::BuiltinRepository(StoreContext context, const QString &packagesDirectory, const QString &spaceId)
    : m_context(context)
    , m_spaceId(spaceId)
    // Each space has its own folder because the same id and version may exist in two spaces.
    , m_files(packagesDirectory + u'/' + spaceId)
    , m_records(std::move(context))
{
}

QString BuiltinRepository::absolutePath(const PackageRepository::Record &record) const
{
    return m_files.rootDirectory() + u'/' + record.filePath;
}

Result<BuiltinRepository::PushResult> BuiltinRepository::push(const QString &file, bool replace, const PushControl &control)
{
    const QFileInfo info(file);
    if (info.isDir())
        return Error::validation(tr("“%1” is a folder; only package files can be pushed.").arg(info.fileName()));
    auto name = PackageFileName::parse(info.fileName());
    if (!name)
        return name.error();
    if (cancelled(control))
        return cancelledError(file);
    ChangeLock lock(m_files.rootDirectory());
    if (auto locked = lock.acquire(); !locked)
        return locked.error();
    auto existing = m_records.find(m_spaceId, name->packageId(), name->versionText());
    if (!existing && existing.error().kind != ErrorKind::NotFound)
        return existing.error();

    if (existing) {
        auto sha = hashFile(file, control);
        if (!sha)
            return sha.error();
        const bool fileStored = QFileInfo::exists(absolutePath(*existing));
        if (*sha == existing->sha256 && fileStored)
            return PushResult{PushOutcome::Unchanged, *existing};
        if (!replace && fileStored) {
            return Error::conflict(tr("Package %1 is already in the repository with different content; replace it explicitly to overwrite it.")
                                       .arg(existing->displayName()),
                                   QStringLiteral("replace"));
        }
        auto used = m_records.releaseCount(m_spaceId, existing->packageId, existing->version);
        if (!used)
            return used.error();
        if (*used > 0) {
            return Error::conflict((*used == 1 ? tr("Package %1 cannot be replaced while %2 release uses it.")
                                               : tr("Package %1 cannot be replaced while %2 releases use it."))
                                       .arg(existing->displayName(), QString::number(*used)));
        }
    }

    // Overwriting is also right without a record: such a file is what an interrupted push left.
    PackageFileStore::PushOptions options;
    options.replace = true;
    options.cancel = control.cancel;
    ProgressFile source(file, control);
    if (!source.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return Error::notFound(tr("The package file “%1” cannot be opened: %2.")
                                   .arg(QDir::toNativeSeparators(file), source.errorString()));
    }
    auto stored = m_files.push(&source, info.fileName(), options);
    if (!stored)
        return stored.error();

    PackageRepository::Record record;
    record.spaceId = m_spaceId;
    record.packageId = stored->name.packageId();
    record.version = stored->name.versionText();
    record.format = packageFormatName(stored->name.format());
    record.size = stored->size;
    record.sha256 = stored->sha256;
    record.filePath = stored->relativePath;
    record.uploadedAt = QDateTime::currentDateTimeUtc();
    record.uploadedBy = m_context.actor;
    if (stored->metadata) {
        record.title = stored->metadata->title;
        record.authors = stored->metadata->authors;
        record.description = stored->metadata->description;
        record.releaseNotes = stored->metadata->releaseNotes;
    }

    if (existing) {
        record.id = existing->id;
        auto saved = m_records.replace(record);
        if (!saved)
            return saved.error();
        return PushResult{PushOutcome::Replaced, *saved};
    }
    auto saved = m_records.insert(record);
    if (!saved) {
        // Nobody was told the push worked, so the file must not stay without its record.
        (void)m_files.removeFile(stored->relativePath);
        return saved.error();
    }
    return PushResult{PushOutcome::Added, *saved};
}

Result<PackageRepository::Record> BuiltinRepository::remove(const QString &packageId, const QString &version)
{
    ChangeLock lock(m_files.rootDirectory());
    if (auto locked = lock.acquire(); !locked)
        return locked.error();
    auto record = m_records.find(m_spaceId, packageId, version);
    if (!record)
        return record.error();
    if (auto removed = m_records.remove(record->id); !removed)
        return removed.error();
    // The record goes first: a crash in between leaves only a file, which the check removes.
    if (auto gone = m_files.removeFile(record->filePath); !gone && gone.error().kind != ErrorKind::NotFound)
        return gone.error();
    return record;
}

Result<BuiltinRepository::RetentionPlan> BuiltinRepository::planRetention(int days, const QDateTime &now) const
{
    if (days < 0)
        return Error::validation(tr("The number of days to keep packages cannot be negative."));
    auto all = m_records.list(m_spaceId);
    if (!all)
        return all.error();
    const QDateTime cutoff = now.addDays(-days);
    RetentionPlan plan;
    for (const PackageRepository::Record &record : std::as_const(*all)) {
        if (record.uploadedAt >= cutoff)
            continue;
        auto used = m_records.releaseCount(m_spaceId, record.packageId, record.version);
        if (!used)
            return used.error();
        (*used > 0 ? plan.keptInUse : plan.expired) << record;
    }
    return plan;
}

Result<QList<PackageRepository::Record>> BuiltinRepository::applyRetention(int days, const QDateTime &now)
{
    auto plan = planRetention(days, now);
    if (!plan)
        return plan.error();
    QList<PackageRepository::Record> removed;
    for (const PackageRepository::Record &record : std::as_const(plan->expired)) {
        // remove() checks the releases again inside its transaction, so a release created
        // since the plan still keeps its package.
        auto gone = remove(record.packageId, record.version);
        if (!gone) {
            if (gone.error().kind == ErrorKind::Conflict || gone.error().kind == ErrorKind::NotFound)
                continue;
            return gone.error();
        }
        removed << *gone;
    }
    return removed;
}

Result<QList<PackageRepository::Record>> BuiltinRepository::versions(const QString &packageId, const QString &range,
                                                                     const QString &tagRegex) const
{
    auto all = m_records.list(m_spaceId, packageId);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return Error::notFound(tr("There is no package %1 in the built-in repository.").arg(packageId));
    auto tagRule = VersionTagRule::parse(tagRegex);
    if (!tagRule)
        return tagRule.error();
    const bool maven = isMavenRecord(all->constFirst());
    auto versionRange = range.trimmed().isEmpty()
        ? Result<VersionRange>(VersionRange())
        : (maven ? VersionRange::parseMaven(range) : VersionRange::parse(range));
    if (!versionRange)
        return versionRange.error();

    QList<PackageRepository::Record> result;
    for (const PackageRepository::Record &record : std::as_const(*all)) {
        const auto semantic = SemanticVersion::parse(record.version);
        if (isMavenRecord(record)) {
            const auto mavenVersion = MavenVersion::parse(record.version);
            if (!mavenVersion || !versionRange->contains(*mavenVersion))
                continue;
            // Maven versions have no pre-release tag unless they also read as semantic versions.
            if (!(semantic ? tagRule->matches(*semantic) : tagRule->matchesTag(QString())))
                continue;
        } else {
            if (!semantic || !versionRange->contains(*semantic) || !tagRule->matches(*semantic))
                continue;
        }
        result << record;
    }
    return result; // list() already sorts newest first
}

Result<QList<ArchiveEntry>> BuiltinRepository::entries(const QString &packageId, const QString &version) const
{
    auto record = m_records.find(m_spaceId, packageId, version);
    if (!record)
        return record.error();
    const QString path = absolutePath(*record);
    if (!QFileInfo::exists(path))
        return Error::notFound(tr("The file of package %1 is missing from the repository folder.").arg(record->displayName()));
    return PackageArchive(path, record->displayName()).entries();
}

Result<BuiltinRepository::ConsistencyReport> BuiltinRepository::checkConsistency(bool repair, std::chrono::seconds grace)
{
    ChangeLock lock(m_files.rootDirectory());
    if (auto locked = lock.acquire(); !locked)
        return locked.error();
    auto all = m_records.list(m_spaceId);
    if (!all)
        return all.error();
    const QDateTime settled = QDateTime::currentDateTimeUtc().addSecs(-grace.count());
    ConsistencyReport report;
    bool complete = true;

    QSet<QString> recordedPaths;
    for (const PackageRepository::Record &record : std::as_const(*all)) {
        recordedPaths.insert(record.filePath);
        if (QFileInfo::exists(absolutePath(record)))
            continue;
        report.recordsWithoutFile << record.displayName();
        if (repair && !m_records.remove(record.id))
            complete = false; // still used by a release: leave it for a person to decide
    }
    for (const StoredPackageFile &file : m_files.files()) {
        if (recordedPaths.contains(file.relativePath) || file.lastModified > settled)
            continue;
        report.filesWithoutRecord << file.relativePath;
        if (repair && !m_files.removeFile(file.relativePath))
            complete = false;
    }
    if (repair) {
        report.stalePartialFiles = m_files.removeStalePartialFiles(settled.addMSecs(1));
    } else {
        const QDir root(m_files.rootDirectory());
        for (const QString &id : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QFileInfoList infos = QDir(root.filePath(id)).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
            for (const QFileInfo &info : infos) {
                if (isPartialFileName(info.fileName()) && info.lastModified() <= settled)
                    ++report.stalePartialFiles;
            }
        }
    }
    report.repaired = repair && complete;
    return report;
}

} // namespace Cuttle
