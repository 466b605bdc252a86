#include "model/itemmodels/targetfilterproxymodel.h"

#include "model/itemmodels/targettablemodel.h"

namespace Cuttle {

TargetFilterProxyModel::TargetFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TargetTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
}

void TargetFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (m_targets)
        disconnect(m_targets, nullptr, this, nullptr);
    m_targets = qobject_cast<TargetTableModel *>(model);
    if (m_targets) {
        // Text matches environment names too, so the filter must know them.
        m_filter.setEnvironmentNames(m_targets->environmentNames());
        connect(m_targets, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
            if (topLeft.column() <= TargetTableModel::Environments) {
                m_filter.setEnvironmentNames(m_targets->environmentNames());
                if (!m_filter.text.isEmpty())
                    refilter();
            }
        });
        connect(m_targets, &QAbstractItemModel::modelReset, this, [this]() {
            m_filter.setEnvironmentNames(m_targets->environmentNames());
        });
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void TargetFilterProxyModel::setFilter(const TargetFilter &filter)
{
    m_filter = filter;
    if (m_targets)
        m_filter.setEnvironmentNames(m_targets->environmentNames());
    refilter();
}

void TargetFilterProxyModel::setText(const QString &text)
{
    if (text == m_filter.text)
        return;
    m_filter.setText(text);
    refilter();
}

void TargetFilterProxyModel::setEnvironmentId(const QString &environmentId)
{
    if (environmentId == m_filter.environmentId)
        return;
    m_filter.environmentId = environmentId;
    refilter();
}

void TargetFilterProxyModel::setTag(const QString &tag)
{
    if (tag == m_filter.tag)
        return;
    m_filter.tag = tag;
    refilter();
}

void TargetFilterProxyModel::setKind(std::optional<TargetKind> kind)
{
    if (kind == m_filter.kind)
        return;
    m_filter.kind = kind;
    refilter();
}

void TargetFilterProxyModel::setHealth(std::optional<HealthStatus> health)
{
    if (health == m_filter.health)
        return;
    m_filter.health = health;
    refilter();
}

void TargetFilterProxyModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() keeps the sort and selection.
    invalidateFilter();
}

bool TargetFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_targets || sourceRow < 0 || sourceRow >= m_targets->rowCount())
        return false;
    return m_filter.matches(m_targets->target(sourceRow));
}

} // namespace Cuttle
