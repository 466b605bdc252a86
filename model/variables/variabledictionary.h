#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// Resolved variables (one value per name) that templates are evaluated against.
/// Names are case-insensitive; `Endpoint[Web].Address` and `endpoint[web].address` are the same.
class VariableDictionary final
{
public:
    struct Entry
    {
        QString name;
        QString value;
        bool sensitive = false;
    };

    VariableDictionary() = default;

    /// Adds or replaces a variable; the first spelling of the name is kept for display.
    void set(const QString &name, const QString &value, bool sensitive = false);
    bool remove(const QString &name);
    bool contains(const QString &name) const;
    std::optional<QString> value(const QString &name) const;
    QString valueOr(const QString &name, const QString &fallback = {}) const;
    bool isSensitive(const QString &name) const;
    /// Names in the order they were first set.
    QStringList names() const;
    /// The values flagged sensitive, for a SensitiveValueMasker.
    QStringList sensitiveValues() const;
    qsizetype size() const { return m_entries.size() - m_removed; }
    bool isEmpty() const { return size() == 0; }

    /// Collections a name belongs to: (canonical collection key, index text) pairs, e.g.
    /// `A[x].B[y].C` -> ("a", "x"), ("a[x].b", "y").
    using Collections = QList<std::pair<QString, QString>>;
    static Collections collectionsOf(const QString &name);
    /// set() with the key and collections computed beforehand (VariableSet does that once per name).
    void setPrepared(const QString &canonicalKey, const QString &name, const QString &value, bool sensitive,
                     const Collections &collections);

    /// The lookup key of a name: lower case, path steps normalised as the template parser reads them.
    static QString canonicalKey(const QString &name);
    /// The entry with this canonical key, or nullptr. Pointers stay valid until the next set/remove.
    const Entry *findCanonical(const QString &key) const;
    int indexOfCanonical(const QString &key) const;
    const Entry &entryAt(int index) const { return m_entries.at(index); }
    /// The distinct index keys of `Collection[...]` (canonical collection key), in first-seen order.
    QStringList indexKeys(const QString &canonicalCollection) const;

private:
    void indexCollections(const Collections &collections);

    QList<Entry> m_entries;
    QHash<QString, int> m_index;
    QHash<QString, QStringList> m_collections;
    QHash<QString, QSet<QString>> m_collectionSeen;
    QSet<int> m_removedSlots;
    qsizetype m_removed = 0;
};

} // namespace Cuttle
