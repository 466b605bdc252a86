#pragma once

#include "model/core/tagset.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Cuttle {

/// The tag sets of a space in their sort order, with the names of their tags.
class TagSetListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagSetListModel)

public:
    enum Column { NameColumn, TagsColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit TagSetListModel(QObject *parent = nullptr);

    void setTagSets(const QList<TagSet> &tagSets);
    QList<TagSet> tagSets() const { return m_tagSets; }
    std::optional<TagSet> tagSet(int row) const;
    int rowOfId(const QString &id) const;
    /// The ids in the order shown, with the set at `from` moved to `to` (for reorder()).
    QStringList idsWithMove(int from, int to) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TagSet> m_tagSets;
};

} // namespace Cuttle
