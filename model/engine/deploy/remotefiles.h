#pragma once

#include "model/core/result.h"
#include "model/transport/exitinfo.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

class Transport;
struct ServiceMessageEvent;

/// Reads and rewrites the files a deployment changes in place on a target (variable
/// substitution, structured configuration): one command for all files read and one for all
/// files written, instead of a listing, a download per file and an upload with its rename per
/// file.
class RemoteFiles final
{
    Q_DECLARE_TR_FUNCTIONS(RemoteFiles)

public:
    struct File
    {
        QString relativePath; ///< as the pattern matched it, relative to the directory
        QByteArray content;
    };

    /// The regular files under `directory` that match the globs (`**` for any depth), each once,
    /// in the order the patterns found them.
    static Result<QList<File>> fetch(Transport &transport, const QString &directory, const QStringList &patterns);
    /// Replaces each file under `directory` with its content, in one command, each through a
    /// temporary file renamed over it, so that readers see the old or the new file and a link
    /// shared with another file is not written through. Each file keeps its permissions. Stops
    /// at the first file that cannot be replaced; the ones before it stay replaced.
    static VoidResult store(Transport &transport, const QString &directory, const QList<File> &files);
    /// The command store() runs, with storeInput() on its standard input.
    static QString storeScript(const QString &directory, const QList<File> &files);
    /// The files' contents one after another, each followed by a line that proves it complete.
    static QByteArray storeInput(const QList<File> &files);

    /// store() as the start of another command (see ScriptBootstrap::storeFilesFirst()): Bash
    /// that takes exactly the files' contents from the start of standard input, leaving the rest
    /// to the command, and on a failure prints the service message filesNotStored (path: the
    /// file) with the tool's complaint on stderr, and exits.
    struct StoreAlong
    {
        QString script;
        QByteArray input;
    };
    /// Nothing when the files need more than one command (see store()).
    static std::optional<StoreAlong> storeAlong(const QString &directory, const QList<File> &files);
    /// The sentence for a failure to store `path` on a target: what the tools said on stderr,
    /// else the exit code.
    static QString storeFailure(const QString &path, const QString &target, const QByteArray &standardError,
                                const ExitInfo &exit);

    /// Files to read in the command that extracts a package, before anything can change them,
    /// so that no command of their own is needed.
    struct PrefetchRequest
    {
        QString name;         ///< tells the sets apart in the answer
        QStringList patterns; ///< as for fetch()
    };
    /// A set whose stream (names and contents) would be longer is not sent along; fetch() reads
    /// it. Encoded twice it stays well under ServiceMessageParser's line limit.
    static constexpr qint64 PrefetchBudgetBytes = 4 * 1024 * 1024;
    /// Bash, run in the directory the patterns are relative to, that reports each set's files as
    /// a service message; it needs ServiceMessageShell::functions() before it.
    static QString prefetchScript(const QList<PrefetchRequest> &requests);
    /// The files of set `name` among the messages prefetchScript() wrote; nothing if it sent none.
    static std::optional<QList<File>> prefetched(const QList<ServiceMessageEvent> &messages, const QString &name);

    /// The stream fetch() reads: for each file its path, NUL, its size in decimal, NUL, its bytes.
    static Result<QList<File>> parse(const QByteArray &stream);
    static QString fetchScript(const QString &directory, const QStringList &patterns);

private:
    static QString storeLine(const File &file);
    static QString storeScript(const QString &directory, const QList<File> &files, bool failureAsMessage);
    static bool fitsOneCommand(const QList<File> &files, qsizetype from, qsizetype *end);
    static VoidResult storeBatch(Transport &transport, const QString &directory, const QList<File> &files);
    /// What the command said on stderr, else its exit code.
    static QString reason(const QByteArray &standardError, const ExitInfo &exit);
};

} // namespace Cuttle
