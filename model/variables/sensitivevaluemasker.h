#pragma once

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace Cuttle {

/// Replaces every sensitive value (longer than 3 characters) with `********` in text that arrives
/// in chunks, e.g. a task log. A value split across chunks is still masked; output is held back
/// only while the buffered tail could still be the start of a value (or extend a match). Where
/// values overlap, the whole covered span is masked once, so the longest value is never partly
/// revealed. Uses an Aho-Corasick automaton, so many values stay fast.
class SensitiveValueMasker final
{
public:
    explicit SensitiveValueMasker(const QStringList &values);

    /// Feeds a chunk; returns the text that is now safe to emit.
    QString push(QStringView chunk);
    /// Returns whatever is still held back; call at the end of the stream.
    QString flush();
    /// Masks a complete text in one go, independent of the stream state.
    QString mask(QStringView text) const;
    /// How many characters are currently held back.
    qsizetype pendingSize() const { return m_stream.pending.size(); }

    static constexpr qsizetype minimumLength() { return 4; }
    static QString placeholder() { return QStringLiteral("********"); }

private:
    struct Node
    {
        std::vector<std::pair<char16_t, int>> next; ///< sorted by character
        int fail = 0;
        int outLength = 0; ///< longest value ending here, directly or through fail links
        int depth = 0;
    };
    struct Stream
    {
        QString pending;
        int state = 0;
        std::vector<std::pair<qsizetype, qsizetype>> intervals; ///< spans to mask, relative to pending
    };

    int child(int node, char16_t c) const;
    int step(int state, char16_t c) const;
    QString feed(Stream &stream, QStringView chunk) const;
    QString drain(Stream &stream, bool final) const;

    std::vector<Node> m_nodes;
    Stream m_stream;
};

} // namespace Cuttle
