#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "app/cli/secretinput.h"
#include "model/core/targetfilter.h"
#include "model/engine/healthcheckservice.h"
#include "model/engine/targetconnector.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace Cuttle::Cli {
namespace {

using HostKey = TargetConnector::Connection::HostKey;

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

void onCheckInterrupt(int)
{
    g_interrupted.store(true);
}

/// Ctrl-C stops the running checks; the targets not checked keep their recorded health.
class InterruptGuard final
{
public:
    InterruptGuard() { m_previous = std::signal(SIGINT, &onCheckInterrupt); }
    ~InterruptGuard() { std::signal(SIGINT, m_previous); }
    Q_DISABLE_COPY_MOVE(InterruptGuard)

private:
    void (*m_previous)(int) = SIG_DFL;
};

/// The targets named, or the enabled ones that match --all / --environment / --tag.
Result<QList<DeploymentTarget>> selectTargets(CommandContext &context, const ParsedArguments &args)
{
    TargetRepository repository(context.store());
    QList<DeploymentTarget> selected;
    for (const QString &name : args.positionals()) {
        auto target = repository.find(context.spaceId(), name);
        if (!target)
            return target.error();
        selected << *target;
    }
    const bool filtered = args.has(QStringLiteral("all")) || args.has(QStringLiteral("environment")) || args.has(QStringLiteral("tag"));
    if (!filtered)
        return selected;
    TargetFilter filter;
    if (auto environment = args.value(QStringLiteral("environment"))) {
        auto id = context.idOf<EnvironmentRepository>(*environment);
        if (!id)
            return id.error();
        filter.environmentId = *id;
    }
    filter.tag = args.valueOr(QStringLiteral("tag"));
    auto all = repository.list(context.spaceId());
    if (!all)
        return all.error();
    for (const DeploymentTarget &t : *all) {
        const bool named = std::any_of(selected.cbegin(), selected.cend(), [&](const DeploymentTarget &s) { return s.id == t.id; });
        if (!t.isDisabled && !named && filter.matches(t))
            selected << t;
    }
    if (selected.isEmpty())
        return Error::notFound(tr("No enabled target matches the given environment or tag."));
    return selected;
}

/// Asks a yes/no question on the terminal; anything but y/yes is no.
bool confirm(const QString &question)
{
    Output::writeError(question + u' ');
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

QString unknownHostKeyHint(const QString &targetName)
{
    return tr("Pass --accept-new-host-key to trust it, or run \"cuttlectl target pin-host-key %1\".").arg(targetName);
}

QJsonObject toJson(const TargetHealthReport &r)
{
    return QJsonObject{
        {QLatin1String("id"), r.targetId},
        {QLatin1String("name"), r.targetName},
        {QLatin1String("status"), toString(r.status)},
        {QLatin1String("message"), r.message},
        {QLatin1String("checkedAt"), r.checkedAt.isValid() ? r.checkedAt.toUTC().toString(Qt::ISODate) : QString()},
        {QLatin1String("offeredHostKeyFingerprint"), r.offeredFingerprint},
        {QLatin1String("hostKeyPinned"), r.hostKeyPinned},
    };
}

QString line(const TargetHealthReport &r)
{
    QString text = r.targetName + u'\t' + toString(r.status);
    if (r.hostKeyPinned)
        text += u'\t' + tr("Pinned the new host key %1.").arg(r.offeredFingerprint);
    if (!r.message.isEmpty())
        text += u'\t' + r.message;
    return text + u'\n';
}

int check(CommandContext &context, const ParsedArguments &args)
{
    if (args.positionals().isEmpty() && !args.has(QStringLiteral("all")) && !args.has(QStringLiteral("environment"))
        && !args.has(QStringLiteral("tag")))
        return context.usage(tr("Name the targets to check, or pass --all, --environment or --tag."));
    auto targets = selectTargets(context, args);
    if (!targets)
        return context.fail(targets.error());

    HealthCheckService::Options options;
    options.acceptNewHostKeys = args.has(QStringLiteral("accept-new-host-key"));
    if (auto parallel = args.value(QStringLiteral("max-parallel"))) {
        bool ok = false;
        options.maxParallel = parallel->toInt(&ok);
        if (!ok || options.maxParallel < 1)
            return context.fail(Error::validation(tr("--max-parallel must be a positive number, not \"%1\".").arg(*parallel)));
    }
    const bool json = context.output().json();
    const bool ask = !options.acceptNewHostKeys && SecretInput::standardInputIsTerminal();
    const bool needsKeychain = std::any_of(targets->cbegin(), targets->cend(), [](const DeploymentTarget &t) { return !t.accountId.isEmpty(); });
    HealthCheckService service(context.workspace(), needsKeychain ? context.secrets() : nullptr);

    auto finish = [&](TargetHealthReport &r) {
        // Without a prompt, the message says how to trust the key.
        if (r.hostKey == HostKey::Unknown && !ask)
            r.message += u' ' + unknownHostKeyHint(r.targetName);
    };
    const InterruptGuard guard;
    auto reports = service.check(*targets, options, [&](int, int, const TargetHealthReport &report) {
        if (json || (ask && report.hostKey == HostKey::Unknown))
            return; // printed after the question
        TargetHealthReport r = report;
        finish(r);
        Output::write(line(r));
    }, &g_interrupted);

    for (qsizetype i = 0; i < reports.size(); ++i) {
        TargetHealthReport &r = reports[i];
        if (r.hostKey == HostKey::Unknown && ask && !r.offeredFingerprint.isEmpty() && !g_interrupted.load()) {
            if (confirm(tr("Trust %1 for target %2? [y/N]").arg(r.offeredFingerprint, r.targetName))) {
                // Pinned first and checked again against the pin, so a key that changes meanwhile is refused.
                const TargetConnector connector(context.workspace(), needsKeychain ? context.secrets() : nullptr);
                if (auto pinned = connector.pinHostKey(r.targetId, r.offeredFingerprint); !pinned) {
                    r.message = pinned.error().message;
                } else if (auto target = TargetRepository(context.store()).get(r.targetId)) {
                    const QString fingerprint = r.offeredFingerprint;
                    r = service.check({*target}, options).value(0);
                    r.hostKeyPinned = r.hostKey == HostKey::Trusted;
                    if (r.hostKeyPinned)
                        r.offeredFingerprint = fingerprint;
                }
            } else {
                finish(r);
            }
            if (!json)
                Output::write(line(r));
        } else if (r.hostKey == HostKey::Unknown && json) {
            finish(r);
        }
    }

    bool allHealthy = true;
    QJsonArray rows;
    for (const TargetHealthReport &r : std::as_const(reports)) {
        allHealthy = allHealthy && r.status == HealthStatus::Healthy;
        rows.append(toJson(r));
    }
    if (json)
        context.output().list(rows, {});
    return allHealthy ? Success : Failed;
}

int pinHostKey(CommandContext &context, const ParsedArguments &args)
{
    auto target = TargetRepository(context.store()).find(context.spaceId(), args.positional(0));
    if (!target)
        return context.fail(target.error());
    if (target->kind != TargetKind::Ssh)
        return context.fail(Error::validation(tr("The target \"%1\" is not an SSH target and has no host key.").arg(target->name)));
    const TargetConnector connector(context.workspace(), target->accountId.isEmpty() ? nullptr : context.secrets());
    // The pin is ignored for this connection: the point is to learn what the server offers now.
    DeploymentTarget unpinned = *target;
    unpinned.hostKeyFingerprint.clear();
    auto plan = connector.plan(unpinned, true);
    if (!plan)
        return context.fail(plan.error());
    auto connection = TargetConnector::connect(*plan, QDeadlineTimer(std::chrono::seconds(std::max(1, target->connectTimeoutSeconds))));
    connection.transport.reset();
    const QString offered = connection.offeredFingerprint;
    if (offered.isEmpty())
        return context.fail(connection.error ? *connection.error
                                             : Error::failed(tr("The target \"%1\" offered no host key.").arg(target->name)));
    context.output().message(tr("The target \"%1\" offers the host key %2.").arg(target->name, offered));
    if (auto expected = args.value(QStringLiteral("fingerprint"))) {
        if (*expected != offered)
            return context.fail(Error::conflict(tr("The target \"%1\" offers the host key %2, not %3; nothing was pinned.")
                                                    .arg(target->name, offered, *expected)));
    } else if (!args.has(QStringLiteral("yes"))) {
        if (!SecretInput::standardInputIsTerminal())
            return context.fail(Error::validation(tr("Pass --yes or --fingerprint %1 to pin the host key without a question.").arg(offered)));
        if (!confirm(tr("Trust %1 for target %2? [y/N]").arg(offered, target->name)))
            return context.fail(Error::cancelled(tr("Nothing was pinned.")));
    }
    if (target->hostKeyFingerprint == offered) {
        context.output().changed(tr("The host key %1 of \"%2\" was already pinned.").arg(offered, target->name),
                                 QJsonObject{{QLatin1String("id"), target->id}, {QLatin1String("name"), target->name},
                                             {QLatin1String("hostKeyFingerprint"), offered}});
        return Success;
    }
    if (auto pinned = connector.pinHostKey(target->id, offered); !pinned)
        return context.fail(pinned.error());
    context.output().changed(tr("Pinned the host key %1 for \"%2\".").arg(offered, target->name),
                             QJsonObject{{QLatin1String("id"), target->id}, {QLatin1String("name"), target->name},
                                         {QLatin1String("hostKeyFingerprint"), offered}});
    return Success;
}

Verb makeCheckVerb()
{
    Verb verb;
    verb.name = QStringLiteral("check");
    verb.aliases = {QStringLiteral("health-check")};
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "check the health of targets in parallel and record it; exit 0 only if all are healthy");
    verb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "a target to check (also a disabled one)"), PositionalSpec::Arity::ZeroOrMore}};
    verb.options = {
        {"all", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "check every enabled target")},
        {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "check the enabled targets of this environment")},
        {"tag", "TAG", QT_TRANSLATE_NOOP("cuttlectl", "check the enabled targets with this tag")},
        {"accept-new-host-key", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "trust and pin the host key of SSH targets contacted for the first time")},
        {"max-parallel", "N", QT_TRANSLATE_NOOP("cuttlectl", "check at most N targets at once (default 8)")},
    };
    verb.run = &check;
    return verb;
}

Verb makePinVerb()
{
    Verb verb;
    verb.name = QStringLiteral("pin-host-key");
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "connect to an SSH target and pin the host key it offers (audited)");
    verb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the SSH target")}};
    verb.options = {
        {"fingerprint", "SHA256:...", QT_TRANSLATE_NOOP("cuttlectl", "pin only if the target offers this fingerprint")},
        {"yes", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "pin without asking")},
    };
    verb.run = &pinHostKey;
    return verb;
}

const CommandRegistry::VerbRegistration checkRegistration("target", &makeCheckVerb);
const CommandRegistry::VerbRegistration pinRegistration("target", &makePinVerb);

} // namespace
} // namespace Cuttle::Cli
