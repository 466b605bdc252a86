#include "model/itemmodels/packagefilterproxymodel.h"

#include "model/itemmodels/packagetreemodel.h"

namespace Cuttle {

PackageFilterProxyModel::PackageFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void PackageFilterProxyModel::setPackageModel(PackageTreeModel *model)
{
    m_packages = model;
    setSourceModel(model);
}

void PackageFilterProxyModel::setFilter(const PackageFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool PackageFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_packages)
        return true;
    const QModelIndex source = m_packages->index(sourceRow, 0, sourceParent);
    if (!sourceParent.isValid())
        return m_filter.acceptsPackage(m_packages->packageId(source), m_packages->versions(source));
    const auto record = m_packages->record(source);
    return record && m_filter.acceptsVersion(*record);
}

} // namespace Cuttle
