#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// The built-in filters (`#{Var | Filter args}`), with the reference engine's semantics:
/// nullopt means "not applicable", and the whole expression is then echoed unchanged.
class TemplateFilters final
{
public:
    /// Applies filter `name` (case-insensitive) to `argument` (nullopt when the variable is undefined).
    static std::optional<QString> apply(const QString &name, const std::optional<QString> &argument,
                                        const QStringList &options);
    static bool isKnown(const QString &name);
};

} // namespace Cuttle
