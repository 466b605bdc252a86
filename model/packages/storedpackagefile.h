#pragma once

#include "model/packages/packagefilename.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Cuttle {

/// A file found in the repository folder, for orphan checks against the database.
struct StoredPackageFile
{
    QString path;         ///< absolute
    QString relativePath; ///< `<id>/<file name>`
    qint64 size = 0;
    QDateTime lastModified;
    std::optional<PackageFileName> name; ///< empty when the file name is not a package name
};

} // namespace Cuttle
