#pragma once

#include "model/core/libraryvariableset.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>
#include <QStringList>

namespace Cuttle {

/// Library variable sets of a space and which projects include them. The values of a set
/// are VariableRepository's, with VariableOwner::librarySet(id).
class LibraryVariableSetRepository final
{
public:
    explicit LibraryVariableSetRepository(StoreContext context) : m_context(std::move(context)) {}

    /// The space's sets by name.
    Result<QList<LibraryVariableSet>> list(const QString &spaceId) const;
    Result<LibraryVariableSet> find(const QString &spaceId, const QString &idOrName) const;
    /// Names are unique per space (any case).
    Result<LibraryVariableSet> create(const LibraryVariableSet &set);
    /// Renames or describes the set.
    Result<LibraryVariableSet> update(const LibraryVariableSet &set);
    /// Deletes the set and its values; a Conflict naming the projects while any includes it.
    /// The caller removes the keychain secrets of the set's sensitive values
    /// (VariableService::removeLibrarySet does).
    VoidResult remove(const QString &spaceId, const QString &id);
    /// The sets a project includes, in include order.
    Result<QList<LibraryVariableSet>> includedBy(const QString &projectId) const;
    /// The projects (ids, by name) that include the set.
    Result<QStringList> includingProjects(const QString &setId) const;
    /// Replaces the project's includes by `setIds` in this order.
    VoidResult setIncluded(const QString &projectId, const QStringList &setIds);

private:
    StoreContext m_context;
};

} // namespace Cuttle
