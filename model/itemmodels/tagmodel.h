#pragma once

#include "model/core/tag.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// The ordered tags of the tag set being edited; names, colours and descriptions are
/// editable in place and the editor saves tags() as a whole.
class TagModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagModel)

public:
    enum Column { NameColumn, ColorColumn, DescriptionColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, ColorRole };

    explicit TagModel(QObject *parent = nullptr);

    void setTags(const QList<Tag> &tags);
    QList<Tag> tags() const { return m_tags; }
    /// Appends a tag; returns its row.
    int appendTag(const QString &name, const QString &color = {});
    bool removeTag(int row);
    bool moveTag(int from, int to);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void tagsEdited();

private:
    QList<Tag> m_tags;
};

} // namespace Cuttle
