#include "model/packages/nuspecreader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QXmlStreamReader>

namespace Cuttle {

Result<PackageMetadata> NuspecReader::read(const PackageArchive &archive)
{
    const auto entries = archive.entries();
    if (!entries)
        return entries.error();
    for (const ArchiveEntry &entry : *entries) {
        if (entry.type == ArchiveEntry::Type::File && !entry.path.contains(u'/')
            && entry.path.endsWith(QLatin1String(".nuspec"), Qt::CaseInsensitive)) {
            const auto xml = archive.readEntry(entry.path, MaxNuspecSize);
            if (!xml)
                return xml.error();
            return parse(*xml);
        }
    }
    return Error::notFound(QCoreApplication::translate("NuspecReader", "The package “%1” has no .nuspec manifest at its root.")
                               .arg(QFileInfo(archive.filePath()).fileName()));
}

Result<PackageMetadata> NuspecReader::parse(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    PackageMetadata metadata;
    bool inMetadata = false;
    bool sawPackage = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            if (!sawPackage) {
                if (name != u"package")
                    break;
                sawPackage = true;
            } else if (name == u"metadata") {
                inMetadata = true;
            } else if (inMetadata) {
                QString *field = nullptr;
                if (name == u"id")
                    field = &metadata.id;
                else if (name == u"version")
                    field = &metadata.version;
                else if (name == u"title")
                    field = &metadata.title;
                else if (name == u"authors")
                    field = &metadata.authors;
                else if (name == u"description")
                    field = &metadata.description;
                else if (name == u"releaseNotes")
                    field = &metadata.releaseNotes;
                if (field)
                    *field = reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                else
                    reader.skipCurrentElement();
            }
        } else if (reader.isEndElement() && reader.name() == u"metadata") {
            inMetadata = false;
        }
    }
    if (reader.hasError()) {
        return Error::validation(QCoreApplication::translate("NuspecReader", "The .nuspec manifest is not well-formed XML: %1 at line %2.")
                                     .arg(reader.errorString())
                                     .arg(reader.lineNumber()));
    }
    if (!sawPackage || metadata.id.isEmpty() || metadata.version.isEmpty()) {
        return Error::validation(QCoreApplication::translate("NuspecReader", "The .nuspec manifest has no package id or version."));
    }
    return metadata;
}

} // namespace Cuttle
