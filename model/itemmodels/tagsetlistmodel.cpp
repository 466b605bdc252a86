#include "model/itemmodels/tagsetlistmodel.h"

#include <algorithm>

namespace Cuttle {

TagSetListModel::TagSetListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TagSetListModel::setTagSets(const QList<TagSet> &tagSets)
{
    beginResetModel();
    m_tagSets = tagSets;
    std::stable_sort(m_tagSets.begin(), m_tagSets.end(), [](const TagSet &a, const TagSet &b) { return a.sortOrder < b.sortOrder; });
    endResetModel();
}

std::optional<TagSet> TagSetListModel::tagSet(int row) const
{
    if (row < 0 || row >= m_tagSets.size())
        return std::nullopt;
    return m_tagSets.at(row);
}

int TagSetListModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_tagSets.size(); ++i) {
        if (m_tagSets[i].id == id)
            return i;
    }
    return -1;
}

QStringList TagSetListModel::idsWithMove(int from, int to) const
{
    QStringList ids;
    for (const TagSet &s : m_tagSets)
        ids << s.id;
    if (from >= 0 && from < ids.size() && to >= 0 && to < ids.size())
        ids.move(from, to);
    return ids;
}

int TagSetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tagSets.size());
}

int TagSetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagSetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TagSet &s = m_tagSets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return s.name;
        if (index.column() == TagsColumn) {
            QStringList names;
            for (const Tag &t : s.tags)
                names << t.name;
            return names.join(QStringLiteral(", "));
        }
        return {};
    case Qt::ToolTipRole:
        return s.description.isEmpty() ? s.name : s.description;
    case IdRole:
        return s.id;
    default:
        return {};
    }
}

QVariant TagSetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Tag set");
    case TagsColumn:
        return tr("Tags");
    default:
        return {};
    }
}

} // namespace Cuttle
