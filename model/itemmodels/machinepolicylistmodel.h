#pragma once

#include "model/core/machinepolicy.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// Machine policies of a space.
class MachinePolicyListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MachinePolicyListModel)

public:
    enum Column { Name, HealthCheckInterval, ConnectionTestOnly, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, IsDefaultRole, IntervalSecondsRole };

    explicit MachinePolicyListModel(QObject *parent = nullptr);

    void setPolicies(const QList<MachinePolicy> &policies);
    const QList<MachinePolicy> &policies() const { return m_policies; }
    const MachinePolicy &policy(int row) const { return m_policies.at(row); }
    int rowOfId(const QString &id) const;

    /// "every 1 hour", "every 15 minutes": the interval as users read it.
    static QString intervalText(int seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MachinePolicy> m_policies;
};

} // namespace Cuttle
