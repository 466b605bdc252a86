#include "model/variables/markdownconverter.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QString escapeHtml(const QString &text)
{
    QString out;
    for (QChar c : text) {
        switch (c.unicode()) {
        case '&': out += "&amp;"_L1; break;
        case '<': out += "&lt;"_L1; break;
        case '>': out += "&gt;"_L1; break;
        case '"': out += "&quot;"_L1; break;
        default: out += c;
        }
    }
    return out;
}

QString inlines(const QString &text)
{
    // Code spans first, so that their content is not read as emphasis.
    static const QRegularExpression code(u"`([^`]+)`"_s);
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\(([^)\\s]*)\\)"_s);
    static const QRegularExpression autolink(u"(?<![\"=>])\\b(https?://[^\\s<]+[^\\s<.,;:!?)])"_s);
    static const QRegularExpression strong(u"(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"_s);
    static const QRegularExpression em(u"(\\*|_)(?=\\S)(.+?)(?<=\\S)\\1"_s);
    static const QRegularExpression del(u"~~(?=\\S)(.+?)(?<=\\S)~~"_s);
    QStringList codes;
    QString work;
    qsizetype last = 0;
    auto it = code.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        work += escapeHtml(text.mid(last, m.capturedStart() - last));
        work += QChar(char16_t(0xE000 + codes.size()));
        codes.append("<code>"_L1 + escapeHtml(m.captured(1).trimmed()) + "</code>"_L1);
        last = m.capturedEnd();
    }
    work += escapeHtml(text.mid(last));
    work.replace(link, u"<a href=\"\\2\">\\1</a>"_s);
    work.replace(autolink, u"<a href=\"\\1\">\\1</a>"_s);
    work.replace(strong, u"<strong>\\2</strong>"_s);
    work.replace(em, u"<em>\\2</em>"_s);
    work.replace(del, u"<del>\\1</del>"_s);
    for (qsizetype i = 0; i < codes.size(); ++i)
        work.replace(QChar(char16_t(0xE000 + i)), codes.at(i));
    return work;
}

} // namespace

QString MarkdownConverter::toHtml(const QString &markdown)
{
    static const QRegularExpression heading(u"^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$"_s);
    static const QRegularExpression bullet(u"^ {0,3}[-*+][ \\t]+(.*)$"_s);
    static const QRegularExpression ordered(u"^ {0,3}(\\d{1,9})[.)][ \\t]+(.*)$"_s);
    static const QRegularExpression rule(u"^ {0,3}((\\*[ \\t]*){3,}|(-[ \\t]*){3,}|(_[ \\t]*){3,})$"_s);
    static const QRegularExpression fence(u"^ {0,3}(```|~~~)(.*)$"_s);
    static const QRegularExpression quote(u"^ {0,3}> ?(.*)$"_s);

    const QStringList lines = QString(markdown).replace("\r\n"_L1, "\n"_L1).split(u'\n');
    QString out;
    QStringList paragraph;
    QString listKind;
    auto closeParagraph = [&] {
        if (!paragraph.isEmpty()) {
            out += "<p>"_L1 + inlines(paragraph.join(u'\n')) + "</p>\n"_L1;
            paragraph.clear();
        }
    };
    auto closeList = [&] {
        if (!listKind.isEmpty()) {
            out += "</"_L1 + listKind + ">\n"_L1;
            listKind.clear();
        }
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            closeParagraph();
            closeList();
            continue;
        }
        if (const auto m = fence.match(line); m.hasMatch()) {
            closeParagraph();
            closeList();
            const QString marker = m.captured(1);
            const QString info = m.captured(2).trimmed();
            QString body;
            ++i;
            while (i < lines.size() && !lines.at(i).trimmed().startsWith(marker)) {
                body += escapeHtml(lines.at(i)) + u'\n';
                ++i;
            }
            out += info.isEmpty() ? u"<pre><code>"_s
                                  : "<pre><code class=\"language-"_L1 + escapeHtml(info.section(u' ', 0, 0)) + "\">"_L1;
            out += body + "</code></pre>\n"_L1;
            continue;
        }
        if (paragraph.isEmpty() && listKind.isEmpty() && line.startsWith("    "_L1)) {
            QString body;
            while (i < lines.size() && (lines.at(i).startsWith("    "_L1) || lines.at(i).trimmed().isEmpty())) {
                body += escapeHtml(lines.at(i).mid(4)) + u'\n';
                ++i;
            }
            --i;
            while (body.endsWith("\n\n"_L1))
                body.chop(1);
            out += "<pre><code>"_L1 + body + "</code></pre>\n"_L1;
            continue;
        }
        if (const auto m = heading.match(line); m.hasMatch()) {
            closeParagraph();
            closeList();
            const QString level = QString::number(m.captured(1).size());
            out += "<h"_L1 + level + u'>' + inlines(m.captured(2)) + "</h"_L1 + level + ">\n"_L1;
            continue;
        }
        if (rule.match(line).hasMatch()) {
            closeParagraph();
            closeList();
            out += "<hr />\n"_L1;
            continue;
        }
        if (const auto m = quote.match(line); m.hasMatch()) {
            closeParagraph();
            closeList();
            QStringList inner{m.captured(1)};
            while (i + 1 < lines.size()) {
                const auto next = quote.match(lines.at(i + 1));
                if (!next.hasMatch())
                    break;
                inner.append(next.captured(1));
                ++i;
            }
            out += "<blockquote>\n"_L1 + toHtml(inner.join(u'\n')) + "</blockquote>\n"_L1;
            continue;
        }
        const auto b = bullet.match(line);
        const auto o = ordered.match(line);
        if (b.hasMatch() || o.hasMatch()) {
            closeParagraph();
            const QString kind = b.hasMatch() ? u"ul"_s : u"ol"_s;
            if (listKind != kind) {
                closeList();
                listKind = kind;
                if (kind == "ol"_L1 && o.captured(1).toInt() != 1)
                    out += "<ol start=\""_L1 + QString::number(o.captured(1).toInt()) + "\">\n"_L1;
                else
                    out += u'<' + kind + ">\n"_L1;
            }
            out += "<li>"_L1 + inlines(b.hasMatch() ? b.captured(1) : o.captured(2)) + "</li>\n"_L1;
            continue;
        }
        if (!listKind.isEmpty() && line.startsWith(u' ')) {
            // A lazy continuation line of a list item.
            out.chop(6);
            out += u'\n' + inlines(line.trimmed()) + "</li>\n"_L1;
            continue;
        }
        closeList();
        paragraph.append(line.trimmed());
    }
    closeParagraph();
    closeList();
    return out;
}

} // namespace Cuttle
