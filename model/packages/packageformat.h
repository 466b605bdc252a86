#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Cuttle {

/// The file formats the built-in repository accepts.
enum class PackageFormat {
    Zip,
    NuGet,
    Jar,
    War,
    Ear,
    Tar,
    TarGzip,
    TarBzip2,
    TarXz,
    TarZstd,
};

/// A format recognised from the end of a file name, with the extension as written (".tar.gz").
struct PackageFormatMatch
{
    PackageFormat format;
    QString extension;
};

/// Every format, in the order the GUI lists them.
QList<PackageFormat> allPackageFormats();
/// The extensions of a format, with a leading dot; the first one is the preferred one.
QStringList packageFormatExtensions(PackageFormat format);
/// Every extension of every format, longest first, for file dialogs and messages.
QStringList allPackageExtensions();
/// A short name for the GUI ("tar.gz", "NuGet").
QString packageFormatName(PackageFormat format);
/// The format whose extension ends the file name, matched case-insensitively and longest first.
std::optional<PackageFormatMatch> packageFormatFromFileName(QStringView fileName);
/// Jar, War and Ear carry Maven versions rather than semantic versions.
bool isMavenPackageFormat(PackageFormat format);
/// Zip, NuGet and the Java formats are zip files; the rest are tar files.
bool isZipBasedPackageFormat(PackageFormat format);

} // namespace Cuttle
