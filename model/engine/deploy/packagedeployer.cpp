#include "model/engine/deploy/packagedeployer.h"

#include "model/engine/deploy/packagedeployscript.h"
#include "model/engine/deploy/servicemessageparser.h"
#include "model/transport/transport.h"

#include <QFileInfo>
#include <QList>

using namespace Qt::StringLiterals;

namespace Cuttle {

struct PackageDeployer::Outcome
{
    ExitInfo exit;
    QList<ServiceMessageEvent> messages;
    QStringList errorLines; ///< stderr
};

PackageDeployer::PackageDeployer(Transport &transport, LineHandler onLine)
    : m_transport(transport)
    , m_onLine(std::move(onLine))
{
}

Result<PackageDeployer::Outcome> PackageDeployer::runScript(const QString &script, const QString &standardInputFile,
                                                            bool stopInputOnCacheHit)
{
    Outcome outcome;
    bool cacheHit = false;
    ServiceMessageParser out;
    ServiceMessageParser err;
    err.setRecognizeMessages(false);
    QStringList errorLines;
    auto handle = [&](const QList<ServiceMessageEvent> &events, bool isError) {
        for (const ServiceMessageEvent &event : events) {
            if (event.kind != ServiceMessageEvent::Kind::Line) {
                if (event.name == u"packageCache"_s && event.attributes.value(u"status"_s) == u"hit"_s)
                    cacheHit = true;
                outcome.messages.append(event);
                continue;
            }
            if (isError)
                errorLines.append(event.text);
            if (m_onLine)
                m_onLine(event.text, isError);
        }
    };
    OutputCallbacks callbacks;
    callbacks.onStdout = [&](const QByteArray &chunk) { handle(out.feed(chunk), false); };
    callbacks.onStderr = [&](const QByteArray &chunk) { handle(err.feed(chunk), true); };
    RunRequest request;
    request.script = script;
    request.standardInputFile = standardInputFile;
    if (stopInputOnCacheHit)
        request.continueInput = [&cacheHit]() { return !cacheHit; };
    const Result<ExitInfo> exit = m_transport.run(request, callbacks);
    handle(out.finish(), false);
    handle(err.finish(), true);
    if (!exit)
        return exit.error();
    outcome.exit = *exit;
    outcome.errorLines = errorLines;
    return outcome;
}

Error PackageDeployer::failure(const Outcome &outcome, const QString &activity) const
{
    // The script's own sentence (from __cuttle_fail), and what the tools said before it.
    QString stated;
    for (const ServiceMessageEvent &event : outcome.messages) {
        if (event.kind == ServiceMessageEvent::Kind::Message && event.name == u"failed"_s)
            stated = event.attributes.value(u"message"_s).trimmed();
    }
    QStringList details;
    for (const QString &line : outcome.errorLines) {
        if (!line.trimmed().isEmpty() && line.trimmed() != stated)
            details << line.trimmed();
    }
    const QString detail = details.join(QLatin1String("; "));
    if (stated.endsWith(u'.'))
        stated.chop(1);
    QString reason;
    switch (outcome.exit.exitCode) {
    case PackageDeployScript::PackageMissing:
        reason = tr("the package is not in the target's package cache");
        break;
    case PackageDeployScript::UnsafeEntry: {
        QString entry;
        for (const ServiceMessageEvent &event : outcome.messages) {
            if (event.name == u"packageRefused"_s)
                entry = event.attributes.value(u"entry"_s);
        }
        reason = tr("the package contains the entry \"%1\", which would be written outside the extraction directory")
                     .arg(entry);
        return Error::validation(tr("%1 on %2 was refused: %3.").arg(activity, m_transport.targetDescription(), reason));
    }
    case PackageDeployScript::UnreadableArchive:
        reason = tr("the package could not be read (%1)").arg(detail);
        break;
    case PackageDeployScript::Incomplete:
        reason = stated.isEmpty() ? tr("only part of the package arrived") : stated;
        break;
    case PackageDeployScript::NoZipTool:
        reason = tr("neither unzip nor bsdtar is installed there");
        break;
    default:
        if (!outcome.exit.signal.isEmpty())
            reason = tr("the command was killed by signal %1").arg(outcome.exit.signal);
        else if (!stated.isEmpty())
            reason = detail.isEmpty() ? stated : tr("%1 (%2)").arg(stated, detail);
        else if (!detail.isEmpty())
            reason = detail;
        else
            reason = tr("exit code %1").arg(outcome.exit.exitCode);
        break;
    }
    if (reason.endsWith(u'.'))
        reason.chop(1);
    return Error::failed(tr("%1 on %2 failed: %3.").arg(activity, m_transport.targetDescription(), reason));
}

namespace {

const ServiceMessageEvent *findMessage(const QList<ServiceMessageEvent> &messages, const QString &name)
{
    for (const ServiceMessageEvent &event : messages) {
        if (event.kind == ServiceMessageEvent::Kind::Message && event.name == name)
            return &event;
    }
    return nullptr;
}

} // namespace

Result<bool> PackageDeployer::isCached(const QString &cachePath, const QString &sha256, qint64 size, bool verifyHash)
{
    const QString activity = tr("Checking the package cache");
    Result<Outcome> outcome = runScript(PackageDeployScript::cacheCheckScript(cachePath, sha256, size, verifyHash));
    if (!outcome)
        return outcome.error();
    const ServiceMessageEvent *status = findMessage(outcome->messages, u"packageCache"_s);
    if (!outcome->exit.succeeded() || !status)
        return failure(*outcome, activity);
    return status->attributes.value(u"status"_s) == u"hit"_s;
}

VoidResult PackageDeployer::uploadToCache(const QString &localPath, const QString &cachePath,
                                          const ProgressCallback &progress)
{
    return m_transport.upload(localPath, cachePath, progress);
}

Result<std::optional<ExtractedPackage>> PackageDeployer::extractIfCached(const QString &cachePath, const QString &sha256,
                                                                         qint64 size, const QString &extension,
                                                                         const QString &packageDirectory,
                                                                         const QString &version)
{
    Result<Outcome> outcome = runScript(
        PackageDeployScript::extractIfCachedScript(cachePath, sha256, size, extension, packageDirectory, version));
    if (!outcome)
        return outcome.error();
    const ServiceMessageEvent *status = findMessage(outcome->messages, u"packageCache"_s);
    if (!status)
        return failure(*outcome, tr("Checking the package cache"));
    if (status->attributes.value(u"status"_s) != u"hit"_s) {
        if (!outcome->exit.succeeded())
            return failure(*outcome, tr("Checking the package cache"));
        return std::optional<ExtractedPackage>();
    }
    if (reportedDamagedCache(*outcome))
        return std::optional<ExtractedPackage>();
    auto package = extracted(outcome);
    if (!package)
        return package.error();
    return std::optional<ExtractedPackage>(*package);
}

bool PackageDeployer::reportedDamagedCache(const Outcome &outcome) const
{
    // The script has removed the damaged copy and the new directory: sending the package again
    // repairs the cache.
    const ServiceMessageEvent *damaged = findMessage(outcome.messages, u"packageCacheDamaged"_s);
    if (!damaged)
        return false;
    if (m_onLine) {
        m_onLine(tr("%1 could not be read and has been removed from the package cache; the package is sent again.")
                     .arg(damaged->attributes.value(u"path"_s)),
                 false);
    }
    return true;
}

Result<PackageDeployer::Delivery> PackageDeployer::extractOrReceive(const QString &localPath, const QString &cachePath,
                                                                    const QString &sha256, const QString &extension,
                                                                    const QString &packageDirectory,
                                                                    const QString &version)
{
    const QFileInfo file(localPath);
    if (!file.isReadable())
        return Error::failed(tr("The package file %1 cannot be read.").arg(localPath));
    Result<Outcome> outcome = runScript(PackageDeployScript::extractOrReceiveScript(cachePath, sha256, file.size(), extension,
                                                                                    packageDirectory, version,
                                                                                    m_afterExtraction),
                                        localPath, true);
    if (!outcome)
        return outcome.error();
    const ServiceMessageEvent *status = findMessage(outcome->messages, u"packageCache"_s);
    if (!status)
        return failure(*outcome, tr("Checking the package cache"));
    Delivery delivery;
    delivery.fromCache = status->attributes.value(u"status"_s) == u"hit"_s;
    if (delivery.fromCache && reportedDamagedCache(*outcome)) {
        auto received = receiveAndExtract(localPath, cachePath, extension, packageDirectory, version);
        if (!received)
            return received.error();
        delivery.package = *received;
        delivery.fromCache = false;
        return delivery;
    }
    auto package = extracted(outcome);
    if (!package)
        return package.error();
    delivery.package = *package;
    if (const ServiceMessageEvent *dropped = findMessage(outcome->messages, u"inputDropped"_s))
        delivery.bytesDropped = dropped->attributes.value(u"bytes"_s).toLongLong();
    return delivery;
}

Result<ExtractedPackage> PackageDeployer::receiveAndExtract(const QString &localPath, const QString &cachePath,
                                                            const QString &extension, const QString &packageDirectory,
                                                            const QString &version)
{
    const QFileInfo file(localPath);
    if (!file.isReadable())
        return Error::failed(tr("The package file %1 cannot be read.").arg(localPath));
    return extracted(runScript(
        PackageDeployScript::receiveAndExtractScript(cachePath, extension, file.size(), packageDirectory, version,
                                                     m_afterExtraction),
        localPath));
}

Result<ExtractedPackage> PackageDeployer::extract(const QString &cachePath, const QString &extension,
                                                  const QString &packageDirectory, const QString &version)
{
    return extracted(runScript(PackageDeployScript::extractScript(cachePath, extension, packageDirectory, version)));
}

Result<ExtractedPackage> PackageDeployer::extracted(const Result<Outcome> &outcome)
{
    if (!outcome)
        return outcome.error();
    const ServiceMessageEvent *extracted = findMessage(outcome->messages, u"packageExtracted"_s);
    if (!outcome->exit.succeeded() || !extracted)
        return failure(*outcome, tr("Extracting the package"));
    ExtractedPackage package;
    package.path = extracted->attributes.value(u"path"_s);
    package.directoryName = extracted->attributes.value(u"directory"_s);
    package.conventionScripts = extracted->attributes.value(u"scripts"_s).split(u' ', Qt::SkipEmptyParts);
    package.messages = outcome->messages;
    return package;
}

VoidResult PackageDeployer::switchCurrent(const QString &packageDirectory, const QString &extractedDirectory)
{
    Result<Outcome> outcome = runScript(PackageDeployScript::switchCurrentScript(packageDirectory, extractedDirectory));
    if (!outcome)
        return outcome.error();
    if (!outcome->exit.succeeded())
        return failure(*outcome, tr("Switching the current release"));
    return {};
}

namespace {

/// The given attribute of every service message of that name, in order.
QStringList attributesOf(const QList<ServiceMessageEvent> &messages, const QString &name, const QString &attribute)
{
    QStringList values;
    for (const ServiceMessageEvent &event : messages) {
        if (event.name == name)
            values.append(event.attributes.value(attribute));
    }
    return values;
}

} // namespace

Result<PackageDeployer::SwitchOutcome> PackageDeployer::switchCurrentAndApplyRetention(const QString &packageDirectory,
                                                                                       const QString &extractedDirectory,
                                                                                       int keep,
                                                                                       const QString &cacheDirectory)
{
    Result<Outcome> outcome = runScript(
        PackageDeployScript::switchCurrentAndRetentionScript(packageDirectory, extractedDirectory, keep, cacheDirectory));
    if (!outcome)
        return outcome.error();
    return switchOutcome(*outcome);
}

Result<PackageDeployer::SwitchOutcome> PackageDeployer::switchOutcome(const AfterScriptResult &after) const
{
    Outcome outcome;
    outcome.exit = after.exit;
    outcome.messages = after.messages;
    outcome.errorLines = after.lines;
    return switchOutcome(outcome);
}

Result<PackageDeployer::SwitchOutcome> PackageDeployer::switchOutcome(const Outcome &outcome) const
{
    if (!outcome.exit.succeeded())
        return failure(outcome, tr("Switching the current release"));
    SwitchOutcome switched;
    switched.removed = attributesOf(outcome.messages, u"retentionRemoved"_s, u"path"_s);
    switched.removedFromCache = attributesOf(outcome.messages, u"packageCacheRemoved"_s, u"name"_s);
    switched.cacheBusy = findMessage(outcome.messages, u"packageCacheBusy"_s) != nullptr;
    if (findMessage(outcome.messages, u"retentionFailed"_s)) {
        switched.retentionError = tr("Removing old releases on %1 failed: %2.")
                                      .arg(m_transport.targetDescription(),
                                           outcome.errorLines.isEmpty() ? tr("no reason given")
                                                                         : outcome.errorLines.join(QLatin1String("; ")).trimmed());
    }
    return switched;
}

Result<QStringList> PackageDeployer::applyRetention(const QString &packageDirectory, int keep,
                                                    const QString &cacheDirectory)
{
    Result<Outcome> outcome = runScript(PackageDeployScript::retentionScript(packageDirectory, keep, cacheDirectory));
    if (!outcome)
        return outcome.error();
    if (!outcome->exit.succeeded())
        return failure(*outcome, tr("Removing old releases"));
    return attributesOf(outcome->messages, u"retentionRemoved"_s, u"path"_s);
}

Result<QString> PackageDeployer::transfer(const QString &cachePath, const QString &destinationDirectory,
                                          const QString &fileName)
{
    Result<Outcome> outcome =
        runScript(PackageDeployScript::transferScript(cachePath, destinationDirectory, fileName));
    if (!outcome)
        return outcome.error();
    const ServiceMessageEvent *transferred = findMessage(outcome->messages, u"packageTransferred"_s);
    if (!outcome->exit.succeeded() || !transferred)
        return failure(*outcome, tr("Transferring the package"));
    return transferred->attributes.value(u"path"_s);
}

} // namespace Cuttle
