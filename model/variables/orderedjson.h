#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace Cuttle {

/// A JSON value that keeps object members in document order, which QJsonObject does not;
/// the template engine needs that order for `#{each}` over objects.
class OrderedJson final
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    static std::optional<OrderedJson> parse(QStringView text);

    Type type() const { return m_type; }
    bool isContainer() const { return m_type == Type::Array || m_type == Type::Object; }
    const std::vector<OrderedJson> &items() const { return m_items; }
    const std::vector<std::pair<QString, OrderedJson>> &members() const { return m_members; }
    /// The member with exactly this name (JSON names are case-sensitive), or nullptr.
    const OrderedJson *member(const QString &name) const;
    /// The text a template sees: strings unquoted, `True`/`False`, numbers as written, null as
    /// empty, objects and arrays as compact JSON.
    QString toTemplateText() const;
    QString toCompactJson() const;

private:
    Type m_type = Type::Null;
    QString m_scalar;
    std::vector<OrderedJson> m_items;
    std::vector<std::pair<QString, OrderedJson>> m_members;

    friend class OrderedJsonReader;
};

} // namespace Cuttle
