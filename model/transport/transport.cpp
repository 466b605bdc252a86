#include "model/transport/transport.h"

#include <QCoreApplication>
#include <QFile>

namespace Cuttle {

Transport::~Transport() = default;

Result<ExitInfo> Transport::run(const QString &script, const OutputCallbacks &callbacks)
{
    RunRequest request;
    request.script = script;
    return run(request, callbacks);
}

VoidResult Transport::upload(const QString &localPath, const QString &remotePath, const ProgressCallback &progress)
{
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::failed(tr("Could not open %1 for upload: %2.")
                                 .arg(localPath, file.errorString()));
    }
    return upload(&file, file.size(), remotePath, progress);
}

void Transport::cancel()
{
    m_cancelled.store(true);
    abortBlockingCall();
}

Error Transport::cancelledError() const
{
    return Error::cancelled(tr("The operation on %1 was cancelled.")
                                .arg(targetDescription()));
}

} // namespace Cuttle
