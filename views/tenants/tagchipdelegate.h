#pragma once

#include <QStyledItemDelegate>

namespace Cuttle {

/// Paints a tenant's tags (TenantTableModel::TagsRole / TagColorsRole) as coloured chips.
class TagChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagChipDelegate)

public:
    explicit TagChipDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Cuttle
