#pragma once

#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <functional>

namespace Cuttle {

/// Runs work that calls several repositories as one transaction on this thread's
/// connection: the repositories' own writes nest inside it (as savepoints), so everything
/// commits together or, when `work` fails, nothing is kept. For the layers above the store,
/// which never see SQL.
class UnitOfWork final
{
public:
    static VoidResult run(const StoreContext &context, const std::function<VoidResult()> &work);
};

} // namespace Cuttle
