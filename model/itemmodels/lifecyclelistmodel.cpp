#include "model/itemmodels/lifecyclelistmodel.h"

#include <algorithm>

namespace Cuttle {

LifecycleListModel::LifecycleListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LifecycleListModel::setLifecycles(const QList<Lifecycle> &lifecycles)
{
    beginResetModel();
    m_lifecycles = lifecycles;
    std::stable_sort(m_lifecycles.begin(), m_lifecycles.end(), [](const Lifecycle &a, const Lifecycle &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    endResetModel();
}

std::optional<Lifecycle> LifecycleListModel::lifecycle(int row) const
{
    if (row < 0 || row >= m_lifecycles.size())
        return std::nullopt;
    return m_lifecycles.at(row);
}

int LifecycleListModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_lifecycles.size(); ++i) {
        if (m_lifecycles[i].id == id)
            return i;
    }
    return -1;
}

int LifecycleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lifecycles.size());
}

int LifecycleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LifecycleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lifecycle &l = m_lifecycles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return l.name;
        if (index.column() == PhasesColumn)
            return l.phases.isEmpty() ? tr("One per environment") : tr("%n phase(s)", nullptr, int(l.phases.size()));
        return {};
    case Qt::ToolTipRole:
        return l.description.isEmpty() ? l.name : l.description;
    case IdRole:
        return l.id;
    default:
        return {};
    }
}

QVariant LifecycleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Lifecycle");
    case PhasesColumn:
        return tr("Phases");
    default:
        return {};
    }
}

} // namespace Cuttle
