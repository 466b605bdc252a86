#pragma once

#include "model/packages/packagefilename.h"
#include "model/packages/packagemetadata.h"

#include <QString>

#include <optional>

namespace Cuttle {

/// A package file the built-in repository has just stored: what the database record needs.
struct StoredPackage
{
    PackageFileName name;
    QString path;         ///< absolute path of the stored file
    QString relativePath; ///< `<id>/<id>.<version>.<ext>`, relative to the repository folder
    qint64 size = 0;
    QString sha256;       ///< lower-case hex
    std::optional<PackageMetadata> metadata; ///< from the .nuspec of a NuGet package
    bool replacedExisting = false;
};

} // namespace Cuttle
