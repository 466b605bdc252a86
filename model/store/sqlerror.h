#pragma once

#include "model/core/error.h"

#include <QSqlError>

namespace Cuttle {

/// Turns a QtSql error into one sentence a user can act on ("locked by another program",
/// "damaged", "disk full", ...).
Error sqlError(const QSqlError &error, const QString &databasePath = {});

} // namespace Cuttle
