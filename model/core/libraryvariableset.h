#pragma once

#include <QString>

namespace Cuttle {

/// Variables shared across projects of a space; a project includes sets explicitly
/// (domain.md 2.5). Its values live in the variables tables like a project's.
struct LibraryVariableSet
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
};

} // namespace Cuttle
