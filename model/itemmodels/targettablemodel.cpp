#include "model/itemmodels/targettablemodel.h"

#include <QColor>

namespace Cuttle {
namespace {

QColor healthColour(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy: return QColor(0x2e, 0x9e, 0x4f);
    case HealthStatus::HasWarnings: return QColor(0xd9, 0x9a, 0x1c);
    case HealthStatus::Unhealthy: return QColor(0xc8, 0x3a, 0x2e);
    case HealthStatus::Unavailable: return QColor(0x8a, 0x2b, 0x6d);
    case HealthStatus::Unknown: break;
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

} // namespace

TargetTableModel::TargetTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TargetTableModel::setTargets(const QList<DeploymentTarget> &targets)
{
    beginResetModel();
    m_targets = targets;
    endResetModel();
}

int TargetTableModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).id == id)
            return int(i);
    }
    return -1;
}

void TargetTableModel::setEnvironmentNames(const QHash<QString, QString> &names)
{
    m_environmentNames = names;
    if (!m_targets.isEmpty())
        emit dataChanged(index(0, Environments), index(rowCount() - 1, Environments));
}

QString TargetTableModel::endpointText(const DeploymentTarget &target)
{
    switch (target.kind) {
    case TargetKind::Ssh:
    case TargetKind::WinRm:
        return target.port > 0 ? target.host + u':' + QString::number(target.port) : target.host;
    case TargetKind::Local:
    case TargetKind::OfflineDrop: break;
    }
    return target.directory;
}

QString TargetTableModel::environmentsText(const DeploymentTarget &target) const
{
    QStringList names;
    names.reserve(target.environmentIds.size());
    for (const QString &id : target.environmentIds)
        names << m_environmentNames.value(id, id);
    return names.join(QStringLiteral(", "));
}

int TargetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int TargetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeploymentTarget &target = m_targets.at(index.row());
    switch (role) {
    case IdRole: return target.id;
    case KindRole: return int(target.kind);
    case HealthRole: return int(target.healthStatus);
    case IsDisabledRole: return target.isDisabled;
    case TagsRole: return target.tags;
    case EnvironmentIdsRole: return target.environmentIds;
    default: break;
    }
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
        case Name: return target.name;
        case Kind: return displayName(target.kind);
        case Endpoint: return endpointText(target);
        case Environments: return environmentsText(target);
        case Tags: return target.tags.join(QStringLiteral(", "));
        case Health: return role == SortRole ? QVariant(int(target.healthStatus)) : QVariant(displayName(target.healthStatus));
        case Status: return target.isDisabled ? tr("Disabled") : tr("Enabled");
        case ColumnCount: break;
        }
    }
    if (role == Qt::DecorationRole && column == Health)
        return healthColour(target.healthStatus);
    if (role == Qt::ToolTipRole && column == Health && !target.healthMessage.isEmpty())
        return target.healthMessage;
    if (role == Qt::ForegroundRole && target.isDisabled)
        return QColor(0x8c, 0x8c, 0x8c);
    return {};
}

QVariant TargetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Endpoint: return tr("Endpoint");
    case Environments: return tr("Environments");
    case Tags: return tr("Target tags");
    case Health: return tr("Health");
    case Status: return tr("Status");
    case ColumnCount: break;
    }
    return {};
}

QHash<int, QByteArray> TargetTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "targetId");
    names.insert(KindRole, "kind");
    names.insert(HealthRole, "health");
    names.insert(IsDisabledRole, "isDisabled");
    names.insert(TagsRole, "tags");
    names.insert(EnvironmentIdsRole, "environmentIds");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace Cuttle
