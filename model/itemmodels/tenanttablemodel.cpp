#include "model/itemmodels/tenanttablemodel.h"

#include <algorithm>

namespace Cuttle {

TenantTableModel::TenantTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TenantTableModel::setData(const QList<Tenant> &tenants, const QList<TagSet> &tagSets, const QList<Project> &projects)
{
    beginResetModel();
    m_tenants = tenants;
    std::stable_sort(m_tenants.begin(), m_tenants.end(), [](const Tenant &a, const Tenant &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    QList<TagSet> sets = tagSets;
    std::stable_sort(sets.begin(), sets.end(), [](const TagSet &a, const TagSet &b) { return a.sortOrder < b.sortOrder; });
    m_tagOrder.clear();
    m_colors.clear();
    for (const TagSet &set : std::as_const(sets)) {
        for (const Tag &tag : set.tags) {
            const QString canonical = set.canonicalTag(tag.name);
            m_tagOrder << canonical;
            m_colors.insert(canonical, tag.color);
        }
    }
    m_projectNames.clear();
    for (const Project &p : projects)
        m_projectNames.insert(p.id, p.name);
    endResetModel();
}

std::optional<Tenant> TenantTableModel::tenant(int row) const
{
    if (row < 0 || row >= m_tenants.size())
        return std::nullopt;
    return m_tenants.at(row);
}

int TenantTableModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_tenants.size(); ++i) {
        if (m_tenants[i].id == id)
            return i;
    }
    return -1;
}

QStringList TenantTableModel::orderedTags(const Tenant &tenant) const
{
    QStringList tags;
    for (const QString &canonical : m_tagOrder) {
        if (tenant.tags.contains(canonical, Qt::CaseInsensitive))
            tags << canonical;
    }
    // Tags whose set is unknown here still show, after the known ones.
    for (const QString &tag : tenant.tags) {
        if (!tags.contains(tag, Qt::CaseInsensitive))
            tags << tag;
    }
    return tags;
}

int TenantTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tenants.size());
}

int TenantTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TenantTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tenant &t = m_tenants.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case TagsColumn:
            return orderedTags(t).join(QStringLiteral(", "));
        case ProjectsColumn: {
            QStringList names;
            for (const TenantProjectConnection &c : t.projects)
                names << m_projectNames.value(c.projectId, c.projectId);
            names.sort(Qt::CaseInsensitive);
            return names.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return t.description.isEmpty() ? t.name : t.description;
    case IdRole:
        return t.id;
    case TagsRole:
        return orderedTags(t);
    case TagColorsRole: {
        QStringList colors;
        for (const QString &tag : orderedTags(t))
            colors << m_colors.value(tag, QStringLiteral("#6e6e6e"));
        return colors;
    }
    default:
        return {};
    }
}

QVariant TenantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Tenant");
    case TagsColumn:
        return tr("Tags");
    case ProjectsColumn:
        return tr("Projects");
    default:
        return {};
    }
}

} // namespace Cuttle
