#pragma once

#include "model/core/projectgroup.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Project groups of a space.
class ProjectGroupRepository final
{
public:
    explicit ProjectGroupRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<ProjectGroup>> list(const QString &spaceId) const;
    Result<ProjectGroup> get(const QString &id) const;
    Result<ProjectGroup> find(const QString &spaceId, const QString &idOrName) const;
    Result<ProjectGroup> create(ProjectGroup group);
    Result<ProjectGroup> update(const ProjectGroup &group);
    /// Refused while projects belong to the group.
    VoidResult remove(const QString &id);

private:
    StoreContext m_context;
};

} // namespace Cuttle
