#pragma once

#include <QByteArray>
#include <QString>

namespace Cuttle {

/// Writes YAML scalars that read back as exactly the given text, and tells what type a plain
/// scalar resolves to (YAML 1.1 and 1.2 core schemas both taken into account).
class YamlScalarWriter final
{
public:
    enum class Type { String, Null, Bool, Number };

    static Type resolvePlain(const QString &text);
    /// True when the text can be written unquoted and still read back as this string.
    static bool isPlainSafe(const QString &text, bool flow);
    static QByteArray doubleQuoted(const QString &text);
    /// Single-quoted form, or an empty array when the text needs escapes single quotes lack.
    static QByteArray singleQuoted(const QString &text);
    static QByteArray plainOrDoubleQuoted(const QString &text, bool flow);
};

} // namespace Cuttle
