#pragma once

#include "model/core/project.h"
#include "model/core/tagset.h"
#include "model/core/tenant.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace Cuttle {

/// The tenants of a space with their tags (as chips: name and colour) and connected projects.
class TenantTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantTableModel)

public:
    enum Column { NameColumn, TagsColumn, ProjectsColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TagsRole,      ///< QStringList of canonical "Set/Tag"
        TagColorsRole, ///< QStringList of #RRGGBB, one per entry of TagsRole
    };

    explicit TenantTableModel(QObject *parent = nullptr);

    /// Tag sets give tags their colours and order; projects give connections their names.
    void setData(const QList<Tenant> &tenants, const QList<TagSet> &tagSets, const QList<Project> &projects);
    std::optional<Tenant> tenant(int row) const;
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList orderedTags(const Tenant &tenant) const;
    QList<Tenant> m_tenants;
    QStringList m_tagOrder;           // canonical tags in tag set, then tag order
    QHash<QString, QString> m_colors; // canonical tag -> colour
    QHash<QString, QString> m_projectNames;
};

} // namespace Cuttle
