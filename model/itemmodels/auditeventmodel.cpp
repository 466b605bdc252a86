#include "model/itemmodels/auditeventmodel.h"

#include <QLocale>

#include <algorithm>

namespace Cuttle {

AuditEventModel::AuditEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditEventModel::setEvents(const QList<AuditEvent> &events)
{
    beginResetModel();
    m_events = events;
    std::stable_sort(m_events.begin(), m_events.end(), [](const AuditEvent &a, const AuditEvent &b) {
        return a.occurredAt != b.occurredAt ? a.occurredAt > b.occurredAt : a.id > b.id;
    });
    endResetModel();
}

QStringList AuditEventModel::describeChanges(const AuditEvent &event)
{
    QStringList lines;
    for (const AuditChange &c : event.changes) {
        if (c.secret)
            lines << tr("%1 changed").arg(c.field);
        else if (c.before.isEmpty())
            lines << tr("%1: %2").arg(c.field, c.after);
        else if (c.after.isEmpty())
            lines << tr("%1: %2 removed").arg(c.field, c.before);
        else
            lines << tr("%1: %2 → %3").arg(c.field, c.before, c.after);
    }
    return lines;
}

int AuditEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return QLocale().toString(e.occurredAt.toLocalTime(), QLocale::ShortFormat);
        case WhoColumn:
            return e.username;
        case ActionColumn:
            return e.action;
        case DocumentColumn:
            return tr("%1 %2").arg(e.documentKind, e.documentName);
        case ChangesColumn:
            return describeChanges(e).join(QStringLiteral("; "));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ChangesColumn)
            return describeChanges(e).join(u'\n');
        if (index.column() == WhenColumn)
            return e.occurredAt.toLocalTime().toString(Qt::ISODate);
        return {};
    case IdRole:
        return e.id;
    case DocumentIdRole:
        return e.documentId;
    default:
        return {};
    }
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case DocumentColumn:
        return tr("Record");
    case ChangesColumn:
        return tr("Changes");
    default:
        return {};
    }
}

} // namespace Cuttle
