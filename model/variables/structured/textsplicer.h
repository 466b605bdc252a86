#pragma once

#include <QByteArray>
#include <QList>

namespace Cuttle {

/// Collects byte-range replacements in a buffer and applies them in one pass, so that every
/// byte outside the replaced ranges is copied unchanged.
class TextSplicer final
{
public:
    /// Replaces [begin, end) with text; a later splice overlapping an earlier one wins.
    void add(qsizetype begin, qsizetype end, const QByteArray &text);
    qsizetype count() const { return m_splices.size(); }
    bool isEmpty() const { return m_splices.isEmpty(); }
    QByteArray apply(const QByteArray &original) const;

private:
    struct Splice
    {
        qsizetype begin;
        qsizetype end;
        QByteArray text;
    };
    QList<Splice> m_splices;
};

} // namespace Cuttle
