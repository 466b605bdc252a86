#include "archivebuilder.h"

#include <QFile>
#include <QtDebug>

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Cuttle::Test {

QString extensionOf(TestFormat format)
{
    switch (format) {
    case TestFormat::Zip:
        return u".zip"_s;
    case TestFormat::Tar:
        return u".tar"_s;
    case TestFormat::TarGz:
        return u".tar.gz"_s;
    case TestFormat::TarBz2:
        return u".tar.bz2"_s;
    case TestFormat::TarXz:
        return u".tar.xz"_s;
    case TestFormat::TarZst:
        return u".tar.zst"_s;
    }
    return {};
}

bool writeArchive(const QString &path, TestFormat format, const QList<TestEntry> &entries)
{
    std::unique_ptr<archive, decltype(&archive_write_free)> writer(archive_write_new(), &archive_write_free);
    archive *a = writer.get();
    if (format == TestFormat::Zip) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_gnutar(a); // raw byte names, devices and long names
        switch (format) {
        case TestFormat::TarGz:
            archive_write_add_filter_gzip(a);
            break;
        case TestFormat::TarBz2:
            archive_write_add_filter_bzip2(a);
            break;
        case TestFormat::TarXz:
            archive_write_add_filter_xz(a);
            break;
        case TestFormat::TarZst:
            archive_write_add_filter_zstd(a);
            break;
        default:
            break;
        }
    }
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        qWarning() << "cannot open" << path << archive_error_string(a);
        return false;
    }
    std::vector<char> zeros(64 * 1024, 0);
    for (const TestEntry &t : entries) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> holder(archive_entry_new(), &archive_entry_free);
        archive_entry *e = holder.get();
        archive_entry_copy_pathname(e, t.path.constData());
        archive_entry_set_perm(e, mode_t(t.mode));
        archive_entry_set_mtime(e, 1700000000, 0);
        switch (t.kind) {
        case TestEntry::Kind::File:
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_size(e, t.data.size() + t.zeroBytes);
            break;
        case TestEntry::Kind::Directory:
            archive_entry_set_filetype(e, AE_IFDIR);
            break;
        case TestEntry::Kind::Symlink:
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_copy_symlink(e, t.target.constData());
            break;
        case TestEntry::Kind::Hardlink:
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_copy_hardlink(e, t.target.constData());
            archive_entry_set_size(e, 0);
            break;
        case TestEntry::Kind::CharDevice:
            archive_entry_set_filetype(e, AE_IFCHR);
            archive_entry_set_rdev(e, makedev(1, 3));
            break;
        case TestEntry::Kind::Fifo:
            archive_entry_set_filetype(e, AE_IFIFO);
            break;
        }
        if (archive_write_header(a, e) < ARCHIVE_WARN) {
            qWarning() << "cannot write header" << t.path << archive_error_string(a);
            return false;
        }
        if (t.kind == TestEntry::Kind::File) {
            if (!t.data.isEmpty() && archive_write_data(a, t.data.constData(), size_t(t.data.size())) < 0)
                return false;
            for (qint64 left = t.zeroBytes; left > 0;) {
                const size_t n = size_t(std::min<qint64>(left, qint64(zeros.size())));
                if (archive_write_data(a, zeros.data(), n) < 0)
                    return false;
                left -= qint64(n);
            }
        }
    }
    return archive_write_close(a) == ARCHIVE_OK;
}

} // namespace Cuttle::Test
