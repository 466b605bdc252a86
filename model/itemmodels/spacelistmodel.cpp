#include "model/itemmodels/spacelistmodel.h"

namespace Cuttle {

SpaceListModel::SpaceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void SpaceListModel::setSpaces(const QList<Space> &spaces)
{
    beginResetModel();
    m_spaces = spaces;
    endResetModel();
}

int SpaceListModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_spaces.size(); ++i) {
        if (m_spaces.at(i).id == id)
            return int(i);
    }
    return -1;
}

int SpaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_spaces.size());
}

QVariant SpaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Space &space = m_spaces.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return space.name;
    case Qt::ToolTipRole: return space.description.isEmpty() ? space.name : space.description;
    case IdRole: return space.id;
    case DescriptionRole: return space.description;
    case IsDefaultRole: return space.isDefault;
    default: return {};
    }
}

QHash<int, QByteArray> SpaceListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "spaceId");
    names.insert(DescriptionRole, "description");
    names.insert(IsDefaultRole, "isDefault");
    return names;
}

} // namespace Cuttle
