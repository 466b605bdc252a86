#pragma once

#include "model/store/database.h"

#include <memory>

namespace Cuttle {

/// What every repository needs: the database and who is acting (for audit events).
struct StoreContext
{
    std::shared_ptr<Database> database;
    QString actor;

    /// The operating-system user running Cuttle; the actor until Cuttle has its own users.
    static QString operatingSystemUser();
};

} // namespace Cuttle
