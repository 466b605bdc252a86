#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/tagsetrepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &, const TagSet &s)
{
    QJsonArray tags;
    QStringList tagNames;
    for (const Tag &tag : s.tags) {
        tags.append(QJsonObject{{QLatin1String("id"), tag.id},
                                {QLatin1String("name"), tag.name},
                                {QLatin1String("color"), tag.color},
                                {QLatin1String("description"), tag.description}});
        tagNames << tag.name;
    }
    return {{QLatin1String("id"), s.id},
            {QLatin1String("name"), s.name},
            {QLatin1String("description"), s.description},
            {QLatin1String("sortOrder"), s.sortOrder},
            {QLatin1String("tagNames"), RecordVerbs::toArray(tagNames)},
            {QLatin1String("tags"), tags}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tags"), "tagNames"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tags"), "tags"},
};

/// "Premium" or "Premium:#d8a33b".
Tag parseTag(const QString &text)
{
    Tag tag;
    const qsizetype colon = text.lastIndexOf(QLatin1String(":#"));
    if (colon >= 0) {
        tag.name = text.left(colon);
        tag.color = text.mid(colon + 1);
    } else {
        tag.name = text;
    }
    return tag;
}

int saveAndPrint(CommandContext &context, TagSetRepository &sets, const TagSet &s)
{
    auto saved = sets.update(s);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the tag set \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int create(CommandContext &context, const ParsedArguments &args)
{
    TagSet s;
    s.spaceId = context.spaceId();
    s.name = args.positional(0);
    s.description = args.valueOr(QStringLiteral("description"));
    for (const QString &text : args.values(QStringLiteral("tag")))
        s.tags << parseTag(text);
    auto saved = TagSetRepository(context.store()).create(s);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the tag set \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    TagSetRepository sets(context.store());
    auto s = sets.find(context.spaceId(), args.positional(0));
    if (!s)
        return context.fail(s.error());
    s->name = args.valueOr(QStringLiteral("name"), s->name);
    s->description = args.valueOr(QStringLiteral("description"), s->description);
    return saveAndPrint(context, sets, *s);
}

int addTag(CommandContext &context, const ParsedArguments &args)
{
    TagSetRepository sets(context.store());
    auto s = sets.find(context.spaceId(), args.positional(0));
    if (!s)
        return context.fail(s.error());
    Tag tag = parseTag(args.positional(1));
    tag.color = args.valueOr(QStringLiteral("color"), tag.color);
    tag.description = args.valueOr(QStringLiteral("description"));
    s->tags << tag;
    return saveAndPrint(context, sets, *s);
}

int removeTag(CommandContext &context, const ParsedArguments &args)
{
    TagSetRepository sets(context.store());
    auto s = sets.find(context.spaceId(), args.positional(0));
    if (!s)
        return context.fail(s.error());
    const QString name = args.positional(1);
    if (s->tags.removeIf([&](const Tag &t) { return t.id == name || t.name.compare(name, Qt::CaseInsensitive) == 0; }) == 0)
        return context.fail(Error::notFound(tr("The tag set \"%1\" has no tag named \"%2\".").arg(s->name, name)));
    return saveAndPrint(context, sets, *s);
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("tag-set");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "ordered sets of tags that classify tenants");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a tag set");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new tag set")}};
    createVerb.options = {{"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the tags classify")},
                          {"tag", "NAME[:#RRGGBB]", QT_TRANSLATE_NOOP("cuttlectl", "a tag, optionally with its colour"), true}};
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a tag set; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = {{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the tag set")},
                          {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the tags classify")}};
    updateVerb.run = &update;

    Verb addTagVerb;
    addTagVerb.name = QStringLiteral("add-tag");
    addTagVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "append a tag to a tag set");
    addTagVerb.positionals = {{"SET", QT_TRANSLATE_NOOP("cuttlectl", "the tag set, by name or id")},
                              {"TAG", QT_TRANSLATE_NOOP("cuttlectl", "the new tag's name, optionally NAME:#RRGGBB")}};
    addTagVerb.options = {{"color", "#RRGGBB", QT_TRANSLATE_NOOP("cuttlectl", "the tag's colour")},
                          {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the tag means")}};
    addTagVerb.run = &addTag;

    Verb removeTagVerb;
    removeTagVerb.name = QStringLiteral("remove-tag");
    removeTagVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "remove a tag that no tenant or target carries");
    removeTagVerb.positionals = {{"SET", QT_TRANSLATE_NOOP("cuttlectl", "the tag set, by name or id")},
                                 {"TAG", QT_TRANSLATE_NOOP("cuttlectl", "the tag, by name or id")}};
    removeTagVerb.run = &removeTag;

    noun.verbs = {
        RecordVerbs::list<TagSetRepository, TagSet>(QT_TRANSLATE_NOOP("cuttlectl", "list the tag sets in their order"), kColumns, &toJson),
        RecordVerbs::show<TagSetRepository, TagSet>(QT_TRANSLATE_NOOP("cuttlectl", "show a tag set with its tags"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<TagSetRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a tag set whose tags nothing carries"),
                                              QT_TRANSLATE_NOOP("cuttlectl", "tag set")),
        addTagVerb,
        removeTagVerb,
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
