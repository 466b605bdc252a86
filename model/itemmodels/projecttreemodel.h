#pragma once

#include "model/core/project.h"
#include "model/core/projectgroup.h"

#include <QAbstractItemModel>
#include <QList>

#include <optional>

namespace Cuttle {

/// Project groups as top-level rows with their projects beneath, both sorted by name.
class ProjectTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectTreeModel)

public:
    enum Column { NameColumn, DescriptionColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, KindRole, GroupIdRole };
    enum class Kind { Group, Project };

    explicit ProjectTreeModel(QObject *parent = nullptr);

    /// Projects whose group is not in `groups` are not shown.
    void setData(const QList<ProjectGroup> &groups, const QList<Project> &projects);

    std::optional<ProjectGroup> group(const QModelIndex &index) const;
    std::optional<Project> project(const QModelIndex &index) const;
    /// The row of a group or project, or an invalid index.
    QModelIndex indexOfId(const QString &id) const;
    int projectCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct GroupNode
    {
        ProjectGroup group;
        QList<Project> projects;
    };
    // Group rows carry internal id 0; project rows carry their group's row + 1.
    const GroupNode *groupOf(const QModelIndex &index) const;
    QList<GroupNode> m_groups;
};

} // namespace Cuttle
