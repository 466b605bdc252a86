#pragma once

#include <QString>

namespace Cuttle {

/// One entry of a package archive as its header describes it.
struct ArchiveEntry
{
    enum class Type { File, Directory, Symlink, Hardlink, Special };

    /// '/'-separated, without a leading "./"; as stored when the path is unsafe.
    QString path;
    Type type = Type::File;
    /// Uncompressed size from the header; -1 when the header does not say.
    qint64 size = -1;
    /// Target of a symbolic or hard link.
    QString linkTarget;
    /// Unix permission bits (e.g. 0755).
    int permissions = 0;
};

} // namespace Cuttle
