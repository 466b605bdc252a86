#pragma once

#include "app/cli/verb.h"
#include "model/core/result.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace Cuttle::Cli {

/// The positionals and options given to one verb, checked against its specification.
class ParsedArguments final
{
public:
    /// Fails (with a usage message) on unknown options, missing values or a wrong count of
    /// positionals. "--help" is reported through helpRequested() instead.
    static Result<ParsedArguments> parse(const Verb &verb, const QStringList &arguments);

    bool helpRequested() const { return m_help; }
    /// --json given after the verb (accepted there as well as before the noun).
    bool jsonRequested() const { return m_json; }

    const QStringList &positionals() const { return m_positionals; }
    QString positional(qsizetype index) const { return m_positionals.value(index); }

    bool has(const QString &option) const { return m_options.contains(option); }
    /// The last value given for the option, or nullopt when it was not given.
    std::optional<QString> value(const QString &option) const;
    QString valueOr(const QString &option, const QString &fallback = {}) const;
    QStringList values(const QString &option) const { return m_options.value(option); }
    /// true for --X, false for --no-X, nullopt when neither was given (parse refuses both).
    std::optional<bool> toggle(const QString &option) const;

private:
    QStringList m_positionals;
    QHash<QString, QStringList> m_options;
    bool m_help = false;
    bool m_json = false;
};

} // namespace Cuttle::Cli
