#include "model/itemmodels/variables/libraryvariablesetlistmodel.h"

namespace Cuttle {

LibraryVariableSetListModel::LibraryVariableSetListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LibraryVariableSetListModel::setSets(const QList<LibraryVariableSet> &sets)
{
    beginResetModel();
    m_sets = sets;
    endResetModel();
}

int LibraryVariableSetListModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_sets.size(); ++i) {
        if (m_sets.at(i).id == id)
            return i;
    }
    return -1;
}

QStringList LibraryVariableSetListModel::ids() const
{
    QStringList out;
    for (const LibraryVariableSet &set : m_sets)
        out << set.id;
    return out;
}

int LibraryVariableSetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sets.size());
}

int LibraryVariableSetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryVariableSetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryVariableSet &set = m_sets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Name ? set.name : set.description.section(u'\n', 0, 0);
    case Qt::ToolTipRole: return set.description.isEmpty() ? QVariant() : QVariant(set.description);
    case IdRole: return set.id;
    }
    return {};
}

QVariant LibraryVariableSetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Name ? tr("Name") : tr("Description");
}

} // namespace Cuttle
