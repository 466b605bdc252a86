#include "model/store/unitofwork.h"

#include "model/store/repositorysupport.h"

namespace Cuttle {

VoidResult UnitOfWork::run(const StoreContext &context, const std::function<VoidResult()> &work)
{
    return StoreSupport::write(context, [&](const QSqlDatabase &) { return work(); });
}

} // namespace Cuttle
