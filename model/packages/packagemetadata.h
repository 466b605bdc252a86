#pragma once

#include <QString>

namespace Cuttle {

/// What a package says about itself (from a .nuspec), shown in the library and release notes.
struct PackageMetadata
{
    QString id;
    QString version;
    QString title;
    QString authors;
    QString description;
    QString releaseNotes;
};

} // namespace Cuttle
