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

Result<PackageFileChanges::Applied> PackageFileChanges::apply(const QString &set, const QStringList &patterns,
                                                             const Change &change)
{
    QList<RemoteFiles::File> files;
    Applied applied;
    const auto prefetched = m_prefetched.constFind(set);
    if (prefetched != m_prefetched.cend() && prefetched->patterns == patterns) {
        files = prefetched->files;
        applied.readWithExtraction = true;
    } else {
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
    for (RemoteFiles::File &file : files) {
        // A file an earlier set changed is read as changed: nothing is written back until store().
        const QString key = QDir::cleanPath(file.relativePath);
        qsizetype earlier = -1;
        for (qsizetype i = 0; i < m_changed.size(); ++i) {
            if (QDir::cleanPath(m_changed.at(i).relativePath) == key) {
                earlier = i;
                break;
            }
        }
        if (earlier >= 0)
            file.content = m_changed.at(earlier).content;
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
        copy.close();
        if (earlier >= 0)
            m_changed[earlier].content = file.content;
        else
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
