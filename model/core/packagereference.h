#pragma once

#include <QString>

namespace Cuttle {

/// A package an action uses. The primary package has an empty name; further ones are
/// told apart by name (release creation picks a version per reference).
struct PackageReference
{
    QString name;
    QString packageId;
    bool extract = true; ///< false for a package that is only transferred

    friend bool operator==(const PackageReference &, const PackageReference &) = default;
};

} // namespace Cuttle
