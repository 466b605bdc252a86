// Compares PackageFileStore::push of a large package with `cp` followed by `sha256sum`,
// the work push replaces, and reports push's peak memory.
// Usage: bench_push [size in bytes, K/M/G suffix allowed; default 1G] [directory; default temp]

#include "model/packages/packagefilestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

qint64 parseSize(QString text)
{
    qint64 factor = 1;
    if (text.endsWith(u'K', Qt::CaseInsensitive))
        factor = 1024;
    else if (text.endsWith(u'M', Qt::CaseInsensitive))
        factor = 1024 * 1024;
    else if (text.endsWith(u'G', Qt::CaseInsensitive))
        factor = 1024LL * 1024 * 1024;
    if (factor != 1)
        text.chop(1);
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && n > 0 ? n * factor : -1;
}

// A tar with one entry of pseudo-random bytes, so nothing compresses or deduplicates it.
bool writePackage(const QString &path, qint64 size)
{
    std::unique_ptr<archive, decltype(&archive_write_free)> w(archive_write_new(), &archive_write_free);
    archive_write_set_format_gnutar(w.get());
    if (archive_write_open_filename(w.get(), QFile::encodeName(path).constData()) != ARCHIVE_OK)
        return false;
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), &archive_entry_free);
    archive_entry_set_pathname(e.get(), "payload.bin");
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), size);
    if (archive_write_header(w.get(), e.get()) != ARCHIVE_OK)
        return false;
    std::vector<quint64> block(128 * 1024);
    quint64 x = 0x9E3779B97F4A7C15ULL;
    for (qint64 left = size; left > 0;) {
        for (quint64 &v : block) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v = x;
        }
        const qint64 n = std::min<qint64>(left, qint64(block.size() * sizeof(quint64)));
        if (archive_write_data(w.get(), block.data(), size_t(n)) != n)
            return false;
        left -= n;
    }
    return archive_write_close(w.get()) == ARCHIVE_OK;
}

bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), p.readAllStandardError().constData());
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 size = args.size() > 1 ? parseSize(args[1]) : 1024LL * 1024 * 1024;
    const QString base = args.size() > 2 ? args[2] : QDir::tempPath();
    if (size <= 0) {
        std::fprintf(stderr, "usage: bench_push [size[K|M|G]] [directory]\n");
        return 2;
    }
    QTemporaryDir dir(base + u"/cuttle-bench-push-XXXXXX"_s);
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a folder in %s\n", qPrintable(base));
        return 1;
    }
    const QString source = dir.filePath(u"Bench.Package.1.0.0.tar"_s);
    std::printf("creating %s (%lld bytes of payload)\n", qPrintable(source), static_cast<long long>(size));
    if (!writePackage(source, size)) {
        std::fprintf(stderr, "cannot write the package\n");
        return 1;
    }
    const qint64 fileSize = QFileInfo(source).size();
    const long rssBeforePush = peakRssKiB();

    // Reference: copy, then hash the copy, as a user would by hand.
    QElapsedTimer timer;
    timer.start();
    const QString copy = dir.filePath(u"copy.tar"_s);
    QByteArray sumOutput;
    if (!run(u"cp"_s, {source, copy}) || !run(u"sha256sum"_s, {copy}, &sumOutput))
        return 1;
    const double referenceSeconds = timer.nsecsElapsed() / 1e9;
    QFile::remove(copy);

    Cuttle::PackageFileStore store(dir.filePath(u"packages"_s));
    timer.restart();
    const auto stored = store.push(source);
    const double pushSeconds = timer.nsecsElapsed() / 1e9;
    if (!stored) {
        std::fprintf(stderr, "push failed: %s\n", qPrintable(stored.error().message));
        return 1;
    }
    const long rssAfterPush = peakRssKiB();
    const bool sameHash = sumOutput.startsWith(stored->sha256.toLatin1());

    // The same without the flush to disk, which cp does not do either.
    QFile::remove(stored->path);
    Cuttle::PackageFileStore::PushOptions noSync;
    noSync.sync = false;
    timer.restart();
    const auto unsynced = store.push(source, noSync);
    const double pushNoSyncSeconds = timer.nsecsElapsed() / 1e9;
    if (!unsynced) {
        std::fprintf(stderr, "push without sync failed: %s\n", qPrintable(unsynced.error().message));
        return 1;
    }

    std::printf("file size:              %lld bytes\n", static_cast<long long>(fileSize));
    std::printf("cp + sha256sum:         %.3f s\n", referenceSeconds);
    std::printf("push (fdatasync):       %.3f s  ratio %.2f\n", pushSeconds, pushSeconds / referenceSeconds);
    std::printf("push (no sync):         %.3f s  ratio %.2f\n", pushNoSyncSeconds, pushNoSyncSeconds / referenceSeconds);
    std::printf("peak RSS before push:   %.1f MiB\n", rssBeforePush / 1024.0);
    std::printf("peak RSS after push:    %.1f MiB\n", rssAfterPush / 1024.0);
    std::printf("sha256 matches sha256sum: %s\n", sameHash ? "yes" : "NO");
    return sameHash ? 0 : 1;
}
