#pragma once

#include "model/store/packagerepository.h"

#include <QAbstractItemModel>
#include <QList>

#include <optional>

namespace Cuttle {

/// Package ids as top-level rows (sorted by id) with their versions beneath, newest first.
class PackageTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackageTreeModel)

public:
    enum Column { VersionColumn, SizeColumn, UploadedColumn, Sha256Column, ColumnCount };
    enum Role { PackageIdRole = Qt::UserRole + 1, VersionRole, KindRole, RecordIdRole };
    enum class Kind { Package, Version };

    explicit PackageTreeModel(QObject *parent = nullptr);

    void setRecords(const QList<PackageRepository::Record> &records);

    /// The version a row shows; nothing for package rows.
    std::optional<PackageRepository::Record> record(const QModelIndex &index) const;
    QString packageId(const QModelIndex &index) const;
    /// All versions of the package a row belongs to, newest first.
    QList<PackageRepository::Record> versions(const QModelIndex &index) const;
    /// The row of a package (empty version) or of one of its versions, or an invalid index.
    QModelIndex indexOf(const QString &packageId, const QString &version = {}) const;
    int versionCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct PackageNode
    {
        QString packageId;
        QList<PackageRepository::Record> versions;
    };
    // Package rows carry internal id 0; version rows carry their package's row + 1.
    const PackageNode *nodeOf(const QModelIndex &index) const;
    QList<PackageNode> m_packages;
};

} // namespace Cuttle
