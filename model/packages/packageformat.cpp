#include "model/packages/packageformat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

QList<PackageFormat> allPackageFormats()
{
    return {PackageFormat::Zip,     PackageFormat::NuGet,    PackageFormat::Jar,
            PackageFormat::War,     PackageFormat::Ear,      PackageFormat::Tar,
            PackageFormat::TarGzip, PackageFormat::TarBzip2, PackageFormat::TarXz,
            PackageFormat::TarZstd};
}

QStringList packageFormatExtensions(PackageFormat format)
{
    switch (format) {
    case PackageFormat::Zip:
        return {u".zip"_s};
    case PackageFormat::NuGet:
        return {u".nupkg"_s};
    case PackageFormat::Jar:
        return {u".jar"_s};
    case PackageFormat::War:
        return {u".war"_s};
    case PackageFormat::Ear:
        return {u".ear"_s};
    case PackageFormat::Tar:
        return {u".tar"_s};
    case PackageFormat::TarGzip:
        return {u".tar.gz"_s, u".tgz"_s};
    case PackageFormat::TarBzip2:
        return {u".tar.bz2"_s, u".tbz2"_s};
    case PackageFormat::TarXz:
        return {u".tar.xz"_s, u".txz"_s};
    case PackageFormat::TarZstd:
        return {u".tar.zst"_s};
    }
    return {};
}

QStringList allPackageExtensions()
{
    QStringList all;
    for (PackageFormat f : allPackageFormats())
        all += packageFormatExtensions(f);
    std::stable_sort(all.begin(), all.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return all;
}

QString packageFormatName(PackageFormat format)
{
    switch (format) {
    case PackageFormat::Zip:
        return u"Zip"_s;
    case PackageFormat::NuGet:
        return u"NuGet"_s;
    case PackageFormat::Jar:
        return u"Jar"_s;
    case PackageFormat::War:
        return u"War"_s;
    case PackageFormat::Ear:
        return u"Ear"_s;
    case PackageFormat::Tar:
        return u"tar"_s;
    case PackageFormat::TarGzip:
        return u"tar.gz"_s;
    case PackageFormat::TarBzip2:
        return u"tar.bz2"_s;
    case PackageFormat::TarXz:
        return u"tar.xz"_s;
    case PackageFormat::TarZstd:
        return u"tar.zst"_s;
    }
    return {};
}

std::optional<PackageFormatMatch> packageFormatFromFileName(QStringView fileName)
{
    // Longest first, so that "x.tar.gz" is a tar.gz and not a ".gz" of something else.
    std::optional<PackageFormatMatch> best;
    for (PackageFormat f : allPackageFormats()) {
        for (const QString &ext : packageFormatExtensions(f)) {
            if (fileName.size() > ext.size() && fileName.endsWith(ext, Qt::CaseInsensitive)
                && (!best || ext.size() > best->extension.size())) {
                best = PackageFormatMatch{f, fileName.right(ext.size()).toString()};
            }
        }
    }
    return best;
}

bool isMavenPackageFormat(PackageFormat format)
{
    return format == PackageFormat::Jar || format == PackageFormat::War || format == PackageFormat::Ear;
}

bool isZipBasedPackageFormat(PackageFormat format)
{
    return format == PackageFormat::Zip || format == PackageFormat::NuGet || isMavenPackageFormat(format);
}

} // namespace Cuttle
