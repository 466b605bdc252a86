#include "views/variables/variablevaluedelegate.h"

#include "model/itemmodels/variables/variabletablemodel.h"

#include <QLineEdit>
#include <QPainter>

namespace Cuttle {

VariableValueDelegate::VariableValueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *VariableValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line)
        return editor;
    if (index.column() == VariableTableModel::Value && index.data(VariableTableModel::SensitiveRole).toBool()) {
        line->setEchoMode(QLineEdit::Password);
        line->setPlaceholderText(index.data(VariableTableModel::SecretKeptRole).toBool()
                                     ? tr("Type a new value to replace the stored one")
                                     : tr("Type the sensitive value"));
    } else if (index.column() == VariableTableModel::Name) {
        line->setPlaceholderText(tr("Variable name"));
    }
    return line;
}

QIcon VariableValueDelegate::lockIcon()
{
    static const QIcon icon = []() {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour(0x8a, 0x6d, 0x1f);
        painter.setPen(QPen(colour, 3.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16);
        painter.drawLine(QPointF(9, 11), QPointF(9, 15));
        painter.drawLine(QPointF(23, 11), QPointF(23, 15));
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(16, 21), 2.5, 2.5);
        return QIcon(pixmap);
    }();
    return icon;
}

void VariableValueDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == VariableTableModel::Value && index.data(VariableTableModel::SensitiveRole).toBool()) {
        option->icon = lockIcon();
        option->features |= QStyleOptionViewItem::HasDecoration;
        if (option->text.isEmpty()) {
            option->text = tr("(type a value)");
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    } else if (index.column() == VariableTableModel::Name && index.row() > 0
               && index.siblingAtRow(index.row() - 1).data().toString().compare(option->text, Qt::CaseInsensitive) == 0) {
        // Further values of the name above read as one variable with several values.
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    } else if (index.column() == VariableTableModel::Scope && index.data(VariableTableModel::UnscopedRole).toBool()) {
        option->text = tr("Unscoped");
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
}

} // namespace Cuttle
