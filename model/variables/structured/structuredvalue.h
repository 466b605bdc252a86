#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace Cuttle {

/// A JSON object or array given as a variable value, kept in its written member order so it
/// can be rendered into a JSON or YAML file in place of a whole subtree.
class StructuredValue final
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null };

    /// How a rendered JSON value fits into the surrounding file.
    struct JsonStyle
    {
        bool pretty = true;
        QByteArray indent; ///< indentation of the line the value starts on
        QByteArray unit;   ///< one level of indentation
        QByteArray newline;
        bool spaced = true; ///< ": " and ", " in compact form
    };

    /// Parses text that is a JSON object or array; anything else gives nullopt.
    static std::optional<StructuredValue> parseCollection(const QString &text);

    Kind kind() const { return m_kind; }
    bool isCollection() const { return m_kind == Kind::Object || m_kind == Kind::Array; }
    bool isEmptyCollection() const
    {
        return isCollection() && m_members.empty() && m_items.empty();
    }

    QByteArray toJson(const JsonStyle &style) const;
    QByteArray toYamlFlow() const;
    /// Block form whose first line continues at `column` and whose other lines are indented to it.
    QByteArray toYamlBlock(int column, int unit, const QByteArray &newline) const;

private:
    friend class StructuredValueParser;
    QByteArray yamlScalar(bool flow) const;

    Kind m_kind = Kind::Null;
    QByteArray m_token; ///< JSON text of a scalar, strings with their quotes
    std::vector<std::pair<QByteArray, StructuredValue>> m_members;
    std::vector<StructuredValue> m_items;
};

} // namespace Cuttle
