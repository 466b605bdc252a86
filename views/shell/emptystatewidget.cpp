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
    m_explanation->setObjectName(QStringLiteral("emptyStateExplanation"));

    m_actions = new QVBoxLayout;
    m_actions->setSpacing(6);

    // The column gets a maximum width and sits between stretches; alignment flags on the
    // labels themselves would break word-wrapped height and cut the last line off.
    auto *column = new QWidget(this);
    column->setMaximumWidth(560);
    m_title->setParent(column);
    m_explanation->setParent(column);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(m_title);
    columnLayout->addWidget(m_explanation);
    columnLayout->addSpacing(6);
    columnLayout->addLayout(m_actions);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(2);
    outer->addLayout(row);
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
    auto *button = new QPushButton(text, m_title->parentWidget());
    m_actions->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

} // namespace Cuttle
