#pragma once

#include "model/core/project.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Projects of a space. Creating a project also creates its variable set, its deployment
/// process and its Default channel, so every project always has them.
class ProjectRepository final
{
public:
    explicit ProjectRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<Project>> list(const QString &spaceId) const;
    Result<Project> get(const QString &id) const;
    Result<Project> find(const QString &spaceId, const QString &idOrName) const;
    Result<Project> create(Project project);
    Result<Project> update(const Project &project);
    /// Deletes the project with its process, variables, channels and releases.
    VoidResult remove(const QString &id);

    static VoidResult validate(Project &project);

private:
    StoreContext m_context;
};

} // namespace Cuttle
