#include "model/transport/ssh/sshtransport.h"

#include "model/core/sha256hash.h"
#include "model/transport/shellquote.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QLocale>
#include <QMutex>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <functional>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

// OpenSSH drops the SFTP channel on writes of 256 KiB or more.
constexpr qint64 TransferChunk = 255 * 1024;
// Linux limits one argument to 128 KiB; the command reaches the login shell as one argument.
constexpr int MaxCommandBytes = 120 * 1024;

QString sizeText(qint64 bytes)
{
    if (bytes < 0)
        return SshTransport::tr("an unknown number of bytes");
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

/// Whether the key text is encrypted, so that a failed import can be explained precisely.
bool isEncryptedKey(const QByteArray &keyText)
{
    if (keyText.contains("ENCRYPTED"))
        return true; // PEM: "Proc-Type: 4,ENCRYPTED" or PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY"
    const QByteArray begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const qsizetype start = keyText.indexOf(begin);
    if (start < 0)
        return false;
    const qsizetype end = keyText.indexOf("-----END", start + begin.size());
    const QByteArray body = QByteArray::fromBase64(keyText.mid(start + begin.size(), end - start - begin.size()).simplified().replace(' ', ""));
    const QByteArray magic("openssh-key-v1\0", 15);
    if (!body.startsWith(magic) || body.size() < magic.size() + 4)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(body.constData() + magic.size());
    const quint32 length = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    return body.mid(magic.size() + 4, length) != "none";
}

/// The line each command prints first: sshd starts it as a session leader, so its pid names its
/// whole process group, which cancel() stops. On stdout rather than in a file on the target:
/// nothing to clean up afterwards, no command of its own for that.
constexpr char ProcessGroupMarker[] = "##cuttle-process-group ";

struct ExecState
{
    const OutputCallbacks *callbacks = nullptr;
    QByteArray *stdoutCapture = nullptr;
    /// Until the marker line has been found: what stdout brought so far (a login shell's start-up
    /// files may print before it). Bytes around the marker are the command's output.
    QByteArray beforeGroup;
    bool groupSearched = false;
    qint64 processGroup = 0;
    const char *groupSignal = nullptr; ///< the last signal for the group ("TERM", "KILL")
    bool groupSignalled = false;       ///< ... and whether the group got it (it may not have been known yet)
    QByteArray stderrTail;
    bool eof = false;
    bool closed = false;
    bool exitKnown = false;
    int exitStatus = -1;
    QString signal;
};

void deliverStdout(ExecState *state, const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    if (state->stdoutCapture)
        state->stdoutCapture->append(chunk);
    if (state->callbacks && state->callbacks->onStdout)
        state->callbacks->onStdout(chunk);
}

/// Takes the process group marker out of stdout; everything else is delivered as it came.
void searchProcessGroup(ExecState *state, const QByteArray &chunk)
{
    state->beforeGroup.append(chunk);
    const qsizetype marker = state->beforeGroup.indexOf(ProcessGroupMarker);
    const qsizetype end = marker < 0 ? -1 : state->beforeGroup.indexOf('\n', marker);
    if (end >= 0) {
        const qsizetype digits = marker + qsizetype(sizeof(ProcessGroupMarker) - 1);
        state->processGroup = state->beforeGroup.mid(digits, end - digits).toLongLong();
        const QByteArray before = state->beforeGroup.left(marker);
        const QByteArray after = state->beforeGroup.mid(end + 1);
        state->beforeGroup.clear();
        state->groupSearched = true;
        deliverStdout(state, before);
        deliverStdout(state, after);
    } else if (state->beforeGroup.size() > 64 * 1024) {
        // Start-up files that print this much: the command goes without a known group.
        state->groupSearched = true;
        deliverStdout(state, std::exchange(state->beforeGroup, {}));
    }
}

int onChannelData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *userdata)
{
    auto *state = static_cast<ExecState *>(userdata);
    const QByteArray chunk(static_cast<const char *>(data), qsizetype(len));
    if (isStderr) {
        state->stderrTail.append(chunk);
        if (state->stderrTail.size() > 4096)
            state->stderrTail = state->stderrTail.right(4096);
        if (state->callbacks && state->callbacks->onStderr)
            state->callbacks->onStderr(chunk);
    } else if (!state->groupSearched) {
        searchProcessGroup(state, chunk);
    } else {
        deliverStdout(state, chunk);
    }
    return int(len);
}

void onChannelEof(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ExecState *>(userdata)->eof = true;
}

void onChannelClose(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ExecState *>(userdata)->closed = true;
}

void onExitStatus(ssh_session, ssh_channel, int exitStatus, void *userdata)
{
    auto *state = static_cast<ExecState *>(userdata);
    state->exitKnown = true;
    state->exitStatus = exitStatus;
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *, void *userdata)
{
    auto *state = static_cast<ExecState *>(userdata);
    state->exitKnown = true;
    state->exitStatus = -1;
    state->signal = QString::fromLatin1(signal);
}

/// Feeds a command's stdin: returns the bytes read into buffer, 0 at the end, -1 on a read error.
using StdinFeeder = std::function<qint64(char *buffer, qint64 capacity)>;

} // namespace

struct SshTransport::Private
{
    SshCredentials credentials;
    HostKeyPolicy policy;
    ssh_session session = nullptr;
    sftp_session sftp = nullptr;
    QString offeredFingerprint;
    HostKeyVerdict verdict = HostKeyVerdict::NotChecked;
    UploadMethod uploadMethod = DefaultUploadMethod;
    std::chrono::milliseconds grace{3000};

    // Only the socket is touched from another thread (to abort a connect); the mutex keeps it
    // from being shut down after close() has handed it back to the system.
    QMutex fdMutex;
    int fd = -1;
    bool connecting = false;

    QString target() const
    {
        return credentials.username + u'@' + credentials.host + u':' + QString::number(credentials.port);
    }
    QString hostPort() const { return credentials.host + u':' + QString::number(credentials.port); }
    QString sshError() const { return QString::fromUtf8(ssh_get_error(session)); }

    void disconnect()
    {
        if (sftp) {
            sftp_free(sftp);
            sftp = nullptr;
        }
        if (session) {
            {
                QMutexLocker locker(&fdMutex);
                fd = -1;
                connecting = false;
            }
            ssh_disconnect(session);
            ssh_free(session);
            session = nullptr;
        }
    }

    Error connectionLost(const QString &what) const
    {
        return Error::failed(tr("The connection to %1 was lost while %2: %3.").arg(hostPort(), what, sshError()));
    }

    /// Runs a command on its own channel without callbacks and waits up to timeoutMs for it to end.
    void fireAndWait(const QString &command, int timeoutMs)
    {
        ssh_channel channel = ssh_channel_new(session);
        if (!channel)
            return;
        if (ssh_channel_open_session(channel) == SSH_OK
            && ssh_channel_request_exec(channel, command.toUtf8().constData()) == SSH_OK) {
            QDeadlineTimer deadline(timeoutMs);
            char buffer[256];
            while (!deadline.hasExpired() && !ssh_channel_is_eof(channel) && ssh_is_connected(session)) {
                if (ssh_channel_read_timeout(channel, buffer, sizeof(buffer), 0, 50) == SSH_ERROR)
                    break;
            }
            ssh_channel_close(channel);
        }
        ssh_channel_free(channel);
    }
    /// The signal request, and a kill of the command's process group for servers that ignore
    /// such requests (OpenSSH does for root sessions).
    /// A signal sent before the group was known reaches the group once it is (see
    /// signalLateGroup()).
    void signalProcessGroup(ssh_channel channel, ExecState &state, const char *signal)
    {
        ssh_channel_request_send_signal(channel, signal);
        state.groupSignal = signal;
        state.groupSignalled = state.processGroup > 1;
        if (state.groupSignalled)
            killProcessGroup(state);
    }
    void signalLateGroup(ExecState &state)
    {
        if (state.groupSignal && !state.groupSignalled && state.processGroup > 1) {
            state.groupSignalled = true;
            killProcessGroup(state);
        }
    }
    void killProcessGroup(const ExecState &state)
    {
        fireAndWait(u"kill -%1 -- -%2 2>/dev/null"_s.arg(QLatin1String(state.groupSignal)).arg(state.processGroup), 2000);
    }

    VoidResult checkHostKey();
    VoidResult authenticate();
    VoidResult authenticateWithKey();
    VoidResult authenticateWithAgent();
    VoidResult authenticateWithPassword();
    VoidResult authenticateKeyboardInteractive();
    VoidResult authResult(int rc, const QString &method);

    Result<ExitInfo> execute(SshTransport *self, const QByteArray &command, const OutputCallbacks *callbacks,
                             QByteArray *stdoutCapture, QByteArray *stderrTail, const StdinFeeder &feeder,
                             const QString &activity);
    /// Runs a short helper command (hash, rename, remove) and returns its stdout.
    Result<QByteArray> helper(SshTransport *self, const QString &command, const QString &activity);
};

QString SshTransport::hostKeyField()
{
    return u"hostKeyFingerprint"_s;
}

SshTransport::SshTransport(SshCredentials credentials, HostKeyPolicy policy)
    : d(std::make_unique<Private>())
{
    d->credentials = std::move(credentials);
    d->policy = std::move(policy);
}

SshTransport::~SshTransport()
{
    close();
}

QString SshTransport::targetDescription() const
{
    return d->target();
}

bool SshTransport::isConnected() const
{
    return d->session && ssh_is_connected(d->session);
}

QString SshTransport::offeredHostKeyFingerprint() const
{
    return d->offeredFingerprint;
}

SshTransport::HostKeyVerdict SshTransport::hostKeyVerdict() const
{
    return d->verdict;
}

void SshTransport::setUploadMethod(UploadMethod method)
{
    d->uploadMethod = method;
}

SshTransport::UploadMethod SshTransport::uploadMethod() const
{
    return d->uploadMethod;
}

void SshTransport::setCancelGracePeriod(std::chrono::milliseconds period)
{
    d->grace = period;
}

void SshTransport::abortBlockingCall()
{
    // Commands and transfers poll the flag themselves (and must keep the connection to stop the
    // remote command and remove temporary files); only a blocking handshake needs a push.
    QMutexLocker locker(&d->fdMutex);
    if (d->connecting && d->fd >= 0)
        ::shutdown(d->fd, SHUT_RDWR);
}

void SshTransport::close()
{
    d->disconnect();
}

VoidResult SshTransport::connect(QDeadlineTimer deadline)
{
    close();
    d->offeredFingerprint.clear();
    d->verdict = HostKeyVerdict::NotChecked;
    if (isCancelled())
        return cancelledError();

    const SshCredentials &c = d->credentials;
    if (c.host.isEmpty())
        return Error::validation(tr("The SSH target has no host name."), u"host"_s);
    if (c.username.isEmpty())
        return Error::validation(tr("The SSH target %1 has no user name.").arg(c.host), u"username"_s);
    if (c.port == 0)
        return Error::validation(tr("The SSH port must be between 1 and 65535."), u"port"_s);

    qint64 timeoutMs = c.timeout.count();
    if (!deadline.isForever())
        timeoutMs = std::min(timeoutMs, deadline.remainingTime());
    if (timeoutMs <= 0)
        return Error::failed(tr("No time was left to connect to %1.").arg(d->hostPort()));

    if (!c.honourSshConfig) {
        // libssh resolves synchronously and reports failures vaguely; a resolver error is worth its own sentence.
        addrinfo hints{};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *addresses = nullptr;
        const int rc = getaddrinfo(c.host.toUtf8().constData(), nullptr, &hints, &addresses);
        if (rc != 0) {
            return Error::failed(tr("The host name %1 could not be resolved: %2.")
                                     .arg(c.host, QString::fromLocal8Bit(gai_strerror(rc))));
        }
        freeaddrinfo(addresses);
    }

    d->session = ssh_new();
    ssh_session s = d->session;
    const QByteArray host = c.host.toUtf8();
    const QByteArray user = c.username.toUtf8();
    unsigned int port = c.port;
    long seconds = long(timeoutMs / 1000);
    long microseconds = long((timeoutMs % 1000) * 1000);
    int nodelay = 1;
    bool processConfig = c.honourSshConfig;
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &microseconds);
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    // Host keys are pinned on the target record, never read from or written to known_hosts.
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    // AES-GCM runs on AES-NI and moves uploads much faster than the chacha20 default.
    const char *ciphers = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes128-ctr,aes256-ctr";
    ssh_options_set(s, SSH_OPTIONS_CIPHERS_C_S, ciphers);
    ssh_options_set(s, SSH_OPTIONS_CIPHERS_S_C, ciphers);
    if (c.honourSshConfig)
        ssh_options_parse_config(s, nullptr);

    {
        QMutexLocker locker(&d->fdMutex);
        d->connecting = true;
    }
    // Non-blocking, so that cancel() is noticed while a silent server keeps us waiting for its banner.
    ssh_set_blocking(s, 0);
    const QDeadlineTimer handshakeDeadline(timeoutMs);
    int rc = SSH_AGAIN;
    bool timedOut = false;
    while ((rc = ssh_connect(s)) == SSH_AGAIN) {
        if (isCancelled())
            break;
        if (handshakeDeadline.hasExpired()) {
            timedOut = true;
            break;
        }
        const int fd = ssh_get_fd(s);
        if (fd >= 0) {
            pollfd pfd{fd, POLLIN, 0};
            ::poll(&pfd, 1, int(std::clamp<qint64>(handshakeDeadline.remainingTime(), 0, 20)));
        } else {
            QThread::msleep(5);
        }
    }
    ssh_set_blocking(s, 1);
    if (rc != SSH_OK) {
        const QString detail = d->sshError();
        d->disconnect();
        if (isCancelled())
            return cancelledError();
        if (timedOut)
            return Error::failed(tr("%1 did not complete the SSH handshake within %2 ms.")
                                     .arg(d->hostPort()).arg(timeoutMs));
        if (detail.contains(u"refused"_s, Qt::CaseInsensitive))
            return Error::failed(tr("The SSH server at %1 refused the connection.").arg(d->hostPort()));
        if (detail.contains(u"timeout"_s, Qt::CaseInsensitive) || detail.contains(u"timed out"_s, Qt::CaseInsensitive))
            return Error::failed(tr("%1 did not complete the SSH handshake within %2 ms.")
                                     .arg(d->hostPort()).arg(timeoutMs));
        if (detail.contains(u"resolve"_s, Qt::CaseInsensitive))
            return Error::failed(tr("The host name %1 could not be resolved.").arg(c.host));
        return Error::failed(tr("Could not connect to the SSH server at %1: %2.").arg(d->hostPort(), detail));
    }
    {
        QMutexLocker locker(&d->fdMutex);
        d->fd = ssh_get_fd(s);
    }
    if (isCancelled()) {
        d->disconnect();
        return cancelledError();
    }

    if (VoidResult hostKey = d->checkHostKey(); !hostKey) {
        d->disconnect();
        return hostKey;
    }
    VoidResult auth = d->authenticate();
    {
        QMutexLocker locker(&d->fdMutex);
        d->connecting = false;
    }
    if (!auth) {
        d->disconnect();
        if (isCancelled())
            return cancelledError();
        return auth;
    }
    return {};
}

VoidResult SshTransport::Private::checkHostKey()
{
    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(session, &serverKey) != SSH_OK)
        return Error::failed(tr("The SSH server at %1 did not present a host key.").arg(hostPort()));
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    const int rc = ssh_get_publickey_hash(serverKey, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength);
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey)));
    ssh_key_free(serverKey);
    if (rc != SSH_OK)
        return Error::failed(tr("The host key of %1 could not be read.").arg(hostPort()));
    char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
    ssh_clean_pubkey_hash(&hash);
    offeredFingerprint = QString::fromLatin1(fingerprint);
    ssh_string_free_char(fingerprint);

    QString pinned = policy.pinnedFingerprint.trimmed();
    if (!pinned.isEmpty() && !pinned.startsWith(u"SHA256:"_s))
        pinned.prepend(u"SHA256:"_s);
    if (pinned.isEmpty()) {
        if (policy.acceptNew) {
            verdict = HostKeyVerdict::AcceptedNew;
            return {};
        }
        verdict = HostKeyVerdict::Unknown;
        return Error::validation(tr("The host key of %1 is not trusted yet: the server offered %2 (%3).")
                                     .arg(hostPort(), offeredFingerprint, keyType),
                                 SshTransport::hostKeyField());
    }
    if (pinned != offeredFingerprint) {
        verdict = HostKeyVerdict::Mismatch;
        return Error::conflict(tr("The host key of %1 has changed: %2 is pinned but the server offered %3 (%4); "
                                  "the connection was refused.")
                                   .arg(hostPort(), pinned, offeredFingerprint, keyType),
                               SshTransport::hostKeyField());
    }
    verdict = HostKeyVerdict::Trusted;
    return {};
}

VoidResult SshTransport::Private::authenticate()
{
    int rc = ssh_userauth_none(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return Error::failed(tr("The SSH server at %1 closed the connection during authentication: %2.")
                                 .arg(hostPort(), sshError()));
    const int methods = ssh_userauth_list(session, nullptr);
    auto require = [&](int method, const QString &name) -> VoidResult {
        if (methods & method)
            return {};
        return Error::failed(tr("The SSH server at %1 does not allow %2 authentication.").arg(hostPort(), name));
    };
    switch (credentials.authMethod) {
    case SshCredentials::AuthMethod::PrivateKey:
        if (VoidResult ok = require(SSH_AUTH_METHOD_PUBLICKEY, tr("public key")); !ok)
            return ok;
        return authenticateWithKey();
    case SshCredentials::AuthMethod::Agent:
        if (VoidResult ok = require(SSH_AUTH_METHOD_PUBLICKEY, tr("public key")); !ok)
            return ok;
        return authenticateWithAgent();
    case SshCredentials::AuthMethod::Password:
        if (VoidResult ok = require(SSH_AUTH_METHOD_PASSWORD, tr("password")); !ok)
            return ok;
        return authenticateWithPassword();
    case SshCredentials::AuthMethod::KeyboardInteractive:
        if (VoidResult ok = require(SSH_AUTH_METHOD_INTERACTIVE, tr("keyboard-interactive")); !ok)
            return ok;
        return authenticateKeyboardInteractive();
    }
    return Error::failed(tr("Unknown SSH authentication method."));
}

VoidResult SshTransport::Private::authResult(int rc, const QString &rejection)
{
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return {};
    case SSH_AUTH_DENIED:
    case SSH_AUTH_PARTIAL:
        return Error::failed(rejection);
    default:
        return Error::failed(tr("Authentication with %1 failed: %2.").arg(hostPort(), sshError()));
    }
}

VoidResult SshTransport::Private::authenticateWithKey()
{
    const QByteArray &keyText = credentials.privateKey;
    if (keyText.trimmed().isEmpty())
        return Error::validation(tr("No private key was given for %1.").arg(target()), u"privateKey"_s);
    const bool encrypted = isEncryptedKey(keyText);
    if (encrypted && credentials.passphrase.isEmpty())
        return Error::validation(tr("The private key for %1 is protected by a passphrase, but no passphrase was given.")
                                     .arg(target()),
                                 u"passphrase"_s);
    const QByteArray passphrase = credentials.passphrase.toUtf8();
    ssh_key key = nullptr;
    const QByteArray text = keyText.trimmed() + '\n';
    if (ssh_pki_import_privkey_base64(text.constData(), passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                      nullptr, nullptr, &key)
        != SSH_OK) {
        if (encrypted)
            return Error::validation(tr("The passphrase for the private key of %1 is wrong.").arg(target()),
                                     u"passphrase"_s);
        return Error::validation(tr("The private key for %1 could not be read; it must be an OpenSSH or PEM private key.")
                                     .arg(target()),
                                 u"privateKey"_s);
    }
    const int rc = ssh_userauth_publickey(session, nullptr, key);
    ssh_key_free(key);
    return authResult(rc, tr("The SSH server at %1 did not accept the private key for user %2.")
                              .arg(hostPort(), credentials.username));
}

VoidResult SshTransport::Private::authenticateWithAgent()
{
    QByteArray socketPath = credentials.agentSocket.toLocal8Bit();
    if (socketPath.isEmpty())
        socketPath = qgetenv("SSH_AUTH_SOCK");
    if (socketPath.isEmpty())
        return Error::failed(tr("No SSH agent is available: SSH_AUTH_SOCK is not set."));
    ssh_options_set(session, SSH_OPTIONS_IDENTITY_AGENT, socketPath.constData());
    const int rc = ssh_userauth_publickey_auto(session, nullptr, nullptr);
    return authResult(rc, tr("The SSH server at %1 accepted none of the SSH agent's keys for user %2.")
                              .arg(hostPort(), credentials.username));
}

VoidResult SshTransport::Private::authenticateWithPassword()
{
    const int rc = ssh_userauth_password(session, nullptr, credentials.password.toUtf8().constData());
    return authResult(rc, tr("The SSH server at %1 rejected the password for user %2.").arg(hostPort(), credentials.username));
}

VoidResult SshTransport::Private::authenticateKeyboardInteractive()
{
    const QByteArray answer = credentials.password.toUtf8();
    int rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    // A server may ask several rounds (e.g. password, then a notice with no prompts).
    for (int round = 0; rc == SSH_AUTH_INFO && round < 16; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(session);
        for (int i = 0; i < prompts; ++i) {
            if (ssh_userauth_kbdint_setanswer(session, unsigned(i), answer.constData()) < 0)
                return Error::failed(tr("Authentication with %1 failed: %2.").arg(hostPort(), sshError()));
        }
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    }
    return authResult(rc, tr("The SSH server at %1 rejected the keyboard-interactive answers for user %2.")
                              .arg(hostPort(), credentials.username));
}

Result<ExitInfo> SshTransport::Private::execute(SshTransport *self, const QByteArray &command,
                                                const OutputCallbacks *callbacks, QByteArray *stdoutCapture,
                                                QByteArray *stderrTail, const StdinFeeder &feeder,
                                                const QString &activity)
{
    if (!session || !ssh_is_connected(session))
        return Error::failed(tr("%1 is not connected.").arg(target()));
    if (self->isCancelled())
        return self->cancelledError();

    ssh_channel channel = ssh_channel_new(session);
    if (!channel)
        return connectionLost(activity);
    if (ssh_channel_open_session(channel) != SSH_OK) {
        ssh_channel_free(channel);
        return connectionLost(activity);
    }
    ExecState state;
    state.callbacks = callbacks;
    state.stdoutCapture = stdoutCapture;
    ssh_channel_callbacks_struct channelCallbacks{};
    channelCallbacks.userdata = &state;
    channelCallbacks.channel_data_function = onChannelData;
    channelCallbacks.channel_eof_function = onChannelEof;
    channelCallbacks.channel_close_function = onChannelClose;
    channelCallbacks.channel_exit_status_function = onExitStatus;
    channelCallbacks.channel_exit_signal_function = onExitSignal;
    ssh_callbacks_init(&channelCallbacks);
    ssh_set_channel_callbacks(channel, &channelCallbacks);

    auto finish = [&](ssh_event event) {
        if (event) {
            ssh_event_remove_session(event, session);
            ssh_event_free(event);
        }
        ssh_remove_channel_callbacks(channel, &channelCallbacks);
        if (ssh_is_connected(session))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
        if (stderrTail)
            *stderrTail = state.stderrTail;
        if (!state.groupSearched)
            deliverStdout(&state, std::exchange(state.beforeGroup, {}));
    };

    const QByteArray wrapped = QByteArray("echo '") + ProcessGroupMarker + "'$$ 2>/dev/null; " + command;
    if (ssh_channel_request_exec(channel, wrapped.constData()) != SSH_OK) {
        const Error error = connectionLost(activity);
        finish(nullptr);
        return error;
    }

    ssh_event event = ssh_event_new();
    ssh_event_add_session(event, session);

    QByteArray buffer;
    bool stdinDone = !feeder;
    if (!stdinDone)
        buffer.resize(TransferChunk);
    bool termSent = false;
    bool killSent = false;
    bool lost = false;
    bool readFailed = false;
    bool stalled = false;
    QDeadlineTimer graceTimer;
    while (!state.closed && !ssh_channel_is_closed(channel)) {
        signalLateGroup(state);
        if (self->isCancelled()) {
            if (!termSent) {
                signalProcessGroup(channel, state, "TERM");
                termSent = true;
                graceTimer.setRemainingTime(grace);
            } else if (!killSent && graceTimer.hasExpired()) {
                signalProcessGroup(channel, state, "KILL");
                killSent = true;
                graceTimer.setRemainingTime(grace);
            } else if (killSent && graceTimer.hasExpired()) {
                break;
            }
        } else if (!stdinDone) {
            const qint64 n = feeder(buffer.data(), buffer.size());
            if (n < 0) {
                // The remote side must not mistake a short stream for a complete one.
                readFailed = true;
                signalProcessGroup(channel, state, "TERM");
                break;
            }
            if (n == 0) {
                ssh_channel_send_eof(channel);
                stdinDone = true;
            } else if (ssh_channel_write(channel, buffer.constData(), uint32_t(n)) != n) {
                if (!ssh_is_connected(session)) {
                    lost = true;
                    break;
                }
                if (!state.closed && !state.eof && !ssh_channel_is_closed(channel)) {
                    // The command is alive but took nothing for a whole timeout period.
                    stalled = true;
                    signalProcessGroup(channel, state, "TERM");
                    break;
                }
                stdinDone = true; // the command stopped reading; its exit status tells why
            }
            if (ssh_event_dopoll(event, 0) == SSH_ERROR && !ssh_is_connected(session)) {
                lost = true;
                break;
            }
            continue;
        }
        if (ssh_event_dopoll(event, 100) == SSH_ERROR || !ssh_is_connected(session)) {
            lost = !ssh_is_connected(session) || !state.closed;
            if (lost)
                break;
        }
    }
    if (lost) {
        const Error error = connectionLost(activity);
        finish(event);
        return error;
    }
    finish(event);
    if (readFailed)
        return Error::failed(tr("Reading the data to send failed while %1.").arg(activity));
    if (stalled) {
        return Error::failed(tr("%1 stopped accepting data for %2 ms while %3.")
                                 .arg(hostPort()).arg(credentials.timeout.count()).arg(activity));
    }
    if (self->isCancelled())
        return self->cancelledError();
    if (!state.exitKnown)
        return Error::failed(tr("The command on %1 ended without reporting an exit status.").arg(target()));
    return ExitInfo{state.exitStatus, state.signal};
}

Result<QByteArray> SshTransport::Private::helper(SshTransport *self, const QString &command, const QString &activity)
{
    QByteArray out;
    QByteArray err;
    Result<ExitInfo> result = execute(self, command.toUtf8(), nullptr, &out, &err, {}, activity);
    if (!result)
        return result.error();
    if (!result->succeeded()) {
        const QString detail = QString::fromUtf8(err).trimmed();
        return Error::failed(tr("%1 failed on %2: %3.")
                                 .arg(activity, hostPort(), detail.isEmpty() ? tr("exit code %1").arg(result->exitCode) : detail));
    }
    return out;
}

Result<ExitInfo> SshTransport::run(const RunRequest &request, const OutputCallbacks &callbacks)
{
    QString command;
    if (!request.workingDirectory.isEmpty())
        command += u"cd "_s + shellQuote(request.workingDirectory) + u" || exit 1; "_s;
    for (const auto &[name, value] : request.environment) {
        if (!isValidEnvironmentName(name))
            return Error::validation(tr("%1 is not a valid environment variable name.").arg(name));
        command += u"export "_s + name + u'=' + shellQuote(value) + u"; "_s;
    }
    if (request.shell == RunRequest::Shell::Bash)
        command += u"exec bash -c "_s + shellQuote(request.script);
    else
        command += request.script;
    const QByteArray bytes = command.toUtf8();
    if (bytes.size() > MaxCommandBytes)
        return Error::validation(tr("The script for %1 is too long (%2 bytes; at most %3 fit on a command line).")
                                     .arg(d->target()).arg(bytes.size()).arg(MaxCommandBytes));
    if (request.standardInputFile.isEmpty()) {
        // Without input the command reads end of file at once, as it would under a local shell.
        qint64 offset = 0;
        const StdinFeeder feeder = [&](char *buffer, qint64 capacity) {
            const qint64 n = std::min(capacity, qint64(request.standardInput.size()) - offset);
            memcpy(buffer, request.standardInput.constData() + offset, size_t(n));
            offset += n;
            return n;
        };
        return d->execute(this, bytes, &callbacks, nullptr, nullptr, feeder, tr("running a command"));
    }
    QFile input(request.standardInputFile);
    if (!input.open(QIODevice::ReadOnly))
        return Error::failed(tr("%1 cannot be read: %2.").arg(request.standardInputFile, input.errorString()));
    const StdinFeeder feeder = [&input, &request](char *buffer, qint64 capacity) -> qint64 {
        if (request.continueInput && !request.continueInput())
            return 0;
        return input.read(buffer, capacity);
    };
    return d->execute(this, bytes, &callbacks, nullptr, nullptr, feeder,
                      tr("sending %1 to a command").arg(QFileInfo(request.standardInputFile).fileName()));
}

VoidResult SshTransport::upload(QIODevice *source, qint64 size, const QString &remotePath, const ProgressCallback &progress)
{
    if (remotePath.isEmpty() || remotePath.endsWith(u'/'))
        return Error::validation(tr("The upload destination must be a file path."), u"remotePath"_s);
    if (!source || !source->isReadable())
        return Error::failed(tr("The data to upload to %1 cannot be read.").arg(remotePath));
    if (!isConnected())
        return Error::failed(tr("%1 is not connected.").arg(d->target()));

    const qsizetype slash = remotePath.lastIndexOf(u'/');
    const QString directory = slash < 0 ? QString() : remotePath.left(slash + 1);
    const QString name = remotePath.mid(slash + 1);
    const QString temporary = directory + u'.' + name + u".cuttle-"_s
        + QString::number(QRandomGenerator::global()->generate64(), 16) + u".part"_s;
    const QString quotedTemporary = shellQuote(temporary);

    Sha256Hash hash;
    qint64 sent = 0;
    StdinFeeder feeder = [&](char *buffer, qint64 capacity) -> qint64 {
        const qint64 n = source->read(buffer, capacity);
        if (n > 0) {
            hash.addData(QByteArrayView(buffer, n));
            sent += n;
            if (progress)
                progress(sent, size);
        } else if (n == 0 && !source->atEnd() && source->isSequential()) {
            source->waitForReadyRead(-1);
            return source->read(buffer, capacity) < 0 ? -1 : 0;
        }
        return n;
    };

    auto removeTemporary = [&]() {
        if (isConnected()) {
            // Cancellation is sticky; the cleanup must still run.
            const bool wasCancelled = isCancelled();
            resetCancellation();
            const bool removed = d->helper(this, u"rm -f -- "_s + quotedTemporary, tr("removing a temporary file")).ok();
            if (wasCancelled)
                cancel();
            return removed;
        }
        return false;
    };
    auto failed = [&](const Error &error) -> VoidResult {
        if (error.kind == ErrorKind::Cancelled) {
            removeTemporary();
            return error;
        }
        if (!isConnected()) {
            return Error::failed(tr("The connection to %1 was lost while uploading %2 after %3 of %4 had been sent (%5); "
                                    "the temporary file %6 may remain on the target.")
                                     .arg(d->hostPort(), remotePath, sizeText(sent), sizeText(size), d->sshError(),
                                          temporary));
        }
        if (removeTemporary())
            return error;
        QString message = error.message;
        if (message.endsWith(u'.'))
            message.chop(1);
        return Error::failed(tr("%1; the temporary file %2 could not be removed.").arg(message, temporary));
    };
    const QString activity = tr("uploading %1").arg(remotePath);

    QByteArray remoteHash;
    if (d->uploadMethod == UploadMethod::ExecStream) {
        // tee writes the file while sha256sum hashes the same bytes, so verifying costs no extra pass.
        // If the connection breaks, tee sees an early EOF and sha256sum cannot report: the trap
        // then removes the partial file on the target.
        const QString command = u"set -o pipefail; tmp="_s + quotedTemporary
            + u"; : > \"$tmp\" || exit 100; trap 'rm -f -- \"$tmp\"' EXIT; tee -- \"$tmp\" | sha256sum && trap - EXIT"_s;
        QByteArray out;
        QByteArray err;
        Result<ExitInfo> result = d->execute(this, (u"exec bash -c "_s + shellQuote(command)).toUtf8(), nullptr, &out,
                                             &err, feeder, activity);
        if (!result)
            return failed(result.error());
        if (!result->succeeded()) {
            const QString detail = QString::fromUtf8(err).trimmed();
            return failed(Error::failed(tr("Writing %1 on %2 failed: %3.")
                                            .arg(temporary, d->hostPort(),
                                                 detail.isEmpty() ? tr("exit code %1").arg(result->exitCode) : detail)));
        }
        remoteHash = out.left(64);
    } else {
        if (!d->sftp) {
            d->sftp = sftp_new(d->session);
            if (!d->sftp || sftp_init(d->sftp) != SSH_OK) {
                if (d->sftp)
                    sftp_free(d->sftp);
                d->sftp = nullptr;
                return Error::failed(tr("The SFTP subsystem on %1 could not be started: %2.").arg(d->hostPort(), d->sshError()));
            }
        }
        sftp_file file = sftp_open(d->sftp, temporary.toUtf8().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (!file) {
            return Error::failed(tr("%1 could not be created on %2: %3.")
                                     .arg(temporary, d->hostPort(), d->sshError()));
        }
        QByteArray buffer(TransferChunk, Qt::Uninitialized);
        for (;;) {
            if (isCancelled()) {
                sftp_close(file);
                return failed(cancelledError());
            }
            const qint64 n = feeder(buffer.data(), buffer.size());
            if (n < 0) {
                sftp_close(file);
                return failed(Error::failed(tr("Reading the data to send failed while %1.").arg(activity)));
            }
            if (n == 0)
                break;
            if (sftp_write(file, buffer.constData(), size_t(n)) != n) {
                const Error error = ssh_is_connected(d->session)
                    ? Error::failed(tr("Writing %1 on %2 failed: %3.").arg(temporary, d->hostPort(), d->sshError()))
                    : d->connectionLost(activity);
                sftp_close(file);
                return failed(error);
            }
        }
        if (sftp_close(file) != SSH_NO_ERROR)
            return failed(Error::failed(tr("Writing %1 on %2 failed: %3.").arg(temporary, d->hostPort(), d->sshError())));
        Result<QByteArray> out = d->helper(this, u"sha256sum -- "_s + quotedTemporary, tr("Hashing the uploaded file"));
        if (!out)
            return failed(out.error());
        remoteHash = out->left(64);
    }

    const QByteArray localHash = hash.hexResult();
    if (remoteHash != localHash) {
        return failed(Error::failed(tr("The upload to %1 on %2 arrived damaged: SHA-256 %3 was sent but %4 arrived.")
                                        .arg(remotePath, d->hostPort(), QString::fromLatin1(localHash),
                                             QString::fromLatin1(remoteHash))));
    }
    if (isCancelled())
        return failed(cancelledError());
    Result<QByteArray> moved = d->helper(this, u"mv -f -- "_s + quotedTemporary + u' ' + shellQuote(remotePath),
                                         tr("Moving the uploaded file into place"));
    if (!moved)
        return failed(moved.error());
    return {};
}

VoidResult SshTransport::download(const QString &remotePath, const QString &localPath, const ProgressCallback &progress)
{
    if (!isConnected())
        return Error::failed(tr("%1 is not connected.").arg(d->target()));
    QSaveFile file(localPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::failed(tr("%1 could not be written: %2.").arg(localPath, file.errorString()));
    qint64 received = 0;
    bool writeFailed = false;
    OutputCallbacks callbacks;
    callbacks.onStdout = [&](const QByteArray &chunk) {
        if (file.write(chunk) != chunk.size())
            writeFailed = true;
        received += chunk.size();
        if (progress)
            progress(received, -1);
    };
    QByteArray err;
    Result<ExitInfo> result = d->execute(this, (u"cat -- "_s + shellQuote(remotePath)).toUtf8(), &callbacks, nullptr,
                                         &err, {}, tr("downloading %1").arg(remotePath));
    if (!result) {
        file.cancelWriting();
        return result.error();
    }
    if (!result->succeeded()) {
        file.cancelWriting();
        return Error::failed(tr("%1 could not be read on %2: %3.")
                                 .arg(remotePath, d->hostPort(), QString::fromUtf8(err).trimmed()));
    }
    if (writeFailed || !file.commit())
        return Error::failed(tr("%1 could not be written: %2.").arg(localPath, file.errorString()));
    return {};
}

} // namespace Cuttle
