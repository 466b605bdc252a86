#include "model/itemmodels/packagetreemodel.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace Cuttle {

PackageTreeModel::PackageTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void PackageTreeModel::setRecords(const QList<PackageRepository::Record> &records)
{
    // One sort that parses each version once, then one pass that groups the (now adjacent)
    // versions of each id: thousands of records fill the model in a few milliseconds.
    // A package row is named as the id was spelled first in `records`.
    QHash<QString, QString> spelling;
    spelling.reserve(records.size());
    for (const PackageRepository::Record &record : records) {
        const QString folded = record.packageId.toCaseFolded();
        if (!spelling.contains(folded))
            spelling.insert(folded, record.packageId);
    }
    QList<PackageRepository::Record> sorted = records;
    PackageRepository::sortNewestFirst(sorted);
    beginResetModel();
    m_packages.clear();
    QString currentFolded;
    for (PackageRepository::Record &record : sorted) {
        QString folded = record.packageId.toCaseFolded();
        if (m_packages.isEmpty() || folded != currentFolded) {
            m_packages.append(PackageNode{spelling.value(folded), {}});
            currentFolded = std::move(folded);
        }
        m_packages.last().versions.append(std::move(record));
    }
    endResetModel();
}

const PackageTreeModel::PackageNode *PackageTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const qsizetype row = index.internalId() == 0 ? index.row() : qsizetype(index.internalId() - 1);
    return row >= 0 && row < m_packages.size() ? &m_packages[row] : nullptr;
}

std::optional<PackageRepository::Record> PackageTreeModel::record(const QModelIndex &index) const
{
    const PackageNode *node = nodeOf(index);
    if (!node || index.internalId() == 0 || index.row() >= node->versions.size())
        return std::nullopt;
    return node->versions.at(index.row());
}

QString PackageTreeModel::packageId(const QModelIndex &index) const
{
    const PackageNode *node = nodeOf(index);
    return node ? node->packageId : QString();
}

QList<PackageRepository::Record> PackageTreeModel::versions(const QModelIndex &index) const
{
    const PackageNode *node = nodeOf(index);
    return node ? node->versions : QList<PackageRepository::Record>();
}

QModelIndex PackageTreeModel::indexOf(const QString &packageId, const QString &version) const
{
    for (int p = 0; p < m_packages.size(); ++p) {
        if (m_packages[p].packageId.compare(packageId, Qt::CaseInsensitive) != 0)
            continue;
        if (version.isEmpty())
            return index(p, 0);
        const auto &versions = m_packages[p].versions;
        for (int v = 0; v < versions.size(); ++v) {
            if (PackageRepository::sameVersion(versions[v].version, version, versions[v].format))
                return createIndex(v, 0, quintptr(p + 1));
        }
    }
    return {};
}

int PackageTreeModel::versionCount() const
{
    int count = 0;
    for (const PackageNode &node : m_packages)
        count += int(node.versions.size());
    return count;
}

QModelIndex PackageTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PackageTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PackageTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_packages.size());
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_packages.size())
        return 0;
    return int(m_packages[parent.row()].versions.size());
}

int PackageTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PackageTreeModel::data(const QModelIndex &index, int role) const
{
    const PackageNode *node = nodeOf(index);
    if (!node)
        return {};
    const bool isPackage = index.internalId() == 0;
    if (isPackage) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == VersionColumn)
                return node->packageId;
            if (index.column() == SizeColumn)
                return tr("%n version(s)", nullptr, int(node->versions.size()));
            return {};
        case PackageIdRole:
            return node->packageId;
        case KindRole:
            return int(Kind::Package);
        default:
            return {};
        }
    }
    if (index.row() >= node->versions.size())
        return {};
    const PackageRepository::Record &r = node->versions[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VersionColumn:
            return r.version;
        case SizeColumn:
            return QLocale().formattedDataSize(r.size);
        case UploadedColumn:
            return QLocale().toString(r.uploadedAt.toLocalTime(), QLocale::ShortFormat);
        case Sha256Column:
            return r.sha256;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Sha256Column)
            return r.sha256;
        return r.title.isEmpty() ? r.displayName() : r.title;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PackageIdRole:
        return r.packageId;
    case VersionRole:
        return r.version;
    case KindRole:
        return int(Kind::Version);
    case RecordIdRole:
        return r.id;
    default:
        return {};
    }
}

QVariant PackageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Package / version");
    case SizeColumn:
        return tr("Size");
    case UploadedColumn:
        return tr("Uploaded");
    case Sha256Column:
        return tr("SHA-256");
    default:
        return {};
    }
}

} // namespace Cuttle
