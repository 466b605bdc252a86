#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/exitcode.h"
#include "app/cli/interruptguard.h"
#include "app/cli/parsedarguments.h"
#include "model/core/targetfilter.h"
#include "model/engine/scriptrunservice.h"
#include "model/engine/targetconnector.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "model/transport/shellquote.h"

#include <QFile>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <cstdio>
#include <optional>

namespace Cuttle::Cli {
namespace {

Result<QList<DeploymentTarget>> selectTargets(CommandContext &context, const ParsedArguments &args)
{
    const QStringList names = args.values(QStringLiteral("target"));
    const QStringList environments = args.values(QStringLiteral("environment"));
    const QStringList tags = args.values(QStringLiteral("tag"));
    if (names.isEmpty() && environments.isEmpty() && tags.isEmpty())
        return Error::validation(tr("Choose the targets with --target, --environment or --tag."));
    TargetRepository repository(context.store());
    auto all = repository.list(context.spaceId());
    if (!all)
        return all.error();
    QStringList ids;
    for (const QString &name : std::as_const(names)) {
        auto target = repository.find(context.spaceId(), name);
        if (!target)
            return target.error();
        if (target->isDisabled)
            return Error::validation(tr("The target \"%1\" is disabled.").arg(target->name));
        ids << target->id;
    }
    for (const QString &environment : std::as_const(environments)) {
        auto id = context.idOf<EnvironmentRepository>(environment);
        if (!id)
            return id.error();
        TargetFilter filter;
        filter.environmentId = *id;
        for (const DeploymentTarget &t : *all) {
            if (!t.isDisabled && filter.matches(t))
                ids << t.id;
        }
    }
    for (const QString &tag : std::as_const(tags)) {
        TargetFilter filter;
        filter.tag = tag;
        for (const DeploymentTarget &t : *all) {
            if (!t.isDisabled && filter.matches(t))
                ids << t.id;
        }
    }
    QList<DeploymentTarget> selected;
    for (const DeploymentTarget &t : *all) {
        if (ids.contains(t.id))
            selected << t;
    }
    if (selected.isEmpty())
        return Error::notFound(tr("No enabled target matches the given environment or tag."));
    return selected;
}

int runOn(CommandContext &context, const ParsedArguments &args)
{
    const QStringList command = args.positionals();
    QString script;
    if (auto file = args.value(QStringLiteral("script"))) {
        if (!command.isEmpty())
            return context.usage(tr("Give either --script or a command after --, not both."));
        QFile f(*file);
        if (!f.open(QIODevice::ReadOnly))
            return context.fail(Error::failed(tr("The script \"%1\" cannot be read: %2.").arg(*file, f.errorString())));
        script = QString::fromUtf8(f.readAll());
    } else if (command.isEmpty()) {
        return context.usage(tr("Give the command to run after --, or a script with --script."));
    } else if (command.size() == 1) {
        script = command.first(); // one word is a shell command line, as with ssh
    } else {
        QStringList quoted;
        for (const QString &word : command)
            quoted << shellQuote(word);
        script = quoted.join(u' ');
    }
    int maxParallel = 8;
    if (auto parallel = args.value(QStringLiteral("max-parallel"))) {
        bool ok = false;
        maxParallel = parallel->toInt(&ok);
        if (!ok || maxParallel < 1)
            return context.fail(Error::validation(tr("--max-parallel must be a positive number, not \"%1\".").arg(*parallel)));
    }
    auto targets = selectTargets(context, args);
    if (!targets)
        return context.fail(targets.error());

    const bool needsKeychain = std::any_of(targets->cbegin(), targets->cend(), [](const DeploymentTarget &t) { return !t.accountId.isEmpty(); });
    ScriptRunService service(context.workspace(), needsKeychain ? context.secrets() : nullptr);

    // Output is printed as it arrives, whole lines at a time, prefixed with the target's name.
    QMutex outMutex;
    QHash<QString, QByteArray> prefixes;
    for (const DeploymentTarget &target : std::as_const(*targets))
        prefixes.insert(target.id, '[' + target.name.toUtf8() + "] ");
    ScriptRunService::Observer observer;
    observer.line = [&](const QString &targetId, ScriptRunService::LineSource source, TaskLogCategory, const QString &text) {
        // Cuttle's own lines (connection errors, exit codes) are in the summary instead.
        if (source == ScriptRunService::LineSource::Cuttle)
            return;
        FILE *file = source == ScriptRunService::LineSource::Stdout ? stdout : stderr;
        const QByteArray out = prefixes.value(targetId) + text.toUtf8() + '\n';
        QMutexLocker locker(&outMutex);
        std::fwrite(out.constData(), 1, size_t(out.size()), file);
        std::fflush(file);
    };
    const InterruptGuard guard;
    ScriptRunService::Request request;
    request.targets = *targets;
    request.script = script;
    request.maxParallel = maxParallel;
    request.spaceId = context.spaceId();
    auto outcome = service.run(request, observer, &InterruptGuard::interrupted());
    if (!outcome)
        return context.fail(outcome.error());

    bool allSucceeded = true;
    QString summary;
    for (const ScriptRunService::TargetResult &o : std::as_const(outcome->targets)) {
        const QString &name = o.targetName;
        if (o.succeeded()) {
            summary += tr("%1: exit code 0").arg(name) + u'\n';
            continue;
        }
        allSucceeded = false;
        if (!o.exit) {
            QString message = o.error;
            if (o.hostKey == TargetConnector::Connection::HostKey::Unknown)
                message += u' ' + tr("Run \"cuttlectl target pin-host-key %1\" or \"cuttlectl target check %1 --accept-new-host-key\" first.").arg(name);
            summary += tr("%1: failed: %2").arg(name, message) + u'\n';
        } else if (!o.exit->signal.isEmpty()) {
            summary += tr("%1: killed by signal %2").arg(name, o.exit->signal) + u'\n';
        } else {
            summary += tr("%1: exit code %2").arg(name).arg(o.exit->exitCode) + u'\n';
        }
    }
    std::fflush(stdout);
    Output::write(summary);
    Output::writeError(tr("Recorded as task %1 (cuttlectl task log %1).").arg(outcome->task.id) + u'\n');
    return allSucceeded ? Success : Failed;
}

Noun makeNoun()
{
    Verb verb;
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "Run a command or a bash script on targets in parallel, each line of output prefixed with the target's name.");
    verb.positionals = {
        {"COMMAND", QT_TRANSLATE_NOOP("cuttlectl", "after --: the command and its arguments (one word is a shell command line)"),
         PositionalSpec::Arity::ZeroOrMore},
    };
    verb.options = {
        {"target", "NAME", QT_TRANSLATE_NOOP("cuttlectl", "run on this target"), true},
        {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "run on the enabled targets of this environment"), true},
        {"tag", "TAG", QT_TRANSLATE_NOOP("cuttlectl", "run on the enabled targets with this tag"), true},
        {"script", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "run this bash script instead of a command")},
        {"max-parallel", "N", QT_TRANSLATE_NOOP("cuttlectl", "run on at most N targets at once (default 8)")},
    };
    verb.run = [](CommandContext &context, const ParsedArguments &args) { return runOn(context, args); };

    Noun noun;
    noun.name = QStringLiteral("run");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "run a command or script on targets in parallel: run --target NAME|--environment ENV|--tag TAG [--max-parallel N] (--script FILE | -- COMMAND...)");
    noun.verbs = {verb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
