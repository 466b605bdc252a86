#pragma once

#include <QString>

#include <optional>

namespace Cuttle {

/// The keychain key of one secret: "<workspace id>/<record id>/<part>", for example
/// "7f3c.../Accounts-3/password". A '/' or '%' inside a component is percent-encoded, so
/// every key names exactly one (workspace, record, part) and parse() gives it back.
class SecretKey final
{
public:
    SecretKey(const QString &workspaceId, const QString &recordId, const QString &part);

    /// The key for a stored string such as one toString() made; nullopt when it is not one.
    static std::optional<SecretKey> parse(const QString &key);

    const QString &workspaceId() const { return m_workspaceId; }
    const QString &recordId() const { return m_recordId; }
    const QString &part() const { return m_part; }

    /// False when a component is empty: such a key would collide with another record's.
    bool isValid() const;
    QString toString() const;

    bool operator==(const SecretKey &other) const = default;

private:
    QString m_workspaceId;
    QString m_recordId;
    QString m_part;
};

} // namespace Cuttle
