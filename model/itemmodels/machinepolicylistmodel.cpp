#include "model/itemmodels/machinepolicylistmodel.h"

#include <QFont>

namespace Cuttle {

MachinePolicyListModel::MachinePolicyListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MachinePolicyListModel::setPolicies(const QList<MachinePolicy> &policies)
{
    beginResetModel();
    m_policies = policies;
    endResetModel();
}

int MachinePolicyListModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_policies.size(); ++i) {
        if (m_policies.at(i).id == id)
            return int(i);
    }
    return -1;
}

QString MachinePolicyListModel::intervalText(int seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return tr("every %n day(s)", nullptr, seconds / 86400);
    if (seconds > 0 && seconds % 3600 == 0)
        return tr("every %n hour(s)", nullptr, seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return tr("every %n minute(s)", nullptr, seconds / 60);
    return tr("every %n second(s)", nullptr, seconds);
}

int MachinePolicyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_policies.size());
}

int MachinePolicyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MachinePolicyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MachinePolicy &policy = m_policies.at(index.row());
    switch (role) {
    case IdRole: return policy.id;
    case IsDefaultRole: return policy.isDefault;
    case IntervalSecondsRole: return policy.healthCheckIntervalSeconds;
    case Qt::ToolTipRole: return policy.description.isEmpty() ? QVariant() : QVariant(policy.description);
    case Qt::FontRole:
        if (policy.isDefault && index.column() == Name) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (Column(index.column())) {
    case Name: return policy.isDefault ? tr("%1 (default)").arg(policy.name) : policy.name;
    case HealthCheckInterval: return intervalText(policy.healthCheckIntervalSeconds);
    case ConnectionTestOnly: return policy.connectionTestOnly ? tr("Connection test only") : tr("Full health check");
    case ColumnCount: break;
    }
    return {};
}

QVariant MachinePolicyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Name");
    case HealthCheckInterval: return tr("Health check");
    case ConnectionTestOnly: return tr("Check");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Cuttle
