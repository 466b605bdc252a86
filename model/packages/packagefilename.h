#pragma once

#include "model/core/mavenversion.h"
#include "model/core/result.h"
#include "model/core/semanticversion.h"
#include "model/packages/packageformat.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Cuttle {

/// A package file name `<PackageId>.<Version>.<ext>` split into its parts.
class PackageFileName final
{
public:
    /// When digits in the id make the split ambiguous, the longest version that parses wins:
    /// "Acme.Web2.1.0.0.zip" is Acme.Web2 1.0.0, "abc.1.2.3.4.5.zip" is abc.1 2.3.4.5.
    static Result<PackageFileName> parse(QStringView fileName);
    /// Segments of ASCII letters and digits joined by single '.', '-' or '_'.
    static bool isValidPackageId(QStringView id);

    QString packageId() const { return m_packageId; }
    /// The version as written in the file name.
    QString versionText() const { return m_versionText; }
    /// Set for every format except Jar, War and Ear.
    const std::optional<SemanticVersion> &semanticVersion() const { return m_semantic; }
    /// Set for Jar, War and Ear.
    const std::optional<MavenVersion> &mavenVersion() const { return m_maven; }
    PackageFormat format() const { return m_format; }
    /// The extension as written, with its leading dot (".tar.gz", ".TGZ").
    QString extension() const { return m_extension; }

    /// The version part used in stored file names: the normalized semantic version (so 1.0.0.0
    /// and 1.0 are stored once) unless that would read back as another id, else as written.
    QString storageVersion() const;
    /// `<id>.<storageVersion>.<lower-case extension>`, the name the repository stores the file under.
    QString storageFileName() const;
    /// The file name as parsed.
    QString fileName() const { return m_packageId + u'.' + m_versionText + m_extension; }

    /// Same package id (case-insensitive, as NuGet ids are) and semantically equal version.
    bool isSamePackageVersion(const PackageFileName &other) const;

private:
    QString m_packageId;
    QString m_versionText;
    std::optional<SemanticVersion> m_semantic;
    std::optional<MavenVersion> m_maven;
    PackageFormat m_format = PackageFormat::Zip;
    QString m_extension;
};

} // namespace Cuttle
