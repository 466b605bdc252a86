#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Cuttle {

/// One field that changed; secret fields carry no values, only the fact they changed.
struct AuditChange
{
    QString field;
    QString before;
    QString after;
    bool secret = false;
};

/// Who changed what, when.
struct AuditEvent
{
    qint64 id = 0;
    QDateTime occurredAt;
    QString username;
    QString spaceId;
    QString action; ///< Created, Modified, Deleted, or a verb such as Reordered
    QString documentKind;
    QString documentId;
    QString documentName;
    QList<AuditChange> changes;
};

} // namespace Cuttle
