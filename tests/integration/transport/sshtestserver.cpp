#include "sshtestserver.h"

#include <libssh/libssh.h>
#include <libssh/server.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Cuttle::Test {

namespace {

quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

constexpr int Methods = SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE;

} // namespace

SshTestServer::SshTestServer(const QString &user, const QString &password)
    : m_user(user)
    , m_password(password)
{
}

SshTestServer::~SshTestServer()
{
    stop();
}

bool SshTestServer::start(QString *error)
{
    ssh_key key = nullptr;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
        if (error)
            *error = QStringLiteral("cannot generate a host key");
        return false;
    }
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength);
    char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
    m_fingerprint = QString::fromLatin1(fingerprint);
    ssh_string_free_char(fingerprint);
    ssh_clean_pubkey_hash(&hash);

    ssh_bind bind = ssh_bind_new();
    m_bind = bind;
    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, key); // the bind owns the key now
    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_BINDADDR, "127.0.0.1");
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        int port = m_port;
        ssh_bind_options_set(bind, SSH_BIND_OPTIONS_BINDPORT, &port);
        if (ssh_bind_listen(bind) == SSH_OK) {
            m_thread = std::thread([this] { serve(); });
            return true;
        }
    }
    if (error)
        *error = QString::fromUtf8(ssh_get_error(bind));
    return false;
}

void SshTestServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_bind) {
        ssh_bind_free(static_cast<ssh_bind>(m_bind));
        m_bind = nullptr;
    }
}

void SshTestServer::serve()
{
    auto bind = static_cast<ssh_bind>(m_bind);
    while (!m_stop) {
        pollfd pfd{ssh_bind_get_fd(bind), POLLIN, 0};
        if (::poll(&pfd, 1, 50) <= 0)
            continue;
        ssh_session session = ssh_new();
        if (ssh_bind_accept(bind, session) == SSH_OK)
            handleSession(session);
        ssh_disconnect(session);
        ssh_free(session);
    }
}

void SshTestServer::handleSession(void *opaque)
{
    auto session = static_cast<ssh_session>(opaque);
    long timeout = 5;
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout);
    if (ssh_handle_key_exchange(session) != SSH_OK)
        return;
    ssh_set_auth_methods(session, Methods);
    const QByteArray user = m_user.toUtf8();
    const QByteArray password = m_password.toUtf8();
    bool authenticated = false;
    ssh_channel channel = nullptr;
    while (ssh_message message = ssh_message_get(session)) {
        const int type = ssh_message_type(message);
        const int subtype = ssh_message_subtype(message);
        bool handled = false;
        if (type == SSH_REQUEST_AUTH && subtype == SSH_AUTH_METHOD_PASSWORD) {
            // The message API is deprecated in favour of server callbacks, but keeps this server short.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
            const QByteArray given = ssh_message_auth_password(message);
#pragma GCC diagnostic pop
            if (user == ssh_message_auth_user(message) && password == given) {
                ssh_message_auth_reply_success(message, 0);
                authenticated = true;
                handled = true;
            }
        } else if (type == SSH_REQUEST_AUTH && subtype == SSH_AUTH_METHOD_INTERACTIVE) {
            if (!ssh_message_auth_kbdint_is_response(message)) {
                const char *prompts[] = {"Password: ", "Verification code: "};
                char echo[] = {0, 1};
                ssh_message_auth_interactive_request(message, "cuttle-test", "Answer both.", 2, prompts, echo);
                handled = true;
            } else {
                ++m_kbdintRounds;
                const int answers = ssh_userauth_kbdint_getnanswers(session);
                bool right = answers == 2;
                for (int i = 0; right && i < answers; ++i)
                    right = password == ssh_userauth_kbdint_getanswer(session, unsigned(i));
                if (right) {
                    ssh_message_auth_reply_success(message, 0);
                    authenticated = true;
                    handled = true;
                }
            }
        } else if (type == SSH_REQUEST_CHANNEL_OPEN && subtype == SSH_CHANNEL_SESSION && authenticated && !channel) {
            channel = ssh_message_channel_request_open_reply_accept(message);
            handled = channel != nullptr;
        } else if (type == SSH_REQUEST_CHANNEL && subtype == SSH_CHANNEL_REQUEST_EXEC && channel) {
            ssh_message_channel_request_reply_success(message);
            ssh_channel_write(channel, "ok\n", 3);
            ssh_channel_request_send_exit_status(channel, 0);
            ssh_channel_send_eof(channel);
            ssh_channel_close(channel);
            ssh_channel_free(channel);
            channel = nullptr;
            handled = true;
        }
        if (!handled) {
            if (type == SSH_REQUEST_AUTH)
                ssh_message_auth_set_methods(message, Methods);
            ssh_message_reply_default(message);
        }
        ssh_message_free(message);
    }
    if (channel)
        ssh_channel_free(channel);
}

} // namespace Cuttle::Test
