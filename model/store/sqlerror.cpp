#include "model/store/sqlerror.h"

#include <QCoreApplication>

namespace Cuttle {

Error sqlError(const QSqlError &error, const QString &databasePath)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Cuttle::Store", text); };
    const QString where = databasePath.isEmpty() ? tr("the workspace database") : databasePath;
    // SQLite's primary result code is the low byte of the extended code.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return Error::failed(tr("The workspace database %1 is locked by another program; try again when it has finished.").arg(where));
    case 8: // SQLITE_READONLY
        return Error::failed(tr("The workspace database %1 is read-only; check the permissions of the workspace folder.").arg(where));
    case 10: // SQLITE_IOERR
        return Error::failed(tr("Reading or writing the workspace database %1 failed (%2).").arg(where, error.databaseText()));
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return Error::failed(tr("The workspace database %1 is damaged or is not a Cuttle database.").arg(where));
    case 13: // SQLITE_FULL
        return Error::failed(tr("The disk holding the workspace database %1 is full.").arg(where));
    case 14: // SQLITE_CANTOPEN
        return Error::failed(tr("The workspace database %1 cannot be opened; check that the folder exists and is writable.").arg(where));
    case 19: // SQLITE_CONSTRAINT
        return Error::conflict(tr("The change conflicts with existing records (%1).").arg(error.databaseText()));
    default:
        return Error::failed(tr("The workspace database reported an error: %1.").arg(error.text().trimmed()));
    }
}

} // namespace Cuttle
