#include "model/itemmodels/variables/variablefilterproxymodel.h"

#include "model/itemmodels/variables/variabletablemodel.h"

namespace Cuttle {

VariableFilterProxyModel::VariableFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(VariableTableModel::SortRole);
    setSortLocaleAware(false);
    // A row being edited must not vanish because its new name no longer matches the filter.
    setDynamicSortFilter(false);
}

void VariableFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_variables = qobject_cast<VariableTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void VariableFilterProxyModel::setText(const QString &text)
{
    if (text == m_filter.text())
        return;
    const auto before = m_filter.terms();
    m_filter.setText(text);
    if (before != m_filter.terms())
        invalidateFilter();
}

bool VariableFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_variables || sourceRow < 0 || sourceRow >= m_variables->rowCount())
        return false;
    return m_filter.matches(m_variables->value(sourceRow));
}

} // namespace Cuttle
