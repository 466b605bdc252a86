#include "model/transport/local/localtransport.h"

#include "model/core/sha256hash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QString signalName(int signal)
{
    const char *name = sigabbrev_np(signal);
    return name ? QString::fromLatin1(name) : QString::number(signal);
}

Result<QByteArray> hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(LocalTransport::tr("%1 could not be read back: %2.").arg(path, file.errorString()));
    Sha256Hash hash;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return Error::failed(LocalTransport::tr("%1 could not be read back: %2.").arg(path, file.errorString()));
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
    }
    return hash.hexResult();
}

} // namespace

LocalTransport::LocalTransport(const QString &rootDirectory)
    : m_root(QDir::cleanPath(QDir(rootDirectory).absolutePath()))
{
}

LocalTransport::~LocalTransport() = default;

QString LocalTransport::targetDescription() const
{
    return m_root;
}

QString LocalTransport::resolve(const QString &path) const
{
    return QDir::isAbsolutePath(path) ? path : QDir(m_root).filePath(path);
}

VoidResult LocalTransport::connect(QDeadlineTimer)
{
    m_connected = false;
    if (isCancelled())
        return cancelledError();
    const QFileInfo info(m_root);
    if (!info.exists())
        return Error::failed(tr("The directory %1 does not exist.").arg(m_root));
    if (!info.isDir())
        return Error::failed(tr("%1 is not a directory.").arg(m_root));
    m_connected = true;
    return {};
}

Result<ExitInfo> LocalTransport::run(const RunRequest &request, const OutputCallbacks &callbacks)
{
    if (!m_connected)
        return Error::failed(tr("%1 is not connected.").arg(m_root));
    if (isCancelled())
        return cancelledError();

    QProcess process;
    process.setProgram(request.shell == RunRequest::Shell::Bash ? u"/bin/bash"_s : u"/bin/sh"_s);
    process.setArguments({u"-c"_s, request.script});
    process.setWorkingDirectory(request.workingDirectory.isEmpty() ? m_root : resolve(request.workingDirectory));
    if (!request.environment.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : request.environment)
            environment.insert(name, value);
        process.setProcessEnvironment(environment);
    }
    if (!request.standardInputFile.isEmpty() && !QFileInfo(request.standardInputFile).isReadable())
        return Error::failed(tr("%1 cannot be read.").arg(request.standardInputFile));
    if (!request.standardInputFile.isEmpty())
        process.setStandardInputFile(request.standardInputFile);
    else if (request.standardInput.isEmpty())
        process.setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so that cancelling reaches everything the script started.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start();
    if (!process.waitForStarted(-1)) {
        return Error::failed(tr("%1 could not be started in %2: %3.")
                                 .arg(process.program(), process.workingDirectory(), process.errorString()));
    }
    const pid_t group = pid_t(process.processId());
    if (request.standardInputFile.isEmpty() && !request.standardInput.isEmpty()) {
        process.write(request.standardInput);
        process.closeWriteChannel();
    }

    auto drain = [&]() {
        const QByteArray out = process.readAllStandardOutput();
        if (!out.isEmpty() && callbacks.onStdout)
            callbacks.onStdout(out);
        const QByteArray err = process.readAllStandardError();
        if (!err.isEmpty() && callbacks.onStderr)
            callbacks.onStderr(err);
    };

    bool termSent = false;
    bool killSent = false;
    QDeadlineTimer grace;
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(50);
        drain();
        if (isCancelled()) {
            if (!termSent) {
                ::kill(-group, SIGTERM);
                termSent = true;
                grace.setRemainingTime(m_grace);
            } else if (!killSent && grace.hasExpired()) {
                ::kill(-group, SIGKILL);
                killSent = true;
            }
        }
    }
    process.waitForFinished(-1);
    drain();
    if (termSent) {
        // Children that ignored TERM must not outlive the cancelled script.
        ::kill(-group, SIGKILL);
        return cancelledError();
    }
    if (process.exitStatus() == QProcess::CrashExit)
        return ExitInfo{-1, signalName(process.exitCode())};
    return ExitInfo{process.exitCode(), {}};
}

VoidResult LocalTransport::upload(QIODevice *source, qint64 size, const QString &remotePath, const ProgressCallback &progress)
{
    if (!m_connected)
        return Error::failed(tr("%1 is not connected.").arg(m_root));
    if (remotePath.isEmpty() || remotePath.endsWith(u'/'))
        return Error::validation(tr("The upload destination must be a file path."), u"remotePath"_s);
    if (!source || !source->isReadable())
        return Error::failed(tr("The data to upload to %1 cannot be read.").arg(remotePath));
    const QString destination = resolve(remotePath);
    const QFileInfo info(destination);
    const QString temporary = info.absolutePath() + u"/."_s + info.fileName() + u".cuttle-"_s
        + QString::number(QRandomGenerator::global()->generate64(), 16) + u".part"_s;

    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::failed(tr("%1 could not be created: %2.").arg(temporary, file.errorString()));
    auto fail = [&](const Error &error) -> VoidResult {
        file.close();
        QFile::remove(temporary);
        return error;
    };

    Sha256Hash hash;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    qint64 copied = 0;
    for (;;) {
        if (isCancelled())
            return fail(cancelledError());
        qint64 n = source->read(buffer.data(), buffer.size());
        if (n == 0 && source->isSequential() && !source->atEnd() && source->waitForReadyRead(-1))
            continue;
        if (n < 0)
            return fail(Error::failed(tr("Reading the data for %1 failed: %2.").arg(remotePath, source->errorString())));
        if (n == 0)
            break;
        if (file.write(buffer.constData(), n) != n)
            return fail(Error::failed(tr("Writing %1 failed: %2.").arg(temporary, file.errorString())));
        hash.addData(QByteArrayView(buffer.constData(), n));
        copied += n;
        if (progress)
            progress(copied, size);
    }
    if (!file.flush())
        return fail(Error::failed(tr("Writing %1 failed: %2.").arg(temporary, file.errorString())));
    file.close();

    Result<QByteArray> written = hashFile(temporary);
    if (!written)
        return fail(written.error());
    if (*written != hash.hexResult())
        return fail(Error::failed(tr("The copy of %1 in %2 does not match the data sent.").arg(remotePath, m_root)));
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(destination).constData()) != 0) {
        return fail(Error::failed(tr("%1 could not be moved into place: %2.")
                                      .arg(destination, QString::fromLocal8Bit(std::strerror(errno)))));
    }
    return {};
}

VoidResult LocalTransport::download(const QString &remotePath, const QString &localPath, const ProgressCallback &progress)
{
    if (!m_connected)
        return Error::failed(tr("%1 is not connected.").arg(m_root));
    const QString source = resolve(remotePath);
    QFile::remove(localPath);
    if (!QFile::copy(source, localPath))
        return Error::failed(tr("%1 could not be copied to %2.").arg(source, localPath));
    if (progress) {
        const qint64 size = QFileInfo(localPath).size();
        progress(size, size);
    }
    return {};
}

} // namespace Cuttle
