#include "model/itemmodels/environmentlistmodel.h"

#include <QMimeData>

#include <algorithm>

namespace Cuttle {

EnvironmentListModel::EnvironmentListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QString EnvironmentListModel::mimeType()
{
    return QStringLiteral("application/x-cuttle-environment-ids");
}

void EnvironmentListModel::setEnvironments(const QList<Environment> &environments)
{
    beginResetModel();
    m_environments = environments;
    endResetModel();
}

QStringList EnvironmentListModel::orderedIds() const
{
    QStringList ids;
    ids.reserve(m_environments.size());
    for (const Environment &environment : m_environments)
        ids << environment.id;
    return ids;
}

QHash<QString, QString> EnvironmentListModel::namesById() const
{
    QHash<QString, QString> names;
    for (const Environment &environment : m_environments)
        names.insert(environment.id, environment.name);
    return names;
}

int EnvironmentListModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        if (m_environments.at(i).id == id)
            return int(i);
    }
    return -1;
}

bool EnvironmentListModel::moveEnvironments(const QStringList &ids, int destinationRow)
{
    destinationRow = std::clamp(destinationRow, 0, int(m_environments.size()));
    QList<Environment> moved;
    QList<Environment> kept;
    int insertAt = 0;
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        const Environment &environment = m_environments.at(i);
        if (ids.contains(environment.id)) {
            moved << environment;
        } else {
            if (i < destinationRow)
                ++insertAt;
            kept << environment;
        }
    }
    if (moved.isEmpty())
        return false;
    QList<Environment> reordered = kept.mid(0, insertAt) + moved + kept.mid(insertAt);
    bool changed = false;
    for (qsizetype i = 0; i < reordered.size() && !changed; ++i)
        changed = reordered.at(i).id != m_environments.at(i).id;
    if (!changed)
        return false;

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const QString id = m_environments.at(index.row()).id;
        int newRow = 0;
        while (reordered.at(newRow).id != id)
            ++newRow;
        after << createIndex(newRow, index.column());
    }
    m_environments = reordered;
    for (qsizetype i = 0; i < m_environments.size(); ++i)
        m_environments[i].sortOrder = int(i);
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    return true;
}

int EnvironmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size());
}

QVariant EnvironmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Environment &environment = m_environments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return environment.name;
    case Qt::ToolTipRole: return environment.description.isEmpty() ? environment.name : environment.description;
    case IdRole: return environment.id;
    case DescriptionRole: return environment.description;
    case SortOrderRole: return environment.sortOrder;
    default: return {};
    }
}

Qt::ItemFlags EnvironmentListModel::flags(const QModelIndex &index) const
{
    // Only the gaps between rows accept a drop, so an environment can never land "on" another.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> EnvironmentListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "environmentId");
    names.insert(DescriptionRole, "description");
    names.insert(SortOrderRole, "sortOrder");
    return names;
}

Qt::DropActions EnvironmentListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions EnvironmentListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList EnvironmentListModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *EnvironmentListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) && !rows.contains(index.row()))
            rows << index.row();
    }
    if (rows.isEmpty())
        return nullptr;
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (int row : rows)
        ids << m_environments.at(row).id;
    auto *data = new QMimeData;
    data->setData(mimeType(), ids.join(u'\n').toUtf8());
    return data;
}

QStringList EnvironmentListModel::decode(const QMimeData *data) const
{
    if (!data || !data->hasFormat(mimeType()))
        return {};
    const QStringList ids = QString::fromUtf8(data->data(mimeType())).split(u'\n', Qt::SkipEmptyParts);
    // Ids from another space (or a stale drag) are not ours to reorder.
    for (const QString &id : ids) {
        if (rowOfId(id) < 0)
            return {};
    }
    return ids;
}

bool EnvironmentListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                           const QModelIndex &) const
{
    return action == Qt::MoveAction && !decode(data).isEmpty();
}

bool EnvironmentListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                        const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (action != Qt::MoveAction)
        return false;
    const QStringList ids = decode(data);
    if (ids.isEmpty())
        return false;
    int destination = row;
    if (parent.isValid())
        destination = parent.row();
    if (destination < 0)
        destination = rowCount();
    if (moveEnvironments(ids, destination))
        emit orderChanged(orderedIds());
    // Returning true with MoveAction would make the view remove the source rows afterwards;
    // this model has no removeRows(), so the move stays a move.
    return true;
}

} // namespace Cuttle
