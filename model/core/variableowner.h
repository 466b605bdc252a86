#pragma once

#include <QString>

namespace Cuttle {

/// Whose variables these are: a project's own variable set or a library variable set.
struct VariableOwner
{
    enum class Kind { Project, LibrarySet };

    Kind kind = Kind::Project;
    QString id; ///< the project's id, or the library variable set's id

    static VariableOwner project(const QString &projectId) { return {Kind::Project, projectId}; }
    static VariableOwner librarySet(const QString &setId) { return {Kind::LibrarySet, setId}; }

    bool operator==(const VariableOwner &) const = default;
};

} // namespace Cuttle
