#include "model/variables/sensitivevaluemasker.h"

#include <algorithm>
#include <queue>

namespace Cuttle {

SensitiveValueMasker::SensitiveValueMasker(const QStringList &values)
{
    m_nodes.emplace_back();
    for (const QString &value : values) {
        if (value.size() < minimumLength())
            continue;
        int node = 0;
        for (const QChar qc : value) {
            const char16_t c = qc.unicode();
            int next = child(node, c);
            if (next < 0) {
                next = int(m_nodes.size());
                Node created;
                created.depth = m_nodes[size_t(node)].depth + 1;
                m_nodes.push_back(std::move(created));
                auto &edges = m_nodes[size_t(node)].next;
                edges.insert(std::lower_bound(edges.begin(), edges.end(), std::make_pair(c, 0)), {c, next});
            }
            node = next;
        }
        m_nodes[size_t(node)].outLength = std::max(m_nodes[size_t(node)].outLength, int(value.size()));
    }
    // Breadth-first so that every fail target is finished before it is used.
    std::queue<int> queue;
    for (const auto &[c, next] : m_nodes[0].next) {
        Q_UNUSED(c);
        m_nodes[size_t(next)].fail = 0;
        queue.push(next);
    }
    while (!queue.empty()) {
        const int node = queue.front();
        queue.pop();
        for (const auto &[c, next] : m_nodes[size_t(node)].next) {
            int f = m_nodes[size_t(node)].fail;
            int target = child(f, c);
            while (target < 0 && f != 0) {
                f = m_nodes[size_t(f)].fail;
                target = child(f, c);
            }
            m_nodes[size_t(next)].fail = (target >= 0 && target != next) ? target : 0;
            m_nodes[size_t(next)].outLength =
                std::max(m_nodes[size_t(next)].outLength, m_nodes[size_t(m_nodes[size_t(next)].fail)].outLength);
            queue.push(next);
        }
    }
}

int SensitiveValueMasker::child(int node, char16_t c) const
{
    const auto &edges = m_nodes[size_t(node)].next;
    const auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(c, 0),
                                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return (it != edges.end() && it->first == c) ? it->second : -1;
}

int SensitiveValueMasker::step(int state, char16_t c) const
{
    for (;;) {
        const int next = child(state, c);
        if (next >= 0)
            return next;
        if (state == 0)
            return 0;
        state = m_nodes[size_t(state)].fail;
    }
}

QString SensitiveValueMasker::feed(Stream &s, QStringView chunk) const
{
    if (m_nodes.size() == 1)
        return chunk.toString();
    const qsizetype base = s.pending.size();
    s.pending += chunk;
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        s.state = step(s.state, chunk[i].unicode());
        const int length = m_nodes[size_t(s.state)].outLength;
        if (length == 0)
            continue;
        const qsizetype end = base + i + 1;
        qsizetype start = end - length;
        // Merge with every earlier span this one overlaps.
        while (!s.intervals.empty() && start < s.intervals.back().second) {
            start = std::min(start, s.intervals.back().first);
            s.intervals.pop_back();
        }
        s.intervals.emplace_back(std::max<qsizetype>(start, 0), end);
    }
    return drain(s, false);
}

QString SensitiveValueMasker::drain(Stream &s, bool final) const
{
    // No match that is still possible can start before `safe`.
    const qsizetype safe = final ? s.pending.size() : s.pending.size() - m_nodes[size_t(s.state)].depth;
    QString out;
    qsizetype consumed = 0;
    size_t done = 0;
    for (; done < s.intervals.size(); ++done) {
        const auto [start, end] = s.intervals[done];
        if (end > safe)
            break;
        out += QStringView(s.pending).mid(consumed, start - consumed);
        out += placeholder();
        consumed = end;
    }
    s.intervals.erase(s.intervals.begin(), s.intervals.begin() + qsizetype(done));
    qsizetype emitTo = safe;
    if (!s.intervals.empty())
        emitTo = std::min(emitTo, s.intervals.front().first);
    if (emitTo > consumed) {
        out += QStringView(s.pending).mid(consumed, emitTo - consumed);
        consumed = emitTo;
    }
    s.pending.remove(0, consumed);
    for (auto &interval : s.intervals) {
        interval.first -= consumed;
        interval.second -= consumed;
    }
    if (final) {
        s.pending.clear();
        s.intervals.clear();
        s.state = 0;
    }
    return out;
}

QString SensitiveValueMasker::push(QStringView chunk)
{
    return feed(m_stream, chunk);
}

QString SensitiveValueMasker::flush()
{
    return drain(m_stream, true);
}

QString SensitiveValueMasker::mask(QStringView text) const
{
    Stream stream;
    QString out = feed(stream, text);
    out += drain(stream, true);
    return out;
}

} // namespace Cuttle
