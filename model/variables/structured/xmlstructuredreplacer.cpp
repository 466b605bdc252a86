#include "model/variables/structured/xmlstructuredreplacer.h"

#include "model/variables/structured/structuredvariablelookup.h"
#include "model/variables/structured/textposition.h"
#include "model/variables/structured/textsplicer.h"

#include <QCoreApplication>

#include <pugixml.hpp>

#include <exception>

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StructuredConfig", text);
}

constexpr unsigned ParseOptions = pugi::parse_default | pugi::parse_declaration |
                                  pugi::parse_doctype | pugi::parse_pi | pugi::parse_comments;

QByteArray escapeText(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '\r':
            out += "&#xD;";
            break; // a raw CR would be normalised away by every reader
        default:
            out += c;
        }
    }
    return out;
}

QByteArray escapeAttribute(const QString &value, char quote)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += quote == '"' ? "&quot;" : "\"";
            break;
        case '\'':
            out += quote == '\'' ? "&apos;" : "'";
            break;
        // Attribute-value normalisation would turn these into spaces.
        case '\n':
            out += "&#xA;";
            break;
        case '\r':
            out += "&#xD;";
            break;
        case '\t':
            out += "&#x9;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray cdataContent(const QString &value)
{
    QByteArray text = value.toUtf8();
    // "]]>" cannot appear inside a CDATA section: close it and reopen it between the brackets.
    text.replace("]]>", "]]]]><![CDATA[>");
    return text;
}

/// Locates selected nodes in the original bytes; pugixml parsed a private copy in place, so
/// every name and value pointer is an offset into the original text.
class Locator final
{
public:
    Locator(const QByteArray &content, const char *buffer) : m_content(content), m_buffer(buffer) {}

    qsizetype offsetOf(const char *p) const
    {
        if (!p || p < m_buffer || p > m_buffer + m_content.size())
            return -1;
        return p - m_buffer;
    }

    /// Replacement of an attribute value; false when it cannot be located.
    bool attribute(const pugi::xml_attribute &attr, const QString &value,
                   TextSplicer &splicer) const
    {
        const qsizetype begin = offsetOf(attr.value());
        if (begin <= 0)
            return false;
        const char quote = m_content.at(begin - 1);
        if (quote != '"' && quote != '\'')
            return false;
        const qsizetype end = m_content.indexOf(quote, begin);
        if (end < 0)
            return false;
        splicer.add(begin, end, escapeAttribute(value, quote));
        return true;
    }

    bool text(const pugi::xml_node &node, const QString &value, TextSplicer &splicer) const
    {
        const qsizetype begin = offsetOf(node.value());
        if (begin < 0)
            return false;
        if (node.type() == pugi::node_cdata) {
            const qsizetype end = m_content.indexOf("]]>", begin);
            if (end < 0)
                return false;
            splicer.add(begin, end, cdataContent(value));
            return true;
        }
        qsizetype end = m_content.indexOf('<', begin);
        if (end < 0)
            end = m_content.size();
        splicer.add(begin, end, escapeText(value));
        return true;
    }

    /// Replaces everything between the start and end tag of an element without child elements.
    bool elementContent(const pugi::xml_node &element, const QByteArray &replacement,
                        TextSplicer &splicer) const
    {
        const qsizetype name = offsetOf(element.name());
        if (name < 0)
            return false;
        qsizetype pos = tagEndFrom(name);
        if (pos < 0)
            return false;
        if (m_content.at(pos - 1) == '/') {
            qsizetype begin = pos - 1;
            while (begin > name &&
                   (m_content.at(begin - 1) == ' ' || m_content.at(begin - 1) == '\t' ||
                    m_content.at(begin - 1) == '\n' || m_content.at(begin - 1) == '\r'))
                --begin;
            splicer.add(begin, pos + 1,
                        '>' + replacement + "</" + QByteArray(element.name()) + '>');
            return true;
        }
        const qsizetype contentBegin = pos + 1;
        pos = contentBegin;
        int depth = 0;
        while (pos < m_content.size()) {
            if (m_content.at(pos) != '<') {
                ++pos;
                continue;
            }
            const QByteArrayView rest(m_content.constData() + pos, m_content.size() - pos);
            qsizetype skipTo = -1;
            if (rest.startsWith("</")) {
                if (depth == 0) {
                    splicer.add(contentBegin, pos, replacement);
                    return true;
                }
                --depth;
                skipTo = m_content.indexOf('>', pos) + 1;
            } else if (rest.startsWith("<!--")) {
                skipTo = m_content.indexOf("-->", pos) + 3;
            } else if (rest.startsWith("<![CDATA[")) {
                skipTo = m_content.indexOf("]]>", pos) + 3;
            } else if (rest.startsWith("<?")) {
                skipTo = m_content.indexOf("?>", pos) + 2;
            } else {
                const qsizetype tagEnd = tagEndFrom(pos + 1);
                if (tagEnd < 0)
                    return false;
                if (m_content.at(tagEnd - 1) != '/')
                    ++depth;
                skipTo = tagEnd + 1;
            }
            if (skipTo <= pos)
                return false;
            pos = skipTo;
        }
        return false;
    }

private:
    /// Offset of the '>' closing the tag whose name starts at pos, skipping quoted values.
    qsizetype tagEndFrom(qsizetype pos) const
    {
        char quote = 0;
        for (; pos < m_content.size(); ++pos) {
            const char c = m_content.at(pos);
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return pos;
            }
        }
        return -1;
    }

    const QByteArray &m_content;
    const char *m_buffer;
};

bool isXmlFragment(const QString &value)
{
    pugi::xml_document fragment;
    const QByteArray utf8 = value.toUtf8();
    const pugi::xml_parse_result parsed =
        fragment.load_buffer(utf8.constData(), size_t(utf8.size()),
                             ParseOptions | pugi::parse_fragment, pugi::encoding_utf8);
    return parsed && fragment.first_child();
}

/// Replaces one selected node; false with a warning when the node is not replaceable.
bool replaceNode(const pugi::xpath_node &selected, const QString &value, const Locator &locator,
                 TextSplicer &splicer)
{
    if (selected.attribute())
        return locator.attribute(selected.attribute(), value, splicer);
    const pugi::xml_node node = selected.node();
    switch (node.type()) {
    case pugi::node_pcdata:
    case pugi::node_cdata:
        return locator.text(node, value, splicer);
    case pugi::node_element: {
        bool hasElements = false;
        pugi::xml_node cdata;
        for (const pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element)
                hasElements = true;
            else if (child.type() == pugi::node_cdata && !cdata)
                cdata = child;
        }
        if (hasElements) {
            // Elements with children take the value as markup, like InnerXml, when it is markup.
            if (!isXmlFragment(value))
                return false;
            return locator.elementContent(node, value.toUtf8(), splicer);
        }
        if (cdata)
            return locator.text(cdata, value, splicer);
        return locator.elementContent(node, escapeText(value), splicer);
    }
    default:
        return false;
    }
}

} // namespace

VoidResult XmlStructuredReplacer::plan(const QByteArray &content, const QString &fileName,
                                       StructuredVariableLookup &lookup, TextSplicer &splicer,
                                       QStringList &warnings)
{
    try {
        QByteArray buffer = content;
        buffer.detach();
        pugi::xml_document document;
        const pugi::xml_parse_result parsed = document.load_buffer_inplace(
            buffer.data(), size_t(buffer.size()), ParseOptions, pugi::encoding_utf8);
        if (!parsed) {
            return Error::validation(TextPosition::parseError(
                fileName, QStringLiteral("XML"), content, qsizetype(parsed.offset),
                QString::fromUtf8(parsed.description()).toLower()));
        }
        const Locator locator(content, buffer.constData());
        for (const int index : lookup.effectiveIndexes()) {
            const QByteArray expression = lookup.name(index).toUtf8();
            pugi::xpath_node_set nodes;
            try {
                const pugi::xpath_query query(expression.constData());
                if (query.return_type() != pugi::xpath_type_node_set)
                    continue;
                nodes = query.evaluate_node_set(document);
            } catch (const pugi::xpath_exception &) {
                continue; // most variable names are not XPath at all
            }
            int replaced = 0;
            for (const pugi::xpath_node &selected : nodes) {
                if (replaceNode(selected, lookup.value(index), locator, splicer)) {
                    ++replaced;
                } else {
                    warnings.append(
                        tr("The XPath %1 selects a node in %2 whose value cannot be replaced.")
                            .arg(lookup.name(index), fileName));
                }
            }
            if (replaced > 0)
                lookup.markMatched(index, replaced);
        }
    } catch (const std::exception &e) {
        return Error::failed(tr("Replacing XML values in %1 failed: %2.")
                                 .arg(fileName, QString::fromUtf8(e.what())));
    }
    return {};
}

} // namespace Cuttle
