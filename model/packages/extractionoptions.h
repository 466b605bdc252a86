#pragma once

#include "model/packages/extractionlimits.h"

#include <QtGlobal>

#include <atomic>
#include <functional>

namespace Cuttle {

/// How PackageArchive::extractTo runs: limits, cancellation and progress.
struct ExtractionOptions
{
    ExtractionLimits limits;
    /// Checked between blocks; set it from any thread to stop with a Cancelled error.
    const std::atomic<bool> *cancel = nullptr;
    /// Called on the extracting thread with the bytes written so far and the entries seen so far.
    std::function<void(qint64 bytesWritten, qint64 entries)> progress;
};

} // namespace Cuttle
