#pragma once

#include <QByteArray>

#include <memory>

namespace Cuttle {

/// Incremental SHA-256 (OpenSSL, several times faster than QCryptographicHash on these machines).
class Sha256Stream final
{
public:
    Sha256Stream();
    ~Sha256Stream();
    Q_DISABLE_COPY_MOVE(Sha256Stream)

    void addData(const char *data, qint64 size);
    /// Lower-case hex digest, as sha256sum prints it.
    QByteArray hexResult();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace Cuttle
