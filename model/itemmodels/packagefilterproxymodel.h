#pragma once

#include "model/itemmodels/packagefilter.h"

#include <QSortFilterProxyModel>

namespace Cuttle {

class PackageTreeModel;

/// Shows the rows of a PackageTreeModel that a PackageFilter accepts.
class PackageFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackageFilterProxyModel)

public:
    explicit PackageFilterProxyModel(QObject *parent = nullptr);

    void setPackageModel(PackageTreeModel *model);
    void setFilter(const PackageFilter &filter);
    PackageFilter filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    PackageTreeModel *m_packages = nullptr;
    PackageFilter m_filter;
};

} // namespace Cuttle
