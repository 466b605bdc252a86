// `cuttlectl variable list|set|delete --project P`: the variables stored with a project.
// Sensitive values go to the keychain and are never printed or written to the database.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "app/cli/secretinput.h"
#include "model/secrets/secretkey.h"
#include "model/store/projectrepository.h"
#include "model/store/variablerepository.h"

#include <QSet>

namespace Cuttle::Cli {
namespace {

const QList<std::pair<const char *, QStringList ScopeSpec::*>> kDimensions{
    {"environment", &ScopeSpec::environments}, {"machine", &ScopeSpec::machines},
    {"role", &ScopeSpec::roles},               {"step", &ScopeSpec::steps},
    {"channel", &ScopeSpec::channels},         {"tenant", &ScopeSpec::tenants},
    {"tenantTag", &ScopeSpec::tenantTags},     {"process", &ScopeSpec::processes},
};

const OptionSpec kProjectOption{"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project whose variables these are")};
const OptionSpec kScopeOption{"scope", "DIM=VALUE",
                              QT_TRANSLATE_NOOP("cuttlectl", "scope the value to an environment, machine, role, step, channel, tenant, tenantTag or process"),
                              true};

Result<ScopeSpec> scopeFrom(const ParsedArguments &args)
{
    ScopeSpec scope;
    for (const QString &item : args.values(QStringLiteral("scope"))) {
        const qsizetype equals = item.indexOf(u'=');
        const QString dim = item.left(equals);
        QStringList *list = nullptr;
        for (const auto &[name, member] : kDimensions) {
            if (dim == QLatin1String(name))
                list = &(scope.*member);
        }
        if (equals <= 0 || !list || equals + 1 >= item.size())
            return Error::validation(tr("The scope \"%1\" must be DIM=VALUE with DIM one of environment, machine, role, "
                                        "step, channel, tenant, tenantTag or process.")
                                         .arg(item));
        if (!list->contains(item.mid(equals + 1)))
            *list << item.mid(equals + 1);
    }
    return scope;
}

QJsonObject scopeJson(const ScopeSpec &scope)
{
    QJsonObject json;
    for (const auto &[name, member] : kDimensions) {
        if (!(scope.*member).isEmpty())
            json.insert(QLatin1String(name), QJsonArray::fromStringList(scope.*member));
    }
    return json;
}

QString scopeText(const ScopeSpec &scope)
{
    QStringList parts;
    for (const auto &[name, member] : kDimensions) {
        if (!(scope.*member).isEmpty())
            parts << QLatin1String(name) + u'=' + (scope.*member).join(u',');
    }
    return parts.join(QStringLiteral("; "));
}

QJsonObject toJson(const VariableRepository::Stored &stored)
{
    return {{QLatin1String("id"), stored.id},
            {QLatin1String("name"), stored.value.name},
            {QLatin1String("value"), stored.value.sensitive ? QJsonValue() : QJsonValue(stored.value.value)},
            {QLatin1String("sensitive"), stored.value.sensitive},
            {QLatin1String("scope"), scopeJson(stored.value.scope)}};
}

QString secretKey(CommandContext &context, const QString &variableId)
{
    return SecretKey(context.workspace()->id(), variableId, QStringLiteral("value")).toString();
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Value"), "shown"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Scope"), "scopeText"},
};

int list(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return context.usage(tr("The option --project is required."));
    auto projectId = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
    if (!projectId)
        return context.fail(projectId.error());
    auto all = VariableRepository(context.store()).list(VariableOwner::project(*projectId));
    if (!all)
        return context.fail(all.error());
    QJsonArray rows;
    for (const auto &stored : *all) {
        QJsonObject row = toJson(stored);
        if (!context.output().json()) {
            row.insert(QLatin1String("shown"), stored.value.sensitive ? QStringLiteral("********") : stored.value.value);
            row.insert(QLatin1String("scopeText"), scopeText(stored.value.scope));
        }
        rows.append(row);
    }
    context.output().list(rows, kColumns);
    return Success;
}

int set(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return context.usage(tr("The option --project is required."));
    auto projectId = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
    if (!projectId)
        return context.fail(projectId.error());
    auto scope = scopeFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    VariableValue value;
    value.name = args.positional(0);
    value.scope = *scope;
    value.sensitive = args.has(QStringLiteral("sensitive"));
    const auto text = args.value(QStringLiteral("value"));
    const auto file = args.value(QStringLiteral("value-file"));
    const bool fromStdin = args.has(QStringLiteral("value-stdin"));
    if (int(text.has_value()) + int(file.has_value()) + int(fromStdin) > 1)
        return context.usage(tr("Give only one of --value, --value-file and --value-stdin."));
    // A sensitive value on the command line could be read by other users in the process list.
    if (value.sensitive && text)
        return context.usage(tr("A sensitive value is never taken from the command line; use --value-file or --value-stdin."));
    if (file || fromStdin) {
        auto read = file ? SecretInput::fromFile(*file, true) : SecretInput::fromStandardInput(true);
        if (!read)
            return context.fail(read.error());
        value.value = QString::fromUtf8(*read);
    } else if (text) {
        value.value = *text;
    }

    auto saved = VariableRepository(context.store()).set(
        context.spaceId(), VariableOwner::project(*projectId), value, [&](const VariableRepository::Stored &stored) -> VoidResult {
            // A value that stops being sensitive must not stay behind in the keychain; a new
            // non-sensitive value never touches it (there may be no keychain at all).
            if (!value.sensitive)
                return stored.wasSensitive ? context.secrets()->remove(secretKey(context, stored.id)) : VoidResult();
            return context.secrets()->write(secretKey(context, stored.id), value.value.toUtf8());
        });
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Saved the variable \"%1\" (%2).").arg(saved->value.name, saved->id), toJson(*saved));
}

int remove(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return context.usage(tr("The option --project is required."));
    auto projectId = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
    if (!projectId)
        return context.fail(projectId.error());
    auto scope = scopeFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    auto removed = VariableRepository(context.store()).remove(
        context.spaceId(), VariableOwner::project(*projectId), args.positional(0), *scope, [&](const VariableRepository::Stored &stored) -> VoidResult {
            if (!stored.value.sensitive)
                return {};
            return context.secrets()->remove(secretKey(context, stored.id));
        });
    if (!removed)
        return context.fail(removed.error());
    context.output().changed(tr("Deleted the variable \"%1\" (%2).").arg(removed->value.name, removed->id),
                             QJsonObject{{QLatin1String("id"), removed->id},
                                         {QLatin1String("name"), removed->value.name},
                                         {QLatin1String("deleted"), true}});
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("variable");
    noun.aliases = {QStringLiteral("var")};
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "the variables of a project");

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list a project's variable values (sensitive ones masked)");
    listVerb.options = {kProjectOption};
    listVerb.run = &list;

    Verb setVerb;
    setVerb.name = QStringLiteral("set");
    setVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "add a value, or replace the one with the same name and scope");
    setVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the variable's name")}};
    setVerb.options = {kProjectOption,
                       {"value", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "the value (not for sensitive values)")},
                       {"value-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the value from FILE")},
                       {"value-stdin", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "read the value from standard input")},
                       {"sensitive", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "keep the value in the keychain and never show it")},
                       kScopeOption};
    setVerb.run = &set;

    Verb deleteVerb;
    deleteVerb.name = QStringLiteral("delete");
    deleteVerb.aliases = {QStringLiteral("rm")};
    deleteVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete the value with this name and exactly this scope");
    deleteVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the variable's name")}};
    deleteVerb.options = {kProjectOption, kScopeOption};
    deleteVerb.run = &remove;

    noun.verbs = {listVerb, setVerb, deleteVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
