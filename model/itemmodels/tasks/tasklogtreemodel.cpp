#include "model/itemmodels/tasks/tasklogtreemodel.h"

#include "model/itemmodels/tasks/tasklistmodel.h"

#include <QColor>

namespace Cuttle {

TaskLogTreeModel::TaskLogTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void TaskLogTreeModel::setNodes(const QList<TaskLogNode> &nodes)
{
    bool sameShape = nodes.size() == m_nodes.size();
    for (qsizetype i = 0; sameShape && i < nodes.size(); ++i)
        sameShape = nodes.at(i).id == m_nodes.at(i).id && nodes.at(i).parentId == m_nodes.at(i).parentId;
    if (!sameShape) {
        beginResetModel();
        m_nodes = nodes;
        rebuildLinks();
        endResetModel();
        return;
    }
    m_nodes = nodes;
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        const QModelIndex first = indexOfNode(m_nodes.at(i).id);
        emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    }
}

void TaskLogTreeModel::rebuildLinks()
{
    m_position.clear();
    m_children.clear();
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_position.insert(m_nodes.at(i).id, i);
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        // A node whose parent is unknown is shown at the top rather than lost.
        const qint64 parentId = m_position.contains(m_nodes.at(i).parentId) ? m_nodes.at(i).parentId : 0;
        m_children[parentId].append(i);
    }
}

QModelIndex TaskLogTreeModel::indexOfNode(qint64 nodeId) const
{
    const auto it = m_position.constFind(nodeId);
    if (it == m_position.cend())
        return {};
    const TaskLogNode &node = m_nodes.at(*it);
    const qint64 parentId = m_position.contains(node.parentId) ? node.parentId : 0;
    const int row = int(m_children.value(parentId).indexOf(*it));
    return createIndex(row, 0, quintptr(*it));
}

QList<qint64> TaskLogTreeModel::subtree(qint64 nodeId) const
{
    QList<qint64> result{nodeId};
    for (qsizetype i = 0; i < result.size(); ++i) {
        for (qsizetype position : m_children.value(result.at(i)))
            result << m_nodes.at(position).id;
    }
    return result;
}

QModelIndex TaskLogTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const qint64 parentId = parent.isValid() ? m_nodes.at(qsizetype(parent.internalId())).id : 0;
    return createIndex(row, column, quintptr(m_children.value(parentId).at(row)));
}

QModelIndex TaskLogTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const TaskLogNode &node = m_nodes.at(qsizetype(child.internalId()));
    if (node.parentId == 0 || !m_position.contains(node.parentId))
        return {};
    return indexOfNode(node.parentId);
}

int TaskLogTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const qint64 parentId = parent.isValid() ? m_nodes.at(qsizetype(parent.internalId())).id : 0;
    return int(m_children.value(parentId).size());
}

int TaskLogTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TaskLogTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TaskLogNode &node = m_nodes.at(qsizetype(index.internalId()));
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name: return node.name;
        case Status: return displayName(node.status);
        case Duration:
            if (!node.startedAt.isValid())
                return QString();
            return TaskListModel::durationText(
                node.startedAt.msecsTo(node.endedAt.isValid() ? node.endedAt : QDateTime::currentDateTimeUtc()));
        case ColumnCount: break;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Status) {
            switch (node.status) {
            case TaskLogStatus::Success: return QColor(0x2e, 0x7d, 0x32);
            case TaskLogStatus::SuccessWithWarning: return QColor(0x8d, 0x6e, 0x00);
            case TaskLogStatus::Failed: return QColor(0xc6, 0x28, 0x28);
            case TaskLogStatus::Running: return QColor(0x15, 0x65, 0xc0);
            case TaskLogStatus::Canceled:
            case TaskLogStatus::Skipped:
            case TaskLogStatus::Pending: return QColor(0x75, 0x75, 0x75);
            }
        }
        return {};
    case NodeIdRole: return node.id;
    case StatusRole: return int(node.status);
    case KindRole: return node.kind;
    default: return {};
    }
}

QVariant TaskLogTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Step / target");
    case Status: return tr("Status");
    case Duration: return tr("Duration");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Cuttle
