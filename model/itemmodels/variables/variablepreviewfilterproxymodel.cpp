#include "model/itemmodels/variables/variablepreviewfilterproxymodel.h"

#include "model/itemmodels/variables/variablepreviewmodel.h"

namespace Cuttle {

VariablePreviewFilterProxyModel::VariablePreviewFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(VariablePreviewModel::SortRole);
    setSortLocaleAware(false);
}

void VariablePreviewFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_preview = qobject_cast<VariablePreviewModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void VariablePreviewFilterProxyModel::setText(const QString &text)
{
    const auto before = m_filter.terms();
    m_filter.setText(text);
    if (before != m_filter.terms())
        invalidateFilter();
}

bool VariablePreviewFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_preview || sourceRow < 0 || sourceRow >= m_preview->rowCount())
        return false;
    return m_filter.matches(m_preview->entries().at(sourceRow).winner);
}

} // namespace Cuttle
