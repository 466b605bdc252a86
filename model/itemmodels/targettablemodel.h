#pragma once

#include "model/core/deploymenttarget.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Cuttle {

/// Deployment targets of a space, one row each, for the targets list.
class TargetTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetTableModel)

public:
    enum Column { Name, Kind, Endpoint, Environments, Tags, Health, Status, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,        ///< int of TargetKind
        HealthRole,      ///< int of HealthStatus
        IsDisabledRole,
        TagsRole,        ///< QStringList
        EnvironmentIdsRole,
        SortRole,        ///< what the column sorts by
    };

    explicit TargetTableModel(QObject *parent = nullptr);

    void setTargets(const QList<DeploymentTarget> &targets);
    const QList<DeploymentTarget> &targets() const { return m_targets; }
    const DeploymentTarget &target(int row) const { return m_targets.at(row); }
    int rowOfId(const QString &id) const;
    /// Environment names by id, shown in the Environments column.
    void setEnvironmentNames(const QHash<QString, QString> &names);
    const QHash<QString, QString> &environmentNames() const { return m_environmentNames; }

    /// How the Endpoint column describes a target ("user@host:22" style, or the folder).
    static QString endpointText(const DeploymentTarget &target);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString environmentsText(const DeploymentTarget &target) const;
    QList<DeploymentTarget> m_targets;
    QHash<QString, QString> m_environmentNames;
};

} // namespace Cuttle
