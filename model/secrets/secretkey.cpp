#include "model/secrets/secretkey.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

// Only the separator and the escape character itself are encoded, so keys stay readable
// in a keychain browser such as Seahorse.
QString encodeComponent(const QString &component)
{
    QString encoded = component;
    encoded.replace(u'%', u"%25"_s);
    encoded.replace(u'/', u"%2F"_s);
    return encoded;
}

std::optional<QString> decodeComponent(const QString &component)
{
    QString decoded;
    decoded.reserve(component.size());
    for (qsizetype i = 0; i < component.size(); ++i) {
        const QChar c = component.at(i);
        if (c != u'%') {
            decoded.append(c);
            continue;
        }
        const QStringView escape = QStringView(component).mid(i + 1, 2);
        if (escape.compare(u"25", Qt::CaseInsensitive) == 0)
            decoded.append(u'%');
        else if (escape.compare(u"2F", Qt::CaseInsensitive) == 0)
            decoded.append(u'/');
        else
            return std::nullopt;
        i += 2;
    }
    return decoded;
}

} // namespace

SecretKey::SecretKey(const QString &workspaceId, const QString &recordId, const QString &part)
    : m_workspaceId(workspaceId)
    , m_recordId(recordId)
    , m_part(part)
{
}

std::optional<SecretKey> SecretKey::parse(const QString &key)
{
    const QStringList components = key.split(u'/');
    if (components.size() != 3)
        return std::nullopt;
    const auto workspaceId = decodeComponent(components.at(0));
    const auto recordId = decodeComponent(components.at(1));
    const auto part = decodeComponent(components.at(2));
    if (!workspaceId || !recordId || !part)
        return std::nullopt;
    SecretKey parsed(*workspaceId, *recordId, *part);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed;
}

bool SecretKey::isValid() const
{
    return !m_workspaceId.isEmpty() && !m_recordId.isEmpty() && !m_part.isEmpty();
}

QString SecretKey::toString() const
{
    return encodeComponent(m_workspaceId) + u'/' + encodeComponent(m_recordId) + u'/'
        + encodeComponent(m_part);
}

} // namespace Cuttle
