#include "model/variables/structured/structuredvariablelookup.h"

namespace Cuttle {

namespace {

bool isIgnoredKeyPathName(const QString &name)
{
    // Octopus system variables would otherwise hit top-level keys named "Octopus..." by
    // accident; an explicit "Octopus:..." path is a real key path and stays.
    return name.startsWith(QLatin1String("Octopus"), Qt::CaseInsensitive) &&
           !name.startsWith(QLatin1String("Octopus:"), Qt::CaseInsensitive);
}

} // namespace

StructuredVariableLookup::StructuredVariableLookup(const QList<QPair<QString, QString>> &variables,
                                                   Mode mode)
{
    m_entries.reserve(variables.size());
    for (const auto &[name, value] : variables) {
        if (name.isEmpty() || (mode == Mode::KeyPath && isIgnoredKeyPathName(name)))
            continue;
        QByteArray key;
        if (mode == Mode::KeyPath) {
            const QByteArray utf8 = name.toUtf8();
            appendNormalizedKey(key, utf8.constData(), utf8.size());
        } else {
            key = name.toUtf8();
        }
        const int previous = m_index.value(key, -1);
        if (previous >= 0)
            m_entries[previous].effective = false;
        m_index.insert(key, int(m_entries.size()));
        m_entries.append({name, value, true, false});
        if (mode == Mode::KeyPath) {
            for (qsizetype i = key.indexOf(':'); i >= 0; i = key.indexOf(':', i + 1))
                m_prefixes.insert(key.left(i));
        }
    }
}

void StructuredVariableLookup::appendNormalizedKey(QByteArray &path, const char *key,
                                                   qsizetype size)
{
    bool ascii = true;
    for (qsizetype i = 0; i < size; ++i) {
        if (static_cast<unsigned char>(key[i]) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        const qsizetype start = path.size();
        path.append(key, size);
        char *p = path.data() + start;
        for (qsizetype i = 0; i < size; ++i) {
            if (p[i] >= 'A' && p[i] <= 'Z')
                p[i] = char(p[i] + ('a' - 'A'));
        }
        return;
    }
    path.append(QString::fromUtf8(key, size).toLower().toUtf8());
}

QList<int> StructuredVariableLookup::effectiveIndexes() const
{
    QList<int> result;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).effective)
            result.append(i);
    }
    return result;
}

void StructuredVariableLookup::markMatched(int index, int times)
{
    m_entries[index].matched = true;
    m_replacements += times;
}

QStringList StructuredVariableLookup::matchedNames() const
{
    QStringList names;
    for (const Entry &e : m_entries) {
        if (e.matched)
            names.append(e.name);
    }
    return names;
}

} // namespace Cuttle
