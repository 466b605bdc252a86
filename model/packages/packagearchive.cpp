#include "model/packages/packagearchive.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryDir>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

constexpr size_t BlockSize = 256 * 1024;
constexpr int MaxLinkDepth = 40;

QString tr(const char *text)
{
    return QCoreApplication::translate("PackageArchive", text);
}

struct ReaderDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};
using Reader = std::unique_ptr<archive, ReaderDeleter>;

QString archiveError(archive *a)
{
    const char *s = archive_error_string(a);
    QString m = s ? QString::fromLocal8Bit(s) : tr("unknown error");
    while (m.endsWith(u'.') || m.endsWith(u' '))
        m.chop(1);
    return m;
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

Reader openReader(const QString &path, const QString &displayName, std::optional<Error> &error)
{
    Reader r(archive_read_new());
    archive *a = r.get();
    // Only the formats Cuttle accepts, so an arbitrary file is not read as "raw" data.
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_filter_xz(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 64 * 1024) != ARCHIVE_OK) {
        const QString message = tr("The file “%1” cannot be read as a package archive: %2.").arg(displayName, archiveError(a));
        // An unreadable file is a failure; a readable one that is no archive is bad input.
        error = QFileInfo(path).isReadable() ? Error::validation(message) : Error::failed(message);
        return {};
    }
    return r;
}

// Names are taken as UTF-8 whatever the locale; anything else is refused rather than guessed.
std::optional<QString> decodeUtf8(const char *raw)
{
    if (!raw)
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = decoder(QByteArrayView(raw, qsizetype(std::strlen(raw))));
    if (decoder.hasError())
        return std::nullopt;
    return s;
}

struct DecodedName
{
    QString text; // lossy when !valid, for messages only
    bool valid = false;
};

DecodedName decodeName(const char *raw, const char *utf8)
{
    if (auto s = decodeUtf8(raw))
        return {*s, true};
    if (auto s = decodeUtf8(utf8))
        return {*s, true};
    const char *any = raw ? raw : utf8;
    return {any ? QString::fromUtf8(any) : QString(), false};
}

enum class PathProblem { None, Empty, Absolute, DotDot };

struct NormalizedPath
{
    QString path;
    PathProblem problem = PathProblem::None;
};

NormalizedPath normalizePath(const QString &name)
{
    QString s = name;
    s.replace(u'\\', u'/'); // zip files made on Windows sometimes use backslashes
    if (s.startsWith(u'/') || (s.size() >= 2 && s[1] == u':' && s[0].isLetter()))
        return {name, PathProblem::Absolute};
    QStringList parts;
    for (const QStringView part : QStringView(s).split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        if (part == u"..")
            return {name, PathProblem::DotDot};
        parts << part.toString();
    }
    if (parts.isEmpty())
        return {QString(), PathProblem::Empty};
    return {parts.join(u'/'), PathProblem::None};
}

ArchiveEntry::Type entryType(archive_entry *e)
{
    if (archive_entry_hardlink(e) || archive_entry_hardlink_utf8(e))
        return ArchiveEntry::Type::Hardlink;
    switch (archive_entry_filetype(e)) {
    case AE_IFDIR:
        return ArchiveEntry::Type::Directory;
    case AE_IFLNK:
        return ArchiveEntry::Type::Symlink;
    case AE_IFREG:
    case 0:
        return ArchiveEntry::Type::File;
    default:
        return ArchiveEntry::Type::Special;
    }
}

// Follows target from linkDir through the links the package declares; false when the walk
// leaves the destination or loops.
bool resolveInside(const QStringList &linkDir, const QString &target,
                   const QHash<QString, QString> &links, int depth, QStringList *resolved)
{
    if (depth > MaxLinkDepth || target.startsWith(u'/'))
        return false;
    QStringList current = linkDir;
    for (const QStringView part : QStringView(target).split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        if (part == u"..") {
            if (current.isEmpty())
                return false;
            current.removeLast();
            continue;
        }
        current << part.toString();
        const auto it = links.constFind(current.join(u'/'));
        if (it != links.constEnd()) {
            QStringList parent = current;
            parent.removeLast();
            QStringList sub;
            if (!resolveInside(parent, *it, links, depth + 1, &sub))
                return false;
            current = sub;
        }
    }
    *resolved = current;
    return true;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

// One pass over an archive, shared by verify() (dry run) and extractTo().
class Extraction final
{
public:
    Extraction(const QString &archivePath, const QString &displayName, const QString &root,
               const ExtractionOptions &options)
        : m_archivePath(archivePath), m_displayName(displayName), m_root(root), m_options(options), m_write(!root.isEmpty())
    {
    }

    VoidResult run()
    {
        std::optional<Error> openError;
        Reader reader = openReader(m_archivePath, m_displayName, openError);
        if (!reader)
            return *openError;
        m_archive = reader.get();
        if (m_write)
            m_buffer.resize(BlockSize);

        for (;;) {
            archive_entry *e = nullptr;
            const int r = archive_read_next_header(m_archive, &e);
            if (r == ARCHIVE_EOF)
                break;
            if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
                return damaged();
            if (auto c = checkCancel(); !c)
                return c;
            const DecodedName name = decodeName(archive_entry_pathname(e), archive_entry_pathname_utf8(e));
            m_currentName = name.text;
            if (++m_entries > m_options.limits.maxEntries) {
                return Error::validation(tr("Extraction stopped at the package entry “%1” because the package has more than %2 entries.")
                                             .arg(name.text)
                                             .arg(m_options.limits.maxEntries));
            }
            if (!name.valid)
                return entryError(name.text, tr("The package entry “%1” has a name that is not valid UTF-8."));
            if (auto result = handleEntry(e, name.text); !result)
                return result;
            if (m_options.progress)
                m_options.progress(m_total, m_entries);
        }
        return finishLinks();
    }

private:
    static Error entryError(const QString &name, const QString &pattern)
    {
        return Error::validation(pattern.arg(name));
    }

    VoidResult damaged() const
    {
        if (m_currentName.isEmpty()) {
            return Error::validation(tr("The file “%1” is not a readable package archive: %2.")
                                         .arg(m_displayName, archiveError(m_archive)));
        }
        return Error::validation(tr("The package “%1” is damaged or truncated at the entry “%2”: %3.")
                                     .arg(m_displayName, m_currentName, archiveError(m_archive)));
    }

    VoidResult checkCancel() const
    {
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
            return Error::cancelled(m_currentName.isEmpty()
                                        ? tr("Extraction was cancelled.")
                                        : tr("Extraction was cancelled at the package entry “%1”.").arg(m_currentName));
        }
        return {};
    }

    VoidResult checkPath(const QString &name, NormalizedPath &path) const
    {
        path = normalizePath(name);
        if (path.problem == PathProblem::Absolute)
            return entryError(name, tr("The package entry “%1” has an absolute path, which could write outside the destination."));
        if (path.problem == PathProblem::DotDot)
            return entryError(name, tr("The package entry “%1” contains a “..” component, which could write outside the destination."));
        return {};
    }

    QString absolute(const QString &relative) const { return m_root + u'/' + relative; }

    VoidResult makeParent(const QString &name, const QString &relative)
    {
        const qsizetype slash = relative.lastIndexOf(u'/');
        if (slash < 0 || !m_write)
            return {};
        if (!QDir().mkpath(absolute(relative.left(slash))))
            return Error::failed(tr("The folder for the package entry “%1” cannot be created.").arg(name));
        return {};
    }

    void remember(const QString &path, ArchiveEntry::Type type)
    {
        m_types.insert(path, type);
        for (qsizetype slash = path.indexOf(u'/'); slash >= 0; slash = path.indexOf(u'/', slash + 1))
            m_ancestors.insert(path.left(slash));
    }

    VoidResult handleEntry(archive_entry *e, const QString &name)
    {
        NormalizedPath path;
        if (auto r = checkPath(name, path); !r)
            return r;
        const ArchiveEntry::Type type = entryType(e);
        if (type == ArchiveEntry::Type::Special)
            return entryError(name, tr("The package entry “%1” is a device file, fifo or socket, which a package may not contain."));
        if (path.problem == PathProblem::Empty) {
            if (type == ArchiveEntry::Type::Directory)
                return {}; // "./" in many tar files: the destination itself
            return entryError(name, tr("The package entry “%1” has an empty path."));
        }
        if (m_links.contains(path.path) || (type == ArchiveEntry::Type::Symlink && m_types.contains(path.path)))
            return entryError(name, tr("The package entry “%1” appears more than once, once as a symbolic link."));

        switch (type) {
        case ArchiveEntry::Type::Directory:
            remember(path.path, type);
            if (m_write && !QDir().mkpath(absolute(path.path)))
                return entryError(name, tr("The folder for the package entry “%1” cannot be created."));
            return {};
        case ArchiveEntry::Type::Symlink: {
            const DecodedName target = decodeName(archive_entry_symlink(e), archive_entry_symlink_utf8(e));
            if (!target.valid)
                return entryError(name, tr("The package entry “%1” is a symbolic link whose target is not valid UTF-8."));
            if (target.text.isEmpty() || target.text.startsWith(u'/')) {
                return Error::validation(tr("The package entry “%1” is a symbolic link to “%2”, which points outside the destination.")
                                             .arg(name, target.text));
            }
            remember(path.path, type);
            m_links.insert(path.path, target.text);
            m_linkOrder << std::pair{path.path, name};
            return {};
        }
        case ArchiveEntry::Type::Hardlink:
            return hardlink(e, name, path.path);
        case ArchiveEntry::Type::File:
            return file(e, name, path.path);
        case ArchiveEntry::Type::Special:
            break;
        }
        return {};
    }

    VoidResult hardlink(archive_entry *e, const QString &name, const QString &path)
    {
        const DecodedName target = decodeName(archive_entry_hardlink(e), archive_entry_hardlink_utf8(e));
        if (!target.valid)
            return entryError(name, tr("The package entry “%1” is a hard link whose target is not valid UTF-8."));
        const NormalizedPath targetPath = normalizePath(target.text);
        if (targetPath.problem != PathProblem::None) {
            return Error::validation(tr("The package entry “%1” is a hard link to “%2”, which is outside the destination.")
                                         .arg(name, target.text));
        }
        // Links are created after all files, so a hard link may only name a file seen before it.
        if (m_types.value(targetPath.path, ArchiveEntry::Type::Directory) != ArchiveEntry::Type::File
            || !m_types.contains(targetPath.path)) {
            return Error::validation(tr("The package entry “%1” is a hard link to “%2”, which is not a file earlier in the package.")
                                         .arg(name, target.text));
        }
        remember(path, ArchiveEntry::Type::File);
        if (!m_write)
            return {};
        if (auto r = makeParent(name, path); !r)
            return r;
        const QByteArray to = QFile::encodeName(absolute(path));
        ::unlink(to.constData());
        if (::link(QFile::encodeName(absolute(targetPath.path)).constData(), to.constData()) != 0) {
            return Error::failed(tr("The hard link “%1” cannot be created: %2.")
                                     .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        }
        return {};
    }

    VoidResult checkGrowth(const QString &name) const
    {
        const ExtractionLimits &limits = m_options.limits;
        if (m_total > limits.maxTotalSize) {
            return Error::validation(tr("Extraction stopped at the package entry “%1” because the package expands to more than %2.")
                                         .arg(name, sizeText(limits.maxTotalSize)));
        }
        if (m_total > limits.ratioThreshold) {
            const qint64 compressed = std::max<qint64>(1, archive_filter_bytes(m_archive, -1));
            if (double(m_total) > limits.maxCompressionRatio * double(compressed)) {
                return Error::validation(tr("Extraction stopped at the package entry “%1” because the package expands more than %2 times its compressed size.")
                                             .arg(name)
                                             .arg(limits.maxCompressionRatio));
            }
        }
        return {};
    }

    VoidResult file(archive_entry *e, const QString &name, const QString &path)
    {
        remember(path, ArchiveEntry::Type::File);
        if (archive_entry_size_is_set(e) && archive_entry_size(e) > m_options.limits.maxTotalSize - m_total) {
            return Error::validation(tr("Extraction stopped at the package entry “%1” because the package expands to more than %2.")
                                         .arg(name, sizeText(m_options.limits.maxTotalSize)));
        }
        if (!m_write)
            return {}; // verify() reads headers only; the data is checked when extracted
        if (auto r = makeParent(name, path); !r)
            return r;
        const QByteArray target = QFile::encodeName(absolute(path));
        ::unlink(target.constData()); // a repeated entry replaces the earlier one, not its hard links
        const int fd = ::open(target.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0) {
            return Error::failed(tr("The file for the package entry “%1” cannot be created: %2.")
                                     .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        }
        const auto closeFd = qScopeGuard([fd] { ::close(fd); });
        for (;;) {
            const la_ssize_t n = archive_read_data(m_archive, m_buffer.data(), m_buffer.size());
            if (n == 0)
                break;
            if (n < 0)
                return damaged();
            m_total += n;
            if (auto r = checkGrowth(name); !r)
                return r;
            if (auto r = checkCancel(); !r)
                return r;
            if (!writeAll(fd, m_buffer.data(), size_t(n))) {
                return Error::failed(tr("The package entry “%1” cannot be written: %2.")
                                         .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
            }
            if (m_options.progress)
                m_options.progress(m_total, m_entries);
        }
        int mode = archive_entry_perm(e) & 0777;
        if (mode == 0)
            mode = 0644;
        ::fchmod(fd, mode_t(mode | 0600));
        return {};
    }

    VoidResult finishLinks()
    {
        // First each link on its own, so the message names the link that escapes rather
        // than one that merely leads to it; then following links through each other.
        const QHash<QString, QString> none;
        for (const QHash<QString, QString> *links : {&none, &std::as_const(m_links)}) {
            for (const auto &[path, name] : std::as_const(m_linkOrder)) {
                const QString target = m_links.value(path);
                if (m_ancestors.contains(path))
                    return entryError(name, tr("The package entry “%1” is a symbolic link, but other entries lie inside it."));
                QStringList dir = path.split(u'/');
                dir.removeLast();
                QStringList resolved;
                if (!resolveInside(dir, target, *links, 0, &resolved)) {
                    return Error::validation(tr("The package entry “%1” is a symbolic link to “%2”, which points outside the destination.")
                                                 .arg(name, target));
                }
            }
        }
        if (!m_write)
            return {};
        for (const auto &[path, name] : std::as_const(m_linkOrder)) {
            if (auto r = makeParent(name, path); !r)
                return r;
            if (::symlink(QFile::encodeName(m_links.value(path)).constData(),
                          QFile::encodeName(absolute(path)).constData()) != 0) {
                return Error::failed(tr("The symbolic link “%1” cannot be created: %2.")
                                         .arg(name, QString::fromLocal8Bit(std::strerror(errno))));
            }
        }
        return {};
    }

    QString m_archivePath;
    QString m_displayName;
    QString m_root;
    const ExtractionOptions &m_options;
    bool m_write;
    archive *m_archive = nullptr;
    std::vector<char> m_buffer;
    qint64 m_total = 0;
    qint64 m_entries = 0;
    QString m_currentName;
    QHash<QString, ArchiveEntry::Type> m_types;
    QSet<QString> m_ancestors;
    QHash<QString, QString> m_links;
    QList<std::pair<QString, QString>> m_linkOrder; // normalized path, name as written
};

} // namespace

PackageArchive::PackageArchive(const QString &filePath, const QString &displayName)
    : m_filePath(filePath)
    , m_displayName(displayName.isEmpty() ? QFileInfo(filePath).fileName() : displayName)
{
}

Result<QList<ArchiveEntry>> PackageArchive::entries(const ExtractionLimits &limits) const
{
    std::optional<Error> openError;
    Reader reader = openReader(m_filePath, m_displayName, openError);
    if (!reader)
        return *openError;
    archive *a = reader.get();
    QList<ArchiveEntry> list;
    QString last;
    for (;;) {
        archive_entry *e = nullptr;
        const int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            const QString &file = m_displayName;
            if (last.isEmpty())
                return Error::validation(tr("The file “%1” is not a readable package archive: %2.").arg(file, archiveError(a)));
            return Error::validation(tr("The package “%1” is damaged or truncated after the entry “%2”: %3.")
                                         .arg(file, last, archiveError(a)));
        }
        if (list.size() >= limits.maxEntries) {
            return Error::validation(tr("The package “%1” has more than %2 entries.")
                                         .arg(m_displayName)
                                         .arg(limits.maxEntries));
        }
        const DecodedName name = decodeName(archive_entry_pathname(e), archive_entry_pathname_utf8(e));
        ArchiveEntry entry;
        const NormalizedPath path = normalizePath(name.text);
        entry.path = path.problem == PathProblem::None ? path.path : name.text;
        entry.type = entryType(e);
        entry.size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
        entry.permissions = int(archive_entry_perm(e) & 07777);
        if (entry.type == ArchiveEntry::Type::Symlink)
            entry.linkTarget = decodeName(archive_entry_symlink(e), archive_entry_symlink_utf8(e)).text;
        else if (entry.type == ArchiveEntry::Type::Hardlink)
            entry.linkTarget = decodeName(archive_entry_hardlink(e), archive_entry_hardlink_utf8(e)).text;
        last = name.text;
        list << entry;
    }
    return list;
}

VoidResult PackageArchive::verify(const ExtractionLimits &limits) const
{
    ExtractionOptions options;
    options.limits = limits;
    return Extraction(m_filePath, m_displayName, QString(), options).run();
}

Result<QByteArray> PackageArchive::readEntry(const QString &entryPath, qint64 maxSize) const
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (auto r = readEntry(entryPath, &buffer, maxSize); !r)
        return r.error();
    return data;
}

VoidResult PackageArchive::readEntry(const QString &entryPath, QIODevice *out, qint64 maxSize) const
{
    const QString wanted = normalizePath(entryPath).path;
    std::optional<Error> openError;
    Reader reader = openReader(m_filePath, m_displayName, openError);
    if (!reader)
        return *openError;
    archive *a = reader.get();
    const QString &file = m_displayName;
    for (;;) {
        archive_entry *e = nullptr;
        const int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return Error::validation(tr("The package “%1” is damaged or truncated: %2.").arg(file, archiveError(a)));
        const DecodedName name = decodeName(archive_entry_pathname(e), archive_entry_pathname_utf8(e));
        if (!name.valid || normalizePath(name.text).path != wanted || entryType(e) != ArchiveEntry::Type::File)
            continue;
        std::vector<char> buffer(64 * 1024);
        qint64 total = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(a, buffer.data(), buffer.size());
            if (n == 0)
                return {};
            if (n < 0) {
                return Error::validation(tr("The package “%1” is damaged at the entry “%2”: %3.")
                                             .arg(file, name.text, archiveError(a)));
            }
            total += n;
            if (total > maxSize) {
                return Error::validation(tr("The package entry “%1” is larger than %2.")
                                             .arg(name.text, sizeText(maxSize)));
            }
            if (out->write(buffer.data(), n) != n)
                return Error::failed(tr("The package entry “%1” cannot be copied: %2.").arg(name.text, out->errorString()));
        }
    }
    return Error::notFound(tr("The package “%1” has no file “%2”.").arg(file, entryPath));
}

VoidResult PackageArchive::extractTo(const QString &destination, const ExtractionOptions &options) const
{
    const QFileInfo dest(destination);
    const QString target = dest.absoluteFilePath();
    if (dest.exists() || dest.isSymLink()) {
        if (!dest.isDir() || dest.isSymLink() || !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
            return Error::conflict(tr("The folder “%1” already exists and is not empty.")
                                       .arg(QDir::toNativeSeparators(target)));
        }
    }
    const QString parent = dest.absolutePath();
    if (!QDir().mkpath(parent))
        return Error::failed(tr("The folder “%1” cannot be created.").arg(QDir::toNativeSeparators(parent)));

    QTemporaryDir partial(parent + u"/." + dest.fileName() + u".partial-XXXXXX");
    if (!partial.isValid()) {
        return Error::failed(tr("A temporary folder cannot be created in “%1”: %2.")
                                 .arg(QDir::toNativeSeparators(parent), partial.errorString()));
    }
    if (auto r = Extraction(m_filePath, m_displayName, partial.path(), options).run(); !r)
        return r; // QTemporaryDir removes what was written
    ::chmod(QFile::encodeName(partial.path()).constData(), 0755);
    // rename(2) also replaces an empty directory, atomically.
    if (::rename(QFile::encodeName(partial.path()).constData(), QFile::encodeName(target).constData()) != 0) {
        return Error::failed(tr("The extracted package cannot be moved to “%1”: %2.")
                                 .arg(QDir::toNativeSeparators(target), QString::fromLocal8Bit(std::strerror(errno))));
    }
    partial.setAutoRemove(false);
    return {};
}

} // namespace Cuttle
