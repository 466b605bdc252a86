#include "model/packages/packagefilename.h"

#include <QCoreApplication>

namespace Cuttle {

namespace {

bool isAsciiAlnum(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isSeparator(QChar c)
{
    return c == u'.' || c == u'-' || c == u'_';
}

// Maven versions are free text, so require what a Java artifact version looks like in a
// file name: a leading digit and no characters that need quoting.
bool isPlausibleMavenVersion(QStringView v)
{
    if (v.isEmpty() || !(v.front() >= u'0' && v.front() <= u'9'))
        return false;
    for (QChar c : v) {
        if (!isAsciiAlnum(c) && !isSeparator(c) && c != u'+')
            return false;
    }
    return !isSeparator(v.back());
}

} // namespace

bool PackageFileName::isValidPackageId(QStringView id)
{
    if (id.isEmpty() || !isAsciiAlnum(id.front()) || !isAsciiAlnum(id.back()))
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id[i];
        if (isAsciiAlnum(c))
            continue;
        if (!isSeparator(c) || isSeparator(id[i - 1]))
            return false;
    }
    return true;
}

Result<PackageFileName> PackageFileName::parse(QStringView fileName)
{
    const auto match = packageFormatFromFileName(fileName);
    if (!match) {
        return Error::validation(
            QCoreApplication::translate("PackageFileName", "“%1” does not end with a supported package extension (%2).")
                .arg(fileName.toString(), allPackageExtensions().join(QStringLiteral(", "))),
            QStringLiteral("fileName"));
    }
    const QStringView stem = fileName.left(fileName.size() - match->extension.size());
    const bool maven = isMavenPackageFormat(match->format);
    // The leftmost split point gives the longest version.
    for (qsizetype dot = stem.indexOf(u'.'); dot >= 0; dot = stem.indexOf(u'.', dot + 1)) {
        const QStringView id = stem.left(dot);
        const QStringView version = stem.mid(dot + 1);
        if (!isValidPackageId(id))
            continue;
        PackageFileName name;
        if (maven) {
            if (!isPlausibleMavenVersion(version))
                continue;
            name.m_maven = MavenVersion::parse(version);
            if (!name.m_maven)
                continue;
        } else {
            name.m_semantic = SemanticVersion::parse(version);
            if (!name.m_semantic)
                continue;
        }
        name.m_packageId = id.toString();
        name.m_versionText = version.toString();
        name.m_format = match->format;
        name.m_extension = match->extension;
        return name;
    }
    return Error::validation(
        QCoreApplication::translate("PackageFileName", "“%1” is not a package file name of the form <PackageId>.<Version>%2.")
            .arg(fileName.toString(), match->extension),
        QStringLiteral("fileName"));
}

QString PackageFileName::storageVersion() const
{
    if (!m_semantic)
        return m_versionText;
    const QString normalized = m_semantic->toNormalizedString();
    // Normalizing may shorten the version so much that the name splits differently when read
    // back ("Acme.1.0.0.0.0" is Acme.1 0.0.0.0, but "Acme.1.0.0.0" is Acme 1.0.0.0).
    const auto reparsed = parse(QString(m_packageId + u'.' + normalized + m_extension));
    if (reparsed && reparsed->m_packageId == m_packageId && reparsed->isSamePackageVersion(*this))
        return normalized;
    return m_versionText;
}

QString PackageFileName::storageFileName() const
{
    return m_packageId + u'.' + storageVersion() + m_extension.toLower();
}

bool PackageFileName::isSamePackageVersion(const PackageFileName &other) const
{
    if (m_packageId.compare(other.m_packageId, Qt::CaseInsensitive) != 0)
        return false;
    if (m_semantic && other.m_semantic)
        return *m_semantic == *other.m_semantic;
    if (m_maven && other.m_maven)
        return *m_maven == *other.m_maven;
    return m_versionText == other.m_versionText;
}

} // namespace Cuttle
