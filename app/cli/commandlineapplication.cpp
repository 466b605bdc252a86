#include "app/cli/commandlineapplication.h"

#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/exitcode.h"
#include "app/cli/output.h"
#include "app/cli/parsedarguments.h"

#include <QCoreApplication>

namespace Cuttle::Cli {
namespace {

QString twoColumns(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString text;
    for (const auto &[left, right] : rows)
        text += QLatin1String("  ") + left.leftJustified(width + 3) + right + u'\n';
    return text;
}

QString positionalUsage(const PositionalSpec &p)
{
    const QString name = QString::fromLatin1(p.name);
    switch (p.arity) {
    case PositionalSpec::Arity::Required: return name;
    case PositionalSpec::Arity::Optional: return u'[' + name + u']';
    case PositionalSpec::Arity::OneOrMore: return name + QLatin1String("...");
    case PositionalSpec::Arity::ZeroOrMore: return u'[' + name + QLatin1String("...]");
    }
    return name;
}

// Summaries are written lower-case for the lists; alone they read as a sentence.
QString sentence(const char *summary)
{
    QString text = tr(summary);
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text.endsWith(u'.') ? text : text + u'.';
}

QString exitCodeHelp()
{
    return tr("Exit codes: 0 success, 1 operation failed, 2 usage error, 3 not found, "
              "4 validation failed or conflict.") + u'\n';
}

// One sentence: the problem, then where to read more.
int usageError(const QString &message, const QString &hint)
{
    QString text = message;
    if (text.endsWith(u'.'))
        text.chop(1);
    Output::writeError(QStringLiteral("cuttlectl: ") + text + QLatin1String("; ") + hint + u'\n');
    return UsageError;
}

} // namespace

QString CommandLineApplication::mainHelp()
{
    QString text = tr("Usage: cuttlectl [--workspace DIR] [--space NAME] [--json] <noun> <verb> [arguments]") + QStringLiteral("\n\n");
    text += tr("Manages a Cuttle workspace from scripts and build servers.") + QStringLiteral("\n\n");
    text += tr("Global options:") + u'\n';
    text += twoColumns({
        {QStringLiteral("--workspace DIR"), tr("the workspace folder (default: CUTTLE_WORKSPACE, else %1)").arg(Workspace::defaultDirectory())},
        {QStringLiteral("--space NAME"), tr("the space to work in, by name or id (default: the Default space)")},
        {QStringLiteral("--json"), tr("print results as JSON instead of tables")},
        {QStringLiteral("--help"), tr("show help; also after a noun or a verb")},
        {QStringLiteral("--version"), tr("show the version")},
    });
    text += u'\n' + tr("Nouns:") + u'\n';
    QList<std::pair<QString, QString>> rows;
    for (const Noun &noun : CommandRegistry::nouns())
        rows.append({noun.name, tr(noun.summary)});
    text += twoColumns(rows);
    text += u'\n' + tr("Run \"cuttlectl <noun> --help\" for the verbs of a noun.") + u'\n';
    text += exitCodeHelp();
    return text;
}

QString CommandLineApplication::nounHelp(const Noun &noun)
{
    QString text = tr("Usage: cuttlectl [global options] %1 <verb> [arguments]").arg(noun.name) + QStringLiteral("\n\n");
    text += sentence(noun.summary) + QStringLiteral("\n\n");
    text += tr("Verbs:") + u'\n';
    QList<std::pair<QString, QString>> rows;
    for (const Verb &verb : noun.verbs) {
        QString name = verb.name;
        if (!verb.aliases.isEmpty())
            name += QLatin1String(" (") + verb.aliases.join(QLatin1String(", ")) + u')';
        rows.append({name, tr(verb.summary)});
    }
    text += twoColumns(rows);
    text += u'\n' + tr("Run \"cuttlectl %1 <verb> --help\" for the arguments of a verb.").arg(noun.name) + u'\n';
    return text;
}

QString CommandLineApplication::verbHelp(const Noun &noun, const Verb &verb)
{
    QString usage = verb.name.isEmpty() ? QStringLiteral("cuttlectl [global options] %1").arg(noun.name)
                                        : QStringLiteral("cuttlectl [global options] %1 %2").arg(noun.name, verb.name);
    for (const PositionalSpec &p : verb.positionals)
        usage += u' ' + positionalUsage(p);
    if (!verb.options.isEmpty())
        usage += u' ' + tr("[options]");
    QString text = tr("Usage: %1").arg(usage) + QStringLiteral("\n\n") + sentence(verb.summary) + u'\n';
    if (!verb.positionals.isEmpty()) {
        QList<std::pair<QString, QString>> rows;
        for (const PositionalSpec &p : verb.positionals)
            rows.append({QString::fromLatin1(p.name), tr(p.help)});
        text += u'\n' + tr("Arguments:") + u'\n' + twoColumns(rows);
    }
    if (!verb.options.isEmpty()) {
        QList<std::pair<QString, QString>> rows;
        for (const OptionSpec &o : verb.options) {
            QString left = QLatin1String("--") + QLatin1String(o.name);
            if (o.valueName)
                left += u' ' + QLatin1String(o.valueName);
            QString help = tr(o.help);
            if (o.repeatable)
                help += u' ' + tr("(repeatable)");
            rows.append({left, help});
        }
        text += u'\n' + tr("Options:") + u'\n' + twoColumns(rows);
    }
    return text;
}

int CommandLineApplication::run(const QStringList &arguments)
{
    QString workspaceOption;
    QString spaceOption;
    bool json = false;
    qsizetype i = 0;
    for (; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QLatin1String("--")))
            break;
        QString name = argument.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype equals = name.indexOf(u'='); equals >= 0) {
            inlineValue = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (name == QLatin1String("help")) {
            Output::write(mainHelp());
            return Success;
        }
        if (name == QLatin1String("version")) {
            Output::write(QStringLiteral("cuttlectl %1\n").arg(QCoreApplication::applicationVersion()));
            return Success;
        }
        if (name == QLatin1String("json")) {
            json = true;
            continue;
        }
        if (name == QLatin1String("workspace") || name == QLatin1String("space")) {
            QString value;
            if (inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < arguments.size()) {
                value = arguments.at(++i);
            } else {
                return usageError(tr("The option --%1 needs a value.").arg(name), tr("run \"cuttlectl --help\" for usage."));
            }
            if (value.isEmpty())
                return usageError(tr("The option --%1 needs a value.").arg(name), tr("run \"cuttlectl --help\" for usage."));
            (name == QLatin1String("workspace") ? workspaceOption : spaceOption) = value;
            continue;
        }
        return usageError(tr("Unknown global option --%1.").arg(name), tr("run \"cuttlectl --help\" for usage."));
    }
    if (i >= arguments.size()) {
        Output::writeError(mainHelp());
        return UsageError;
    }
    const QString nounWord = arguments.at(i++);
    const Noun *noun = CommandRegistry::noun(nounWord);
    if (!noun)
        return usageError(tr("Unknown noun \"%1\".").arg(nounWord), tr("run \"cuttlectl --help\" for the list of nouns."));
    const Verb *verb = noun->directVerb();
    if (!verb) {
        if (i >= arguments.size())
            return usageError(tr("\"%1\" needs a verb.").arg(noun->name), tr("run \"cuttlectl %1 --help\" for its verbs.").arg(noun->name));
        const QString verbWord = arguments.at(i++);
        if (verbWord == QLatin1String("--help") || verbWord == QLatin1String("help")) {
            Output::write(nounHelp(*noun));
            return Success;
        }
        verb = noun->verb(verbWord);
        if (!verb) {
            return usageError(tr("Unknown verb \"%1\" for \"%2\".").arg(verbWord, noun->name),
                              tr("run \"cuttlectl %1 --help\" for its verbs.").arg(noun->name));
        }
    }
    const QString verbHint = verb->name.isEmpty() ? tr("run \"cuttlectl %1 --help\" for usage.").arg(noun->name)
                                                  : tr("run \"cuttlectl %1 %2 --help\" for usage.").arg(noun->name, verb->name);
    auto parsed = ParsedArguments::parse(*verb, arguments.mid(i));
    if (!parsed)
        return usageError(parsed.error().message, verbHint);
    if (parsed->helpRequested()) {
        Output::write(verbHelp(*noun, *verb));
        return Success;
    }
    CommandContext context(workspaceOption, spaceOption, json || parsed->jsonRequested());
    if (verb->opensWorkspace) {
        if (auto opened = context.openWorkspace(Workspace::OpenMode::OpenExisting); !opened)
            return context.fail(opened.error());
        if (verb->usesSpace) {
            if (auto space = context.resolveSpace(); !space)
                return context.fail(space.error());
        }
    }
    return verb->run(context, *parsed);
}

} // namespace Cuttle::Cli
