// `cuttlectl variables`: evaluate templates, explain which value wins and run structured
// replacement against variables read from a JSON file, without a workspace; `explain` also
// works on a project's effective variables (its own and its library sets').
#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "model/core/variablesjson.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "app/cli/variablesfile.h"
#include "model/engine/variableservice.h"
#include "model/store/projectrepository.h"
#include "model/variables/sensitivevaluemasker.h"
#include "model/variables/structured/structuredconfigreplacer.h"
#include "model/variables/templateengine.h"
#include "model/variables/variableset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace Cuttle::Cli {
namespace {

const OptionSpec kVariablesOption{"variables", "FILE",
                                  QT_TRANSLATE_NOOP("cuttlectl", "JSON file: {\"Name\": \"value\"} or [{name, value, sensitive, scope}]")};
const OptionSpec kContextOption{"context", "DIM=VALUE",
                                QT_TRANSLATE_NOOP("cuttlectl", "resolve for this environment, machine, role, step, channel, tenant, tenantTag or process (role and tenantTag may repeat)"),
                                true};

Result<ScopeContext> contextFrom(const ParsedArguments &args)
{
    ScopeContext context;
    QSet<QString> seen;
    for (const QString &item : args.values(QStringLiteral("context"))) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals <= 0)
            return Error::validation(tr("The context \"%1\" must have the form DIM=VALUE.").arg(item));
        const QString dim = item.left(equals);
        const QString value = item.mid(equals + 1);
        if (dim == QLatin1String("role")) {
            context.machineTags << value;
            continue;
        }
        if (dim == QLatin1String("tenantTag")) {
            context.tenantTags << value;
            continue;
        }
        std::optional<QString> *slot = nullptr;
        if (dim == QLatin1String("environment")) slot = &context.environment;
        else if (dim == QLatin1String("machine")) slot = &context.machine;
        else if (dim == QLatin1String("step")) slot = &context.step;
        else if (dim == QLatin1String("channel")) slot = &context.channel;
        else if (dim == QLatin1String("tenant")) slot = &context.tenant;
        else if (dim == QLatin1String("process")) slot = &context.process;
        if (!slot)
            return Error::validation(tr("The context dimension \"%1\" is unknown; use one of %2.")
                                         .arg(dim, VariablesFile::scopeKeys().join(QStringLiteral(", "))));
        if (seen.contains(dim))
            return Error::validation(tr("The context dimension \"%1\" can be given only once.").arg(dim));
        seen.insert(dim);
        *slot = value;
    }
    return context;
}

Result<VariableSet> variablesFrom(const ParsedArguments &args)
{
    const auto path = args.value(QStringLiteral("variables"));
    if (!path)
        return VariableSet();
    auto values = VariablesFile::load(*path);
    if (!values)
        return values.error();
    return VariableSet(*values);
}

void printWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings)
        Output::writeError(QStringLiteral("cuttlectl: ") + tr("warning: %1").arg(warning) + u'\n');
}

QString sentence(const QString &text)
{
    return text.endsWith(u'.') ? text : text + u'.';
}

int eval(CommandContext &context, const ParsedArguments &args)
{
    const auto templatePath = args.value(QStringLiteral("template"));
    const auto expression = args.value(QStringLiteral("expression"));
    if (templatePath.has_value() == expression.has_value())
        return context.usage(tr("Give either --template or --expression."));
    auto scope = contextFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    auto set = variablesFrom(args);
    if (!set)
        return context.fail(set.error());

    QString text;
    QString where;
    if (templatePath) {
        QFile file(*templatePath);
        if (!file.exists())
            return context.fail(Error::notFound(tr("The template %1 does not exist.").arg(*templatePath)));
        if (!file.open(QIODevice::ReadOnly))
            return context.fail(Error::failed(tr("The template %1 cannot be read: %2.").arg(*templatePath, file.errorString())));
        text = QString::fromUtf8(file.readAll());
        where = *templatePath;
    } else {
        text = *expression;
        where = tr("The expression");
    }

    const bool strict = args.has(QStringLiteral("strict"));
    QStringList warnings;
    const VariableDictionary variables = set->resolve(*scope, &warnings);
    printWarnings(warnings);

    const CompiledTemplate compiled = TemplateEngine::compile(text);
    if (const auto &error = compiled.parseError())
        // The parser's message already names the line and column.
        return context.fail(Error::validation(tr("%1: %2").arg(where, sentence(error->message))));
    const EvaluationResult result = TemplateEngine::evaluate(compiled, variables);
    // Problems the parser recovered from come first; anything after them stopped evaluation.
    const qsizetype problems = qsizetype(compiled.problems().size());
    for (qsizetype i = 0; i < result.errors.size(); ++i) {
        const TemplateError &error = result.errors.at(i);
        const QString message = error.line > 0 ? tr("%1 at line %2, column %3: %4")
                                                     .arg(where)
                                                     .arg(error.line)
                                                     .arg(error.column)
                                                     .arg(sentence(error.message))
                                               : tr("%1: %2").arg(where, sentence(error.message));
        if (i >= problems || strict)
            return context.fail(Error::validation(message));
        printWarnings({message});
    }
    if (strict && !result.unresolved.isEmpty())
        return context.fail(Error::validation(tr("%1 has unresolved variables: %2.")
                                                  .arg(where, result.unresolved.join(QStringLiteral(", ")))));
    Output::write(result.text);
    return Success;
}

QString scopeText(const ScopeSpec &scope)
{
    return scope.isUnscoped() ? tr("unscoped") : VariablesJson::scopeText(scope);
}

/// The project's values and its library sets' values, sensitive ones without their value:
/// explaining never needs a secret, so it never touches the keychain.
Result<VariableSet> projectVariables(CommandContext &context, const QString &project)
{
    if (auto opened = context.openWorkspace(Workspace::OpenMode::OpenExisting); !opened)
        return opened.error();
    if (auto space = context.resolveSpace(); !space)
        return space.error();
    auto projectId = context.idOf<ProjectRepository>(project);
    if (!projectId)
        return projectId.error();
    auto values = VariableService(context.workspace(), context.secrets()).effective(*projectId, false);
    if (!values)
        return values.error();
    return VariableSet(*values);
}

int explain(CommandContext &context, const ParsedArguments &args)
{
    auto scope = contextFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    const auto project = args.value(QStringLiteral("project"));
    if (project && args.has(QStringLiteral("variables")))
        return context.usage(tr("Give either --variables or --project."));
    auto set = project ? projectVariables(context, *project) : variablesFrom(args);
    if (!set)
        return context.fail(set.error());
    const VariableExplanation explanation = set->explain(args.positional(0), *scope);

    QStringList sensitive;
    for (const VariableValue &value : set->values()) {
        if (value.sensitive)
            sensitive << value.value;
    }
    // Reasons and the verdict may quote a value; none of them may reveal a sensitive one.
    const SensitiveValueMasker masker(sensitive);
    const auto shown = [&masker](const VariableValue &value) {
        return value.sensitive ? SensitiveValueMasker::placeholder() : masker.mask(value.value);
    };

    QJsonArray candidates;
    for (const CandidateExplanation &candidate : explanation.candidates) {
        candidates.append(QJsonObject{{QLatin1String("name"), candidate.value.name},
                                      {QLatin1String("value"), shown(candidate.value)},
                                      {QLatin1String("sensitive"), candidate.value.sensitive},
                                      {QLatin1String("scope"), VariablesJson::scopeToJson(candidate.value.scope)},
                                      {QLatin1String("source"), candidate.value.source},
                                      {QLatin1String("fromLibrarySet"), candidate.value.fromLibrarySet},
                                      {QLatin1String("matched"), candidate.matched},
                                      {QLatin1String("failedDimension"), candidate.failedDimension},
                                      {QLatin1String("reason"), masker.mask(candidate.reason)},
                                      {QLatin1String("rank"), qint64(candidate.rank)},
                                      {QLatin1String("winner"), candidate.winner}});
    }
    const bool hasWinner = explanation.winnerIndex >= 0;
    if (context.output().json()) {
        QJsonObject json{{QLatin1String("name"), explanation.name.isEmpty() ? args.positional(0) : explanation.name},
                         {QLatin1String("candidates"), candidates},
                         {QLatin1String("winnerIndex"), explanation.winnerIndex},
                         {QLatin1String("tie"), explanation.tie},
                         {QLatin1String("verdict"), masker.mask(explanation.verdict)}};
        json.insert(QLatin1String("value"),
                    hasWinner ? QJsonValue(shown(explanation.candidates.at(explanation.winnerIndex).value)) : QJsonValue());
        context.output().object(json, {});
    } else {
        QString out = tr("Variable: %1").arg(args.positional(0)) + u'\n';
        if (explanation.candidates.isEmpty())
            out += tr("No value is defined for this name.") + u'\n';
        for (qsizetype i = 0; i < explanation.candidates.size(); ++i) {
            const CandidateExplanation &candidate = explanation.candidates.at(i);
            const QString status = candidate.winner    ? tr("WINNER")
                                   : candidate.matched ? tr("matched")
                                                       : tr("no match (%1)").arg(candidate.failedDimension);
            const QString from = candidate.value.fromLibrarySet ? tr(" from %1").arg(candidate.value.source) : QString();
            out += QStringLiteral("%1. %2 = %3 [%4]%5 rank %6 - %7\n")
                       .arg(i + 1)
                       .arg(candidate.value.name, shown(candidate.value), scopeText(candidate.value.scope), from)
                       .arg(candidate.rank)
                       .arg(status);
            if (!candidate.reason.isEmpty())
                out += QStringLiteral("   ") + masker.mask(candidate.reason) + u'\n';
        }
        if (!explanation.verdict.isEmpty())
            out += masker.mask(explanation.verdict) + u'\n';
        Output::write(out);
    }
    return Success;
}

Result<StructuredFormat> formatFrom(const ParsedArguments &args)
{
    const QString name = args.valueOr(QStringLiteral("format"), QStringLiteral("auto")).toLower();
    if (name == QLatin1String("auto")) return StructuredFormat::Auto;
    if (name == QLatin1String("json")) return StructuredFormat::Json;
    if (name == QLatin1String("yaml") || name == QLatin1String("yml")) return StructuredFormat::Yaml;
    if (name == QLatin1String("xml")) return StructuredFormat::Xml;
    if (name == QLatin1String("properties")) return StructuredFormat::Properties;
    return Error::validation(tr("The format \"%1\" is unknown; use auto, json, yaml, xml or properties.").arg(name));
}

VoidResult writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Error::failed(tr("The file %1 cannot be written: %2.").arg(path, file.errorString()));
    return {};
}

int replace(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("variables")))
        return context.usage(tr("The option --variables is required."));
    auto format = formatFrom(args);
    if (!format)
        return context.usage(format.error().message);
    auto scope = contextFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    auto set = variablesFrom(args);
    if (!set)
        return context.fail(set.error());
    QStringList warnings;
    const VariableDictionary dictionary = set->resolve(*scope, &warnings);
    printWarnings(warnings);
    StructuredConfigReplacer::Variables variables;
    for (const QString &name : dictionary.names())
        variables.append({name, dictionary.valueOr(name)});

    const auto outputDir = args.value(QStringLiteral("output"));
    struct Planned
    {
        QString input;
        QString target;
        ReplacementOutcome outcome;
    };
    QList<Planned> planned;
    QSet<QString> targets;
    // Every file is replaced in memory first, so that one malformed file leaves all untouched.
    for (const QString &path : args.positionals()) {
        QFile file(path);
        if (!file.exists())
            return context.fail(Error::notFound(tr("The file %1 does not exist.").arg(path)));
        if (!file.open(QIODevice::ReadOnly))
            return context.fail(Error::failed(tr("The file %1 cannot be read: %2.").arg(path, file.errorString())));
        auto outcome = StructuredConfigReplacer::replace(file.readAll(), path, variables, *format);
        if (!outcome)
            return context.fail(outcome.error());
        const QString target = outputDir ? QDir(*outputDir).filePath(QFileInfo(path).fileName()) : path;
        const QString key = QFileInfo(target).absoluteFilePath();
        if (targets.contains(key))
            return context.fail(Error::validation(tr("Two files would be written to %1.").arg(target)));
        targets.insert(key);
        planned.append({path, target, std::move(*outcome)});
    }
    if (outputDir && !QDir().mkpath(*outputDir))
        return context.fail(Error::failed(tr("The folder %1 cannot be created.").arg(*outputDir)));

    QJsonArray report;
    QString text;
    for (const Planned &p : planned) {
        // In place, a file with nothing to replace is not rewritten; into --output every file is written.
        if (outputDir || p.outcome.changed()) {
            if (auto written = writeFile(p.target, p.outcome.content); !written)
                return context.fail(written.error());
        }
        printWarnings(p.outcome.warnings);
        report.append(QJsonObject{{QLatin1String("file"), p.input},
                                  {QLatin1String("output"), p.target},
                                  {QLatin1String("format"), structuredFormatName(p.outcome.format)},
                                  {QLatin1String("matchedNames"), QJsonArray::fromStringList(p.outcome.matchedNames)},
                                  {QLatin1String("replacementCount"), p.outcome.replacementCount},
                                  {QLatin1String("changed"), p.outcome.changed()},
                                  {QLatin1String("warnings"), QJsonArray::fromStringList(p.outcome.warnings)}});
        if (p.outcome.changed())
            text += tr("%1 (%2): replaced %3 value(s): %4")
                        .arg(p.target, structuredFormatName(p.outcome.format))
                        .arg(p.outcome.replacementCount)
                        .arg(p.outcome.matchedNames.join(QStringLiteral(", ")))
                    + u'\n';
        else
            text += tr("%1 (%2): no variable matched").arg(p.target, structuredFormatName(p.outcome.format)) + u'\n';
    }
    if (context.output().json())
        context.output().list(report, {});
    else
        Output::write(text);
    return Success;
}

Verb standalone(Verb verb)
{
    verb.opensWorkspace = false;
    verb.usesSpace = false;
    return verb;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("variables");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "evaluate templates, explain scoping and replace values in files, from a variables file");

    Verb evalVerb;
    evalVerb.name = QStringLiteral("eval");
    evalVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "print a template or expression evaluated against the variables");
    evalVerb.options = {kVariablesOption,
                        kContextOption,
                        {"template", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "the template file to evaluate")},
                        {"expression", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "the template text to evaluate")},
                        {"strict", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "fail on unresolved variables and template problems")}};
    evalVerb.run = &eval;

    Verb explainVerb;
    explainVerb.name = QStringLiteral("explain");
    explainVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "show every value of a variable, which ones match the context and which wins");
    explainVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the variable's name")}};
    explainVerb.options = {kVariablesOption,
                           {"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "explain with the project's variables and its library sets' (in the workspace)")},
                           kContextOption};
    explainVerb.run = &explain;

    Verb replaceVerb;
    replaceVerb.name = QStringLiteral("replace");
    replaceVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "replace values in JSON, YAML, XML or properties files by key path");
    replaceVerb.positionals = {{"FILE", QT_TRANSLATE_NOOP("cuttlectl", "the files to change"), PositionalSpec::Arity::OneOrMore}};
    replaceVerb.options = {kVariablesOption,
                           kContextOption,
                           {"format", "FORMAT", QT_TRANSLATE_NOOP("cuttlectl", "auto (default), json, yaml, xml or properties")},
                           {"output", "DIR", QT_TRANSLATE_NOOP("cuttlectl", "write the changed files into DIR instead of in place")}};
    replaceVerb.run = &replace;

    noun.verbs = {standalone(evalVerb), standalone(explainVerb), standalone(replaceVerb)};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
