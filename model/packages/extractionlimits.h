#pragma once

#include <QtGlobal>

namespace Cuttle {

/// Bounds that stop decompression bombs before they fill the disk.
struct ExtractionLimits
{
    qint64 maxTotalSize = 10LL * 1024 * 1024 * 1024; ///< bytes written for all entries together
    qint64 maxEntries = 100'000;
    /// Uncompressed bytes per compressed byte read, checked once more than ratioThreshold bytes came out.
    double maxCompressionRatio = 200.0;
    qint64 ratioThreshold = 1024 * 1024;
};

} // namespace Cuttle
