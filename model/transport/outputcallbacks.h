#pragma once

#include <QByteArray>

#include <functional>

namespace Cuttle {

/// Receivers of a command's output chunks, called on the transport's thread as the bytes arrive.
struct OutputCallbacks
{
    /// Bytes are passed through unchanged: output need not be valid UTF-8.
    std::function<void(const QByteArray &chunk)> onStdout;
    std::function<void(const QByteArray &chunk)> onStderr;
};

/// Bytes transferred so far and the total (-1 when the total is not known).
using ProgressCallback = std::function<void(qint64 done, qint64 total)>;

} // namespace Cuttle
