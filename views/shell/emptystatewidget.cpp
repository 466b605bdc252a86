#include "views/shell/emptystatewidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cuttle {

EmptyStateWidget::EmptyStateWidget(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_explanation(new QLabel(explanation, this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));

    m_explanation->setAlignment(Qt::AlignHCenter);
    m_explanation->setWordWrap(true);
    m_explanation->setForegroundRole(QPalette::PlaceholderText);
    m_explanation->setMaximumWidth(520);
    m_explanation->setObjectName(QStringLiteral("emptyStateExplanation"));

    m_actions = new QVBoxLayout;
    m_actions->setSpacing(6);

    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    column->addWidget(m_title);
    column->addWidget(m_explanation, 0, Qt::AlignHCenter);
    column->addSpacing(6);
    column->addLayout(m_actions);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(2);
    outer->addLayout(column);
    outer->addStretch(3);
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString EmptyStateWidget::explanation() const
{
    return m_explanation->text();
}

void EmptyStateWidget::setExplanation(const QString &explanation)
{
    m_explanation->setText(explanation);
}

QPushButton *EmptyStateWidget::addAction(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_actions->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

} // namespace Cuttle
