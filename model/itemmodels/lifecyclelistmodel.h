#pragma once

#include "model/core/lifecycle.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Cuttle {

/// The lifecycles of a space, by name, with a count of their phases.
class LifecycleListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecycleListModel)

public:
    enum Column { NameColumn, PhasesColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit LifecycleListModel(QObject *parent = nullptr);

    void setLifecycles(const QList<Lifecycle> &lifecycles);
    QList<Lifecycle> lifecycles() const { return m_lifecycles; }
    std::optional<Lifecycle> lifecycle(int row) const;
    /// -1 when no lifecycle has that id.
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Lifecycle> m_lifecycles;
};

} // namespace Cuttle
