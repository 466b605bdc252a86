#include "model/itemmodels/tagmodel.h"

#include <QColor>

namespace Cuttle {

TagModel::TagModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TagModel::setTags(const QList<Tag> &tags)
{
    beginResetModel();
    m_tags = tags;
    endResetModel();
}

int TagModel::appendTag(const QString &name, const QString &color)
{
    const int row = int(m_tags.size());
    beginInsertRows({}, row, row);
    Tag tag;
    tag.name = name;
    if (!color.isEmpty())
        tag.color = color;
    m_tags << tag;
    endInsertRows();
    emit tagsEdited();
    return row;
}

bool TagModel::removeTag(int row)
{
    if (row < 0 || row >= m_tags.size())
        return false;
    beginRemoveRows({}, row, row);
    m_tags.removeAt(row);
    endRemoveRows();
    emit tagsEdited();
    return true;
}

bool TagModel::moveTag(int from, int to)
{
    if (from < 0 || from >= m_tags.size() || to < 0 || to >= m_tags.size() || from == to)
        return false;
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    m_tags.move(from, to);
    endMoveRows();
    emit tagsEdited();
    return true;
}

int TagModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

int TagModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tag &t = m_tags.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case ColorColumn:
            return t.color;
        case DescriptionColumn:
            return t.description;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == ColorColumn || index.column() == NameColumn) {
            const QColor color = QColor::fromString(t.color);
            if (color.isValid())
                return color;
        }
        return {};
    case IdRole:
        return t.id;
    case ColorRole:
        return t.color;
    default:
        return {};
    }
}

bool TagModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Tag &t = m_tags[index.row()];
    switch (index.column()) {
    case NameColumn:
        t.name = value.toString();
        break;
    case ColorColumn:
        t.color = value.toString().trimmed();
        break;
    case DescriptionColumn:
        t.description = value.toString();
        break;
    default:
        return false;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit tagsEdited();
    return true;
}

Qt::ItemFlags TagModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TagModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Tag");
    case ColorColumn:
        return tr("Colour");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace Cuttle
