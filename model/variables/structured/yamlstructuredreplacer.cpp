#include "model/variables/structured/yamlstructuredreplacer.h"

#include "model/variables/structured/structuredvalue.h"
#include "model/variables/structured/structuredvariablelookup.h"
#include "model/variables/structured/textposition.h"
#include "model/variables/structured/textsplicer.h"
#include "model/variables/structured/yamlscalarwriter.h"

#include <QCoreApplication>

#include <yaml.h>

#include <vector>

namespace Cuttle {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// libyaml marks count characters after the BOM; splicing needs byte offsets.
class MarkConverter final
{
public:
    explicit MarkConverter(const QByteArray &content)
        : m_content(content), m_byte(TextPosition::bomLength(content))
    {}

    qsizetype byteOffset(size_t index)
    {
        const auto *p = reinterpret_cast<const unsigned char *>(m_content.constData());
        const qsizetype size = m_content.size();
        while (m_index < index && m_byte < size) {
            const unsigned char c = p[m_byte];
            m_byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            ++m_index;
        }
        while (m_index > index && m_byte > 0) {
            --m_byte;
            while (m_byte > 0 && (p[m_byte] & 0xC0) == 0x80)
                --m_byte;
            --m_index;
        }
        return qMin(m_byte, size);
    }

private:
    const QByteArray &m_content;
    size_t m_index = 0;
    qsizetype m_byte;
};

/// Owns a libyaml parser for one plan() call.
class YamlParser final
{
public:
    explicit YamlParser(const QByteArray &content)
    {
        m_ok = yaml_parser_initialize(&m_parser) != 0;
        if (m_ok) {
            yaml_parser_set_input_string(
                &m_parser, reinterpret_cast<const unsigned char *>(content.constData()),
                size_t(content.size()));
        }
    }
    ~YamlParser()
    {
        if (m_ok)
            yaml_parser_delete(&m_parser);
    }
    Q_DISABLE_COPY_MOVE(YamlParser)

    bool ok() const { return m_ok; }
    yaml_parser_t *get() { return &m_parser; }

private:
    yaml_parser_t m_parser;
    bool m_ok = false;
};

/// One event, released when it goes out of scope.
class YamlEvent final
{
public:
    YamlEvent() = default;
    ~YamlEvent()
    {
        if (m_filled)
            yaml_event_delete(&m_event);
    }
    Q_DISABLE_COPY_MOVE(YamlEvent)

    bool parse(yaml_parser_t *parser)
    {
        m_filled = yaml_parser_parse(parser, &m_event) != 0;
        return m_filled;
    }
    const yaml_event_t &operator*() const { return m_event; }
    const yaml_event_t *operator->() const { return &m_event; }

private:
    yaml_event_t m_event;
    bool m_filled = false;
};

struct Frame
{
    bool mapping = true;
    bool flow = false;
    bool ignored = false; ///< inside a complex key or a collection being replaced
    bool isKey = false;   ///< this collection is itself a mapping key
    bool descend = false; ///< child paths can still match a variable
    bool expectKey = true;
    int index = 0;
    int replaceWith = -1; ///< variable replacing this whole collection
    qsizetype pathLength = 0;
    qsizetype start = 0; ///< first byte of the collection's content (after anchor and tag)
    qsizetype contentEnd = 0;
    qsizetype keyStart = -1;   ///< byte offset of the current key (mappings)
    qsizetype ownerStart = -1; ///< byte offset of the key or item that owns this collection
};

class Walker final
{
public:
    Walker(const QByteArray &content, StructuredVariableLookup &lookup, TextSplicer &splicer)
        : m_content(content), m_marks(content), m_lookup(lookup), m_splicer(splicer),
          m_newline(TextPosition::lineEnding(content)), m_unit(detectIndentUnit(content))
    {}

    VoidResult run(const QString &fileName)
    {
        YamlParser parser(m_content);
        if (!parser.ok())
            return Error::failed(QCoreApplication::translate(
                "StructuredConfig", "The YAML parser could not be created."));
        for (;;) {
            YamlEvent event;
            if (!event.parse(parser.get())) {
                const yaml_parser_t *p = parser.get();
                const QString problem = QString::fromUtf8(p->problem ? p->problem : "syntax error");
                QString reason = problem;
                if (p->context)
                    reason = QString::fromUtf8(p->context) + QLatin1Char(' ') + problem;
                return Error::validation(
                    TextPosition::parseError(fileName, QStringLiteral("YAML"), m_content,
                                             m_marks.byteOffset(p->problem_mark.index), reason));
            }
            if (event->type == YAML_STREAM_END_EVENT)
                return {};
            handle(*event);
        }
    }

    bool hasCollections() const { return m_hasCollections; }

private:
    /// The file's own indentation step, so that inserted mappings look like their neighbours:
    /// the first indentation increase after a line ending in ':'; 2 when there is none.
    static int detectIndentUnit(const QByteArray &content)
    {
        int previousIndent = -1;
        bool previousOpens = false;
        qsizetype lineStart = 0;
        while (lineStart < content.size()) {
            qsizetype lineEnd = content.indexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = content.size();
            const QByteArrayView line(content.constData() + lineStart, lineEnd - lineStart);
            lineStart = lineEnd + 1;
            qsizetype indent = 0;
            while (indent < line.size() && line.at(indent) == ' ')
                ++indent;
            const QByteArrayView rest = line.sliced(indent).trimmed();
            if (rest.isEmpty() || rest.startsWith('#'))
                continue;
            if (previousOpens && indent > previousIndent)
                return int(qMin(indent - previousIndent, qsizetype(8)));
            previousIndent = int(indent);
            previousOpens = rest.endsWith(':');
        }
        return 2;
    }

    qsizetype byteAt(const yaml_mark_t &mark) { return m_marks.byteOffset(mark.index); }

    qsizetype column(qsizetype offset) const
    {
        return offset - TextPosition::lineStart(m_content, offset);
    }

    /// Skips an anchor, a tag and the whitespace or comments after them.
    qsizetype skipProperties(qsizetype pos, qsizetype end) const
    {
        while (pos < end) {
            const char c = m_content.at(pos);
            if (c == '&' || c == '!') {
                while (pos < end && !isSpace(m_content.at(pos)))
                    ++pos;
            } else if (isSpace(c)) {
                ++pos;
            } else if (c == '#' && pos > 0 && isSpace(m_content.at(pos - 1))) {
                while (pos < end && m_content.at(pos) != '\n')
                    ++pos;
            } else {
                break;
            }
        }
        return pos;
    }

    void handle(const yaml_event_t &event)
    {
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            m_frames.clear();
            m_path.clear();
            break;
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
            leaf(event);
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            collectionStart(event);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            collectionEnd(event);
            break;
        default:
            break;
        }
    }

    void noteContent(qsizetype end)
    {
        if (!m_frames.empty() && end > m_frames.back().contentEnd)
            m_frames.back().contentEnd = end;
    }

    void afterValue()
    {
        if (m_frames.empty())
            return;
        Frame &parent = m_frames.back();
        if (parent.mapping)
            parent.expectKey = true;
        else
            ++parent.index;
    }

    /// Sets m_path to the path of the node about to be read in the top frame.
    void enterChildPath()
    {
        Frame &parent = m_frames.back();
        if (parent.mapping)
            return; // the key already did it
        m_path.truncate(parent.pathLength);
        if (parent.pathLength > 0)
            m_path.append(':');
        m_path.append(QByteArray::number(parent.index));
    }

    void leaf(const yaml_event_t &event)
    {
        const qsizetype start = byteAt(event.start_mark);
        qsizetype end = byteAt(event.end_mark);
        const bool block = event.type == YAML_SCALAR_EVENT &&
                           (event.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
                            event.data.scalar.style == YAML_FOLDED_SCALAR_STYLE);
        if (block) {
            while (end > start + 1 && isSpace(m_content.at(end - 1)))
                --end;
        }
        noteContent(end);
        if (m_frames.empty())
            return; // a scalar document has no key path
        Frame &parent = m_frames.back();
        if (parent.ignored)
            return;
        if (parent.mapping && parent.expectKey) {
            parent.expectKey = false;
            parent.keyStart = start;
            if (!parent.descend)
                return;
            m_path.truncate(parent.pathLength);
            if (parent.pathLength > 0)
                m_path.append(':');
            if (event.type == YAML_SCALAR_EVENT) {
                StructuredVariableLookup::appendNormalizedKey(
                    m_path, reinterpret_cast<const char *>(event.data.scalar.value),
                    qsizetype(event.data.scalar.length));
            } else {
                m_path.append('\x01'); // an alias as key matches no name
            }
            return;
        }
        if (parent.descend) {
            enterChildPath();
            const int match = m_lookup.find(m_path);
            if (match >= 0) {
                m_lookup.markMatched(match);
                replaceLeaf(event, skipProperties(start, end), end, match);
            }
        }
        afterValue();
    }

    void collectionStart(const yaml_event_t &event)
    {
        const bool mapping = event.type == YAML_MAPPING_START_EVENT;
        const bool flow = mapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                  : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
        const qsizetype eventStart = byteAt(event.start_mark);
        Frame frame;
        frame.mapping = mapping;
        frame.flow = flow;
        frame.start = skipProperties(eventStart, m_content.size());
        frame.contentEnd = byteAt(event.end_mark);
        if (m_frames.empty()) {
            m_hasCollections = true;
            frame.descend = !m_lookup.isEmpty();
            m_path.clear();
            m_frames.push_back(frame);
            return;
        }
        Frame &parent = m_frames.back();
        if (parent.ignored) {
            frame.ignored = true;
        } else if (parent.mapping && parent.expectKey) {
            frame.ignored = true;
            frame.isKey = true;
        } else if (parent.descend) {
            enterChildPath();
            frame.ownerStart = parent.mapping ? parent.keyStart : frame.start;
            frame.replaceWith = m_lookup.find(m_path);
            frame.ignored = frame.replaceWith >= 0;
            frame.descend = !frame.ignored && m_lookup.hasBelow(m_path);
            frame.pathLength = m_path.size();
        }
        m_frames.push_back(frame);
    }

    void collectionEnd(const yaml_event_t &event)
    {
        if (m_frames.empty())
            return;
        Frame frame = m_frames.back();
        m_frames.pop_back();
        if (frame.flow)
            frame.contentEnd = qMax(frame.contentEnd, byteAt(event.end_mark));
        noteContent(frame.contentEnd);
        if (m_frames.empty())
            return;
        Frame &parent = m_frames.back();
        if (parent.ignored)
            return;
        if (frame.isKey) {
            parent.expectKey = false;
            parent.keyStart = frame.start;
            if (parent.descend) {
                m_path.truncate(parent.pathLength);
                m_path.append(parent.pathLength > 0 ? ":\x01" : "\x01");
            }
            return;
        }
        if (frame.replaceWith >= 0) {
            m_lookup.markMatched(frame.replaceWith);
            replaceCollection(frame, parent);
        }
        afterValue();
    }

    void replaceLeaf(const yaml_event_t &event, qsizetype begin, qsizetype end, int match)
    {
        const Frame &parent = m_frames.back();
        const QString &value = m_lookup.value(match);
        const bool inFlow = parent.flow;
        const auto structured = StructuredValue::parseCollection(value);
        if (structured) {
            if (inFlow || structured->isEmptyCollection()) {
                m_splicer.add(begin, end,
                              (begin == end ? QByteArray(" ") : QByteArray()) +
                                  structured->toYamlFlow());
                return;
            }
            if (!parent.mapping) {
                m_splicer.add(begin, end,
                              structured->toYamlBlock(int(column(begin)), m_unit, m_newline));
                return;
            }
            const qsizetype keyLine = TextPosition::lineStart(m_content, parent.keyStart);
            if (TextPosition::lineStart(m_content, begin) != keyLine) {
                m_splicer.add(begin, end,
                              structured->toYamlBlock(int(column(begin)), m_unit, m_newline));
                return;
            }
            qsizetype from = begin;
            while (from > parent.keyStart &&
                   (m_content.at(from - 1) == ' ' || m_content.at(from - 1) == '\t'))
                --from;
            if (m_content.at(from - 1) != ':')
                from = begin;
            const int col = int(column(parent.keyStart)) + m_unit;
            m_splicer.add(from, end,
                          m_newline + QByteArray(col, ' ') +
                              structured->toYamlBlock(col, m_unit, m_newline));
            return;
        }

        QByteArray text;
        if (event.type == YAML_ALIAS_EVENT) {
            text = YamlScalarWriter::plainOrDoubleQuoted(value, inFlow);
        } else {
            const auto &scalar = event.data.scalar;
            const QString original = QString::fromUtf8(reinterpret_cast<const char *>(scalar.value),
                                                       qsizetype(scalar.length));
            switch (scalar.style) {
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
                text = YamlScalarWriter::doubleQuoted(value);
                break;
            case YAML_SINGLE_QUOTED_SCALAR_STYLE:
                text = YamlScalarWriter::singleQuoted(value);
                if (text.isEmpty())
                    text = YamlScalarWriter::doubleQuoted(value);
                break;
            case YAML_LITERAL_SCALAR_STYLE:
            case YAML_FOLDED_SCALAR_STYLE:
                text = blockScalar(value, scalar.style == YAML_FOLDED_SCALAR_STYLE, begin, end,
                                   parent);
                break;
            default: {
                const YamlScalarWriter::Type type = YamlScalarWriter::resolvePlain(original);
                if (type != YamlScalarWriter::Type::String &&
                    YamlScalarWriter::resolvePlain(value) == type)
                    text = value.toUtf8();
                else
                    text = YamlScalarWriter::plainOrDoubleQuoted(value, inFlow);
            }
            }
        }
        if (begin == end && begin > 0 && !isSpace(m_content.at(begin - 1)))
            text.prepend(' ');
        m_splicer.add(begin, end, text);
    }

    /// The value as a literal (or folded) block scalar at the original content indentation,
    /// or double-quoted when a block scalar cannot carry it exactly.
    QByteArray blockScalar(const QString &value, bool folded, qsizetype begin, qsizetype end,
                           const Frame &parent) const
    {
        const bool representable =
            !value.isEmpty() && !value.front().isSpace() &&
            !value.endsWith(QLatin1String("\n\n")) && !value.contains(QLatin1Char('\r')) &&
            value != QLatin1String("\n") && std::none_of(value.begin(), value.end(), [](QChar c) {
                return (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) ||
                       c.unicode() == 0x7F;
            });
        if (!representable)
            return YamlScalarWriter::doubleQuoted(value);
        int indent = -1;
        const qsizetype firstBreak = m_content.indexOf('\n', begin);
        if (firstBreak >= 0 && firstBreak < end) {
            qsizetype pos = firstBreak + 1;
            while (pos < end) {
                qsizetype lineEnd = m_content.indexOf('\n', pos);
                if (lineEnd < 0 || lineEnd > end)
                    lineEnd = end;
                qsizetype first = pos;
                while (first < lineEnd && m_content.at(first) == ' ')
                    ++first;
                if (first < lineEnd && m_content.at(first) != '\r') {
                    indent = int(first - pos);
                    break;
                }
                pos = lineEnd + 1;
            }
        }
        if (indent < 0) {
            const qsizetype owner = parent.mapping ? parent.keyStart : begin;
            indent = int(column(owner)) + m_unit;
        }
        const bool trailingBreak = value.endsWith(QLatin1Char('\n'));
        const QString body = trailingBreak ? value.chopped(1) : value;
        const bool keepFolded = folded && !body.contains(QLatin1Char('\n'));
        QByteArray text(1, keepFolded ? '>' : '|');
        if (!trailingBreak)
            text += '-';
        const QByteArray prefix(indent, ' ');
        for (const QString &line : body.split(QLatin1Char('\n'))) {
            text += m_newline;
            if (!line.isEmpty())
                text += prefix + line.toUtf8();
        }
        return text;
    }

    void replaceCollection(const Frame &frame, const Frame &parent)
    {
        const QString &value = m_lookup.value(frame.replaceWith);
        const auto structured = StructuredValue::parseCollection(value);
        qsizetype begin = frame.start;
        const qsizetype end = frame.contentEnd;
        if (structured && !frame.flow && !parent.flow && !structured->isEmptyCollection()) {
            const int col = int(column(begin));
            int target = col;
            if (structured->kind() == StructuredValue::Kind::Object && parent.mapping &&
                col <= column(parent.keyStart))
                target = int(column(parent.keyStart)) + m_unit;
            m_splicer.add(begin, end,
                          QByteArray(target - col, ' ') +
                              structured->toYamlBlock(target, m_unit, m_newline));
            return;
        }
        const QByteArray text = structured
                                    ? structured->toYamlFlow()
                                    : YamlScalarWriter::plainOrDoubleQuoted(value, parent.flow);
        if (!frame.flow && !parent.flow && parent.mapping) {
            // `key:` followed only by whitespace: put the new scalar on the key's line.
            qsizetype from = begin;
            while (from > parent.keyStart && isSpace(m_content.at(from - 1)))
                --from;
            if (from > 0 && m_content.at(from - 1) == ':') {
                m_splicer.add(from, end, ' ' + text);
                return;
            }
        }
        m_splicer.add(begin, end, text);
    }

    const QByteArray &m_content;
    MarkConverter m_marks;
    StructuredVariableLookup &m_lookup;
    TextSplicer &m_splicer;
    QByteArray m_newline;
    int m_unit;
    std::vector<Frame> m_frames;
    QByteArray m_path;
    bool m_hasCollections = false;
};

} // namespace

VoidResult YamlStructuredReplacer::plan(const QByteArray &content, const QString &fileName,
                                        StructuredVariableLookup &lookup, TextSplicer &splicer,
                                        QStringList &, bool *hasCollections)
{
    Walker walker(content, lookup, splicer);
    VoidResult result = walker.run(fileName);
    if (hasCollections)
        *hasCollections = walker.hasCollections();
    return result;
}

} // namespace Cuttle
