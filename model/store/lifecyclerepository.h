#pragma once

#include "model/core/lifecycle.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Lifecycles of a space with their ordered phases.
class LifecycleRepository final
{
public:
    explicit LifecycleRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<Lifecycle>> list(const QString &spaceId) const;
    Result<Lifecycle> get(const QString &id) const;
    Result<Lifecycle> find(const QString &spaceId, const QString &idOrName) const;
    Result<Lifecycle> create(Lifecycle lifecycle);
    /// Replaces the phases as given (the phase editor saves the whole list).
    Result<Lifecycle> update(const Lifecycle &lifecycle);
    /// Refused while projects or channels use the lifecycle.
    VoidResult remove(const QString &id);

    /// Phase rules: named phases, each environment in at most one phase, a minimum that
    /// the phase can reach.
    static VoidResult validate(Lifecycle &lifecycle);

private:
    StoreContext m_context;
};

} // namespace Cuttle
