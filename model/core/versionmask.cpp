#include "model/core/versionmask.h"

#include <QRegularExpression>

#include <algorithm>

namespace Cuttle {

namespace {

int component(const SemanticVersion &version, qsizetype index)
{
    switch (index) {
    case 0: return version.major();
    case 1: return version.minor();
    case 2: return version.patch();
    default: return version.revision();
    }
}

/// How many numeric parts the version was written with (1.2 has two, 1.2.3.4 four).
qsizetype numericPartCount(const SemanticVersion &version)
{
    const QString text = version.toString();
    qsizetype end = text.indexOf(u'-');
    if (const qsizetype plus = text.indexOf(u'+'); plus >= 0 && (end < 0 || plus < end))
        end = plus;
    return QStringView(text).left(end < 0 ? text.size() : end).count(u'.') + 1;
}

} // namespace

std::optional<VersionMask> VersionMask::parse(QStringView text)
{
    static const QRegularExpression numberPart(QStringLiteral("^(\\d+|i|c)$"));
    static const QRegularExpression tagPart(QStringLiteral("^[0-9A-Za-z-]+$"));
    if (text.contains(u'+'))
        return std::nullopt;
    const qsizetype dash = text.indexOf(u'-');
    const QStringView numbers = dash < 0 ? text : text.left(dash);
    VersionMask mask;
    bool substitutes = false;
    const auto numberParts = numbers.split(u'.');
    if (numberParts.size() > 4)
        return std::nullopt;
    for (QStringView part : numberParts) {
        if (!numberPart.match(part.toString()).hasMatch())
            return std::nullopt;
        Part p;
        p.kind = part == u"i" ? Part::Kind::Increment : part == u"c" ? Part::Kind::Current : Part::Kind::Literal;
        p.text = part.toString();
        substitutes = substitutes || p.kind != Part::Kind::Literal;
        mask.m_numbers << p;
    }
    if (dash >= 0) {
        const auto tagParts = text.mid(dash + 1).split(u'.');
        for (qsizetype i = 0; i < tagParts.size(); ++i) {
            const QStringView part = tagParts.at(i);
            if (!tagPart.match(part.toString()).hasMatch())
                return std::nullopt;
            Part p;
            if (i > 0 && (part == u"i" || part == u"c"))
                p.kind = part == u"i" ? Part::Kind::Increment : Part::Kind::Current;
            p.text = part.toString();
            substitutes = substitutes || p.kind != Part::Kind::Literal;
            mask.m_preRelease << p;
        }
    }
    if (!substitutes)
        return std::nullopt;
    return mask;
}

SemanticVersion VersionMask::apply(const std::optional<SemanticVersion> &current) const
{
    QStringList numbers;
    bool incremented = false;
    auto substitute = [&](const Part &part, int currentValue) {
        if (part.kind == Part::Kind::Literal)
            return part.text;
        if (incremented || !current)
            return QStringLiteral("0");
        if (part.kind == Part::Kind::Current)
            return QString::number(currentValue);
        incremented = true;
        return QString::number(currentValue + 1);
    };
    for (qsizetype i = 0; i < m_numbers.size(); ++i) {
        const Part &part = m_numbers.at(i);
        const bool wasIncremented = incremented;
        numbers << substitute(part, current ? component(*current, i) : 0);
        incremented = wasIncremented || part.kind == Part::Kind::Increment;
    }
    const qsizetype currentParts = current ? numericPartCount(*current) : 0;
    for (qsizetype i = m_numbers.size(); i < std::min<qsizetype>(currentParts, 4); ++i)
        numbers << (incremented ? QStringLiteral("0") : QString::number(component(*current, i)));

    QString text = numbers.join(u'.');
    if (!m_preRelease.isEmpty()) {
        const QStringList currentTag = current ? current->preRelease().split(u'.') : QStringList();
        QStringList tag;
        for (qsizetype i = 0; i < m_preRelease.size(); ++i) {
            const Part &part = m_preRelease.at(i);
            const bool wasIncremented = incremented;
            tag << substitute(part, i < currentTag.size() ? currentTag.at(i).toInt() : 0);
            incremented = wasIncremented || part.kind == Part::Kind::Increment;
        }
        text += u'-' + tag.join(u'.');
    }
    // Every part is digits or an identifier the mask accepted, so this always parses.
    return SemanticVersion::parse(text).value_or(SemanticVersion());
}

std::optional<SemanticVersion> VersionMask::latestMatching(const QList<SemanticVersion> &versions) const
{
    QList<int> prefix;
    for (const Part &part : m_numbers) {
        if (part.kind != Part::Kind::Literal)
            break;
        prefix << part.text.toInt();
    }
    std::optional<SemanticVersion> latest;
    for (const SemanticVersion &version : versions) {
        bool matches = true;
        for (qsizetype i = 0; i < prefix.size() && matches; ++i)
            matches = component(version, i) == prefix.at(i);
        if (matches && (!latest || version > *latest))
            latest = version;
    }
    return latest;
}

} // namespace Cuttle
