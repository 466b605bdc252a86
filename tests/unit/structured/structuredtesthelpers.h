#pragma once

#include "tests/support/testenv.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QTest>

namespace Cuttle::Test {

using Edits = QList<QPair<QByteArray, QByteArray>>;

/// The input with each `from` (which must occur exactly once) replaced by `to`: the only
/// bytes a structured replacement may change.
inline QByteArray withEdits(QByteArray input, const Edits &edits)
{
    for (const auto &[from, to] : edits) {
        const qsizetype at = input.indexOf(from);
        if (at < 0 || input.indexOf(from, at + 1) >= 0)
            qFatal("edit anchor %s must occur exactly once", from.constData());
        input.replace(at, from.size(), to);
    }
    return input;
}

inline QByteArray structuredFixture(const char *name)
{
    QFile file(sourceDir() + QStringLiteral("/tests/unit/structured/data/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

/// Compares two buffers and, when they differ, names the first differing byte and its context.
inline bool sameBytes(const QByteArray &actual, const QByteArray &expected)
{
    if (actual == expected)
        return true;
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual.at(i) == expected.at(i))
        ++i;
    qWarning("first difference at byte %lld:\n actual: %s\n expected: %s",
             static_cast<long long>(i), actual.mid(qMax(qsizetype(0), i - 40), 120).constData(),
             expected.mid(qMax(qsizetype(0), i - 40), 120).constData());
    return false;
}

} // namespace Cuttle::Test
