#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// The resolved variables of one replacement, indexed the way a format looks them up,
/// remembering which of them matched something.
class StructuredVariableLookup final
{
public:
    enum class Mode {
        KeyPath, ///< JSON/YAML: case-insensitive `a:b:0` paths; `Octopus...` names are ignored
        Exact,   ///< properties keys and XPath expressions: the name as written
    };

    StructuredVariableLookup(const QList<QPair<QString, QString>> &variables, Mode mode);

    /// Lower-cases a UTF-8 key the way KeyPath names are compared.
    static void appendNormalizedKey(QByteArray &path, const char *key, qsizetype size);

    /// Index of the variable named exactly `key` (normalized for KeyPath), or -1.
    int find(const QByteArray &key) const { return m_index.value(key, -1); }
    /// True when some variable name continues below `path` (the empty path is the root).
    bool hasBelow(const QByteArray &path) const
    {
        return path.isEmpty() ? !m_index.isEmpty() : m_prefixes.contains(path);
    }
    bool isEmpty() const { return m_index.isEmpty(); }

    /// The variables in effect, in input order: later duplicates replace earlier ones.
    QList<int> effectiveIndexes() const;
    const QString &name(int index) const { return m_entries.at(index).name; }
    const QString &value(int index) const { return m_entries.at(index).value; }

    void markMatched(int index, int times = 1);
    QStringList matchedNames() const;
    int replacementCount() const { return m_replacements; }

private:
    struct Entry
    {
        QString name;
        QString value;
        bool effective = false;
        bool matched = false;
    };
    QList<Entry> m_entries;
    QHash<QByteArray, int> m_index;
    QSet<QByteArray> m_prefixes;
    int m_replacements = 0;
};

} // namespace Cuttle
