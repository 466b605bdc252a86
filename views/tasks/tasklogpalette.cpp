#include "views/tasks/tasklogpalette.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStyle>
#include <QTextCursor>

namespace Cuttle {

QColor TaskLogPalette::color(TaskLogCategory category)
{
    switch (category) {
    case TaskLogCategory::Verbose: return QColor(0x75, 0x75, 0x75);
    case TaskLogCategory::Info: return {};
    case TaskLogCategory::Warning: return QColor(0xb2, 0x6a, 0x00);
    case TaskLogCategory::Error: return QColor(0xc6, 0x28, 0x28);
    case TaskLogCategory::Highlight: return QColor(0x15, 0x65, 0xc0);
    }
    return {};
}

QTextCharFormat TaskLogPalette::format(TaskLogCategory category)
{
    QTextCharFormat format;
    if (const QColor c = color(category); c.isValid())
        format.setForeground(c);
    if (category == TaskLogCategory::Highlight)
        format.setFontWeight(QFont::Bold);
    if (category == TaskLogCategory::Verbose)
        format.setFontItalic(true);
    return format;
}

QIcon TaskLogPalette::icon(const QStyle *style, TaskLogStatus status)
{
    switch (status) {
    case TaskLogStatus::Pending: return {};
    case TaskLogStatus::Running: return style->standardIcon(QStyle::SP_BrowserReload);
    case TaskLogStatus::Success: return style->standardIcon(QStyle::SP_DialogApplyButton);
    case TaskLogStatus::SuccessWithWarning: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case TaskLogStatus::Failed: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case TaskLogStatus::Skipped: return style->standardIcon(QStyle::SP_ArrowForward);
    case TaskLogStatus::Canceled: return style->standardIcon(QStyle::SP_BrowserStop);
    }
    return {};
}

void TaskLogPalette::appendLine(QPlainTextEdit *view, const QString &text, TaskLogCategory category)
{
    QScrollBar *bar = view->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(view->document());
    cursor.movePosition(QTextCursor::End);
    if (!view->document()->isEmpty())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertText(text, format(category));
    if (following)
        bar->setValue(bar->maximum());
}

QFont TaskLogPalette::monospaceFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace Cuttle
