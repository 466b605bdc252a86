// `cuttlectl variable list|set|delete (--project P | --library-set S)`: the variables stored
// with a project or a library variable set. Sensitive values go to the keychain and are
// never printed or written to the database.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "app/cli/secretinput.h"
#include "model/core/variablesjson.h"
#include "model/engine/variableservice.h"
#include "model/store/libraryvariablesetrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/variablerepository.h"

namespace Cuttle::Cli {
namespace {

const OptionSpec kProjectOption{"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project whose variables these are")};
const OptionSpec kLibrarySetOption{"library-set", "SET", QT_TRANSLATE_NOOP("cuttlectl", "the library variable set whose variables these are")};
const OptionSpec kScopeOption{"scope", "DIM=VALUE",
                              QT_TRANSLATE_NOOP("cuttlectl", "scope the value to an environment, machine, role, step, channel, tenant, tenantTag or process"),
                              true};

/// --project or --library-set, exactly one; a usage error is reported as Validation.
Result<VariableOwner> ownerFrom(CommandContext &context, const ParsedArguments &args)
{
    const bool project = args.has(QStringLiteral("project"));
    const bool library = args.has(QStringLiteral("library-set"));
    if (project == library)
        return Error::validation(tr("Give exactly one of --project and --library-set."));
    if (project) {
        auto id = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
        if (!id)
            return id.error();
        return VariableOwner::project(*id);
    }
    auto id = context.idOf<LibraryVariableSetRepository>(args.valueOr(QStringLiteral("library-set")));
    if (!id)
        return id.error();
    return VariableOwner::librarySet(*id);
}

/// Usage problems exit with 2, a missing project or set with its own code.
int ownerFailure(CommandContext &context, const Error &error)
{
    return error.kind == ErrorKind::Validation ? context.usage(error.message) : context.fail(error);
}

Result<ScopeSpec> scopeFrom(const ParsedArguments &args)
{
    ScopeSpec scope;
    for (const QString &item : args.values(QStringLiteral("scope"))) {
        const qsizetype equals = item.indexOf(u'=');
        const QString dim = item.left(equals);
        QStringList *list = nullptr;
        for (const auto &[name, member] : ScopeSpec::dimensions()) {
            if (dim == name)
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

// The JSON spelling is the one of variables files, snapshots and exports (VariablesJson);
// the option also takes the shorter single-line, multi-line, checkbox and sensitive.
const QList<std::pair<const char *, VariablePrompt::Control>> kControlWords{
    {"single-line", VariablePrompt::Control::SingleLineText},
    {"multi-line", VariablePrompt::Control::MultiLineText},
    {"checkbox", VariablePrompt::Control::Checkbox},
    {"sensitive", VariablePrompt::Control::Sensitive},
};

std::optional<VariablePrompt::Control> controlFrom(const QString &text)
{
    for (const auto &[word, value] : kControlWords) {
        if (text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0)
            return value;
    }
    return VariablesJson::controlFromString(text);
}

QJsonValue promptJson(const std::optional<VariablePrompt> &prompt)
{
    if (!prompt)
        return QJsonValue();
    return QJsonObject{{QLatin1String("label"), prompt->label},
                       {QLatin1String("description"), prompt->description},
                       {QLatin1String("required"), prompt->required},
                       {QLatin1String("control"), VariablesJson::toString(prompt->control)}};
}

QJsonObject toJson(const VariableRepository::Stored &stored)
{
    return {{QLatin1String("id"), stored.id},
            {QLatin1String("name"), stored.value.name},
            {QLatin1String("value"), stored.value.sensitive ? QJsonValue() : QJsonValue(stored.value.value)},
            {QLatin1String("sensitive"), stored.value.sensitive},
            {QLatin1String("scope"), VariablesJson::scopeToJson(stored.value.scope)},
            {QLatin1String("description"), stored.value.description},
            {QLatin1String("prompt"), promptJson(stored.value.prompt)}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Value"), "shown"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Scope"), "scopeText"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Prompt"), "promptText"},
};

VariableService service(CommandContext &context)
{
    return VariableService(context.workspace(), context.secrets());
}

int list(CommandContext &context, const ParsedArguments &args)
{
    auto owner = ownerFrom(context, args);
    if (!owner)
        return ownerFailure(context, owner.error());
    auto all = VariableRepository(context.store()).list(*owner);
    if (!all)
        return context.fail(all.error());
    QJsonArray rows;
    for (const auto &stored : *all) {
        QJsonObject row = toJson(stored);
        if (!context.output().json()) {
            row.insert(QLatin1String("shown"), stored.value.sensitive ? QStringLiteral("********") : stored.value.value);
            row.insert(QLatin1String("scopeText"), VariablesJson::scopeText(stored.value.scope));
            if (stored.value.prompt)
                row.insert(QLatin1String("promptText"), stored.value.prompt->required
                                                            ? tr("%1 (required)").arg(stored.value.prompt->label)
                                                            : stored.value.prompt->label);
        }
        rows.append(row);
    }
    context.output().list(rows, kColumns);
    return Success;
}

Result<std::optional<VariablePrompt>> promptFrom(const ParsedArguments &args)
{
    const auto label = args.value(QStringLiteral("prompt"));
    const bool required = args.has(QStringLiteral("prompt-required"));
    const auto description = args.value(QStringLiteral("prompt-description"));
    const auto control = args.value(QStringLiteral("prompt-control"));
    if (!label) {
        if (required || description || control)
            return Error::validation(tr("--prompt-required, --prompt-description and --prompt-control need --prompt LABEL."));
        return std::optional<VariablePrompt>();
    }
    if (label->trimmed().isEmpty())
        return Error::validation(tr("The prompt needs a label."));
    VariablePrompt prompt;
    prompt.label = *label;
    prompt.required = required;
    prompt.description = description.value_or(QString());
    if (control) {
        const auto known = controlFrom(*control);
        if (!known)
            return Error::validation(tr("The prompt control \"%1\" is unknown; use single-line, multi-line, checkbox or sensitive.")
                                         .arg(*control));
        prompt.control = *known;
    }
    return std::optional<VariablePrompt>(prompt);
}

int set(CommandContext &context, const ParsedArguments &args)
{
    auto owner = ownerFrom(context, args);
    if (!owner)
        return ownerFailure(context, owner.error());
    auto scope = scopeFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    auto prompt = promptFrom(args);
    if (!prompt)
        return context.usage(prompt.error().message);
    VariableValue value;
    value.name = args.positional(0);
    value.scope = *scope;
    value.sensitive = args.has(QStringLiteral("sensitive"));
    value.description = args.valueOr(QStringLiteral("description"));
    value.prompt = *prompt;
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

    auto saved = service(context).set(context.spaceId(), *owner, value);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Saved the variable \"%1\" (%2).").arg(saved->value.name, saved->id), toJson(*saved));
}

int remove(CommandContext &context, const ParsedArguments &args)
{
    auto owner = ownerFrom(context, args);
    if (!owner)
        return ownerFailure(context, owner.error());
    auto scope = scopeFrom(args);
    if (!scope)
        return context.usage(scope.error().message);
    auto removed = service(context).remove(context.spaceId(), *owner, args.positional(0), *scope);
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
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "the variables of a project or a library variable set");

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list the variable values of a project or library set (sensitive ones masked)");
    listVerb.options = {kProjectOption, kLibrarySetOption};
    listVerb.run = &list;

    Verb setVerb;
    setVerb.name = QStringLiteral("set");
    setVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "add a value, or replace the one with the same name and scope");
    setVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the variable's name")}};
    setVerb.options = {kProjectOption,
                       kLibrarySetOption,
                       {"value", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "the value (not for sensitive values)")},
                       {"value-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the value from FILE")},
                       {"value-stdin", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "read the value from standard input")},
                       {"sensitive", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "keep the value in the keychain and never show it")},
                       kScopeOption,
                       {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the variable is for")},
                       {"prompt", "LABEL", QT_TRANSLATE_NOOP("cuttlectl", "ask for the value at deployment time under LABEL")},
                       {"prompt-description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "help shown with the prompt")},
                       {"prompt-required", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "the prompt must be answered")},
                       {"prompt-control", "CONTROL", QT_TRANSLATE_NOOP("cuttlectl", "single-line (default), multi-line, checkbox or sensitive")}};
    setVerb.run = &set;

    Verb deleteVerb;
    deleteVerb.name = QStringLiteral("delete");
    deleteVerb.aliases = {QStringLiteral("rm")};
    deleteVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete the value with this name and exactly this scope");
    deleteVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the variable's name")}};
    deleteVerb.options = {kProjectOption, kLibrarySetOption, kScopeOption};
    deleteVerb.run = &remove;

    noun.verbs = {listVerb, setVerb, deleteVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
