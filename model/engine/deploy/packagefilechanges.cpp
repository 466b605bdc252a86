#include "model/engine/deploy/packagefilechanges.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Cuttle {

PackageFileChanges::PackageFileChanges(Transport &transport, const QString &directory)
    : m_transport(transport)
    , m_directory(directory)
{
}

PackageFileChanges::~PackageFileChanges() = default;

void PackageFileChanges::setPrefetched(const QString &set, const QStringList &patterns,
                                       const QList<RemoteFiles::File> &files)
{
    m_prefetched.insert(set, {patterns, files});
}

QString PackageFileChanges::keyOf(const QString &relativePath) const
{
    return QDir::cleanPath(QDir(m_directory).absoluteFilePath(relativePath));
}

Result<PackageFileChanges::Applied> PackageFileChanges::apply(const QString &set, const QStringList &patterns,
                                                             const Change &change)
{
    QList<RemoteFiles::File> files;
    Applied applied;
    const auto prefetched = m_prefetched.constFind(set);
    if (prefetched != m_prefetched.cend() && prefetched->patterns == patterns) {
        // Read right after the extraction; earlier sets' changes are laid over below.
        files = prefetched->files;
        applied.readWithExtraction = true;
    } else {
        // Read from the target, which must then hold what earlier sets changed: a file can be
        // reached by another path (absolute, through a link) than the one they used.
        if (auto stored = store(); !stored)
            return stored.error();
        auto fetched = RemoteFiles::fetch(m_transport, m_directory, patterns);
        if (!fetched)
            return fetched.error();
        files = *fetched;
    }
    if (!m_scratch) {
        m_scratch = std::make_unique<QTemporaryDir>();
        if (!m_scratch->isValid())
            return Error::failed(tr("No temporary folder could be made to change the files in."));
    }
    // Only a set changed whole joins the pending files.
    QList<RemoteFiles::File> changedHere;
    for (RemoteFiles::File &file : files) {
        const QString key = keyOf(file.relativePath);
        for (const RemoteFiles::File &earlier : std::as_const(m_changed)) {
            if (keyOf(earlier.relativePath) == key)
                file.content = earlier.content;
        }
        const QString local = m_scratch->filePath(QString::number(m_copies++) + u'-' + QFileInfo(file.relativePath).fileName());
        QFile copy(local);
        if (!copy.open(QIODevice::WriteOnly) || copy.write(file.content) != file.content.size())
            return Error::failed(tr("A local copy of %1 could not be written.").arg(file.relativePath));
        copy.close();
        auto changed = change(local, file.relativePath);
        if (!changed)
            return changed.error();
        if (!*changed)
            continue;
        if (!copy.open(QIODevice::ReadOnly))
            return Error::failed(tr("The changed copy of %1 could not be read.").arg(file.relativePath));
        file.content = copy.readAll();
        changedHere.append(file);
    }
    for (const RemoteFiles::File &file : std::as_const(changedHere)) {
        const QString key = keyOf(file.relativePath);
        bool replaced = false;
        for (RemoteFiles::File &earlier : m_changed) {
            if (keyOf(earlier.relativePath) == key) {
                earlier.content = file.content;
                replaced = true;
            }
        }
        if (!replaced)
            m_changed.append(file);
    }
    applied.matched = int(files.size());
    return applied;
}

VoidResult PackageFileChanges::store()
{
    if (m_changed.isEmpty())
        return {};
    auto stored = RemoteFiles::store(m_transport, m_directory, m_changed);
    if (stored)
        m_changed.clear();
    return stored;
}

} // namespace Cuttle
