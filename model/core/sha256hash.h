#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace Cuttle {

/// Incremental SHA-256 through libcrypto; QCryptographicHash in Qt 6.4 is too slow to hash
/// large packages at disk speed.
class Sha256Hash final
{
public:
    Sha256Hash();
    ~Sha256Hash();
    Sha256Hash(const Sha256Hash &) = delete;
    Sha256Hash &operator=(const Sha256Hash &) = delete;

    void addData(QByteArrayView data);
    /// The 32-byte digest; the object cannot take more data afterwards.
    QByteArray result();
    /// The digest in lower-case hex, as sha256sum prints it.
    QByteArray hexResult() { return result().toHex(); }

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace Cuttle
