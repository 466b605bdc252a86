#include "model/core/versionrange.h"

#include <QCoreApplication>

namespace Cuttle {

namespace {

Error invalid(const QString &message)
{
    return Error::validation(message, QStringLiteral("versionRange"));
}

} // namespace

Result<VersionRange> VersionRange::parse(QStringView input)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return invalid(QCoreApplication::translate("VersionRange", "The version range is empty."));

    VersionRange range;
    const QChar first = text.front();
    if (first != u'[' && first != u'(') {
        const auto v = SemanticVersion::parse(text);
        if (!v) {
            return invalid(QCoreApplication::translate("VersionRange", "\"%1\" is not a valid version or version range.")
                               .arg(text.toString()));
        }
        range.m_min = *v;
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

    auto bound = [&](QStringView part, std::optional<SemanticVersion> &out) -> bool {
        const QStringView t = part.trimmed();
        if (t.isEmpty())
            return true;
        out = SemanticVersion::parse(t);
        return out.has_value();
    };
    for (const QStringView part : parts) {
        std::optional<SemanticVersion> dummy;
        if (!bound(part, dummy)) {
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
        bound(parts[0], range.m_min);
        range.m_max = range.m_min;
        return range;
    }

    bound(parts[0], range.m_min);
    bound(parts[1], range.m_max);
    if (!range.m_min)
        range.m_minInclusive = false;
    if (!range.m_max)
        range.m_maxInclusive = false;
    if (range.m_min && range.m_max) {
        const auto c = *range.m_min <=> *range.m_max;
        if (c > 0 || (c == 0 && !(range.m_minInclusive && range.m_maxInclusive))) {
            return invalid(QCoreApplication::translate(
                               "VersionRange", "The version range \"%1\" contains no version because its lower bound is not below its upper bound.")
                               .arg(text.toString()));
        }
    }
    return range;
}

bool VersionRange::contains(const SemanticVersion &version) const
{
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
    if (m_min && m_minInclusive && !m_max)
        return m_min->toNormalizedString();
    if (m_min && m_max && *m_min == *m_max)
        return u'[' + m_min->toNormalizedString() + u']';
    return (m_minInclusive ? u'[' : u'(') + (m_min ? m_min->toNormalizedString() : QString())
           + QStringLiteral(", ") + (m_max ? m_max->toNormalizedString() : QString())
           + (m_maxInclusive ? u']' : u')');
}

} // namespace Cuttle
