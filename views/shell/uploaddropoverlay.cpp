#include "views/shell/uploaddropoverlay.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Cuttle {

UploadDropOverlay::UploadDropOverlay(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"uploadDropOverlay"_s);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    parent->installEventFilter(this);
    setGeometry(parent->rect());
    hide();
}

void UploadDropOverlay::setMessage(const QString &message)
{
    m_message = message;
    update();
}

bool UploadDropOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void UploadDropOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor accent = palette().color(QPalette::Highlight);
    QColor wash = accent;
    wash.setAlpha(40);
    painter.fillRect(rect(), wash);

    const QRectF frame = QRectF(rect()).adjusted(12, 12, -12, -12);
    QPen pen(accent, 2.5, Qt::DashLine);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(frame, 12, 12);

    // A card in the middle, so the message stays readable over any page.
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int textWidth = qMin(int(frame.width()) - 80, qMax(320, metrics.horizontalAdvance(m_message) + 40));
    const QRect textBounds = metrics.boundingRect(QRect(0, 0, textWidth, 1000), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    const int iconSize = 48;
    const QSize card(textWidth + 48, textBounds.height() + iconSize + 56);
    QRect cardRect(QPoint(0, 0), card);
    cardRect.moveCenter(rect().center());
    QColor base = palette().color(QPalette::Base);
    base.setAlpha(235);
    painter.setPen(QPen(accent, 1.5));
    painter.setBrush(base);
    painter.drawRoundedRect(cardRect, 10, 10);

    const QPixmap arrow = style()->standardIcon(QStyle::SP_ArrowUp).pixmap(iconSize, iconSize);
    painter.drawPixmap(cardRect.center().x() - iconSize / 2, cardRect.top() + 18, arrow);
    painter.setPen(palette().color(QPalette::Text));
    const QRect textRect(cardRect.left() + 24, cardRect.top() + 26 + iconSize, textWidth, textBounds.height());
    painter.drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

} // namespace Cuttle
