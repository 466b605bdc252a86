#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "model/core/targetfilter.h"
#include "model/engine/targetconnector.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "model/transport/shellquote.h"

#include <QFile>
#include <QMutex>
#include <QScopeGuard>
#include <QThreadPool>

#include <QSet>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <optional>

namespace Cuttle::Cli {
namespace {

/// Every line a command prints, prefixed with its target's name, whole lines at a time.
class PrefixedStream final
{
public:
    PrefixedStream(QByteArray prefix, FILE *file, QMutex *mutex) : m_prefix(std::move(prefix)), m_file(file), m_mutex(mutex) {}

    void write(const QByteArray &chunk)
    {
        m_pending += chunk;
        qsizetype end = m_pending.lastIndexOf('\n');
        if (end < 0)
            return;
        emitLines(m_pending.left(end + 1));
        m_pending.remove(0, end + 1);
    }
    void flush()
    {
        if (!m_pending.isEmpty())
            emitLines(m_pending + '\n');
        m_pending.clear();
    }

private:
    void emitLines(const QByteArray &lines)
    {
        QByteArray out;
        for (const QByteArray &l : lines.chopped(1).split('\n'))
            out += m_prefix + l + '\n';
        QMutexLocker locker(m_mutex);
        std::fwrite(out.constData(), 1, size_t(out.size()), m_file);
        std::fflush(m_file);
    }

    QByteArray m_prefix;
    QByteArray m_pending;
    FILE *m_file;
    QMutex *m_mutex;
};

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

void onRunInterrupt(int)
{
    g_interrupted.store(true);
}

/// Ctrl-C stops the commands on every target (TERM, then KILL) instead of killing cuttlectl with them running.
class InterruptGuard final
{
public:
    InterruptGuard() { m_previous = std::signal(SIGINT, &onRunInterrupt); }
    ~InterruptGuard() { std::signal(SIGINT, m_previous); }
    Q_DISABLE_COPY_MOVE(InterruptGuard)

private:
    void (*m_previous)(int) = SIG_DFL;
};

struct Outcome
{
    std::optional<ExitInfo> exit;
    QString error;
};

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
    const TargetConnector connector(context.workspace(), needsKeychain ? context.secrets() : nullptr);
    QList<std::optional<TargetConnector::Plan>> plans;
    QList<Outcome> outcomes(targets->size());
    for (qsizetype i = 0; i < targets->size(); ++i) {
        auto plan = connector.plan(targets->at(i));
        if (plan)
            plans << *plan;
        else {
            plans << std::nullopt;
            outcomes[i].error = plan.error().message;
        }
    }

    QMutex outMutex;
    QMutex errMutex;
    QMutex activeMutex;
    QSet<Transport *> active;
    const InterruptGuard guard;
    QThreadPool pool;
    pool.setMaxThreadCount(maxParallel);
    for (qsizetype i = 0; i < targets->size(); ++i) {
        if (!plans.at(i))
            continue;
        pool.start([&, i] {
            const TargetConnector::Plan &plan = *plans.at(i);
            const DeploymentTarget &target = targets->at(i);
            std::unique_ptr<Transport> transport = TargetConnector::createTransport(plan);
            Transport *raw = transport.get();
            {
                QMutexLocker locker(&activeMutex);
                active.insert(raw);
                if (g_interrupted.load())
                    raw->cancel();
            }
            auto connection = TargetConnector::connect(std::move(transport), plan,
                                                       QDeadlineTimer(std::chrono::seconds(std::max(1, target.connectTimeoutSeconds))));
            const auto unregister = qScopeGuard([&] {
                QMutexLocker locker(&activeMutex);
                active.remove(raw);
            });
            if (!connection.ok()) {
                QString message = connection.error->message;
                if (connection.hostKey == TargetConnector::Connection::HostKey::Unknown)
                    message += u' ' + tr("Run \"cuttlectl target pin-host-key %1\" or \"cuttlectl target check %1 --accept-new-host-key\" first.").arg(target.name);
                outcomes[i].error = message;
                return;
            }
            const QByteArray prefix = '[' + target.name.toUtf8() + "] ";
            PrefixedStream out(prefix, stdout, &outMutex);
            PrefixedStream err(prefix, stderr, &errMutex);
            OutputCallbacks callbacks;
            callbacks.onStdout = [&](const QByteArray &chunk) { out.write(chunk); };
            callbacks.onStderr = [&](const QByteArray &chunk) { err.write(chunk); };
            auto exit = connection.transport->run(script, callbacks);
            out.flush();
            err.flush();
            connection.transport->close();
            if (exit)
                outcomes[i].exit = *exit;
            else
                outcomes[i].error = exit.error().message;
        });
    }
    bool cancelSent = false;
    while (!pool.waitForDone(20)) {
        if (g_interrupted.load() && !cancelSent) {
            QMutexLocker locker(&activeMutex);
            for (Transport *transport : std::as_const(active))
                transport->cancel();
            cancelSent = true;
        }
    }

    bool allSucceeded = true;
    QString summary;
    for (qsizetype i = 0; i < targets->size(); ++i) {
        const Outcome &o = outcomes.at(i);
        const QString name = targets->at(i).name;
        if (o.exit && o.exit->succeeded()) {
            summary += tr("%1: exit code 0").arg(name) + u'\n';
            continue;
        }
        allSucceeded = false;
        if (!o.exit)
            summary += tr("%1: failed: %2").arg(name, o.error) + u'\n';
        else if (!o.exit->signal.isEmpty())
            summary += tr("%1: killed by signal %2").arg(name, o.exit->signal) + u'\n';
        else
            summary += tr("%1: exit code %2").arg(name).arg(o.exit->exitCode) + u'\n';
    }
    std::fflush(stdout);
    Output::write(summary);
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
