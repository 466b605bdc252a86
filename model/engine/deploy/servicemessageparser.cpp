#include "model/engine/deploy/servicemessageparser.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

constexpr QByteArrayView CuttleMarker("##cuttle[");
constexpr QByteArrayView OctopusMarker("##octopus[");

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
        || c == '.';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

/// The largest cut <= limit that does not split a UTF-8 sequence (a continuation byte starts no character).
qsizetype characterBoundary(QByteArrayView bytes, qsizetype limit)
{
    qsizetype cut = limit;
    for (int back = 0; back < 3 && cut > 0 && (quint8(bytes.at(cut)) & 0xC0) == 0x80; ++back)
        --cut;
    return cut > 0 ? cut : limit;
}

std::optional<bool> parseFlag(QByteArrayView raw)
{
    auto interpret = [](QByteArrayView text) -> std::optional<bool> {
        const QByteArray lower = text.toByteArray().trimmed().toLower();
        if (lower == "true")
            return true;
        if (lower == "false" || lower.isEmpty())
            return false;
        return std::nullopt;
    };
    if (auto plain = interpret(raw))
        return plain;
    const auto decoded = QByteArray::fromBase64Encoding(raw.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return interpret(*decoded);
}

} // namespace

ServiceMessageParser::ServiceMessageParser(qsizetype maxLineBytes)
    : m_maxLineBytes(std::max<qsizetype>(maxLineBytes, 16))
{
}

QList<ServiceMessageEvent> ServiceMessageParser::feed(QByteArrayView chunk)
{
    QList<ServiceMessageEvent> events;
    if (chunk.isEmpty())
        return events;
    m_pending.append(chunk);
    qsizetype start = 0;
    qsizetype from = m_scanned;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', from);
        if (newline < 0)
            break;
        QByteArrayView line(m_pending.constData() + start, newline - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_oversized) {
            emitPiece(line, events);
            m_oversized = false;
        } else {
            processLine(line, events);
        }
        start = newline + 1;
        from = start;
    }
    if (start > 0)
        m_pending.remove(0, start);
    // A line that never ends must not hold unbounded memory: pass it on in pieces.
    while (m_pending.size() > m_maxLineBytes) {
        const qsizetype cut = characterBoundary(m_pending, m_maxLineBytes);
        emitPiece(QByteArrayView(m_pending).first(cut), events);
        m_pending.remove(0, cut);
        m_oversized = true;
    }
    m_scanned = m_pending.size();
    return events;
}

QList<ServiceMessageEvent> ServiceMessageParser::finish()
{
    QList<ServiceMessageEvent> events;
    if (!m_pending.isEmpty()) {
        QByteArrayView line(m_pending);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_oversized)
            emitPiece(line, events);
        else
            processLine(line, events);
    }
    m_pending.clear();
    m_scanned = 0;
    m_oversized = false;
    m_category = TaskLogCategory::Info;
    return events;
}

void ServiceMessageParser::emitPiece(QByteArrayView bytes, QList<ServiceMessageEvent> &events)
{
    events.append(ServiceMessageEvent::line(QString::fromUtf8(bytes), m_category));
}

void ServiceMessageParser::processLine(QByteArrayView line, QList<ServiceMessageEvent> &events)
{
    if (!m_recognize) {
        emitPiece(line, events);
        return;
    }
    // Base64 never contains '#', so a valid message can only start at the last marker.
    const qsizetype cuttle = line.lastIndexOf(CuttleMarker);
    const qsizetype octopus = line.lastIndexOf(OctopusMarker);
    const qsizetype at = std::max(cuttle, octopus);
    if (at < 0) {
        emitPiece(line, events);
        return;
    }
    const qsizetype markerLength = at == cuttle ? CuttleMarker.size() : OctopusMarker.size();
    ServiceMessageEvent event;
    if (!parseMessage(line.sliced(at + markerLength), event)) {
        emitPiece(line, events);
        return;
    }
    if (at > 0)
        emitPiece(line.first(at), events);
    if (event.kind == ServiceMessageEvent::Kind::Message && event.name.startsWith(u"stdout-"_s, Qt::CaseInsensitive)
        && event.attributes.isEmpty()) {
        const QString which = event.name.mid(7).toLower();
        if (which == u"warning"_s)
            m_category = TaskLogCategory::Warning;
        else if (which == u"error"_s)
            m_category = TaskLogCategory::Error;
        else if (which == u"verbose"_s)
            m_category = TaskLogCategory::Verbose;
        else if (which == u"highlight"_s)
            m_category = TaskLogCategory::Highlight;
        else
            m_category = TaskLogCategory::Info;
        return;
    }
    events.append(event);
}

bool ServiceMessageParser::parseMessage(QByteArrayView text, ServiceMessageEvent &event)
{
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    if (!text.endsWith(']'))
        return false;
    text.chop(1);

    qsizetype i = 0;
    while (i < text.size() && isNameChar(text.at(i)))
        ++i;
    if (i == 0)
        return false;
    const QString name = QString::fromLatin1(text.first(i));

    QList<QPair<QString, QByteArrayView>> raw;
    while (i < text.size()) {
        if (!isSpace(text.at(i)))
            return false;
        while (i < text.size() && isSpace(text.at(i)))
            ++i;
        if (i == text.size())
            break;
        const qsizetype keyStart = i;
        while (i < text.size() && isNameChar(text.at(i)))
            ++i;
        if (i == keyStart || i + 1 >= text.size() || text.at(i) != '=' || text.at(i + 1) != '\'')
            return false;
        const QString key = QString::fromLatin1(text.sliced(keyStart, i - keyStart));
        i += 2;
        const qsizetype close = text.indexOf('\'', i);
        if (close < 0)
            return false;
        raw.append({key, text.sliced(i, close - i)});
        i = close + 1;
    }

    QHash<QString, QString> attributes;
    bool sensitive = false;
    for (const auto &[key, value] : std::as_const(raw)) {
        if (key.compare(u"sensitive"_s, Qt::CaseInsensitive) == 0) {
            const std::optional<bool> flag = parseFlag(value);
            if (!flag)
                return false;
            sensitive = *flag;
            continue;
        }
        const auto decoded = QByteArray::fromBase64Encoding(value.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        attributes.insert(key.toLower(), QString::fromUtf8(*decoded));
    }

    if (name.compare(u"setVariable"_s, Qt::CaseInsensitive) == 0) {
        if (attributes.value(u"name"_s).isEmpty())
            return false;
        event.kind = ServiceMessageEvent::Kind::OutputVariable;
        event.name = attributes.value(u"name"_s);
        event.value = attributes.value(u"value"_s);
        event.sensitive = sensitive;
        return true;
    }
    if (name.compare(u"createArtifact"_s, Qt::CaseInsensitive) == 0) {
        const QString path = attributes.value(u"path"_s);
        if (path.isEmpty())
            return false;
        event.kind = ServiceMessageEvent::Kind::Artifact;
        event.path = path;
        event.name = attributes.value(u"name"_s);
        if (event.name.isEmpty())
            event.name = path.mid(path.lastIndexOf(u'/') + 1);
        if (attributes.contains(u"length"_s)) {
            bool ok = false;
            const qint64 length = attributes.value(u"length"_s).trimmed().toLongLong(&ok);
            if (!ok || length < 0)
                return false;
            event.length = length;
        }
        return true;
    }
    if (name.compare(u"stepFailed"_s, Qt::CaseInsensitive) == 0) {
        event.kind = ServiceMessageEvent::Kind::StepFailed;
        event.text = attributes.value(u"message"_s);
        return true;
    }
    event.kind = ServiceMessageEvent::Kind::Message;
    event.name = name;
    event.sensitive = sensitive;
    event.attributes = attributes;
    return true;
}

QByteArray ServiceMessageParser::format(const QString &name, const QList<QPair<QString, QString>> &attributes)
{
    QByteArray message = "##cuttle[" + name.toLatin1();
    for (const auto &[key, value] : attributes)
        message += ' ' + key.toLatin1() + "='" + value.toUtf8().toBase64() + '\'';
    message += ']';
    return message;
}

} // namespace Cuttle
