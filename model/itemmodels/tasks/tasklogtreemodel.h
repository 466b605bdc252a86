#pragma once

#include "model/core/tasklognode.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace Cuttle {

/// The log tree of one task (steps and their targets) with each node's status and duration.
/// A refresh with the same nodes only updates their data, so expansion and selection stay.
class TaskLogTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskLogTreeModel)

public:
    enum Column { Name, Status, Duration, ColumnCount };
    enum Role { NodeIdRole = Qt::UserRole + 1, StatusRole, KindRole };

    explicit TaskLogTreeModel(QObject *parent = nullptr);

    void setNodes(const QList<TaskLogNode> &nodes);
    const QList<TaskLogNode> &nodes() const { return m_nodes; }
    QModelIndex indexOfNode(qint64 nodeId) const;
    /// The node and every node below it.
    QList<qint64> subtree(qint64 nodeId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildLinks();

    QList<TaskLogNode> m_nodes;               ///< as the store lists them
    QHash<qint64, qsizetype> m_position;      ///< node id -> position in m_nodes
    QHash<qint64, QList<qsizetype>> m_children; ///< parent node id (0: top level) -> positions, in order
};

} // namespace Cuttle
