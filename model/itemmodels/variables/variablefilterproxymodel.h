#pragma once

#include "model/variables/variablefilter.h"

#include <QSortFilterProxyModel>

namespace Cuttle {

class VariableTableModel;

/// Filters and sorts a VariableTableModel; which rows pass is VariableFilter's decision.
class VariableFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableFilterProxyModel)

public:
    explicit VariableFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    const VariableFilter &filter() const { return m_filter; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    VariableTableModel *m_variables = nullptr;
    VariableFilter m_filter;
};

} // namespace Cuttle
