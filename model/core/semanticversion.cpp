#include "model/core/semanticversion.h"

#include <QHashFunctions>
#include <QStringList>

#include <climits>

namespace Cuttle {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAllDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

bool isIdentifierChar(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
}

// Dot-separated, non-empty identifiers of [0-9A-Za-z-]; leading zeros are tolerated
// in numeric identifiers because NuGet accepts them.
bool isValidIdentifierList(QStringView s)
{
    if (s.isEmpty())
        return false;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == u'.') {
            if (i == start)
                return false;
            start = i + 1;
        } else if (!isIdentifierChar(s[i])) {
            return false;
        }
    }
    return true;
}

std::optional<int> parseNumber(QStringView s)
{
    if (!isAllDigits(s))
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : s) {
        value = value * 10 + (c.unicode() - u'0');
        if (value > INT_MAX)
            return std::nullopt;
    }
    return int(value);
}

QStringView stripLeadingZeros(QStringView digits)
{
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits[i] == u'0')
        ++i;
    return digits.mid(i);
}

std::strong_ordering fromInt(int c)
{
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::strong_ordering compareIdentifier(QStringView a, QStringView b)
{
    const bool aNumeric = isAllDigits(a);
    const bool bNumeric = isAllDigits(b);
    if (aNumeric && bNumeric) {
        const QStringView x = stripLeadingZeros(a);
        const QStringView y = stripLeadingZeros(b);
        if (x.size() != y.size())
            return x.size() <=> y.size();
        return fromInt(x.compare(y));
    }
    if (aNumeric != bNumeric)
        return aNumeric ? std::strong_ordering::less : std::strong_ordering::greater;
    return fromInt(a.compare(b, Qt::CaseInsensitive));
}

std::strong_ordering comparePreRelease(QStringView a, QStringView b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() <=> b.isEmpty(); // a stable version sorts after its pre-releases
    const auto as = a.split(u'.');
    const auto bs = b.split(u'.');
    const qsizetype n = std::min(as.size(), bs.size());
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = compareIdentifier(as[i], bs[i]);
        if (c != 0)
            return c;
    }
    return as.size() <=> bs.size();
}

QString numericCore(const SemanticVersion &v)
{
    QString s = QString::number(v.major()) + u'.' + QString::number(v.minor()) + u'.'
                + QString::number(v.patch());
    if (v.revision() != 0)
        s += u'.' + QString::number(v.revision());
    return s;
}

} // namespace

SemanticVersion::SemanticVersion(int major, int minor, int patch, int revision,
                                 const QString &preRelease, const QString &metadata)
    : m_major(major)
    , m_minor(minor)
    , m_patch(patch)
    , m_revision(revision)
    , m_preRelease(preRelease)
    , m_metadata(metadata)
{
    m_text = numericCore(*this);
    if (!m_preRelease.isEmpty())
        m_text += u'-' + m_preRelease;
    if (!m_metadata.isEmpty())
        m_text += u'+' + m_metadata;
}

std::optional<SemanticVersion> SemanticVersion::parse(QStringView text)
{
    QStringView rest = text;
    QStringView metadata;
    QStringView preRelease;
    if (const qsizetype plus = rest.indexOf(u'+'); plus >= 0) {
        metadata = rest.mid(plus + 1);
        rest = rest.left(plus);
        if (!isValidIdentifierList(metadata))
            return std::nullopt;
    }
    if (const qsizetype dash = rest.indexOf(u'-'); dash >= 0) {
        preRelease = rest.mid(dash + 1);
        rest = rest.left(dash);
        if (!isValidIdentifierList(preRelease))
            return std::nullopt;
    }
    const auto parts = rest.split(u'.');
    if (parts.isEmpty() || parts.size() > 4)
        return std::nullopt;
    int numbers[4] = {0, 0, 0, 0};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto n = parseNumber(parts[i]);
        if (!n)
            return std::nullopt;
        numbers[i] = *n;
    }
    SemanticVersion v;
    v.m_major = numbers[0];
    v.m_minor = numbers[1];
    v.m_patch = numbers[2];
    v.m_revision = numbers[3];
    v.m_preRelease = preRelease.toString();
    v.m_metadata = metadata.toString();
    v.m_text = text.toString();
    return v;
}

QString SemanticVersion::preReleasePrefix() const
{
    const QString counter = preReleaseCounter();
    if (counter.isEmpty())
        return m_preRelease;
    QString prefix = m_preRelease.left(m_preRelease.size() - counter.size());
    if (prefix.endsWith(u'.'))
        prefix.chop(1);
    return prefix;
}

QString SemanticVersion::preReleaseCounter() const
{
    qsizetype i = m_preRelease.size();
    while (i > 0 && isAsciiDigit(m_preRelease[i - 1]))
        --i;
    // "rc-2" is a tag named rc-2, not a counter; only a dot or a letter may precede the digits.
    if (i > 0 && m_preRelease[i - 1] == u'-')
        return {};
    return m_preRelease.mid(i);
}

QString SemanticVersion::toNormalizedString() const
{
    QString s = numericCore(*this);
    if (!m_preRelease.isEmpty())
        s += u'-' + m_preRelease;
    return s;
}

std::strong_ordering operator<=>(const SemanticVersion &a, const SemanticVersion &b)
{
    if (auto c = a.m_major <=> b.m_major; c != 0)
        return c;
    if (auto c = a.m_minor <=> b.m_minor; c != 0)
        return c;
    if (auto c = a.m_patch <=> b.m_patch; c != 0)
        return c;
    if (auto c = a.m_revision <=> b.m_revision; c != 0)
        return c;
    return comparePreRelease(a.m_preRelease, b.m_preRelease);
}

size_t qHash(const SemanticVersion &version, size_t seed)
{
    QString canonical = numericCore(version);
    if (version.isPreRelease()) {
        canonical += u'-';
        const QString pre = version.preRelease();
        const auto ids = QStringView(pre).split(u'.');
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (i > 0)
                canonical += u'.';
            if (isAllDigits(ids[i]))
                canonical += stripLeadingZeros(ids[i]);
            else
                canonical += ids[i].toString().toLower();
        }
    }
    return qHash(canonical, seed);
}

} // namespace Cuttle
