#pragma once

#include <QString>

namespace Cuttle {

/// The Bash scripts that deploy a package on a target, each run as its own command so that a
/// failure before switchCurrentScript() leaves `current` on the previous release.
///
/// Layout under a target's application root:
///   <root>/.cuttle/packages/<sha256>.<ext>                              the package cache
///   <root>/.cuttle/packages/<sha256>.<ext>.expanded.<bytes>.tar         a compressed tar, decompressed
///   <root>/<environment>[/<tenant>]/<package id>/<version>[_N]          one fresh directory per extraction
///   <root>/<environment>[/<tenant>]/<package id>/current                symlink to the deployed one
///   <root>/<environment>[/<tenant>]/<package id>/.cuttle-extractions    extraction order, for retention:
///       one line per directory, "<directory>\t<cache file it came from>"
/// Results come back as service messages on stdout (see ServiceMessageParser); failures as the
/// exit codes below, with the tool's complaint on stderr.
class PackageDeployScript final
{
public:
    enum ExitCode {
        PackageMissing = 10,   ///< the package is not in the cache
        UnsafeEntry = 11,      ///< the archive has an absolute or `..` entry (packageRefused names it)
        UnreadableArchive = 12,
        NoZipTool = 13,        ///< neither unzip nor bsdtar is installed
        DirectoryFailed = 14,  ///< a directory could not be created
        ExtractionFailed = 15,
        NotExtracted = 16,     ///< the directory to switch to is not in the package directory
        SwitchFailed = 17,
        CopyFailed = 18,
        Incomplete = 19,       ///< fewer bytes arrived than the package has
        CacheDamaged = 20,     ///< the cached plain tar was unreadable and is removed (packageCacheDamaged names it)
    };

    /// Turns an environment, tenant, package id or version into one safe path component.
    static QString pathSegment(const QString &name);
    /// "<root>/.cuttle/packages/<sha256>.<ext>"; extension with or without a leading dot.
    static QString cachePath(const QString &root, const QString &sha256, const QString &extension);
    /// "<root>/.cuttle/packages", where cachePath() puts packages.
    static QString cacheDirectory(const QString &root);
    /// Where a compressed tar's plain tar is kept once decompressed, so that later extractions skip
    /// the decompression: "<cachePath>.expanded", followed by ".<its size in bytes>.tar".
    static QString expandedCachePath(const QString &cachePath);
    /// "<root>/<environment>[/<tenant>]/<package id>".
    static QString packageDirectory(const QString &root, const QString &environment, const QString &tenant,
                                    const QString &packageId);

    /// Prints packageCache status='hit'|'miss'; on a miss creates the cache directory. A cached
    /// file of another size than `size` (when size >= 0), or with another SHA-256 (when
    /// verifyHash), is removed and is a miss.
    static QString cacheCheckScript(const QString &cachePath, const QString &sha256, qint64 size,
                                    bool verifyHash = false);
    /// Extracts the cached package into a new `<packageDirectory>/<version>[_N]` and prints
    /// packageExtracted path='<absolute dir>' directory='<name>' scripts='<convention scripts found>'.
    /// Archives with absolute or `..` entries are refused before anything is written.
    static QString extractScript(const QString &cachePath, const QString &extension,
                                 const QString &packageDirectory, const QString &version);
    /// cacheCheckScript() (without a second hash) and, on a hit, extractScript() in one command:
    /// prints packageCache, then on a hit packageExtracted.
    static QString extractIfCachedScript(const QString &cachePath, const QString &sha256, qint64 size,
                                         const QString &extension, const QString &packageDirectory,
                                         const QString &version);
    /// Receives the package on stdin, extracts it as extractScript() does (as it arrives, for a tar
    /// that GNU tar reads) and stores it in the cache once all `size` bytes are there.
    /// afterExtraction: Bash run in the same command once the package is extracted, in the new
    /// directory (for work that would otherwise cost a command of its own); its failure does not
    /// undo the extraction.
    static QString receiveAndExtractScript(const QString &cachePath, const QString &extension, qint64 size,
                                           const QString &packageDirectory, const QString &version,
                                           const QString &afterExtraction = {});
    /// extractIfCachedScript() and receiveAndExtractScript() in one command, for a package sent
    /// on stdin: on a hit (packageCache status='hit', printed first) the input is not needed and
    /// the package is extracted from the cache; on a miss it is received and extracted.
    static QString extractOrReceiveScript(const QString &cachePath, const QString &sha256, qint64 size,
                                          const QString &extension, const QString &packageDirectory,
                                          const QString &version, const QString &afterExtraction = {});
    /// Points `<packageDirectory>/current` at the extracted directory by renaming a new symlink over it.
    static QString switchCurrentScript(const QString &packageDirectory, const QString &extractedDirectory);
    /// switchCurrentScript() then retentionScript() in one command; a failed retention prints
    /// retentionFailed and leaves the switch done.
    static QString switchCurrentAndRetentionScript(const QString &packageDirectory, const QString &extractedDirectory,
                                                   int keep, const QString &cacheDirectory = {});
    /// Deletes extracted directories older than the last keep (keep < 1: none), never the one
    /// `current` points to; prints retentionRemoved path='...' per deleted directory. With a
    /// cacheDirectory, a package whose last extraction went is removed from the cache (with its
    /// plain tar) unless an extraction journal elsewhere under the root still names it; prints
    /// packageCacheRemoved name='...' for each.
    static QString retentionScript(const QString &packageDirectory, int keep, const QString &cacheDirectory = {});
    /// Copies the cached package to `<destinationDirectory>/<fileName>` (through a temporary name)
    /// and prints packageTransferred path='<absolute path>'.
    static QString transferScript(const QString &cachePath, const QString &destinationDirectory, const QString &fileName);
};

} // namespace Cuttle
