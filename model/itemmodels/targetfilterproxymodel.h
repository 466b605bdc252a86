#pragma once

#include "model/core/targetfilter.h"

#include <QSortFilterProxyModel>

namespace Cuttle {

class TargetTableModel;

/// Filters and sorts a TargetTableModel; which rows pass is TargetFilter's decision.
class TargetFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetFilterProxyModel)

public:
    explicit TargetFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    const TargetFilter &filter() const { return m_filter; }
    void setFilter(const TargetFilter &filter);
    void setText(const QString &text);
    void setEnvironmentId(const QString &environmentId);
    void setTag(const QString &tag);
    void setKind(std::optional<TargetKind> kind);
    void setHealth(std::optional<HealthStatus> health);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();
    TargetTableModel *m_targets = nullptr;
    TargetFilter m_filter;
};

} // namespace Cuttle
