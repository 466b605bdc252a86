#pragma once

#include "model/core/result.h"
#include "model/core/space.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Spaces of the workspace; the Default space always exists.
class SpaceRepository final
{
public:
    explicit SpaceRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<Space>> list() const;
    Result<Space> get(const QString &id) const;
    Result<Space> find(const QString &idOrName) const;
    Result<Space> defaultSpace() const;
    /// Also creates the new space's default machine policy.
    Result<Space> create(Space space);
    Result<Space> update(const Space &space);
    /// Refused for the Default space and for a space that still holds anything.
    VoidResult remove(const QString &id);

private:
    StoreContext m_context;
};

} // namespace Cuttle
