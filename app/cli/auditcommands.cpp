#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/auditlog.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(const AuditEvent &e)
{
    QJsonArray changes;
    for (const AuditChange &c : e.changes) {
        // Secret fields only say that they changed; the store never records their values.
        QJsonObject change{{QLatin1String("field"), c.field}, {QLatin1String("secret"), c.secret}};
        if (!c.secret) {
            change.insert(QLatin1String("before"), c.before);
            change.insert(QLatin1String("after"), c.after);
        }
        changes.append(change);
    }
    return {{QLatin1String("id"), e.id},
            {QLatin1String("occurredAt"), e.occurredAt.toUTC().toString(Qt::ISODate)},
            {QLatin1String("username"), e.username},
            {QLatin1String("spaceId"), e.spaceId},
            {QLatin1String("action"), e.action},
            {QLatin1String("documentKind"), e.documentKind},
            {QLatin1String("documentId"), e.documentId},
            {QLatin1String("documentName"), e.documentName},
            {QLatin1String("changes"), changes}};
}

int list(CommandContext &context, const ParsedArguments &args)
{
    int limit = 200;
    if (auto text = args.value(QStringLiteral("limit"))) {
        bool ok = false;
        limit = text->toInt(&ok);
        if (!ok || limit < 1)
            return context.fail(Error::validation(tr("The limit must be a positive number, not \"%1\".").arg(*text)));
    }
    auto events = AuditLog(context.store()).list(args.valueOr(QStringLiteral("document")), limit);
    if (!events)
        return context.fail(events.error());
    QJsonArray rows;
    for (const AuditEvent &e : *events)
        rows.append(toJson(e));
    context.output().list(rows, {
        {QT_TRANSLATE_NOOP("cuttlectl", "When (UTC)"), "occurredAt"},
        {QT_TRANSLATE_NOOP("cuttlectl", "User"), "username"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Action"), "action"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Kind"), "documentKind"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "documentId"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "documentName"},
    });
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("audit");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "who changed what, when");
    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list audit events, newest first");
    listVerb.usesSpace = false;
    listVerb.options = {{"document", "ID", QT_TRANSLATE_NOOP("cuttlectl", "only events about the record with this id")},
                        {"limit", "N", QT_TRANSLATE_NOOP("cuttlectl", "at most N events (default 200)")}};
    listVerb.run = &list;
    noun.verbs = {listVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
