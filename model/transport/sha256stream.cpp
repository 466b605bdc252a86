#include "model/transport/sha256stream.h"

#include <openssl/evp.h>

namespace Cuttle {

struct Sha256Stream::Context
{
    EVP_MD_CTX *ctx = nullptr;
};

Sha256Stream::Sha256Stream()
    : m_context(std::make_unique<Context>())
{
    m_context->ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
}

Sha256Stream::~Sha256Stream()
{
    EVP_MD_CTX_free(m_context->ctx);
}

void Sha256Stream::addData(const char *data, qint64 size)
{
    EVP_DigestUpdate(m_context->ctx, data, size_t(size));
}

QByteArray Sha256Stream::hexResult()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

} // namespace Cuttle
