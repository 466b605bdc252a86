#pragma once

#include <QString>

namespace Cuttle {

/// The package version a release uses for one package reference of one action.
struct ReleasePackage
{
    QString actionName;
    QString packageReference; ///< empty for the action's primary package
    QString packageId;
    QString version;

    friend bool operator==(const ReleasePackage &, const ReleasePackage &) = default;
};

} // namespace Cuttle
