#include "model/packages/packagefilestore.h"

#include "model/packages/nuspecreader.h"
#include "model/packages/packagearchive.h"
#include "model/core/sha256hash.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

constexpr qint64 CopyBlockSize = 1024 * 1024;
constexpr int StreamWaitMs = 30'000;
[[maybe_unused]] constexpr qint64 WritebackWindow = 8 * 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("PackageFileStore", text);
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool isPartialName(const QString &fileName)
{
    return fileName.startsWith(u'.');
}

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

void syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

// Package ids are case-insensitive (as in NuGet): "acme" goes to an existing "Acme" folder,
// so that one id never has two folders on a case-sensitive file system.
QString PackageFileStore::directoryFor(const QString &packageId) const
{
    const QStringList ids = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        if (id.compare(packageId, Qt::CaseInsensitive) == 0)
            return id;
    }
    return packageId;
}

PackageFileStore::PackageFileStore(const QString &rootDirectory)
    : m_root(QDir::cleanPath(QDir(rootDirectory).absolutePath()))
{
}

Result<StoredPackage> PackageFileStore::push(const QString &sourceFile, const PushOptions &options)
{
    QFile file(sourceFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return Error::notFound(tr("The package file “%1” cannot be opened: %2.")
                                   .arg(QDir::toNativeSeparators(sourceFile), file.errorString()));
    }
    return push(&file, QFileInfo(sourceFile).fileName(), options);
}

Result<StoredPackage> PackageFileStore::push(QIODevice *source, const QString &fileName, const PushOptions &options)
{
    auto parsed = PackageFileName::parse(fileName);
    if (!parsed)
        return parsed.error();
    const PackageFileName name = *parsed;

    const QString folder = directoryFor(name.packageId());
    const QString directory = m_root + u'/' + folder;
    if (!QDir().mkpath(directory))
        return Error::failed(tr("The package folder “%1” cannot be created.").arg(QDir::toNativeSeparators(directory)));
    const QString finalName = name.storageFileName();
    const QString finalPath = directory + u'/' + finalName;

    const std::optional<StoredPackageFile> existing = find(name);
    if (existing && !options.replace) {
        return Error::conflict(tr("Package %1 version %2 is already in the repository; replace it explicitly to overwrite it.")
                                   .arg(name.packageId(), name.versionText()));
    }

    QTemporaryFile partial(directory + u"/." + finalName + u".partial-XXXXXX");
    if (!partial.open()) {
        return Error::failed(tr("A temporary file cannot be created in “%1”: %2.")
                                 .arg(QDir::toNativeSeparators(directory), partial.errorString()));
    }
    const int fd = partial.handle();

    Sha256Hash hash;
    std::vector<char> buffer(CopyBlockSize);
    qint64 size = 0;
    [[maybe_unused]] qint64 syncedUpTo = 0;
    for (;;) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return Error::cancelled(tr("The push of “%1” was cancelled.").arg(fileName));
        const qint64 n = source->read(buffer.data(), CopyBlockSize);
        if (n < 0)
            return Error::failed(tr("The package “%1” cannot be read: %2.").arg(fileName, source->errorString()));
        if (n == 0) {
            if (!source->isSequential())
                break;
            // A pipe or socket with nothing buffered yet: it ends when waiting fails at once
            // (the writer closed); waiting in vain for the whole timeout means it stalled.
            QElapsedTimer waited;
            waited.start();
            if (!source->waitForReadyRead(StreamWaitMs) && source->bytesAvailable() == 0) {
                if (waited.elapsed() < StreamWaitMs)
                    break;
                return Error::failed(tr("The package “%1” stopped arriving before its end.").arg(fileName));
            }
            continue;
        }
        hash.addData(QByteArrayView(buffer.data(), n));
        if (!writeAll(fd, buffer.data(), n))
            return Error::failed(tr("The package “%1” cannot be written to the repository: %2.").arg(fileName, errnoText()));
        size += n;
#ifdef __linux__
        // Start writing back each finished window now, so the final fdatasync has little
        // left to wait for instead of the whole package.
        if (options.sync && size - syncedUpTo >= WritebackWindow) {
            ::sync_file_range(fd, syncedUpTo, size - syncedUpTo, SYNC_FILE_RANGE_WRITE);
            syncedUpTo = size;
        }
#endif
    }
    if (options.sync && ::fdatasync(fd) != 0)
        return Error::failed(tr("The package “%1” cannot be flushed to disk: %2.").arg(fileName, errnoText()));

    const PackageArchive archive(partial.fileName(), fileName);
    if (auto verified = archive.verify(options.limits); !verified)
        return verified.error();

    StoredPackage stored;
    if (name.format() == PackageFormat::NuGet) {
        auto metadata = NuspecReader::read(archive);
        if (!metadata)
            return metadata.error();
        const auto nuspecVersion = SemanticVersion::parse(metadata->version);
        if (metadata->id.compare(name.packageId(), Qt::CaseInsensitive) != 0
            || !nuspecVersion || *nuspecVersion != *name.semanticVersion()) {
            return Error::validation(tr("The file name of “%1” does not match the package %2 version %3 named in its .nuspec.")
                                         .arg(fileName, metadata->id, metadata->version));
        }
        stored.metadata = *metadata;
    }

    partial.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    partial.close();
    if (::rename(QFile::encodeName(partial.fileName()).constData(), QFile::encodeName(finalPath).constData()) != 0)
        return Error::failed(tr("The package “%1” cannot be moved into the repository: %2.").arg(fileName, errnoText()));
    partial.setAutoRemove(false);
    if (existing && existing->path != finalPath)
        QFile::remove(existing->path); // the same version stored in another format
    if (options.sync)
        syncDirectory(directory);

    stored.name = name;
    stored.path = finalPath;
    stored.relativePath = folder + u'/' + finalName;
    stored.size = size;
    stored.sha256 = QString::fromLatin1(hash.result().toHex());
    stored.replacedExisting = existing.has_value();
    return stored;
}

std::optional<StoredPackageFile> PackageFileStore::find(const PackageFileName &name) const
{
    const QString folder = directoryFor(name.packageId());
    const QString directory = m_root + u'/' + folder;
    const QFileInfoList infos = QDir(directory).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : infos) {
        if (isPartialName(info.fileName()))
            continue;
        const auto other = PackageFileName::parse(info.fileName());
        if (other && other->isSamePackageVersion(name))
            return StoredPackageFile{info.absoluteFilePath(), folder + u'/' + info.fileName(),
                                     info.size(), info.lastModified(), *other};
    }
    return std::nullopt;
}

VoidResult PackageFileStore::remove(const PackageFileName &name)
{
    const auto file = find(name);
    if (!file) {
        return Error::notFound(tr("Package %1 version %2 is not in the repository.")
                                   .arg(name.packageId(), name.versionText()));
    }
    return removeFile(file->relativePath);
}

VoidResult PackageFileStore::removeFile(const QString &relativePath)
{
    const QString clean = QDir::cleanPath(relativePath);
    if (clean.startsWith(u'/') || clean == u".." || clean.startsWith(u"../") || clean.count(u'/') != 1) {
        return Error::validation(tr("“%1” is not a file of the package repository.").arg(relativePath));
    }
    const QString path = m_root + u'/' + clean;
    if (!QFileInfo::exists(path))
        return Error::notFound(tr("The package file “%1” does not exist.").arg(clean));
    if (!QFile::remove(path))
        return Error::failed(tr("The package file “%1” cannot be deleted.").arg(clean));
    // Keep the tree tidy; fails harmlessly when other versions remain.
    QDir(m_root).rmdir(clean.section(u'/', 0, 0));
    return {};
}

QList<StoredPackageFile> PackageFileStore::files() const
{
    QList<StoredPackageFile> result;
    const QDir root(m_root);
    const QStringList ids = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        const QFileInfoList infos = QDir(root.filePath(id)).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &info : infos) {
            if (isPartialName(info.fileName()))
                continue;
            StoredPackageFile file{info.absoluteFilePath(), id + u'/' + info.fileName(), info.size(),
                                   info.lastModified(), std::nullopt};
            if (auto name = PackageFileName::parse(info.fileName()))
                file.name = *name;
            result << file;
        }
    }
    return result;
}

int PackageFileStore::removeStalePartialFiles(const QDateTime &olderThan)
{
    int removed = 0;
    const QDir root(m_root);
    const QStringList ids = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        const QFileInfoList infos = QDir(root.filePath(id)).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QFileInfo &info : infos) {
            if (isPartialName(info.fileName()) && info.fileName().contains(u".partial-")
                && info.lastModified() < olderThan && QFile::remove(info.absoluteFilePath()))
                ++removed;
        }
    }
    return removed;
}

} // namespace Cuttle
