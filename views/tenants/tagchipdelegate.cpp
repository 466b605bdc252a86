#include "views/tenants/tagchipdelegate.h"

#include "model/itemmodels/tenanttablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Cuttle {

TagChipDelegate::TagChipDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void TagChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QStringList tags = index.data(TenantTableModel::TagsRole).toStringList();
    const QStringList colors = index.data(TenantTableModel::TagColorsRole).toStringList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(option.font);
    const int height = metrics.height() + 4;
    int x = option.rect.left() + 4;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    for (int i = 0; i < tags.size(); ++i) {
        // Show the tag name; the set is in the tooltip and the column text.
        const QString text = tags[i].section(u'/', 1);
        const int width = metrics.horizontalAdvance(text) + 12;
        if (x + width > option.rect.right())
            break;
        const QColor color = QColor::fromString(colors.value(i));
        const QColor fill = color.isValid() ? color : QColor(0x6e, 0x6e, 0x6e);
        QPainterPath path;
        path.addRoundedRect(QRectF(x, y, width, height), height / 2.0, height / 2.0);
        painter->fillPath(path, fill);
        painter->setPen(fill.lightness() > 150 ? Qt::black : Qt::white);
        painter->drawText(QRect(x, y, width, height), Qt::AlignCenter, text);
        x += width + 4;
    }
    painter->restore();
}

} // namespace Cuttle
