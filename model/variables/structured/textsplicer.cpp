#include "model/variables/structured/textsplicer.h"

#include <algorithm>

namespace Cuttle {

void TextSplicer::add(qsizetype begin, qsizetype end, const QByteArray &text)
{
    // Overlaps only arise when two XPaths select nested nodes; the variable applied last
    // decides, as it would when editing a document in order.
    const auto overlaps = [&](const Splice &s) {
        if (s.begin == begin && s.end == end)
            return true;
        if (s.begin == s.end) // an insertion conflicts with a range around it
            return begin < s.begin && s.begin < end;
        if (begin == end)
            return s.begin < begin && begin < s.end;
        return s.begin < end && begin < s.end;
    };
    m_splices.removeIf(overlaps);
    m_splices.append({begin, end, text});
}

QByteArray TextSplicer::apply(const QByteArray &original) const
{
    QList<const Splice *> ordered;
    ordered.reserve(m_splices.size());
    qsizetype size = original.size();
    for (const Splice &s : m_splices) {
        ordered.append(&s);
        size += s.text.size() - (s.end - s.begin);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const Splice *a, const Splice *b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    QByteArray out;
    out.reserve(size);
    qsizetype pos = 0;
    for (const Splice *s : ordered) {
        if (s->begin < pos)
            continue; // unreachable after add() removed overlaps; never copy backwards
        out.append(original.constData() + pos, s->begin - pos);
        out.append(s->text);
        pos = s->end;
    }
    out.append(original.constData() + pos, original.size() - pos);
    return out;
}

} // namespace Cuttle
