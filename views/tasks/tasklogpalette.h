#pragma once

#include "model/core/taskenums.h"

#include <QColor>
#include <QIcon>
#include <QTextCharFormat>

class QPlainTextEdit;
class QStyle;

namespace Cuttle {

/// How task logs look wherever they are shown: a colour per line category, an icon per status.
class TaskLogPalette final
{
public:
    static QColor color(TaskLogCategory category);
    static QTextCharFormat format(TaskLogCategory category);
    static QIcon icon(const QStyle *style, TaskLogStatus status);
    /// Appends one line in its category's look, following the end only if the view was there.
    static void appendLine(QPlainTextEdit *view, const QString &text, TaskLogCategory category);
    /// A fixed-pitch font for log views and script editors.
    static QFont monospaceFont();
};

} // namespace Cuttle
