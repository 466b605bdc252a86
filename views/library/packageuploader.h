#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace Cuttle {

class WorkspaceSession;

/// Pushes package files to the built-in repository of the current space, one at a time on a
/// thread of its own (a multi-gigabyte push neither freezes the window nor holds up the
/// session's other requests), and reports each file's progress and outcome. Files can be
/// added while others upload and cancelled one by one or all at once; finished() comes with
/// the summary when nothing is left to do. The Packages tab's upload button and the main
/// window's drop target share one uploader.
class PackageUploader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackageUploader)

public:
    enum class Outcome { Added, Unchanged, Replaced, Rejected };
    enum class State { Waiting, Running, AwaitingDecision, Done };

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

    /// Local files to upload, and what was refused before any upload (folders, remote URLs).
    struct Selection
    {
        QStringList files;
        QList<FileResult> rejected;
    };

    explicit PackageUploader(WorkspaceSession *session, QObject *parent = nullptr);
    ~PackageUploader() override;

    /// Sorts dropped URLs into local files and rejections with a reason each.
    static Selection select(const QList<QUrl> &urls);

    /// Queues `files` (and records `rejected` ones for the summary); fileQueued() follows for
    /// each. A version already present with other content is replaced when `replace`, waits
    /// for decide() when askBeforeReplacing(), and is rejected otherwise.
    void upload(const QStringList &files, bool replace = false, const QList<FileResult> &rejected = {});
    void upload(const Selection &selection) { upload(selection.files, false, selection.rejected); }

    /// Stops one file: a waiting one is dropped, a running push is stopped and leaves the
    /// repository as it was, a pending question is answered "skip".
    void cancel(int fileId);
    void cancelAll();
    /// Answers the question of a file in AwaitingDecision: replace the stored version or keep it.
    void decide(int fileId, bool replace);

    void setAskBeforeReplacing(bool ask) { m_askBeforeReplacing = ask; }
    bool askBeforeReplacing() const { return m_askBeforeReplacing; }

    bool isBusy() const { return !m_entries.isEmpty(); }
    State state(int fileId) const;
    /// The ids of the files since the uploader was last idle, in the order they came.
    QList<int> fileIds() const;
    QString fileName(int fileId) const;

    /// The summary as lines for the user: added, unchanged, replaced, then rejected files with reasons.
    static QString describe(const Summary &summary);

signals:
    /// Uploads begin after a time of rest.
    void started(int fileCount);
    void fileQueued(int fileId, const QString &file);
    /// Throttled: at most a few times a second per file.
    void fileProgress(int fileId, qint64 done, qint64 total);
    /// The version is in the repository with other content: replace it or keep it? Call decide().
    void decisionNeeded(int fileId, const QString &packageName, const QString &message);
    void fileFinished(int fileId, const Cuttle::PackageUploader::FileResult &result);
    void finished(const Cuttle::PackageUploader::Summary &summary);

private:
    struct Entry
    {
        int id = 0;
        QString file;
        QString spaceId;
        bool replace = false;
        State state = State::Waiting;
        FileResult result;
        std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
        std::shared_ptr<std::atomic<qint64>> done = std::make_shared<std::atomic<qint64>>(0);
        std::shared_ptr<std::atomic<qint64>> total = std::make_shared<std::atomic<qint64>>(-1);
        qint64 reportedDone = -1;
    };

    Entry *entry(int fileId);
    const Entry *entry(int fileId) const;
    void startNext();
    void pushFinished(int fileId, const FileResult &result, bool needsDecision);
    void finish(Entry &entry, const FileResult &result);
    void reportProgress();
    void finishIfIdle();

    WorkspaceSession *m_session = nullptr;
    QList<Entry> m_entries;
    QPointer<QThread> m_thread;
    QTimer *m_progressTimer = nullptr;
    int m_nextId = 1;
    int m_changedFiles = 0;
    bool m_askBeforeReplacing = false;
};

} // namespace Cuttle
