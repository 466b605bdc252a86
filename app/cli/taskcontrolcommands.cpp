// `cuttlectl task run|cancel|interruption`: start a queued task here and follow it, stop a
// task wherever it runs, and answer what a waiting task asks for.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "app/cli/taskfollower.h"
#include "model/store/interruptionrepository.h"
#include "model/store/taskqueue.h"

namespace Cuttle::Cli {
namespace {

const PositionalSpec kTaskArgument{"TASK", QT_TRANSLATE_NOOP("cuttlectl", "the task's id, e.g. ServerTasks-12")};

QJsonObject interruptionJson(const Interruption &i)
{
    return {{QLatin1String("id"), i.id},
            {QLatin1String("task"), i.taskId},
            {QLatin1String("kind"), Interruption::kindName(i.kind)},
            {QLatin1String("title"), i.title},
            {QLatin1String("instructions"), i.instructions},
            {QLatin1String("answers"), QJsonArray::fromStringList(Interruption::responses(i.kind))},
            {QLatin1String("takenBy"), i.takenBy},
            {QLatin1String("response"), i.response},
            {QLatin1String("notes"), i.notes},
            {QLatin1String("resolved"), i.isResolved()}};
}

const QList<Output::Field> kInterruptionFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Title"), "title"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Instructions"), "instructions"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Answers"), "answers"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Taken by"), "takenBy"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Answer"), "response"},
};

Verb makeRunVerb()
{
    Verb verb;
    verb.name = QStringLiteral("run");
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "run a queued task here once it may start, streaming its log; exit 0 on success");
    verb.positionals = {kTaskArgument};
    verb.usesSpace = false;
    verb.run = [](CommandContext &context, const ParsedArguments &args) { return runAndFollow(context, args.positional(0)); };
    return verb;
}

Verb makeCancelVerb()
{
    Verb verb;
    verb.name = QStringLiteral("cancel");
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "cancel a task: a queued one at once, a running one stops its commands");
    verb.positionals = {kTaskArgument};
    verb.usesSpace = false;
    verb.run = [](CommandContext &context, const ParsedArguments &args) {
        auto state = TaskQueue(context.store()).requestCancel(args.positional(0));
        if (!state)
            return context.fail(state.error());
        const QString message = *state == TaskState::Canceled
                                    ? tr("%1 was canceled before it started.").arg(args.positional(0))
                                    : tr("%1 is cancelling; the process running it stops its commands.").arg(args.positional(0));
        return RecordVerbs::saved(context, message,
                                  {{QLatin1String("id"), args.positional(0)}, {QLatin1String("state"), toString(*state)}});
    };
    return verb;
}

Verb makeInterruptionVerb()
{
    Verb verb;
    verb.name = QStringLiteral("interruption");
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "show what a waiting task asks for, take it, or answer it");
    verb.positionals = {kTaskArgument};
    verb.options = {{"take", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "take responsibility for the interruption")},
                    {"answer", "ANSWER", QT_TRANSLATE_NOOP("cuttlectl", "proceed|abort (manual intervention) or fail|retry|ignore|exclude (guided failure)")},
                    {"notes", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "notes recorded with the answer")}};
    verb.usesSpace = false;
    verb.run = [](CommandContext &context, const ParsedArguments &args) {
        InterruptionRepository interruptions(context.store());
        auto pending = interruptions.forTask(args.positional(0), true);
        if (!pending)
            return context.fail(pending.error());
        if (pending->isEmpty())
            return context.fail(Error::notFound(tr("%1 is not waiting for anyone.").arg(args.positional(0))));
        const Interruption &first = pending->constFirst();
        if (args.has(QStringLiteral("answer"))) {
            auto answered = interruptions.answer(first.id, args.valueOr(QStringLiteral("answer")), args.valueOr(QStringLiteral("notes")));
            if (!answered)
                return context.fail(answered.error());
            return RecordVerbs::saved(context, tr("Answered \"%1\" with %2.").arg(answered->title, answered->response),
                                      interruptionJson(*answered));
        }
        if (args.has(QStringLiteral("take"))) {
            auto taken = interruptions.take(first.id);
            if (!taken)
                return context.fail(taken.error());
            return RecordVerbs::saved(context, tr("You took \"%1\".").arg(taken->title), interruptionJson(*taken));
        }
        context.output().object(interruptionJson(first), kInterruptionFields);
        return int(Success);
    };
    return verb;
}

const CommandRegistry::VerbRegistration runRegistration("task", &makeRunVerb);
const CommandRegistry::VerbRegistration cancelRegistration("task", &makeCancelVerb);
const CommandRegistry::VerbRegistration interruptionRegistration("task", &makeInterruptionVerb);

} // namespace
} // namespace Cuttle::Cli
