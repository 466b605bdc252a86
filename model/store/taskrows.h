#pragma once

#include "model/core/result.h"
#include "model/core/task.h"
#include "model/store/storecontext.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace Cuttle {

/// The tasks row shared by repositories that create a task together with their own record
/// (a deployment and its task) in one transaction.
class TaskRows final
{
public:
    /// Inserts `task`, filling in its id, createdAt and createdBy; call inside a write
    /// transaction. `queueTimeExpiry` (optional) is when a scheduled task that has not
    /// started by then is dropped.
    static VoidResult insert(const QSqlDatabase &db, const StoreContext &context, Task &task,
                             const QDateTime &queueTimeExpiry = {});
};

} // namespace Cuttle
