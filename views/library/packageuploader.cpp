#include "views/library/packageuploader.h"

#include "model/engine/builtinrepository.h"
#include "model/engine/workspacesession.h"
#include "model/packages/packagefilename.h"

#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

// Often enough for a bar to move smoothly, rarely enough that a fast disk does not flood the
// event loop with repaints.
constexpr int ProgressIntervalMs = 100;

} // namespace

int PackageUploader::Summary::count(Outcome outcome) const
{
    return int(std::count_if(files.cbegin(), files.cend(), [outcome](const FileResult &f) {
        return f.outcome == outcome;
    }));
}

PackageUploader::PackageUploader(WorkspaceSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(ProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &PackageUploader::reportProgress);
}

PackageUploader::~PackageUploader()
{
    for (Entry &e : m_entries)
        e.cancel->store(true);
    // A push thread must not outlive the uploader it reports to; cancelled, it ends at the next block.
    const auto threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait();
}

PackageUploader::Selection PackageUploader::select(const QList<QUrl> &urls)
{
    Selection selection;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile()) {
            selection.rejected << FileResult{url.toDisplayString(), Outcome::Rejected, {},
                                             tr("Only files on this computer can be uploaded, not “%1”.").arg(url.toDisplayString())};
            continue;
        }
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        QString reason;
        if (!info.exists())
            reason = tr("The file does not exist.");
        else if (info.isDir())
            reason = tr("It is a folder; drop the package files inside it instead.");
        else if (!info.isFile())
            reason = tr("It is not a regular file.");
        if (reason.isEmpty())
            selection.files << path;
        else
            selection.rejected << FileResult{path, Outcome::Rejected, {}, reason};
    }
    return selection;
}

PackageUploader::Entry *PackageUploader::entry(int fileId)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [fileId](const Entry &e) { return e.id == fileId; });
    return it == m_entries.end() ? nullptr : &*it;
}

const PackageUploader::Entry *PackageUploader::entry(int fileId) const
{
    auto it = std::find_if(m_entries.cbegin(), m_entries.cend(), [fileId](const Entry &e) { return e.id == fileId; });
    return it == m_entries.cend() ? nullptr : &*it;
}

PackageUploader::State PackageUploader::state(int fileId) const
{
    const Entry *e = entry(fileId);
    return e ? e->state : State::Done;
}

QList<int> PackageUploader::fileIds() const
{
    QList<int> ids;
    for (const Entry &e : m_entries)
        ids << e.id;
    return ids;
}

QString PackageUploader::fileName(int fileId) const
{
    const Entry *e = entry(fileId);
    return e ? e->file : QString();
}

void PackageUploader::upload(const QStringList &files, bool replace, const QList<FileResult> &rejected)
{
    if (files.isEmpty() && rejected.isEmpty())
        return;
    const bool wasIdle = m_entries.isEmpty();
    if (wasIdle) {
        m_changedFiles = 0;
        emit started(int(files.size() + rejected.size()));
    }
    for (const QString &file : files) {
        Entry e;
        e.id = m_nextId++;
        e.file = file;
        e.spaceId = m_session->currentSpaceId();
        e.replace = replace;
        m_entries << e;
        emit fileQueued(e.id, file);
    }
    for (const FileResult &result : rejected) {
        Entry e;
        e.id = m_nextId++;
        e.file = result.file;
        m_entries << e;
        emit fileQueued(e.id, result.file);
        finish(m_entries.last(), result);
    }
    startNext();
    finishIfIdle();
}

void PackageUploader::startNext()
{
    if (m_thread)
        return;
    auto next = std::find_if(m_entries.begin(), m_entries.end(), [](const Entry &e) { return e.state == State::Waiting; });
    if (next == m_entries.end()) {
        m_progressTimer->stop();
        return;
    }
    next->state = State::Running;
    next->reportedDone = -1;
    next->done->store(0);
    const int id = next->id;
    const QString file = next->file;
    const QString spaceId = next->spaceId;
    const QString packagesDirectory = m_session->workspace()->packagesDirectory();
    const StoreContext context = m_session->context();
    const bool replace = next->replace;
    const bool ask = m_askBeforeReplacing;
    const auto cancel = next->cancel;
    const auto done = next->done;
    const auto total = next->total;
    total->store(QFileInfo(file).size());

    QThread *thread = QThread::create([this, id, file, spaceId, packagesDirectory, context, replace, ask, cancel, done, total]() {
        BuiltinRepository repository(context, packagesDirectory, spaceId);
        BuiltinRepository::PushControl control;
        control.cancel = cancel.get();
        control.progress = [done, total](qint64 bytes, qint64 size) {
            done->store(bytes, std::memory_order_relaxed);
            total->store(size, std::memory_order_relaxed);
        };
        FileResult result;
        result.file = file;
        bool needsDecision = false;
        auto pushed = repository.push(file, replace, control);
        if (!pushed) {
            const Error &error = pushed.error();
            result.reason = error.message;
            needsDecision = ask && error.kind == ErrorKind::Conflict && error.field == u"replace"_s;
            if (error.kind == ErrorKind::Cancelled)
                result.reason = tr("The upload was cancelled; the repository is unchanged.");
        } else {
            result.packageName = pushed->record.displayName();
            switch (pushed->outcome) {
            case BuiltinRepository::PushOutcome::Added:
                result.outcome = Outcome::Added;
                break;
            case BuiltinRepository::PushOutcome::Unchanged:
                result.outcome = Outcome::Unchanged;
                break;
            case BuiltinRepository::PushOutcome::Replaced:
                result.outcome = Outcome::Replaced;
                break;
            }
        }
        // The uploader waits for this thread before it is destroyed, so `this` is alive here.
        QMetaObject::invokeMethod(this, [this, id, result, needsDecision]() {
            pushFinished(id, result, needsDecision);
        }, Qt::QueuedConnection);
    });
    thread->setObjectName(u"PackageUpload"_s);
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_thread = thread;
    thread->start(QThread::LowPriority);
    m_progressTimer->start();
    emit fileProgress(id, 0, total->load());
}

void PackageUploader::pushFinished(int fileId, const FileResult &result, bool needsDecision)
{
    // The thread is about to end on its own; the next push may start meanwhile.
    m_thread = nullptr;
    Entry *e = entry(fileId);
    if (e) {
        if (needsDecision && !e->cancel->load()) {
            e->state = State::AwaitingDecision;
            const auto name = PackageFileName::parse(QFileInfo(e->file).fileName());
            emit decisionNeeded(fileId, name ? name->packageId() + u' ' + name->versionText() : QFileInfo(e->file).fileName(),
                                result.reason);
        } else {
            const qint64 total = e->total->load();
            if (result.outcome != Outcome::Rejected && total >= 0)
                emit fileProgress(fileId, total, total);
            finish(*e, result);
        }
    }
    startNext();
    finishIfIdle();
}

void PackageUploader::finish(Entry &e, const FileResult &result)
{
    e.state = State::Done;
    e.result = result;
    if (result.outcome == Outcome::Added || result.outcome == Outcome::Replaced)
        ++m_changedFiles;
    emit fileFinished(e.id, result);
}

void PackageUploader::cancel(int fileId)
{
    Entry *e = entry(fileId);
    if (!e)
        return;
    switch (e->state) {
    case State::Waiting:
        finish(*e, FileResult{e->file, Outcome::Rejected, {}, tr("The upload was cancelled before it started.")});
        break;
    case State::Running:
        e->cancel->store(true);
        return; // the push reports back once it has cleaned up
    case State::AwaitingDecision:
        decide(fileId, false);
        return;
    case State::Done:
        return;
    }
    finishIfIdle();
}

void PackageUploader::cancelAll()
{
    const QList<int> ids = fileIds();
    for (int id : ids)
        cancel(id);
}

void PackageUploader::decide(int fileId, bool replace)
{
    Entry *e = entry(fileId);
    if (!e || e->state != State::AwaitingDecision)
        return;
    if (replace) {
        e->replace = true;
        e->state = State::Waiting;
        startNext();
        return;
    }
    const auto name = PackageFileName::parse(QFileInfo(e->file).fileName());
    finish(*e, FileResult{e->file, Outcome::Rejected, {},
                          tr("Skipped: %1 is already in the repository with different content, which was kept.")
                              .arg(name ? name->packageId() + u' ' + name->versionText() : QFileInfo(e->file).fileName())});
    finishIfIdle();
}

void PackageUploader::reportProgress()
{
    for (Entry &e : m_entries) {
        if (e.state != State::Running)
            continue;
        const qint64 done = e.done->load(std::memory_order_relaxed);
        if (done != e.reportedDone) {
            e.reportedDone = done;
            emit fileProgress(e.id, done, e.total->load(std::memory_order_relaxed));
        }
    }
}

void PackageUploader::finishIfIdle()
{
    if (m_entries.isEmpty())
        return;
    const bool idle = std::all_of(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return e.state == State::Done; });
    if (!idle)
        return;
    m_progressTimer->stop();
    Summary summary;
    for (const Entry &e : std::as_const(m_entries))
        summary.files << e.result;
    m_entries.clear();
    if (m_changedFiles > 0)
        emit m_session->changed(u"Package"_s);
    m_changedFiles = 0;
    emit finished(summary);
}

QString PackageUploader::describe(const Summary &summary)
{
    QStringList lines;
    const auto add = [&](Outcome outcome, const QString &heading) {
        QStringList names;
        for (const FileResult &f : summary.files) {
            if (f.outcome == outcome)
                names << f.packageName;
        }
        if (!names.isEmpty())
            lines << heading.arg(names.join(u", "_s));
    };
    add(Outcome::Added, tr("Added: %1"));
    add(Outcome::Unchanged, tr("Unchanged (already in the repository): %1"));
    add(Outcome::Replaced, tr("Replaced: %1"));
    for (const FileResult &f : summary.files) {
        if (f.outcome == Outcome::Rejected)
            lines << tr("Rejected: %1 — %2").arg(QFileInfo(f.file).fileName(), f.reason);
    }
    return lines.join(u'\n');
}

} // namespace Cuttle
