#pragma once

#include "model/core/result.h"
#include "model/engine/deploy/extractedpackage.h"
#include "model/engine/deploy/scriptresult.h"
#include "model/transport/outputcallbacks.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Cuttle {

class Transport;

/// Runs the PackageDeployScript steps through one Transport, each as a separate command, and
/// turns their service messages and exit codes into results and one-sentence errors.
class PackageDeployer final
{
    Q_DECLARE_TR_FUNCTIONS(PackageDeployer)

public:
    /// onLine receives the scripts' ordinary output lines (stderr with isError set), for the task log.
    using LineHandler = std::function<void(const QString &line, bool isError)>;

    explicit PackageDeployer(Transport &transport, LineHandler onLine = {});

    /// Bash that receiveAndExtract() and extractOrReceive() run in the same command once the
    /// package is extracted, in its directory; what it reports comes back in
    /// ExtractedPackage::messages.
    void setAfterExtraction(const QString &fragment) { m_afterExtraction = fragment; }

    /// Whether the cache holds the package file itself (a transfer needs it): a file of that name
    /// (its SHA-256) and size, and with verifyHash a SHA-256 computed again. On a miss the cache
    /// directory exists afterwards.
    Result<bool> isCached(const QString &cachePath, const QString &sha256, qint64 size, bool verifyHash = false);
    /// Uploads a local package file to cachePath (only needed after a miss).
    VoidResult uploadToCache(const QString &localPath, const QString &cachePath, const ProgressCallback &progress = {});
    /// One command for the cache check and, on a hit, the extraction: the extracted package, or
    /// nothing on a miss (the cache directory then exists). A hit is the package file or, for a
    /// compressed tar, its plain tar; a plain tar found damaged is removed and counts as a miss.
    Result<std::optional<ExtractedPackage>> extractIfCached(const QString &cachePath, const QString &sha256, qint64 size,
                                                            const QString &extension, const QString &packageDirectory,
                                                            const QString &version);
    /// One command for a cache miss: sends the local package, extracts it as it arrives (tar
    /// packages) and stores it in the cache once complete; a compressed tar that GNU tar reads
    /// is stored as its plain tar only.
    Result<ExtractedPackage> receiveAndExtract(const QString &localPath, const QString &cachePath,
                                               const QString &extension, const QString &packageDirectory,
                                               const QString &version);
    struct Delivery
    {
        ExtractedPackage package;
        bool fromCache = false; ///< the cache had it; the package was not sent
        qint64 bytesDropped = 0; ///< on a hit, what was sent before the target said it had the package
    };
    /// One command whether or not the cache holds the package: extracted from the cache on a hit
    /// (sending stops as soon as the target says so), received and extracted on a miss. A
    /// damaged cached copy costs a second command that sends the package whole.
    Result<Delivery> extractOrReceive(const QString &localPath, const QString &cachePath, const QString &sha256,
                                      const QString &extension, const QString &packageDirectory, const QString &version);
    Result<ExtractedPackage> extract(const QString &cachePath, const QString &extension,
                                     const QString &packageDirectory, const QString &version);
    VoidResult switchCurrent(const QString &packageDirectory, const QString &extractedDirectory);
    struct SwitchOutcome
    {
        QStringList removed;          ///< the directories retention deleted
        QStringList removedFromCache; ///< the package cache files retention deleted
        QString retentionError;       ///< a sentence when retention failed (the switch still happened)
        bool cacheBusy = false;       ///< the package cache was in use by another deployment and was not pruned
    };
    /// switchCurrent() and applyRetention() in one command.
    Result<SwitchOutcome> switchCurrentAndApplyRetention(const QString &packageDirectory,
                                                         const QString &extractedDirectory, int keep,
                                                         const QString &cacheDirectory = {});
    /// What PackageDeployScript::switchCurrentAndRetentionScript() did when it ran after a script,
    /// in that script's command (ScriptBootstrap::setAfterSuccess()).
    Result<SwitchOutcome> switchOutcome(const AfterScriptResult &after) const;
    /// The absolute paths of the directories deleted. With a cacheDirectory, the packages no kept
    /// extraction on the target came from leave the cache too (PackageDeployScript::retentionScript()).
    Result<QStringList> applyRetention(const QString &packageDirectory, int keep = 3,
                                       const QString &cacheDirectory = {});
    /// The absolute path of the copy.
    Result<QString> transfer(const QString &cachePath, const QString &destinationDirectory, const QString &fileName);

private:
    struct Outcome;
    /// stopInputOnCacheHit: stop sending standardInputFile once the script reports a cache hit.
    Result<Outcome> runScript(const QString &script, const QString &standardInputFile = {},
                              bool stopInputOnCacheHit = false);
    /// Whether the script reported packageCacheDamaged (the damaged plain tar is gone and the
    /// package must be sent again); reports it through m_onLine.
    bool reportedDamagedCache(const Outcome &outcome) const;
    Result<ExtractedPackage> extracted(const Result<Outcome> &outcome);
    Error failure(const Outcome &outcome, const QString &activity) const;
    Result<SwitchOutcome> switchOutcome(const Outcome &outcome) const;

    Transport &m_transport;
    LineHandler m_onLine;
    QString m_afterExtraction;
};

} // namespace Cuttle
