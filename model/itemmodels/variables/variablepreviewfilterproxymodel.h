#pragma once

#include "model/variables/variablefilter.h"

#include <QSortFilterProxyModel>

namespace Cuttle {

class VariablePreviewModel;

/// Filters and sorts the Preview's effective values with the same VariableFilter as the grid
/// (name, value unless sensitive, winning scope).
class VariablePreviewFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablePreviewFilterProxyModel)

public:
    explicit VariablePreviewFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    const VariableFilter &filter() const { return m_filter; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    VariablePreviewModel *m_preview = nullptr;
    VariableFilter m_filter;
};

} // namespace Cuttle
