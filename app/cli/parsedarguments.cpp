#include "app/cli/parsedarguments.h"

#include "app/cli/clitext.h"

namespace Cuttle::Cli {
namespace {

const OptionSpec *findOption(const Verb &verb, QStringView name)
{
    for (const OptionSpec &option : verb.options) {
        if (name == QLatin1String(option.name))
            return &option;
    }
    return nullptr;
}

} // namespace

Result<ParsedArguments> ParsedArguments::parse(const Verb &verb, const QStringList &arguments)
{
    ParsedArguments parsed;
    bool onlyPositionals = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (onlyPositionals || !argument.startsWith(QLatin1String("--")) ) {
            // A lone "-" is a positional too (it conventionally means standard input).
            parsed.m_positionals << argument;
            continue;
        }
        if (argument == QLatin1String("--")) {
            onlyPositionals = true;
            continue;
        }
        QString name = argument.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype equals = name.indexOf(u'='); equals >= 0) {
            inlineValue = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (name == QLatin1String("help")) {
            parsed.m_help = true;
            continue;
        }
        if (name == QLatin1String("json") && !inlineValue) {
            parsed.m_json = true;
            continue;
        }
        const OptionSpec *option = findOption(verb, name);
        if (!option)
            return Error::validation(tr("Unknown option --%1 for \"%2\".").arg(name, verb.name));
        if (!option->valueName) {
            if (inlineValue)
                return Error::validation(tr("The option --%1 takes no value.").arg(name));
            parsed.m_options[name];
            continue;
        }
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= arguments.size())
                return Error::validation(tr("The option --%1 needs a value.").arg(name));
            value = arguments.at(++i);
        }
        QStringList &values = parsed.m_options[name];
        if (!option->repeatable && !values.isEmpty())
            return Error::validation(tr("The option --%1 can be given only once.").arg(name));
        values << value;
    }
    if (parsed.m_help)
        return parsed;
    for (auto it = parsed.m_options.cbegin(); it != parsed.m_options.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("no-")) && parsed.m_options.contains(it.key().mid(3)))
            return Error::validation(tr("The options --%1 and --%2 contradict each other.").arg(it.key().mid(3), it.key()));
    }

    qsizetype required = 0;
    bool unbounded = false;
    qsizetype maximum = 0;
    for (const PositionalSpec &p : verb.positionals) {
        switch (p.arity) {
        case PositionalSpec::Arity::Required: ++required; ++maximum; break;
        case PositionalSpec::Arity::Optional: ++maximum; break;
        case PositionalSpec::Arity::OneOrMore: ++required; unbounded = true; break;
        case PositionalSpec::Arity::ZeroOrMore: unbounded = true; break;
        }
    }
    if (parsed.m_positionals.size() < required) {
        QString missing;
        qsizetype seen = 0;
        for (const PositionalSpec &p : verb.positionals) {
            if (p.arity == PositionalSpec::Arity::Required || p.arity == PositionalSpec::Arity::OneOrMore) {
                if (seen++ == parsed.m_positionals.size()) {
                    missing = QString::fromLatin1(p.name);
                    break;
                }
            }
        }
        return Error::validation(tr("\"%1\" needs the argument %2.").arg(verb.name, missing));
    }
    if (!unbounded && parsed.m_positionals.size() > maximum)
        return Error::validation(tr("Unexpected argument \"%1\" for \"%2\".").arg(parsed.m_positionals.at(maximum), verb.name));
    return parsed;
}

std::optional<QString> ParsedArguments::value(const QString &option) const
{
    const auto it = m_options.constFind(option);
    if (it == m_options.cend() || it->isEmpty())
        return std::nullopt;
    return it->constLast();
}

std::optional<bool> ParsedArguments::toggle(const QString &option) const
{
    if (has(option))
        return true;
    if (has(QLatin1String("no-") + option))
        return false;
    return std::nullopt;
}

QString ParsedArguments::valueOr(const QString &option, const QString &fallback) const
{
    return value(option).value_or(fallback);
}

} // namespace Cuttle::Cli
