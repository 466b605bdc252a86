#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/engine/builtinrepository.h"
#include "model/store/sqlquery.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace Cuttle::Cli {
namespace {

BuiltinRepository repositoryOf(CommandContext &context)
{
    return BuiltinRepository(context.store(), context.workspace()->packagesDirectory(), context.spaceId());
}

QJsonObject toJson(const PackageRepository::Record &r)
{
    return {{QLatin1String("id"), r.id},
            {QLatin1String("packageId"), r.packageId},
            {QLatin1String("version"), r.version},
            {QLatin1String("normalizedVersion"), r.normalizedVersion},
            {QLatin1String("format"), r.format},
            {QLatin1String("size"), double(r.size)},
            {QLatin1String("sha256"), r.sha256},
            {QLatin1String("filePath"), r.filePath},
            {QLatin1String("uploadedAt"), toStoredTime(r.uploadedAt)},
            {QLatin1String("uploadedBy"), r.uploadedBy},
            {QLatin1String("title"), r.title},
            {QLatin1String("authors"), r.authors},
            {QLatin1String("description"), r.description},
            {QLatin1String("releaseNotes"), r.releaseNotes}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Package"), "packageId"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Version"), "version"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Format"), "format"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Size"), "size"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Uploaded"), "uploadedAt"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Package"), "packageId"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Version"), "version"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Format"), "format"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Size"), "size"},
    {QT_TRANSLATE_NOOP("cuttlectl", "SHA-256"), "sha256"},
    {QT_TRANSLATE_NOOP("cuttlectl", "File"), "filePath"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Uploaded"), "uploadedAt"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Uploaded by"), "uploadedBy"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Title"), "title"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Authors"), "authors"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Release notes"), "releaseNotes"},
};

const QList<PositionalSpec> kIdAndVersion{
    {"ID", QT_TRANSLATE_NOOP("cuttlectl", "the package id"), PositionalSpec::Arity::Required},
    {"VERSION", QT_TRANSLATE_NOOP("cuttlectl", "the version (compared semantically: 1.0 is 1.0.0)"), PositionalSpec::Arity::Required},
};

int push(CommandContext &context, const ParsedArguments &args)
{
    BuiltinRepository repository = repositoryOf(context);
    const bool replace = args.has(QStringLiteral("replace"));
    bool rejected = false;
    bool failed = false;
    QJsonArray results;
    for (const QString &file : args.positionals()) {
        auto pushed = repository.push(file, replace);
        if (!pushed) {
            const Error &error = pushed.error();
            if (error.kind == ErrorKind::Failed || error.kind == ErrorKind::Cancelled)
                failed = true;
            else
                rejected = true;
            Output::writeError(QStringLiteral("cuttlectl: ") + QFileInfo(file).fileName() + QStringLiteral(": ")
                               + error.message + u'\n');
            results.append(QJsonObject{{QLatin1String("file"), file},
                                       {QLatin1String("outcome"), QStringLiteral("Rejected")},
                                       {QLatin1String("error"), error.message}});
            continue;
        }
        QString outcome;
        QString line;
        const QString name = pushed->record.displayName();
        switch (pushed->outcome) {
        case BuiltinRepository::PushOutcome::Added:
            outcome = QStringLiteral("Added");
            line = tr("Added %1 (%2).").arg(name, pushed->record.id);
            break;
        case BuiltinRepository::PushOutcome::Unchanged:
            outcome = QStringLiteral("Unchanged");
            line = tr("Unchanged %1: the repository already has this very file.").arg(name);
            break;
        case BuiltinRepository::PushOutcome::Replaced:
            outcome = QStringLiteral("Replaced");
            line = tr("Replaced %1 (%2).").arg(name, pushed->record.id);
            break;
        }
        QJsonObject row = toJson(pushed->record);
        row.insert(QLatin1String("file"), file);
        row.insert(QLatin1String("outcome"), outcome);
        results.append(row);
        context.output().message(line);
    }
    if (context.output().json())
        Output::write(QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Indented)));
    if (failed)
        return Failed;
    return rejected ? Invalid : Success;
}

// Output shows numbers in short floating-point form; byte counts read better in full.
QJsonObject forPeople(CommandContext &context, QJsonObject row)
{
    if (!context.output().json())
        row.insert(QLatin1String("size"), QString::number(qint64(row.value(QLatin1String("size")).toDouble())));
    return row;
}

// A JSON string exactly as QJsonDocument writes it. Plain ASCII, nearly every value, is
// copied as is; anything to escape or encode goes through Qt's own writer.
void appendJsonString(QByteArray &out, const QString &text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
    out += '"';
    if (plain) {
        out += text.toLatin1();
    } else {
        const QByteArray quoted = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        out += QByteArrayView(quoted).sliced(2, quoted.size() - 4); // inside [" and "]
    }
    out += '"';
}

// toStoredTime() as JSON, without QDateTime::toString()'s formatting machinery, which took a
// tenth of a long list's time.
void appendStoredTime(QByteArray &out, const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!utc.isValid() || date.year() < 1 || date.year() > 9999) {
        appendJsonString(out, toStoredTime(time));
        return;
    }
    char text[32];
    const int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", date.year(), date.month(),
                                date.day(), clock.hour(), clock.minute(), clock.second(), clock.msec());
    out.append(text, n);
}

// `cuttlectl --json package list` writes the bytes QJsonDocument(rows).toJson(Indented)
// would (keys in its sorted order, four-space indent), without building ten thousand
// QJsonObjects first: that took most of the command's time on a large repository.
QByteArray recordsAsJson(const QList<PackageRepository::Record> &records)
{
    QByteArray out;
    out.reserve(records.size() * 720 + 4);
    out += "[\n";
    for (qsizetype i = 0; i < records.size(); ++i) {
        const PackageRepository::Record &r = records.at(i);
        const QByteArray size = QJsonDocument(QJsonArray{double(r.size)}).toJson(QJsonDocument::Compact);
        const auto field = [&out](const char *key) {
            out += "        \"";
            out += key;
            out += "\": ";
        };
        out += "    {\n";
        field("authors"); appendJsonString(out, r.authors); out += ",\n";
        field("description"); appendJsonString(out, r.description); out += ",\n";
        field("filePath"); appendJsonString(out, r.filePath); out += ",\n";
        field("format"); appendJsonString(out, r.format); out += ",\n";
        field("id"); appendJsonString(out, r.id); out += ",\n";
        field("normalizedVersion"); appendJsonString(out, r.normalizedVersion); out += ",\n";
        field("packageId"); appendJsonString(out, r.packageId); out += ",\n";
        field("releaseNotes"); appendJsonString(out, r.releaseNotes); out += ",\n";
        field("sha256"); appendJsonString(out, r.sha256); out += ",\n";
        field("size"); out += QByteArrayView(size).sliced(1, size.size() - 2); out += ",\n";
        field("title"); appendJsonString(out, r.title); out += ",\n";
        field("uploadedAt"); appendStoredTime(out, r.uploadedAt); out += ",\n";
        field("uploadedBy"); appendJsonString(out, r.uploadedBy); out += ",\n";
        field("version"); appendJsonString(out, r.version); out += "\n";
        out += i + 1 < records.size() ? "    },\n" : "    }\n";
    }
    out += "]\n";
    return out;
}

int list(CommandContext &context, const ParsedArguments &args)
{
    auto all = PackageRepository(context.store()).list(context.spaceId(), args.valueOr(QStringLiteral("id")));
    if (!all)
        return context.fail(all.error());
    if (context.output().json() && !all->isEmpty()) {
        const QByteArray json = recordsAsJson(*all);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fflush(stdout);
        return Success;
    }
    QJsonArray rows;
    for (const auto &record : std::as_const(*all))
        rows.append(forPeople(context, toJson(record)));
    context.output().list(rows, kColumns);
    return Success;
}

int show(CommandContext &context, const ParsedArguments &args)
{
    auto record = PackageRepository(context.store()).find(context.spaceId(), args.positional(0), args.positional(1));
    if (!record)
        return context.fail(record.error());
    context.output().object(forPeople(context, toJson(*record)), kFields);
    return Success;
}

int remove(CommandContext &context, const ParsedArguments &args)
{
    auto removed = repositoryOf(context).remove(args.positional(0), args.positional(1));
    if (!removed)
        return context.fail(removed.error());
    context.output().changed(tr("Deleted package %1 (%2).").arg(removed->displayName(), removed->id),
                             {{QLatin1String("id"), removed->id},
                              {QLatin1String("packageId"), removed->packageId},
                              {QLatin1String("version"), removed->version},
                              {QLatin1String("deleted"), true}});
    return Success;
}

int versions(CommandContext &context, const ParsedArguments &args)
{
    auto found = repositoryOf(context).versions(args.positional(0), args.valueOr(QStringLiteral("range")),
                                                args.valueOr(QStringLiteral("tag")));
    if (!found)
        return context.fail(found.error());
    if (context.output().json()) {
        QJsonArray rows;
        for (const auto &record : std::as_const(*found))
            rows.append(toJson(record));
        Output::write(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)));
    } else {
        for (const auto &record : std::as_const(*found))
            Output::write(record.version + u'\n');
    }
    return Success;
}

QString typeName(ArchiveEntry::Type type)
{
    switch (type) {
    case ArchiveEntry::Type::File: return QStringLiteral("File");
    case ArchiveEntry::Type::Directory: return QStringLiteral("Directory");
    case ArchiveEntry::Type::Symlink: return QStringLiteral("Symlink");
    case ArchiveEntry::Type::Hardlink: return QStringLiteral("Hardlink");
    case ArchiveEntry::Type::Special: return QStringLiteral("Special");
    }
    return {};
}

int files(CommandContext &context, const ParsedArguments &args)
{
    auto entries = repositoryOf(context).entries(args.positional(0), args.positional(1));
    if (!entries)
        return context.fail(entries.error());
    QJsonArray rows;
    for (const ArchiveEntry &entry : std::as_const(*entries)) {
        rows.append(QJsonObject{{QLatin1String("path"), entry.path},
                                {QLatin1String("type"), typeName(entry.type)},
                                {QLatin1String("size"), context.output().json() ? QJsonValue(double(entry.size))
                                                                                : QJsonValue(QString::number(entry.size))},
                                {QLatin1String("linkTarget"), entry.linkTarget}});
    }
    context.output().list(rows, {{QT_TRANSLATE_NOOP("cuttlectl", "Path"), "path"},
                                 {QT_TRANSLATE_NOOP("cuttlectl", "Type"), "type"},
                                 {QT_TRANSLATE_NOOP("cuttlectl", "Size"), "size"},
                                 {QT_TRANSLATE_NOOP("cuttlectl", "Link target"), "linkTarget"}});
    return Success;
}

int check(CommandContext &context, const ParsedArguments &args)
{
    const bool repair = args.has(QStringLiteral("repair"));
    auto report = repositoryOf(context).checkConsistency(repair);
    if (!report)
        return context.fail(report.error());
    if (context.output().json()) {
        Output::write(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QLatin1String("filesWithoutRecord"), QJsonArray::fromStringList(report->filesWithoutRecord)},
            {QLatin1String("recordsWithoutFile"), QJsonArray::fromStringList(report->recordsWithoutFile)},
            {QLatin1String("stalePartialFiles"), report->stalePartialFiles},
            {QLatin1String("consistent"), report->isConsistent()},
            {QLatin1String("repaired"), report->repaired}}).toJson(QJsonDocument::Indented)));
    } else {
        for (const QString &file : std::as_const(report->filesWithoutRecord))
            Output::write((repair ? tr("Removed the file %1, which had no record.") : tr("The file %1 has no record.")).arg(file) + u'\n');
        for (const QString &name : std::as_const(report->recordsWithoutFile))
            Output::write((repair ? tr("Removed the record of %1, whose file was missing.") : tr("The file of %1 is missing.")).arg(name) + u'\n');
        if (report->stalePartialFiles > 0)
            Output::write((repair ? tr("Removed %1 partial files of interrupted pushes.") : tr("%1 partial files of interrupted pushes are left."))
                              .arg(report->stalePartialFiles) + u'\n');
        if (report->isConsistent())
            Output::write(tr("Every package file has its record and every record its file.") + u'\n');
    }
    // Without --repair, problems found make the exit code say so for scripts.
    return report->isConsistent() || report->repaired ? Success : Invalid;
}

int prune(CommandContext &context, const ParsedArguments &args)
{
    const auto text = args.value(QStringLiteral("older-than"));
    if (!text)
        return context.usage(tr("package prune needs --older-than DAYS."));
    bool ok = false;
    const int days = text->toInt(&ok);
    if (!ok || days < 0)
        return context.fail(Error::validation(tr("The number of days must be a whole number of zero or more, not \"%1\".").arg(*text)));
    const bool dryRun = args.has(QStringLiteral("dry-run"));
    BuiltinRepository repository = repositoryOf(context);
    // The plan names what releases keep; the removal re-checks each version as it goes.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto plan = repository.planRetention(days, now);
    if (!plan)
        return context.fail(plan.error());
    QList<PackageRepository::Record> removed = plan->expired;
    if (!dryRun) {
        auto applied = repository.applyRetention(days, now);
        if (!applied)
            return context.fail(applied.error());
        removed = *applied;
    }
    if (context.output().json()) {
        QJsonArray packages;
        for (const auto &record : std::as_const(removed))
            packages.append(toJson(record));
        QJsonArray kept;
        for (const auto &record : std::as_const(plan->keptInUse))
            kept.append(toJson(record));
        Output::write(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QLatin1String("dryRun"), dryRun},
            {QLatin1String("olderThanDays"), days},
            {QLatin1String("packages"), packages},
            {QLatin1String("keptInUse"), kept}}).toJson(QJsonDocument::Indented)));
        return Success;
    }
    for (const auto &record : std::as_const(removed)) {
        const QString uploaded = toStoredTime(record.uploadedAt);
        Output::write((dryRun ? tr("Would delete %1 (%2), uploaded %3.") : tr("Deleted %1 (%2), uploaded %3."))
                          .arg(record.displayName(), record.id, uploaded) + u'\n');
    }
    for (const auto &record : std::as_const(plan->keptInUse))
        Output::write(tr("Kept %1: a release uses it.").arg(record.displayName()) + u'\n');
    if (removed.isEmpty()) {
        Output::write(QCoreApplication::translate("cuttlectl", "No package version older than %n day(s) can be deleted.", nullptr, days) + u'\n');
    } else {
        Output::write(QCoreApplication::translate("cuttlectl", dryRun ? "%n package version(s) would be deleted; run without --dry-run to delete them."
                                                               : "Deleted %n package version(s).",
                                            nullptr, int(removed.size())) + u'\n');
    }
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("package");
    noun.aliases = {QStringLiteral("pkg")};
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "package files in the built-in repository of the space");

    Verb pushVerb;
    pushVerb.name = QStringLiteral("push");
    pushVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "store package files named <id>.<version>.<ext>");
    pushVerb.positionals = {{"FILE", QT_TRANSLATE_NOOP("cuttlectl", "a package file to push"), PositionalSpec::Arity::OneOrMore}};
    pushVerb.options = {{"replace", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "overwrite a version already present with different content")}};
    pushVerb.run = &push;

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list the packages, newest version first");
    listVerb.options = {{"id", "ID", QT_TRANSLATE_NOOP("cuttlectl", "only the versions of this package")}};
    listVerb.run = &list;

    Verb showVerb;
    showVerb.name = QStringLiteral("show");
    showVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "show one package version");
    showVerb.positionals = kIdAndVersion;
    showVerb.run = &show;

    Verb deleteVerb;
    deleteVerb.name = QStringLiteral("delete");
    deleteVerb.aliases = {QStringLiteral("rm")};
    deleteVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete a package version that no release uses");
    deleteVerb.positionals = kIdAndVersion;
    deleteVerb.run = &remove;

    Verb versionsVerb;
    versionsVerb.name = QStringLiteral("versions");
    versionsVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "the versions of a package a channel rule would accept, newest first");
    versionsVerb.positionals = {{"ID", QT_TRANSLATE_NOOP("cuttlectl", "the package id"), PositionalSpec::Arity::Required}};
    versionsVerb.options = {{"range", "RANGE", QT_TRANSLATE_NOOP("cuttlectl", "a version range such as [1.0,2.0)")},
                            {"tag", "REGEX", QT_TRANSLATE_NOOP("cuttlectl", "a pre-release tag rule such as ^$ or ^beta")}};
    versionsVerb.run = &versions;

    Verb filesVerb;
    filesVerb.name = QStringLiteral("files");
    filesVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list the entries inside a package archive");
    filesVerb.positionals = kIdAndVersion;
    filesVerb.run = &files;

    Verb checkVerb;
    checkVerb.name = QStringLiteral("check");
    checkVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "compare package files with their records; exit 4 when they differ");
    checkVerb.options = {{"repair", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "remove files without records, records without files and partial files (files younger than ten minutes may belong to a push still running and are left alone)")}};
    checkVerb.run = &check;

    Verb pruneVerb;
    pruneVerb.name = QStringLiteral("prune");
    pruneVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete package versions uploaded more than DAYS days ago that no release uses");
    pruneVerb.options = {{"older-than", "DAYS", QT_TRANSLATE_NOOP("cuttlectl", "keep what was uploaded in the last DAYS days (required)")},
                         {"dry-run", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "only list what would be deleted")}};
    pruneVerb.run = &prune;

    noun.verbs = {pushVerb, listVerb, showVerb, deleteVerb, versionsVerb, filesVerb, checkVerb, pruneVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
