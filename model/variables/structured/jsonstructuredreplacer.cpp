#include "model/variables/structured/jsonstructuredreplacer.h"

#include "model/variables/structured/jsonlexer.h"
#include "model/variables/structured/structuredvalue.h"
#include "model/variables/structured/structuredvariablelookup.h"
#include "model/variables/structured/textposition.h"
#include "model/variables/structured/textsplicer.h"

#include <QCoreApplication>

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StructuredConfig", text);
}

constexpr int MaxDepth = 1000;

enum class Kind { Object, Array, String, Number, Bool, Null };

/// One pass over the document: validates everything, descends only where a variable name can
/// still match, and records a splice for every matched value.
class Walker final
{
public:
    Walker(const QByteArray &content, StructuredVariableLookup &lookup, TextSplicer &splicer)
        : m_content(content), m_lexer(content.constData(), content.size(), true), m_lookup(lookup),
          m_splicer(splicer), m_newline(TextPosition::lineEnding(content))
    {}

    bool run()
    {
        m_lexer.setPos(TextPosition::bomLength(m_content));
        if (!m_lexer.skipTrivia())
            return false;
        if (m_lexer.atEnd())
            return m_lexer.fail(tr("the file is empty"));
        QByteArray path;
        Kind kind;
        if (!value(path, !m_lookup.isEmpty(), 0, &kind) || !m_lexer.skipTrivia())
            return false;
        if (!m_lexer.atEnd())
            return m_lexer.fail(m_lexer.describeHere());
        return true;
    }

    const JsonLexer &lexer() const { return m_lexer; }

private:
    struct Member
    {
        qsizetype containerStart;
        qsizetype memberStart;
        qsizetype colon; ///< -1 for array elements
        bool multiline;
    };

    bool value(QByteArray &path, bool descend, int depth, Kind *kind)
    {
        switch (m_lexer.peek()) {
        case '{':
            *kind = Kind::Object;
            return container(path, descend, depth, true);
        case '[':
            *kind = Kind::Array;
            return container(path, descend, depth, false);
        case '"':
            *kind = Kind::String;
            return m_lexer.scanString();
        case 't':
        case 'f':
            *kind = Kind::Bool;
            return m_lexer.scanLiteral();
        case 'n':
            *kind = Kind::Null;
            return m_lexer.scanLiteral();
        default:
            *kind = Kind::Number;
            if (m_lexer.peek() == '-' || (m_lexer.peek() >= '0' && m_lexer.peek() <= '9'))
                return m_lexer.scanNumber();
            return m_lexer.fail(m_lexer.describeHere());
        }
    }

    bool container(QByteArray &path, bool descend, int depth, bool object)
    {
        if (depth >= MaxDepth)
            return m_lexer.fail(tr("the document is nested too deeply"));
        const char close = object ? '}' : ']';
        const qsizetype start = m_lexer.pos();
        m_lexer.setPos(start + 1);
        if (!m_lexer.skipTrivia())
            return false;
        if (m_lexer.peek() == close) {
            m_lexer.setPos(m_lexer.pos() + 1);
            return true;
        }
        const bool multiline =
            descend &&
            QByteArrayView(m_content.constData() + start, m_lexer.pos() - start).contains('\n');
        const qsizetype pathLength = path.size();
        for (int index = 0;; ++index) {
            const qsizetype memberStart = m_lexer.pos();
            qsizetype colon = -1;
            if (descend && pathLength > 0)
                path.append(':');
            if (object) {
                if (m_lexer.peek() != '"')
                    return m_lexer.fail(m_lexer.atEnd() ? m_lexer.describeHere()
                                                        : tr("expected a property name"));
                bool escapes = false;
                if (!m_lexer.scanString(&escapes))
                    return false;
                if (descend) {
                    const char *key = m_content.constData() + memberStart + 1;
                    const qsizetype keySize = m_lexer.pos() - memberStart - 2;
                    if (escapes) {
                        const QByteArray decoded =
                            JsonLexer::decodeString(key - 1, keySize + 2).toUtf8();
                        StructuredVariableLookup::appendNormalizedKey(path, decoded.constData(),
                                                                      decoded.size());
                    } else {
                        StructuredVariableLookup::appendNormalizedKey(path, key, keySize);
                    }
                }
                if (!m_lexer.skipTrivia())
                    return false;
                if (m_lexer.peek() != ':')
                    return m_lexer.fail(m_lexer.atEnd() ? m_lexer.describeHere()
                                                        : tr("expected ':'"));
                colon = m_lexer.pos();
                m_lexer.setPos(colon + 1);
                if (!m_lexer.skipTrivia())
                    return false;
            } else if (descend) {
                path.append(QByteArray::number(index));
            }
            if (!member(path, descend, depth, {start, memberStart, colon, multiline}))
                return false;
            if (descend)
                path.truncate(pathLength);
            if (!m_lexer.skipTrivia())
                return false;
            const char next = m_lexer.peek();
            if (next == close) {
                m_lexer.setPos(m_lexer.pos() + 1);
                return true;
            }
            if (next != ',') {
                return m_lexer.fail(m_lexer.atEnd() ? m_lexer.describeHere()
                                                    : (object ? tr("expected ',' or '}'")
                                                              : tr("expected ',' or ']'")));
            }
            m_lexer.setPos(m_lexer.pos() + 1);
            if (!m_lexer.skipTrivia())
                return false;
            if (m_lexer.peek() ==
                close) { // trailing comma, accepted like appsettings.json readers do
                m_lexer.setPos(m_lexer.pos() + 1);
                return true;
            }
        }
    }

    bool member(QByteArray &path, bool descend, int depth, const Member &where)
    {
        const qsizetype valueStart = m_lexer.pos();
        Kind kind;
        if (!descend)
            return value(path, false, depth + 1, &kind);
        const int match = m_lookup.find(path);
        if (match < 0)
            return value(path, m_lookup.hasBelow(path), depth + 1, &kind);
        if (!value(path, false, depth + 1, &kind))
            return false;
        m_lookup.markMatched(match);
        m_splicer.add(valueStart, m_lexer.pos(),
                      render(kind, m_lookup.value(match), valueStart, where));
        return true;
    }

    QByteArray render(Kind original, const QString &text, qsizetype valueStart,
                      const Member &where) const
    {
        if (const auto structured = StructuredValue::parseCollection(text)) {
            StructuredValue::JsonStyle style;
            style.pretty = where.multiline;
            style.indent = TextPosition::lineIndent(m_content, valueStart);
            const QByteArray parentIndent =
                TextPosition::lineIndent(m_content, where.containerStart);
            const QByteArray memberIndent = TextPosition::lineIndent(m_content, where.memberStart);
            if (memberIndent.size() > parentIndent.size() && memberIndent.startsWith(parentIndent))
                style.unit = memberIndent.mid(parentIndent.size());
            else
                style.unit =
                    memberIndent.contains('\t') ? QByteArrayLiteral("\t") : QByteArrayLiteral("  ");
            style.newline = m_newline;
            style.spaced = where.colon < 0 || valueStart > where.colon + 1;
            return structured->toJson(style);
        }
        const QByteArray utf8 = text.toUtf8();
        switch (original) {
        case Kind::Number:
            if (JsonLexer::isNumber(utf8))
                return utf8;
            break;
        case Kind::Bool:
            if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
                text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return utf8.toLower();
            break;
        case Kind::Null:
            if (text == QLatin1String("null"))
                return utf8;
            break;
        default:
            break;
        }
        return JsonLexer::quote(text);
    }

    const QByteArray &m_content;
    JsonLexer m_lexer;
    StructuredVariableLookup &m_lookup;
    TextSplicer &m_splicer;
    QByteArray m_newline;
};

} // namespace

VoidResult JsonStructuredReplacer::plan(const QByteArray &content, const QString &fileName,
                                        StructuredVariableLookup &lookup, TextSplicer &splicer,
                                        QStringList &)
{
    Walker walker(content, lookup, splicer);
    if (walker.run())
        return {};
    return Error::validation(TextPosition::parseError(fileName, QStringLiteral("JSON"), content,
                                                      walker.lexer().errorPos(),
                                                      walker.lexer().errorReason()));
}

} // namespace Cuttle
