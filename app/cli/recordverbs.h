#pragma once

// Verbs that every kind of space-scoped record has in the same shape (list, show,
// delete), written once; nouns add their own create/update and special verbs.

#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "app/cli/verb.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace Cuttle::Cli::RecordVerbs {

template<typename Record>
using ToJson = std::function<QJsonObject(CommandContext &, const Record &)>;

inline PositionalSpec nameArgument(const char *help = QT_TRANSLATE_NOOP("cuttlectl", "the name or id of the record"))
{
    return {"NAME", help, PositionalSpec::Arity::Required};
}

template<typename Repository, typename Record>
Verb list(const char *summary, QList<Output::Field> columns, ToJson<Record> toJson)
{
    Verb verb;
    verb.name = QStringLiteral("list");
    verb.aliases = {QStringLiteral("ls")};
    verb.summary = summary;
    verb.run = [columns, toJson](CommandContext &context, const ParsedArguments &) {
        auto all = Repository(context.store()).list(context.spaceId());
        if (!all)
            return context.fail(all.error());
        QJsonArray rows;
        for (const Record &record : *all)
            rows.append(toJson(context, record));
        context.output().list(rows, columns);
        return int(Success);
    };
    return verb;
}

template<typename Repository, typename Record>
Verb show(const char *summary, QList<Output::Field> fields, ToJson<Record> toJson)
{
    Verb verb;
    verb.name = QStringLiteral("show");
    verb.summary = summary;
    verb.positionals = {nameArgument()};
    verb.run = [fields, toJson](CommandContext &context, const ParsedArguments &args) {
        auto record = Repository(context.store()).find(context.spaceId(), args.positional(0));
        if (!record)
            return context.fail(record.error());
        context.output().object(toJson(context, *record), fields);
        return int(Success);
    };
    return verb;
}

/// `what` is the translatable kind in a sentence ("environment"). `removeRecord` deletes by id;
/// by default the repository's remove(), for records with nothing outside the database.
template<typename Repository>
Verb remove(const char *summary, const char *what,
            std::function<VoidResult(CommandContext &, const QString &id)> removeRecord = {})
{
    Verb verb;
    verb.name = QStringLiteral("delete");
    verb.aliases = {QStringLiteral("rm")};
    verb.summary = summary;
    verb.positionals = {nameArgument()};
    verb.run = [what, removeRecord](CommandContext &context, const ParsedArguments &args) {
        Repository repository(context.store());
        auto record = repository.find(context.spaceId(), args.positional(0));
        if (!record)
            return context.fail(record.error());
        if (auto removed = removeRecord ? removeRecord(context, record->id) : repository.remove(record->id); !removed)
            return context.fail(removed.error());
        context.output().changed(tr("Deleted the %1 \"%2\" (%3).").arg(tr(what), record->name, record->id),
                                 QJsonObject{{QLatin1String("id"), record->id},
                                             {QLatin1String("name"), record->name},
                                             {QLatin1String("deleted"), true}});
        return int(Success);
    };
    return verb;
}

/// Prints the saved record after a create or update.
inline int saved(CommandContext &context, const QString &message, const QJsonObject &record)
{
    context.output().changed(message, record);
    return Success;
}

inline QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace Cuttle::Cli::RecordVerbs
