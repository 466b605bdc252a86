#include "views/library/packageuploader.h"

#include "model/engine/builtinrepository.h"
#include "model/engine/workspacesession.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

int PackageUploader::Summary::count(Outcome outcome) const
{
    return int(std::count_if(files.cbegin(), files.cend(), [outcome](const FileResult &f) {
        return f.outcome == outcome;
    }));
}

PackageUploader::PackageUploader(WorkspaceSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

void PackageUploader::upload(const QStringList &files, bool replace)
{
    if (files.isEmpty())
        return;
    m_busy = true;
    emit started(int(files.size()));
    WorkspaceSession *session = m_session;
    const QString spaceId = session->currentSpaceId();
    const QString packagesDirectory = session->workspace()->packagesDirectory();
    session->request<Summary>(this, [session, spaceId, packagesDirectory, files, replace]() {
        BuiltinRepository repository(session->context(), packagesDirectory, spaceId);
        Summary summary;
        for (const QString &file : files) {
            FileResult result;
            result.file = file;
            auto pushed = repository.push(file, replace);
            if (!pushed) {
                result.reason = pushed.error().message;
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
            summary.files << result;
        }
        return summary;
    }, [this](Summary summary) {
        m_busy = false;
        if (summary.count(Outcome::Added) + summary.count(Outcome::Replaced) > 0)
            emit m_session->changed(u"Package"_s);
        emit finished(summary);
    });
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
