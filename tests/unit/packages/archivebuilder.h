#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Cuttle::Test {

/// One entry for ArchiveBuilder; names and targets are raw bytes so tests can write any.
struct TestEntry
{
    enum class Kind { File, Directory, Symlink, Hardlink, CharDevice, Fifo };
    Kind kind = Kind::File;
    QByteArray path;
    QByteArray data;         ///< file content
    qint64 zeroBytes = 0;    ///< zeros appended after data, streamed so tests stay small in memory
    QByteArray target;       ///< link target
    int mode = 0644;

    static TestEntry file(const QByteArray &path, const QByteArray &data, int mode = 0644)
    {
        return {Kind::File, path, data, 0, {}, mode};
    }
    static TestEntry zeros(const QByteArray &path, qint64 count) { return {Kind::File, path, {}, count, {}, 0644}; }
    static TestEntry directory(const QByteArray &path) { return {Kind::Directory, path, {}, 0, {}, 0755}; }
    static TestEntry symlink(const QByteArray &path, const QByteArray &target)
    {
        return {Kind::Symlink, path, {}, 0, target, 0777};
    }
    static TestEntry hardlink(const QByteArray &path, const QByteArray &target)
    {
        return {Kind::Hardlink, path, {}, 0, target, 0644};
    }
    static TestEntry special(Kind kind, const QByteArray &path) { return {kind, path, {}, 0, {}, 0644}; }
};

enum class TestFormat { Zip, Tar, TarGz, TarBz2, TarXz, TarZst };

/// Writes an archive with libarchive's writer; false (with a warning) when libarchive refuses.
bool writeArchive(const QString &path, TestFormat format, const QList<TestEntry> &entries);

/// The usual file extension of a test format, with its dot.
QString extensionOf(TestFormat format);

} // namespace Cuttle::Test
