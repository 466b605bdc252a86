#include "model/variables/variabledictionary.h"

#include "model/variables/templateparser.h"

#include <QSet>

namespace Cuttle {

namespace {

bool needsParsing(const QString &name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u'[' || c == u']')
            return true;
        if (c == u'.' && ((i > 0 && name.at(i - 1).isSpace()) || (i + 1 < name.size() && name.at(i + 1).isSpace())))
            return true;
    }
    return !name.isEmpty() && (name.front().isSpace() || name.back().isSpace());
}

QString keyOf(const TemplateSymbol &symbol, size_t count)
{
    QString key;
    for (size_t i = 0; i < count && i < symbol.steps.size(); ++i) {
        const TemplateSymbolStep &step = symbol.steps[i];
        if (step.kind == TemplateSymbolStep::Kind::Identifier) {
            if (i > 0)
                key += u'.';
            key += step.text.toLower();
        } else {
            key += u'[' + step.text.toLower() + u']';
        }
    }
    return key;
}

} // namespace

QString VariableDictionary::canonicalKey(const QString &name)
{
    if (!needsParsing(name))
        return name.toLower();
    const auto symbol = TemplateParser::parseSymbol(name);
    if (!symbol)
        return name.toLower();
    for (const TemplateSymbolStep &step : symbol->steps)
        if (step.kind == TemplateSymbolStep::Kind::SymbolIndex)
            return name.toLower();
    return keyOf(*symbol, symbol->steps.size());
}

VariableDictionary::Collections VariableDictionary::collectionsOf(const QString &name)
{
    Collections out;
    if (!name.contains(u'['))
        return out;
    const auto symbol = TemplateParser::parseSymbol(name);
    if (!symbol)
        return out;
    for (size_t i = 1; i < symbol->steps.size(); ++i) {
        const TemplateSymbolStep &step = symbol->steps[i];
        if (step.kind == TemplateSymbolStep::Kind::Index)
            out.append({keyOf(*symbol, i), step.text});
    }
    return out;
}

void VariableDictionary::indexCollections(const Collections &collections)
{
    for (const auto &[collection, index] : collections) {
        QSet<QString> &seen = m_collectionSeen[collection];
        const QString lower = index.toLower();
        if (!seen.contains(lower)) {
            seen.insert(lower);
            m_collections[collection].append(index);
        }
    }
}

void VariableDictionary::set(const QString &name, const QString &value, bool sensitive)
{
    const QString key = canonicalKey(name);
    if (m_index.contains(key)) {
        Entry &entry = m_entries[m_index.value(key)];
        entry.value = value;
        entry.sensitive = sensitive;
        return;
    }
    setPrepared(key, name, value, sensitive, collectionsOf(name));
}

void VariableDictionary::setPrepared(const QString &key, const QString &name, const QString &value, bool sensitive,
                                     const Collections &collections)
{
    const auto it = m_index.constFind(key);
    if (it != m_index.constEnd()) {
        Entry &entry = m_entries[*it];
        entry.value = value;
        entry.sensitive = sensitive;
        return;
    }
    m_index.insert(key, int(m_entries.size()));
    m_entries.append({name, value, sensitive});
    indexCollections(collections);
}

bool VariableDictionary::remove(const QString &name)
{
    // Entries keep their slots so that indexes handed out stay valid; a removed slot is emptied.
    const auto it = m_index.find(canonicalKey(name));
    if (it == m_index.end())
        return false;
    m_entries[*it] = Entry{};
    m_removedSlots.insert(*it);
    m_index.erase(it);
    ++m_removed;
    return true;
}

bool VariableDictionary::contains(const QString &name) const
{
    return m_index.contains(canonicalKey(name));
}

std::optional<QString> VariableDictionary::value(const QString &name) const
{
    const Entry *entry = findCanonical(canonicalKey(name));
    if (!entry)
        return std::nullopt;
    return entry->value;
}

QString VariableDictionary::valueOr(const QString &name, const QString &fallback) const
{
    return value(name).value_or(fallback);
}

bool VariableDictionary::isSensitive(const QString &name) const
{
    const Entry *entry = findCanonical(canonicalKey(name));
    return entry && entry->sensitive;
}

QStringList VariableDictionary::names() const
{
    QStringList out;
    out.reserve(size());
    for (int i = 0; i < m_entries.size(); ++i)
        if (!m_removedSlots.contains(i))
            out.append(m_entries.at(i).name);
    return out;
}

QStringList VariableDictionary::sensitiveValues() const
{
    QStringList out;
    for (const Entry &entry : m_entries)
        if (entry.sensitive && !entry.value.isEmpty())
            out.append(entry.value);
    return out;
}

const VariableDictionary::Entry *VariableDictionary::findCanonical(const QString &key) const
{
    const int index = indexOfCanonical(key);
    return index < 0 ? nullptr : &m_entries.at(index);
}

int VariableDictionary::indexOfCanonical(const QString &key) const
{
    return m_index.value(key, -1);
}

QStringList VariableDictionary::indexKeys(const QString &canonicalCollection) const
{
    return m_collections.value(canonicalCollection);
}

} // namespace Cuttle
