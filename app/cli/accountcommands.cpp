#include "app/cli/commandregistry.h"
#include "app/cli/enumarguments.h"
#include "app/cli/recordverbs.h"
#include "app/cli/secretinput.h"
#include "model/engine/accountservice.h"
#include "model/store/accountrepository.h"
#include "model/store/environmentrepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &context, const Account &a)
{
    using RecordVerbs::toArray;
    return {{QLatin1String("id"), a.id},
            {QLatin1String("name"), a.name},
            {QLatin1String("description"), a.description},
            {QLatin1String("kind"), toString(a.kind)},
            {QLatin1String("username"), a.username},
            {QLatin1String("environmentIds"), toArray(a.environmentIds)},
            {QLatin1String("environments"), toArray(context.namesOf<EnvironmentRepository>(a.environmentIds))},
            {QLatin1String("hasPassword"), a.hasPassword},
            {QLatin1String("hasPrivateKey"), a.hasPrivateKey},
            {QLatin1String("hasPassphrase"), a.hasPassphrase}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Kind"), "kind"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Username"), "username"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Environments"), "environments"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Kind"), "kind"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Username"), "username"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Environments"), "environments"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Password stored"), "hasPassword"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Private key stored"), "hasPrivateKey"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Passphrase stored"), "hasPassphrase"},
};

const QList<OptionSpec> kEditOptions{
    {"username", "USER", QT_TRANSLATE_NOOP("cuttlectl", "the user name to log in as")},
    {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the account is for")},
    {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "an environment the account may be used in (none: all); replaces the list"), true},
    {"all-environments", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "allow the account in every environment")},
    {"password-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the password from FILE (its first line break is dropped)")},
    {"password-stdin", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "read the password from standard input")},
    {"private-key-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the SSH private key (OpenSSH or PEM) from FILE")},
    {"passphrase-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the private key's passphrase from FILE")},
    {"passphrase-stdin", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "read the private key's passphrase from standard input")},
};

/// Secret values come from files, standard input or a prompt; the command line never
/// carries them. On create, a password is asked for when none was given and a person
/// is at the terminal.
Result<AccountSecrets> readSecrets(const ParsedArguments &args, AccountKind kind, bool creating)
{
    AccountSecrets secrets;
    if (auto file = args.value(QStringLiteral("password-file"))) {
        auto read = SecretInput::fromFile(*file, true);
        if (!read)
            return read.error();
        secrets.password = *read;
    } else if (args.has(QStringLiteral("password-stdin"))) {
        auto read = SecretInput::fromStandardInput(true);
        if (!read)
            return read.error();
        secrets.password = *read;
    } else if (creating && kind != AccountKind::SshKeyPair && SecretInput::standardInputIsTerminal()) {
        auto read = SecretInput::prompt(tr("Password: "));
        if (!read)
            return read.error();
        secrets.password = *read;
    }
    if (auto file = args.value(QStringLiteral("private-key-file"))) {
        auto read = SecretInput::fromFile(*file, false);
        if (!read)
            return read.error();
        secrets.privateKey = *read;
    }
    if (auto file = args.value(QStringLiteral("passphrase-file"))) {
        auto read = SecretInput::fromFile(*file, true);
        if (!read)
            return read.error();
        secrets.passphrase = *read;
    } else if (args.has(QStringLiteral("passphrase-stdin"))) {
        auto read = SecretInput::fromStandardInput(true);
        if (!read)
            return read.error();
        secrets.passphrase = *read;
    }
    return secrets;
}

VoidResult apply(CommandContext &context, Account &a, const ParsedArguments &args)
{
    if (auto username = args.value(QStringLiteral("username")))
        a.username = *username;
    if (auto description = args.value(QStringLiteral("description")))
        a.description = *description;
    if (args.has(QStringLiteral("environment"))) {
        auto ids = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("environment")));
        if (!ids)
            return ids.error();
        a.environmentIds = *ids;
    }
    if (args.has(QStringLiteral("all-environments")))
        a.environmentIds.clear();
    return {};
}

int checkSecretSources(CommandContext &context, const ParsedArguments &args)
{
    if (args.has(QStringLiteral("password-stdin")) && args.has(QStringLiteral("passphrase-stdin")))
        return context.usage(tr("Only one secret can be read from standard input; give the other one with a file option."));
    if (args.has(QStringLiteral("password-stdin")) && args.has(QStringLiteral("password-file")))
        return context.usage(tr("Give the password either with --password-file or with --password-stdin, not both."));
    if (args.has(QStringLiteral("passphrase-stdin")) && args.has(QStringLiteral("passphrase-file")))
        return context.usage(tr("Give the passphrase either with --passphrase-file or with --passphrase-stdin, not both."));
    if (args.has(QStringLiteral("environment")) && args.has(QStringLiteral("all-environments")))
        return context.usage(tr("The options --environment and --all-environments contradict each other."));
    return Success;
}

int create(CommandContext &context, const ParsedArguments &args)
{
    if (int code = checkSecretSources(context, args); code != Success)
        return code;
    Account a;
    a.spaceId = context.spaceId();
    a.name = args.positional(0);
    auto kind = EnumArguments::parse<AccountKind>(args.valueOr(QStringLiteral("kind"), QStringLiteral("username-password")),
                                                  &accountKindFromString, QStringLiteral("kind"), EnumArguments::kAccountKinds);
    if (!kind)
        return context.fail(kind.error());
    a.kind = *kind;
    if (auto applied = apply(context, a, args); !applied)
        return context.fail(applied.error());
    auto secrets = readSecrets(args, a.kind, true);
    if (!secrets)
        return context.fail(secrets.error());
    AccountService service(context.workspace(), context.secrets());
    auto saved = service.create(a, *secrets);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the account \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    if (int code = checkSecretSources(context, args); code != Success)
        return code;
    auto a = AccountRepository(context.store()).find(context.spaceId(), args.positional(0));
    if (!a)
        return context.fail(a.error());
    if (auto name = args.value(QStringLiteral("name")))
        a->name = *name;
    if (auto applied = apply(context, *a, args); !applied)
        return context.fail(applied.error());
    auto secrets = readSecrets(args, a->kind, false);
    if (!secrets)
        return context.fail(secrets.error());
    AccountService service(context.workspace(), context.secrets());
    auto saved = service.update(*a, *secrets);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the account \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int remove(CommandContext &context, const ParsedArguments &args)
{
    auto a = AccountRepository(context.store()).find(context.spaceId(), args.positional(0));
    if (!a)
        return context.fail(a.error());
    AccountService service(context.workspace(), context.secrets());
    if (auto removed = service.remove(a->id); !removed)
        return context.fail(removed.error());
    context.output().changed(tr("Deleted the account \"%1\" (%2) and its secrets.").arg(a->name, a->id),
                             {{QLatin1String("id"), a->id}, {QLatin1String("name"), a->name}, {QLatin1String("deleted"), true}});
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("account");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "credentials for reaching targets; secrets live in the system keychain");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create an account; secrets come from a prompt, a file or standard input, never from the command line");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new account")}};
    createVerb.options = QList<OptionSpec>{{"kind", "KIND", QT_TRANSLATE_NOOP("cuttlectl", "username-password|ssh-key-pair|winrm (default username-password)")}}
                         + kEditOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change an account; only the options given change, secrets included");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = QList<OptionSpec>{{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the account")}} + kEditOptions;
    updateVerb.run = &update;

    Verb removeVerb;
    removeVerb.name = QStringLiteral("delete");
    removeVerb.aliases = {QStringLiteral("rm")};
    removeVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete an account that no target uses, with its secrets");
    removeVerb.positionals = {RecordVerbs::nameArgument()};
    removeVerb.run = &remove;

    noun.verbs = {
        RecordVerbs::list<AccountRepository, Account>(QT_TRANSLATE_NOOP("cuttlectl", "list the accounts"), kColumns, &toJson),
        RecordVerbs::show<AccountRepository, Account>(QT_TRANSLATE_NOOP("cuttlectl", "show one account (never its secrets)"), kFields, &toJson),
        createVerb,
        updateVerb,
        removeVerb,
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
