#pragma once

#include <QString>

namespace Cuttle {

/// Which host key an SSH target must present.
struct HostKeyPolicy
{
    /// "SHA256:..." as `ssh-keygen -lf` prints it; empty when the target was never contacted.
    QString pinnedFingerprint;
    /// Without a pinned fingerprint, trust the offered key (the caller pins it afterwards)
    /// instead of failing with the "host key not trusted yet" error.
    bool acceptNew = false;
};

} // namespace Cuttle
