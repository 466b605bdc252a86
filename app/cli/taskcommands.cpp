#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/taskfollower.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "model/store/taskrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace Cuttle::Cli {
namespace {

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QString::number(double(ms) / 1000.0, 'f', 1) + u's';
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return QStringLiteral("%1m %2s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1h %2m").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QJsonObject toJson(const Task &t)
{
    return {{QLatin1String("id"), t.id},
            {QLatin1String("spaceId"), t.spaceId.isEmpty() ? QJsonValue() : QJsonValue(t.spaceId)},
            {QLatin1String("kind"), t.kind},
            {QLatin1String("description"), t.description},
            {QLatin1String("state"), toString(t.state)},
            {QLatin1String("createdAt"), timeOrNull(t.createdAt)},
            {QLatin1String("createdBy"), t.createdBy},
            {QLatin1String("startedAt"), timeOrNull(t.startedAt)},
            {QLatin1String("completedAt"), timeOrNull(t.completedAt)},
            {QLatin1String("duration"), durationText(t.durationMs())},
            {QLatin1String("errorMessage"), t.errorMessage},
            {QLatin1String("arguments"), t.arguments}};
}

QJsonObject toJson(const TaskLogLine &line)
{
    return {{QLatin1String("id"), line.id},
            {QLatin1String("at"), timeOrNull(line.at)},
            {QLatin1String("category"), toString(line.category)},
            {QLatin1String("text"), line.text}};
}

Result<int> positiveNumber(const ParsedArguments &args, const QString &option, int fallback)
{
    const auto text = args.value(option);
    if (!text)
        return fallback;
    bool ok = false;
    const int value = text->toInt(&ok);
    if (!ok || value < 1)
        return Error::validation(tr("--%1 must be a positive number, not \"%2\".").arg(option, *text));
    return value;
}

int list(CommandContext &context, const ParsedArguments &args)
{
    auto limit = positiveNumber(args, QStringLiteral("limit"), 50);
    if (!limit)
        return context.fail(limit.error());
    auto skip = args.value(QStringLiteral("skip")).value_or(QStringLiteral("0")).toInt();
    TaskRepository repository(context.store());
    // Tasks a crashed or killed Cuttle left running would otherwise be listed as running forever.
    (void)repository.markInterrupted();
    auto tasks = repository.list({}, std::max(0, skip), *limit);
    if (!tasks)
        return context.fail(tasks.error());
    QJsonArray rows;
    for (const Task &t : *tasks)
        rows.append(toJson(t));
    context.output().list(rows, {
        {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
        {QT_TRANSLATE_NOOP("cuttlectl", "State"), "state"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Started (UTC)"), "startedAt"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Duration"), "duration"},
    });
    return Success;
}

int show(CommandContext &context, const ParsedArguments &args)
{
    auto task = TaskRepository(context.store()).get(args.positional(0));
    if (!task)
        return context.fail(task.error());
    context.output().object(toJson(*task), {
        {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Kind"), "kind"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
        {QT_TRANSLATE_NOOP("cuttlectl", "State"), "state"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Created (UTC)"), "createdAt"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Created by"), "createdBy"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Started (UTC)"), "startedAt"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Completed (UTC)"), "completedAt"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Duration"), "duration"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Error"), "errorMessage"},
    });
    return Success;
}

int log(CommandContext &context, const ParsedArguments &args)
{
    if (args.has(QStringLiteral("follow")))
        return followLog(context, args.positional(0));
    TaskRepository repository(context.store());
    auto task = repository.get(args.positional(0));
    if (!task)
        return context.fail(task.error());
    auto nodes = repository.nodes(task->id);
    if (!nodes)
        return context.fail(nodes.error());
    auto lines = repository.linesAfter(task->id, 0, 0);
    if (!lines)
        return context.fail(lines.error());

    if (args.has(QStringLiteral("raw"))) {
        QString text;
        for (const TaskLogLine &line : std::as_const(*lines))
            text += line.text + u'\n';
        Output::write(text);
        return Success;
    }

    QHash<qint64, QList<TaskLogLine>> linesByNode;
    for (const TaskLogLine &line : std::as_const(*lines))
        linesByNode[line.nodeId] << line;
    QHash<qint64, QList<TaskLogNode>> children;
    for (const TaskLogNode &node : std::as_const(*nodes))
        children[node.parentId] << node;

    if (context.output().json()) {
        const auto lineArray = [&](qint64 nodeId) {
            QJsonArray array;
            for (const TaskLogLine &line : linesByNode.value(nodeId))
                array.append(toJson(line));
            return array;
        };
        std::function<QJsonArray(qint64)> nodeArray = [&](qint64 parentId) {
            QJsonArray array;
            for (const TaskLogNode &node : children.value(parentId)) {
                array.append(QJsonObject{{QLatin1String("id"), node.id},
                                         {QLatin1String("kind"), node.kind},
                                         {QLatin1String("name"), node.name},
                                         {QLatin1String("status"), toString(node.status)},
                                         {QLatin1String("startedAt"), timeOrNull(node.startedAt)},
                                         {QLatin1String("endedAt"), timeOrNull(node.endedAt)},
                                         {QLatin1String("lines"), lineArray(node.id)},
                                         {QLatin1String("children"), nodeArray(node.id)}});
            }
            return array;
        };
        QJsonObject record = toJson(*task);
        record.insert(QLatin1String("lines"), lineArray(0));
        record.insert(QLatin1String("nodes"), nodeArray(0));
        Output::write(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Indented)));
        return Success;
    }

    QString text = tr("%1: %2 (%3)").arg(task->id, task->description, displayName(task->state)) + u'\n';
    if (!task->errorMessage.isEmpty())
        text += task->errorMessage + u'\n';
    const auto writeLines = [&](qint64 nodeId, int depth) {
        for (const TaskLogLine &line : linesByNode.value(nodeId)) {
            text += QString(depth * 2, u' ') + line.at.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")) + u"  "
                    + toString(line.category).leftJustified(9) + line.text + u'\n';
        }
    };
    writeLines(0, 1);
    std::function<void(qint64, int)> writeNodes = [&](qint64 parentId, int depth) {
        for (const TaskLogNode &node : children.value(parentId)) {
            text += QString(depth * 2, u' ') + tr("%1 (%2)").arg(node.name, displayName(node.status)) + u'\n';
            writeLines(node.id, depth + 1);
            writeNodes(node.id, depth + 1);
        }
    };
    writeNodes(0, 0);
    Output::write(text);
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("task");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "tasks (script runs, later deployments) and their logs");

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list tasks of every space, newest first");
    listVerb.usesSpace = false;
    listVerb.options = {{"limit", "N", QT_TRANSLATE_NOOP("cuttlectl", "at most N tasks (default 50)")},
                        {"skip", "N", QT_TRANSLATE_NOOP("cuttlectl", "leave out the N newest tasks (for paging)")}};
    listVerb.run = &list;

    Verb showVerb;
    showVerb.name = QStringLiteral("show");
    showVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "show a task's state, times and error");
    showVerb.usesSpace = false;
    showVerb.positionals = {{"ID", QT_TRANSLATE_NOOP("cuttlectl", "the task id, e.g. ServerTasks-12")}};
    showVerb.run = &show;

    Verb logVerb;
    logVerb.name = QStringLiteral("log");
    logVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "print a task's log as a tree of steps and targets");
    logVerb.usesSpace = false;
    logVerb.positionals = {{"ID", QT_TRANSLATE_NOOP("cuttlectl", "the task id, e.g. ServerTasks-12")}};
    logVerb.options = {{"raw", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "only the text of the lines, in the order they were written")},
                       {"follow", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "print lines as they are written until the task ends; exit 0 when it succeeded")}};
    logVerb.run = &log;

    noun.verbs = {listVerb, showVerb, logVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
