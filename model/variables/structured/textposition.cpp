#include "model/variables/structured/textposition.h"

#include <QCoreApplication>

#include <cstring>

namespace Cuttle {

qsizetype TextPosition::bomLength(const QByteArray &content)
{
    return content.startsWith("\xEF\xBB\xBF") ? 3 : 0;
}

qsizetype TextPosition::firstNul(const QByteArray &content)
{
    const void *nul = std::memchr(content.constData(), 0, size_t(content.size()));
    return nul ? static_cast<const char *>(nul) - content.constData() : -1;
}

qsizetype TextPosition::firstInvalidUtf8(const QByteArray &content)
{
    const auto *p = reinterpret_cast<const unsigned char *>(content.constData());
    const qsizetype n = content.size();
    qsizetype i = 0;
    while (i < n) {
        // Configuration files are mostly ASCII; skip it eight bytes at a time.
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra;
        quint32 cp;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

void TextPosition::lineColumn(const QByteArray &content, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, content.size());
    int l = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (content.at(i) == '\n') {
            ++l;
            start = i + 1;
        }
    }
    int c = 1;
    for (qsizetype i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(content.at(i)) & 0xC0) != 0x80)
            ++c;
    }
    if (start == 0 && bomLength(content) && offset >= 3)
        --c;
    *line = l;
    *column = c;
}

QByteArray TextPosition::lineEnding(const QByteArray &content)
{
    const qsizetype nl = content.indexOf('\n');
    return nl > 0 && content.at(nl - 1) == '\r' ? QByteArrayLiteral("\r\n")
                                                : QByteArrayLiteral("\n");
}

qsizetype TextPosition::lineStart(const QByteArray &content, qsizetype offset)
{
    qsizetype start = offset;
    while (start > 0 && content.at(start - 1) != '\n')
        --start;
    return start;
}

QByteArray TextPosition::lineIndent(const QByteArray &content, qsizetype offset)
{
    qsizetype start = lineStart(content, offset);
    if (start == 0)
        start = bomLength(content);
    qsizetype end = start;
    while (end < content.size() && (content.at(end) == ' ' || content.at(end) == '\t'))
        ++end;
    return content.mid(start, end - start);
}

QString TextPosition::parseError(const QString &fileName, const QString &formatName,
                                 const QByteArray &content, qsizetype offset, const QString &reason)
{
    int line = 0;
    int column = 0;
    lineColumn(content, offset, &line, &column);
    const QString name = fileName.isEmpty()
                             ? QCoreApplication::translate("StructuredConfig", "The content")
                             : fileName;
    return QCoreApplication::translate("StructuredConfig",
                                       "%1 is not valid %2: %3 at line %4, column %5.")
        .arg(name, formatName, reason)
        .arg(line)
        .arg(column);
}

} // namespace Cuttle
