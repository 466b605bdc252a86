// `cuttlectl process list|add-step|remove-step --project P`: small edits of a project's
// deployment process from a terminal; the whole process travels with `project export`.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/core/processjson.h"
#include "model/store/channelrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/processrepository.h"
#include "model/store/projectrepository.h"

#include <QFile>

namespace Cuttle::Cli {
namespace {

const OptionSpec kProjectOption{"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project (name or id)")};

const QList<Output::Field> kStepFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "#"), "position"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Step"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Does"), "does"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Runs on"), "runsOn"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Condition"), "condition"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Start"), "startTrigger"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Only in"), "environments"},
};

Result<Project> projectOf(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return Error::validation(tr("Say which project with --project."));
    return ProjectRepository(context.store()).find(context.spaceId(), args.valueOr(QStringLiteral("project")));
}

QJsonObject stepRow(CommandContext &context, const DeploymentStep &step, qsizetype index,
                    const QHash<QString, QString> &channelNames)
{
    const auto &environmentNames = context.namesOf<EnvironmentRepository>();
    QStringList does;
    QStringList environments;
    QStringList channels;
    for (const DeploymentAction &action : step.actions) {
        QString text = displayName(action.type);
        for (const PackageReference &package : action.packages)
            text += u' ' + package.packageId;
        does << text;
        for (const QString &id : action.environmentIds)
            environments << environmentNames.value(id, id);
        for (const QString &id : action.channelIds)
            channels << channelNames.value(id, id);
    }
    QJsonObject row = ProcessJson::toJson(step);
    row.insert(QLatin1String("position"), int(index + 1));
    row.insert(QLatin1String("does"), does.join(QLatin1String(" + ")));
    row.insert(QLatin1String("runsOn"), step.runOnWorkstation ? tr("this workstation")
                                                              : step.targetTags.join(QLatin1String(", ")));
    row.insert(QLatin1String("environments"), environments.join(QLatin1String(", ")));
    row.insert(QLatin1String("channelNames"), QJsonArray::fromStringList(channels));
    if (step.isDisabled)
        row.insert(QLatin1String("name"), tr("%1 (disabled)").arg(step.name));
    return row;
}

int list(CommandContext &context, const ParsedArguments &args)
{
    auto project = projectOf(context, args);
    if (!project)
        return context.fail(project.error());
    auto process = ProcessRepository(context.store()).get(project->id);
    if (!process)
        return context.fail(process.error());
    auto channels = ChannelRepository(context.store()).list(project->id);
    if (!channels)
        return context.fail(channels.error());
    QHash<QString, QString> channelNames;
    for (const Channel &channel : *channels)
        channelNames.insert(channel.id, channel.name);
    QJsonArray rows;
    for (qsizetype i = 0; i < process->steps.size(); ++i)
        rows.append(stepRow(context, process->steps.at(i), i, channelNames));
    context.output().list(rows, kStepFields);
    return int(Success);
}

Result<QString> scriptOf(const ParsedArguments &args)
{
    if (args.has(QStringLiteral("script")) && args.has(QStringLiteral("script-file")))
        return Error::validation(tr("Give the script with --script or --script-file, not both."));
    if (auto path = args.value(QStringLiteral("script-file"))) {
        QFile file(*path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::failed(tr("The script file %1 cannot be read: %2.").arg(*path, file.errorString()));
        return QString::fromUtf8(file.readAll());
    }
    return args.valueOr(QStringLiteral("script"));
}

Result<DeploymentStep> stepFrom(CommandContext &context, const Project &project, const ParsedArguments &args)
{
    DeploymentStep step;
    step.name = args.valueOr(QStringLiteral("name"));
    DeploymentAction action;
    action.name = step.name;
    const QString type = args.valueOr(QStringLiteral("type"), QStringLiteral("script"));
    const auto actionType = actionTypeFromString(type);
    if (!actionType)
        return Error::validation(tr("\"%1\" is not a step type; use %2.").arg(type, actionTypeShortNames().join(QLatin1String(", "))));
    action.type = *actionType;
    step.targetTags = args.values(QStringLiteral("target-tag"));
    step.runOnWorkstation = args.has(QStringLiteral("on-workstation"));
    step.isRequired = args.has(QStringLiteral("required"));
    step.windowSize = args.valueOr(QStringLiteral("window"));
    if (args.has(QStringLiteral("start-with-previous")))
        step.startTrigger = StartTrigger::StartWithPrevious;
    if (auto condition = args.value(QStringLiteral("condition"))) {
        const auto parsed = stepConditionFromString(*condition);
        if (!parsed)
            return Error::validation(tr("\"%1\" is not a step condition; use %2.")
                                         .arg(*condition, stepConditionNames().join(QLatin1String(", "))));
        step.condition = *parsed;
    }
    step.conditionExpression = args.valueOr(QStringLiteral("condition-expression"));
    if (!step.conditionExpression.isEmpty() && !args.has(QStringLiteral("condition")))
        step.condition = StepCondition::Variable;

    auto script = scriptOf(args);
    if (!script)
        return script.error();
    if (!script->isEmpty())
        action.properties.insert(ActionProperty::ScriptBody, *script);
    if (auto file = args.value(QStringLiteral("package-script"))) {
        action.properties.insert(ActionProperty::ScriptSource, QStringLiteral("Package"));
        action.properties.insert(ActionProperty::ScriptFileName, *file);
    }
    for (const QString &packageId : args.values(QStringLiteral("package")))
        action.packages << PackageReference{action.packages.isEmpty() ? QString() : packageId, packageId,
                                            action.type != ActionType::TransferPackage};
    if (auto path = args.value(QStringLiteral("transfer-path")))
        action.properties.insert(ActionProperty::TransferPath, *path);
    if (auto instructions = args.value(QStringLiteral("instructions")))
        action.properties.insert(ActionProperty::Instructions, *instructions);
    if (auto parallel = args.value(QStringLiteral("max-parallelism")))
        action.properties.insert(ActionProperty::MaxParallelism, *parallel);
    for (const QString &item : args.values(QStringLiteral("property"))) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals <= 0)
            return Error::validation(tr("--property takes NAME=VALUE, not \"%1\".").arg(item));
        action.properties.insert(item.left(equals), item.mid(equals + 1));
    }
    auto environments = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("environment")));
    if (!environments)
        return environments.error();
    action.environmentIds = *environments;
    auto excluded = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("exclude-environment")));
    if (!excluded)
        return excluded.error();
    action.excludedEnvironmentIds = *excluded;
    for (const QString &channel : args.values(QStringLiteral("channel"))) {
        auto found = ChannelRepository(context.store()).find(project.id, channel);
        if (!found)
            return found.error();
        action.channelIds << found->id;
    }
    step.actions << action;
    return step;
}

struct ProjectProcess
{
    Project project;
    DeploymentProcess process;
};

Result<ProjectProcess> processOf(CommandContext &context, const ParsedArguments &args)
{
    auto project = projectOf(context, args);
    if (!project)
        return project.error();
    auto process = ProcessRepository(context.store()).get(project->id);
    if (!process)
        return process.error();
    return ProjectProcess{*project, *process};
}

int addStep(CommandContext &context, const ParsedArguments &args)
{
    auto loaded = processOf(context, args);
    if (!loaded)
        return context.fail(loaded.error());
    const Project *project = &loaded->project;
    DeploymentProcess *process = &loaded->process;
    auto step = stepFrom(context, *project, args);
    if (!step)
        return context.fail(step.error());
    qsizetype position = process->steps.size();
    if (auto after = args.value(QStringLiteral("after"))) {
        position = -1;
        for (qsizetype i = 0; i < process->steps.size(); ++i) {
            if (process->steps.at(i).name.compare(*after, Qt::CaseInsensitive) == 0)
                position = i + 1;
        }
        if (position < 0)
            return context.fail(Error::notFound(tr("The process of %1 has no step named \"%2\".").arg(project->name, *after)));
    }
    if (args.has(QStringLiteral("first")))
        position = 0;
    process->steps.insert(position, *step);
    auto saved = ProcessRepository(context.store()).save(*process);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context,
                              tr("Added the step \"%1\" to %2 as step %3 of %4.")
                                  .arg(step->name, project->name)
                                  .arg(position + 1)
                                  .arg(saved->steps.size()),
                              ProcessJson::toJson(saved->steps.at(position)));
}

int removeStep(CommandContext &context, const ParsedArguments &args)
{
    auto loaded = processOf(context, args);
    if (!loaded)
        return context.fail(loaded.error());
    const Project *project = &loaded->project;
    DeploymentProcess *process = &loaded->process;
    const QString name = args.positional(0);
    const auto removed = process->steps.removeIf([&](const DeploymentStep &step) {
        return step.name.compare(name, Qt::CaseInsensitive) == 0 || step.id == name;
    });
    if (removed == 0)
        return context.fail(Error::notFound(tr("The process of %1 has no step named \"%2\".").arg(project->name, name)));
    auto saved = ProcessRepository(context.store()).save(*process);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Removed the step \"%1\" from %2.").arg(name, project->name),
                              ProcessJson::toJson(*saved));
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("process");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "a project's deployment process: its steps in order");

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list the steps of a project's process");
    listVerb.options = {kProjectOption};
    listVerb.run = &list;

    Verb addVerb;
    addVerb.name = QStringLiteral("add-step");
    addVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "add a step (at the end unless --after or --first)");
    addVerb.options = {
        kProjectOption,
        {"name", "NAME", QT_TRANSLATE_NOOP("cuttlectl", "the step's name")},
        {"type", "TYPE", QT_TRANSLATE_NOOP("cuttlectl", "script (default), deploy-package, transfer-package or manual")},
        {"target-tag", "TAG", QT_TRANSLATE_NOOP("cuttlectl", "run on the targets with this tag"), true},
        {"on-workstation", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "run on this workstation instead of targets")},
        {"script", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "the Bash script of a script step")},
        {"script-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the script from a file")},
        {"package-script", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "run this script file from the step's package")},
        {"package", "PACKAGE-ID", QT_TRANSLATE_NOOP("cuttlectl", "a package the step uses (the first is its primary package)"), true},
        {"transfer-path", "PATH", QT_TRANSLATE_NOOP("cuttlectl", "where a transfer step puts the package")},
        {"instructions", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what a manual intervention asks for")},
        {"condition", "CONDITION", QT_TRANSLATE_NOOP("cuttlectl", "Success (default), Failure, Always or Variable")},
        {"condition-expression", "EXPR", QT_TRANSLATE_NOOP("cuttlectl", "run only when this evaluates true")},
        {"start-with-previous", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "run in parallel with the step before")},
        {"window", "N", QT_TRANSLATE_NOOP("cuttlectl", "rolling: this many targets at a time")},
        {"max-parallelism", "N", QT_TRANSLATE_NOOP("cuttlectl", "at most this many targets at once (default 10)")},
        {"required", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "the step cannot be skipped")},
        {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "run only in this environment"), true},
        {"exclude-environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "never run in this environment"), true},
        {"channel", "CHANNEL", QT_TRANSLATE_NOOP("cuttlectl", "run only for releases of this channel"), true},
        {"property", "NAME=VALUE", QT_TRANSLATE_NOOP("cuttlectl", "set an action property"), true},
        {"after", "STEP", QT_TRANSLATE_NOOP("cuttlectl", "insert after this step")},
        {"first", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "insert as the first step")},
    };
    addVerb.run = &addStep;

    Verb removeVerb;
    removeVerb.name = QStringLiteral("remove-step");
    removeVerb.aliases = {QStringLiteral("rm-step")};
    removeVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "remove a step");
    removeVerb.positionals = {{"STEP", QT_TRANSLATE_NOOP("cuttlectl", "the step's name")}};
    removeVerb.options = {kProjectOption};
    removeVerb.run = &removeStep;

    noun.verbs = {listVerb, addVerb, removeVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
