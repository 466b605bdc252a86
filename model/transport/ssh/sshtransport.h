#pragma once

#include "model/transport/hostkeypolicy.h"
#include "model/transport/sshcredentials.h"
#include "model/transport/transport.h"

#include <QCoreApplication>

#include <chrono>
#include <memory>

namespace Cuttle {

/// A Transport to a Linux/Unix target over SSH (libssh): one session for every command and upload.
class SshTransport final : public Transport
{
    Q_DECLARE_TR_FUNCTIONS(SshTransport)

public:
    enum class UploadMethod {
        Sftp,       ///< SFTP writes of 255 KiB, then sha256sum on the target
        ExecStream, ///< `tee tmp | sha256sum` over an exec channel: hashing overlaps the transfer
    };
    static constexpr UploadMethod DefaultUploadMethod = UploadMethod::ExecStream;

    enum class HostKeyVerdict { NotChecked, Trusted, AcceptedNew, Unknown, Mismatch };

    /// Field of the Error that connect() returns for an unknown (Validation) or changed (Conflict) host key.
    static QString hostKeyField();

    explicit SshTransport(SshCredentials credentials, HostKeyPolicy policy = {});
    ~SshTransport() override;
    Q_DISABLE_COPY_MOVE(SshTransport)

    QString targetDescription() const override;
    VoidResult connect(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever)) override;
    bool isConnected() const override;
    Result<ExitInfo> run(const RunRequest &request, const OutputCallbacks &callbacks = {}) override;
    using Transport::run;
    using Transport::upload;
    VoidResult upload(QIODevice *source, qint64 size, const QString &remotePath,
                      const ProgressCallback &progress = {}) override;
    VoidResult download(const QString &remotePath, const QString &localPath,
                        const ProgressCallback &progress = {}) override;
    void close() override;

    /// The fingerprint the server offered in the last connect(), "SHA256:..." (also after a refusal).
    QString offeredHostKeyFingerprint() const;
    HostKeyVerdict hostKeyVerdict() const;

    void setUploadMethod(UploadMethod method);
    UploadMethod uploadMethod() const;
    /// How long a cancelled command gets between TERM and KILL.
    void setCancelGracePeriod(std::chrono::milliseconds period);

protected:
    void abortBlockingCall() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Cuttle
