#pragma once

#include "model/core/result.h"
#include "model/packages/packagearchive.h"
#include "model/packages/packagemetadata.h"

#include <QByteArray>

namespace Cuttle {

/// Reads the `<id>.nuspec` manifest at the root of a .nupkg.
class NuspecReader final
{
public:
    /// Manifests larger than this are refused rather than read into memory.
    static constexpr qint64 MaxNuspecSize = 4 * 1024 * 1024;

    /// NotFound when the package has no .nuspec at its root.
    static Result<PackageMetadata> read(const PackageArchive &archive);
    /// Parses manifest XML; the element namespace (which differs between NuGet versions) is ignored.
    static Result<PackageMetadata> parse(const QByteArray &xml);
};

} // namespace Cuttle
