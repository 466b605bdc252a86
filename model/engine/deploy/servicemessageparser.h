#pragma once

#include "model/core/taskenums.h"
#include "model/engine/deploy/servicemessageevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace Cuttle {

/// Splits a script's stdout, fed in chunks cut anywhere, into log lines and service message events.
///
/// A service message is the end of a line from `##cuttle[` (or `##octopus[`, for scripts written
/// for the reference product) to a closing `]`: `##cuttle[name key='base64' ...]`. Attribute
/// values are Base64 of UTF-8 (`sensitive` may also be a plain True/False). Text before the
/// marker on the same line becomes a line of its own, so a script that printed without a final
/// newline does not hide a message. Anything that does not parse is passed on as an ordinary
/// line, never dropped. Invalid UTF-8 becomes U+FFFD. Lines longer than maxLineBytes are passed
/// on in pieces (cut at character boundaries) and cannot be service messages.
class ServiceMessageParser final
{
public:
    static constexpr qsizetype DefaultMaxLineBytes = 16 * 1024 * 1024;

    explicit ServiceMessageParser(qsizetype maxLineBytes = DefaultMaxLineBytes);

    /// Off: every line is an ordinary line (for stderr).
    void setRecognizeMessages(bool recognize) { m_recognize = recognize; }

    /// Returns the events completed by this chunk, in output order.
    QList<ServiceMessageEvent> feed(QByteArrayView chunk);
    /// The unterminated last line, if any; the parser is ready for a new stream afterwards.
    QList<ServiceMessageEvent> finish();

    /// Bytes held back waiting for the end of a line.
    qsizetype pendingSize() const { return m_pending.size(); }

    /// One service message line (without newline) with Base64-encoded attribute values.
    static QByteArray format(const QString &name, const QList<QPair<QString, QString>> &attributes);

private:
    void processLine(QByteArrayView line, QList<ServiceMessageEvent> &events);
    bool parseMessage(QByteArrayView message, ServiceMessageEvent &event);
    void emitPiece(QByteArrayView bytes, QList<ServiceMessageEvent> &events);

    QByteArray m_pending;
    qsizetype m_scanned = 0;       ///< bytes of m_pending already known to hold no newline
    qsizetype m_maxLineBytes;
    bool m_oversized = false;      ///< the current line already went out in pieces
    bool m_recognize = true;
    TaskLogCategory m_category = TaskLogCategory::Info;
};

} // namespace Cuttle
