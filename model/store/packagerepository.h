#pragma once

#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QDateTime>
#include <QList>
#include <QVariantMap>

namespace Cuttle {

/// Records of the packages pushed to the built-in repository of a space. The files
/// themselves are kept by PackageFileStore; BuiltinRepository keeps the two in step.
class PackageRepository final
{
public:
    /// One pushed package version.
    struct Record
    {
        QString id;                ///< "Packages-<n>"
        QString spaceId;
        QString packageId;
        QString version;           ///< as written in the pushed file name
        /// Equal for semantically equal versions (so the table holds each version once).
        QString normalizedVersion;
        QString format;            ///< PackageFormat name, e.g. "tar.gz", "NuGet"
        qint64 size = 0;
        QString sha256;            ///< lower-case hex
        QString filePath;          ///< relative to the space's package folder
        QDateTime uploadedAt;
        QString uploadedBy;
        QString title;
        QString authors;
        QString description;
        QString releaseNotes;

        /// `<id> <version>`, how messages and audit events name the package.
        QString displayName() const;
    };

    explicit PackageRepository(StoreContext context) : m_context(std::move(context)) {}

    /// Every package of the space (or of one package id, case-insensitive), by id and then
    /// newest version first.
    Result<QList<Record>> list(const QString &spaceId, const QString &packageId = {}) const;
    /// The record whose version equals `version` semantically (Maven ordering for Java formats).
    Result<Record> find(const QString &spaceId, const QString &packageId, const QString &version) const;
    Result<Record> get(const QString &id) const;
    /// Adds a record; a Conflict when the space already has this id and version.
    Result<Record> insert(Record record);
    /// Overwrites the record with record.id (a replaced package file) and records the change.
    Result<Record> replace(const Record &record);
    /// Refused (Conflict) while a release of the space uses the package version.
    VoidResult remove(const QString &id);
    /// How many releases of the space use this package id and version (semantically equal).
    Result<int> releaseCount(const QString &spaceId, const QString &packageId, const QString &version) const;

    /// The normalized form stored for a version of a package of `format`.
    static QString normalizeVersion(const QString &version, const QString &format);
    /// Whether two versions of packages of `format` are the same version.
    static bool sameVersion(const QString &a, const QString &b, const QString &format);
    /// Orders versions newest first (semantic, or Maven for Java formats).
    static bool isNewer(const QString &a, const QString &b, const QString &format);
    static QVariantMap auditFields(const Record &record);
    /// By package id (case-insensitive), then newest version first; list()'s order.
    static void sortNewestFirst(QList<Record> &records);

private:
    StoreContext m_context;
};

} // namespace Cuttle
