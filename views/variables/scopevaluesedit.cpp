#include "views/variables/scopevaluesedit.h"

#include "model/itemmodels/variables/scopefields.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QKeyEvent>
#include <QStringListModel>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Cuttle {

ScopeValuesEdit::ScopeValuesEdit(QWidget *parent)
    : QLineEdit(parent)
{
    m_choices = new QStringListModel(this);
    m_completer = new QCompleter(m_choices, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    // Not setCompleter(): that would complete the whole text, not the value being typed.
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &ScopeValuesEdit::insertChoice);
    connect(this, &QLineEdit::textEdited, this, [this]() {
        const QString part = currentPart();
        if (part.isEmpty()) {
            m_completer->popup()->hide();
            return;
        }
        showChoices();
    });
    QAction *drop = addAction(style()->standardIcon(QStyle::SP_ArrowDown), QLineEdit::TrailingPosition);
    drop->setToolTip(tr("Show the choices"));
    connect(drop, &QAction::triggered, this, &ScopeValuesEdit::showChoices);
}

void ScopeValuesEdit::setChoices(const QStringList &choices)
{
    m_choices->setStringList(choices);
}

QStringList ScopeValuesEdit::choices() const
{
    return m_choices->stringList();
}

void ScopeValuesEdit::setValues(const QStringList &values)
{
    setText(values.join(u", "_s));
}

QStringList ScopeValuesEdit::values() const
{
    return ScopeFields::normalised(text().split(u','));
}

QStringList ScopeValuesEdit::unknownValues() const
{
    QStringList unknown;
    const QStringList known = m_choices->stringList();
    for (const QString &value : values()) {
        if (!known.contains(value, Qt::CaseInsensitive))
            unknown << value;
    }
    return unknown;
}

QString ScopeValuesEdit::currentPart() const
{
    const QString before = text().left(cursorPosition());
    return before.mid(before.lastIndexOf(u',') + 1).trimmed();
}

void ScopeValuesEdit::showChoices()
{
    m_completer->setCompletionPrefix(currentPart());
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setLeft(0);
    rect.setWidth(width());
    m_completer->complete(rect);
}

void ScopeValuesEdit::insertChoice(const QString &choice)
{
    const QString all = text();
    const int cursor = cursorPosition();
    const qsizetype start = all.left(cursor).lastIndexOf(u',') + 1;
    qsizetype end = all.indexOf(u',', cursor);
    if (end < 0)
        end = all.size();
    QStringList before = ScopeFields::normalised(all.left(start).split(u','));
    const QStringList after = ScopeFields::normalised(all.mid(end).split(u','));
    if (!before.contains(choice, Qt::CaseInsensitive))
        before << choice;
    for (const QString &value : after) {
        if (!before.contains(value, Qt::CaseInsensitive))
            before << value;
    }
    const QString head = before.join(u", "_s);
    setText(head + u", "_s);
    setCursorPosition(int(text().size()));
}

void ScopeValuesEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        // The popup handles these itself and forwards the rest here.
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    } else if (event->key() == Qt::Key_Down) {
        showChoices();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace Cuttle
