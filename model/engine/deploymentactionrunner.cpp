#include "model/engine/deploymentactionrunner.h"

#include "model/core/deploymentaction.h"
#include "model/engine/deploy/packagedeployer.h"
#include "model/engine/deploy/packagefilechanges.h"
#include "model/engine/deploy/packagedeployscript.h"
#include "model/engine/deploy/remotefiles.h"
#include "model/engine/deploy/scriptbootstrap.h"
#include "model/packages/packagefilename.h"
#include "model/transport/shellquote.h"
#include "model/transport/transport.h"
#include "model/variables/filevariablesubstitution.h"
#include "model/variables/structured/structuredconfigreplacer.h"
#include "model/variables/templateengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <functional>
#include <utility>

namespace Cuttle {

using namespace Qt::StringLiterals;

namespace {

const QString kSubstituteFiles = QStringLiteral("Octopus.Action.SubstituteInFiles.TargetFiles");
const QString kStructuredFiles = QStringLiteral("Octopus.Action.StructuredConfigurationVariables.TargetFiles");
const QString kIgnoreReplacementErrors = QStringLiteral("Octopus.Action.Package.IgnoreVariableReplacementErrors");
const QString kPurge = QStringLiteral("Octopus.Action.Package.CustomInstallationDirectoryShouldBePurgedBeforeDeployment");
const QString kPurgeExclusions = QStringLiteral("Octopus.Action.Package.CustomInstallationDirectoryPurgeExclusions");

/// Writes what a wrapped script reports into the target's log node and passes output variables on.
ScriptBootstrap::EventHandler eventsToLog(const DeploymentActionRunner::Context &c)
{
    return [&c](const ServiceMessageEvent &event, bool fromStderr) {
        switch (event.kind) {
        case ServiceMessageEvent::Kind::Line:
            c.log->write(c.node, fromStderr ? TaskLogCategory::Error : event.category, event.text);
            break;
        case ServiceMessageEvent::Kind::OutputVariable:
            if (c.output)
                c.output(event.name, event.value, event.sensitive);
            c.log->write(c.node, TaskLogCategory::Verbose,
                         DeploymentActionRunner::tr("Output variable %1 set.").arg(event.name));
            break;
        case ServiceMessageEvent::Kind::Artifact:
            c.log->write(c.node, TaskLogCategory::Info,
                         DeploymentActionRunner::tr("Artifact %1 collected from %2.").arg(event.name, event.path));
            break;
        case ServiceMessageEvent::Kind::StepFailed:
            c.log->write(c.node, TaskLogCategory::Error, event.text);
            break;
        case ServiceMessageEvent::Kind::Message:
            break;
        }
    };
}

VoidResult scriptOutcome(const Result<ScriptResult> &result, const QString &what)
{
    if (!result)
        return result.error();
    if (result->failureMessage)
        return Error::failed(*result->failureMessage);
    if (!result->exit.signal.isEmpty())
        return Error::failed(DeploymentActionRunner::tr("%1 was killed by signal %2.").arg(what, result->exit.signal));
    if (result->exit.exitCode != 0)
        return Error::failed(DeploymentActionRunner::tr("%1 exited with code %2.").arg(what).arg(result->exit.exitCode));
    return {};
}

Result<QString> evaluated(const QString &text, const VariableDictionary &variables, const QString &what)
{
    const EvaluationResult result = TemplateEngine::evaluate(text, variables);
    if (!result.ok()) {
        const TemplateError &error = result.errors.constFirst();
        return Error::failed(DeploymentActionRunner::tr("%1 is not a valid template: %2 (line %3, column %4).")
                                 .arg(what, error.message)
                                 .arg(error.line)
                                 .arg(error.column));
    }
    return result.text;
}

QStringList patternsOf(const QString &text)
{
    QStringList patterns;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            patterns << line.trimmed();
    }
    return patterns;
}

/// The sets of files a package step changes in place, by property.
struct FileSet
{
    QString name;
    QString property;
};
const QString kSubstituteSet = QStringLiteral("substitute");
const QString kStructuredSet = QStringLiteral("structured");
const QList<FileSet> kFileSets = {{kSubstituteSet, kSubstituteFiles}, {kStructuredSet, kStructuredFiles}};

/// The file sets the extracting command can read along (see RemoteFiles::prefetchScript()):
/// those whose files nothing changes before the conventions that change them, which holds
/// unless a PreDeploy script runs. The package's PreDeploy.sh is only known on the target, so
/// prefetchFragment() checks for it there.
QList<RemoteFiles::PrefetchRequest> prefetchRequests(const DeploymentActionRunner::Context &c)
{
    if (!c.properties.value(ActionProperty::customScript(QStringLiteral("PreDeploy"))).trimmed().isEmpty())
        return {};
    QList<RemoteFiles::PrefetchRequest> requests;
    for (const FileSet &set : kFileSets) {
        const QString text = c.properties.value(set.property);
        if (text.trimmed().isEmpty())
            continue;
        // Evaluated without the installation directory, which is not known yet: patterns that
        // use it (or anything else unresolved) are read on their own after the extraction.
        const EvaluationResult patterns = TemplateEngine::evaluate(text, c.variables);
        if (patterns.ok() && patterns.unresolved.isEmpty())
            requests.append({set.name, patternsOf(patterns.text)});
    }
    return requests;
}

QString prefetchFragment(const QList<RemoteFiles::PrefetchRequest> &requests)
{
    if (requests.isEmpty())
        return {};
    return u"[ -f PreDeploy.sh ] || {\n"_s + RemoteFiles::prefetchScript(requests) + u"}\n"_s;
}

/// Runs `change` on the files of one set, logging when none matched.
VoidResult changeFiles(const DeploymentActionRunner::Context &c, PackageFileChanges &changes, const QString &set,
                       const QString &patternText, const VariableDictionary &variables,
                       const PackageFileChanges::Change &change)
{
    auto patterns = evaluated(patternText, variables, DeploymentActionRunner::tr("The list of files"));
    if (!patterns)
        return patterns.error();
    auto applied = changes.apply(set, patternsOf(*patterns), change);
    if (!applied)
        return applied.error();
    if (applied->matched == 0) {
        c.log->write(c.node, TaskLogCategory::Warning,
                     DeploymentActionRunner::tr("No file matched %1.").arg(patternsOf(*patterns).join(QLatin1String(", "))));
    } else if (applied->readWithExtraction) {
        c.log->write(c.node, TaskLogCategory::Verbose,
                     DeploymentActionRunner::tr("%n file(s) matching %1 came along with the extraction.", nullptr, applied->matched)
                         .arg(patternsOf(*patterns).join(QLatin1String(", "))));
    }
    return {};
}

/// A release package in the target's cache: uploaded there unless it already was.
struct CachedPackage
{
    ReleasePackage package;
    QString localPath;
    QString sha256;
    QString cachePath;
    QString extension; ///< lower case, with its dot
};

PackageDeployer::LineHandler linesToLog(const DeploymentActionRunner::Context &c)
{
    return [&c](const QString &line, bool isError) {
        c.log->write(c.node, isError ? TaskLogCategory::Error : TaskLogCategory::Verbose, line);
    };
}

/// The release's package, and where it goes in the target's cache.
Result<CachedPackage> locate(const DeploymentActionRunner::Context &c)
{
    if (c.action->packages.isEmpty())
        return Error::failed(DeploymentActionRunner::tr("The release has no package for the step \"%1\".").arg(c.step->name));
    CachedPackage cached;
    cached.package = c.action->packages.constFirst();
    auto file = c.packageFile(cached.package.packageId, cached.package.version);
    if (!file)
        return file.error();
    auto name = PackageFileName::parse(QFileInfo(file->first).fileName());
    if (!name)
        return name.error();
    cached.localPath = file->first;
    cached.sha256 = file->second;
    cached.extension = name->extension().toLower();
    cached.cachePath = PackageDeployScript::cachePath(c.rootDirectory, file->second, cached.extension);
    return cached;
}

void logCacheHit(const DeploymentActionRunner::Context &c, const CachedPackage &cached)
{
    c.log->write(c.node, TaskLogCategory::Info,
                 DeploymentActionRunner::tr("%1 %2 is already in the target's package cache; not uploaded again.")
                     .arg(cached.package.packageId, cached.package.version));
}

void logUpload(const DeploymentActionRunner::Context &c, const CachedPackage &cached)
{
    c.log->write(c.node, TaskLogCategory::Info,
                 DeploymentActionRunner::tr("Uploading %1 %2 (%3 bytes) to the target.")
                     .arg(cached.package.packageId, cached.package.version)
                     .arg(QFileInfo(cached.localPath).size()));
}

/// The package in the target's cache, uploaded there unless it already was.
Result<CachedPackage> acquire(const DeploymentActionRunner::Context &c, PackageDeployer &deployer)
{
    auto cached = locate(c);
    if (!cached)
        return cached.error();
    auto present = deployer.isCached(cached->cachePath, cached->sha256, QFileInfo(cached->localPath).size());
    if (!present)
        return present.error();
    if (*present) {
        logCacheHit(c, *cached);
        return cached;
    }
    logUpload(c, *cached);
    if (auto r = deployer.uploadToCache(cached->localPath, cached->cachePath); !r)
        return r.error();
    return cached;
}

/// The package extracted into a fresh directory under packageDirectory, in one command: from the
/// cache on a hit (the target says so before much of the package was sent), and on a miss as it
/// arrives, so that the bytes cross the wire and the disk once. forceUpload sends it whatever the
/// cache holds.
Result<std::pair<CachedPackage, ExtractedPackage>> acquireExtracted(const DeploymentActionRunner::Context &c,
                                                                    PackageDeployer &deployer, bool forceUpload,
                                                                    const std::function<QString(const ReleasePackage &)> &directory)
{
    auto cached = locate(c);
    if (!cached)
        return cached.error();
    const QString packageDirectory = directory(cached->package);
    const qint64 size = QFileInfo(cached->localPath).size();
    if (forceUpload) {
        logUpload(c, *cached);
        auto extracted = deployer.receiveAndExtract(cached->localPath, cached->cachePath, cached->extension,
                                                    packageDirectory, cached->package.version);
        if (!extracted)
            return extracted.error();
        return std::pair{*cached, *extracted};
    }
    c.log->write(c.node, TaskLogCategory::Verbose,
                 DeploymentActionRunner::tr("Sending %1 %2 (%3 bytes) unless the target's package cache has it.")
                     .arg(cached->package.packageId, cached->package.version)
                     .arg(size));
    auto delivered = deployer.extractOrReceive(cached->localPath, cached->cachePath, cached->sha256, cached->extension,
                                               packageDirectory, cached->package.version);
    if (!delivered)
        return delivered.error();
    if (delivered->fromCache) {
        logCacheHit(c, *cached);
        c.log->write(c.node, TaskLogCategory::Verbose,
                     DeploymentActionRunner::tr("%n byte(s) sent before the target said it had the package were dropped.",
                                                nullptr, int(std::min<qint64>(delivered->bytesDropped, INT_MAX))));
    } else {
        c.log->write(c.node, TaskLogCategory::Info,
                     DeploymentActionRunner::tr("Uploaded %1 %2 (%3 bytes) to the target, extracting it as it arrived.")
                         .arg(cached->package.packageId, cached->package.version)
                         .arg(size));
    }
    return std::pair{*cached, delivered->package};
}

} // namespace

VoidResult DeploymentActionRunner::run(const Context &context)
{
    // The log masks sensitive values as it writes each line.
    if (TemplateEngine::isTruthy(context.variables.valueOr(QStringLiteral("OctopusPrintVariables")))) {
        QStringList names = context.variables.names();
        names.sort(Qt::CaseInsensitive);
        for (const QString &name : std::as_const(names))
            context.log->write(context.node, TaskLogCategory::Verbose, name + u" = "_s + context.variables.valueOr(name));
    }
    switch (context.action->type) {
    case ActionType::RunScript: return runScript(context);
    case ActionType::DeployPackage: return deployPackage(context);
    case ActionType::TransferPackage: return transferPackage(context);
    case ActionType::ManualIntervention: break;
    }
    return Error::failed(tr("Manual interventions cannot run on a target."));
}

VoidResult DeploymentActionRunner::runScript(const Context &c)
{
    const QString workDirectory = c.rootDirectory + u"/.cuttle/work/"_s + c.taskId + u'/'
                                  + PackageDeployScript::pathSegment(c.action->name);
    ScriptBootstrap bootstrap(workDirectory);
    const bool fromPackage =
        c.properties.value(ActionProperty::ScriptSource).compare(QLatin1String("Package"), Qt::CaseInsensitive) == 0;
    if (fromPackage) {
        PackageDeployer deployer(*c.transport, linesToLog(c));
        auto extracted = acquireExtracted(c, deployer, false,
                                          [&](const ReleasePackage &) { return workDirectory + u"/package"_s; });
        if (!extracted)
            return extracted.error();
        bootstrap = ScriptBootstrap(extracted->second.path);
        bootstrap.setScriptFile(c.properties.value(ActionProperty::ScriptFileName));
    } else {
        auto body = evaluated(c.properties.value(ActionProperty::ScriptBody), c.variables,
                              tr("The script of step \"%1\"").arg(c.step->name));
        if (!body)
            return body.error();
        bootstrap.setScript(*body);
    }
    auto parameters = evaluated(c.properties.value(ActionProperty::ScriptParameters), c.variables,
                                tr("The script parameters of step \"%1\"").arg(c.step->name));
    if (!parameters)
        return parameters.error();
    bootstrap.setArguments(ScriptBootstrap::splitParameters(*parameters));
    bootstrap.setVariables(c.variables);
    return scriptOutcome(bootstrap.run(*c.transport, eventsToLog(c)), tr("The script"));
}

VoidResult DeploymentActionRunner::deployPackage(const Context &c)
{
    PackageDeployer deployer(*c.transport, linesToLog(c));
    const QList<RemoteFiles::PrefetchRequest> prefetch = prefetchRequests(c);
    deployer.setAfterExtraction(prefetchFragment(prefetch));
    const auto directoryOf = [&](const ReleasePackage &package) {
        return PackageDeployScript::packageDirectory(c.rootDirectory, c.plan->environmentName, c.plan->tenantName,
                                                     package.packageId);
    };
    auto acquired = acquireExtracted(c, deployer, c.plan->forcePackageRedeployment, directoryOf);
    if (!acquired)
        return acquired.error();
    const ReleasePackage &package = acquired->first.package;
    const QString packageDirectory = directoryOf(package);
    const ExtractedPackage *extracted = &acquired->second;
    c.log->write(c.node, TaskLogCategory::Info, tr("Extracted %1 %2 to %3.").arg(package.packageId, package.version, extracted->path));
    VariableDictionary variables = c.variables;
    variables.set(QStringLiteral("Octopus.Action.Package.InstallationDirectoryPath"), extracted->path);
    Context inPackage = c;
    inPackage.variables = variables;
    PackageFileChanges fileChanges(*c.transport, extracted->path);
    for (const RemoteFiles::PrefetchRequest &request : prefetch) {
        if (auto files = RemoteFiles::prefetched(extracted->messages, request.name))
            fileChanges.setPrefetched(request.name, request.patterns, *files);
    }

    // The last script of the Deploy and PostDeploy conventions (nothing but scripts comes after
    // them) switches `current` in its own command once it has succeeded: a command saved.
    const QString cacheDirectory = PackageDeployScript::cacheDirectory(c.rootDirectory);
    const auto hasCustom = [&](const QString &phase) {
        return !c.properties.value(ActionProperty::customScript(phase)).trimmed().isEmpty();
    };
    QString switchAfter; // "<phase>" for the package's script, "<phase>+" for the step's own
    for (const QString &phase : {QStringLiteral("PostDeploy"), QStringLiteral("Deploy")}) {
        if (hasCustom(phase))
            switchAfter = phase + u'+';
        else if (extracted->conventionScripts.contains(phase + u".sh"_s))
            switchAfter = phase;
        if (!switchAfter.isEmpty())
            break;
    }
    std::optional<Result<PackageDeployer::SwitchOutcome>> switchedAlong;
    // The command that was to switch ended early (cancelled, connection lost): where current
    // points is not known.
    bool switchUncertain = false;

    // Each convention runs the package's script, then the step's own (as the reference product
    // does), both in the extracted directory.
    // A script file of the package, or a script body of the step, run in the extracted directory.
    const auto runInPackage = [&](const QString &file, const QString &body, const QString &what,
                                  bool switchesAfter) -> VoidResult {
        ScriptBootstrap bootstrap(extracted->path);
        if (file.isEmpty())
            bootstrap.setScript(body);
        else
            bootstrap.setScriptFile(file);
        bootstrap.setVariables(variables);
        // Files the conventions changed are written by the script's own command when they fit in it.
        if (!fileChanges.pending().isEmpty()) {
            if (bootstrap.storeFilesFirst(extracted->path, fileChanges.pending()))
                fileChanges.forgetPending();
            else if (auto stored = fileChanges.store(); !stored)
                return stored;
        }
        if (switchesAfter) {
            bootstrap.setAfterSuccess(PackageDeployScript::switchCurrentAndRetentionScript(
                packageDirectory, extracted->path, c.retentionKeep, cacheDirectory));
        }
        bool succeeded = false;
        const ScriptBootstrap::EventHandler toLog = eventsToLog(inPackage);
        const Result<ScriptResult> result = bootstrap.run(*c.transport, [&](const ServiceMessageEvent &event, bool fromStderr) {
            if (event.kind == ServiceMessageEvent::Kind::Message && event.name == u"scriptSucceeded"_s)
                succeeded = true;
            toLog(event, fromStderr);
        });
        if (!succeeded) {
            if (switchesAfter && !result)
                switchUncertain = true;
            if (auto outcome = scriptOutcome(result, what); !outcome || !switchesAfter)
                return outcome;
            // A script that succeeded is followed by the switch's marker; without it, no switch.
            return Error::failed(tr("%1 ended without switching %2.").arg(what, packageDirectory + u"/current"_s));
        }
        // The script succeeded: what happens from here is the switch's.
        if (!result) {
            switchUncertain = true;
            switchedAlong = Result<PackageDeployer::SwitchOutcome>(result.error());
            return {};
        }
        for (const QString &line : std::as_const(result->afterSuccess->lines))
            c.log->write(c.node, TaskLogCategory::Verbose, line);
        switchedAlong = deployer.switchOutcome(*result->afterSuccess);
        return {};
    };
    const auto convention = [&](const QString &phase) -> VoidResult {
        const QString script = phase + u".sh"_s;
        if (extracted->conventionScripts.contains(script)) {
            c.log->write(c.node, TaskLogCategory::Info, tr("Running %1 from the package.").arg(script));
            if (auto r = runInPackage(script, {}, script, switchAfter == phase); !r)
                return r;
        }
        if (!hasCustom(phase))
            return {};
        const QString what = tr("The step's %1").arg(script);
        auto body = evaluated(c.properties.value(ActionProperty::customScript(phase)), variables, what);
        if (!body)
            return body.error();
        c.log->write(c.node, TaskLogCategory::Info, tr("Running the step's %1.").arg(script));
        return runInPackage({}, *body, what, switchAfter == phase + u'+');
    };
    const bool ignoreErrors = TemplateEngine::isTruthy(variables.valueOr(kIgnoreReplacementErrors));
    const auto conventions = [&]() -> VoidResult {
        if (auto r = convention(QStringLiteral("PreDeploy")); !r)
            return r;
        if (const QString files = c.properties.value(kSubstituteFiles); !files.trimmed().isEmpty()) {
            auto substituted = changeFiles(c, fileChanges, kSubstituteSet, files, variables,
                                           [&](const QString &local, const QString &relative) -> Result<bool> {
                auto report = FileVariableSubstitution::substitute(local, variables, ignoreErrors);
                if (!report)
                    return Error::failed(tr("Substituting variables in %1 failed: %2").arg(relative, report.error().message));
                c.log->write(c.node, TaskLogCategory::Info, tr("Substituted variables in %1.").arg(relative));
                return report->changed;
            });
            if (!substituted)
                return substituted;
        }
        if (const QString files = c.properties.value(kStructuredFiles); !files.trimmed().isEmpty()) {
            StructuredConfigReplacer::Variables pairs;
            for (const QString &variableName : variables.names())
                pairs << qMakePair(variableName, variables.valueOr(variableName));
            auto replaced = changeFiles(c, fileChanges, kStructuredSet, files, variables,
                                        [&](const QString &local, const QString &relative) -> Result<bool> {
                auto outcome = StructuredConfigReplacer::replaceInFile(local, pairs);
                if (!outcome)
                    return outcome.error();
                c.log->write(c.node, TaskLogCategory::Info,
                             tr("Replaced %n value(s) in %1: %2.", nullptr, outcome->replacementCount)
                                 .arg(relative, outcome->matchedNames.join(QLatin1String(", "))));
                return outcome->changed();
            });
            if (!replaced)
                return replaced;
        }
        if (const QString custom = c.properties.value(ActionProperty::CustomInstallationDirectory); !custom.isEmpty()) {
            // The copy takes the changed files.
            if (auto stored = fileChanges.store(); !stored)
                return stored;
            auto directory = evaluated(custom, variables, tr("The custom installation directory"));
            if (!directory)
                return directory.error();
            QString script = u"set -e\nmkdir -p -- "_s + shellQuote(*directory) + u'\n';
            if (TemplateEngine::isTruthy(c.properties.value(kPurge))) {
                QString excludes;
                for (const QString &pattern : patternsOf(c.properties.value(kPurgeExclusions)))
                    excludes += u" ! -path "_s + shellQuote(u"./"_s + pattern);
                script += u"cd -- "_s + shellQuote(*directory) + u" && find . -mindepth 1 -maxdepth 1"_s + excludes
                          + u" -exec rm -rf -- {} +\n"_s;
            }
            script += u"cp -a -- "_s + shellQuote(extracted->path + u"/."_s) + u' ' + shellQuote(*directory) + u'\n';
            QByteArray err;
            OutputCallbacks callbacks;
            callbacks.onStderr = [&](const QByteArray &chunk) { err += chunk; };
            auto exit = c.transport->run(script, callbacks);
            if (!exit)
                return exit.error();
            if (!exit->succeeded())
                return Error::failed(tr("Copying to the custom installation directory %1 failed: %2")
                                         .arg(*directory, QString::fromUtf8(err).trimmed()));
            c.log->write(c.node, TaskLogCategory::Info, tr("Copied the package to %1.").arg(*directory));
        }
        if (auto r = convention(QStringLiteral("Deploy")); !r)
            return r;
        if (auto r = convention(QStringLiteral("PostDeploy")); !r)
            return r;
        // No script took them along.
        return fileChanges.store();
    };
    const auto logSwitchUncertain = [&]() {
        c.log->write(c.node, TaskLogCategory::Warning,
                     tr("%1 may point at %2 already: the command that switches it was interrupted.")
                         .arg(packageDirectory + u"/current"_s, extracted->directoryName));
    };
    if (auto r = conventions(); !r) {
        // The step's error stays the first one; DeployFailed's own failure is only reported.
        if (r.error().kind != ErrorKind::Cancelled) {
            // The failed release's directory is left as it is: nothing more is written to it.
            fileChanges.forgetPending();
            if (auto failed = convention(QStringLiteral("DeployFailed")); !failed)
                c.log->write(c.node, TaskLogCategory::Warning, failed.error().message);
        }
        if (switchUncertain)
            logSwitchUncertain();
        else
            c.log->write(c.node, TaskLogCategory::Warning,
                         tr("%1 still points at the previous release.").arg(packageDirectory + u"/current"_s));
        return r;
    }
    auto switched = switchedAlong ? *switchedAlong
                                  : deployer.switchCurrentAndApplyRetention(packageDirectory, extracted->path,
                                                                            c.retentionKeep, cacheDirectory);
    if (!switched) {
        if (switchUncertain)
            logSwitchUncertain();
        return switched.error();
    }
    c.log->write(c.node, TaskLogCategory::Highlight, tr("%1/current now points at %2.").arg(packageDirectory, extracted->directoryName));
    if (c.output)
        c.output(QStringLiteral("Package.InstallationDirectoryPath"), extracted->path, false);
    if (!switched->retentionError.isEmpty()) {
        c.log->write(c.node, TaskLogCategory::Warning, switched->retentionError);
    } else if (!switched->removed.isEmpty()) {
        c.log->write(c.node, TaskLogCategory::Verbose,
                     tr("Retention removed %1.").arg(switched->removed.join(QLatin1String(", "))));
    }
    if (switched->cacheBusy) {
        c.log->write(c.node, TaskLogCategory::Verbose,
                     tr("Another deployment was using the target's package cache; it is cleared of unused packages next time."));
    }
    if (!switched->removedFromCache.isEmpty()) {
        c.log->write(c.node, TaskLogCategory::Verbose,
                     tr("No kept release uses %1 any more; removed from the target's package cache.")
                         .arg(switched->removedFromCache.join(QLatin1String(", "))));
    }
    return {};
}

VoidResult DeploymentActionRunner::transferPackage(const Context &c)
{
    PackageDeployer deployer(*c.transport, linesToLog(c));
    auto cached = acquire(c, deployer);
    if (!cached)
        return cached.error();
    const ReleasePackage &package = cached->package;
    auto destination = evaluated(c.properties.value(ActionProperty::TransferPath), c.variables, tr("The transfer path"));
    if (!destination)
        return destination.error();
    auto path = deployer.transfer(cached->cachePath, *destination, QFileInfo(cached->localPath).fileName());
    if (!path)
        return path.error();
    c.log->write(c.node, TaskLogCategory::Highlight, tr("Transferred %1 %2 to %3.").arg(package.packageId, package.version, *path));
    if (c.output)
        c.output(QStringLiteral("Package.FilePath"), *path, false);
    return {};
}

} // namespace Cuttle
