#pragma once

#include "model/core/auditevent.h"

#include <QSet>
#include <QVariantMap>

namespace Cuttle {

/// Field-level differences between two versions of a record, each given as a map of
/// field name to value (lists compare as lists). Secret fields are reported as changed
/// without their values.
class AuditDiff final
{
public:
    static QList<AuditChange> between(const QVariantMap &before, const QVariantMap &after,
                                      const QSet<QString> &secretFields = {});
    /// Renders a field value the way audit entries show it.
    static QString render(const QVariant &value);
};

} // namespace Cuttle
