#pragma once

#include "model/core/scopespec.h"
#include "model/core/variableprompt.h"

#include <QString>

#include <optional>

namespace Cuttle {

/// One value of a variable as defined by a user, with its scope and where it was defined.
struct VariableValue
{
    QString name;
    QString value;
    bool sensitive = false;
    ScopeSpec scope;
    QString source;             ///< the project's name, or the library variable set's name
    bool fromLibrarySet = false;
    int order = -1;             ///< definition order; -1 = the order values were added to the VariableSet
    QString description;
    std::optional<VariablePrompt> prompt; ///< set for a prompted variable (domain.md 2.4)
};

} // namespace Cuttle
