#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

namespace Cuttle {

class WorkspaceSession;

/// Pushes package files to the built-in repository of the current space on the session's
/// worker thread and reports, file by file, what became of each. The Packages tab's upload
/// button uses it; so can anything else that receives files (e.g. a drop on the window).
class PackageUploader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackageUploader)

public:
    enum class Outcome { Added, Unchanged, Replaced, Rejected };

    struct FileResult
    {
        QString file;          ///< as given to upload()
        Outcome outcome = Outcome::Rejected;
        QString packageName;   ///< `<id> <version>`; empty when rejected
        QString reason;        ///< the one-sentence reason of a rejection
    };

    struct Summary
    {
        QList<FileResult> files;
        int count(Outcome outcome) const;
    };

    explicit PackageUploader(WorkspaceSession *session, QObject *parent = nullptr);

    /// Starts pushing `files`; finished() follows. A version already present with other
    /// content is rejected unless `replace`.
    void upload(const QStringList &files, bool replace = false);
    bool isBusy() const { return m_busy; }

    /// The summary as lines for the user: added, unchanged, replaced, then rejected files with reasons.
    static QString describe(const Summary &summary);

signals:
    void started(int fileCount);
    void finished(const Cuttle::PackageUploader::Summary &summary);

private:
    WorkspaceSession *m_session = nullptr;
    bool m_busy = false;
};

} // namespace Cuttle
