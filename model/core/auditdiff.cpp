#include "model/core/auditdiff.h"

#include <QStringList>

#include <algorithm>

namespace Cuttle {

QString AuditDiff::render(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList parts;
        for (const QVariant &item : value.toList())
            parts << render(item);
        return parts.join(QStringLiteral(", "));
    }
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

QList<AuditChange> AuditDiff::between(const QVariantMap &before, const QVariantMap &after,
                                      const QSet<QString> &secretFields)
{
    // Both maps iterate in key order, so one merge gives every field once, sorted; a save of
    // thousands of variable values has thousands of fields.
    QStringList fields;
    fields.reserve(std::max(before.size(), after.size()));
    auto b = before.keyBegin();
    auto a = after.keyBegin();
    while (b != before.keyEnd() || a != after.keyEnd()) {
        if (a == after.keyEnd() || (b != before.keyEnd() && *b < *a))
            fields << *b++;
        else if (b == before.keyEnd() || *a < *b)
            fields << *a++;
        else {
            fields << *b++;
            ++a;
        }
    }

    QList<AuditChange> changes;
    for (const QString &field : std::as_const(fields)) {
        const QString oldText = render(before.value(field));
        const QString newText = render(after.value(field));
        if (oldText == newText)
            continue;
        if (secretFields.contains(field))
            changes.append({field, {}, {}, true});
        else
            changes.append({field, oldText, newText, false});
    }
    return changes;
}

} // namespace Cuttle
