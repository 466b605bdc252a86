#pragma once

#include <QByteArray>
#include <QString>

namespace Cuttle {

/// Byte-level facts about a text buffer that the structured replacers share: encoding checks,
/// line/column of an offset, the line ending and indentation in use.
class TextPosition final
{
public:
    static qsizetype bomLength(const QByteArray &content);
    /// Byte offset of the first NUL, or -1: a NUL never occurs in a text configuration file.
    static qsizetype firstNul(const QByteArray &content);
    /// Byte offset of the first byte that breaks UTF-8, or -1 when the content is valid UTF-8.
    static qsizetype firstInvalidUtf8(const QByteArray &content);
    /// 1-based line and column (in characters) of a byte offset.
    static void lineColumn(const QByteArray &content, qsizetype offset, int *line, int *column);
    /// "\r\n" when the first line break in the content is CRLF, else "\n".
    static QByteArray lineEnding(const QByteArray &content);
    static qsizetype lineStart(const QByteArray &content, qsizetype offset);
    /// The spaces and tabs that open the line containing offset.
    static QByteArray lineIndent(const QByteArray &content, qsizetype offset);
    /// The sentence reporting that a file does not parse, with the position of the problem.
    static QString parseError(const QString &fileName, const QString &formatName,
                              const QByteArray &content, qsizetype offset, const QString &reason);
};

} // namespace Cuttle
