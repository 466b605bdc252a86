#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace Cuttle::EnumNames {

// The stable spellings of an enum live in one table per enum; these read it both ways.

template<typename E, size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &names, E value)
{
    for (const auto &[e, name] : names) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

/// Case-insensitive, as users type the names on the command line.
template<typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &names, QStringView text)
{
    for (const auto &[e, name] : names) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

template<typename E, size_t N>
QStringList allNames(const std::array<std::pair<E, const char *>, N> &names)
{
    QStringList result;
    for (const auto &entry : names)
        result << QString::fromLatin1(entry.second);
    return result;
}

} // namespace Cuttle::EnumNames
