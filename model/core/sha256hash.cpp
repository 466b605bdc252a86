#include "model/core/sha256hash.h"

#include <openssl/evp.h>

namespace Cuttle {

struct Sha256Hash::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256Hash::Sha256Hash() : m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
}

Sha256Hash::~Sha256Hash() = default;

void Sha256Hash::addData(QByteArrayView data)
{
    EVP_DigestUpdate(m_context->ctx, data.data(), size_t(data.size()));
}

QByteArray Sha256Hash::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, reinterpret_cast<unsigned char *>(digest.data()), &length);
    digest.resize(int(length));
    return digest;
}

} // namespace Cuttle
