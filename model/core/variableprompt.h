#pragma once

#include <QString>

namespace Cuttle {

/// How a prompted variable is asked for at deployment time (domain.md 2.4): asked
/// alphabetically by label; its value given then replaces the stored one.
struct VariablePrompt
{
    enum class Control { SingleLineText, MultiLineText, Checkbox, Sensitive };

    QString label;
    QString description;
    bool required = false;
    Control control = Control::SingleLineText;

    bool operator==(const VariablePrompt &) const = default;
};

} // namespace Cuttle
