#include "model/itemmodels/projecttreemodel.h"

#include <algorithm>

namespace Cuttle {

namespace {

template<typename T>
void sortByName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
}

} // namespace

ProjectTreeModel::ProjectTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void ProjectTreeModel::setData(const QList<ProjectGroup> &groups, const QList<Project> &projects)
{
    beginResetModel();
    m_groups.clear();
    QList<ProjectGroup> sortedGroups = groups;
    sortByName(sortedGroups);
    for (const ProjectGroup &g : std::as_const(sortedGroups)) {
        GroupNode node{g, {}};
        for (const Project &p : projects) {
            if (p.projectGroupId == g.id)
                node.projects << p;
        }
        sortByName(node.projects);
        m_groups << node;
    }
    endResetModel();
}

const ProjectTreeModel::GroupNode *ProjectTreeModel::groupOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const qsizetype row = index.internalId() == 0 ? index.row() : qsizetype(index.internalId() - 1);
    return row >= 0 && row < m_groups.size() ? &m_groups[row] : nullptr;
}

std::optional<ProjectGroup> ProjectTreeModel::group(const QModelIndex &index) const
{
    const GroupNode *node = groupOf(index);
    if (!node)
        return std::nullopt;
    return node->group;
}

std::optional<Project> ProjectTreeModel::project(const QModelIndex &index) const
{
    const GroupNode *node = groupOf(index);
    if (!node || index.internalId() == 0 || index.row() >= node->projects.size())
        return std::nullopt;
    return node->projects.at(index.row());
}

QModelIndex ProjectTreeModel::indexOfId(const QString &id) const
{
    if (id.isEmpty())
        return {};
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].group.id == id)
            return index(g, 0);
        for (int p = 0; p < m_groups[g].projects.size(); ++p) {
            if (m_groups[g].projects[p].id == id)
                return createIndex(p, 0, quintptr(g + 1));
        }
    }
    return {};
}

int ProjectTreeModel::projectCount() const
{
    int count = 0;
    for (const GroupNode &node : m_groups)
        count += int(node.projects.size());
    return count;
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ProjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ProjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups[parent.row()].projects.size());
}

int ProjectTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProjectTreeModel::data(const QModelIndex &index, int role) const
{
    const GroupNode *node = groupOf(index);
    if (!node)
        return {};
    const bool isGroup = index.internalId() == 0;
    if (!isGroup && index.row() >= node->projects.size())
        return {};
    const QString name = isGroup ? node->group.name : node->projects[index.row()].name;
    const QString description = isGroup ? node->group.description : node->projects[index.row()].description;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return name;
        if (index.column() == DescriptionColumn)
            return description.section(u'\n', 0, 0);
        return {};
    case Qt::ToolTipRole:
        return description.isEmpty() ? name : description;
    case IdRole:
        return isGroup ? node->group.id : node->projects[index.row()].id;
    case KindRole:
        return int(isGroup ? Kind::Group : Kind::Project);
    case GroupIdRole:
        return node->group.id;
    default:
        return {};
    }
}

QVariant ProjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace Cuttle
