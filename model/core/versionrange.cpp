#include "model/core/versionrange.h"

#include <QCoreApplication>

namespace Cuttle {

namespace {

Error invalid(const QString &message)
{
    return Error::validation(message, QStringLiteral("versionRange"));
}

} // namespace

Result<VersionRange> VersionRange::parse(QStringView text)
{
    return parseWith(text, false);
}

Result<VersionRange> VersionRange::parseMaven(QStringView text)
{
    return parseWith(text, true);
}

Result<VersionRange> VersionRange::parseWith(QStringView input, bool maven)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return invalid(QCoreApplication::translate("VersionRange", "The version range is empty."));

    VersionRange range;
    const QChar first = text.front();
    if (first != u'[' && first != u'(') {
        range.m_maven = maven;
        if (!range.setBound(text, range.m_min, range.m_mavenMin)) {
            return invalid(QCoreApplication::translate("VersionRange", "\"%1\" is not a valid version or version range.")
                               .arg(text.toString()));
        }
        range.m_minInclusive = true;
        return range;
    }

    const QChar last = text.back();
    if (text.size() < 2 || (last != u']' && last != u')')) {
        return invalid(QCoreApplication::translate(
                           "VersionRange", "The version range \"%1\" must end with ']' or ')'.")
                           .arg(text.toString()));
    }
    range.m_minInclusive = first == u'[';
    range.m_maxInclusive = last == u']';
    const QStringView inner = text.mid(1, text.size() - 2);
    const auto parts = inner.split(u',');
    if (parts.size() > 2) {
        return invalid(QCoreApplication::translate(
                           "VersionRange", "The version range \"%1\" has more than two bounds.")
                           .arg(text.toString()));
    }

    range.m_maven = maven;
    for (const QStringView part : parts) {
        VersionRange probe;
        probe.m_maven = maven;
        if (!part.trimmed().isEmpty() && !probe.setBound(part.trimmed(), probe.m_min, probe.m_mavenMin)) {
            return invalid(QCoreApplication::translate(
                               "VersionRange", "\"%1\" in the version range \"%2\" is not a valid version.")
                               .arg(part.trimmed().toString(), text.toString()));
        }
    }

    if (parts.size() == 1) {
        // "[1.0]" pins one version; "(1.0)" or "[1.0)" would contain nothing.
        if (!range.m_minInclusive || !range.m_maxInclusive || parts[0].trimmed().isEmpty()) {
            return invalid(QCoreApplication::translate(
                               "VersionRange", "The version range \"%1\" contains no version; write [1.0] for exactly one version.")
                               .arg(text.toString()));
        }
        range.setBound(parts[0].trimmed(), range.m_min, range.m_mavenMin);
        range.m_max = range.m_min;
        range.m_mavenMax = range.m_mavenMin;
        return range;
    }

    if (!parts[0].trimmed().isEmpty())
        range.setBound(parts[0].trimmed(), range.m_min, range.m_mavenMin);
    if (!parts[1].trimmed().isEmpty())
        range.setBound(parts[1].trimmed(), range.m_max, range.m_mavenMax);
    if (!range.m_min && !range.m_mavenMin)
        range.m_minInclusive = false;
    if (!range.m_max && !range.m_mavenMax)
        range.m_maxInclusive = false;
    std::optional<std::strong_ordering> order;
    if (maven && range.m_mavenMin && range.m_mavenMax)
        order = *range.m_mavenMin <=> *range.m_mavenMax;
    else if (!maven && range.m_min && range.m_max)
        order = *range.m_min <=> *range.m_max;
    if (order) {
        const auto c = *order;
        if (c > 0 || (c == 0 && !(range.m_minInclusive && range.m_maxInclusive))) {
            return invalid(QCoreApplication::translate(
                               "VersionRange", "The version range \"%1\" contains no version because its lower bound is not below its upper bound.")
                               .arg(text.toString()));
        }
    }
    return range;
}

bool VersionRange::setBound(QStringView text, std::optional<SemanticVersion> &semantic,
                            std::optional<MavenVersion> &maven) const
{
    // Both readings are kept where they exist, so either kind of version can be tested.
    semantic = SemanticVersion::parse(text);
    maven = MavenVersion::parse(text);
    return m_maven ? maven.has_value() : semantic.has_value();
}

bool VersionRange::contains(const MavenVersion &version) const
{
    if (m_mavenMin) {
        const auto c = version <=> *m_mavenMin;
        if (c < 0 || (c == 0 && !m_minInclusive))
            return false;
    }
    if (m_mavenMax) {
        const auto c = version <=> *m_mavenMax;
        if (c > 0 || (c == 0 && !m_maxInclusive))
            return false;
    }
    return true;
}

bool VersionRange::contains(const SemanticVersion &version) const
{
    // A Maven bound that is no semantic version cannot be compared: nothing is inside.
    if ((m_mavenMin && !m_min) || (m_mavenMax && !m_max))
        return false;
    if (m_min) {
        const auto c = version <=> *m_min;
        if (c < 0 || (c == 0 && !m_minInclusive))
            return false;
    }
    if (m_max) {
        const auto c = version <=> *m_max;
        if (c > 0 || (c == 0 && !m_maxInclusive))
            return false;
    }
    return true;
}

QString VersionRange::toString() const
{
    if (isUnbounded())
        return {};
    if (m_maven) {
        const QString lo = m_mavenMin ? m_mavenMin->toString() : QString();
        const QString hi = m_mavenMax ? m_mavenMax->toString() : QString();
        if (m_mavenMin && m_minInclusive && !m_mavenMax)
            return lo;
        if (m_mavenMin && m_mavenMax && *m_mavenMin == *m_mavenMax)
            return u'[' + lo + u']';
        return (m_minInclusive ? u'[' : u'(') + lo + QStringLiteral(", ") + hi + (m_maxInclusive ? u']' : u')');
    }
    if (m_min && m_minInclusive && !m_max)
        return m_min->toNormalizedString();
    if (m_min && m_max && *m_min == *m_max)
        return u'[' + m_min->toNormalizedString() + u']';
    return (m_minInclusive ? u'[' : u'(') + (m_min ? m_min->toNormalizedString() : QString())
           + QStringLiteral(", ") + (m_max ? m_max->toNormalizedString() : QString())
           + (m_maxInclusive ? u']' : u')');
}

} // namespace Cuttle
