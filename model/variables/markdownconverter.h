#pragma once

#include <QString>

namespace Cuttle {

/// Converts a CommonMark subset to HTML for the MarkdownToHtml filter: ATX headings, paragraphs,
/// bullet and numbered lists, fenced and indented code, block quotes, rules, emphasis, strong,
/// strike-through, code spans, links and bare http(s) autolinks.
class MarkdownConverter final
{
public:
    static QString toHtml(const QString &markdown);
};

} // namespace Cuttle
